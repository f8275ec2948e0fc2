"""Nominatim places → QGIS features and layers (EPSG:4326).

One field per attribute of a place: the fixed ones (:data:`BASE_FIELDS`), then one column per
address part (``addr_<key>``), extra tag (``extra_<key>``) and name detail (``names_<key>``) seen,
and ``raw_json`` (the server's answer for that place, without the outline, which is the geometry
of the outline layers). Outlines are split by dimension: polygons and lines.

:class:`ResultLayers` keeps the dock's result layers of the session: each "Add to map" appends to
them (adding columns when new keys appear) instead of making a new layer per search.
"""

from __future__ import annotations

import json
import os
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsMapLayerStyle,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QMetaType

from ..core.nominatim import Place
from ..core.nominatim.columns import assign_columns, new_columns
from . import compat

CRS = "EPSG:4326"
ROLE_PROPERTY = "osm_roundtrip/nominatim_results"
POINTS, POLYGONS, LINES = "points", "polygons", "lines"

BASE_FIELDS: Tuple[Tuple[str, QMetaType.Type], ...] = (
    ("place_id", compat.LONGLONG),
    ("osm_type", compat.STRING),
    ("osm_id", compat.LONGLONG),
    ("lat", compat.DOUBLE),
    ("lon", compat.DOUBLE),
    ("category", compat.STRING),
    ("type", compat.STRING),
    ("place_rank", compat.INT),
    ("importance", compat.DOUBLE),
    ("addresstype", compat.STRING),
    ("name", compat.STRING),
    ("display_name", compat.STRING),
)
RAW_FIELD = "raw_json"
PREFIXES = (("address", "addr_"), ("extratags", "extra_"), ("namedetails", "names_"))
#: Answer keys that hold the outline; left out of ``raw_json`` (the outline is the geometry).
_OUTLINE_KEYS = ("geojson", "geotext", "svg", "geokml")
_WKB = {
    POINTS: compat.WkbType.Point,
    POLYGONS: compat.WkbType.MultiPolygon,
    LINES: compat.WkbType.MultiLineString,
}


def detail_names(places: Iterable[Place]) -> List[str]:
    """``addr_*``, ``extra_*``, ``names_*`` names of ``places``, in order of first appearance."""
    seen: Dict[str, None] = {}
    for place in places:
        for attr, prefix in PREFIXES:
            for key in getattr(place, attr):
                seen.setdefault(prefix + key, None)
    return list(seen)


FIXED_NAMES = (*(name for name, _kind in BASE_FIELDS), RAW_FIELD)


def detail_columns(places: Iterable[Place], existing: Sequence[str] = ()) -> Dict[str, str]:
    """``{detail name: column}``: unique without regard to case, at most a few hundred
    (:mod:`..core.nominatim.columns`); details left out are still in ``raw_json``."""
    return assign_columns(detail_names(places), existing, FIXED_NAMES)


def place_fields(places: Iterable[Place] = ()) -> QgsFields:
    """The fields for ``places``: fixed fields, detail columns, ``raw_json``."""
    fields = QgsFields()
    for name, kind in BASE_FIELDS:
        fields.append(compat.field(name, kind))
    for column in dict.fromkeys(detail_columns(places).values()):
        fields.append(compat.field(column))
    fields.append(compat.field(RAW_FIELD))
    return fields


def raw_json(place: Place) -> str:
    raw = {k: v for k, v in place.raw.items() if k not in _OUTLINE_KEYS}
    return json.dumps(raw, ensure_ascii=False, separators=(",", ":"))


def place_values(place: Place, columns: Optional[Dict[str, str]] = None) -> Dict[str, object]:
    """Attribute values of ``place`` by column name (details through ``columns``, see
    :func:`detail_columns`; a detail without a column is left out)."""
    if columns is None:
        columns = detail_columns([place])
    values: Dict[str, object] = {
        "place_id": place.place_id,
        "osm_type": place.osm_type,
        "osm_id": place.osm_id,
        "lat": place.lat,
        "lon": place.lon,
        "category": place.category,
        "type": place.type,
        "place_rank": place.place_rank,
        "importance": place.importance,
        "addresstype": place.addresstype,
        "name": place.name,
        "display_name": place.display_name,
        RAW_FIELD: raw_json(place),
    }
    for attr, prefix in PREFIXES:
        for key, value in getattr(place, attr).items():
            column = columns.get(prefix + key)
            if column is not None:
                values[column] = value
    return values


