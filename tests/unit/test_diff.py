"""The differ: base snapshot + edited features -> OSM changes."""

from __future__ import annotations

import copy

import pytest

from osm_roundtrip.plugin.core.errors import ValidationError
from osm_roundtrip.plugin.core.osm.diff import (
    CREATE,
    DELETE,
    MODIFY,
    EditConflict,
    compute_changes,
    loaded_features,
)
from osm_roundtrip.plugin.core.osm.features import LINES, POINTS, POLYGONS, RELATIONS
from osm_roundtrip.plugin.core.osm.model import DataSet, Member, Node, Relation, Way

# A small map around (9.5, 47.1). Grid node ids: 100 + 10*x + y at lon 9.5+x*0.001, lat 47.1+y*0.001


def pos(x, y):
    return (round(9.5 + x * 0.001, 7), round(47.1 + y * 0.001, 7))


def make_base():
    ds = DataSet()
    ds.bounds.append((9.4995, 47.0995, 9.5095, 47.1095))
    for x in range(10):
        for y in range(10):
            lon, lat = pos(x, y)
            ds.add(Node(100 + 10 * x + y, lat, lon, version=2))
    ds.nodes[155].tags = {"amenity": "bench"}  # standalone point (not in a way)
    ds.nodes[101].tags = {"highway": "crossing"}  # tagged vertex of way 1
    # way 1: a road along y=1, x=0..4 ; way 2 crosses it at (2,1) = node 121
    ds.add(Way(1, [101, 111, 121, 131, 141], version=3, tags={"highway": "residential"}))
    ds.add(Way(2, [120, 121, 122, 123], version=1, tags={"highway": "service"}))
    # way 3: building, closed square (6,6)-(8,8)
    ds.add(Way(3, [166, 186, 188, 168, 166], version=1, tags={"building": "yes"}))
    # multipolygon 10: outer ring of two ways (4 and 5), inner ring way 6 (single closed way)
    ds.add(Way(4, [100 + 10 * 0 + 5, 100 + 10 * 3 + 5, 100 + 10 * 3 + 9], version=1))
    ds.add(Way(5, [139, 109, 105], version=1))
    ds.add(Way(6, [116, 126, 127, 117, 116], version=1))
    ds.add(
        Relation(
            10,
            [Member("way", 4, "outer"), Member("way", 5, "outer"), Member("way", 6, "inner")],
            version=4,
            tags={"type": "multipolygon", "landuse": "meadow"},
        )
    )
    # a route using way 1 and the bench
    ds.add(
        Relation(
            20,
            [Member("way", 1, ""), Member("node", 155, "stop")],
            version=1,
            tags={"type": "route", "route": "bus"},
        )
    )
    return ds


def features(ds=None):
    return loaded_features(ds or make_base())


def find(feats, layer, osm_id, osm_type=None):
    for f in feats[layer]:
        if f.osm_id == osm_id and (osm_type is None or f.osm_type == osm_type):
            return f
    raise KeyError((layer, osm_id))


def summary(changes):
    """{(action, type, id): element} for compact assertions."""
    return {(c.action, c.element.type, c.element.id): c for c in changes}


def keys(changes):
    return sorted((c.action, c.element.type, c.element.id) for c in changes)


def test_loader_simulation_covers_every_layer():
    feats = features()
    assert {f.osm_id for f in feats[POINTS]} == {101, 155}
    assert {f.osm_id for f in feats[LINES]} == {1, 2}
    assert {(f.osm_type, f.osm_id) for f in feats[POLYGONS]} == {("way", 3), ("relation", 10)}
    assert {f.osm_id for f in feats[RELATIONS]} == {10, 20}


def test_no_edit_is_empty():
    changes = compute_changes(make_base(), features())
    assert changes.is_empty
    assert changes.summary() == "no changes"


