"""Nominatim query models: exact request URLs and every validation message."""

from __future__ import annotations

import pytest

from osm_roundtrip.plugin.core.errors import ValidationError
from osm_roundtrip.plugin.core.nominatim import (
    Endpoint,
    Place,
    ReverseQuery,
    SearchQuery,
    Viewbox,
)

PUBLIC = Endpoint.public_osm()
LOCAL = Endpoint("http://127.0.0.1:8088/")


@pytest.mark.parametrize(
    ("endpoint", "query", "url"),
    [
        (
            PUBLIC,
            SearchQuery(q="Vaduz"),
            "https://nominatim.openstreetmap.org/search?q=Vaduz&format=jsonv2",
        ),
        (
            PUBLIC,
            SearchQuery(
                q="Städtle 35, Vaduz",
                limit=5,
                addressdetails=True,
                extratags=True,
                namedetails=True,
                accept_language="de,en;q=0.5",
                countrycodes="LI, ch",
                layer="address,poi",
                exclude_place_ids=[3, "1"],
                viewbox=(9.56, 47.10, 9.50, 47.16),
                bounded=True,
                polygon_geojson=True,
                polygon_threshold=0.001,
                email="me@example.org",
                dedupe=False,
            ),
            "https://nominatim.openstreetmap.org/search?q=St%C3%A4dtle%2035,%20Vaduz"
            "&format=jsonv2&limit=5&addressdetails=1&extratags=1&namedetails=1"
            "&accept-language=de,en%3Bq%3D0.5&countrycodes=li,ch&layer=address,poi"
            "&exclude_place_ids=3,1&viewbox=9.5,47.16,9.56,47.1&bounded=1&polygon_geojson=1"
            "&polygon_threshold=0.001&email=me%40example.org&dedupe=0",
        ),
        (
            PUBLIC,
            SearchQuery(
                postalcode="9490",
                country="Liechtenstein",
                city="Vaduz",
                street="Städtle 35",
                feature_type="City",
                format="geojson",
            ),
            "https://nominatim.openstreetmap.org/search?street=St%C3%A4dtle%2035&city=Vaduz"
            "&country=Liechtenstein&postalcode=9490&format=geojson&featureType=city",
        ),
        (
            LOCAL,
            SearchQuery(amenity="restaurant", county="Oberland", state="LI", format="xml"),
            "http://127.0.0.1:8088/search?amenity=restaurant&county=Oberland&state=LI&format=xml",
        ),
        (
            Endpoint.with_key("https://open.mapquestapi.com/nominatim/v1/", "K&Y"),
            SearchQuery(amenity="pub", city="Vaduz", format="json"),
            "https://open.mapquestapi.com/nominatim/v1/search?amenity=pub&city=Vaduz&format=json"
            "&key=K%26Y",
        ),
        (
            Endpoint.public_osm(email="ops@example.org"),
            SearchQuery(q="Vaduz", polygon_text=True),
            "https://nominatim.openstreetmap.org/search?q=Vaduz&format=jsonv2&polygon_text=1"
            "&email=ops%40example.org",
        ),
        (
            Endpoint.public_osm(email="ops@example.org"),
            SearchQuery(q="Vaduz", email="me@example.org", polygon_svg=True),
            "https://nominatim.openstreetmap.org/search?q=Vaduz&format=jsonv2&polygon_svg=1"
            "&email=me%40example.org",
        ),
    ],
    ids=[
        "minimal",
        "every-option",
        "structured",
        "self-hosted-xml",
        "key-based",
        "contact",
        "query-email-wins",
    ],
)
def test_search_url_is_exact(endpoint, query, url):
    assert endpoint.search_url(query) == url
    assert endpoint.search_url(query) == url  # stable