def geometry_from_geojson(geometry: Optional[dict]) -> QgsGeometry:
    """A QGIS geometry from a GeoJSON geometry dict (empty geometry when unreadable)."""
    if not geometry:
        return QgsGeometry()
    from osgeo import ogr

    ogr_geometry = ogr.CreateGeometryFromJson(json.dumps(geometry))
    if ogr_geometry is None:
        return QgsGeometry()
    result = QgsGeometry()
    result.fromWkb(bytes(ogr_geometry.ExportToIsoWkb()))
    return result


def outline_kind(place: Place) -> Optional[str]:
    """``polygons``/``lines`` for a place with an areal or linear outline, else ``None``."""
    if not place.outline:
        return None
    kind = str(place.outline.get("type", ""))
    if kind in ("Polygon", "MultiPolygon"):
        return POLYGONS
    if kind in ("LineString", "MultiLineString"):
        return LINES
    return None


def point_geometry(place: Place) -> QgsGeometry:
    return QgsGeometry.fromPointXY(QgsPointXY(place.lon, place.lat))


def outline_geometry(place: Place) -> QgsGeometry:
    """The outline as a multi geometry (the layers are multi-typed)."""
    geometry = geometry_from_geojson(place.outline)
    if not geometry.isEmpty() and not geometry.isMultipart():
        geometry.convertToMultiType()
    return geometry


def make_feature(place: Place, fields: QgsFields, geometry: QgsGeometry) -> QgsFeature:
    feature = QgsFeature(fields)
    columns = detail_columns([place], fields.names())
    for name, value in place_values(place, columns).items():
        index = fields.indexOf(name)
        if index >= 0 and value is not None:
            feature.setAttribute(index, value)
    feature.setGeometry(geometry)
    return feature


def layer_names() -> Dict[str, str]:
    """Display names of the result layers (translated when called, never at import)."""
    return {
        POINTS: QCoreApplication.translate("NominatimLayers", "Nominatim points"),
        POLYGONS: QCoreApplication.translate("NominatimLayers", "Nominatim outlines"),
        LINES: QCoreApplication.translate("NominatimLayers", "Nominatim outlines (lines)"),
    }


RESULT_COLOUR = "#d6336c"  # one colour for every search result: points and outlines


def style_result_layer(layer: QgsVectorLayer, role: str) -> None:
    """Results read over any map: outlines hollow (a coloured stroke over a light, mostly
    transparent fill, so the map under a country or a town stays visible), points as markers."""
    from qgis.core import QgsFillSymbol, QgsLineSymbol, QgsMarkerSymbol, QgsSingleSymbolRenderer

    if role == POLYGONS:
        symbol = QgsFillSymbol.createSimple(
            {
                "color": "214,51,108,25",
                "style": "solid",
                "outline_color": RESULT_COLOUR,
                "outline_width": "0.6",
            }
        )
    elif role == LINES:
        symbol = QgsLineSymbol.createSimple({"line_color": RESULT_COLOUR, "line_width": "0.8"})
    else:
        symbol = QgsMarkerSymbol.createSimple(
            {
                "name": "circle",
                "color": RESULT_COLOUR,
                "size": "3",
                "outline_color": "#ffffff",
                "outline_width": "0.4",
            }
        )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def new_layer(role: str, fields: QgsFields, name: Optional[str] = None) -> QgsVectorLayer:
    """An empty memory layer for ``role`` (points/polygons/lines) in EPSG:4326, styled."""
    uri = f"{QgsWkbTypes.displayString(_WKB[role])}?crs={CRS}"
    layer = QgsVectorLayer(uri, name or layer_names()[role], "memory")
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    layer.setCustomProperty(ROLE_PROPERTY, role)
    style_result_layer(layer, role)
    return layer


