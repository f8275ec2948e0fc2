"""Upload results written back into the GeoPackage: the table of written features follows."""

from __future__ import annotations

from contextlib import closing

import pytest

from osm_roundtrip.plugin.core import gpkg
from osm_roundtrip.plugin.core.gpkg import read_base, read_features, read_loaded, write_dataset
from osm_roundtrip.plugin.core.gpkg_update import apply_upload, take_theirs
from osm_roundtrip.plugin.core.osm.diff import CREATE, compute_changes
from osm_roundtrip.plugin.core.osm.features import LINES, POINTS
from osm_roundtrip.plugin.core.osm.model import DataSet, Node, Way
from osm_roundtrip.plugin.core.osm.osmchange import DiffEntry, ordered


@pytest.fixture
def path(tmp_path):
    ds = DataSet()
    ds.bounds = [(9.5, 47.1, 9.6, 47.2)]
    ds.add(Node(1, 47.15, 9.55, 1, {"amenity": "bench"}))
    for nid in range(2, 7):
        ds.add(Node(nid, 47.1 + nid / 100, 9.5 + nid / 100, 1))
    ds.add(Way(10, [2, 3, 4], 1, {"highway": "residential"}))
    ds.add(Way(11, [5, 6], 1, {"highway": "footway"}))
    target = tmp_path / "dl.gpkg"
    write_dataset(ds, target)
    return target


def identities(path):
    return {
        (layer, f.osm_type, f.osm_id)
        for layer, features in read_features(path).items()
        for f in features
        if f.osm_id is not None
    }


def diff(path):
    return compute_changes(read_base(path), read_features(path), loaded=read_loaded(path))


def upload(path, changes, new_ids):
    """What a server answers: new ids (``new_ids[(type, placeholder)]``), versions, deletes."""
    entries = []
    for c in ordered(changes):
        if c.action == CREATE:
            entries.append(DiffEntry(c.element.type, c.element.id, new_ids[c.key], 1))
        elif c.action == "modify":
            entries.append(DiffEntry(c.element.type, c.element.id, c.element.id, 2))
        else:
            entries.append(DiffEntry(c.element.type, c.element.id, None, None))
    apply_upload(path, changes, entries, {c.key: list(c.sources) for c in changes})


def test_upload_adds_created_features_and_drops_deleted_ones(path):
    with closing(gpkg.connect(path)) as con:
        con.execute('DELETE FROM "osm_lines" WHERE osm_id = 11')
        con.execute(
            'INSERT INTO "osm_points" (geom, amenity) VALUES (?, ?)',
            (gpkg.encode_point(9.58, 47.18), "post_box"),
        )
        con.commit()
    before = read_loaded(path)
    changes = diff(path)
    assert {(c.action, *c.key) for c in changes} >= {
        ("create", "node", -1),
        ("delete", "way", 11),
    }

    upload(path, changes, {("node", -1): 100})

    assert read_loaded(path) == before - {(LINES, "way", 11)} | {(POINTS, "node", 100)}
    assert read_loaded(path) == identities(path)
    assert diff(path).is_empty
    # the uploaded point is one the GeoPackage wrote: deleting it now is a delete
    with closing(gpkg.connect(path)) as con:
        con.execute('DELETE FROM "osm_points" WHERE osm_id = 100')
        con.commit()
    assert [(c.action, *c.key) for c in diff(path)] == [("delete", "node", 100)]


def test_point_deleted_from_a_vertex_is_no_longer_a_written_feature(path):
    nodes = read_base(path).nodes
    line = gpkg.encode_linestring([(nodes[n].lon, nodes[n].lat) for n in (2, 1, 3, 4)])[0]
    with closing(gpkg.connect(path)) as con:  # the road now runs through the bench's node
        con.execute('UPDATE "osm_lines" SET geom = ? WHERE osm_id = 10', (line,))
        con.commit()
    upload(path, diff(path), {})
    with closing(gpkg.connect(path)) as con:
        con.execute('DELETE FROM "osm_points" WHERE osm_id = 1')
        con.commit()
    changes = diff(path)
    assert [(c.action, *c.key, c.element.tags) for c in changes] == [("modify", "node", 1, {})]
    upload(path, changes, {})
    assert (POINTS, "node", 1) not in read_loaded(path)
    assert read_loaded(path) == identities(path)
    assert diff(path).is_empty


def test_take_theirs_of_an_element_deleted_on_the_server_drops_its_feature(path):
    take_theirs(path, DataSet(), [("way", 10)])
    assert (LINES, "way", 10) not in read_loaded(path)
    assert read_loaded(path) == identities(path)


def test_files_without_the_table_are_left_without_it(path):
    with closing(gpkg.connect(path)) as con:
        con.execute("DROP TABLE osm_base_features")
        con.execute('DELETE FROM "osm_lines" WHERE osm_id = 11')
        con.commit()
    upload(path, diff(path), {})
    with closing(gpkg.connect(path)) as con:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    assert "osm_base_features" not in tables
    assert diff(path).is_empty
