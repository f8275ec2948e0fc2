"""Typed Nominatim results and the parsers of the jsonv2/json, geojson and xml formats.

All formats give the same :class:`Place`. ``raw`` keeps what the server sent for that place (for
the XML format, an equivalent dict) so adapters can store it as an attribute.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, NamedTuple, Optional, Tuple

from ..errors import CONTEXT, QT_TRANSLATE_NOOP, BadPayload

logger = logging.getLogger("osm_roundtrip")

OSM_TYPES = {"n": "node", "w": "way", "r": "relation"}
#: Keys that every format puts in the place itself; the rest of an XML ``<place>``'s children
#: (or ``<addressparts>``) are address parts.
_XML_PLACE_CHILDREN = {"extratags", "namedetails", "geokml"}


class BoundingBox(NamedTuple):
    """Nominatim's ``boundingbox`` (south, north, west, east), in degrees."""

    south: float
    north: float
    west: float
    east: float

    @property
    def xy(self) -> Tuple[float, float, float, float]:
        """``(xmin, ymin, xmax, ymax)``, the GeoJSON/QGIS order."""
        return (self.west, self.south, self.east, self.north)


@dataclass(frozen=True)
class Place:
    """One search or reverse result."""

    place_id: Optional[int]
    osm_type: Optional[str]  # "node", "way", "relation"
    osm_id: Optional[int]
    lat: float
    lon: float
    display_name: str = ""
    category: Optional[str] = None  # OSM key, e.g. "amenity" ("class" in the json/xml formats)
    type: Optional[str] = None  # OSM value, e.g. "restaurant"
    place_rank: Optional[int] = None
    address_rank: Optional[int] = None
    importance: Optional[float] = None
    addresstype: Optional[str] = None
    name: Optional[str] = None
    boundingbox: Optional[BoundingBox] = None
    address: Dict[str, str] = field(default_factory=dict)
    extratags: Dict[str, str] = field(default_factory=dict)
    namedetails: Dict[str, str] = field(default_factory=dict)
    #: The outline as a GeoJSON geometry dict, when asked for with ``polygon_geojson``.
    outline: Optional[Dict[str, Any]] = None
    #: The outline in another requested format (``polygon_text`` WKT, ``polygon_svg``,
    #: ``polygon_kml``), as sent by the server.
    outline_text: Optional[str] = None
    licence: Optional[str] = None
    raw: Dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def point(self) -> Dict[str, Any]:
        """The place's position as a GeoJSON Point."""
        return {"type": "Point", "coordinates": [self.lon, self.lat]}

    @property
    def geometry(self) -> Dict[str, Any]:
        """The outline when there is one, else the point."""
        return self.outline or self.point

    @property
    def osm_key(self) -> Optional[str]:
        """``N123``/``W45``/``R6`` as used by ``/lookup`` and the OSM website."""
        if not self.osm_type or self.osm_id is None:
            return None
        return f"{self.osm_type[0].upper()}{self.osm_id}"

    def download_box(
        self, min_width: float = 0.006, min_height: float = 0.004
    ) -> Tuple[float, float, float, float]:
        """The area to download for this place, ``(xmin, ymin, xmax, ymax)`` in degrees.

        The place's bounding box, widened around its centre to at least ``min_width`` ×
        ``min_height`` degrees (about 450 m × 450 m in central Europe): a building, a shop or a
        point comes with the streets and neighbours the user edits it among.
        """
        if self.boundingbox is not None:
            xmin, ymin, xmax, ymax = self.boundingbox.xy
        else:
            xmin = xmax = self.lon
            ymin = ymax = self.lat
        if xmax - xmin < min_width:
            centre = (xmin + xmax) / 2
            xmin, xmax = centre - min_width / 2, centre + min_width / 2
        if ymax - ymin < min_height:
            centre = (ymin + ymax) / 2
            ymin, ymax = centre - min_height / 2, centre + min_height / 2
        return (max(xmin, -180.0), max(ymin, -90.0), min(xmax, 180.0), min(ymax, 90.0))

    def raw_json(self) -> str:
        """``raw`` as compact JSON text (for an attribute column)."""
        return json.dumps(self.raw, ensure_ascii=False, separators=(",", ":"))

    # ------------------------------------------------------------------ json / jsonv2

    @classmethod
    def from_jsonv2(cls, obj: Mapping[str, Any]) -> Place:
        """Parse one element of a ``jsonv2`` (or classic ``json``) answer."""
        if not isinstance(obj, Mapping):
            raise _bad_result("object", type(obj).__name__)
        outline = obj.get("geojson")
        outline_text = obj.get("geotext") or obj.get("svg") or obj.get("geokml")
        return cls(
            place_id=_int(obj.get("place_id")),
            osm_type=_osm_type(obj.get("osm_type")),
            osm_id=_int(obj.get("osm_id")),
            lat=_coordinate(obj, "lat"),
            lon=_coordinate(obj, "lon"),
            display_name=str(obj.get("display_name") or ""),
            category=obj.get("category") or obj.get("class"),
            type=obj.get("type"),
            place_rank=_int(obj.get("place_rank")),
            address_rank=_int(obj.get("address_rank")),
            importance=_float(obj.get("importance")),
            addresstype=obj.get("addresstype"),
            name=obj.get("name") or None,
            boundingbox=_bbox_nominatim(obj.get("boundingbox")),
            address=_str_dict(obj.get("address")),
            extratags=_str_dict(obj.get("extratags")),
            namedetails=_str_dict(obj.get("namedetails")),
            outline=_outline(outline, obj),
            outline_text=str(outline_text) if outline_text else None,
            licence=obj.get("licence"),
            raw=dict(obj),
        )

    # ------------------------------------------------------------------ geojson

    @classmethod
    def from_geojson_feature(cls, feature: Mapping[str, Any]) -> Place:
        """Parse one feature of a ``geojson`` answer.

        With ``polygon_geojson`` the feature's geometry is the outline, and the GeoJSON format
        carries no separate centroid: the point is then the centre of the bounding box.
        """
        if not isinstance(feature, Mapping) or not isinstance(feature.get("properties"), Mapping):
            raise _bad_result("Feature", type(feature).__name__)
        props = feature["properties"]
        geometry = feature.get("geometry")
        bbox = feature.get("bbox")
        boundingbox = None
        if isinstance(bbox, (list, tuple)) and len(bbox) == 4:
            west, south, east, north = (float(v) for v in bbox)
            boundingbox = BoundingBox(south, north, west, east)
        if not isinstance(geometry, Mapping) or "type" not in geometry:
            if boundingbox is None:
                raise _bad_result("geometry", repr(geometry)[:60])
            logger.warning(  # kept as the centre of its box, without an outline
                "Nominatim result %s has no readable geometry", props.get("place_id")
            )
            geometry = {"type": "Box"}
        if geometry["type"] == "Point":
            lon, lat = (float(v) for v in geometry["coordinates"][:2])
            outline = None
        else:
            outline = geometry if geometry["type"] != "Box" else None
            if boundingbox is None:
                raise _bad_result("bbox", "none")
            lat = (boundingbox.south + boundingbox.north) / 2
            lon = (boundingbox.west + boundingbox.east) / 2
        return cls(
            place_id=_int(props.get("place_id")),
            osm_type=_osm_type(props.get("osm_type")),
            osm_id=_int(props.get("osm_id")),
            lat=lat,
            lon=lon,
            display_name=str(props.get("display_name") or ""),
            category=props.get("category") or props.get("class"),
            type=props.get("type"),
            place_rank=_int(props.get("place_rank")),
            address_rank=_int(props.get("address_rank")),
            importance=_float(props.get("importance")),
            addresstype=props.get("addresstype"),
            name=props.get("name") or None,
            boundingbox=boundingbox,
            address=_str_dict(props.get("address")),
            extratags=_str_dict(props.get("extratags")),
            namedetails=_str_dict(props.get("namedetails")),
            outline=outline,
            licence=None,
            raw=dict(feature),
        )

    # ------------------------------------------------------------------ xml

    @classmethod
    def from_xml(cls, element, licence: Optional[str] = None) -> Place:
        """Parse a ``<place>`` (search) or ``<result>`` (reverse) element of an ``xml`` answer.

        For ``<result>``, pass the sibling ``<addressparts>``/``<extratags>``/``<namedetails>``
        by calling :func:`parse_reverse_xml` instead.
        """
        return _place_from_xml(element, list(element), licence)


