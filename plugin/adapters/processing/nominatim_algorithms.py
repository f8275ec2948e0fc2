"""Nominatim algorithms: search, geocode a table, reverse geocode points.

They call the same core client as the search dock (``nominatim_service.client``), so the
endpoint's usage policy (throttle, User-Agent, e-mail, cache) applies in models, batch runs and
``qgis_process`` alike.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QMetaType, QVariant

from ...core.errors import (
    Cancelled,
    ConnectionFailed,
    OsmRoundtripError,
    RateLimited,
    RequestTimeout,
)
from ...core.nominatim import (
    FEATURE_TYPES,
    LAYERS,
    MAX_LIMIT,
    MAX_ZOOM,
    STRUCTURED_FIELDS,
    Place,
    ResponseCache,
    ReverseQuery,
    SearchQuery,
)
from .. import compat, nominatim_layers, nominatim_service
from .. import settings as plugin_settings
from ..i18n import error_text
from .base import OsmRoundtripAlgorithm

WGS84 = "EPSG:4326"
#: Errors after which no further request can succeed: the run stops instead of failing each row.
FATAL = (ConnectionFailed, RequestTimeout, RateLimited)
BATCH_RATE_LIMIT_WAITS = 5  # per row: a longer or repeated refusal stops the algorithm
STATUS_OK, STATUS_NOT_FOUND, STATUS_EMPTY, STATUS_ERROR = "ok", "not_found", "empty", "error"


def _advanced(parameter: QgsProcessingParameterDefinition) -> QgsProcessingParameterDefinition:
    return compat.set_advanced(parameter)


def _unique_name(name: str, fields: QgsFields) -> str:
    candidate, number = name, 2
    while fields.indexOf(candidate) >= 0:
        candidate, number = f"{name}_{number}", number + 1
    return candidate


# The fields every geocoding output adds to the input's attributes.
STATUS_FIELDS: Tuple[Tuple[str, QMetaType.Type], ...] = (
    ("status", compat.STRING),
    ("status_text", compat.STRING),
    ("place_id", compat.LONGLONG),
    ("osm_type", compat.STRING),
    ("osm_id", compat.LONGLONG),
    ("display_name", compat.STRING),
    ("category", compat.STRING),
    ("type", compat.STRING),
)


class _NominatimAlgorithm(OsmRoundtripAlgorithm):
    ENDPOINT = "ENDPOINT"
    INTERVAL = "INTERVAL"
    LANGUAGE = "LANGUAGE"

    def group(self) -> str:
        return self.tr("Nominatim")

    def groupId(self) -> str:
        return "nominatim"

    def _add_endpoint_parameters(self, with_interval: bool) -> None:
        values = plugin_settings.load()
        self.addParameter(
            QgsProcessingParameterString(
                self.ENDPOINT,
                self.tr("Nominatim server URL"),
                defaultValue=values.nominatim_url,
            )
        )
        if with_interval:
            self.addParameter(
                _advanced(
                    QgsProcessingParameterNumber(
                        self.INTERVAL,
                        self.tr(
                            "Seconds between requests (the public server always waits at least 1)"
                        ),
                        type=compat.NUMBER_DOUBLE,
                        defaultValue=values.nominatim_interval,
                        minValue=0.0,
                    )
                )
            )

    def _add_language_parameter(self) -> None:
        self.addParameter(
            _advanced(
                QgsProcessingParameterString(
                    self.LANGUAGE,
                    self.tr("Result language (accept-language, e.g. de or en,fr)"),
                    defaultValue=nominatim_service.default_language(),
                    optional=True,
                )
            )
        )

    def _client(self, parameters, context, cache: Optional[ResponseCache] = None, feedback=None):
        """The client; with ``feedback`` (work over a table) "slow down" answers are waited out."""
        url = self.parameterAsString(parameters, self.ENDPOINT, context).strip()
        interval = None
        if self.INTERVAL in parameters and parameters[self.INTERVAL] is not None:
            interval = self.parameterAsDouble(parameters, self.INTERVAL, context)
        client = nominatim_service.client(url or None, interval=interval, cache=cache)
        if feedback is not None:
            client.rate_limit_waits = BATCH_RATE_LIMIT_WAITS
            client.on_wait = lambda seconds: feedback.pushInfo(
                self.tr("The server asks to slow down: waiting {seconds} s, then going on.").format(
                    seconds=round(seconds)
                )
            )
        return client

    def _language(self, parameters, context) -> Optional[str]:
        return self.parameterAsString(parameters, self.LANGUAGE, context).strip() or None


class NominatimSearch(_NominatimAlgorithm):
    NAME = "nominatimsearch"
    QUERY = "QUERY"
    STRUCTURED = {name: name.upper() for name in STRUCTURED_FIELDS}
    COUNTRYCODES = "COUNTRYCODES"
    LIMIT = "LIMIT"
    VIEWBOX = "VIEWBOX"
    BOUNDED = "BOUNDED"
    LAYER = "LAYER"
    FEATURE_TYPE = "FEATURE_TYPE"
    EXCLUDE_PLACE_IDS = "EXCLUDE_PLACE_IDS"
    ADDRESSDETAILS = "ADDRESSDETAILS"
    EXTRATAGS = "EXTRATAGS"
    NAMEDETAILS = "NAMEDETAILS"
    OUTLINES = "OUTLINES"
    POLYGON_THRESHOLD = "POLYGON_THRESHOLD"
    DEDUPE = "DEDUPE"
    OUTPUT_POINTS = "OUTPUT_POINTS"
    OUTPUT_OUTLINES = "OUTPUT_OUTLINES"
    OUTPUT_LINES = "OUTPUT_LINES"
    COUNT = "COUNT"

    def displayName(self) -> str:
        return self.tr("Search places (Nominatim)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Runs one Nominatim search, free-form (Query) or structured (the address fields), and "
            "writes the results as points and, with outlines, as polygons and lines in EPSG:4326. "
            "Address parts, extra tags and name details become columns (addr_*, extra_*, "
            "names_*); raw_json holds the server's answer for each place. Data © OpenStreetMap "
            "contributors, ODbL."
        )

    def initAlgorithm(self, config=None) -> None:
        self._add_endpoint_parameters(with_interval=False)
        self.addParameter(
            QgsProcessingParameterString(self.QUERY, self.tr("Query (free-form)"), optional=True)
        )
        labels = {
            "amenity": self.tr("Amenity (structured)"),
            "street": self.tr("Street with house number (structured)"),
            "city": self.tr("City (structured)"),
            "county": self.tr("County (structured)"),
            "state": self.tr("State (structured)"),
            "country": self.tr("Country (structured)"),
            "postalcode": self.tr("Postcode (structured)"),
        }
        for name, key in self.STRUCTURED.items():
            self.addParameter(QgsProcessingParameterString(key, labels[name], optional=True))
        self.addParameter(
            QgsProcessingParameterString(
                self.COUNTRYCODES,
                self.tr("Limit to countries (ISO codes, e.g. li,ch)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.LIMIT,
                self.tr("Maximum number of results"),
                defaultValue=10,
                minValue=1,
                maxValue=MAX_LIMIT,
            )
        )
        self.addParameter(
            QgsProcessingParameterExtent(
                self.VIEWBOX, self.tr("Preferred area (viewbox)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.BOUNDED, self.tr("Only results inside the preferred area"), defaultValue=False
            )
        )
        self.addParameter(
            _advanced(
                QgsProcessingParameterEnum(
                    self.LAYER,
                    self.tr("Limit to layers"),
                    options=list(LAYERS),
                    allowMultiple=True,
                    optional=True,
                )
            )
        )
        self.addParameter(
            _advanced(
                QgsProcessingParameterEnum(
                    self.FEATURE_TYPE,
                    self.tr("Limit to feature type"),
                    options=list(FEATURE_TYPES),
                    optional=True,
                )
            )
        )
        self.addParameter(
            _advanced(
                QgsProcessingParameterString(
                    self.EXCLUDE_PLACE_IDS,
                    self.tr("Exclude place ids (comma-separated)"),
                    optional=True,
                )
            )
        )
        self._add_language_parameter()
        for key, label, default in (
            (self.ADDRESSDETAILS, self.tr("Address details"), True),
            (self.EXTRATAGS, self.tr("Extra tags"), True),
            (self.NAMEDETAILS, self.tr("Name details"), False),
            (self.OUTLINES, self.tr("Fetch outlines"), True),
        ):
            self.addParameter(QgsProcessingParameterBoolean(key, label, defaultValue=default))
        self.addParameter(
            _advanced(
                QgsProcessingParameterNumber(
                    self.POLYGON_THRESHOLD,
                    self.tr("Outline simplification tolerance (degrees)"),
                    type=compat.NUMBER_DOUBLE,
                    minValue=0.0,
                    optional=True,
                )
            )
        )
        self.addParameter(
            _advanced(
                QgsProcessingParameterBoolean(
                    self.DEDUPE, self.tr("Remove duplicate results"), defaultValue=True
                )
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_POINTS, self.tr("Nominatim points"), compat.SOURCE_POINT
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_OUTLINES,
                self.tr("Nominatim outlines"),
                compat.SOURCE_POLYGON,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_LINES,
                self.tr("Nominatim outlines (lines)"),
                compat.SOURCE_LINE,
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, self.tr("Number of results")))

    def build_query(self, parameters, context) -> SearchQuery:
        text = {
            name: self.parameterAsString(parameters, key, context)
            for name, key in self.STRUCTURED.items()
        }
        viewbox = None
        if parameters.get(self.VIEWBOX):
            extent = self.parameterAsExtent(
                parameters, self.VIEWBOX, context, QgsCoordinateReferenceSystem(WGS84)
            )
            if not extent.isNull() and not extent.isEmpty():
                viewbox = (
                    extent.xMinimum(),
                    extent.yMinimum(),
                    extent.xMaximum(),
                    extent.yMaximum(),
                )
        layers = [LAYERS[i] for i in self.parameterAsEnums(parameters, self.LAYER, context)]
        feature_type = None
        if parameters.get(self.FEATURE_TYPE) is not None:
            feature_type = FEATURE_TYPES[
                self.parameterAsEnum(parameters, self.FEATURE_TYPE, context)
            ]
        threshold = None
        if parameters.get(self.POLYGON_THRESHOLD) not in (None, ""):
            threshold = self.parameterAsDouble(parameters, self.POLYGON_THRESHOLD, context)
        return SearchQuery(
            q=self.parameterAsString(parameters, self.QUERY, context),
            **text,
            limit=self.parameterAsInt(parameters, self.LIMIT, context),
            countrycodes=self.parameterAsString(parameters, self.COUNTRYCODES, context),
            viewbox=viewbox,
            bounded=self.parameterAsBool(parameters, self.BOUNDED, context),
            layer=layers,
            feature_type=feature_type,
            exclude_place_ids=self.parameterAsString(parameters, self.EXCLUDE_PLACE_IDS, context),
            accept_language=self._language(parameters, context),
            addressdetails=self.parameterAsBool(parameters, self.ADDRESSDETAILS, context),
            extratags=self.parameterAsBool(parameters, self.EXTRATAGS, context),
            namedetails=self.parameterAsBool(parameters, self.NAMEDETAILS, context),
            polygon_geojson=self.parameterAsBool(parameters, self.OUTLINES, context),
            polygon_threshold=threshold,
            dedupe=self.parameterAsBool(parameters, self.DEDUPE, context),
        )

    def process(self, parameters, context, feedback):
        query = self.build_query(parameters, context)
        client = self._client(parameters, context)
        feedback.pushInfo(self.tr("Request: {url}").format(url=client.search_url(query)))
        places = client.search(query, cancel=feedback.isCanceled)
        feedback.pushInfo(self.tr("%n places found.", "", len(places)))
        fields = nominatim_layers.place_fields(places)
        crs = QgsCoordinateReferenceSystem(WGS84)
        results: Dict[str, object] = {self.COUNT: len(places)}
        outputs = (
            (self.OUTPUT_POINTS, nominatim_layers.POINTS, compat.WkbType.Point),
            (self.OUTPUT_OUTLINES, nominatim_layers.POLYGONS, compat.WkbType.MultiPolygon),
            (self.OUTPUT_LINES, nominatim_layers.LINES, compat.WkbType.MultiLineString),
        )
        for key, role, wkb in outputs:
            sink, dest = self.parameterAsSink(parameters, key, context, fields, wkb, crs)
            if sink is None:
                if key == self.OUTPUT_POINTS:
                    raise QgsProcessingException(self.invalidSinkError(parameters, key))
                continue
            for place in places:
                if role == nominatim_layers.POINTS:
                    geometry = nominatim_layers.point_geometry(place)
                elif nominatim_layers.outline_kind(place) == role:
                    geometry = nominatim_layers.outline_geometry(place)
                else:
                    continue
                feature = nominatim_layers.make_feature(place, fields, geometry)
                sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            results[key] = dest
        return results


class GeocodeTable(_NominatimAlgorithm):
    NAME = "geocodetable"
    INPUT = "INPUT"
    QUERY_FIELD = "QUERY_FIELD"
    STRUCTURED = {name: f"{name.upper()}_FIELD" for name in STRUCTURED_FIELDS}
    COUNTRYCODES = "COUNTRYCODES"
    OUTPUT = "OUTPUT"
    GEOCODED = "GEOCODED"
    FAILED = "FAILED"
    RESULT_FIELDS: Tuple[Tuple[str, QMetaType.Type], ...] = (
        *STATUS_FIELDS,
        ("importance", compat.DOUBLE),
        ("lat", compat.DOUBLE),
        ("lon", compat.DOUBLE),
    )

    def displayName(self) -> str:
        return self.tr("Geocode table (Nominatim)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Geocodes each row of a table: free-form from one field, or structured from the "
            "address fields mapped below. The output keeps every input attribute and adds status "
            "(ok, not_found, empty, error), status_text, osm_type, osm_id, display_name and more; "
            "rows that fail keep their attributes and have no geometry. Requests are spaced as the "
            "server's usage policy requires (at least 1 s for the public server) and identical "
            "addresses are asked once."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Table"), [compat.SOURCE_VECTOR]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.QUERY_FIELD,
                self.tr("Free-form address field"),
                parentLayerParameterName=self.INPUT,
                optional=True,
            )
        )
        labels = {
            "amenity": self.tr("Amenity field (structured)"),
            "street": self.tr("Street field (structured)"),
            "city": self.tr("City field (structured)"),
            "county": self.tr("County field (structured)"),
            "state": self.tr("State field (structured)"),
            "country": self.tr("Country field (structured)"),
            "postalcode": self.tr("Postcode field (structured)"),
        }
        for name, key in self.STRUCTURED.items():
            self.addParameter(
                QgsProcessingParameterField(
                    key, labels[name], parentLayerParameterName=self.INPUT, optional=True
                )
            )
        self.addParameter(
            QgsProcessingParameterString(
                self.COUNTRYCODES,
                self.tr("Limit to countries (ISO codes, e.g. li,ch)"),
                optional=True,
            )
        )
        self._add_language_parameter()
        self._add_endpoint_parameters(with_interval=True)
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Geocoded"), compat.SOURCE_POINT)
        )
        self.addOutput(QgsProcessingOutputNumber(self.GEOCODED, self.tr("Rows geocoded")))
        self.addOutput(QgsProcessingOutputNumber(self.FAILED, self.tr("Rows not geocoded")))

    def _mapping(self, parameters, context, source) -> Tuple[Optional[str], Dict[str, str]]:
        query_field = self.parameterAsString(parameters, self.QUERY_FIELD, context) or None
        structured = {
            name: self.parameterAsString(parameters, key, context)
            for name, key in self.STRUCTURED.items()
        }
        structured = {name: field for name, field in structured.items() if field}
        if query_field and structured:
            raise QgsProcessingException(
                self.tr(
                    "Choose either a free-form address field or structured address fields, not "
                    "both."
                )
            )
        if not query_field and not structured:
            raise QgsProcessingException(
                self.tr(
                    "Choose the field that holds the address (free-form) or at least one "
                    "structured address field."
                )
            )
        names = source.fields().names()
        for field in [query_field, *structured.values()]:
            if field and field not in names:
                raise QgsProcessingException(
                    self.tr("The table has no field “{field}”.").format(field=field)
                )
        return query_field, structured

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        query_field, structured = self._mapping(parameters, context, source)
        base = SearchQuery(
            q="-",  # replaced per row
            limit=1,
            countrycodes=self.parameterAsString(parameters, self.COUNTRYCODES, context),
            accept_language=self._language(parameters, context),
        )
        client = self._client(
            parameters, context, cache=ResponseCache(max_entries=4096), feedback=feedback
        )
        feedback.pushInfo(
            self.tr("Server: {url}; at least {seconds} s between requests.").format(
                url=client.endpoint.base_url, seconds=client.endpoint.interval
            )
        )

        fields = QgsFields(source.fields())
        names = {}
        for name, kind in self.RESULT_FIELDS:
            names[name] = _unique_name(name, fields)
            fields.append(compat.field(names[name], kind))
        crs = QgsCoordinateReferenceSystem(WGS84)
        sink, dest = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, compat.WkbType.Point, crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))

        total = source.featureCount() or 0
        geocoded = failed = 0
        for number, row in enumerate(source.getFeatures()):
            if feedback.isCanceled():
                break
            values = self._geocode_row(client, base, row, query_field, structured, feedback)
            if feedback.isCanceled() and values["status"] == STATUS_ERROR:
                break
            feature = QgsFeature(fields)
            attributes = list(row.attributes()) + [None] * len(self.RESULT_FIELDS)
            feature.setAttributes(attributes)
            for name, value in values.items():
                if name != "geometry" and value is not None:
                    feature.setAttribute(names[name], value)
            if values["status"] == STATUS_OK:
                feature.setGeometry(values["geometry"])
                geocoded += 1
            else:
                failed += 1
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            if total:
                feedback.setProgress(100.0 * (number + 1) / total)
        if failed:
            feedback.pushWarning(
                self.tr("{failed} of {total} rows could not be geocoded; see status_text.").format(
                    failed=failed, total=geocoded + failed
                )
            )
        return {self.OUTPUT: dest, self.GEOCODED: geocoded, self.FAILED: failed}

    def _geocode_row(self, client, base, row, query_field, structured, feedback) -> dict:
        def text(field: str) -> str:
            value = row[field]
            if value is None or (isinstance(value, QVariant) and value.isNull()):
                return ""
            return str(value).strip()

        if query_field:
            query = base.replace(q=text(query_field) or None)
        else:
            parts = {name: text(field) or None for name, field in structured.items()}
            query = base.replace(q=None, **parts)
        if not query.q and not query.is_structured:
            return {"status": STATUS_EMPTY, "status_text": self.tr("No address in this row.")}
        try:
            places = client.search(query, cancel=feedback.isCanceled)
        except Cancelled as exc:
            return {"status": STATUS_ERROR, "status_text": error_text(exc)}
        except FATAL:
            raise  # the server cannot be reached: stop rather than fail every row
        except OsmRoundtripError as exc:
            message = error_text(exc)
            feedback.reportError(
                self.tr("Row {id}: {message}").format(id=row.id(), message=message)
            )
            return {"status": STATUS_ERROR, "status_text": message}
        if not places:
            return {"status": STATUS_NOT_FOUND, "status_text": self.tr("Nothing found.")}
        place = places[0]
        return {
            "status": STATUS_OK,
            "status_text": "",
            "place_id": place.place_id,
            "osm_type": place.osm_type,
            "osm_id": place.osm_id,
            "display_name": place.display_name,
            "category": place.category,
            "type": place.type,
            "importance": place.importance,
            "lat": place.lat,
            "lon": place.lon,
            "geometry": nominatim_layers.point_geometry(place),
        }


class ReverseGeocode(_NominatimAlgorithm):
    NAME = "reversegeocode"
    INPUT = "INPUT"
    ZOOM = "ZOOM"
    OUTPUT = "OUTPUT"
    RESULT_FIELDS: Tuple[Tuple[str, QMetaType.Type], ...] = STATUS_FIELDS

    def displayName(self) -> str:
        return self.tr("Reverse geocode points (Nominatim)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Finds the place and address at each point. The output keeps the points and their "
            "attributes and adds status, display_name, osm_type, osm_id and one addr_* column per "
            "address part found. Zoom sets the level of detail: 3 country, 10 city, 14 suburb, "
            "16 street, 18 building."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Points"), [compat.SOURCE_POINT]
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.ZOOM,
                self.tr("Level of detail (zoom 0–18)"),
                defaultValue=MAX_ZOOM,
                minValue=0,
                maxValue=MAX_ZOOM,
            )
        )
        self._add_language_parameter()
        self._add_endpoint_parameters(with_interval=True)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Reverse geocoded"), compat.SOURCE_POINT
            )
        )

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        client = self._client(
            parameters, context, cache=ResponseCache(max_entries=4096), feedback=feedback
        )
        zoom = self.parameterAsInt(parameters, self.ZOOM, context)
        language = self._language(parameters, context)
        transform = QgsCoordinateTransform(
            source.sourceCrs(), QgsCoordinateReferenceSystem(WGS84), context.transformContext()
        )
        total = source.featureCount() or 0
        rows: List[Tuple[QgsFeature, dict, Optional[Place]]] = []
        for number, row in enumerate(source.getFeatures()):
            if feedback.isCanceled():
                break
            rows.append((row, *self._reverse_row(client, transform, row, zoom, language, feedback)))
            if total:
                feedback.setProgress(100.0 * (number + 1) / total)

        fields = QgsFields(source.fields())
        names = {}
        for name, kind in self.RESULT_FIELDS:
            names[name] = _unique_name(name, fields)
            fields.append(compat.field(names[name], kind))
        address_keys: Dict[str, None] = {}
        for _row, _status, place in rows:
            for key in place.address if place else ():
                address_keys.setdefault(key, None)
        for key in address_keys:
            names["addr_" + key] = _unique_name("addr_" + key, fields)
            fields.append(compat.field(names["addr_" + key]))

        sink, dest = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, source.wkbType(), source.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for row, status, place in rows:
            feature = QgsFeature(fields)
            feature.setGeometry(row.geometry())
            feature.setAttributes(
                list(row.attributes()) + [None] * (len(fields) - len(row.attributes()))
            )
            values = dict(status)
            if place is not None:
                values.update(
                    place_id=place.place_id,
                    osm_type=place.osm_type,
                    osm_id=place.osm_id,
                    display_name=place.display_name,
                    category=place.category,
                    type=place.type,
                )
                values.update({"addr_" + k: v for k, v in place.address.items()})
            for name, value in values.items():
                if value is not None:
                    feature.setAttribute(names[name], value)
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return {self.OUTPUT: dest}

    def _reverse_row(self, client, transform, row, zoom, language, feedback):
        geometry = QgsGeometry(row.geometry())
        if geometry.isNull() or geometry.isEmpty():
            return {
                "status": STATUS_EMPTY,
                "status_text": self.tr("The feature has no point."),
            }, None
        try:
            geometry.transform(transform)
        except Exception:
            return {
                "status": STATUS_ERROR,
                "status_text": self.tr("The point cannot be converted to WGS 84."),
            }, None
        point = geometry.centroid().asPoint() if geometry.isMultipart() else geometry.asPoint()
        query = ReverseQuery(lat=point.y(), lon=point.x(), zoom=zoom, accept_language=language)
        try:
            place = client.reverse(query, cancel=feedback.isCanceled)
        except Cancelled as exc:
            return {"status": STATUS_ERROR, "status_text": error_text(exc)}, None
        except FATAL:
            raise
        except OsmRoundtripError as exc:
            message = error_text(exc)
            feedback.reportError(
                self.tr("Feature {id}: {message}").format(id=row.id(), message=message)
            )
            return {"status": STATUS_ERROR, "status_text": message}, None
        if place is None:
            return {"status": STATUS_NOT_FOUND, "status_text": self.tr("Nothing found.")}, None
        return {"status": STATUS_OK, "status_text": ""}, place


ALGORITHMS = (NominatimSearch, GeocodeTable, ReverseGeocode)