@pytest.mark.parametrize(
    ("query", "url"),
    [
        (
            ReverseQuery(lat=47.14, lon=9.52),
            "http://127.0.0.1:8088/reverse?lat=47.14&lon=9.52&format=jsonv2",
        ),
        (
            ReverseQuery(
                lat=47.14,
                lon=9.52,
                zoom=18,
                addressdetails=False,
                extratags=True,
                namedetails=True,
                accept_language="fr",
                layer=["poi"],
                polygon_kml=True,
                polygon_threshold=0.5,
                format="xml",
            ),
            "http://127.0.0.1:8088/reverse?lat=47.14&lon=9.52&format=xml&zoom=18"
            "&addressdetails=0&extratags=1&namedetails=1&accept-language=fr&layer=poi"
            "&polygon_kml=1&polygon_threshold=0.5",
        ),
    ],
    ids=["minimal", "every-option"],
)
def test_reverse_url_is_exact(query, url):
    assert LOCAL.reverse_url(query) == url


@pytest.mark.parametrize(
    ("corners", "text"),
    [
        ((9.5, 47.1, 9.6, 47.2), "9.5,47.2,9.6,47.1"),
        ((9.6, 47.2, 9.5, 47.1), "9.5,47.2,9.6,47.1"),
        ((9.5, 47.2, 9.6, 47.1), "9.5,47.2,9.6,47.1"),
        ("9.6, 47.1 ,9.5,47.2", "9.5,47.2,9.6,47.1"),
        (Viewbox(-10, -5, 10, 5), "-10,5,10,-5"),
    ],
    ids=["sw-ne", "ne-sw", "nw-se", "string-se-nw", "viewbox"],
)
def test_viewbox_any_two_corners_normalised(corners, text):
    query = SearchQuery(q="x", viewbox=corners)
    assert query.viewbox == Viewbox.coerce(text)
    assert dict(query.params())["viewbox"] == text


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"q": "Vaduz", "city": "Vaduz", "street": "Städtle"},
            r"A free-form query cannot be combined with structured address fields \(street, city\)",
        ),
        ({}, "The query is empty"),
        ({"q": "   ", "city": " "}, "The query is empty"),
        ({"q": "x", "limit": 0}, r"between 1 and 40 \(got 0\)"),
        ({"q": "x", "limit": 41}, r"between 1 and 40 \(got 41\)"),
        ({"q": "x", "limit": True}, r"between 1 and 40 \(got True\)"),
        ({"q": "x", "viewbox": "9.5,47.1,9.6"}, "The viewbox “9.5,47.1,9.6” is malformed"),
        ({"q": "x", "viewbox": "a,b,c,d"}, "The viewbox “a,b,c,d” is malformed"),
        ({"q": "x", "viewbox": (9.5, 47.1, 9.5, 47.2)}, "is not a proper box"),
        ({"q": "x", "viewbox": (9.5, 47.1, 9.6, 95)}, "is out of range"),
        ({"q": "x", "viewbox": (9.5, 47.1, float("nan"), 47.2)}, "is malformed"),
        ({"q": "x", "bounded": True}, r"viewbox \(bounded\) needs a viewbox"),
        (
            {"q": "x", "polygon_geojson": True, "polygon_text": True},
            r"Only one outline format .* \(asked for polygon_geojson, polygon_text\)",
        ),
        ({"q": "x", "polygon_threshold": 0.1}, "tolerance needs an outline format"),
        ({"q": "x", "polygon_kml": True, "polygon_threshold": -1}, r"zero or more \(got -1\)"),
        ({"q": "x", "countrycodes": "li,deu"}, "“deu” is not a country code"),
        ({"q": "x", "countrycodes": ["l1"]}, "“l1” is not a country code"),
        ({"q": "x", "format": "html"}, "The output format “html” is not supported"),
        ({"q": "x", "layer": "poi,shops"}, "The layer “shops” is unknown"),
        ({"q": "x", "feature_type": "village"}, "The feature type “village” is unknown"),
        ({"q": "x", "exclude_place_ids": "12,R5"}, "“R5” is not a place id"),
        ({"q": "x", "exclude_place_ids": [0]}, "“0” is not a place id"),
        ({"q": "x", "email": "nobody"}, "“nobody” is not a valid e-mail address"),
    ],
    ids=[
        "q-with-structured",
        "empty",
        "blank",
        "limit-zero",
        "limit-41",
        "limit-bool",
        "viewbox-three-numbers",
        "viewbox-not-numbers",
        "viewbox-flat",
        "viewbox-out-of-range",
        "viewbox-nan",
        "bounded-without-viewbox",
        "two-polygon-formats",
        "threshold-without-polygon",
        "negative-threshold",
        "country-code-three-letters",
        "country-code-digit",
        "unknown-format",
        "unknown-layer",
        "unknown-feature-type",
        "osm-id-as-place-id",
        "zero-place-id",
        "bad-email",
    ],
)
def test_invalid_search_fails_before_any_request(kwargs, message):
    with pytest.raises(ValidationError, match=message):
        SearchQuery(**kwargs).params()