def test_float_noise_and_duplicate_vertices_are_no_change():
    base = make_base()
    feats = features(base)
    line = find(feats, LINES, 1)
    noisy = [(lon + 3e-9, lat - 4e-9) for lon, lat in line.geometry]
    line.geometry = [noisy[0], noisy[0], *noisy[1:], noisy[-1]]
    poly = find(feats, POLYGONS, 10, "relation")
    poly.geometry = [
        [[(lon - 2e-8, lat + 1e-8) for lon, lat in ring] for ring in polygon]
        for polygon in poly.geometry
    ]
    assert compute_changes(base, feats).is_empty


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            {"highway": "residential", "name": "Hauptstrasse"},
            {"highway": "residential", "name": "Hauptstrasse"},
        ),
        ({"highway": "tertiary"}, {"highway": "tertiary"}),
        ({"highway": "residential", "surface": ""}, {"highway": "residential"}),
        (
            {"highway": "residential", "lanes": None, "maxspeed": 50.0},
            {"highway": "residential", "maxspeed": "50"},
        ),
        ({}, {}),
    ],
    ids=["added", "changed", "cleared-value-is-no-tag", "null-and-number", "all-removed"],
)
def test_tag_edits(edit, expected):
    base = make_base()
    feats = features(base)
    find(feats, LINES, 1).tags = edit
    changes = compute_changes(base, feats)
    if expected == base.ways[1].tags:
        assert changes.is_empty
        return
    assert keys(changes) == [(MODIFY, "way", 1)]
    way = changes.modifies[0].element
    assert way.tags == expected
    assert way.nodes == base.ways[1].nodes
    assert way.version == 3
    assert changes.modifies[0].sources == [(LINES, 1)]


def test_moved_vertex_moves_the_node_once_for_all_ways():
    base = make_base()
    feats = features(base)
    line = find(feats, LINES, 1)
    line.geometry[2] = (9.50201234, 47.10105)  # node 121, shared with way 2
    changes = compute_changes(base, feats)
    assert keys(changes) == [(MODIFY, "node", 121)]
    node = changes.modifies[0].element
    assert (node.lon, node.lat, node.version) == (9.5020123, 47.10105, 2)


def test_same_move_in_both_ways_is_one_change():
    base = make_base()
    feats = features(base)
    find(feats, LINES, 1).geometry[2] = (9.5021, 47.1011)
    find(feats, LINES, 2).geometry[1] = (9.5021, 47.1011)
    assert keys(compute_changes(base, feats)) == [(MODIFY, "node", 121)]


def test_conflicting_moves_are_refused_naming_both_features():
    base = make_base()
    feats = features(base)
    find(feats, LINES, 1).geometry[2] = (9.5021, 47.1011)
    find(feats, LINES, 2).geometry[1] = (9.5022, 47.1011)
    with pytest.raises(EditConflict, match=r"node 121 .*osm_lines #1.*osm_lines #2"):
        compute_changes(base, feats)


def test_point_and_vertex_of_one_node_disagree():
    base = make_base()
    feats = features(base)
    find(feats, POINTS, 101).geometry = (9.4999, 47.1)
    find(feats, LINES, 1).geometry[0] = (9.4998, 47.1)
    with pytest.raises(EditConflict, match="node 101"):
        compute_changes(base, feats)


def test_moved_point_moves_the_vertex_too():
    base = make_base()
    feats = features(base)
    find(feats, POINTS, 101).geometry = (9.4999, 47.101)
    assert keys(compute_changes(base, feats)) == [(MODIFY, "node", 101)]


def test_inserted_vertex_is_a_new_node():
    base = make_base()
    feats = features(base)
    line = find(feats, LINES, 1)
    line.geometry.insert(1, (9.5005, 47.1012))
    changes = summary(compute_changes(base, feats))
    assert set(changes) == {(CREATE, "node", -1), (MODIFY, "way", 1)}
    assert changes[(MODIFY, "way", 1)].element.nodes == [101, -1, 111, 121, 131, 141]
    new = changes[(CREATE, "node", -1)].element
    assert (new.lon, new.lat, new.tags) == (9.5005, 47.1012, {})


