"""Upload conflicts (409) merged three ways against the sandbox with two users: alice edits her
GeoPackage, bob edits the same elements through the API first; alice's upload is refused, the
merge keeps bob's work where alice did not touch it and applies her choices exactly."""

from __future__ import annotations

import pytest
import requests

from osm_roundtrip.plugin.core.gpkg import read_base, write_dataset
from osm_roundtrip.plugin.core.gpkg_merge import merge_conflicts, resolve_conflicts
from osm_roundtrip.plugin.core.gpkg_update import connect
from osm_roundtrip.plugin.core.http import HttpTransport
from osm_roundtrip.plugin.core.osm import upload
from osm_roundtrip.plugin.core.osm.api import OsmApi
from osm_roundtrip.plugin.core.osm.diff import MODIFY, Change, OsmChanges
from osm_roundtrip.plugin.core.osm.merge import DELETED, POSITION, TAG, THEIRS
from osm_roundtrip.plugin.core.osm.model import DataSet
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


def api(sandbox, user="alice") -> OsmApi:
    return OsmApi(sandbox.api, sandbox.token(user), HttpTransport(timeout=20))


def server(sandbox, kind, element_id):
    reply = requests.get(f"{sandbox.api}/{kind}/{element_id}", timeout=20)
    return (
        None if reply.status_code == 410 else parse_osm_bytes(reply.content).get(kind, element_id)
    )


def free_point(db, skip=()):
    used = set()
    for (text,) in db.execute("SELECT nodes FROM osm_base_ways"):
        used.update(int(n) for n in text.strip("[]").split(",") if n)
    for (text,) in db.execute("SELECT members FROM osm_base_relations"):
        used.update(int(p) for p in text.replace('"', " ").replace(",", " ").split() if p.isdigit())
    for fid, osm_id in db.execute(
        "SELECT fid, osm_id FROM osm_points WHERE osm_id > 0 AND name IS NOT NULL ORDER BY fid"
    ):
        if osm_id not in used and osm_id not in skip:
            return fid, osm_id
    raise AssertionError("no free point")


def set_tags(db, fid, **tags):
    columns = {row[1] for row in db.execute("PRAGMA table_info(osm_points)")}
    for key, value in tags.items():
        if key not in columns:
            db.execute(f'ALTER TABLE osm_points ADD COLUMN "{key}" TEXT')
        db.execute(f'UPDATE osm_points SET "{key}" = ? WHERE fid = ?', (value, fid))


def bob_changes(sandbox, tmp_path, *elements):
    changes = OsmChanges(modifies=[Change(MODIFY, e) for e in elements])
    upload.start_upload(api(sandbox, "bob"), changes, tmp_path / "bob", comment="Bob")


def conflict_keys(gpkg, sandbox):
    with pytest.raises(upload.UploadConflict) as caught:
        upload.upload_geopackage(gpkg, api(sandbox), comment="Alice")
    return [c.key for c in caught.value.conflicts]


def servers_data(sandbox, keys) -> DataSet:
    data = DataSet()
    for kind, element_id in keys:
        full = api(sandbox).element_full(kind, element_id)
        if full:
            data.merge(parse_osm_bytes(full))
    return data


def test_what_does_not_overlap_merges_by_itself(sandbox, gpkg, tmp_path):
    """The café: alice adds wheelchair=yes, bob sets internet_access=wlan; both reach the
    server, nothing is asked."""
    with connect(gpkg) as db:
        fid, node_id = free_point(db)
        set_tags(db, fid, wheelchair="yes (alice)")
    theirs = server(sandbox, "node", node_id)
    theirs.tags["internet_access"] = "wlan (bob)"
    bob_changes(sandbox, tmp_path, theirs)

    keys = conflict_keys(gpkg, sandbox)
    assert keys == [("node", node_id)]
    data = servers_data(sandbox, keys)
    (result,) = merge_conflicts(gpkg, keys, data)
    assert result.conflicts == []
    resolve_conflicts(gpkg, [result], {}, data)
    upload.upload_geopackage(gpkg, api(sandbox), comment="Alice again")
    now = server(sandbox, "node", node_id)
    assert now.tags["wheelchair"] == "yes (alice)" and now.tags["internet_access"] == "wlan (bob)"
    assert not upload.changes_of_geopackage(gpkg)


