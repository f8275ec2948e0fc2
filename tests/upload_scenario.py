"""The upload scenario the fault and kill tests share: a download of central Vaduz, a mix of
edits, and the checks that every change reached the server exactly once and every edit is in the
GeoPackage."""

from __future__ import annotations

import json
import re
from collections import Counter

import requests

from osm_roundtrip.plugin.core.gpkg import encode_linestring, encode_point, write_dataset
from osm_roundtrip.plugin.core.gpkg_update import connect
from osm_roundtrip.plugin.core.osm import upload
from osm_roundtrip.plugin.core.osm.api import parse_changeset_download
from osm_roundtrip.plugin.core.osm.xmlreader import parse_osm_bytes

BBOX = "9.518,47.138,9.524,47.142"


def download_template(sandbox, path):
    """The pristine area as a GeoPackage (copied for each scenario)."""
    sandbox.reset()
    reply = requests.get(sandbox.api + "/map", params={"bbox": BBOX}, timeout=60)
    reply.raise_for_status()
    write_dataset(parse_osm_bytes(reply.content), path, api_url=sandbox.api)
    return path


def free_points(db, count):
    used = set()
    for (text,) in db.execute("SELECT members FROM osm_base_relations"):
        used.update(ref for kind, ref, _ in json.loads(text) if kind == "node")
    rows = db.execute(
        "SELECT fid, osm_id, osm_version FROM osm_points WHERE osm_id IS NOT NULL ORDER BY fid"
    ).fetchall()
    return [r for r in rows if r[1] not in used][:count]


def edit(path) -> dict:
    """Two renamed points, a deleted one, a new point and a new line of three vertices: eight
    changes, so the last chunk leaves room in its changeset (where a duplicate could land)."""
    with connect(path) as db:
        (a, id_a, v_a), (b, id_b, v_b), (c, id_c, v_c) = free_points(db, 3)
        db.execute("UPDATE osm_points SET name = 'Erster' WHERE fid = ?", (a,))
        db.execute("UPDATE osm_points SET name = 'Zweiter' WHERE fid = ?", (b,))
        db.execute("DELETE FROM osm_points WHERE fid = ?", (c,))
        db.execute(
            "INSERT INTO osm_points (geom, amenity, name) VALUES (?, 'bench', 'B1')",
            (encode_point(9.5211, 47.1404),),
        )
        line = encode_linestring([(9.5190, 47.1390), (9.5193, 47.1392), (9.5196, 47.1391)])[0]
        db.execute(
            "INSERT INTO osm_lines (geom, highway, name) VALUES (?, 'footway', 'F')", (line,)
        )
    return {
        "modify": {("node", id_a): v_a, ("node", id_b): v_b},
        "delete": {("node", id_c): v_c},
        "create": Counter({"node": 4, "way": 1}),
        "names": Counter({"B1": 1, "F": 1}),
    }


def history(sandbox) -> list:
    """Every element version in the changesets of alice (uid 1), oldest changeset first."""
    reply = requests.get(f"{sandbox.api}/changesets", params={"user": 1}, timeout=20)
    ids = sorted(int(i) for i in re.findall(r'<changeset id="(\d+)"', reply.text))
    items = []
    for changeset in ids:
        download = requests.get(f"{sandbox.api}/changeset/{changeset}/download", timeout=20)
        items += parse_changeset_download(download.content)
    return items


def assert_exactly_once(sandbox, expected) -> None:
    items = history(sandbox)
    creates = [i for i in items if i.action == "create"]
    assert Counter(i.type for i in creates) == expected["create"], creates
    assert Counter(i.tags.get("name") for i in creates if i.tags.get("name")) == expected["names"]
    modifies = Counter((i.type, i.id) for i in items if i.action == "modify")
    assert modifies == Counter(expected["modify"].keys())
    for item in items:
        if item.action == "modify":
            assert item.version == expected["modify"][(item.type, item.id)] + 1
    deletes = Counter((i.type, i.id) for i in items if i.action == "delete")
    assert deletes == Counter(expected["delete"].keys())


def assert_every_edit_kept(path, sandbox) -> None:
    assert not upload.journal_dir_for(path).exists()
    assert not upload.changes_of_geopackage(path), upload.changes_of_geopackage(path).describe()
    created = {(i.type, i.id) for i in history(sandbox) if i.action == "create"}
    with connect(path) as db:
        named = db.execute(
            "SELECT osm_type, osm_id FROM osm_points WHERE name = 'B1' "
            "UNION ALL SELECT osm_type, osm_id FROM osm_lines WHERE name = 'F'"
        ).fetchall()
    assert len(named) == 2 and {tuple(row) for row in named} <= created
