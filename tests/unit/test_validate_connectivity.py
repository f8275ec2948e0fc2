"""Almost-junctions and disconnected highways: a road snapped onto another is fine, one that stops
0.5 m short is not; a new road joined to nothing is reported."""

from __future__ import annotations

import pytest
from validate_support import Scene, add_line, at, find, rules, validate

from osm_roundtrip.plugin.core.osm.features import LINES, POINTS, EditedFeature


def main_road():
    scene = Scene()
    # a road along y = 0 with a vertex at (50, 0)
    road = scene.way([(0, 0), (50, 0), (100, 0)], {"highway": "residential"})
    return scene, road


@pytest.mark.parametrize(
    "end, end_tags, expected",
    [
        ((50, 0), None, []),  # snapped onto the vertex: shared node
        ((50, 0.5), None, [("warning", "almost_junction")]),  # 0.5 m short
        ((70, -0.3), None, [("warning", "almost_junction")]),  # 0.3 m past, near a segment
        ((50, 20), None, []),  # far away
        ((50, 0.5), {"noexit": "yes"}, []),
    ],
    ids=["snapped", "half-metre-short", "overshoot", "far", "noexit"],
)
def test_a_new_road_ending_near_another(end, end_tags, expected):
    scene, road = main_road()
    feats = scene.features()
    add_line(scene, feats, [(end[0], 40), end], {"highway": "service"})
    if end_tags:
        feats[POINTS].append(EditedFeature(POINTS, 1, None, None, end_tags, at(*end)))
    report = validate(scene, feats)
    assert rules(report, "almost_junction") == expected
    if expected:
        issue = next(i for i in report.issues if i.rule == "almost_junction")
        assert ("way", road) in issue.elements
        assert issue.location == at(*end)
        assert "0.5 m" in issue.message.message or "0.3 m" in issue.message.message


def test_moving_the_end_of_an_existing_road_close_to_another():
    scene, _road = main_road()
    side = scene.way([(20, 40), (20, 10)], {"highway": "service"})
    feats = scene.features()
    assert rules(validate(scene, feats)) == []
    line = find(feats, LINES, side)
    line.geometry = [line.geometry[0], at(20, 1)]
    assert rules(validate(scene, feats), "almost_junction") == [("warning", "almost_junction")]
    line.geometry = [line.geometry[0], at(20, 0)]  # onto the segment, not a node: still loose
    assert rules(validate(scene, feats), "almost_junction") == [("warning", "almost_junction")]


def test_an_existing_dead_end_near_a_road_is_not_reported_for_a_tag_edit(schema):
    scene, _road = main_road()
    side = scene.way([(20, 40), (20, 1)], {"highway": "service"})
    feats = scene.features()
    line = find(feats, LINES, side)
    line.tags = dict(line.tags, surface="asphalt")
    assert rules(validate(scene, feats, schema)) == []


def test_a_new_road_joined_to_nothing():
    scene, _road = main_road()
    feats = scene.features()
    add_line(scene, feats, [(0, 200), (100, 200)], {"highway": "track"})
    report = validate(scene, feats)
    assert rules(report, "disconnected_highway") == [("warning", "disconnected_highway")]


def test_new_roads_joined_to_each_other_and_one_to_the_network():
    scene, _road = main_road()
    feats = scene.features()
    add_line(scene, feats, [(0, 200), (100, 200)], {"highway": "track"})
    add_line(scene, feats, [(100, 200), (100, 100)], {"highway": "track"})
    report = validate(scene, feats)
    assert rules(report, "disconnected_highway") == [("warning", "disconnected_highway")]
    assert len(report.issues[0].elements) == 2  # one issue for the piece of two ways
    add_line(scene, feats, [(100, 100), (100, 0)], {"highway": "track"})  # onto the road's end
    assert rules(validate(scene, feats), "disconnected_highway") == []


def test_a_new_road_leaving_the_downloaded_area_may_join_roads_outside():
    scene, _road = main_road()
    feats = scene.features()
    add_line(scene, feats, [(0, 200), (0, 5000)], {"highway": "track"})
    assert rules(validate(scene, feats), "disconnected_highway") == []


def test_a_new_line_that_is_not_a_road_is_not_a_disconnected_road(schema):
    scene, _road = main_road()
    feats = scene.features()
    add_line(scene, feats, [(0, 200), (100, 200)], {"barrier": "fence"})
    assert rules(validate(scene, feats, schema)) == []
