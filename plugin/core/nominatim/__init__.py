"""Nominatim geocoding core (pure Python): query models, typed results, endpoints and client.

Typical use::

    client = NominatimClient(Endpoint.public_osm(email="me@example.org"))
    query = SearchQuery(q="Vaduz", addressdetails=True, accept_language="de", limit=5)
    places = client.search(query, cancel=task.isCanceled)
    more = client.search(query.next_page(places))
"""

from __future__ import annotations

from .client import (
    PUBLIC_HOST,
    PUBLIC_MIN_INTERVAL,
    PUBLIC_URL,
    Endpoint,
    NominatimClient,
    ResponseCache,
    check_response,
    parse_response,
    shared_throttle,
)
from .places import BoundingBox, Place, parse_geojson, parse_jsonv2, parse_xml
from .query import (
    FEATURE_TYPES,
    FORMATS,
    LAYERS,
    MAX_LIMIT,
    MAX_ZOOM,
    POLYGON_FORMATS,
    STRUCTURED_FIELDS,
    ReverseQuery,
    SearchQuery,
    Viewbox,
)

__all__ = [
    "FEATURE_TYPES",
    "FORMATS",
    "LAYERS",
    "MAX_LIMIT",
    "MAX_ZOOM",
    "POLYGON_FORMATS",
    "PUBLIC_HOST",
    "PUBLIC_MIN_INTERVAL",
    "PUBLIC_URL",
    "STRUCTURED_FIELDS",
    "BoundingBox",
    "Endpoint",
    "NominatimClient",
    "Place",
    "ResponseCache",
    "ReverseQuery",
    "SearchQuery",
    "Viewbox",
    "check_response",
    "parse_geojson",
    "parse_jsonv2",
    "parse_response",
    "parse_xml",
    "shared_throttle",
]
