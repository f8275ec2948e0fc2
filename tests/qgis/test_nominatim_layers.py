"""Result layers take any keys a server sends: a GeoPackage of them opens and holds every value."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsVectorFileWriter,
    QgsVectorLayer,
)


def places(extratags_list):
    from osm_roundtrip.plugin.core.nominatim.places import parse_jsonv2

    return parse_jsonv2(
        [
            {
                "place_id": number,
                "osm_type": "node",
                "osm_id": number,
                "lat": "47.1",
                "lon": "9.5",
                "extratags": extratags,
            }
            for number, extratags in enumerate(extratags_list, 1)
        ]
    )


def write_gpkg(found, path) -> QgsVectorLayer:
    from osm_roundtrip.plugin.adapters import nominatim_layers

    fields = nominatim_layers.place_fields(found)
    memory = QgsVectorLayer("Point?crs=EPSG:4326", "results", "memory")
    memory.dataProvider().addAttributes(fields.toList())
    memory.updateFields()
    features = [
        nominatim_layers.make_feature(p, memory.fields(), nominatim_layers.point_geometry(p))
        for p in found
    ]
    assert memory.dataProvider().addFeatures(features)[0]
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error, message, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(
        memory, str(path), QgsCoordinateTransformContext(), options
    )
    assert error == QgsVectorFileWriter.WriterError.NoError, message
    layer = QgsVectorLayer(str(path), "written", "ogr")
    assert layer.isValid()
    assert layer.crs() == QgsCoordinateReferenceSystem("EPSG:4326")
    return layer


def test_keys_differing_only_in_case_keep_both_values(tmp_path):
    found = places([{"fixme": "check name", "FIXME": "CHECK POSITION"}, {"FIXME": "second"}])
    layer = write_gpkg(found, tmp_path / "fixme.gpkg")
    rows = [(f["extra_fixme"], f["extra_FIXME_2"]) for f in layer.getFeatures()]
    assert rows == [("check name", "CHECK POSITION"), (None, "second")]


def test_thousands_of_keys_give_a_layer_that_opens_with_all_of_them_in_raw_json(tmp_path):
    from osm_roundtrip.plugin.core.nominatim.columns import MAX_DETAIL_COLUMNS

    found = places([{f"key{i}": str(i) for i in range(3000)}])
    layer = write_gpkg(found, tmp_path / "many.gpkg")
    names = layer.fields().names()
    assert len([n for n in names if n.startswith("extra_")]) == MAX_DETAIL_COLUMNS
    (feature,) = layer.getFeatures()
    assert feature["extra_key0"] == "0"
    assert '"key2999":"2999"' in feature["raw_json"]


def test_outlines_are_hollow_so_the_map_stays_visible(qgis_new_project):
    """A country's outline over the map: a coloured stroke and a nearly transparent fill, not
    QGIS's random opaque fill."""
    from osm_roundtrip.plugin.adapters import nominatim_layers
    from osm_roundtrip.plugin.core.nominatim.places import parse_jsonv2

    found = parse_jsonv2(
        [
            {
                "place_id": 1,
                "osm_type": "relation",
                "osm_id": 1155955,
                "lat": "47.14",
                "lon": "9.55",
                "display_name": "Liechtenstein",
                "geojson": {
                    "type": "Polygon",
                    "coordinates": [[[9.47, 47.05], [9.64, 47.05], [9.64, 47.27], [9.47, 47.05]]],
                },
            }
        ]
    )
    results = nominatim_layers.ResultLayers()
    assert results.add(found)[nominatim_layers.POLYGONS] == 1
    outlines = results.layer(nominatim_layers.POLYGONS)
    symbol = outlines.renderer().symbol()
    fill = symbol.symbolLayer(0)
    assert fill.fillColor().alpha() < 40  # the map under the outline shows through
    assert fill.strokeColor().name() == nominatim_layers.RESULT_COLOUR
    assert fill.strokeWidth() >= 0.5
    points = results.layer(nominatim_layers.POINTS).renderer().symbol()
    assert points.color().name() == nominatim_layers.RESULT_COLOUR