def test_inserted_vertex_on_an_existing_node_reuses_it():
    base = make_base()
    feats = features(base)
    line = find(feats, LINES, 1)
    line.geometry.insert(1, pos(1, 2))  # node 112, in no way
    changes = compute_changes(base, feats)
    assert keys(changes) == [(MODIFY, "way", 1)]
    assert changes.modifies[0].element.nodes == [101, 112, 111, 121, 131, 141]


@pytest.mark.parametrize(
    ("index", "node", "deleted"),
    [(1, 111, True), (2, 121, False), (0, 101, False)],
    ids=["untagged-unused-deleted", "shared-kept", "tagged-kept"],
)
def test_removed_vertex(index, node, deleted):
    base = make_base()
    feats = features(base)
    del find(feats, LINES, 1).geometry[index]
    changes = summary(compute_changes(base, feats))
    assert node not in changes[(MODIFY, "way", 1)].element.nodes
    assert ((DELETE, "node", node) in changes) is deleted
    if deleted:
        assert changes[(DELETE, "node", node)].if_unused


def test_same_length_edit_with_one_removed_and_one_added_vertex():
    base = make_base()
    feats = features(base)
    line = find(feats, LINES, 1)
    del line.geometry[1]
    line.geometry.append((9.5055, 47.1012))
    changes = summary(compute_changes(base, feats))
    assert changes[(MODIFY, "way", 1)].element.nodes == [101, 121, 131, 141, -1]
    assert (DELETE, "node", 111) in changes
    assert (MODIFY, "node", 131) not in changes


def test_reversed_line_reverses_the_way():
    base = make_base()
    feats = features(base)
    find(feats, LINES, 2).geometry.reverse()
    changes = compute_changes(base, feats)
    assert keys(changes) == [(MODIFY, "way", 2)]
    assert changes.modifies[0].element.nodes == [123, 122, 121, 120]


@pytest.mark.parametrize("reverse", [False, True], ids=["rotated", "rotated-and-reversed"])
def test_polygon_ring_order_is_no_change(reverse):
    base = make_base()
    feats = features(base)
    poly = find(feats, POLYGONS, 3)
    ring = poly.geometry[0][0][:-1]
    ring = ring[2:] + ring[:2]
    if reverse:
        ring.reverse()
    poly.geometry = [[[*ring, ring[0]]]]
    rel = find(feats, POLYGONS, 10, "relation")
    rel.geometry = [[list(reversed(r)) for r in reversed(p)] for p in rel.geometry]
    assert compute_changes(base, feats).is_empty


def test_polygon_vertex_moved_in_a_rotated_ring():
    base = make_base()
    feats = features(base)
    poly = find(feats, POLYGONS, 3)
    ring = poly.geometry[0][0][:-1]
    ring = list(reversed(ring[1:] + ring[:1]))
    ring[ring.index(pos(8, 8))] = (9.50805, 47.10805)  # node 188
    poly.geometry = [[[*ring, ring[0]]]]
    changes = compute_changes(base, feats)
    assert keys(changes) == [(MODIFY, "node", 188)]


def test_polygon_vertex_inserted_keeps_start_and_direction():
    base = make_base()
    feats = features(base)
    poly = find(feats, POLYGONS, 3)
    ring = poly.geometry[0][0][:-1][::-1]  # as an assembler might orient it
    ring.insert(1, (9.5061, 47.1071))
    poly.geometry = [[[*ring, ring[0]]]]
    changes = summary(compute_changes(base, feats))
    assert changes[(MODIFY, "way", 3)].element.nodes == [166, 186, 188, -1, 168, 166]


def test_moving_the_first_vertex_of_a_closed_polygon_keeps_it_closed():
    base = make_base()
    feats = features(base)
    ring = find(feats, POLYGONS, 3).geometry[0][0]
    ring[0] = ring[-1] = (9.5059, 47.1059)
    assert keys(compute_changes(base, feats)) == [(MODIFY, "node", 166)]


