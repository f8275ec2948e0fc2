"""Parsing of Nominatim answers (recorded from the local Nominatim 5.3.3, plus hand-written XML)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from osm_roundtrip.plugin.core.errors import BadPayload
from osm_roundtrip.plugin.core.nominatim import (
    BoundingBox,
    Place,
    parse_geojson,
    parse_jsonv2,
    parse_xml,
)

DATA = Path(__file__).resolve().parent / "data" / "nominatim"
VADUZ_BBOX = BoundingBox(47.0870567, 47.1940393, 9.4950763, 9.6116778)


def load(name: str):
    raw = (DATA / name).read_bytes()
    if name.endswith(".xml"):
        return parse_xml(raw)
    data = json.loads(raw)
    return parse_geojson(data) if ".geojson." in name else parse_jsonv2(data)


def test_jsonv2_search_with_details():
    (vaduz,) = load("search_vaduz.jsonv2.json")
    assert (vaduz.place_id, vaduz.osm_type, vaduz.osm_id) == (105863, "relation", 1155956)
    assert (vaduz.lat, vaduz.lon) == (47.1392862, 9.5227962)
    assert (vaduz.category, vaduz.type, vaduz.addresstype) == ("boundary", "administrative", "town")
    assert vaduz.place_rank == 16
    assert vaduz.importance == pytest.approx(0.18667666666666663)
    assert vaduz.display_name == "Vaduz, Oberland, 9490, Liechtenstein"
    assert vaduz.boundingbox == VADUZ_BBOX
    assert vaduz.boundingbox.xy == (9.4950763, 47.0870567, 9.6116778, 47.1940393)
    assert vaduz.address["country_code"] == "li"
    assert vaduz.address["postcode"] == "9490"
    assert vaduz.extratags["population"] == "5229"
    assert vaduz.namedetails["name:ru"] == "Вадуц"
    assert vaduz.outline is None
    assert vaduz.point == {"type": "Point", "coordinates": [9.5227962, 47.1392862]}
    assert vaduz.geometry == vaduz.point
    assert vaduz.osm_key == "R1155956"
    assert vaduz.raw["place_id"] == 105863 and "licence" in vaduz.raw
    assert json.loads(vaduz.raw_json()) == vaduz.raw


def test_classic_json_reads_class_as_category():
    (vaduz,) = load("search_vaduz.json.json")
    assert vaduz.category == "boundary"
    assert vaduz.address["town"] == "Vaduz"


@pytest.mark.parametrize(
    "name",
    [
        "search_vaduz_polygon.jsonv2.json",
        "search_vaduz_polygon.geojson.json",
        "search_vaduz_polygon.xml",
    ],
    ids=["jsonv2", "geojson", "xml"],
)
def test_outline_is_a_geojson_geometry(name):
    (vaduz,) = load(name)
    assert vaduz.outline["type"] == "MultiPolygon"
    ring = vaduz.outline["coordinates"][0][0]
    assert ring[0] == ring[-1] and len(ring) > 10
    assert vaduz.geometry is vaduz.outline
    assert vaduz.boundingbox == VADUZ_BBOX


def test_geojson_outline_without_centroid_uses_bbox_centre():
    (vaduz,) = load("search_vaduz_polygon.geojson.json")
    assert vaduz.lat == pytest.approx((47.0870567 + 47.1940393) / 2)
    assert vaduz.lon == pytest.approx((9.4950763 + 9.6116778) / 2)


def test_wkt_outline_kept_as_text():
    (vaduz,) = load("search_vaduz_text.jsonv2.json")
    assert vaduz.outline is None
    assert vaduz.outline_text.startswith("MULTIPOLYGON(((9.4950763 47.1569405")


@pytest.mark.parametrize(
    "other",
    ["search_vaduz.geojson.json", "search_vaduz.xml"],
    ids=["geojson", "xml"],
)
def test_all_formats_give_the_same_place(other):
    (reference,) = load("search_vaduz.jsonv2.json")
    (place,) = load(other)
    for name in (
        "place_id",
        "osm_type",
        "osm_id",
        "lat",
        "lon",
        "display_name",
        "category",
        "type",
        "place_rank",
        "importance",
        "boundingbox",
        "address",
        "extratags",
        "namedetails",
    ):
        assert getattr(place, name) == getattr(reference, name), name


def test_structured_amenity_results():
    places = load("search_restaurant.jsonv2.json")
    assert places and {(p.category, p.type) for p in places} == {("amenity", "restaurant")}
    assert all(p.osm_type in ("node", "way", "relation") for p in places)


@pytest.mark.parametrize(
    "name",
    ["reverse.jsonv2.json", "reverse.geojson.json", "reverse.xml"],
    ids=["jsonv2", "geojson", "xml"],
)
def test_reverse_answers(name):
    (place,) = load(name)
    assert (place.place_id, place.osm_type, place.osm_id) == (105293, "way", 246437523)
    assert place.display_name == "5, Badwegli, Ebenholz, Vaduz, Oberland, 9490, Liechtenstein"
    assert place.address["road"] == "Badwegli"
    assert place.address["house_number"] == "5"
    assert (place.lat, place.lon) == (47.1396562, 9.5199871)


@pytest.mark.parametrize(
    "name",
    ["reverse_nothing.jsonv2.json", "reverse_nothing.xml", "empty_search.xml"],
    ids=["jsonv2", "xml", "empty-search-xml"],
)
def test_nothing_found_is_an_empty_list(name):
    assert load(name) == []


def test_hand_written_provider_xml():
    castle, station = load("mapquest_search.xml")
    assert (castle.place_id, castle.osm_type, castle.osm_id) == (55567375, "way", 23580556)
    assert (castle.category, castle.type) == ("historic", "castle")
    assert castle.address == {
        "castle": "Windsor Castle",
        "path": "Moat Path",
        "suburb": "Slopes Lodge",
        "county": "Windsor and Maidenhead",
        "postcode": "SL4 1PB",
        "country": "United Kingdom",
        "country_code": "gb",
    }
    assert castle.outline_text.startswith("<Polygon><outerBoundaryIs>")
    assert castle.boundingbox == BoundingBox(51.4828405, 51.4847466, -0.6083937, -0.5999972)
    assert castle.licence == "Data ©OpenStreetMap contributors, ODbL 1.0."
    assert station.display_name == "Windsor & Eton Central"
    assert station.extratags == {"operator": "Great Western Railway", "wheelchair": "yes"}
    assert station.namedetails == {"name": "Windsor & Eton Central", "name:fr": "Gare de Windsor"}
    assert station.address == {}
    assert station.raw["extratags"] == station.extratags


def test_osm_type_letters_are_normalised():
    place = Place.from_jsonv2(
        {"place_id": "1", "osm_type": "W", "osm_id": "2", "lat": "1", "lon": "2"}
    )
    assert (place.place_id, place.osm_type, place.osm_id) == (1, "way", 2)


@pytest.mark.parametrize(
    ("parse", "payload", "message"),
    [
        (parse_jsonv2, {"unexpected": True}, "expected lat"),
        (parse_jsonv2, "text", "expected list; got str"),
        (parse_jsonv2, [{"place_id": 1, "lon": "9.5"}], "expected lat; got None"),
        (parse_geojson, [], "expected FeatureCollection; got list"),
        (
            parse_geojson,
            {"type": "FeatureCollection", "features": [{"type": "Feature"}]},
            "expected Feature",
        ),
        (parse_xml, b"<searchresults><place", "invalid XML"),
        (parse_xml, b"<osm version='0.6'/>", "expected searchresults; got osm"),
    ],
    ids=[
        "object-without-position",
        "string",
        "missing-lat",
        "geojson-list",
        "feature-without-properties",
        "truncated-xml",
        "other-xml",
    ],
)
def test_unreadable_answers_raise_bad_payload(parse, payload, message):
    with pytest.raises(BadPayload, match=message):
        parse(payload)


def test_the_download_box_of_a_small_place_takes_its_neighbourhood():
    from osm_roundtrip.plugin.core.nominatim.places import BoundingBox, Place

    town_hall = Place(
        place_id=1, osm_type="way", osm_id=28712183, lat=47.1407, lon=9.5219,
        boundingbox=BoundingBox(47.1405742, 47.1408356, 9.5217115, 9.5220782),
    )  # fmt: skip
    xmin, ymin, xmax, ymax = town_hall.download_box()
    assert (round(xmax - xmin, 6), round(ymax - ymin, 6)) == (0.006, 0.004)
    assert xmin < 9.5217115 and xmax > 9.5220782 and ymin < 47.1405742 and ymax > 47.1408356
    assert abs((xmin + xmax) / 2 - 9.52189485) < 1e-9


def test_the_download_box_of_a_large_place_is_its_bounding_box():
    from osm_roundtrip.plugin.core.nominatim.places import BoundingBox, Place

    vaduz = Place(
        place_id=2, osm_type="relation", osm_id=1155956, lat=47.14, lon=9.52,
        boundingbox=BoundingBox(47.0870567, 47.1940393, 9.4950763, 9.6116778),
    )  # fmt: skip
    assert vaduz.download_box() == (9.4950763, 47.0870567, 9.6116778, 47.1940393)
    point = Place(place_id=3, osm_type="node", osm_id=5, lat=89.999, lon=179.999)
    assert point.download_box() == (179.996, 89.997, 180.0, 90.0)
