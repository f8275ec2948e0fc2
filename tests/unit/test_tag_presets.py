"""The tag editor's presets and fields, on the real iD tagging schema (the pinned version the
build fetches): search in English, German and French, matching, the form rows of a preset with
translated labels and options, inheritance from the parent preset, and feature labels."""

from __future__ import annotations

import json

import pytest

from osm_roundtrip.plugin.core.tags import CHECK, COMBO, NUMBER, load_tag_schema
from osm_roundtrip.plugin.core.validate import load_schema


@pytest.fixture(scope="module")
def schema():
    from tools import id_schema

    try:
        folder = id_schema.ensure()
    except Exception as error:
        pytest.fail(f"the iD tagging schema cannot be fetched: {error}", pytrace=False)
    return load_tag_schema(folder)


def test_search_finds_presets_by_name_term_and_language(schema):
    assert schema.search_presets("bench", "point", "en")[0] == "amenity/bench"
    assert schema.search_presets("restaurant", "point", "en")[0] == "amenity/restaurant"
    assert schema.search_presets("Sitzbank", "point", "de")[0] == "amenity/bench"
    assert "amenity/bench" in schema.search_presets("bank", "point", "de")[:5]  # a German term
    assert schema.search_presets("banc", "point", "fr")[0] == "amenity/bench"
    # English is the fallback of every language; accents do not matter
    assert schema.search_presets("bench", "point", "de")[0] == "amenity/bench"
    assert schema.search_presets("cafe", "point", "en")[0] == "amenity/cafe"
    assert schema.search_presets("", "point", "en") == []


def test_search_keeps_to_the_geometry_and_to_searchable_presets(schema):
    for pid in schema.search_presets("road", "line", "en"):
        assert "line" in schema.presets[pid]["geometry"]
        assert schema.presets[pid].get("searchable", True)
    assert "amenity/bench" not in schema.search_presets("bench", "area", "en")
    assert "amenity" not in schema.search_presets("amenity", "point", "en")  # not searchable


def test_match_uses_the_validators_scoring_and_falls_back_to_the_geometry(schema):
    validator = load_schema(schema.folder)
    for tags, geometry in [
        ({"amenity": "bench"}, "point"),
        ({"amenity": "restaurant", "cuisine": "pizza"}, "point"),
        ({"highway": "residential", "name": "Aulestrasse"}, "line"),
        ({"building": "yes"}, "area"),
        ({"shop": "bakery", "building": "yes"}, "area"),
    ]:
        assert schema.match_preset(tags, geometry) == validator.match(tags, geometry).id
    assert schema.match_preset({"amenity": "bench"}, "point") == "amenity/bench"
    assert schema.match_preset({}, "point") == "point"
    assert schema.match_preset({"fixme": "x"}, "line") == "line"
    assert schema.match_preset({}, "vertex") == "point"


def test_the_fields_of_a_preset_with_translated_labels_and_options(schema):
    fields = schema.fields_for("amenity/bench", "point", "de")
    first = [f for f in fields if not f.more]
    assert [f.key for f in first] == ["backrest", "armrest", "material", "seats"]
    backrest, _, material, seats = first
    assert (backrest.widget, backrest.label) == (CHECK, "Rückenlehne")
    assert material.widget == COMBO
    assert ("wood", "Holz") in material.options
    assert seats.widget == NUMBER
    more = {f.key for f in fields if f.more}
    assert {"colour", "lit", "operator"} <= more
    assert {"name", "website", "note"} <= more  # the universal fields come after moreFields
    english = {f.key: f for f in schema.fields_for("amenity/bench", "point", "en")}
    assert (
        english["material"].label == "Material" and ("wood", "Wood") in english["material"].options
    )


def test_address_and_semicolon_fields(schema):
    fields = {f.id: f for f in schema.fields_for("amenity/restaurant", "point", "fr")}
    address = fields["address"]
    assert address.keys[:2] == ("addr:street", "addr:housenumber")
    assert len(address.key_labels) == len(address.keys)
    assert fields["cuisine"].widget == "semiCombo"
    assert ("pizza", "Pizza") in fields["cuisine"].options
    # a key prefix (multiCombo such as diet:*) has no row of its own: the tag table edits it
    assert all(not f.key.endswith(":") for f in fields.values())


def test_a_preset_without_fields_inherits_its_parents(schema):
    raw = schema.presets["amenity/shelter/field_shelter"]
    assert "fields" not in raw
    parent = [f.id for f in schema.fields_for("amenity/shelter", "area") if not f.more]
    inherited = [f.id for f in schema.fields_for("amenity/shelter/field_shelter", "area")]
    assert parent and inherited
    # the parent's field for the key the child fixes (shelter_type) is not inherited
    assert "shelter_type" in parent and "shelter_type" not in inherited
    assert set(inherited) - {"shelter_type"} >= set(parent) - {"shelter_type"}


def test_preset_references_are_expanded(schema, tmp_path):
    for name in ("presets.json", "fields.json"):
        (tmp_path / name).write_text((schema.folder / name).read_text("utf-8"), "utf-8")
    presets = json.loads((tmp_path / "presets.json").read_text("utf-8"))
    presets["test/x"] = {
        "tags": {"test": "x"},
        "geometry": ["point"],
        "fields": ["{amenity/bench}", "name", "material"],
    }
    (tmp_path / "presets.json").write_text(json.dumps(presets), "utf-8")
    ids = [f.id for f in load_tag_schema(tmp_path).fields_for("test/x", "point") if not f.more]
    assert ids == ["backrest", "armrest", "material", "seats", "name"]


def test_names_and_labels(schema):
    assert schema.preset_name("amenity/bench", "en") == "Bench"
    assert schema.preset_name("amenity/bench", "de") == "Sitzbank"
    assert schema.preset_name("amenity/bench", "de_CH") == "Sitzbank"
    assert schema.preset_name("amenity/bench", "xx") == "Bench"  # no such language: English
    label = schema.feature_label
    assert label({"amenity": "cafe", "name": "Café Central"}, "point", "en") == "Café Central"
    assert label({"amenity": "cafe", "name": "A", "name:de": "B"}, "point", "de") == "B"
    assert label({"amenity": "bench"}, "point", "en") == "Bench"
    assert label({"amenity": "bench"}, "point", "de") == "Sitzbank"
    assert label({"building": "yes", "addr:housenumber": "12"}, "area", "en") == "12"


def test_missing_editor_files_are_reported(tmp_path):
    (tmp_path / "presets.json").write_text("{}")
    with pytest.raises(ValueError, match=r"fields\.json"):
        load_tag_schema(tmp_path)