class ResultLayers:
    """The session's result layers in ``project``: found by their role, made when missing."""

    def __init__(self, project: Optional[QgsProject] = None) -> None:
        self.project = project or QgsProject.instance()

    def layer(self, role: str) -> Optional[QgsVectorLayer]:
        for layer in self.project.mapLayers().values():
            if isinstance(layer, QgsVectorLayer) and layer.customProperty(ROLE_PROPERTY) == role:
                return layer
        return None

    def _layer_for(self, role: str, places: Sequence[Place]) -> QgsVectorLayer:
        layer = self.layer(role)
        if layer is None:
            layer = new_layer(role, place_fields(places))
            self.project.addMapLayer(layer)
            return layer
        existing = layer.fields().names()
        missing = new_columns(detail_columns(places, existing), existing)
        if missing:
            layer.dataProvider().addAttributes([compat.field(name) for name in missing])
            layer.updateFields()
        return layer

    def add(self, places: Sequence[Place]) -> Dict[str, int]:
        """Append ``places`` (points, and outlines where there are some); counts by role."""
        counts = {POINTS: 0, POLYGONS: 0, LINES: 0}
        if not places:
            return counts
        groups = {POINTS: list(places), POLYGONS: [], LINES: []}
        for place in places:
            kind = outline_kind(place)
            if kind:
                groups[kind].append(place)
        for role, members in groups.items():
            if not members:
                continue
            layer = self._layer_for(role, members)
            fields = layer.fields()
            features = [
                make_feature(
                    place,
                    fields,
                    point_geometry(place) if role == POINTS else outline_geometry(place),
                )
                for place in members
            ]
            ok, _ = layer.dataProvider().addFeatures(features)
            if ok:
                counts[role] = len(features)
            layer.updateExtents()
            layer.triggerRepaint()
        return counts


def scratch_result_layers(project: Optional[QgsProject] = None) -> Dict[str, QgsVectorLayer]:
    """The result layers of ``project`` that are temporary (memory) layers, by role: lost when
    the project is closed."""
    project = project or QgsProject.instance()
    found: Dict[str, QgsVectorLayer] = {}
    for layer in project.mapLayers().values():
        role = layer.customProperty(ROLE_PROPERTY) if isinstance(layer, QgsVectorLayer) else None
        if role in _WKB and layer.providerType() == "memory":
            found.setdefault(role, layer)
    return found


def table_name(role: str) -> str:
    return f"nominatim_{role}"


class SaveError(Exception):
    """A result layer could not be written; the message says why."""


def save_results(path: str, project: Optional[QgsProject] = None) -> Dict[str, QgsVectorLayer]:
    """Write the temporary result layers (every feature and attribute) into the GeoPackage
    ``path``, one table per layer, and put the saved layers in their place in the project:
    same name, style, position in the layer tree; later results are added to them. Returns the
    new layers by role (none when there was nothing to save). A file that already holds saved
    results of the project gets the tables added; any other file is replaced."""
    project = project or QgsProject.instance()
    scratch = scratch_result_layers(project)
    if not scratch:
        return {}
    path = os.path.abspath(path)
    new_file = not _file_in_use(path, project)
    saved: Dict[str, QgsVectorLayer] = {}
    for role in (POINTS, POLYGONS, LINES):
        layer = scratch.get(role)
        if layer is None:
            continue
        message = compat.write_gpkg_layer(
            layer, path, table_name(role), project.transformContext(), new_file
        )
        if message:
            raise SaveError(message)
        new_file = False
        saved[role] = _replace_layer(layer, f"{path}|layername={table_name(role)}", project)
    return saved


def _file_in_use(path: str, project: QgsProject) -> bool:
    for layer in project.mapLayers().values():
        source = layer.source().split("|")[0]
        if layer.providerType() == "ogr" and os.path.abspath(source) == path:
            return True
    return False


def _replace_layer(old: QgsVectorLayer, uri: str, project: QgsProject) -> QgsVectorLayer:
    new = QgsVectorLayer(uri, old.name(), "ogr")
    if not new.isValid():
        raise SaveError(uri)
    style = QgsMapLayerStyle()
    style.readFromLayer(old)
    style.writeToLayer(new)
    new.setCustomProperty(ROLE_PROPERTY, old.customProperty(ROLE_PROPERTY))
    root = project.layerTreeRoot()
    node = root.findLayer(old.id())
    parent = node.parent() if node is not None else root
    index = parent.children().index(node) if node is not None else 0
    visible = node.itemVisibilityChecked() if node is not None else True
    project.addMapLayer(new, False)
    inserted = parent.insertLayer(index, new)
    inserted.setItemVisibilityChecked(visible)
    project.removeMapLayer(old.id())
    return new


def crs() -> QgsCoordinateReferenceSystem:
    return QgsCoordinateReferenceSystem(CRS)