def test_new_point():
    base = make_base()
    feats = features(base)
    feats[POINTS].append(_new(POINTS, (9.5071, 47.1021), {"amenity": "post_box"}))
    changes = compute_changes(base, feats)
    assert keys(changes) == [(CREATE, "node", -1)]
    node = changes.creates[0].element
    assert (node.lon, node.lat, node.tags) == (9.5071, 47.1021, {"amenity": "post_box"})
    assert changes.creates[0].sources == [(POINTS, 900)]


def test_new_point_on_an_untagged_vertex_tags_that_node():
    base = make_base()
    feats = features(base)
    feats[POINTS].append(_new(POINTS, pos(1, 1), {"traffic_calming": "bump"}))
    changes = compute_changes(base, feats)
    assert keys(changes) == [(MODIFY, "node", 111)]
    assert changes.modifies[0].element.tags == {"traffic_calming": "bump"}


def _new(layer, geometry, tags, fid=900):
    from osm_roundtrip.plugin.core.osm.features import EditedFeature

    return EditedFeature(layer, fid, None, None, tags, geometry)


def test_new_line_reuses_existing_node_and_shares_new_nodes():
    base = make_base()
    feats = features(base)
    a = (9.5071, 47.1091)
    feats[LINES].append(_new(LINES, [pos(4, 1), a, (9.5072, 47.1092)], {"highway": "path"}))
    feats[LINES].append(_new(LINES, [a, (9.5091, 47.1091)], {"highway": "path"}, fid=901))
    changes = compute_changes(base, feats)
    ways = [c.element for c in changes.creates if c.element.type == "way"]
    assert [w.nodes[0] for w in ways] == [141, ways[0].nodes[1]]
    assert ways[0].nodes[1] < 0
    assert len([c for c in changes.creates if c.element.type == "node"]) == 3
    assert not changes.modifies and not changes.deletes


def test_new_vertex_snaps_to_where_a_node_is_after_the_edit():
    # node 141 (end of way 1) moves onto (5, 1); new lines end at its new and at its old place
    base = make_base()
    feats = features(base)
    find(feats, LINES, 1).geometry[-1] = pos(5, 1)
    feats[LINES].append(_new(LINES, [(9.5055, 47.1031), pos(5, 1)], {"highway": "path"}))
    feats[LINES].append(_new(LINES, [(9.5045, 47.1031), pos(4, 1)], {"highway": "path"}, 901))
    changes = compute_changes(base, feats)
    ends = [c.element.nodes[-1] for c in changes.creates if c.element.type == "way"]
    assert ends[0] == 141  # the moved node (of the two now there, the smaller id)
    assert ends[1] < 0  # the old place is empty now: a new node
    assert [c.key for c in changes.modifies] == [("node", 141)]


def test_new_closed_line_and_new_polygon_are_closed_ways():
    base = make_base()
    feats = features(base)
    square = [(9.5091, 47.1001), (9.5093, 47.1001), (9.5093, 47.1003), (9.5091, 47.1001)]
    feats[LINES].append(_new(LINES, square, {"barrier": "fence"}))
    feats[POLYGONS].append(
        _new(POLYGONS, [[[(x + 0.0001, y) for x, y in square]]], {"building": "shed"}, fid=901)
    )
    changes = compute_changes(base, feats)
    ways = [c.element for c in changes.creates if c.element.type == "way"]
    assert len(ways) == 2
    assert all(w.nodes[0] == w.nodes[-1] and len(w.nodes) == 4 for w in ways)


