"""The Nominatim core against a real Nominatim 5.3.3 serving Liechtenstein on 127.0.0.1.

Every search parameter is sent to the real server and shown to change the answer (or, for
those that cannot change it on this extract, to be accepted).
"""

from __future__ import annotations

import pytest

from osm_roundtrip.plugin.core.errors import HttpError
from osm_roundtrip.plugin.core.http import HttpTransport
from osm_roundtrip.plugin.core.nominatim import (
    Endpoint,
    NominatimClient,
    ResponseCache,
    ReverseQuery,
    SearchQuery,
)

VADUZ = ("relation", 1155956)
SCHAAN_LANDSTRASSE = 103344


@pytest.fixture(scope="module")
def client(nominatim_server):
    return NominatimClient(Endpoint(nominatim_server.url), HttpTransport(timeout=20), cache=None)


def keys(places):
    return [(p.osm_type, p.osm_id) for p in places]


def ids(places):
    return [p.place_id for p in places]


def test_free_form(client):
    (vaduz,) = client.search(SearchQuery(q="Vaduz"))
    assert (vaduz.osm_type, vaduz.osm_id) == VADUZ
    assert (vaduz.category, vaduz.type) == ("boundary", "administrative")
    assert vaduz.display_name == "Vaduz, Oberland, 9490, Liechtenstein"
    assert vaduz.lat == pytest.approx(47.139, abs=0.01)
    assert vaduz.lon == pytest.approx(9.523, abs=0.01)
    assert vaduz.boundingbox.south < vaduz.lat < vaduz.boundingbox.north
    assert vaduz.address == {} and vaduz.outline is None


def test_structured_street_and_city(client):
    places = client.search(SearchQuery(city="Vaduz", street="Städtle 35", addressdetails=True))
    assert places[0].category == "building"
    assert all(p.address["road"] == "Städtle" for p in places)
    assert all(p.address["house_number"] == "35" for p in places)
    assert {p.category for p in places} >= {"building", "shop"}  # the POIs at no. 35


def test_structured_amenity_and_city(client):
    places = client.search(SearchQuery(amenity="restaurant", city="Vaduz", limit=5))
    assert len(places) == 5
    assert {(p.category, p.type) for p in places} == {("amenity", "restaurant")}
    assert all("Vaduz" in p.display_name for p in places[:4])


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"postalcode": "9490"}, "9490"),
        ({"county": "Oberland", "city": "Schaan"}, "Schaan, Oberland"),
        ({"country": "Liechtenstein"}, "Liechtenstein"),
        ({"state": "Liechtenstein"}, None),
    ],
    ids=["postalcode", "county", "country", "state"],
)
def test_other_structured_fields(client, fields, expected):
    places = client.search(SearchQuery(**fields))
    if expected is None:  # no state level in Liechtenstein: accepted, nothing matches
        assert places == [] or all("Liechtenstein" in p.display_name for p in places)
    else:
        assert places and expected in places[0].display_name


@pytest.mark.parametrize("fmt", ["jsonv2", "geojson", "xml"], ids=str)
def test_outline_of_vaduz(client, fmt):
    (vaduz,) = client.search(SearchQuery(q="Vaduz", polygon_geojson=True, format=fmt))
    assert vaduz.outline["type"] in ("Polygon", "MultiPolygon")
    polygon = vaduz.outline["coordinates"]
    ring = polygon[0][0] if vaduz.outline["type"] == "MultiPolygon" else polygon[0]
    assert ring[0] == ring[-1] and len(ring) > 50
    bbox = vaduz.boundingbox
    assert all(bbox.west <= x <= bbox.east and bbox.south <= y <= bbox.north for x, y in ring)


def _vertex_count(geometry):
    def walk(value):
        if value and isinstance(value[0], (int, float)):
            return 1
        return sum(walk(v) for v in value)

    return walk(geometry["coordinates"])


def test_polygon_threshold_simplifies(client):
    full = client.search(SearchQuery(q="Vaduz", polygon_geojson=True))[0]
    simple = client.search(SearchQuery(q="Vaduz", polygon_geojson=True, polygon_threshold=0.005))
    assert 4 <= _vertex_count(simple[0].outline) < _vertex_count(full.outline) / 5


