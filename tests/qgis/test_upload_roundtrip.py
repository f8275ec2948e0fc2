"""Round trip in headless QGIS: download → edits with QGIS' editing API → upload → download.

The layers after the upload equal a fresh download of the same area (feature ids aside), and
a second upload finds nothing to do.
"""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY

from osm_roundtrip.plugin.adapters import download_service, osm_layers, upload_service
from osm_roundtrip.plugin.core.osm.features import LINES, POINTS, POLYGONS, RELATIONS

BBOX = (9.518, 47.138, 9.524, 47.142)


def snapshot(layers) -> dict:
    """Per layer: the multiset of (osm_type, tags, geometry rounded to 1e-7) — ids aside."""
    result = {}
    for role, features in upload_service.edited_features(layers).items():
        items = []
        for f in features:
            geometry = json.dumps(f.geometry, default=list)
            geometry = json.loads(geometry) if geometry != "null" else None
            items.append(
                (f.osm_type, json.dumps(f.tags, sort_keys=True), json.dumps(_rounded(geometry)))
            )
        result[role] = sorted(items)
    return result


def _rounded(value):
    if isinstance(value, float):
        return round(value, 7)
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def relation_nodes(gpkg) -> set:
    import sqlite3

    with sqlite3.connect(gpkg) as db:
        used = set()
        for (text,) in db.execute("SELECT members FROM osm_base_relations"):
            used.update(ref for kind, ref, _ in json.loads(text) if kind == "node")
        for (text,) in db.execute("SELECT nodes FROM osm_base_ways"):
            used.update(json.loads(text))
    return used


@pytest.fixture
def download(osm_sandbox, tmp_path, qgis_new_project):
    osm_sandbox.reset()
    path = tmp_path / "vaduz.gpkg"
    download_service.download_to_gpkg(BBOX, osm_sandbox.api, path)
    layers = osm_layers.open_download(path)
    yield path, layers
    osm_layers.remove_download(path)


def test_edits_of_every_kind_round_trip(osm_sandbox, download, tmp_path):
    path, layers = download
    points, lines, polygons = layers[POINTS], layers[LINES], layers[POLYGONS]
    used = relation_nodes(path)
    free = [f for f in points.getFeatures() if f["osm_id"] not in used][:4]

    for layer in (points, lines, polygons):
        assert layer.startEditing()
    name = points.fields().indexOf("name")
    # tag edit, move, delete of points
    points.changeAttributeValue(free[0].id(), name, "Umbenannt")
    old = free[1].geometry().asPoint()
    points.changeGeometry(
        free[1].id(), QgsGeometry.fromPointXY(QgsPointXY(old.x() + 0.0001, old.y()))
    )
    points.deleteFeature(free[2].id())
    # new point, new line, new polygon
    new_point = QgsFeature(points.fields())
    new_point.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(9.5213, 47.1406)))
    new_point["amenity"] = "bench"
    points.addFeature(new_point)
    new_line = QgsFeature(lines.fields())
    new_line.setGeometry(
        QgsGeometry.fromPolylineXY(
            [QgsPointXY(9.5191, 47.1391), QgsPointXY(9.5194, 47.1393), QgsPointXY(9.5197, 47.1392)]
        )
    )
    new_line["highway"] = "footway"
    lines.addFeature(new_line)
    new_polygon = QgsFeature(polygons.fields())
    ring = [
        QgsPointXY(9.5221, 47.1385),
        QgsPointXY(9.5224, 47.1385),
        QgsPointXY(9.5224, 47.1387),
        QgsPointXY(9.5221, 47.1387),
    ]
    new_polygon.setGeometry(QgsGeometry.fromMultiPolygonXY([[[*ring, ring[0]]]]))
    new_polygon["building"] = "yes"
    polygons.addFeature(new_polygon)
    # a line's tag and a vertex moved
    line = next(f for f in lines.getFeatures() if f["highway"] and f["osm_id"])
    lines.changeAttributeValue(line.id(), lines.fields().indexOf("name"), "Neuer Weg")
    for layer in (points, lines, polygons):
        assert layer.commitChanges(), layer.commitErrors()

    before = upload_service.compute_changes(path, layers)
    assert len(before.creates) >= 1 + 3 + 1 + 5 and before.deletes
    token = osm_sandbox.token()
    report = upload_service.upload_edits(
        path, layers, osm_sandbox.api, token, "QGIS round trip", "survey"
    )
    assert report.complete and report.uploaded == len(before)
    upload_service.reload_layers(layers)
    assert not upload_service.compute_changes(path, layers)

    again = tmp_path / "again.gpkg"
    download_service.download_to_gpkg(BBOX, osm_sandbox.api, again)
    fresh = osm_layers.open_download(again)
    try:
        mine, theirs = snapshot(layers), snapshot(fresh)
        for role in (POINTS, LINES, POLYGONS, RELATIONS):
            extra = sorted(set(mine[role]) ^ set(theirs[role]))
            assert mine[role] == theirs[role], (role, extra[:6])
    finally:
        osm_layers.remove_download(again)


def test_unsaved_edits_are_refused(osm_sandbox, download):
    path, layers = download
    layer = layers[POINTS]
    layer.startEditing()
    feature = next(layer.getFeatures())
    layer.changeAttributeValue(feature.id(), layer.fields().indexOf("name"), "x")
    with pytest.raises(upload_service.UnsavedEdits):
        upload_service.upload_edits(path, layers, osm_sandbox.api, "t", "comment")
    layer.rollBack()
