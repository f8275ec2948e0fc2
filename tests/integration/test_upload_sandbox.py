"""Uploads against the local OSM API sandbox: round trip, chunks, and every failure injected.

Each test downloads a small part of Vaduz into a GeoPackage, edits it with SQL (the QGIS tests
edit with QGIS' own editing API), uploads with :func:`upload_geopackage` and checks the server,
the GeoPackage and the journal: nothing lost, nothing applied twice.
"""

from __future__ import annotations

import json
import re

import pytest
import requests

from osm_roundtrip.plugin.core.errors import RateLimited
from osm_roundtrip.plugin.core.gpkg import encode_linestring, encode_point, read_base, write_dataset
from osm_roundtrip.plugin.core.gpkg_update import connect, rebase, take_theirs
from osm_roundtrip.plugin.core.http import HttpTransport
from osm_roundtrip.plugin.core.osm import upload
from osm_roundtrip.plugin.core.osm.api import Capabilities, OsmApi, PreconditionFailed
from osm_roundtrip.plugin.core.osm.xmlreader import parse_osm_bytes

BBOX = "9.518,47.138,9.524,47.142"


@pytest.fixture(scope="module")
def quick_sandbox(osm_sandbox_factory):
    """The Liechtenstein sandbox with a request timeout of 2 s: a request whose answer was lost
    is over after that, so settling it never waits long."""
    from tools.osm_sandbox.launch import DEFAULT_SEED

    return osm_sandbox_factory(DEFAULT_SEED, "--api-timeout", "2")


@pytest.fixture
def sandbox(quick_sandbox):
    quick_sandbox.reset()
    return quick_sandbox


def download(sandbox, path, bbox=BBOX):
    reply = requests.get(sandbox.api + "/map", params={"bbox": bbox}, timeout=60)
    reply.raise_for_status()
    write_dataset(parse_osm_bytes(reply.content), path, api_url=sandbox.api)
    return path


@pytest.fixture
def gpkg(sandbox, tmp_path):
    return download(sandbox, tmp_path / "vaduz.gpkg")


def api_for(sandbox, user="alice") -> OsmApi:
    return OsmApi(sandbox.api, sandbox.token(user), HttpTransport(timeout=20))


def relation_member_nodes(db) -> set:
    members = set()
    for (text,) in db.execute("SELECT members FROM osm_base_relations"):
        members.update(ref for kind, ref, _ in json.loads(text) if kind == "node")
    return members


def free_points(db, count=1):
    """Tagged nodes that no relation uses (the seed's relations reach outside the extract)."""
    used = relation_member_nodes(db)
    rows = db.execute(
        "SELECT fid, osm_id, osm_version FROM osm_points WHERE osm_id IS NOT NULL ORDER BY fid"
    ).fetchall()
    return [r for r in rows if r[1] not in used][:count]


def rename_point(path, name="Renamed"):
    with connect(path) as db:
        fid, osm_id, version = free_points(db)[0]
        db.execute("UPDATE osm_points SET name = ? WHERE fid = ?", (name, fid))
    return osm_id, version


def server_node(sandbox, node_id):
    reply = requests.get(f"{sandbox.api}/node/{node_id}", timeout=20)
    if reply.status_code == 410:
        return None
    return parse_osm_bytes(reply.content).nodes[node_id]


def changeset_ids(report):
    return list(report.changesets)


def assert_nothing_left(path):
    assert not upload.changes_of_geopackage(path), "the layers and the base snapshot differ"
    assert not upload.journal_dir_for(path).exists()


# ---------------------------------------------------------------------------------------------


