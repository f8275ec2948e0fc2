"""Crossing ways and overlapping buildings: fired by what the user drew, silent where the map allows
the crossing (a shared node, a bridge, a tunnel, another layer) and for crossings the user did not
make."""

from __future__ import annotations

import pytest
from validate_support import Scene, add_line, add_polygon, at, find, rules, validate

from osm_roundtrip.plugin.core.osm.features import LINES, POLYGONS

CROSSING = [("warning", "crossing_ways")]


def river_and_road():
    scene = Scene()
    road = scene.way([(0, 0), (50, 0), (100, 0)], {"highway": "residential"})
    river = scene.way([(50, -60), (50, 60)], {"waterway": "river"})
    rail = scene.way([(80, -60), (80, 60)], {"railway": "rail"})
    return scene, road, river, rail


@pytest.mark.parametrize(
    "tags, expected",
    [
        ({"highway": "service"}, CROSSING * 3),
        ({"highway": "service", "bridge": "yes", "layer": "1"}, []),
        ({"highway": "service", "layer": "1"}, []),
        ({"highway": "service", "tunnel": "yes", "layer": "-1"}, []),
        ({"highway": "service", "bridge": "no"}, CROSSING * 3),
        ({"landuse": "grass"}, []),
    ],
    ids=["plain", "bridge", "layer", "tunnel", "bridge-no", "not-a-way-kind"],
)
def test_a_new_road_across_a_river_a_railway_and_a_road(tags, expected):
    scene, road, river, rail = river_and_road()
    feats = scene.features()
    # from (20, 30) to (90, -30): crosses the road, the river and the railway, touches no node
    add_line(scene, feats, [(20, 30), (90, -30)], tags)
    report = validate(scene, feats)
    assert rules(report, "crossing_ways") == expected
    if expected:
        others = sorted(i.elements[1][1] for i in report.issues if i.rule == "crossing_ways")
        assert others == [road, river, rail]
        issue = report.issues[0]
        assert issue.sources[0][0] == LINES and issue.location is not None


def test_a_road_through_an_existing_node_is_a_junction():
    scene, road, _river, _rail = river_and_road()
    feats = scene.features()
    # crosses the road exactly at its vertex (50, 0) -> the differ reuses the node: a junction
    add_line(scene, feats, [(30, 20), (50, 0), (70, -20)], {"highway": "footway"})
    report = validate(scene, feats)
    crossed = {i.elements[1][1] for i in report.issues if i.rule == "crossing_ways"}
    assert road not in crossed


def test_a_bridge_crossing_a_river_is_fine_and_losing_its_bridge_tag_is_not():
    scene = Scene()
    bridge = scene.way([(0, 0), (100, 0)], {"highway": "primary", "bridge": "yes", "layer": "1"})
    scene.way([(50, -60), (50, 60)], {"waterway": "river"})
    feats = scene.features()
    assert rules(validate(scene, feats), "crossing_ways") == []
    line = find(feats, LINES, bridge)
    line.tags = {"highway": "primary"}
    assert rules(validate(scene, feats), "crossing_ways") == CROSSING


def test_crossings_the_user_did_not_make_are_not_reported():
    scene = Scene()
    road = scene.way([(0, 0), (100, 0), (200, 0)], {"highway": "residential"})
    scene.way([(50, -60), (50, 60)], {"waterway": "river"})  # already crosses without bridge
    feats = scene.features()
    line = find(feats, LINES, road)
    line.tags = dict(line.tags, name="Dorfstrasse")  # a tag edit
    line.geometry = [*line.geometry[:2], (line.geometry[2][0], line.geometry[2][1] + 0.0001)]
    assert rules(validate(scene, feats), "crossing_ways") == []
    # a vertex inserted north of the start: the new segment to (100, 0) crosses the river
    line.geometry = [line.geometry[0], at(0, 20), *list(line.geometry[1:])]
    assert rules(validate(scene, feats), "crossing_ways") == CROSSING


def test_moving_a_vertex_so_that_the_road_crosses_a_river():
    scene = Scene()
    road = scene.way([(0, 0), (40, 0), (100, 0)], {"highway": "residential"})
    river = scene.way([(50, -60), (50, 60)], {"waterway": "river"})
    feats = scene.features()
    line = find(feats, LINES, road)
    line.geometry = [line.geometry[0], at(60, 5), line.geometry[2]]
    report = validate(scene, feats)
    assert rules(report, "crossing_ways") == CROSSING
    assert sorted(report.issues[0].elements) == [("way", road), ("way", river)]


def square(x, y, size):
    return [(x, y), (x + size, y), (x + size, y + size), (x, y + size)]


@pytest.mark.parametrize(
    "where, expected",
    [
        (square(15, 15, 20), CROSSING),  # overlaps a corner
        (square(5, 5, 5), CROSSING),  # inside
        (square(-10, -10, 40), CROSSING),  # around
        (square(20, 0, 20), []),  # shares an edge: the differ reuses the two corner nodes
        (square(25, 0, 10), []),  # beside
    ],
    ids=["overlap", "inside", "around", "shared-edge", "beside"],
)
def test_a_new_building_against_an_existing_one(where, expected):
    scene = Scene()
    scene.way(square(0, 0, 20), {"building": "yes"}, closed=True)
    feats = scene.features()
    add_polygon(scene, feats, where, {"building": "house"})
    assert rules(validate(scene, feats), "crossing_ways") == expected


def test_a_road_through_a_building():
    scene = Scene()
    house = scene.way(square(0, 0, 20), {"building": "yes"}, closed=True)
    feats = scene.features()
    add_line(scene, feats, [(-10, 10), (30, 10)], {"highway": "service"})
    report = validate(scene, feats)
    assert rules(report, "crossing_ways") == CROSSING
    assert ("way", house) in report.issues[0].elements
    assert (POLYGONS, house) in report.issues[0].sources
    feats = scene.features()
    add_line(scene, feats, [(-10, 10), (30, 10)], {"highway": "service", "tunnel": "yes"})
    assert rules(validate(scene, feats), "crossing_ways") == []


def test_reclassifying_a_road_that_already_crossed_a_river_is_not_a_new_crossing():
    scene = Scene()
    road = scene.way([(0, 0), (100, 0)], {"highway": "residential"})
    scene.way([(50, -60), (50, 60)], {"waterway": "river"})  # crossed before the edit
    feats = scene.features()
    find(feats, LINES, road).tags = {"highway": "tertiary"}
    assert rules(validate(scene, feats), "crossing_ways") == []
    find(feats, LINES, road).tags = {"highway": "tertiary", "layer": "1"}
    assert rules(validate(scene, feats), "crossing_ways") == []
