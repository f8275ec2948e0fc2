"""After an upload the layers are read again from their file; the selection stays."""

from __future__ import annotations

from qgis.core import QgsProject

from osm_roundtrip.plugin.adapters import osm_layers, upload_service
from osm_roundtrip.plugin.core.gpkg import write_dataset
from osm_roundtrip.plugin.core.osm.model import DataSet, Node, Way


def test_reloading_the_layers_keeps_the_selected_elements(qgis_iface, tmp_path):
    ds = DataSet()
    ds.bounds = [(9.5, 47.1, 9.6, 47.2)]
    for index in range(1, 5):
        ds.add(Node(index, 47.1 + index / 1000, 9.5, 1, {"amenity": "bench"}))
    ds.add(Node(10, 47.11, 9.51, 1))
    ds.add(Node(11, 47.12, 9.52, 1))
    ds.add(Way(20, [10, 11], 3, {"highway": "path"}))
    ds.add(Way(21, [11, 10], 1, {"highway": "track"}))
    path = tmp_path / "area.gpkg"
    write_dataset(ds, path)
    layers = osm_layers.open_download(path, "area")
    try:
        points, lines = layers["osm_points"], layers["osm_lines"]
        points.selectByExpression('"osm_id" IN (2, 4)')
        lines.selectByExpression('"osm_id" = 20')
        upload_service.reload_layers(layers)
        assert sorted(f["osm_id"] for f in points.getSelectedFeatures()) == [2, 4]
        assert [f["osm_id"] for f in lines.getSelectedFeatures()] == [20]
        assert layers["osm_polygons"].selectedFeatureCount() == 0
    finally:
        QgsProject.instance().removeMapLayers([layer.id() for layer in layers.values()])
