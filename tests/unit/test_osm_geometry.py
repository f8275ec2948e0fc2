import pytest

from osm_roundtrip.plugin.core.osm.geometry import (
    AREA_KEYS,
    AREA_VALUES,
    assemble_polygons,
    build_features,
    is_area,
    join_rings,
    point_in_ring,
    resolve,
    signed_area,
)
from osm_roundtrip.plugin.core.osm.model import DataSet, Member, Node, Relation, Way

# (tags, area?) — the rule table, case by case
AREA_CASES = [
    ({"building": "yes"}, True),
    ({"building": "no"}, False),
    ({"landuse": "meadow"}, True),
    ({"natural": "wood"}, True),
    ({"natural": "coastline"}, False),
    ({"natural": "tree_row"}, False),
    ({"natural": "cliff"}, False),
    ({"leisure": "park"}, True),
    ({"leisure": "track"}, False),
    ({"amenity": "parking"}, True),
    ({"man_made": "wastewater_plant"}, True),
    ({"man_made": "embankment"}, False),
    ({"aeroway": "apron"}, True),
    ({"aeroway": "taxiway"}, False),
    ({"highway": "residential"}, False),
    ({"highway": "pedestrian", "area": "yes"}, True),
    ({"highway": "platform"}, True),
    ({"railway": "platform"}, True),
    ({"railway": "rail"}, False),
    ({"waterway": "riverbank"}, True),
    ({"waterway": "stream"}, False),
    ({"power": "substation"}, True),
    ({"power": "line"}, False),
    ({"barrier": "fence"}, False),
    ({"building": "yes", "area": "no"}, False),
    ({"area": "yes"}, True),
    ({"name": "Only a name"}, False),
    ({}, False),
]


@pytest.mark.parametrize(
    ("tags", "expected"),
    AREA_CASES,
    ids=[",".join(f"{k}={v}" for k, v in tags.items()) or "untagged" for tags, _ in AREA_CASES],
)
def test_area_rule_table(tags, expected):
    assert is_area(tags) is expected


def test_rule_table_keys_are_explicit():
    assert {"building", "landuse", "natural", "leisure", "amenity"} <= set(AREA_KEYS)
    assert not set(AREA_KEYS) & set(AREA_VALUES)


def square(ds, first_node, x0, y0, size, way_id, tags=None, reverse=False):
    """Add a closed square way with 4 new nodes; returns its node ids (closed)."""
    coords = [(x0, y0), (x0 + size, y0), (x0 + size, y0 + size), (x0, y0 + size)]
    if reverse:
        coords.reverse()
    ids = []
    for i, (x, y) in enumerate(coords):
        ds.add(Node(first_node + i, y, x, 1))
        ids.append(first_node + i)
    ids.append(ids[0])
    ds.add(Way(way_id, ids, 1, tags or {}))
    return ids


def test_tagged_nodes_are_points_untagged_are_not():
    ds = DataSet()
    ds.add(Node(1, 47.0, 9.0, 1, {"amenity": "bench"}))
    ds.add(Node(2, 47.0, 9.1, 1))
    features = build_features(ds)
    assert [(f.osm_id, f.geometry) for f in features.points] == [(1, (9.0, 47.0))]


