"""The review says which other ways a moved shared node bends on the server."""

from __future__ import annotations

from osm_roundtrip.plugin.core.osm.diff import compute_changes, loaded_features
from osm_roundtrip.plugin.core.osm.features import LINES, POINTS
from osm_roundtrip.plugin.core.osm.model import DataSet, Node, Way

JUNCTION = (9.001, 47.0)


def streets(extra_ways: int = 0) -> DataSet:
    ds = DataSet()
    ds.add(Node(1, 47.0, 9.0, 1))
    ds.add(Node(2, JUNCTION[1], JUNCTION[0], 1, {"highway": "crossing"}))
    ds.add(Node(3, 47.0, 9.002, 1))
    ds.add(Node(4, 47.001, 9.001, 1))
    ds.add(Node(5, 46.999, 9.001, 1))
    ds.add(Way(10, [1, 2, 3], 1, {"highway": "residential", "name": "Lettstrasse"}))
    ds.add(Way(11, [4, 2, 5], 1, {"highway": "residential", "name": "Aeulestrasse"}))
    ds.add(Way(12, [1, 4], 1, {"highway": "footway"}))
    for index in range(extra_ways):
        ds.add(Node(100 + index, 47.002, 9.0 + index / 1000, 1))
        ds.add(Way(200 + index, [2, 100 + index], 1, {"highway": "service"}))
    return ds


def move_junction(ds: DataSet, way_ids, point: bool = False):
    edited = loaded_features(ds)
    moved = (JUNCTION[0] + 0.0002, JUNCTION[1])
    for feature in edited[LINES]:
        if feature.osm_id in way_ids:
            feature.geometry = [moved if c == JUNCTION else c for c in feature.geometry]
    if point:
        for feature in edited[POINTS]:
            if feature.osm_id == 2:
                feature.geometry = moved
    changes = compute_changes(ds, edited)
    (change,) = [c for c in changes.modifies if c.key == ("node", 2)]
    return [note.message for note in change.notes]


def test_moving_one_street_names_the_other_street_the_node_bends():
    assert move_junction(streets(), {10}) == ["moved", "also moves Aeulestrasse (way 11)"]


def test_moving_both_streets_as_topological_editing_does_needs_no_warning():
    assert move_junction(streets(), {10, 11}) == ["moved"]


def test_moving_the_point_names_both_streets():
    notes = move_junction(streets(), set(), point=True)
    assert notes == ["moved", "also moves Lettstrasse (way 10), Aeulestrasse (way 11)"]


def test_many_ways_are_counted_and_the_first_ones_named():
    notes = move_junction(streets(extra_ways=6), {10})
    assert notes[1] == (
        "also moves 7 ways, among them Aeulestrasse (way 11), way 200, way 201, way 202, way 203"
    )


def test_a_node_of_one_way_only_gets_no_note():
    ds = streets()
    edited = loaded_features(ds)
    for feature in edited[LINES]:
        if feature.osm_id == 10:
            feature.geometry = [
                (9.002, 47.0005) if c == (9.002, 47.0) else c for c in feature.geometry
            ]
    changes = compute_changes(ds, edited)
    assert [(c.key, [n.message for n in c.notes]) for c in changes] == [(("node", 3), ["moved"])]