def test_validation_messages_are_translatable_templates():
    with pytest.raises(ValidationError) as info:
        SearchQuery(q="x", limit=99).validate()
    error = info.value
    assert error.template == "The number of results must be between 1 and {maximum} (got {limit})."
    german = {error.template: "Die Anzahl muss zwischen 1 und {maximum} liegen ({limit})."}
    assert error.translated(lambda ctx, text: german[text]) == (
        "Die Anzahl muss zwischen 1 und 40 liegen (99)."
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"lat": 91, "lon": 9.5}, "The position 91, 9.5 is not valid"),
        ({"lat": 47, "lon": -181}, "The position 47, -181 is not valid"),
        ({"lon": 9.5}, "The position None, 9.5 is not valid"),
        ({"lat": 47, "lon": 9.5, "zoom": 19}, r"zoom level must be between 0 and 18 \(got 19\)"),
        ({"lat": 47, "lon": 9.5, "polygon_svg": True, "polygon_kml": True}, "Only one outline"),
        ({"lat": 47, "lon": 9.5, "format": "geocodejson"}, "“geocodejson” is not supported"),
    ],
    ids=["lat-range", "lon-range", "missing-lat", "zoom", "two-polygons", "format"],
)
def test_invalid_reverse(kwargs, message):
    with pytest.raises(ValidationError, match=message):
        ReverseQuery(**kwargs).params()


def _place(place_id):
    return Place(place_id=place_id, osm_type="node", osm_id=place_id * 10, lat=47.0, lon=9.5)


def test_next_page_excludes_shown_place_ids_in_order():
    first = SearchQuery(q="Landstrasse", limit=2)
    second = first.next_page([_place(11), _place(7)])
    third = second.next_page([_place(7), _place(5)])
    assert second.exclude_place_ids == (11, 7)
    assert third.exclude_place_ids == (11, 7, 5)
    assert LOCAL.search_url(third) == (
        "http://127.0.0.1:8088/search?q=Landstrasse&format=jsonv2&limit=2&exclude_place_ids=11,7,5"
    )
    assert first.exclude_place_ids == ()  # the original query is unchanged (frozen)


def test_queries_are_frozen_and_hashable():
    query = SearchQuery(q="Vaduz", countrycodes=["li"])
    with pytest.raises(AttributeError):
        query.q = "Schaan"
    assert query == SearchQuery(q="Vaduz", countrycodes="li")
    assert SearchQuery(q="x", exclude_place_ids="5, 7") == SearchQuery(
        q="x", exclude_place_ids=[5, 7]
    )
    assert len({query, SearchQuery(q="Vaduz", countrycodes="LI")}) == 1


@pytest.mark.parametrize(
    ("endpoint", "interval"),
    [
        (Endpoint.public_osm(), 1.0),
        (Endpoint("https://nominatim.openstreetmap.org", min_interval=0.1), 1.0),
        (Endpoint("https://NOMINATIM.openstreetmap.org:443/", min_interval=2.5), 2.5),
        (Endpoint("http://127.0.0.1:8088"), 0.0),
        (Endpoint.self_hosted("https://geo.example.org/nominatim", min_interval=0.25), 0.25),
    ],
    ids=["public", "public-cannot-go-faster", "public-slower", "self-hosted", "self-hosted-set"],
)
def test_endpoint_interval_follows_usage_policy(endpoint, interval):
    assert endpoint.interval == interval
