"""Detail columns of Nominatim results are unique without regard to case, and bounded."""

from __future__ import annotations

import json

from osm_roundtrip.plugin.core.nominatim.columns import (
    MAX_DETAIL_COLUMNS,
    assign_columns,
    new_columns,
)
from osm_roundtrip.plugin.core.nominatim.places import parse_geojson, parse_jsonv2, parse_xml

FIXED = ("place_id", "name", "raw_json")


def test_keys_that_differ_only_in_case_get_numbered_columns():
    assigned = assign_columns(["extra_fixme", "extra_FIXME", "extra_Fixme"], fixed=FIXED)
    assert assigned == {
        "extra_fixme": "extra_fixme",
        "extra_FIXME": "extra_FIXME_2",
        "extra_Fixme": "extra_Fixme_3",
    }
    lowered = [column.lower() for column in assigned.values()]
    assert len(lowered) == len(set(lowered))


def test_appending_to_a_layer_reuses_its_columns_and_adds_only_new_ones():
    existing = ["place_id", "name", "extra_fixme", "extra_FIXME_2", "raw_json"]
    assigned = assign_columns(["extra_FIXME", "extra_fixme", "extra_note"], existing, FIXED)
    assert assigned == {
        "extra_FIXME": "extra_FIXME_2",
        "extra_fixme": "extra_fixme",
        "extra_note": "extra_note",
    }
    assert new_columns(assigned, existing) == ["extra_note"]


def test_a_detail_cannot_take_a_fixed_field():
    assert assign_columns(["NAME"], fixed=FIXED) == {"NAME": "NAME_2"}


def test_thousands_of_keys_stop_at_the_limit():
    names = [f"extra_key{i}" for i in range(3000)]
    assigned = assign_columns(names, fixed=FIXED)
    assert len(assigned) == MAX_DETAIL_COLUMNS
    assert list(assigned) == names[:MAX_DETAIL_COLUMNS]
    full = assign_columns(["extra_more"], list(assigned.values()), FIXED)
    assert full == {}
    assert assign_columns(["extra_key7"], list(assigned.values()), FIXED) == {
        "extra_key7": "extra_key7"
    }


def result(**extra) -> dict:
    base = {"place_id": 1, "osm_type": "node", "osm_id": 5, "lat": "47.1", "lon": "9.5"}
    base.update(extra)
    return base


def test_a_result_whose_outline_has_no_geometry_type_keeps_its_point():
    places = parse_jsonv2([result(geojson={"coordinates": [1, 2]}), result(place_id=2)])
    assert [(p.place_id, p.outline, p.lat) for p in places] == [(1, None, 47.1), (2, None, 47.1)]


def test_a_geojson_result_without_geometry_is_kept_at_its_box_or_left_out():
    def feature(place_id, geometry, bbox=None):
        item = {"type": "Feature", "properties": {"place_id": place_id}, "geometry": geometry}
        if bbox:
            item["bbox"] = bbox
        return item

    data = {
        "type": "FeatureCollection",
        "features": [
            feature(1, {"type": "Point", "coordinates": [9.5, 47.1]}),
            feature(2, None, [9.0, 47.0, 10.0, 48.0]),
            feature(3, {"coordinates": []}),
        ],
    }
    places = parse_geojson(data)
    assert [(p.place_id, p.lon, p.lat, p.outline) for p in places] == [
        (1, 9.5, 47.1, None),
        (2, 9.5, 47.5, None),
    ]


def test_an_xml_result_with_a_broken_outline_keeps_its_point():
    bad = json.dumps({"coordinates": [1]}).replace('"', "&quot;")
    content = (
        "<searchresults><place place_id='1' osm_type='node' osm_id='5' lat='47.1' lon='9.5' "
        f"geojson=\"{bad}\"/><place place_id='2' osm_type='node' osm_id='6' lat='47.2' "
        "lon='9.6' geojson='{broken'/></searchresults>"
    ).encode()
    assert [(p.place_id, p.outline) for p in parse_xml(content)] == [(1, None), (2, None)]
