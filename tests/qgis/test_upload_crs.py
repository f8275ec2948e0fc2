"""Edited layers in another CRS are read in WGS84 before the diff."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from osm_roundtrip.plugin.adapters.upload_service import edited_features
from osm_roundtrip.plugin.core.osm.features import LINES, POINTS


def _layer(kind: str, crs: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{kind}?crs={crs}", kind, "memory")
    layer.dataProvider().addAttributes(
        [
            QgsField("osm_type", QVariant.String),
            QgsField("osm_id", QVariant.LongLong),
            QgsField("osm_version", QVariant.Int),
            QgsField("name", QVariant.String),
        ]
    )
    layer.updateFields()
    return layer


@pytest.mark.parametrize("crs", ["EPSG:3857", "EPSG:2056"], ids=["web-mercator", "swiss-lv95"])
def test_features_of_a_projected_layer_come_back_in_wgs84(crs):
    to_layer = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsCoordinateReferenceSystem(crs),
        QgsProject.instance().transformContext(),
    )
    points, lines = _layer("Point", crs), _layer("LineString", crs)
    vaduz = [(9.5209, 47.1410), (9.5215, 47.1414)]
    projected = [to_layer.transform(QgsPointXY(*p)) for p in vaduz]
    point = QgsFeature(points.fields())
    point.setGeometry(QgsGeometry.fromPointXY(projected[0]))
    point.setAttributes(["node", 42, 3, "Rathaus"])
    line = QgsFeature(lines.fields())
    line.setGeometry(QgsGeometry.fromPolylineXY(projected))
    line.setAttributes([None, None, None, "Neuer Weg"])
    points.dataProvider().addFeatures([point])
    lines.dataProvider().addFeatures([line])

    edited = edited_features({POINTS: points, LINES: lines})
    # within a fifth of the 1e-7 degrees the OSM database stores, to which the differ rounds

    (node,) = edited[POINTS]
    assert (node.osm_type, node.osm_id, node.tags) == ("node", 42, {"name": "Rathaus"})
    assert node.geometry == pytest.approx(vaduz[0], abs=2e-8)
    (way,) = edited[LINES]
    assert way.osm_id is None and way.tags == {"name": "Neuer Weg"}
    for got, expected in zip(way.geometry, vaduz):
        assert got == pytest.approx(expected, abs=2e-8)