def _place_from_xml(element, children, licence: Optional[str]) -> Place:
    attrs = dict(element.attrib)
    address: Dict[str, str] = {}
    extratags: Dict[str, str] = {}
    namedetails: Dict[str, str] = {}
    outline_text = attrs.get("geotext") or attrs.get("geosvg")
    for child in children:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "extratags":
            extratags = {t.get("key"): t.get("value", "") for t in child if t.get("key")}
        elif tag == "namedetails":
            namedetails = {n.get("desc"): n.text or "" for n in child if n.get("desc")}
        elif tag == "geokml":
            from lxml import etree

            inner = [etree.tostring(c, encoding="unicode").strip() for c in child]
            outline_text = "".join(inner)
        elif tag == "addressparts":
            address.update({p.tag: p.text or "" for p in child if isinstance(p.tag, str)})
        elif tag:
            address[tag] = child.text or ""
    outline = None
    if attrs.get("geojson"):
        try:
            outline = _outline(json.loads(attrs["geojson"]), attrs)
        except ValueError:
            logger.warning("Nominatim result %s has an unreadable outline", attrs.get("place_id"))
    raw: Dict[str, Any] = {k: v for k, v in attrs.items()}
    if element.tag == "result" and element.text and "display_name" not in raw:
        raw["display_name"] = element.text
    if address:
        raw["address"] = address
    if extratags:
        raw["extratags"] = extratags
    if namedetails:
        raw["namedetails"] = namedetails
    return Place(
        place_id=_int(attrs.get("place_id")),
        osm_type=_osm_type(attrs.get("osm_type")),
        osm_id=_int(attrs.get("osm_id")),
        lat=_coordinate(attrs, "lat"),
        lon=_coordinate(attrs, "lon"),
        display_name=str(raw.get("display_name") or ""),
        category=attrs.get("class") or attrs.get("category"),
        type=attrs.get("type"),
        place_rank=_int(attrs.get("place_rank")),
        address_rank=_int(attrs.get("address_rank")),
        importance=_float(attrs.get("importance")),
        addresstype=attrs.get("addresstype"),
        name=attrs.get("name") or None,
        boundingbox=_bbox_nominatim(attrs.get("boundingbox")),
        address=address,
        extratags=extratags,
        namedetails=namedetails,
        outline=outline,
        outline_text=outline_text or None,
        licence=licence,
        raw=raw,
    )


