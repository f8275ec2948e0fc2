"""Missing tags, duplicate and very close nodes, self-intersections and rings that do not close."""

from __future__ import annotations

import pytest
from validate_support import (
    Scene,
    add_line,
    add_point,
    add_polygon,
    at,
    find,
    rules,
    validate,
)

from osm_roundtrip.plugin.core.osm.diff import CREATE, Change, OsmChanges
from osm_roundtrip.plugin.core.osm.features import LINES, POINTS
from osm_roundtrip.plugin.core.osm.model import Member, Relation, Way
from osm_roundtrip.plugin.core.validate import validate_changes


@pytest.mark.parametrize(
    "kind, tags, expected",
    [
        ("point", {}, [("error", "missing_tag")]),
        ("point", {"name": "Linde"}, [("warning", "missing_tag")]),
        ("point", {"amenity": "bench"}, []),
        ("line", {}, [("error", "missing_tag")]),
        ("line", {"name": "Graben", "note": "x"}, [("warning", "missing_tag")]),
        ("line", {"barrier": "hedge"}, []),
    ],
    ids=[
        "point-untagged",
        "point-name-only",
        "point-tagged",
        "line-untagged",
        "line-name-only",
        "line-tagged",
    ],
)
def test_missing_tags_of_new_features(kind, tags, expected, schema):
    scene = Scene()
    feats = scene.features()
    if kind == "point":
        f = add_point(scene, feats, (10, 10), tags)
    else:
        f = add_line(scene, feats, [(0, 300), (100, 300)], tags)
    report = validate(scene, feats, schema)
    assert rules(report, "missing_tag") == expected
    if expected:
        assert report.issues[0].sources == [(f.layer, f.fid)]
        assert report.blocking == (expected[0][0] == "error")


def test_an_untagged_vertex_of_a_new_way_is_no_missing_tag(schema):
    scene = Scene()
    feats = scene.features()
    add_line(scene, feats, [(0, 0), (50, 0), (100, 30)], {"barrier": "wall"})
    assert rules(validate(scene, feats, schema)) == []


def test_a_moved_vertex_onto_another_node_is_a_duplicate():
    scene = Scene()
    a = scene.way([(0, 0), (50, 0), (100, 0)], {"barrier": "wall"})
    b = scene.way([(0, 20), (50, 20), (100, 20)], {"barrier": "fence"})
    feats = scene.features()
    line = find(feats, LINES, a)
    line.geometry = [line.geometry[0], at(50, 20), line.geometry[2]]
    report = validate(scene, feats)
    assert rules(report, "duplicate_node") == [("error", "duplicate_node")]
    assert report.issues[0].location == at(50, 20)
    assert len(report.issues[0].elements) == 2 and b
    line.geometry = [line.geometry[0], at(50, 19), line.geometry[2]]
    assert rules(validate(scene, feats), "duplicate_node") == []


@pytest.mark.parametrize(
    "gap, expected", [(0.1, [("warning", "close_nodes")]), (1.0, [])], ids=["10cm", "1m"]
)
def test_close_nodes_in_a_new_way(gap, expected):
    scene = Scene()
    feats = scene.features()
    add_line(scene, feats, [(0, 0), (50, 0), (50 + gap, 0), (100, 0)], {"barrier": "wall"})
    assert rules(validate(scene, feats), "close_nodes") == expected


def test_close_nodes_that_were_there_before_are_not_reported():
    scene = Scene()
    wall = scene.way([(0, 0), (50, 0), (50.1, 0), (100, 0)], {"barrier": "wall"})
    feats = scene.features()
    line = find(feats, LINES, wall)
    line.geometry = [*line.geometry[:3], at(100, 10)]  # the last vertex moves
    assert rules(validate(scene, feats), "close_nodes") == []


@pytest.mark.parametrize(
    "layer, expected",
    [("line", [("warning", "self_intersection")]), ("polygon", [("error", "self_intersection")])],
)
def test_a_bow_tie(layer, expected):
    scene = Scene()
    feats = scene.features()
    bow_tie = [(0, 0), (20, 20), (20, 0), (0, 20)]
    if layer == "line":
        add_line(scene, feats, bow_tie, {"barrier": "fence"})
    else:
        add_polygon(scene, feats, bow_tie, {"building": "yes"})
    assert rules(validate(scene, feats), "self_intersection") == expected