def test_round_trip_of_every_kind_of_edit(sandbox, gpkg, tmp_path):
    with connect(gpkg) as db:
        (p1, n1, _), (p2, n2, _), (p3, n3, _) = free_points(db, 3)
        db.execute("UPDATE osm_points SET name = 'Neuer Name' WHERE fid = ?", (p1,))
        db.execute(
            "UPDATE osm_points SET geom = ? WHERE fid = ?", (encode_point(9.5201, 47.1401), p2)
        )
        db.execute("DELETE FROM osm_points WHERE fid = ?", (p3,))
        db.execute(
            "INSERT INTO osm_points (geom, amenity, name) VALUES (?, 'bench', 'Bank')",
            (encode_point(9.5212, 47.1405),),
        )
        line = encode_linestring([(9.5190, 47.1390), (9.5193, 47.1392), (9.5196, 47.1391)])[0]
        db.execute("INSERT INTO osm_lines (geom, highway) VALUES (?, 'footway')", (line,))
    report = upload.upload_geopackage(gpkg, api_for(sandbox), comment="Round trip", source="survey")
    assert (report.created, report.modified, report.deleted) == (5, 2, 1)
    assert report.complete and len(report.changesets) == 1
    assert_nothing_left(gpkg)
    # the server has exactly what the layers have
    fresh = download(sandbox, tmp_path / "again.gpkg")
    assert read_base(fresh).nodes[n1].tags["name"] == "Neuer Name"
    assert (read_base(fresh).nodes[n2].lon, read_base(fresh).nodes[n2].lat) == (9.5201, 47.1401)
    assert server_node(sandbox, n3) is None
    base, again = read_base(gpkg), read_base(fresh)
    for table in ("nodes", "ways", "relations"):
        mine, theirs = getattr(base, table), getattr(again, table)
        assert set(mine) == set(theirs), table
        assert all(mine[i] == theirs[i] for i in mine), table
    cs = api_for(sandbox).changeset(report.changesets[0])
    assert cs.tags["comment"] == "Round trip" and cs.tags["source"] == "survey"
    assert cs.tags["created_by"].startswith("OSM Roundtrip ")
    assert not cs.open


def test_chunks_never_exceed_maximum_elements_and_reference_earlier_chunks(sandbox, gpkg):
    with connect(gpkg) as db:
        for i in range(3):
            coords = [
                (9.519 + i * 0.001, 47.139),
                (9.5192 + i * 0.001, 47.1392),
                (9.5194 + i * 0.001, 47.139),
            ]
            db.execute(
                "INSERT INTO osm_lines (geom, highway) VALUES (?, 'path')",
                (encode_linestring(coords)[0],),
            )
    report = upload.upload_geopackage(
        gpkg, api_for(sandbox), comment="Chunks", capabilities=Capabilities(max_elements=3)
    )
    assert report.chunks >= 4
    assert report.created == 12
    assert_nothing_left(gpkg)


def test_version_conflict_lists_mine_and_theirs_then_keep_mine(sandbox, gpkg):
    node_id, version = rename_point(gpkg, "Mine")
    # someone else changes the same node first
    other = api_for(sandbox, "bob")
    theirs_base = server_node(sandbox, node_id)
    theirs_base.tags["name"] = "Theirs"
    from osm_roundtrip.plugin.core.osm.diff import MODIFY, Change, OsmChanges

    upload.start_upload(
        other,
        OsmChanges(modifies=[Change(MODIFY, theirs_base)]),
        gpkg.parent / "bob",
        comment="Their edit",
    )
    with pytest.raises(upload.UploadConflict) as caught:
        upload.upload_geopackage(gpkg, api_for(sandbox), comment="Mine")
    conflicts = caught.value.conflicts
    assert [(c.type, c.id, c.mine, c.theirs) for c in conflicts] == [
        ("node", node_id, version, version + 1)
    ]
    assert read_base(gpkg).nodes[node_id].version == version  # nothing applied
    rebase(gpkg, [(c.type, c.id, c.theirs) for c in conflicts])
    upload.upload_geopackage(gpkg, api_for(sandbox), comment="Mine again")
    assert server_node(sandbox, node_id).tags["name"] == "Mine"
    assert server_node(sandbox, node_id).version == version + 2
    assert_nothing_left(gpkg)


