"""The changes computed from the edit log and the edits' surroundings are the changes computed
from the whole file: real data (the Vaduz box of the bundled extract), edits written into the
GeoPackage's rows the way a GIS writes them (UPDATE, INSERT, DELETE through SQLite)."""

from __future__ import annotations

import json
import random
import shutil

import pytest
from vaduz_data import VADUZ, write_vaduz_gpkg

from osm_roundtrip.plugin.core import gpkg
from osm_roundtrip.plugin.core.errors import OsmRoundtripError
from osm_roundtrip.plugin.core.gpkg_partial import EDITS, edited_part, has_edit_log
from osm_roundtrip.plugin.core.gpkg_update import connect
from osm_roundtrip.plugin.core.osm import osmchange
from osm_roundtrip.plugin.core.osm.diff import compute_changes
from osm_roundtrip.plugin.core.osm.features import LINES, POINTS, POLYGONS, RELATIONS


@pytest.fixture(scope="module")
def vaduz(tmp_path_factory):
    return write_vaduz_gpkg(tmp_path_factory.mktemp("partial"))[0]


@pytest.fixture
def download(vaduz, tmp_path):
    path = tmp_path / "vaduz.gpkg"
    shutil.copy(vaduz, path)
    return path


def whole(path):
    return compute_changes(
        gpkg.read_base(path), gpkg.read_features(path), loaded=gpkg.read_loaded(path)
    )


def from_log(path):
    part = edited_part(path)
    assert part is not None
    return compute_changes(part.base, part.features, loaded=part.loaded)


def outcome(compute, path):
    try:
        return osmchange.build(compute(path), None)
    except OsmRoundtripError as exc:
        return f"error: {exc}"


def assert_same(path):
    full, partial = outcome(whole, path), outcome(from_log, path)
    assert partial == full
    return full


# -- edits as a GIS writes them --------------------------------------------------------------


def rows(connection, layer, where="1"):
    cursor = connection.execute(f'SELECT * FROM "{layer}" WHERE {where}')
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


def set_tag(connection, layer, fid, key, value):
    columns = [r[1] for r in connection.execute(f'PRAGMA table_info("{layer}")')]
    if key in columns:
        connection.execute(f'UPDATE "{layer}" SET "{key}" = ? WHERE fid = ?', (value, fid))
        return
    (other,) = connection.execute(
        f'SELECT other_tags FROM "{layer}" WHERE fid = ?', (fid,)
    ).fetchone()
    tags = json.loads(other) if other else {}
    tags[key] = value
    connection.execute(
        f'UPDATE "{layer}" SET other_tags = ? WHERE fid = ?', (json.dumps(tags), fid)
    )


def geometry(connection, layer, fid):
    (blob,) = connection.execute(f'SELECT geom FROM "{layer}" WHERE fid = ?', (fid,)).fetchone()
    return gpkg.decode_geometry(blob)


def set_line(connection, fid, coords):
    blob = gpkg.encode_linestring(coords)[0]
    connection.execute(f'UPDATE "{LINES}" SET geom = ? WHERE fid = ?', (blob, fid))


def shared_vertex(connection):
    """A line and the index of a vertex it shares with another line."""
    seen = {}
    for row in rows(connection, LINES, "highway IS NOT NULL"):
        for index, xy in enumerate(gpkg.decode_geometry(row["geom"])):
            other = seen.get(tuple(xy))
            if other is not None and other != row["fid"] and index > 0:
                return row["fid"], index
            seen.setdefault(tuple(xy), row["fid"])
    raise AssertionError("no shared vertex in the Vaduz box")


# -- the log ----------------------------------------------------------------------------------


def test_a_new_download_has_an_empty_complete_log(download):
    with connect(download) as connection:
        assert has_edit_log(connection)
        assert connection.execute(f"SELECT count(*) FROM {EDITS}").fetchone() == (0,)
    part = edited_part(download)
    assert part.edited_rows == 0 and not from_log(download)


def test_without_its_triggers_the_file_is_read_whole(download):
    with connect(download) as connection:
        connection.execute(f'DROP TRIGGER "{EDITS}_{LINES}_update"')
    assert edited_part(download) is None


def test_one_changed_tag_reads_a_small_part(download):
    with connect(download) as connection:
        (fid,) = connection.execute(f'SELECT min(fid) FROM "{POINTS}"').fetchone()
        set_tag(connection, POINTS, fid, "wheelchair", "yes")
    part = edited_part(download)
    assert part.edited_rows == 1
    assert len(part.base.nodes) < len(gpkg.read_base(download).nodes) / 3
    changes = assert_same(download)
    assert b"wheelchair" in changes


