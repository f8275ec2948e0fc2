""" "Update data" against the sandbox with two users: alice downloads and edits her GeoPackage
(with SQL, as a GIS writes it), bob edits the same area through the API, alice updates. Bob's
work comes in, alice's edits stay, what both changed is a conflict that keeps alice's side and
makes the server refuse its upload until it is resolved."""

from __future__ import annotations

import pytest
import requests

from osm_roundtrip.plugin.core.gpkg import decode_geometry, read_base, write_dataset
from osm_roundtrip.plugin.core.gpkg_refresh import plan_update, update_download
from osm_roundtrip.plugin.core.gpkg_update import connect
from osm_roundtrip.plugin.core.http import HttpTransport
from osm_roundtrip.plugin.core.osm import upload
from osm_roundtrip.plugin.core.osm.api import OsmApi
from osm_roundtrip.plugin.core.osm.diff import CREATE, DELETE, MODIFY, Change, OsmChanges
from osm_roundtrip.plugin.core.osm.model import DataSet, Node, Way
from osm_roundtrip.plugin.core.osm.xmlreader import parse_osm_bytes

BBOX = "9.518,47.138,9.524,47.142"


@pytest.fixture
def sandbox(osm_sandbox):
    osm_sandbox.reset()
    return osm_sandbox


@pytest.fixture
def gpkg(sandbox, tmp_path):
    reply = requests.get(sandbox.api + "/map", params={"bbox": BBOX}, timeout=60)
    reply.raise_for_status()
    path = tmp_path / "vaduz.gpkg"
    write_dataset(parse_osm_bytes(reply.content), path, api_url=sandbox.api)
    return path


def api(sandbox, user) -> OsmApi:
    return OsmApi(sandbox.api, sandbox.token(user), HttpTransport(timeout=20))


def server(sandbox, kind, element_id):
    reply = requests.get(f"{sandbox.api}/{kind}/{element_id}", timeout=20)
    if reply.status_code == 410:
        return None
    return parse_osm_bytes(reply.content).get(kind, element_id)


def bob_uploads(sandbox, tmp_path, changes: OsmChanges) -> None:
    upload.start_upload(api(sandbox, "bob"), changes, tmp_path / "bob", comment="Bob's edit")


def points(db, count):
    """Tagged nodes that are in no way and no relation (free to edit alone)."""
    rows = db.execute(
        "SELECT fid, osm_id FROM osm_points WHERE osm_id > 0 AND name IS NOT NULL ORDER BY fid"
    ).fetchall()
    used = set()
    for (text,) in db.execute("SELECT nodes FROM osm_base_ways"):
        used.update(int(n) for n in text.strip("[]").split(",") if n)
    for (text,) in db.execute("SELECT members FROM osm_base_relations"):
        used.update(int(part) for part in text.replace('"', " ").replace(",", " ").split()
                    if part.isdigit())  # fmt: skip
    return [r for r in rows if r[1] not in used][:count]


def test_update_takes_theirs_keeps_mine_and_flags_what_both_changed(sandbox, gpkg, tmp_path):
    with connect(gpkg) as db:
        (a_fid, a_id), (_, b_id), (c_fid, c_id), (_, d_id) = points(db, 4)
        # alice: renames A (only she), renames C (bob too)
        db.execute("UPDATE osm_points SET name = 'Alice A' WHERE fid = ?", (a_fid,))
        db.execute("UPDATE osm_points SET name = 'Alice C' WHERE fid = ?", (c_fid,))
    # bob: tags B, moves D, renames C too, adds a new node
    b, c, d = (server(sandbox, "node", i) for i in (b_id, c_id, d_id))
    b.tags["cuisine"] = "cake"
    c.tags["name"] = "Bob C"
    d.lat = round(d.lat + 0.0001, 7)
    new = Node(-1, 47.1405, 9.5205, 0, {"amenity": "bench"})
    bob_uploads(
        sandbox,
        tmp_path,
        OsmChanges(
            creates=[Change(CREATE, new)],
            modifies=[Change(MODIFY, b), Change(MODIFY, c), Change(MODIFY, d)],
        ),
    )

    report = update_download(gpkg, sandbox.api, HttpTransport(timeout=30))

    assert report.conflicts == [("node", c_id)]
    assert (report.changed, report.added) == (2, 1)  # B and D; bob's bench
    base = read_base(gpkg)
    assert base.nodes[b_id].tags["cuisine"] == "cake"  # bob's work came in
    assert base.nodes[d_id].lat == d.lat
    assert base.nodes[c_id].version == c.version  # the conflict keeps the version alice had
    assert server(sandbox, "node", c_id).version == c.version + 1
    with connect(gpkg) as db:
        names = dict(db.execute("SELECT osm_id, name FROM osm_points"))
        benches = db.execute("SELECT count(*) FROM osm_points WHERE amenity = 'bench'")
        assert names[a_id] == "Alice A" and names[c_id] == "Alice C"  # alice's edits stay
        assert benches.fetchone()[0] >= 1
    left = {(c.action, *c.element.key) for c in upload.changes_of_geopackage(gpkg)}
    assert left == {(MODIFY, "node", a_id), (MODIFY, "node", c_id)}
    # alice's upload: A goes up; C is refused as a conflict, bob's name stays on the server
    with pytest.raises(upload.UploadConflict) as caught:
        upload.upload_geopackage(gpkg, api(sandbox, "alice"), comment="Alice's edit")
    assert [c.key for c in caught.value.conflicts] == [("node", c_id)]
    assert server(sandbox, "node", c_id).tags["name"] == "Bob C"