def test_closed_area_way_is_polygon_open_or_non_area_is_line():
    ds = DataSet()
    square(ds, 1, 0, 0, 1, 10, {"building": "yes"})
    square(ds, 11, 5, 5, 1, 20, {"highway": "service"})
    ds.add(Way(30, [1, 2], 1, {"barrier": "wall"}))
    features = build_features(ds)
    assert [f.osm_id for f in features.polygons] == [10]
    assert features.polygons[0].geometry == [[[1, 2, 3, 4, 1]]]
    assert sorted(f.osm_id for f in features.lines) == [20, 30]
    polygon = resolve(features.polygons[0].geometry, ds.nodes)
    assert polygon == [[[(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]]]


def test_untagged_member_ways_are_not_lines_but_untagged_free_ways_are():
    ds = DataSet()
    square(ds, 1, 0, 0, 1, 10)
    square(ds, 11, 5, 5, 1, 20)
    ds.add(Relation(100, [Member("way", 10, "outer")], 1, {"type": "multipolygon", "x": "y"}))
    features = build_features(ds)
    assert [f.osm_id for f in features.lines] == [20]
    assert [(f.osm_type, f.osm_id) for f in features.polygons] == [("relation", 100)]


def multipolygon_with_multiway_rings():
    """Outer ring of three ways (one reversed), a hole of two ways, an island in the hole and a
    second outer: roles deliberately wrong on the island to show nesting is geometric."""
    ds = DataSet()
    coords = {
        1: (0, 0),
        2: (10, 0),
        3: (10, 10),
        4: (0, 10),
        5: (2, 2),
        6: (8, 2),
        7: (8, 8),
        8: (2, 8),
    }
    for ref, (x, y) in coords.items():
        ds.add(Node(ref, y, x, 1))
    ds.add(Way(1, [1, 2, 3], 1))
    ds.add(Way(2, [4, 3], 1))  # reversed direction
    ds.add(Way(3, [4, 1], 1))
    ds.add(Way(4, [5, 6, 7], 1))
    ds.add(Way(5, [7, 8, 5], 1))
    island = square(ds, 20, 4, 4, 2, 6)
    other = square(ds, 30, 20, 0, 3, 7)
    members = [Member("way", w, "outer") for w in (1, 2, 3)]
    members += [Member("way", 4, "inner"), Member("way", 5, "inner"), Member("way", 6, "inner")]
    members += [Member("way", 7, "outer"), Member("node", 1, "label")]
    ds.add(Relation(100, members, 3, {"type": "multipolygon", "landuse": "forest"}))
    return ds, island, other


def test_multipolygon_with_holes_multiway_rings_islands_and_two_outers():
    ds, island, other = multipolygon_with_multiway_rings()
    features = build_features(ds)
    (polygon,) = features.polygons
    assert (polygon.osm_type, polygon.osm_id, polygon.version) == ("relation", 100, 3)
    outer_hole, other_polygon, island_polygon = sorted(
        polygon.geometry, key=lambda p: -abs(signed_area(resolve(p[0], ds.nodes)))
    )
    assert len(outer_hole) == 2
    assert sorted(outer_hole[0][:-1]) == [1, 2, 3, 4]
    assert sorted(outer_hole[1][:-1]) == [5, 6, 7, 8]
    assert island_polygon == [island]
    assert other_polygon == [other]
    for rings in polygon.geometry:
        for ring in rings:
            assert ring[0] == ring[-1]
    record = features.relations[0]
    assert not record.incomplete
    assert record.members[-1] == Member("node", 1, "label")


def test_boundary_relations_are_polygons_other_relations_only_records():
    ds, _, _ = multipolygon_with_multiway_rings()
    ds.relations[100].tags = {"type": "boundary", "boundary": "administrative"}
    ds.add(Relation(200, [Member("way", 7, "")], 1, {"type": "route", "route": "bus"}))
    features = build_features(ds)
    assert [f.osm_id for f in features.polygons] == [100]
    assert sorted(r.osm_id for r in features.relations) == [100, 200]


def test_incomplete_relation_is_drawn_from_its_complete_rings_and_flagged():
    ds, island, other = multipolygon_with_multiway_rings()
    del ds.ways[2]  # a piece of the first outer ring lies outside the download
    ds.add(Relation(300, [Member("node", 12345, "stop")], 1, {"type": "route"}))
    features = build_features(ds)
    (polygon,) = features.polygons
    assert (polygon.osm_type, polygon.osm_id, polygon.incomplete) == ("relation", 100, True)
    # the open outer ring is left out; the hole's own ring, the island and the other outer stay
    rings = sorted(tuple(sorted(set(ring))) for part in polygon.geometry for ring in part)
    assert rings == sorted([(5, 6, 7, 8), tuple(sorted(set(island))), tuple(sorted(set(other)))])
    flags = {r.osm_id: r.incomplete for r in features.relations}
    assert flags == {100: True, 300: True}
    members = next(r for r in features.relations if r.osm_id == 100).members
    assert Member("way", 2, "outer") in members  # the members are kept as they are


def test_incomplete_relation_without_a_complete_ring_gets_no_polygon():
    ds, _, _ = multipolygon_with_multiway_rings()
    for way_id in (2, 5, 6, 7):
        del ds.ways[way_id]
    features = build_features(ds)
    assert features.polygons == []
    assert features.relations[0].incomplete


def test_missing_node_member_flags_but_keeps_polygon():
    ds, _, _ = multipolygon_with_multiway_rings()
    ds.relations[100].members.append(Member("node", 4242, "label"))
    features = build_features(ds)
    assert [f.osm_id for f in features.polygons] == [100]
    assert features.relations[0].incomplete


def test_unclosed_rings_are_reported_invalid():
    ds, _, _ = multipolygon_with_multiway_rings()
    ds.relations[100].members = [Member("way", 1, "outer"), Member("way", 2, "outer")]
    features = build_features(ds)
    assert features.polygons == []
    assert features.invalid_relations == [100]
    assert not features.relations[0].incomplete


def test_way_with_missing_nodes_is_drawn_through_the_others_and_flagged():
    ds = DataSet()
    for ref in (1, 2, 4):
        ds.add(Node(ref, 0, ref, 1))
    ds.add(Way(10, [1, 2, 3, 4], 1, {"highway": "path"}))
    ds.add(Way(11, [1, 5], 1, {"highway": "track"}))  # one node left: nothing to draw
    ds.add(Way(12, [1, 2, 4, 1], 1, {"building": "yes"}))  # complete: a polygon, not flagged
    features = build_features(ds)
    assert [(f.osm_id, f.geometry, f.incomplete) for f in features.lines] == [(10, [1, 2, 4], True)]
    assert [(f.osm_id, f.incomplete) for f in features.polygons] == [(12, False)]
    assert features.incomplete_ways == [10, 11]


@pytest.mark.parametrize(
    ("segments", "expected"),
    [
        ([[1, 2, 3, 1]], [[1, 2, 3, 1]]),
        ([[1, 2], [2, 3], [3, 1]], [[1, 2, 3, 1]]),
        ([[1, 2], [3, 2], [1, 3]], [[1, 2, 3, 1]]),
        ([[1, 2], [2, 3]], None),
        ([[1, 2, 1]], None),
    ],
    ids=["closed", "chain", "reversed-parts", "open", "degenerate"],
)
def test_join_rings(segments, expected):
    assert join_rings(segments) == expected


def test_point_in_ring_and_area_sign():
    ring = [(0, 0), (4, 0), (4, 4), (0, 4), (0, 0)]
    assert point_in_ring(1, 1, ring)
    assert not point_in_ring(5, 1, ring)
    assert signed_area(ring) == 16
    assert signed_area(ring[::-1]) == -16


def test_nesting_does_not_depend_on_ring_order():
    ds, _, _ = multipolygon_with_multiway_rings()
    rings = [[5, 6, 7, 8, 5], [1, 2, 3, 4, 1]]
    assert assemble_polygons(rings, ds.nodes) == [[[1, 2, 3, 4, 1], [5, 6, 7, 8, 5]]]