def test_version_conflict_take_theirs_updates_the_layer(sandbox, gpkg):
    node_id, version = rename_point(gpkg, "Mine")
    theirs = server_node(sandbox, node_id)
    theirs.tags["name"] = "Theirs"
    theirs.lat = round(theirs.lat + 0.0001, 7)
    from osm_roundtrip.plugin.core.osm.diff import MODIFY, Change, OsmChanges

    upload.start_upload(
        api_for(sandbox, "bob"),
        OsmChanges(modifies=[Change(MODIFY, theirs)]),
        gpkg.parent / "bob",
        comment="Their edit",
    )
    with pytest.raises(upload.UploadConflict) as caught:
        upload.upload_geopackage(gpkg, api_for(sandbox), comment="Mine")
    keys = [c.key for c in caught.value.conflicts]
    server = parse_osm_bytes(api_for(sandbox).element_full("node", node_id))
    take_theirs(gpkg, server, keys)
    with connect(gpkg) as db:
        (name,) = db.execute("SELECT name FROM osm_points WHERE osm_id = ?", (node_id,)).fetchone()
    assert name == "Theirs"
    assert read_base(gpkg).nodes[node_id].version == version + 1
    assert not upload.changes_of_geopackage(gpkg), upload.changes_of_geopackage(gpkg).describe()


def test_changeset_closed_opens_a_new_one_for_the_rest(sandbox, gpkg):
    with connect(gpkg) as db:
        for fid, _, _ in free_points(db, 4):
            db.execute("UPDATE osm_points SET name = 'checked' WHERE fid = ?", (fid,))
    sandbox.fault(
        "status",
        path=r"/upload$",
        status=409,
        times=1,
        body="The changeset 1 was closed at 2025-01-01 10:05:00 UTC",
    )
    report = upload.upload_geopackage(gpkg, api_for(sandbox), comment="Closed")
    assert len(report.changesets) == 2
    first, second = (api_for(sandbox).changeset(c) for c in report.changesets)
    assert (first.changes_count, second.changes_count) == (0, 4)
    assert report.modified == 4
    assert_nothing_left(gpkg)


def test_a_full_changeset_is_followed_by_a_new_one(sandbox, gpkg):
    with connect(gpkg) as db:
        for fid, _, _ in free_points(db, 5):
            db.execute("UPDATE osm_points SET name = 'checked' WHERE fid = ?", (fid,))
    report = upload.upload_geopackage(
        gpkg, api_for(sandbox), comment="Full", capabilities=Capabilities(max_elements=2)
    )
    counts = [api_for(sandbox).changeset(c).changes_count for c in report.changesets]
    assert counts == [2, 2, 1]
    assert_nothing_left(gpkg)


def test_precondition_failed_names_the_users_and_keeps_everything(sandbox, gpkg):
    node_id, version = rename_point(gpkg)
    body = f"Precondition failed: Node {node_id} is still used by ways 11,12."
    sandbox.fault("status", path=r"/upload$", status=412, body=body)
    with pytest.raises(PreconditionFailed) as caught:
        upload.upload_geopackage(gpkg, api_for(sandbox), comment="Refused")
    assert caught.value.used_by == {"way": [11, 12]}
    assert "way 11, 12" in caught.value.message
    journal = upload.Journal.load(upload.journal_dir_for(gpkg))
    assert journal.status == upload.STOPPED and not journal.in_flight
    assert read_base(gpkg).nodes[node_id].version == version
    report = upload.upload_geopackage(gpkg, api_for(sandbox), comment="Again")
    assert report.modified == 1
    assert server_node(sandbox, node_id).version == version + 1
    assert_nothing_left(gpkg)


