"""The core's GeoPackage opened and edited by QGIS (OGR provider): add, modify, delete, commit."""

from __future__ import annotations

import sqlite3

import pytest
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsVectorLayer,
)

from osm_roundtrip.plugin.core.gpkg import read_features, write_dataset
from osm_roundtrip.plugin.core.osm.features import LAYERS, LINES, POINTS, POLYGONS, RELATIONS
from osm_roundtrip.plugin.core.osm.model import DataSet, Member, Node, Relation, Way


def dataset() -> DataSet:
    ds = DataSet()
    ds.bounds = [(9.5, 47.1, 9.6, 47.2)]
    ds.add(Node(1, 47.10, 9.50, 3, {"amenity": "cafe", "addr:street": "Städtle"}))
    ds.add(Node(2, 47.11, 9.51, 1))
    ds.add(Node(3, 47.12, 9.51, 1))
    ds.add(Node(4, 47.12, 9.50, 1))
    ds.add(Node(5, 47.15, 9.55, 1, {"shop": "bakery", "Shop": "x"}))
    ds.add(Way(10, [2, 3, 4, 2], 2, {"building": "yes"}))
    ds.add(Way(11, [1, 2], 1, {"highway": "footway"}))
    ds.add(Relation(20, [Member("way", 11, ""), Member("node", 99, "")], 1, {"type": "route"}))
    return ds


@pytest.fixture
def gpkg_path(qgis_app, tmp_path):
    path = tmp_path / "edit.gpkg"
    write_dataset(dataset(), path)
    return path


@pytest.fixture
def log_warnings(qgis_app):
    messages = []

    def collect(message, tag, level):
        if level >= Qgis.Warning:
            messages.append((tag, message))

    log = QgsApplication.messageLog()
    log.messageReceived.connect(collect)
    yield messages
    log.messageReceived.disconnect(collect)


def open_layer(path, name) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert layer.isValid(), layer.dataProvider().error().message()
    return layer


def test_qgis_opens_every_layer_without_warnings(gpkg_path, log_warnings):
    counts = {}
    for name in LAYERS:
        layer = open_layer(gpkg_path, name)
        counts[name] = layer.featureCount()
        assert layer.crs().authid() == ("EPSG:4326" if name != RELATIONS else "")
        assert "osm_id" in layer.fields().names()
    assert counts == {POINTS: 2, LINES: 1, POLYGONS: 1, RELATIONS: 1}
    assert open_layer(gpkg_path, POINTS).fields().indexOf("addr:street") >= 0
    assert log_warnings == []


def test_qgis_adds_modifies_deletes_and_commits(gpkg_path, log_warnings):
    points = open_layer(gpkg_path, POINTS)
    assert points.startEditing()
    new = QgsFeature(points.fields())
    new.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(9.58, 47.18)))
    new.setAttribute("amenity", "bench")
    assert points.addFeature(new)
    cafe = next(f for f in points.getFeatures() if f["osm_id"] == 1)
    assert points.changeGeometry(cafe.id(), QgsGeometry.fromPointXY(QgsPointXY(9.501, 47.101)))
    index = points.fields().indexOf("addr:street")
    assert points.changeAttributeValue(cafe.id(), index, "Äulestrasse")
    bakery = next(f for f in points.getFeatures() if f["osm_id"] == 5)
    assert points.deleteFeature(bakery.id())
    assert points.commitChanges(), points.commitErrors()

    polygons = open_layer(gpkg_path, POLYGONS)
    assert polygons.startEditing()
    building = next(polygons.getFeatures())
    assert polygons.moveVertex(9.515, 47.115, building.id(), 1)
    assert polygons.commitChanges(), polygons.commitErrors()

    relations = open_layer(gpkg_path, RELATIONS)
    assert relations.startEditing()
    route = next(relations.getFeatures())
    assert relations.changeAttributeValue(route.id(), relations.fields().indexOf("type"), "site")
    assert relations.commitChanges(), relations.commitErrors()

    layers = read_features(gpkg_path)
    by_id = {(f.osm_type, f.osm_id): f for f in layers[POINTS]}
    assert by_id[("node", 1)].geometry == pytest.approx((9.501, 47.101))
    assert by_id[("node", 1)].tags == {"amenity": "cafe", "addr:street": "Äulestrasse"}
    assert ("node", 5) not in by_id
    created = by_id[(None, None)]
    assert created.tags == {"amenity": "bench"}
    assert created.geometry == pytest.approx((9.58, 47.18))
    (polygon,) = layers[POLYGONS]
    assert polygon.geometry[0][0][1] == pytest.approx((9.515, 47.115))
    assert layers[RELATIONS][0].tags == {"type": "site"}
    assert layers[RELATIONS][0].members == [("way", 11, ""), ("node", 99, "")]

    con = sqlite3.connect(gpkg_path)
    for name in (POINTS, LINES, POLYGONS):
        assert con.execute(f"SELECT rtreecheck('rtree_{name}_geom')").fetchone()[0] == "ok"
    assert log_warnings == []


def test_reopened_after_close_keeps_the_edits(gpkg_path):
    layer = open_layer(gpkg_path, LINES)
    assert layer.startEditing()
    line = next(layer.getFeatures())
    layer.changeAttributeValue(line.id(), layer.fields().indexOf("highway"), "path")
    assert layer.commitChanges()
    del layer
    again = open_layer(gpkg_path, LINES)
    assert next(again.getFeatures())["highway"] == "path"
