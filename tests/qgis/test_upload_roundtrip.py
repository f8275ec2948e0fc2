"""Round trip in headless QGIS: download → edits with QGIS' editing API → upload → download.

The layers after the upload equal a fresh download of the same area (feature ids aside), and
a second upload finds nothing to do.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

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


def assert_equal_to_a_fresh_download(layers, osm_sandbox, tmp_path) -> None:
    """The layers after the upload equal a new download of the same box, ids aside."""
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
def download(osm_sandbox, tmp_path, qgis_new_project, wait_for_map):
    osm_sandbox.reset()
    path = tmp_path / "vaduz.gpkg"
    download_service.download_to_gpkg(BBOX, osm_sandbox.api, path)
    layers = osm_layers.open_download(path)
    wait_for_map()  # the tests edit at once: not while the map draws the new layers
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
    left = upload_service.compute_changes(path, layers)
    assert not left, left.describe()

    assert_equal_to_a_fresh_download(layers, osm_sandbox, tmp_path)


def test_unsaved_edits_are_refused(osm_sandbox, download):
    path, layers = download
    layer = layers[POINTS]
    layer.startEditing()
    feature = next(layer.getFeatures())
    layer.changeAttributeValue(feature.id(), layer.fields().indexOf("name"), "x")
    with pytest.raises(upload_service.UnsavedEdits):
        upload_service.upload_edits(path, layers, osm_sandbox.api, "t", "comment")
    layer.rollBack()


def _line_with(layer, nodes_of, used_elsewhere, min_vertices):
    """A tagged line whose inner vertices no other way or relation uses."""
    for feature in layer.getFeatures():
        nodes = nodes_of.get(feature["osm_id"])
        if not feature["highway"] or not nodes or len(nodes) < min_vertices:
            continue
        if not any(n in used_elsewhere[feature["osm_id"]] for n in nodes[1:-1]):
            yield feature


def test_geometry_edits_round_trip(osm_sandbox, download, tmp_path):
    """Moved, inserted and removed vertices, a deleted line and a polygon with a hole."""
    import sqlite3

    path, layers = download
    lines, polygons = layers[LINES], layers[POLYGONS]
    with sqlite3.connect(path) as db:
        nodes_of = {i: json.loads(t) for i, t in db.execute("SELECT id, nodes FROM osm_base_ways")}
        in_relations = set()
        for (text,) in db.execute("SELECT members FROM osm_base_relations"):
            in_relations.update(ref for kind, ref, _ in json.loads(text) if kind == "way")
    users: dict = {}
    for way, nodes in nodes_of.items():
        for node in nodes:
            users.setdefault(node, set()).add(way)
    used_elsewhere = {
        way: {n for n in nodes if users[n] - {way}} for way, nodes in nodes_of.items()
    }
    candidates = [
        f for f in _line_with(lines, nodes_of, used_elsewhere, 4) if f["osm_id"] not in in_relations
    ]
    assert len(candidates) >= 4, "the test area needs four free streets"
    moved, inserted, removed, deleted = candidates[:4]

    assert lines.startEditing() and polygons.startEditing()
    vertex = moved.geometry().vertexAt(1)
    assert lines.moveVertex(vertex.x() + 0.00004, vertex.y() - 0.00002, moved.id(), 1)
    a, b = inserted.geometry().vertexAt(1), inserted.geometry().vertexAt(2)
    assert lines.insertVertex((a.x() + b.x()) / 2 + 0.00003, (a.y() + b.y()) / 2, inserted.id(), 2)
    assert lines.deleteVertex(removed.id(), 1) == QgsVectorLayer.Success
    assert lines.deleteFeature(deleted.id())
    outer = [(9.5200, 47.1385), (9.5206, 47.1385), (9.5206, 47.1389), (9.5200, 47.1389)]
    hole = [(9.5202, 47.1386), (9.5204, 47.1386), (9.5204, 47.1388), (9.5202, 47.1388)]
    courtyard = QgsFeature(polygons.fields())
    courtyard.setGeometry(
        QgsGeometry.fromMultiPolygonXY(
            [[[QgsPointXY(*p) for p in (*ring, ring[0])] for ring in (outer, hole)]]
        )
    )
    courtyard["building"] = "yes"
    polygons.addFeature(courtyard)
    assert lines.commitChanges(), lines.commitErrors()
    assert polygons.commitChanges(), polygons.commitErrors()

    changes = upload_service.compute_changes(path, layers)
    kinds = {(c.action, c.element.type) for c in changes}
    assert {("modify", "node"), ("create", "node"), ("modify", "way"), ("delete", "way")} <= kinds
    assert ("create", "relation") in kinds  # the courtyard became a multipolygon
    deleted_nodes = {c.element.id for c in changes.deletes if c.element.type == "node"}
    assert nodes_of[removed["osm_id"]][1] in deleted_nodes  # the removed, untagged vertex
    report = upload_service.upload_edits(
        path, layers, osm_sandbox.api, osm_sandbox.token(), "Geometry round trip"
    )
    assert report.complete and report.uploaded == len(changes)
    upload_service.reload_layers(layers)
    left = upload_service.compute_changes(path, layers)
    assert not left, left.describe()

    assert_equal_to_a_fresh_download(layers, osm_sandbox, tmp_path)


def test_moving_a_shared_vertex_moves_it_in_every_layer(osm_sandbox, download, tmp_path):
    """A junction moved in one street moves in the other street too, after the upload."""
    import sqlite3

    path, layers = download
    lines = layers[LINES]
    with sqlite3.connect(path) as db:
        nodes_of = {i: json.loads(t) for i, t in db.execute("SELECT id, nodes FROM osm_base_ways")}
    line_ids = {f["osm_id"]: f for f in lines.getFeatures() if f["osm_type"] == "way"}
    users: dict = {}
    for way, nodes in nodes_of.items():
        for index, node in enumerate(nodes):
            users.setdefault(node, []).append((way, index))
    junction, (first, second) = next(
        (node, uses)
        for node, uses in users.items()
        if len(uses) == 2 and all(w in line_ids and 0 < i < len(nodes_of[w]) - 1 for w, i in uses)
    )
    (way_a, index_a), (way_b, index_b) = first, second
    feature = line_ids[way_a]
    old = feature.geometry().vertexAt(index_a)
    assert lines.startEditing()
    assert lines.moveVertex(old.x() + 0.00003, old.y() + 0.00002, feature.id(), index_a)
    assert lines.commitChanges(), lines.commitErrors()

    changes = upload_service.compute_changes(path, layers)
    assert [(c.action, c.element.type, c.element.id) for c in changes] == [
        ("modify", "node", junction)
    ]
    report = upload_service.upload_edits(
        path, layers, osm_sandbox.api, osm_sandbox.token(), "Move a junction"
    )
    assert report.complete
    upload_service.reload_layers(layers)
    other = next(f for f in lines.getFeatures() if f["osm_id"] == way_b)
    moved = other.geometry().vertexAt(index_b)
    assert (round(moved.x(), 7), round(moved.y(), 7)) == (
        round(old.x() + 0.00003, 7),
        round(old.y() + 0.00002, 7),
    )
    assert not upload_service.compute_changes(path, layers)
    assert_equal_to_a_fresh_download(layers, osm_sandbox, tmp_path)


def test_a_gateway_error_after_the_server_committed_is_settled_not_resent(
    osm_sandbox, download, tmp_path
):
    """The answer to the upload is replaced by a 502 page after the server applied it: the
    upload settles it from the changeset download, writes the ids back and sends nothing twice."""
    from fault_proxy import FaultProxy

    path, layers = download
    points = layers[POINTS]
    assert points.startEditing()
    bench = QgsFeature(points.fields())
    bench.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(9.5213, 47.1406)))
    bench["amenity"] = "bench"
    bench["name"] = "Exactly once"
    points.addFeature(bench)
    assert points.commitChanges(), points.commitErrors()
    with FaultProxy(osm_sandbox.url, idle=60) as proxy:
        proxy.spoil("POST", r"/upload$", 1, "502")
        with sqlite3.connect(path) as connection:  # as if downloaded through the proxy
            connection.execute(
                "UPDATE osm_meta SET value = ? WHERE key = 'api_url'", (proxy.url + "/api/0.6",)
            )
        report = upload_service.upload_edits(
            path, layers, proxy.url + "/api/0.6", osm_sandbox.token(), "Gateway error"
        )
    assert report.complete and report.settled == 1 and report.created == 1
    upload_service.reload_layers(layers)
    assert not upload_service.compute_changes(path, layers)
    (feature,) = [f for f in points.getFeatures() if f["name"] == "Exactly once"]
    assert feature["osm_id"] and feature["osm_id"] > 0
    assert_equal_to_a_fresh_download(layers, osm_sandbox, tmp_path)  # one bench on the server