def test_what_left_the_area_leaves_the_file_unless_alice_changed_it(sandbox, gpkg, tmp_path):
    with connect(gpkg) as db:
        (_, a_id), (b_fid, b_id) = points(db, 2)
        db.execute("UPDATE osm_points SET name = 'Alice B' WHERE fid = ?", (b_fid,))
    a, b = server(sandbox, "node", a_id), server(sandbox, "node", b_id)
    bob_uploads(sandbox, tmp_path, OsmChanges(deletes=[Change(DELETE, a), Change(DELETE, b)]))

    report = update_download(gpkg, sandbox.api, HttpTransport(timeout=30))

    assert a_id not in read_base(gpkg).nodes and report.removed >= 1
    assert report.conflicts == [("node", b_id)]  # deleted by bob, renamed by alice
    with connect(gpkg) as db:
        ids = {row[0] for row in db.execute("SELECT osm_id FROM osm_points")}
    assert a_id not in ids and b_id in ids


def test_an_update_without_changes_on_either_side_changes_nothing(sandbox, gpkg):
    before = read_base(gpkg)
    report = update_download(gpkg, sandbox.api, HttpTransport(timeout=30))
    assert (report.changed, report.added, report.removed, report.conflicts) == (0, 0, 0, [])
    assert read_base(gpkg) == before
    assert not upload.changes_of_geopackage(gpkg)


def test_plan_classes():
    base, theirs = DataSet(), DataSet()
    for node in (Node(1, 0, 0, 1), Node(2, 0, 0, 1), Node(3, 0, 0, 1), Node(4, 0, 0, 1)):
        base.add(node)
    base.add(Way(10, [1, 2], 1, {"highway": "path"}))
    theirs.add(Node(1, 0, 0, 1))  # unchanged
    theirs.add(Node(2, 0.1, 0, 2))  # moved by them
    theirs.add(Node(3, 0, 0, 2, {"x": "y"}))  # changed by both
    theirs.add(Node(5, 0, 0, 1))  # new
    theirs.add(Way(10, [1, 2], 1, {"highway": "path"}))
    mine = OsmChanges(
        modifies=[Change(MODIFY, Node(3, 0, 0, 1, {"x": "mine"}))],
        deletes=[Change(DELETE, Node(4, 0, 0, 1))],
    )  # 4: deleted by alice and gone on the server too: the same outcome, no conflict
    plan = plan_update(base, theirs, mine)
    assert plan.changed == [("node", 2)]
    assert plan.added == [("node", 5)]
    assert plan.conflicts == [("node", 3)]
    assert plan.removed == [("node", 4)]
    assert plan.server.nodes[3].version == 1  # the base version: nothing of it changes
    assert plan.taken == {("node", 2), ("node", 4), ("node", 5)}


def test_bobs_move_of_a_node_of_alices_retagged_street_is_not_moved_back(sandbox, gpkg, tmp_path):
    """Rebased: alice's street gets bob's node position; her upload sends only her tag."""
    with connect(gpkg) as db:
        fid, way_id, refs = db.execute(
            "SELECT l.fid, l.osm_id, w.nodes FROM osm_lines l JOIN osm_base_ways w "
            "ON w.id = l.osm_id WHERE l.highway IS NOT NULL ORDER BY l.fid LIMIT 1"
        ).fetchone()
        db.execute("UPDATE osm_lines SET surface = 'gravel' WHERE fid = ?", (fid,))
    node_id = int(refs.strip("[]").split(",")[1])
    node = server(sandbox, "node", node_id)
    node.lon = round(node.lon + 0.00005, 7)
    bob_uploads(sandbox, tmp_path, OsmChanges(modifies=[Change(MODIFY, node)]))

    report = update_download(gpkg, sandbox.api, HttpTransport(timeout=30))

    assert report.conflicts == [] and report.changed == 1
    assert read_base(gpkg).nodes[node_id].lon == node.lon  # bob's position in the base
    with connect(gpkg) as db:
        (blob,) = db.execute("SELECT geom FROM osm_lines WHERE fid = ?", (fid,)).fetchone()
    assert (node.lon, node.lat) in [tuple(xy) for xy in decode_geometry(blob)]  # and the line
    left = list(upload.changes_of_geopackage(gpkg))
    assert [(c.action, *c.element.key) for c in left] == [(MODIFY, "way", way_id)]
    upload.upload_geopackage(gpkg, api(sandbox, "alice"), comment="Surface")
    assert server(sandbox, "node", node_id).lon == node.lon  # bob's move stays
    assert server(sandbox, "way", way_id).tags["surface"] == "gravel"


def test_both_changed_different_tags_merge_during_the_update(sandbox, gpkg, tmp_path):
    with connect(gpkg) as db:
        (fid, node_id), *_ = points(db, 1)
        db.execute("UPDATE osm_points SET name = 'Alice' WHERE fid = ?", (fid,))
    theirs = server(sandbox, "node", node_id)
    theirs.tags["check_date"] = "2026-12-06"
    bob_uploads(sandbox, tmp_path, OsmChanges(modifies=[Change(MODIFY, theirs)]))

    report = update_download(gpkg, sandbox.api, HttpTransport(timeout=30))

    assert report.conflicts == [] and report.merged == 1
    upload.upload_geopackage(gpkg, api(sandbox, "alice"), comment="Name")  # no 409
    now = server(sandbox, "node", node_id)
    assert now.tags["name"] == "Alice" and now.tags["check_date"] == "2026-12-06"