@pytest.mark.parametrize(
    ("geometry", "roles"),
    [
        (
            [
                [
                    [(9.501, 47.101), (9.506, 47.101), (9.506, 47.106), (9.501, 47.101)],
                    [(9.502, 47.102), (9.503, 47.102), (9.503, 47.103), (9.502, 47.102)],
                ]
            ],
            ["outer", "inner"],
        ),
        (
            [
                [[(9.501, 47.101), (9.502, 47.101), (9.502, 47.102), (9.501, 47.101)]],
                [[(9.5031, 47.1031), (9.5032, 47.1031), (9.5032, 47.1032), (9.5031, 47.1031)]],
            ],
            ["outer", "outer"],
        ),
    ],
    ids=["with-hole", "two-parts"],
)
def test_new_polygon_with_holes_or_parts_is_a_multipolygon(geometry, roles):
    base = DataSet()
    feats = {POLYGONS: [_new(POLYGONS, geometry, {"landuse": "grass"})]}
    changes = compute_changes(base, feats)
    rels = [c.element for c in changes.creates if c.element.type == "relation"]
    ways = {c.element.id: c.element for c in changes.creates if c.element.type == "way"}
    assert len(rels) == 1
    assert rels[0].tags == {"landuse": "grass", "type": "multipolygon"}
    assert [m.role for m in rels[0].members] == roles
    assert all(
        ways[m.ref].tags == {} and ways[m.ref].nodes[0] == ways[m.ref].nodes[-1]
        for m in rels[0].members
    )


def test_new_multipart_line_becomes_one_way_per_part():
    feats = {
        LINES: [
            _new(
                LINES,
                [[(9.5, 47.1), (9.51, 47.1)], [(9.52, 47.1), (9.53, 47.1)]],
                {"highway": "track"},
            )
        ]
    }
    changes = compute_changes(DataSet(), feats)
    ways = [c.element for c in changes.creates if c.element.type == "way"]
    assert [len(w.nodes) for w in ways] == [2, 2]
    assert all(w.tags == {"highway": "track"} for w in ways)


def test_existing_multipart_line_is_refused():
    base = make_base()
    feats = features(base)
    line = find(feats, LINES, 2)
    line.geometry = [line.geometry[:2], line.geometry[2:]]
    with pytest.raises(ValidationError, match="Line 2 of way 2 has 2 parts"):
        compute_changes(base, feats)


def test_long_new_line_is_split_into_chained_ways():
    coords = [(9.5 + i * 1e-5, 47.2) for i in range(25)]
    changes = compute_changes(
        DataSet(), {LINES: [_new(LINES, coords, {"highway": "path"})]}, max_way_nodes=10
    )
    ways = [c.element for c in changes.creates if c.element.type == "way"]
    assert [len(w.nodes) for w in ways] == [10, 10, 7]
    assert ways[0].nodes[-1] == ways[1].nodes[0] and ways[1].nodes[-1] == ways[2].nodes[0]


def test_long_new_polygon_is_a_multipolygon_of_several_ways():
    ring = [(9.5 + i * 1e-5, 47.2 + (i % 2) * 1e-5 + i * 1e-6) for i in range(15)]
    ring.append(ring[0])
    changes = compute_changes(
        DataSet(), {POLYGONS: [_new(POLYGONS, [[ring]], {"natural": "wood"})]}, max_way_nodes=6
    )
    rel = next(c.element for c in changes.creates if c.element.type == "relation")
    ways = [c.element for c in changes.creates if c.element.type == "way"]
    assert len(rel.members) == len(ways) == 3
    assert ways[0].nodes[0] == ways[-1].nodes[-1]
    assert all(len(w.nodes) <= 6 for w in ways)


def test_existing_way_growing_beyond_the_limit_is_refused():
    base = make_base()
    feats = features(base)
    line = find(feats, LINES, 2)
    line.geometry = [*line.geometry, (9.5025, 47.1045), (9.5026, 47.1046)]
    with pytest.raises(ValidationError, match="Way 2 would have 6 nodes, more than the 5"):
        compute_changes(base, feats, max_way_nodes=5)