# ---------------------------------------------------------------------- whole answers


def parse_jsonv2(data: Any) -> List[Place]:
    """A ``jsonv2``/``json`` search answer (a list) or reverse answer (one object)."""
    if isinstance(data, Mapping):
        if "error" in data:
            return []  # reverse: "Unable to geocode"
        return [Place.from_jsonv2(data)]
    if not isinstance(data, list):
        raise _bad_result("list", type(data).__name__)
    return [Place.from_jsonv2(item) for item in data]


def parse_geojson(data: Any) -> List[Place]:
    """A ``geojson`` FeatureCollection (search or reverse)."""
    if isinstance(data, Mapping) and "error" in data:
        return []
    if not isinstance(data, Mapping) or data.get("type") != "FeatureCollection":
        raise _bad_result("FeatureCollection", type(data).__name__)
    features = data.get("features") or []
    places = []
    for feature in features:
        try:
            places.append(Place.from_geojson_feature(feature))
        except BadPayload as exc:  # one unreadable result does not fail the others
            if len(features) == 1:
                raise
            logger.warning("A Nominatim result was left out: %s", exc)
    licence = data.get("licence")
    if licence:
        places = [_with_licence(p, licence) for p in places]
    return places


def parse_xml(content: bytes) -> List[Place]:
    """An ``xml`` answer: ``<searchresults>`` or ``<reversegeocode>``. Raises on broken XML."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise BadPayload(
            QT_TRANSLATE_NOOP(CONTEXT, "The server sent invalid XML ({error})."), error=str(exc)
        ) from None
    licence = root.get("attribution")
    if root.tag == "searchresults":
        return [_place_from_xml(p, list(p), licence) for p in root.iterfind("place")]
    if root.tag == "reversegeocode":
        result = root.find("result")
        if result is None:
            return []  # <error>Unable to geocode</error>
        siblings = [c for c in root if c is not result]
        return [_place_from_xml(result, siblings + list(result), licence)]
    raise _bad_result("searchresults", root.tag)


# ---------------------------------------------------------------------- helpers


def _with_licence(place: Place, licence: str) -> Place:
    from dataclasses import replace

    return replace(place, licence=licence)


def _bad_result(expected: str, got: str) -> BadPayload:
    return BadPayload(
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "The server sent a result that cannot be read (expected {expected}; got {got}).",
        ),
        expected=expected,
        got=got,
    )


def _int(value) -> Optional[int]:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _float(value) -> Optional[float]:
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _coordinate(obj: Mapping[str, Any], key: str) -> float:
    value = _float(obj.get(key))
    if value is None:
        raise _bad_result(key, repr(obj.get(key)))
    return value


def _osm_type(value) -> Optional[str]:
    if not value:
        return None
    text = str(value).lower()
    return OSM_TYPES.get(text, text)


def _bbox_nominatim(value) -> Optional[BoundingBox]:
    if value is None:
        return None
    items = value.split(",") if isinstance(value, str) else list(value)
    if len(items) != 4:
        return None
    try:
        south, north, west, east = (float(v) for v in items)
    except (TypeError, ValueError):
        return None
    return BoundingBox(south, north, west, east)


def _str_dict(value) -> Dict[str, str]:
    if not isinstance(value, Mapping):
        return {}
    return {str(k): "" if v is None else str(v) for k, v in value.items()}


def _outline(value, obj) -> Optional[Dict[str, Any]]:
    """The outline of a jsonv2 result; one without a geometry type is left out (the result
    keeps its point)."""
    if not value:
        return None
    if not isinstance(value, Mapping) or "type" not in value:
        logger.warning("Nominatim result %s has an unreadable outline", obj.get("place_id"))
        return None
    return dict(value)


__all__ = ["BoundingBox", "Place", "parse_geojson", "parse_jsonv2", "parse_xml"]
