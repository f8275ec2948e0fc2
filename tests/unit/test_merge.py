"""The three-way merge of one element, part by part."""

from __future__ import annotations

from osm_roundtrip.plugin.core.osm.merge import (
    DELETED,
    MEMBERS,
    MINE,
    NODES,
    POSITION,
    TAG,
    THEIRS,
    merge_element,
    resolve,
)
from osm_roundtrip.plugin.core.osm.model import Member, Node, Relation, Way

CAFE = {"amenity": "cafe", "name": "Café Central", "internet_access": "no", "cuisine": "coffee"}


def cafe(version=3, lat=47.14, lon=9.52, **tags):
    merged = dict(CAFE)
    for key, value in tags.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return Node(7, lat, lon, version, merged)


def kinds(result):
    return [(c.kind, c.key) for c in result.conflicts]


def test_disjoint_tag_edits_merge_by_themselves():
    base, mine, theirs = cafe(), cafe(wheelchair="yes"), cafe(4, internet_access="wlan")
    result = merge_element(base, mine, theirs)
    assert result.conflicts == []
    assert result.merged.tags == {**CAFE, "wheelchair": "yes", "internet_access": "wlan"}
    assert result.merged.version == 4
    assert (TAG, "wheelchair", MINE) in result.automatic
    assert (TAG, "internet_access", THEIRS) in result.automatic


def test_the_same_tag_changed_differently_is_a_conflict_resolved_as_chosen():
    result = merge_element(cafe(), cafe(cuisine="coffee_shop"), cafe(4, cuisine="cake"))
    assert kinds(result) == [(TAG, "cuisine")]
    conflict = result.conflicts[0]
    assert (conflict.base, conflict.mine, conflict.theirs) == ("coffee", "coffee_shop", "cake")
    assert resolve(result, {(TAG, "cuisine"): THEIRS}).tags["cuisine"] == "cake"
    again = merge_element(cafe(), cafe(cuisine="coffee_shop"), cafe(4, cuisine="cake"))
    assert resolve(again, {}).tags["cuisine"] == "coffee_shop"  # no choice: mine


def test_the_same_change_on_both_sides_is_no_conflict():
    result = merge_element(cafe(), cafe(name="Central"), cafe(4, name="Central"))
    assert result.conflicts == [] and result.merged.tags["name"] == "Central"


def test_a_tag_removed_on_one_side_and_kept_on_the_other_is_removed():
    result = merge_element(cafe(), cafe(), cafe(4, cuisine=None))
    assert "cuisine" not in result.merged.tags and result.conflicts == []


def test_positions():
    moved = dict(lat=47.1401, lon=9.5201)
    other = dict(lat=47.1402, lon=9.5199)
    theirs_only = merge_element(cafe(), cafe(), cafe(4, **moved))
    assert (theirs_only.merged.lat, theirs_only.merged.lon) == (47.1401, 9.5201)
    assert (POSITION, "", THEIRS) in theirs_only.automatic
    mine_only = merge_element(cafe(), cafe(**moved), cafe(4))
    assert (mine_only.merged.lat, mine_only.merged.lon) == (47.1401, 9.5201)
    both = merge_element(cafe(), cafe(**moved), cafe(4, **other))
    assert kinds(both) == [(POSITION, "")]
    assert resolve(both, {(POSITION, ""): THEIRS}).lat == 47.1402
    # float noise below 1e-7 degrees is no move
    assert merge_element(cafe(), cafe(lat=47.14 + 1e-9), cafe(4)).conflicts == []


def test_node_lists_and_members():
    base = Way(10, [1, 2, 3], 2, {"highway": "residential"})
    mine = Way(10, [1, 2, 4, 3], 2, {"highway": "residential"})
    theirs = Way(10, [1, 2, 3], 3, {"highway": "residential", "surface": "asphalt"})
    result = merge_element(base, mine, theirs)
    assert result.merged.nodes == [1, 2, 4, 3] and result.merged.tags["surface"] == "asphalt"
    clash = merge_element(base, mine, Way(10, [1, 3], 3, {"highway": "residential"}))
    assert kinds(clash) == [(NODES, "")]
    assert resolve(clash, {(NODES, ""): THEIRS}).nodes == [1, 3]
    members = [Member("way", 10, "outer")]
    rel_base = Relation(5, members, 1, {"type": "multipolygon"})
    rel_mine = Relation(5, [*members, Member("way", 11, "inner")], 1, {"type": "multipolygon"})
    rel_theirs = Relation(5, [Member("way", 12, "outer")], 2, {"type": "multipolygon"})
    assert kinds(merge_element(rel_base, rel_mine, rel_theirs)) == [(MEMBERS, "")]


def test_deleted_against_modified_both_ways():
    theirs_deleted = merge_element(cafe(), cafe(wheelchair="yes"), None)
    assert kinds(theirs_deleted) == [(DELETED, "")]
    assert resolve(theirs_deleted, {(DELETED, ""): THEIRS}) is None
    assert resolve(theirs_deleted, {(DELETED, ""): MINE}).tags["wheelchair"] == "yes"
    mine_deleted = merge_element(cafe(), None, cafe(4, name="Neu"))
    assert kinds(mine_deleted) == [(DELETED, "")]
    kept = resolve(mine_deleted, {(DELETED, ""): THEIRS})
    assert kept.tags["name"] == "Neu" and kept.version == 4
    assert resolve(merge_element(cafe(), None, cafe(4, name="Neu")), {}) is None
    # deleted by me, only the version changed on the server (nothing to lose): deleted
    quiet = merge_element(cafe(), None, cafe(4))
    assert quiet.conflicts == [] and quiet.merged is None