def test_deleted_line_deletes_orphan_nodes_only():
    base = make_base()
    feats = features(base)
    feats[LINES] = [f for f in feats[LINES] if f.osm_id != 1]
    changes = summary(compute_changes(base, feats))
    assert set(changes) == {
        (DELETE, "way", 1),
        (DELETE, "node", 111),
        (DELETE, "node", 131),
        (DELETE, "node", 141),
        (MODIFY, "relation", 20),
    }
    assert not changes[(DELETE, "way", 1)].if_unused
    assert changes[(DELETE, "node", 111)].if_unused
    assert changes[(MODIFY, "relation", 20)].element.members == [Member("node", 155, "stop")]


def test_deleted_point_that_is_a_vertex_loses_its_tags():
    base = make_base()
    feats = features(base)
    feats[POINTS] = [f for f in feats[POINTS] if f.osm_id != 101]
    changes = compute_changes(base, feats)
    assert keys(changes) == [(MODIFY, "node", 101)]
    assert changes.modifies[0].element.tags == {}


def test_deleted_point_leaves_its_relations():
    base = make_base()
    feats = features(base)
    feats[POINTS] = [f for f in feats[POINTS] if f.osm_id != 155]
    changes = summary(compute_changes(base, feats))
    assert set(changes) == {(DELETE, "node", 155), (MODIFY, "relation", 20)}
    assert changes[(MODIFY, "relation", 20)].element.members == [Member("way", 1, "")]


def test_deleted_node_outside_the_box_is_if_unused():
    base = make_base()
    base.bounds = [(9.4995, 47.0995, 9.5045, 47.1045)]
    feats = features(base)
    feats[POINTS] = [f for f in feats[POINTS] if f.osm_id != 155]
    changes = summary(compute_changes(base, feats))
    assert changes[(DELETE, "node", 155)].if_unused


def test_deleted_multipolygon_deletes_its_orphan_member_ways_and_nodes():
    base = make_base()
    feats = features(base)
    feats[POLYGONS] = [f for f in feats[POLYGONS] if f.osm_type != "relation"]
    feats[RELATIONS] = [f for f in feats[RELATIONS] if f.osm_id != 10]
    changes = summary(compute_changes(base, feats))
    ring_nodes = {105, 135, 139, 109, 116, 126, 127, 117}
    assert set(changes) == {
        (DELETE, "relation", 10),
        (DELETE, "way", 4),
        (DELETE, "way", 5),
        (DELETE, "way", 6),
    } | {(DELETE, "node", n) for n in ring_nodes}
    assert [c.element.type for c in compute_changes(base, feats).deletes][:2] == ["relation", "way"]


def test_multipolygon_hole_removed():
    base = make_base()
    feats = features(base)
    poly = find(feats, POLYGONS, 10, "relation")
    poly.geometry = [[poly.geometry[0][0]]]
    changes = summary(compute_changes(base, feats))
    assert changes[(MODIFY, "relation", 10)].element.members == [
        Member("way", 4, "outer"),
        Member("way", 5, "outer"),
    ]
    assert changes[(DELETE, "way", 6)].if_unused
    assert {k for k in changes if k[1] == "node"} == {
        (DELETE, "node", n) for n in (116, 126, 127, 117)
    }


def test_multipolygon_hole_added():
    base = make_base()
    feats = features(base)
    poly = find(feats, POLYGONS, 10, "relation")
    hole = [(9.5021, 47.1071), (9.5022, 47.1071), (9.5022, 47.1072), (9.5021, 47.1071)]
    poly.geometry[0].append(hole)
    changes = summary(compute_changes(base, feats))
    rel = changes[(MODIFY, "relation", 10)].element
    assert rel.members[-1] == Member("way", -1, "inner")
    assert changes[(CREATE, "way", -1)].element.nodes == [-1, -2, -3, -1]
    assert rel.version == 4 and rel.tags == base.relations[10].tags


