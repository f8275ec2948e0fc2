"""Tag rules from the iD tagging schema: outdated tags with their fix, tags for another geometry;
and what happens without the schema."""

from __future__ import annotations

import pytest
from validate_support import (
    Scene,
    add_line,
    add_point,
    add_polygon,
    find,
    rules,
    validate,
)

from osm_roundtrip.plugin.core.osm.features import LINES, POINTS, POLYGONS
from osm_roundtrip.plugin.core.validate import SchemaUnavailable, apply_fix, load_schema


@pytest.mark.parametrize(
    "tags, upgraded",
    [
        ({"amenity": "community_center"}, {"amenity": "community_centre"}),
        ({"amenity": "fire_hydrant"}, {"emergency": "fire_hydrant"}),
        (
            {"amenity": "charging_station", "car": "yes"},
            {"amenity": "charging_station", "motorcar": "yes"},
        ),
        ({"amenity": "doctors"}, {"amenity": "doctors", "healthcare": "doctor"}),  # addTags
    ],
    ids=["renamed-value", "other-key", "wildcard", "preset-addtags"],
)
def test_outdated_tags_are_reported_with_a_fix_that_validates_clean(schema, tags, upgraded):
    scene = Scene()
    feats = scene.features()
    point = add_point(scene, feats, (10, 10), dict(tags, name="X"))
    report = validate(scene, feats, schema)
    assert rules(report) == [("warning", "outdated_tags")]
    (fix,) = report.issues[0].fixes
    assert fix.source == (POINTS, point.fid)
    assert apply_fix(fix, point.tags) == dict(upgraded, name="X")
    assert point.tags == dict(tags, name="X")  # not changed in place
    point.tags = apply_fix(fix, point.tags)
    assert rules(validate(scene, feats, schema)) == []


def test_outdated_tags_already_in_the_download_are_not_reported(schema):
    scene = Scene()
    old = scene.node(0, 0, {"amenity": "community_center"})
    scene.node(5, 5, {"amenity": "fire_hydrant"})
    feats = scene.features()
    find(feats, POINTS, old).tags = {"amenity": "community_center", "name": "Saal"}
    report = validate(scene, feats, schema)
    assert [i.elements for i in report.issues] == [[("node", old)]]


def test_a_replacement_would_not_overwrite_another_value(schema):
    scene = Scene()
    feats = scene.features()
    add_point(
        scene,
        feats,
        (10, 10),
        {"amenity": "charging_station", "car": "yes", "motorcar": "designated"},
    )
    assert rules(validate(scene, feats, schema), "outdated_tags") == []


@pytest.mark.parametrize(
    "kind, tags, expected",
    [
        ("point", {"highway": "residential"}, [("warning", "mismatched_geometry")]),
        ("point", {"landuse": "farmland"}, [("warning", "mismatched_geometry")]),
        ("point", {"building": "yes"}, []),  # iD allows building points
        ("point", {"amenity": "bench"}, []),
        ("open", {"landuse": "farmland"}, []),  # an unclosed ring (see test_validate_geometry)
        ("open", {"leisure": "track", "sport": "running"}, []),  # a line or an area
        ("open", {"highway": "residential"}, []),
        ("closed", {"landuse": "farmland"}, []),
    ],
    ids=[
        "road-point",
        "farmland-point",
        "building-point",
        "bench",
        "open-farmland",
        "track",
        "road",
        "farmland",
    ],
)
def test_tags_meant_for_another_geometry(schema, kind, tags, expected):
    scene = Scene()
    feats = scene.features()
    if kind == "point":
        add_point(scene, feats, (10, 10), tags)
    elif kind == "open":
        add_line(scene, feats, [(0, 300), (100, 300), (100, 400)], tags)
    else:
        add_polygon(scene, feats, [(0, 300), (100, 300), (100, 400)], tags)
    report = validate(scene, feats, schema)
    assert rules(report, "mismatched_geometry") == expected


def test_a_point_turned_into_a_road_vertex_tag(schema):
    scene = Scene()
    road = scene.way([(0, 0), (50, 0), (100, 0)], {"highway": "residential"})
    feats = scene.features()
    find(feats, LINES, road).tags = {"highway": "residential", "name": "Au"}
    assert rules(validate(scene, feats, schema)) == []


def test_without_the_schema_the_geometry_rules_still_run(tmp_path):
    with pytest.raises(SchemaUnavailable) as caught:
        load_schema(tmp_path)
    assert str(tmp_path) in caught.value.message
    scene = Scene()
    feats = scene.features()
    add_point(scene, feats, (10, 10), {})
    add_point(scene, feats, (20, 10), {"amenity": "community_center"})
    report = validate(scene, feats, None)
    assert rules(report) == [("error", "missing_tag"), ("warning", "schema_unavailable")]
    assert report.tag_rules is False and report.blocking


def test_a_damaged_schema_is_unavailable(tmp_path):
    (tmp_path / "deprecated.json").write_text("[]")
    (tmp_path / "presets.json").write_text("{not json")
    with pytest.raises(SchemaUnavailable):
        load_schema(tmp_path)


def test_a_crossing_tagged_on_a_separate_point_and_a_restaurant_on_a_road(schema):
    scene = Scene()
    road = scene.way([(0, 0), (50, 0), (100, 0)], {"highway": "residential"})
    vertex = scene.base.ways[road].nodes[1]
    feats = scene.features()
    add_point(scene, feats, (50, 30), {"highway": "crossing"})
    report = validate(scene, feats, schema)
    assert rules(report) == [("warning", "mismatched_geometry")]
    assert "vertex" in report.issues[0].message.message
    # the road's middle vertex gets tags of a shop: a separate point is expected
    add_point(scene, feats, (50, 0), {"amenity": "restaurant", "name": "Krone"})
    feats[POINTS].pop(0)  # (the crossing point again)
    report = validate(scene, feats, schema)
    assert rules(report) == [("warning", "mismatched_geometry")]
    assert report.issues[0].elements == [("node", vertex)]


def test_the_fix_of_an_edited_building_names_its_polygon(schema):
    scene = Scene()
    house = scene.way([(0, 0), (10, 0), (10, 10), (0, 10)], {"building": "House"}, closed=True)
    feats = scene.features()
    polygon = find(feats, POLYGONS, house)
    polygon.tags = {"building": "House", "name": "Rathaus"}
    report = validate(scene, feats, schema)
    assert rules(report) == [("warning", "outdated_tags")]
    (fix,) = report.issues[0].fixes
    assert (fix.source, fix.element) == ((POLYGONS, polygon.fid), ("way", house))
    assert apply_fix(fix, polygon.tags) == {"building": "house", "name": "Rathaus"}
