"""Incomplete ways and multipolygons: drawn from what was downloaded, flagged, and uploaded
unchanged (members and node lists are never rebuilt from the partial drawing)."""

from __future__ import annotations

import sqlite3

import pytest

from osm_roundtrip.plugin.core import gpkg
from osm_roundtrip.plugin.core.errors import ValidationError
from osm_roundtrip.plugin.core.osm.diff import MODIFY, compute_changes
from osm_roundtrip.plugin.core.osm.features import LINES, POLYGONS
from osm_roundtrip.plugin.core.osm.model import DataSet, Member, Node, Relation, Way


def cut_data() -> DataSet:
    """A forest multipolygon with two outer rings, one of them cut by the download's box (way
    22 missing), and a path whose middle node (7) lies outside."""
    ds = DataSet()
    ds.bounds.append((9.0, 47.0, 9.1, 47.1))
    coords = {
        1: (9.00, 47.00),
        2: (9.01, 47.00),
        3: (9.01, 47.01),
        4: (9.00, 47.01),
        11: (9.05, 47.05),
        12: (9.06, 47.05),
        13: (9.06, 47.06),
        5: (9.02, 47.02),
        6: (9.03, 47.03),
        8: (9.04, 47.04),
    }
    for ref, (lon, lat) in coords.items():
        ds.add(Node(ref, lat, lon, 1))
    ds.add(Way(20, [1, 2, 3, 4, 1], 1))
    ds.add(Way(21, [11, 12, 13], 1))  # with the missing way 22 it would close
    members = [Member("way", 20, "outer"), Member("way", 21, "outer"), Member("way", 22, "outer")]
    ds.add(Relation(30, members, 4, {"type": "multipolygon", "landuse": "forest"}))
    ds.add(Way(40, [5, 6, 7, 8], 2, {"highway": "footway"}))
    return ds


@pytest.fixture()
def download(tmp_path):
    path = tmp_path / "cut.gpkg"
    gpkg.write_dataset(cut_data(), path)
    return path


def flags(path, table):
    with sqlite3.connect(path) as connection:
        return dict(connection.execute(f"SELECT osm_id, osm_incomplete FROM {table}").fetchall())


def changes_of(path, edit=None):
    features = gpkg.read_features(path)
    if edit is not None:
        edit(features)
    return compute_changes(gpkg.read_base(path), features, loaded=gpkg.read_loaded(path))


def feature(features, layer, osm_id):
    return next(f for f in features[layer] if f.osm_id == osm_id)


def test_cut_features_are_written_and_flagged(download):
    assert flags(download, POLYGONS) == {30: 1}
    assert flags(download, LINES) == {40: 1}
    summary_base = gpkg.read_base(download)
    assert summary_base.relations[30].members[-1] == Member("way", 22, "outer")
    assert summary_base.ways[40].nodes == [5, 6, 7, 8]


def test_unedited_cut_features_upload_nothing(download):
    assert not changes_of(download)


def test_tag_edits_keep_the_full_node_list_and_members(download):
    def edit(features):
        feature(features, POLYGONS, 30).tags["name"] = "Schlosswald"
        feature(features, LINES, 40).tags["surface"] = "gravel"

    changes = changes_of(download, edit)
    by_key = {c.element.key: c for c in changes}
    assert set(by_key) == {("relation", 30), ("way", 40)}
    relation = by_key[("relation", 30)]
    assert relation.action == MODIFY
    assert relation.element.members == cut_data().relations[30].members
    assert relation.element.tags["name"] == "Schlosswald"
    way = by_key[("way", 40)]
    assert way.element.nodes == [5, 6, 7, 8]  # node 7, outside, stays in the way
    assert way.element.tags == {"highway": "footway", "surface": "gravel"}


def test_geometry_edit_of_a_cut_way_is_refused_with_a_clear_message(download):
    def edit(features):
        line = feature(features, LINES, 40)
        line.geometry = [line.geometry[0], (9.035, 47.035), *line.geometry[1:]]

    with pytest.raises(ValidationError) as error:
        changes_of(download, edit)
    text = str(error.value)
    assert "Way 40" in text and "incomplete" in text


def test_geometry_edit_of_a_cut_multipolygon_is_refused(download):
    def edit(features):
        polygon = feature(features, POLYGONS, 30)
        ring = polygon.geometry[0][0]
        ring[1] = (ring[1][0] + 0.001, ring[1][1])

    with pytest.raises(ValidationError, match="incomplete"):
        changes_of(download, edit)


def test_deleting_a_cut_way_deletes_it_whole(download):
    def edit(features):
        features[LINES] = [f for f in features[LINES] if f.osm_id != 40]

    changes = changes_of(download, edit)
    deleted = {c.element.key for c in changes if c.action == "delete"}
    assert ("way", 40) in deleted


def test_tag_edits_of_cut_features_validate(download, schema):
    from osm_roundtrip.plugin.core.validate import validate_changes

    def edit(features):
        feature(features, POLYGONS, 30).tags["name"] = "Schlosswald"
        feature(features, LINES, 40).tags["highway"] = "path"

    features = gpkg.read_features(download)
    edit(features)
    base = gpkg.read_base(download)
    changes = compute_changes(base, features, loaded=gpkg.read_loaded(download))
    report = validate_changes(changes, base, features, schema)
    assert not report.errors, [i.message for i in report.errors]