@pytest.mark.parametrize(
    "points, expected",
    [
        (
            [(0, 0), (20, 0), (20, 20), (10, 20), (20, 0), (30, 0)],
            [("warning", "self_intersection")],
        ),
        ([(0, 0), (20, 0), (20, 20), (10, 20), (20, 0)], []),  # a lasso: a turning loop
        ([(20, 0), (20, 20), (10, 20), (20, 0), (30, 0)], []),  # the loop at the start
    ],
    ids=["through-a-node-twice", "lasso", "lasso-at-start"],
)
def test_a_line_through_one_of_its_nodes_again(points, expected):
    scene = Scene()
    feats = scene.features()
    add_line(scene, feats, points, {"highway": "service"})
    assert rules(validate(scene, feats), "self_intersection") == expected


def test_a_long_self_crossing_way_uses_the_grid():
    scene = Scene()
    feats = scene.features()
    points = [(i, (i % 2) * 3) for i in range(100)] + [(50, -10), (50, 10)]
    add_line(scene, feats, points, {"barrier": "fence"})
    assert rules(validate(scene, feats), "self_intersection") == [("warning", "self_intersection")]
    feats = scene.features()
    add_line(scene, feats, points[:100], {"barrier": "fence"})
    assert rules(validate(scene, feats), "self_intersection") == []


def test_area_yes_on_an_open_way():
    scene = Scene()
    feats = scene.features()
    add_line(scene, feats, [(0, 0), (20, 0), (20, 20)], {"area": "yes", "leisure": "park"})
    assert rules(validate(scene, feats), "unclosed_ring") == [("error", "unclosed_ring")]
    feats = scene.features()
    add_polygon(scene, feats, [(0, 0), (20, 0), (20, 20)], {"area": "yes", "leisure": "park"})
    assert rules(validate(scene, feats), "unclosed_ring") == []


@pytest.mark.parametrize(
    "tags, expected",
    [
        ({"building": "yes"}, [("warning", "unclosed_ring")]),
        ({"landuse": "meadow"}, [("warning", "unclosed_ring")]),
        ({"barrier": "hedge"}, []),
        ({"building": "yes", "area": "no"}, []),
    ],
    ids=["building", "landuse", "line-tags", "area-no"],
)
def test_area_tags_on_a_new_open_way(tags, expected, schema):
    scene = Scene()
    feats = scene.features()
    add_line(scene, feats, [(0, 0), (20, 0), (20, 20), (0, 20)], tags)
    assert rules(validate(scene, feats, schema), "unclosed_ring") == expected


def test_an_open_area_way_that_was_open_before_is_not_reported():
    scene = Scene()
    field = scene.way([(0, 0), (20, 0), (20, 20)], {"landuse": "meadow"})
    feats = scene.features()
    line = find(feats, LINES, field)
    line.geometry = [*line.geometry[:2], at(25, 25)]
    assert rules(validate(scene, feats), "unclosed_ring") == []


def test_a_multipolygon_whose_rings_do_not_close():
    scene = Scene()
    outer = scene.way([(0, 0), (100, 0), (100, 100)], {})
    base = scene.base
    closing = Way(-1, [base.ways[outer].nodes[-1], base.ways[outer].nodes[0]], tags={})
    good = Relation(
        -1,
        [Member("way", outer, "outer"), Member("way", -1, "outer")],
        tags={"type": "multipolygon", "landuse": "meadow"},
    )
    changes = OsmChanges([Change(CREATE, closing), Change(CREATE, good)])
    assert rules(validate_changes(changes, base), "unclosed_ring") == []
    bad = Relation(
        -1, [Member("way", outer, "outer")], tags={"type": "multipolygon", "landuse": "meadow"}
    )
    changes = OsmChanges([Change(CREATE, bad)])
    assert rules(validate_changes(changes, base), "unclosed_ring") == [("error", "unclosed_ring")]


def test_deleting_and_retagging_points_far_from_everything_is_silent(schema):
    scene = Scene()
    bench = scene.node(0, 0, {"amenity": "bench"})
    tree = scene.node(5, 5, {"natural": "tree"})
    feats = scene.features()
    feats[POINTS] = [f for f in feats[POINTS] if f.osm_id != bench]
    find(feats, POINTS, tree).tags = {"natural": "tree", "leaf_type": "broadleaved"}
    assert rules(validate(scene, feats, schema)) == []


def test_a_way_that_crossed_itself_before_is_reported_only_where_the_user_edits_it():
    scene = Scene()
    fence = scene.way([(0, 0), (20, 20), (20, 0), (0, 20), (0, 40), (0, 60)], {"barrier": "fence"})
    feats = scene.features()
    line = find(feats, LINES, fence)
    line.geometry = [*line.geometry[:5], at(5, 60)]  # far from the old crossing
    assert rules(validate(scene, feats), "self_intersection") == []
    line.geometry = [*line.geometry[:5], at(10, -10)]  # the moved end crosses the fence again
    assert rules(validate(scene, feats), "self_intersection") == [("warning", "self_intersection")]