@pytest.mark.parametrize(
    ("option", "prefix"),
    [("polygon_text", "MULTIPOLYGON((("), ("polygon_svg", "M "), ("polygon_kml", "<MultiGeometry")],
    ids=["text", "svg", "kml"],
)
def test_other_outline_formats(client, option, prefix):
    (vaduz,) = client.search(SearchQuery(q="Vaduz", **{option: True}, polygon_threshold=0.01))
    assert vaduz.outline is None
    assert vaduz.outline_text.startswith(prefix)


def test_details_toggles(client):
    (bare,) = client.search(SearchQuery(q="Vaduz"))
    (rich,) = client.search(
        SearchQuery(q="Vaduz", addressdetails=True, extratags=True, namedetails=True)
    )
    assert (bare.address, bare.extratags, bare.namedetails) == ({}, {}, {})
    assert rich.address["country_code"] == "li" and rich.address["postcode"] == "9490"
    assert rich.extratags["capital"] == "yes" and rich.extratags["wikidata"] == "Q1844"
    assert rich.namedetails["name:ru"] == "Вадуц"


@pytest.mark.parametrize(
    ("codes", "found"), [("li", True), ("ch", False), ("ch,li", True)], ids=["li", "ch", "both"]
)
def test_countrycodes(client, codes, found):
    places = client.search(SearchQuery(q="Vaduz", countrycodes=codes))
    assert (keys(places) == [VADUZ]) is found
    assert bool(places) is found


def test_viewbox_boosts_and_bounded_filters(client):
    plain = client.search(SearchQuery(q="Landstrasse", limit=2))
    around_schaan = (9.50, 47.16, 9.53, 47.18)
    boosted = client.search(SearchQuery(q="Landstrasse", limit=2, viewbox=around_schaan))
    assert plain[0].place_id != SCHAAN_LANDSTRASSE
    assert boosted[0].place_id == SCHAAN_LANDSTRASSE
    # Schaan's centre lies outside a box south of it: found without bounded, filtered with it.
    south_box = "9.54,47.15,9.50,47.13"  # any two corners
    assert client.search(SearchQuery(q="Schaan", viewbox=south_box))
    assert client.search(SearchQuery(q="Schaan", viewbox=south_box, bounded=True)) == []


@pytest.mark.parametrize(
    ("layer", "category"),
    [("address", "boundary"), ("poi", "information"), ("natural", None)],
    ids=["address", "poi", "natural"],
)
def test_layer(client, layer, category):
    places = client.search(SearchQuery(q="Vaduz", layer=layer))
    assert [p.category for p in places][:1] == ([category] if category else [])


def test_layer_natural_finds_the_rhine(client):
    (rhine,) = client.search(SearchQuery(q="Rhein", layer="natural"))
    assert (rhine.category, rhine.type) == ("waterway", "river")
    assert client.search(SearchQuery(q="Rhein", layer="address")) == []


@pytest.mark.parametrize(
    ("q", "feature_type", "expected"),
    [
        ("Vaduz", "city", "Vaduz"),
        ("Vaduz", "country", None),
        ("Liechtenstein", "country", "Liechtenstein"),
        ("Ebenholz", "settlement", "Ebenholz"),
        ("Ebenholz", "city", None),
    ],
    ids=["city", "not-a-country", "country", "settlement", "village-is-no-city"],
)
def test_feature_type(client, q, feature_type, expected):
    places = client.search(SearchQuery(q=q, feature_type=feature_type))
    assert [p.display_name.split(",")[0] for p in places][:1] == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("language", "name"),
    [("ru", "Лихтенштейн"), ("fr", "Liechtenstein"), ("zh,en", "列支敦士登")],
    ids=["ru", "fr", "zh"],
)
def test_accept_language(client, language, name):
    places = client.search(SearchQuery(q="Liechtenstein", accept_language=language))
    assert places[0].display_name == name


def test_limit(client):
    for limit in (1, 3, 7):
        places = client.search(SearchQuery(amenity="restaurant", city="Vaduz", limit=limit))
        assert len(places) == limit


def test_dedupe(client):
    deduped = client.search(SearchQuery(q="Landstrasse", limit=5))
    everything = client.search(SearchQuery(q="Landstrasse", limit=5, dedupe=False))
    assert len(everything) == 5 > len(deduped)


def test_email_is_accepted(client):
    assert keys(client.search(SearchQuery(q="Vaduz", email="ops@example.org"))) == [VADUZ]