def test_multipolygon_ring_moved_is_node_moves_only():
    base = make_base()
    feats = features(base)
    poly = find(feats, POLYGONS, 10, "relation")
    poly.geometry[0][1] = [(x + 0.00005, y - 0.00003) for x, y in poly.geometry[0][1]]
    changes = compute_changes(base, feats)
    assert keys(changes) == [(MODIFY, "node", n) for n in (116, 117, 126, 127)]


def test_multipolygon_vertex_removed_at_a_junction_of_two_ways():
    base = make_base()
    feats = features(base)
    poly = find(feats, POLYGONS, 10, "relation")
    outer = poly.geometry[0][0]
    junction = pos(3, 9)  # node 139: end of way 4, start of way 5
    outer = [c for c in outer if c != junction]
    poly.geometry[0][0] = outer
    changes = summary(compute_changes(base, feats))
    w4 = changes[(MODIFY, "way", 4)].element.nodes
    w5 = changes[(MODIFY, "way", 5)].element.nodes
    assert w4[-1] == w5[0] and 139 not in w4 + w5
    assert (DELETE, "node", 139) in changes


def test_multipolygon_edit_next_to_a_junction_keeps_the_junction_node():
    # Way 4 gains a vertex just before the junction 139 and way 5 loses its next vertex 109:
    # the ring keeps its length, and the junction is still there, unmoved. It must stay the
    # junction (not move onto the new vertex with 109 taking its place).
    base = make_base()
    feats = features(base)
    poly = find(feats, POLYGONS, 10, "relation")
    outer = [c for c in poly.geometry[0][0] if c != pos(0, 9)]  # node 109 (way 5)
    outer.insert(outer.index(pos(3, 9)), (9.5035, 47.107))  # new vertex on way 4
    poly.geometry[0][0] = outer
    changes = summary(compute_changes(base, feats))
    assert changes[(MODIFY, "way", 4)].element.nodes == [105, 135, -1, 139]
    assert changes[(MODIFY, "way", 5)].element.nodes == [139, 105]
    assert (DELETE, "node", 109) in changes
    assert not [k for k in changes if k[0] == MODIFY and k[1] == "node"]


def test_line_edit_next_to_a_shared_vertex_keeps_that_node():
    # Same shape of edit on a line: 111 removed before the shared node 121, a vertex added after
    # it. Node 121 (also a vertex of way 2) must not move onto the new vertex.
    base = make_base()
    feats = features(base)
    line = find(feats, LINES, 1)
    line.geometry = [pos(0, 1), pos(2, 1), (9.5025, 47.1013), pos(3, 1), pos(4, 1)]
    changes = summary(compute_changes(base, feats))
    assert changes[(MODIFY, "way", 1)].element.nodes == [101, 121, -1, 131, 141]
    assert (DELETE, "node", 111) in changes
    assert not [k for k in changes if k[0] == MODIFY and k[1] == "node"]


def test_polygon_gets_a_hole_and_becomes_a_multipolygon():
    base = make_base()
    feats = features(base)
    poly = find(feats, POLYGONS, 3)
    poly.geometry[0].append(
        [(9.5065, 47.1065), (9.5075, 47.1065), (9.5075, 47.1075), (9.5065, 47.1065)]
    )
    changes = summary(compute_changes(base, feats))
    rel = changes[(CREATE, "relation", -1)].element
    assert rel.tags == {"building": "yes", "type": "multipolygon"}
    assert rel.members == [Member("way", 3, "outer"), Member("way", -1, "inner")]
    assert changes[(MODIFY, "way", 3)].element.tags == {}


def test_relation_tags_and_members_from_the_relations_layer():
    base = make_base()
    feats = features(base)
    rel = find(feats, RELATIONS, 20)
    rel.tags = {**rel.tags, "ref": "12"}
    rel.members = [*rel.members, ("way", 2, "")]
    changes = compute_changes(base, feats)
    assert keys(changes) == [(MODIFY, "relation", 20)]
    element = changes.modifies[0].element
    assert element.tags["ref"] == "12"
    assert element.members[-1] == Member("way", 2, "")