@pytest.mark.parametrize(
    "named", [True, False], ids=["410-with-text", "410-empty-body-element-deleted-by-other"]
)
def test_gone_delete_is_treated_as_deleted(sandbox, gpkg, named):
    with connect(gpkg) as db:
        rows = free_points(db, 12)
        for fid, _, _ in rows[:-1]:
            db.execute("DELETE FROM osm_points WHERE fid = ?", (fid,))
        db.execute("UPDATE osm_points SET name = 'x' WHERE fid = ?", (rows[-1][0],))
    changes = upload.changes_of_geopackage(gpkg)
    gone = next(c.element for c in changes.deletes if c.element.type == "node")
    if named:
        body = f"The node with the id {gone.id} has already been deleted"
    else:  # really deleted on the server, and the 410 comes without text (as CGImap's)
        from osm_roundtrip.plugin.core.osm.diff import DELETE, Change, OsmChanges

        upload.start_upload(
            api_for(sandbox, "bob"),
            OsmChanges(deletes=[Change(DELETE, gone)]),
            gpkg.parent / "bob",
            comment="Their delete",
        )
        body = ""
    sandbox.fault("status", path=r"/upload$", status=410, times=1, body=body)
    report = upload.upload_geopackage(gpkg, api_for(sandbox), comment="Gone")
    assert report.gone == [("node", gone.id)]
    assert report.uploaded == len(changes) - 1
    assert server_node(sandbox, gone.id) is None or named
    assert gone.id not in read_base(gpkg).nodes or named


@pytest.mark.parametrize(
    ("status", "retry_after"),
    [(429, 1), (509, 1)],
    ids=["429-short-wait", "509-short-wait"],
)
def test_rate_limit_with_short_retry_after_waits(sandbox, gpkg, status, retry_after):
    node_id, version = rename_point(gpkg)
    sandbox.fault("status", path=r"/upload$", status=status, retry_after=retry_after, times=1)
    report = upload.upload_geopackage(gpkg, api_for(sandbox), comment="Rate")
    assert report.waited >= retry_after
    assert server_node(sandbox, node_id).version == version + 1
    assert_nothing_left(gpkg)


def test_rate_limit_without_retry_after_stops_with_the_reason_and_resumes(sandbox, gpkg):
    node_id, version = rename_point(gpkg)
    sandbox.fault("status", path=r"/upload$", status=429, times=1)
    with pytest.raises(RateLimited, match="rate limiting"):
        upload.upload_geopackage(gpkg, api_for(sandbox), comment="Rate")
    assert upload.journal_dir_for(gpkg).exists()
    assert server_node(sandbox, node_id).version == version
    upload.upload_geopackage(gpkg, api_for(sandbox), comment="Rate")
    assert server_node(sandbox, node_id).version == version + 1
    assert_nothing_left(gpkg)


@pytest.mark.parametrize(
    "kind",
    ["drop_after", "drop_before"],
    ids=["lost-after-applied", "lost-before-applied"],
)
def test_lost_connection_is_settled_from_the_changeset_download(sandbox, gpkg, kind):
    node_id, version = rename_point(gpkg)
    with connect(gpkg) as db:
        db.execute(
            "INSERT INTO osm_points (geom, amenity) VALUES (?, 'bench')",
            (encode_point(9.5211, 47.1404),),
        )
    sandbox.fault(kind, path=r"/upload$", times=1)
    report = upload.upload_geopackage(gpkg, api_for(sandbox), comment="Lost")
    assert report.settled == 1
    assert server_node(sandbox, node_id).version == version + 1  # never applied twice
    counts = [api_for(sandbox).changeset(c).changes_count for c in report.changesets]
    # not applied: the changeset it was sent to is closed before it is sent again, in a new one
    assert counts == ([2] if kind == "drop_after" else [0, 2])
    assert_nothing_left(gpkg)