def test_paging_with_exclude_place_ids(client):
    query = SearchQuery(amenity="restaurant", limit=10)
    seen = []
    pages = 0
    for _ in range(8):  # 35 restaurants in the extract: 4 pages, then an empty one
        page = client.search(query)
        if not page:
            break
        pages += 1
        assert not set(ids(page)) & set(seen), "no place shown twice"
        seen += ids(page)
        query = query.next_page(page)
    assert pages >= 3 and len(seen) >= 30
    assert len(set(seen)) == len(seen)
    assert query.exclude_place_ids == tuple(seen)


def test_exclude_place_ids_removes_a_place(client):
    (vaduz,) = client.search(SearchQuery(q="Vaduz"))
    others = client.search(SearchQuery(q="Vaduz", exclude_place_ids=[vaduz.place_id]))
    assert others and vaduz.place_id not in ids(others)


@pytest.mark.parametrize("fmt", ["geojson", "xml", "json"], ids=str)
@pytest.mark.parametrize(
    "base",
    [
        SearchQuery(q="Vaduz", addressdetails=True, extratags=True, namedetails=True),
        SearchQuery(city="Vaduz", street="Städtle 35", addressdetails=True),
        SearchQuery(amenity="restaurant", city="Vaduz", limit=10),
    ],
    ids=["free-form", "structured", "amenity"],
)
def test_formats_parse_to_the_same_places(client, base, fmt):
    reference = client.search(base)
    other = client.search(base.replace(format=fmt))
    assert ids(other) == ids(reference)
    for a, b in zip(reference, other):
        assert (a.osm_type, a.osm_id) == (b.osm_type, b.osm_id)
        assert (a.lat, a.lon) == pytest.approx((b.lat, b.lon), abs=1e-9)
        assert (a.display_name, a.category, a.type) == (b.display_name, b.category, b.type)
        assert (a.place_rank, a.boundingbox, a.address) == (b.place_rank, b.boundingbox, b.address)
        assert (a.extratags, a.namedetails) == (b.extratags, b.namedetails)


@pytest.mark.parametrize("fmt", ["jsonv2", "geojson", "xml"], ids=str)
def test_reverse(client, fmt):
    place = client.reverse(ReverseQuery(lat=47.14, lon=9.52, format=fmt))
    assert place.display_name.startswith("5, Badwegli")
    assert place.address["road"] == "Badwegli" and place.address["town"] == "Vaduz"
    assert (place.osm_type, place.place_rank) == ("way", 30)


def test_reverse_options(client):
    town = client.reverse(ReverseQuery(lat=47.14, lon=9.52, zoom=10, polygon_geojson=True))
    assert (town.osm_type, town.osm_id) == VADUZ
    assert town.outline["type"] in ("Polygon", "MultiPolygon")
    bare = client.reverse(ReverseQuery(lat=47.14, lon=9.52, addressdetails=False))
    assert bare.address == {}
    poi = client.reverse(ReverseQuery(lat=47.14, lon=9.52, layer="poi"))
    assert (poi.category, poi.type) == ("amenity", "parking")
    country = client.reverse(
        ReverseQuery(
            lat=47.14, lon=9.52, zoom=3, accept_language="ru", namedetails=True, extratags=True
        )
    )
    assert country.display_name == "Лихтенштейн"
    assert country.namedetails["name:de"] == "Liechtenstein" and country.extratags
    assert client.reverse(ReverseQuery(lat=0.0, lon=-150.0)) is None


def test_cache_spares_the_second_request(nominatim_server):
    class CountingTransport(HttpTransport):
        sent = 0

        def request(self, *args, **kwargs):
            CountingTransport.sent += 1
            return super().request(*args, **kwargs)

    cache = ResponseCache()
    client = NominatimClient(Endpoint(nominatim_server.url), CountingTransport(), cache=cache)
    first = client.search(SearchQuery(q="Schaan", addressdetails=True))
    second = client.search(SearchQuery(q="Schaan", addressdetails=True))
    assert first == second and first
    assert CountingTransport.sent == 1 and cache.hits == 1


def test_server_error_message_reaches_the_user(nominatim_server):
    # A parameter value Nominatim rejects (our model never sends it): the server's own text.
    client = NominatimClient(Endpoint(nominatim_server.url, extra_params={"limit": "abc"}))
    with pytest.raises(HttpError, match=r"HTTP 400: Parameter 'limit' must be a number\."):
        client.search(SearchQuery(q="Vaduz"))