def test_polygon_and_relation_rows_disagree_on_tags():
    base = make_base()
    feats = features(base)
    find(feats, POLYGONS, 10, "relation").tags = {"type": "multipolygon", "landuse": "forest"}
    find(feats, RELATIONS, 10).tags = {"type": "multipolygon", "landuse": "farmland"}
    with pytest.raises(EditConflict, match="relation 10"):
        compute_changes(base, feats)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda f: f[LINES].append(copy.deepcopy(f[LINES][0])), "both carry the identity"),
        (lambda f: setattr(f[LINES][0], "osm_id", 999), "not in the downloaded data"),
        (lambda f: setattr(f[LINES][0], "osm_type", "node"), "cannot hold"),
        (
            lambda f: f[LINES].append(
                _new(LINES, [(512000.0, 5200000.0), (512001.0, 5200000.0)], {})
            ),
            "outside longitude",
        ),
        (
            lambda f: f[LINES].append(_new(LINES, [(9.5, 47.1), (9.5, 47.1)], {})),
            "fewer than two distinct",
        ),
        (
            lambda f: setattr(f[LINES][1], "geometry", [f[LINES][1].geometry[0]] * 3),
            "fewer than two distinct",
        ),
    ],
    ids=[
        "copied-identity",
        "unknown-id",
        "wrong-type",
        "projected-crs",
        "new-degenerate",
        "existing-degenerate",
    ],
)
def test_refused_with_a_clear_message(mutate, message):
    base = make_base()
    feats = features(base)
    mutate(feats)
    with pytest.raises(ValidationError, match=message):
        compute_changes(base, feats)


def test_summary_and_descriptions():
    base = make_base()
    feats = features(base)
    find(feats, LINES, 1).tags = {"highway": "residential", "name": "A"}
    feats[POINTS].append(_new(POINTS, (9.5071, 47.1021), {"amenity": "post_box"}))
    changes = compute_changes(base, feats)
    assert changes.summary() == "create: 1 node; modify: 1 way"
    assert changes.counts()[("modify", "way")] == 1
    assert changes.describe() == [
        "create node -1: new [osm_points #900]",
        "modify way 1: tags: +name=A [osm_lines #1]",
    ]


def test_notes_of_modifies_follow_the_notes_made_during_the_diff():
    base = make_base()
    feats = features(base)
    line = find(feats, LINES, 1)
    line.geometry[1] = (9.5011, 47.1012)  # node 111 moves
    line.geometry.insert(3, (9.5025, 47.1013))
    feats[POINTS] = [f for f in feats[POINTS] if f.osm_id != 101]  # stays a vertex of way 1
    changes = summary(compute_changes(base, feats))
    notes = {key[1:]: [n.message for n in c.notes] for key, c in changes.items()}
    assert notes[("node", 111)] == ["moved"]
    assert notes[("node", 101)] == [
        "point deleted; the node stays as a vertex and loses its tags",
        "tags: -highway",
    ]
    assert notes[("way", 1)] == ["nodes changed"]
    assert notes[("node", -1)] == ["new"]


def test_missing_layer_means_nothing_deleted():
    base = make_base()
    feats = features(base)
    del feats[LINES]
    assert compute_changes(base, feats).is_empty


def test_explicit_loaded_list_drives_deletes():
    base = make_base()
    feats = features(base)
    feats[POLYGONS] = [f for f in feats[POLYGONS] if f.osm_type != "relation"]
    loaded = {(f.layer, f.osm_type, f.osm_id) for fs in features(base).values() for f in fs}
    assert (DELETE, "relation", 10) in summary(compute_changes(base, feats, loaded=loaded))
    loaded.discard((POLYGONS, "relation", 10))
    assert compute_changes(base, feats, loaded=loaded).is_empty
