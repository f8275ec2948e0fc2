"""Nominatim query models: every ``/search`` and ``/reverse`` parameter, validated before sending.

A query is a frozen dataclass. :meth:`SearchQuery.params` validates it and returns the request
parameters as an ordered list of ``(name, value)`` pairs, so the same query always gives the
same URL (and the same cache key). Only parameters that differ from the server's defaults are sent.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Iterable, List, Optional, Sequence, Tuple, Union

from ..errors import CONTEXT, QT_TRANSLATE_NOOP, ValidationError

Params = List[Tuple[str, str]]

#: Output formats the plugin can read. ``json`` is the classic format of key-based providers.
FORMATS = ("jsonv2", "json", "geojson", "xml")
STRUCTURED_FIELDS = ("amenity", "street", "city", "county", "state", "country", "postalcode")
LAYERS = ("address", "poi", "railway", "natural", "manmade")
FEATURE_TYPES = ("country", "state", "city", "settlement")
POLYGON_FORMATS = ("geojson", "kml", "svg", "text")
MAX_LIMIT = 40
MAX_ZOOM = 18

_COUNTRY_CODE = re.compile(r"^[A-Za-z]{2}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _fmt_number(value: float) -> str:
    """Shortest exact text of a float (``9.5`` not ``9.500000``, ``10`` not ``10.0``)."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def _split_list(value) -> tuple:
    """Accept ``"a,b"`` or any iterable; strip blanks; keep order; drop repeats."""
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else list(value)
    out = []
    for item in items:
        item = item.strip() if isinstance(item, str) else item
        if item == "" or item in out:
            continue
        out.append(item)
    return tuple(out)


@dataclass(frozen=True)
class Viewbox:
    """A box given by any two opposite corners; stored normalised (west < east, south < north)."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def from_corners(cls, x1: float, y1: float, x2: float, y2: float) -> Viewbox:
        """Box from two corners (x = longitude, y = latitude), in any order."""
        try:
            xs = sorted((float(x1), float(x2)))
            ys = sorted((float(y1), float(y2)))
        except (TypeError, ValueError):
            raise _malformed_viewbox(f"{x1},{y1},{x2},{y2}") from None
        return cls(xs[0], ys[0], xs[1], ys[1])

    @classmethod
    def parse(cls, text: str) -> Viewbox:
        """Parse ``"x1,y1,x2,y2"`` (Nominatim's viewbox syntax)."""
        parts = [part.strip() for part in str(text).split(",")]
        if len(parts) != 4:
            raise _malformed_viewbox(text)
        return cls.from_corners(*parts)

    @classmethod
    def coerce(cls, value) -> Viewbox:
        if isinstance(value, Viewbox):
            return value
        if isinstance(value, str):
            return cls.parse(value)
        try:
            items = list(value)
        except TypeError:
            raise _malformed_viewbox(str(value)) from None
        if len(items) != 4:
            raise _malformed_viewbox(",".join(map(str, items)))
        return cls.from_corners(*items)

    def validate(self) -> None:
        values = (self.west, self.south, self.east, self.north)
        if not all(math.isfinite(v) for v in values):
            raise _malformed_viewbox(self.text())
        if not (-180 <= self.west <= 180 and -180 <= self.east <= 180) or not (
            -90 <= self.south <= 90 and -90 <= self.north <= 90
        ):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "The viewbox {viewbox} is out of range: longitudes must be within -180..180 "
                    "and latitudes within -90..90.",
                ),
                viewbox=self.text(),
            )
        if self.west >= self.east or self.south >= self.north:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "The viewbox {viewbox} is not a proper box: its corners must differ in both "
                    "longitude and latitude.",
                ),
                viewbox=self.text(),
            )

    def text(self) -> str:
        """``left,top,right,bottom``: accepted by Nominatim and by older providers alike."""
        return ",".join(_fmt_number(v) for v in (self.west, self.north, self.east, self.south))


def _malformed_viewbox(value: str) -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "The viewbox “{value}” is malformed: give four numbers x1,y1,x2,y2 (two opposite "
            "corners, longitude then latitude).",
        ),
        value=value,
    )