def test_crash_mid_upload_is_resumed_without_sending_twice(sandbox, gpkg):
    node_id, version = rename_point(gpkg)
    # the answer is lost and the server stays unreachable for the check: the journal keeps
    # the chunk "in flight"
    sandbox.fault("drop_after", path=r"/upload$", times=1)
    sandbox.fault("drop_before", path=r"/download$", times=-1)
    with pytest.raises(upload.UploadUnsettled):
        upload.upload_geopackage(
            gpkg, api_for(sandbox), comment="Crash", sleep=lambda s: None, settle_attempts=2
        )
    journal = upload.Journal.load(upload.journal_dir_for(gpkg))
    assert journal.in_flight
    assert (upload.journal_dir_for(gpkg) / "pending.osc").exists()
    sandbox.clear_faults()
    report = upload.upload_geopackage(gpkg, api_for(sandbox), comment="Crash")
    assert report.uploaded == 0  # settled as applied, nothing left to send
    assert server_node(sandbox, node_id).version == version + 1
    assert_nothing_left(gpkg)


def test_comment_is_required(sandbox, gpkg):
    rename_point(gpkg)
    with pytest.raises(upload.CommentRequired):
        upload.upload_geopackage(gpkg, api_for(sandbox), comment="  ")


def test_missing_write_permission_is_refused_before_anything_is_sent(sandbox, gpkg):
    from osm_roundtrip.plugin.core.osm.api import NotAuthorized

    node_id, version = rename_point(gpkg)
    api = OsmApi(sandbox.api, sandbox.token("alice", "read_prefs"))
    with pytest.raises(NotAuthorized, match="write_api"):
        upload.upload_geopackage(gpkg, api, comment="No scope")
    assert server_node(sandbox, node_id).version == version


def alice_changesets(sandbox) -> list:
    reply = requests.get(f"{sandbox.api}/changesets", params={"user": 1}, timeout=20)
    return re.findall(r'<changeset id="(\d+)"', reply.text)


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [
        ("osm_base_nodes", "version", "abc"),
        ("osm_base_nodes", "version", -3),
        ("osm_points", "osm_id", "abc"),
        ("osm_points", "osm_id", 0),  # negative ids in the layers are upload placeholders
    ],
    ids=["base-version-abc", "base-version-negative", "osm-id-abc", "osm-id-zero"],
)
def test_tampered_ids_and_versions_are_refused_before_anything_is_sent(
    sandbox, gpkg, table, column, value
):
    node_id, _ = rename_point(gpkg)
    with connect(gpkg) as db:
        key = "id" if table.startswith("osm_base") else "osm_id"
        db.execute(f"UPDATE {table} SET {column} = ? WHERE {key} = ?", (value, node_id))
    with pytest.raises(upload.InvalidIdentity, match="whole numbers above zero"):
        upload.upload_geopackage(gpkg, api_for(sandbox), comment="Tampered")
    assert alice_changesets(sandbox) == []  # no changeset opened, nothing sent
    assert not upload.journal_dir_for(gpkg).exists()


def test_nothing_to_upload_opens_no_changeset(sandbox, gpkg):
    report = upload.upload_geopackage(gpkg, api_for(sandbox), comment="Nothing")
    assert report.uploaded == 0 and report.changesets == []
    from osm_roundtrip.plugin.core.osm.diff import OsmChanges

    with pytest.raises(upload.NothingToUpload):
        upload.start_upload(api_for(sandbox), OsmChanges(), gpkg.parent / "osc", comment="x")
    assert alice_changesets(sandbox) == []


def test_a_second_upload_of_the_same_file_is_refused_while_one_runs(sandbox, gpkg):
    node_id, version = rename_point(gpkg)
    running = pytest.raises(upload.UploadRunning, match="An upload of this file is running")
    with upload.UploadLock(upload.journal_dir_for(gpkg)), running:  # another upload holds it
        upload.upload_geopackage(gpkg, api_for(sandbox), comment="Second")
    assert alice_changesets(sandbox) == []
    upload.upload_geopackage(gpkg, api_for(sandbox), comment="First")
    assert server_node(sandbox, node_id).version == version + 1
