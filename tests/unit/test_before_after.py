"""Before and after of a change, for the review's map: a moved shared node shows every way it
bends, before and after."""

from __future__ import annotations

from osm_roundtrip.plugin.core.osm.before_after import before_after
from osm_roundtrip.plugin.core.osm.diff import DELETE, MODIFY, Change, OsmChanges
from osm_roundtrip.plugin.core.osm.model import DataSet, Node, Way


def crossroads() -> DataSet:
    base = DataSet()
    for node in (
        Node(1, 47.0, 9.0, 1),
        Node(2, 47.0, 9.1, 1),  # shared by both streets
        Node(3, 47.0, 9.2, 1),
        Node(4, 47.1, 9.1, 1),
    ):
        base.add(node)
    base.add(Way(10, [1, 2, 3], 1, {"name": "Lettstrasse"}))
    base.add(Way(11, [2, 4], 1, {"name": "Städtle"}))
    return base


def test_a_moved_shared_node_shows_both_streets_before_and_after():
    base = crossroads()
    moved = Change(MODIFY, Node(2, 47.01, 9.1, 1))
    changes = OsmChanges(modifies=[moved])
    before, after = before_after(moved, changes, base)
    assert before == [
        [(9.1, 47.0)],
        [(9.0, 47.0), (9.1, 47.0), (9.2, 47.0)],
        [(9.1, 47.0), (9.1, 47.1)],
    ]
    assert after == [
        [(9.1, 47.01)],
        [(9.0, 47.0), (9.1, 47.01), (9.2, 47.0)],
        [(9.1, 47.01), (9.1, 47.1)],
    ]


def test_a_retagged_node_shows_itself_only_and_a_deleted_way_only_before():
    base = crossroads()
    retagged = Change(MODIFY, Node(4, 47.1, 9.1, 1, {"amenity": "bench"}))
    assert before_after(retagged, OsmChanges(modifies=[retagged]), base) == (
        [[(9.1, 47.1)]],
        [[(9.1, 47.1)]],
    )
    gone = Change(DELETE, base.ways[11])
    before, after = before_after(gone, OsmChanges(deletes=[gone]), base)
    assert before == [[(9.1, 47.0), (9.1, 47.1)]] and after == []