@dataclass(frozen=True)
class _CommonOptions:
    """Options shared by ``/search`` and ``/reverse``."""

    format: str = "jsonv2"
    addressdetails: bool = False
    extratags: bool = False
    namedetails: bool = False
    accept_language: Optional[str] = None
    layer: Tuple[str, ...] = ()
    polygon_geojson: bool = False
    polygon_kml: bool = False
    polygon_svg: bool = False
    polygon_text: bool = False
    polygon_threshold: Optional[float] = None
    email: Optional[str] = None

    def _normalise_common(self) -> None:
        set_ = object.__setattr__
        set_(self, "layer", tuple(str(x).lower() for x in _split_list(self.layer)))
        if self.accept_language is not None:
            set_(self, "accept_language", self.accept_language.strip() or None)
        if self.email is not None:
            set_(self, "email", self.email.strip() or None)

    @property
    def polygon_formats(self) -> Tuple[str, ...]:
        """The outline formats asked for (valid queries have at most one)."""
        return tuple(f for f in POLYGON_FORMATS if getattr(self, f"polygon_{f}"))

    @property
    def wants_outline(self) -> bool:
        return bool(self.polygon_formats)

    def _validate_common(self) -> None:
        if self.format not in FORMATS:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "The output format “{format}” is not supported; use one of {formats}."
                ),
                format=self.format,
                formats=", ".join(FORMATS),
            )
        for layer in self.layer:
            if layer not in LAYERS:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        CONTEXT, "The layer “{layer}” is unknown; use any of {layers}."
                    ),
                    layer=layer,
                    layers=", ".join(LAYERS),
                )
        if len(self.polygon_formats) > 1:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Only one outline format can be requested at a time (asked for {formats}).",
                ),
                formats=", ".join(f"polygon_{f}" for f in self.polygon_formats),
            )
        if self.polygon_threshold is not None:
            threshold = self.polygon_threshold
            if not isinstance(threshold, (int, float)) or not (
                math.isfinite(threshold) and threshold >= 0
            ):
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "The outline simplification tolerance must be a number of degrees, zero "
                        "or more (got {value}).",
                    ),
                    value=threshold,
                )
            if not self.wants_outline:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "An outline simplification tolerance needs an outline format "
                        "(polygon_geojson, polygon_kml, polygon_svg or polygon_text).",
                    )
                )
        if self.email is not None and not _EMAIL.match(self.email):
            raise ValidationError(
                QT_TRANSLATE_NOOP(CONTEXT, "“{email}” is not a valid e-mail address."),
                email=self.email,
            )

    def _polygon_params(self) -> Params:
        out = [(f"polygon_{f}", "1") for f in self.polygon_formats]
        if self.polygon_threshold is not None:
            out.append(("polygon_threshold", _fmt_number(self.polygon_threshold)))
        return out


@dataclass(frozen=True)
class SearchQuery(_CommonOptions):
    """A ``/search`` request: free-form ``q`` or the structured address fields, plus options.

    Lists (``countrycodes``, ``layer``, ``exclude_place_ids``) accept a comma-separated string or
    any iterable; ``viewbox`` accepts a :class:`Viewbox`, ``"x1,y1,x2,y2"`` or four numbers.
    ``limit=None`` and ``dedupe=True`` leave the server's defaults (10, deduplication on).
    """

    q: Optional[str] = None
    amenity: Optional[str] = None
    street: Optional[str] = None
    city: Optional[str] = None
    county: Optional[str] = None
    state: Optional[str] = None
    country: Optional[str] = None
    postalcode: Optional[str] = None
    limit: Optional[int] = None
    countrycodes: Tuple[str, ...] = ()
    feature_type: Optional[str] = None
    exclude_place_ids: Tuple[int, ...] = ()
    viewbox: Optional[Union[Viewbox, str, Sequence[float]]] = None
    bounded: bool = False
    dedupe: bool = True

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        self._normalise_common()
        for name in ("q", *STRUCTURED_FIELDS):
            value = getattr(self, name)
            if value is not None:
                set_(self, name, str(value).strip() or None)
        set_(self, "countrycodes", tuple(str(c).lower() for c in _split_list(self.countrycodes)))
        set_(
            self,
            "exclude_place_ids",
            tuple(
                int(p) if isinstance(p, str) and p.isdigit() else p
                for p in _split_list(self.exclude_place_ids)
            ),
        )
        if self.feature_type is not None:
            set_(self, "feature_type", self.feature_type.strip().lower() or None)
        if self.viewbox is not None:
            set_(self, "viewbox", Viewbox.coerce(self.viewbox))

    @property
    def structured(self) -> dict:
        """The structured fields that are set, in the API's order."""
        return {name: getattr(self, name) for name in STRUCTURED_FIELDS if getattr(self, name)}

    @property
    def is_structured(self) -> bool:
        return bool(self.structured)

    def validate(self) -> None:
        """Raise :class:`ValidationError` with a specific message for any invalid input."""
        if self.q and self.structured:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "A free-form query cannot be combined with structured address fields "
                    "({fields}); use one or the other.",
                ),
                fields=", ".join(self.structured),
            )
        if not self.q and not self.structured:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "The query is empty: enter a search text or at least one address field.",
                )
            )
        if self.limit is not None and (
            isinstance(self.limit, bool)
            or not isinstance(self.limit, int)
            or not 1 <= self.limit <= MAX_LIMIT
        ):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "The number of results must be between 1 and {maximum} (got {limit})."
                ),
                maximum=MAX_LIMIT,
                limit=self.limit,
            )
        for code in self.countrycodes:
            if not _COUNTRY_CODE.match(code):
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "“{code}” is not a country code: use two-letter ISO 3166-1 codes such as "
                        "li or de.",
                    ),
                    code=code,
                )
        if self.feature_type is not None and self.feature_type not in FEATURE_TYPES:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "The feature type “{value}” is unknown; use one of {types}."
                ),
                value=self.feature_type,
                types=", ".join(FEATURE_TYPES),
            )
        for place_id in self.exclude_place_ids:
            if not _is_place_id(place_id):
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        CONTEXT, "“{value}” is not a place id (a positive whole number)."
                    ),
                    value=place_id,
                )
        if self.viewbox is not None:
            self.viewbox.validate()
        elif self.bounded:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "Restricting the results to the viewbox (bounded) needs a viewbox."
                )
            )
        self._validate_common()

    def params(self) -> Params:
        """Validated request parameters in a fixed order."""
        self.validate()
        out: Params = []
        if self.q:
            out.append(("q", self.q))
        out.extend(self.structured.items())
        out.append(("format", self.format))
        if self.limit is not None:
            out.append(("limit", str(self.limit)))
        out.extend(_detail_params(self))
        if self.countrycodes:
            out.append(("countrycodes", ",".join(self.countrycodes)))
        if self.layer:
            out.append(("layer", ",".join(self.layer)))
        if self.feature_type:
            out.append(("featureType", self.feature_type))
        if self.exclude_place_ids:
            out.append(("exclude_place_ids", ",".join(str(int(p)) for p in self.exclude_place_ids)))
        if self.viewbox is not None:
            out.append(("viewbox", self.viewbox.text()))
            if self.bounded:
                out.append(("bounded", "1"))
        out.extend(self._polygon_params())
        if self.email:
            out.append(("email", self.email))
        if not self.dedupe:
            out.append(("dedupe", "0"))
        return out

    def next_page(self, results: Iterable) -> SearchQuery:
        """The same query excluding the place ids already shown ("more results").

        ``results`` are :class:`~.places.Place` objects (or bare place ids).
        """
        ids = list(self.exclude_place_ids)
        for item in results:
            place_id = getattr(item, "place_id", item)
            if place_id is not None and int(place_id) not in ids:
                ids.append(int(place_id))
        return replace(self, exclude_place_ids=tuple(ids))

    def replace(self, **changes) -> SearchQuery:
        return replace(self, **changes)