def test_take_theirs_for_a_moved_node_keeps_bobs_position(sandbox, gpkg, tmp_path):
    with connect(gpkg) as db:
        fid, node_id = free_point(db)
        (blob,) = db.execute("SELECT geom FROM osm_points WHERE fid = ?", (fid,)).fetchone()
    from osm_roundtrip.plugin.core.gpkg import decode_geometry, encode_point

    x, y = decode_geometry(blob)
    with connect(gpkg) as db:
        db.execute(
            "UPDATE osm_points SET geom = ? WHERE fid = ?",
            (encode_point(round(x + 0.0001, 7), y), fid),
        )
    theirs = server(sandbox, "node", node_id)
    theirs.lat = round(theirs.lat + 0.0001, 7)
    bob_changes(sandbox, tmp_path, theirs)

    keys = conflict_keys(gpkg, sandbox)
    data = servers_data(sandbox, keys)
    (result,) = merge_conflicts(gpkg, keys, data)
    assert [(c.kind, c.key) for c in result.conflicts] == [(POSITION, "")]
    resolve_conflicts(gpkg, [result], {result.key: {(POSITION, ""): THEIRS}}, data)
    assert not upload.changes_of_geopackage(gpkg)  # the next review has nothing for it
    assert read_base(gpkg).nodes[node_id].version == theirs.version + 1


def test_a_tag_clash_takes_the_choice_and_keeps_the_rest(sandbox, gpkg, tmp_path):
    with connect(gpkg) as db:
        fid, node_id = free_point(db)
        set_tags(db, fid, cuisine="coffee_shop (alice)", wheelchair="yes (alice)")
    theirs = server(sandbox, "node", node_id)
    theirs.tags["cuisine"] = "cake (bob)"
    theirs.tags["internet_access"] = "wlan (bob)"
    bob_changes(sandbox, tmp_path, theirs)

    keys = conflict_keys(gpkg, sandbox)
    data = servers_data(sandbox, keys)
    (result,) = merge_conflicts(gpkg, keys, data)
    assert [(c.kind, c.key) for c in result.conflicts] == [(TAG, "cuisine")]
    resolve_conflicts(gpkg, [result], {}, data)  # no choice: mine
    upload.upload_geopackage(gpkg, api(sandbox), comment="Alice again")
    now = server(sandbox, "node", node_id)
    assert now.tags["cuisine"] == "coffee_shop (alice)"  # alice's choice
    assert now.tags["internet_access"] == "wlan (bob)" and now.tags["wheelchair"] == "yes (alice)"


def test_deleted_by_bob_modified_by_alice(sandbox, gpkg, tmp_path):
    with connect(gpkg) as db:
        fid, node_id = free_point(db)
        set_tags(db, fid, wheelchair="yes (alice)")
    gone = server(sandbox, "node", node_id)
    upload.start_upload(
        api(sandbox, "bob"),
        OsmChanges(deletes=[Change("delete", gone)]),
        tmp_path / "bob",
        comment="Bob deletes",
    )
    keys = conflict_keys(gpkg, sandbox)
    data = servers_data(sandbox, keys)
    (result,) = merge_conflicts(gpkg, keys, data)
    assert [c.kind for c in result.conflicts] == [DELETED]
    resolve_conflicts(gpkg, [result], {result.key: {(DELETED, ""): THEIRS}}, data)
    assert node_id not in read_base(gpkg).nodes
    assert not upload.changes_of_geopackage(gpkg)  # accepted: nothing left to send
    assert server(sandbox, "node", node_id) is None
