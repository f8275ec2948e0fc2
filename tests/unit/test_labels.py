"""The review names a feature and says what its change does."""

from __future__ import annotations

from osm_roundtrip.plugin.core.osm.diff import CREATE, DELETE, MODIFY, Change, Note
from osm_roundtrip.plugin.core.osm.labels import (
    change_details,
    element_geometry,
    feature_label,
    preset_name,
)
from osm_roundtrip.plugin.core.osm.model import DataSet, Member, Node, Relation, Way


def texts(change, base=None):
    return [note.message for note in change_details(change, base)]


def test_the_name_wins_then_the_preset_then_the_main_tag(schema):
    assert feature_label({"amenity": "bench", "name": "Lindenbank"}, "point", schema) == (
        "Lindenbank"
    )
    assert feature_label({"amenity": "bench"}, "point", schema) == "Bench"
    assert feature_label({"amenity": "waste_basket"}, "point", schema) == "Waste basket"
    assert feature_label({"highway": "crossing"}, "vertex", schema) == "Crossing"
    assert feature_label({"amenity": "bench"}, "point") == "amenity=bench"  # no schema
    assert feature_label({}, "point", schema) == ""
    assert preset_name("amenity/bench", {"amenity/bench": "Sitzbank"}.get) == "Sitzbank"
    assert preset_name("amenity/waste_basket", {}.get) == "Waste basket"  # none: from the id


def test_the_preset_is_named_by_the_names_passed_in(schema):
    """The adapters pass the names in the user's language; the name tag still wins."""
    german = {"amenity/bench": "Sitzbank", "highway/crossing": "Querungsstelle"}.get
    assert feature_label({"amenity": "bench"}, "point", schema, german) == "Sitzbank"
    assert feature_label({"highway": "crossing"}, "vertex", schema, german) == "Querungsstelle"
    assert feature_label({"amenity": "bench", "name": "Lindenbank"}, "point", schema, german) == (
        "Lindenbank"
    )


def test_geometry_of_elements():
    base = DataSet()
    base.add(Node(1, 47.0, 9.0, 1))
    base.add(Node(2, 47.1, 9.0, 1))
    base.add(Way(10, [1, 2], 1, {"highway": "path"}))
    assert element_geometry(base.nodes[1], base) == "vertex"
    assert element_geometry(Node(3, 47.0, 9.1, 1), base) == "point"
    assert element_geometry(base.ways[10], base) == "line"
    assert element_geometry(Way(11, [1, 2, 3, 1], 1, {"building": "yes"})) == "area"
    assert element_geometry(Relation(5, [], 1, {"type": "multipolygon"})) == "area"
    assert element_geometry(Relation(6, [], 1, {"type": "route"})) == "relation"


def test_tag_changes_say_old_and_new():
    base = DataSet()
    base.add(Node(1, 47.0, 9.0, 3, {"amenity": "bench", "backrest": "no", "colour": "red"}))
    new = Node(1, 47.0, 9.0, 3, {"amenity": "bench", "backrest": "yes", "material": "wood"})
    change = Change(MODIFY, new, notes=[Note("also moves {ways}", ways="Lettstrasse")])
    assert texts(change, base) == [
        "backrest: no → yes",
        "− colour",
        "+ material=wood",
        "also moves Lettstrasse",
    ]


def test_a_moved_node_says_how_far():
    base = DataSet()
    base.add(Node(1, 47.0, 9.0, 1))
    moved = Node(1, 47.0, 9.0 + 12 / 75900, 1)  # 12 m east at 47° N
    assert texts(Change(MODIFY, moved, notes=[Note("moved")]), base) == ["moved 12 m"]


def test_way_node_changes_are_counted():
    base = DataSet()
    base.add(Way(10, [1, 2, 3], 1, {"highway": "path"}))
    grown = Way(10, [1, 4, 5, 6, 2, 3], 1, {"highway": "path"})
    assert texts(Change(MODIFY, grown, notes=[Note("nodes changed")]), base) == ["3 nodes added"]
    shrunk = Way(10, [1, 3], 1, {"highway": "path"})
    assert texts(Change(MODIFY, shrunk), base) == ["1 nodes removed"]
    relation = Relation(7, [Member("way", 10, "outer")], 1, {"type": "multipolygon"})
    base.add(Relation(7, [], 1, {"type": "multipolygon"}))
    assert texts(Change(MODIFY, relation), base) == ["1 members added"]


def test_a_create_lists_its_tags_and_a_delete_keeps_the_differs_notes():
    bench = Node(-1, 47.0, 9.0, 0, {"amenity": "bench", "backrest": "yes"})
    assert texts(Change(CREATE, bench, notes=[Note("new")])) == [
        "amenity=bench",
        "backrest=yes",
    ]
    path = Way(-2, [-1, -3], 0, {"highway": "path"})
    assert texts(Change(CREATE, path)) == ["2 nodes", "highway=path"]
    gone = Change(DELETE, Node(5, 47.0, 9.0, 1), notes=[Note("vertex removed")])
    assert texts(gone) == ["vertex removed"]


def test_without_the_base_the_differs_notes_stay():
    change = Change(MODIFY, Node(1, 47.0, 9.0, 1), notes=[Note("tags: {changes}", changes="+a=b")])
    assert texts(change) == ["tags: +a=b"]