# -- the same changes as from the whole file --------------------------------------------------


def test_moving_a_shared_vertex(download):
    with connect(download) as connection:
        fid, index = shared_vertex(connection)
        coords = geometry(connection, LINES, fid)
        x, y = coords[index]
        coords[index] = (x + 0.00005, y + 0.00003)
        set_line(connection, fid, coords)
    assert b"<node" in assert_same(download)


def test_deleting_a_street_whose_nodes_other_ways_use(download):
    with connect(download) as connection:
        fid, _ = shared_vertex(connection)
        connection.execute(f'DELETE FROM "{LINES}" WHERE fid = ?', (fid,))
    assert b"<delete" in assert_same(download)


def test_a_new_line_on_existing_nodes_reuses_them(download):
    with connect(download) as connection:
        fid, index = shared_vertex(connection)
        coords = geometry(connection, LINES, fid)
        start = coords[index]
        blob = gpkg.encode_linestring([start, (start[0] + 0.0004, start[1] + 0.0002)])[0]
        connection.execute(
            f'INSERT INTO "{LINES}" (geom, highway) VALUES (?, ?)', (blob, "footway")
        )
    changes = assert_same(download)
    assert changes.count(b"<node") == 1  # one new node: the start is the existing one


def test_a_copied_feature_is_refused_the_same_way(download):
    with connect(download) as connection:
        row = rows(connection, POINTS, "name IS NOT NULL")[0]
        connection.execute(
            f'INSERT INTO "{POINTS}" (geom, osm_type, osm_id, osm_version, name) '
            "VALUES (?, ?, ?, ?, ?)",
            (row["geom"], row["osm_type"], row["osm_id"], row["osm_version"], "Kopie"),
        )
    assert assert_same(download).startswith("error:")


def test_relation_edits(download):
    with connect(download) as connection:
        polygon = rows(connection, POLYGONS, "osm_type = 'relation' AND osm_incomplete = 0")[0]
        set_tag(connection, POLYGONS, polygon["fid"], "name", "Umbenannt")
        route = rows(connection, RELATIONS, "osm_id != " + str(polygon["osm_id"]))[0]
        connection.execute(f'DELETE FROM "{RELATIONS}" WHERE fid = ?', (route["fid"],))
    assert b"Umbenannt" in assert_same(download)


@pytest.mark.parametrize("seed", range(12))
def test_random_edits(download, seed):
    """Tags, moved and inserted vertices, deletions and new points over the whole box."""
    chance = random.Random(seed)
    with connect(download) as connection:
        lines = [r["fid"] for r in rows(connection, LINES)]
        points = [r["fid"] for r in rows(connection, POINTS)]
        for fid in chance.sample(lines, 6):
            action = chance.choice(("tag", "move", "insert", "delete"))
            coords = geometry(connection, LINES, fid)
            if action == "tag":
                set_tag(connection, LINES, fid, "surface", chance.choice(("asphalt", "gravel")))
            elif action == "move":
                i = chance.randrange(len(coords))
                coords[i] = (coords[i][0] + 0.00002, coords[i][1] - 0.00001)
                set_line(connection, fid, coords)
            elif action == "insert":
                (x1, y1), (x2, y2) = coords[0], coords[1]
                coords.insert(1, ((x1 + x2) / 2 + 0.00001, (y1 + y2) / 2))
                set_line(connection, fid, coords)
            else:
                connection.execute(f'DELETE FROM "{LINES}" WHERE fid = ?', (fid,))
        for fid in chance.sample(points, 4):
            if chance.random() < 0.5:
                connection.execute(f'DELETE FROM "{POINTS}" WHERE fid = ?', (fid,))
            else:
                set_tag(connection, POINTS, fid, "check_date", "2026-12-06")
        buildings = [r["fid"] for r in rows(connection, POLYGONS, "building IS NOT NULL")]
        for fid in chance.sample(buildings, 3):
            polygons = geometry(connection, POLYGONS, fid)
            ring = polygons[0][0]
            i = chance.randrange(len(ring) - 1)
            ring[i] = (ring[i][0] + 0.00002, ring[i][1])
            if i == 0:
                ring[-1] = ring[0]
            blob = gpkg.encode_multipolygon(polygons)[0]
            connection.execute(f'UPDATE "{POLYGONS}" SET geom = ? WHERE fid = ?', (blob, fid))
        x, y = chance.uniform(*VADUZ[0::2]), chance.uniform(*VADUZ[1::2])
        connection.execute(
            f'INSERT INTO "{POINTS}" (geom, amenity) VALUES (?, ?)',
            (gpkg.encode_point(x, y), "bench"),
        )
    assert_same(download)