def _is_place_id(value) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return value > 0
    return isinstance(value, str) and value.isdigit() and int(value) > 0


def _detail_params(query: _CommonOptions) -> Params:
    out: Params = []
    for name in ("addressdetails", "extratags", "namedetails"):
        if getattr(query, name):
            out.append((name, "1"))
    if query.accept_language:
        out.append(("accept-language", query.accept_language))
    return out


@dataclass(frozen=True)
class ReverseQuery(_CommonOptions):
    """A ``/reverse`` request for the place at ``lat``/``lon``.

    ``zoom`` (0..18) sets the level of detail (3 country … 18 building); ``None`` is the server's
    default (18). Address details are on by default, as on the server.
    """

    lat: Optional[float] = None
    lon: Optional[float] = None
    zoom: Optional[int] = None
    addressdetails: bool = True

    def __post_init__(self) -> None:
        self._normalise_common()

    def validate(self) -> None:
        try:
            lat, lon = float(self.lat), float(self.lon)
        except (TypeError, ValueError):
            lat = lon = math.nan
        if not (
            math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180
        ):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "The position {lat}, {lon} is not valid: latitude must be within -90..90 and "
                    "longitude within -180..180.",
                ),
                lat=self.lat,
                lon=self.lon,
            )
        if self.zoom is not None and (
            isinstance(self.zoom, bool)
            or not isinstance(self.zoom, int)
            or not 0 <= self.zoom <= MAX_ZOOM
        ):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "The zoom level must be between 0 and {maximum} (got {zoom})."
                ),
                maximum=MAX_ZOOM,
                zoom=self.zoom,
            )
        self._validate_common()

    def params(self) -> Params:
        self.validate()
        out: Params = [
            ("lat", _fmt_number(float(self.lat))),
            ("lon", _fmt_number(float(self.lon))),
            ("format", self.format),
        ]
        if self.zoom is not None:
            out.append(("zoom", str(self.zoom)))
        if not self.addressdetails:
            out.append(("addressdetails", "0"))
        for name in ("extratags", "namedetails"):
            if getattr(self, name):
                out.append((name, "1"))
        if self.accept_language:
            out.append(("accept-language", self.accept_language))
        if self.layer:
            out.append(("layer", ",".join(self.layer)))
        out.extend(self._polygon_params())
        if self.email:
            out.append(("email", self.email))
        return out

    def replace(self, **changes) -> ReverseQuery:
        return replace(self, **changes)


Query = Union[SearchQuery, ReverseQuery]

__all__ = [
    "FEATURE_TYPES",
    "FORMATS",
    "LAYERS",
    "MAX_LIMIT",
    "MAX_ZOOM",
    "POLYGON_FORMATS",
    "STRUCTURED_FIELDS",
    "Params",
    "Query",
    "ReverseQuery",
    "SearchQuery",
    "Viewbox",
]
