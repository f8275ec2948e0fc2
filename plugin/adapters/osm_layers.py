"""The layers of a download in the project: open, style, group and find them again.

A download is one GeoPackage (written by :mod:`..core.gpkg`) with the layers ``osm_points``,
``osm_lines``, ``osm_polygons`` and ``osm_relations``. Each QGIS layer opened from it carries two
custom properties, saved with the project, so the other features find it whatever its display name:

* ``osm_roundtrip/gpkg`` -- absolute path of the GeoPackage,
* ``osm_roundtrip/role`` -- the table it shows (one of :data:`..core.osm.features.LAYERS`).

The identity columns (``fid``, ``osm_type``, ``osm_id``, ``osm_version``, ``osm_incomplete``) are
read-only in the attribute form; every other column is a tag and is edited in the attribute table.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsEditorWidgetSetup,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsLayerTreeGroup,
    QgsLayerTreeLayer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProject,
    QgsProviderRegistry,
    QgsRendererCategory,
    QgsSimpleLineSymbolLayer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..core.errors import QT_TRANSLATE_NOOP
from ..core.gpkg import META
from ..core.gpkg_check import connect_readonly
from ..core.osm.features import (
    FID,
    INCOMPLETE,
    LAYERS,
    LINES,
    MEMBERS,
    OSM_ID,
    OSM_TYPE,
    OSM_VERSION,
    OTHER_TAGS,
    POINTS,
    POLYGONS,
    RELATIONS,
)
from . import compat

GPKG_PROPERTY = "osm_roundtrip/gpkg"
ROLE_PROPERTY = "osm_roundtrip/role"
GROUP_PROPERTY = "osm_roundtrip/gpkg"  # also set on the layer-tree group of a download

READ_ONLY_FIELDS = (FID, OSM_TYPE, OSM_ID, OSM_VERSION, INCOMPLETE)
MULTILINE_FIELDS = (OTHER_TAGS, MEMBERS)
# Points on top, the geometry-less relations table last.
TREE_ORDER = (POINTS, LINES, POLYGONS, RELATIONS)
# Labels are drawn when the map is at least this detailed (scale denominator).
LABEL_MAX_SCALE = 8000
DETAIL_MAX_SCALE = 25000  # points and minor ways are drawn from this scale in (1:25,000)
MINOR_LEVEL = 3  # line categories at or below this level are minor (paths, tracks, barriers)


# ---------------------------------------------------------------------------------------------
# Finding the layers of a download
# ---------------------------------------------------------------------------------------------


def normalized_path(path) -> str:
    """The form in which a GeoPackage path is stored and compared."""
    return os.path.normcase(os.path.abspath(os.fspath(path)))


def layer_uri(gpkg_path, role: str) -> str:
    return f"{os.fspath(gpkg_path)}|layername={role}"


def layer_gpkg(layer) -> Optional[str]:
    """GeoPackage path of an OSM layer, or ``None`` when ``layer`` is not one.

    Uses the layer's custom property; a layer the user opened by hand (e.g. from the Browser) is
    recognised by its source: one of the four tables of a GeoPackage holding the base snapshot.
    """
    if not isinstance(layer, QgsVectorLayer):
        return None
    stored = layer.customProperty(GPKG_PROPERTY)
    if stored:
        return str(stored)
    path, role = _decoded_source(layer)
    if path and role in LAYERS and is_download_gpkg(path):
        return normalized_path(path)
    return None


def layer_role(layer) -> Optional[str]:
    """``osm_points`` / ``osm_lines`` / ``osm_polygons`` / ``osm_relations`` or ``None``."""
    if not isinstance(layer, QgsVectorLayer):
        return None
    stored = layer.customProperty(ROLE_PROPERTY)
    if stored in LAYERS:
        return str(stored)
    if layer_gpkg(layer) is None:
        return None
    return _decoded_source(layer)[1]


def _decoded_source(layer: QgsVectorLayer) -> Tuple[Optional[str], Optional[str]]:
    if layer.providerType() != "ogr":
        return None, None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    return parts.get("path") or None, parts.get("layerName") or None


def is_download_gpkg(path) -> bool:
    """Does ``path`` look like a download's GeoPackage (the four layers and the snapshot)?"""
    path = os.fspath(path)
    if not os.path.isfile(path):
        return False
    try:
        connection = connect_readonly(path)
    except sqlite3.Error:
        return False
    try:
        names = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
    except sqlite3.Error:
        return False
    finally:
        connection.close()
    return META in names and all(name in names for name in LAYERS)


def find_osm_layers(project: Optional[QgsProject] = None) -> Dict[str, Dict[str, QgsVectorLayer]]:
    """Every download in the project: ``{gpkg path: {role: layer}}``.

    When a table is open in several layers, the first in the layer tree wins.
    """
    project = project or QgsProject.instance()
    found: Dict[str, Dict[str, QgsVectorLayer]] = {}
    ordered = [node.layer() for node in project.layerTreeRoot().findLayers()]
    ordered += [layer for layer in project.mapLayers().values() if layer not in ordered]
    for layer in ordered:
        path = layer_gpkg(layer)
        if path is None:
            continue
        role = layer_role(layer)
        found.setdefault(normalized_path(path), {}).setdefault(role, layer)
    return found


def download_layers(gpkg_path, project: Optional[QgsProject] = None) -> Dict[str, QgsVectorLayer]:
    """``{role: layer}`` of the download stored in ``gpkg_path`` (empty when not loaded)."""
    return find_osm_layers(project).get(normalized_path(gpkg_path), {})


def has_unsaved_edits(layers: Sequence[QgsVectorLayer]) -> bool:
    return any(layer.isEditable() and layer.isModified() for layer in layers)


def remove_download(gpkg_path, project: Optional[QgsProject] = None) -> None:
    """Remove the layers of a download (and its group when left empty) from the project."""
    project = project or QgsProject.instance()
    key = normalized_path(gpkg_path)
    layers = [layer for layer in project.mapLayers().values() if _same_path(layer_gpkg(layer), key)]
    project.removeMapLayers([layer.id() for layer in layers])
    root = project.layerTreeRoot()
    for group in _groups(root):
        if _same_path(group.customProperty(GROUP_PROPERTY), key) and not group.children():
            group.parent().removeChildNode(group)


def _same_path(value, key: str) -> bool:
    return bool(value) and normalized_path(str(value)) == key


def _groups(root: QgsLayerTreeGroup) -> List[QgsLayerTreeGroup]:
    result = []
    for child in root.children():
        if isinstance(child, QgsLayerTreeGroup):
            result.append(child)
            result.extend(_groups(child))
    return result


# ---------------------------------------------------------------------------------------------
# Opening a download
# ---------------------------------------------------------------------------------------------


def open_download(
    gpkg_path,
    group_name: Optional[str] = None,
    project: Optional[QgsProject] = None,
) -> Dict[str, QgsVectorLayer]:
    """Add the four layers of the GeoPackage to the project under one group, styled.

    Returns ``{role: layer}``. The group (named ``group_name``, default the file's name) is
    inserted at the top of the layer tree. Raises :class:`ValueError` when a table cannot be
    opened.
    """
    project = project or QgsProject.instance()
    path = normalized_path(gpkg_path)
    name = group_name or os.path.splitext(os.path.basename(path))[0]
    layers: Dict[str, QgsVectorLayer] = {}
    for role in TREE_ORDER:
        layer = QgsVectorLayer(layer_uri(path, role), role, "ogr")
        if not layer.isValid():
            raise ValueError(
                QCoreApplication.translate(
                    "OsmLayers", "The layer {layer} of {path} cannot be opened."
                ).format(layer=role, path=path)
            )
        configure_layer(layer, path, role)
        layers[role] = layer

    root = project.layerTreeRoot()
    group = root.insertGroup(0, name)
    group.setCustomProperty(GROUP_PROPERTY, path)
    project.addMapLayers(list(layers.values()), False)
    for role in TREE_ORDER:
        # about 40 legend rows otherwise: opened on demand. Folded before the node enters the
        # tree, so that the layer tree view takes the folded state when it adds the row.
        node = QgsLayerTreeLayer(layers[role])
        node.setExpanded(False)
        group.addChildNode(node)
    group.setExpanded(True)
    return layers


def start_editing(layer: QgsVectorLayer, canvas=None) -> bool:
    """``layer.startEditing()`` once the map ``canvas`` has finished the drawing in progress.

    When editing starts, QGIS opens the GeoPackage again for writing and switches it to WAL,
    while its map renders read the file through connections without locks. A render reading
    the file in that moment can make the first reads after the start fail: no features, "At
    least one of the required GeoPackage tables, gpkg_spatial_ref_sys or gpkg_contents, is
    missing" (QGIS 3.22 to 3.44). Waiting for the drawing in progress avoids that; the next one
    starts after editing started.
    """
    if canvas is not None and canvas.isDrawing():
        canvas.waitWhileRendering()
    return layer.startEditing()


def configure_layer(layer: QgsVectorLayer, gpkg_path, role: str) -> None:
    """Properties, attribute form and style of one OSM layer (also for Processing outputs)."""
    layer.setCustomProperty(GPKG_PROPERTY, normalized_path(gpkg_path))
    layer.setCustomProperty(ROLE_PROPERTY, role)
    configure_form(layer)
    names = layer.fields().names()
    display = f'"{OSM_TYPE}" || \' \' || "{OSM_ID}"'
    if "name" in names:
        display = f'coalesce("name", {display})'
    layer.setDisplayExpression(display)
    if role in STYLES:
        apply_style(layer, role)


def configure_form(layer: QgsVectorLayer) -> None:
    """Identity columns read-only, JSON columns multi-line, tags as plain text fields."""
    config = layer.editFormConfig()
    fields = layer.fields()
    for index in range(fields.count()):
        name = fields.at(index).name()
        if name in READ_ONLY_FIELDS:
            config.setReadOnly(index, True)
        if name in MULTILINE_FIELDS:
            layer.setEditorWidgetSetup(
                index, QgsEditorWidgetSetup("TextEdit", {"IsMultiline": True, "UseHtml": False})
            )
        elif name == INCOMPLETE:
            layer.setEditorWidgetSetup(
                index,
                QgsEditorWidgetSetup("CheckBox", {"CheckedState": "1", "UncheckedState": "0"}),
            )
        elif name not in (FID, OSM_ID, OSM_VERSION):
            layer.setEditorWidgetSetup(
                index, QgsEditorWidgetSetup("TextEdit", {"IsMultiline": False, "UseHtml": False})
            )
    layer.setEditFormConfig(config)


# ---------------------------------------------------------------------------------------------
# Styles: one category per kind of feature, colours after the OpenStreetMap standard map
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Category:
    """Features whose ``key`` has one of ``values`` (with no values: any value but "no")."""

    key: str
    values: Tuple[str, ...]
    label: str  # English; translated when the style is built
    symbol: dict
    level: int = 0  # drawing order: higher on top


def _when(category: Category) -> str:
    column = '"' + category.key.replace('"', '""') + '"'
    if category.values:
        listed = ", ".join("'" + value.replace("'", "''") + "'" for value in category.values)
        return f"{column} IN ({listed})"
    return f"({column} IS NOT NULL AND {column} NOT IN ('', 'no'))"


def _c(key, values, level, label, **symbol) -> Category:
    return Category(key, tuple(values), label, symbol, level)


# Labels are marked for translation here and translated when the style is built.
# fmt: off
POINT_CATEGORIES = (
    _c("place", (), 6,
       QT_TRANSLATE_NOOP("OsmLayers", "Places"),
       color="#222222", size=3.0, shape="diamond"),
    _c("shop", (), 5,
       QT_TRANSLATE_NOOP("OsmLayers", "Shops"),
       color="#ac39ac", size=2.6),
    _c("amenity", (), 5,
       QT_TRANSLATE_NOOP("OsmLayers", "Amenities"),
       color="#c77400", size=2.6),
    _c("tourism", (), 5,
       QT_TRANSLATE_NOOP("OsmLayers", "Tourism"),
       color="#0092da", size=2.6),
    _c("public_transport", (), 4,
       QT_TRANSLATE_NOOP("OsmLayers", "Public transport"),
       color="#0a5ec2", size=2.4, shape="square"),
    _c("highway", ("bus_stop",), 4,
       QT_TRANSLATE_NOOP("OsmLayers", "Public transport"),
       color="#0a5ec2", size=2.4, shape="square"),
    _c("natural", ("tree",), 1,
       QT_TRANSLATE_NOOP("OsmLayers", "Trees"),
       color="#5b9e4d", size=1.6),
    _c("entrance", (), 2,
       QT_TRANSLATE_NOOP("OsmLayers", "Entrances"),
       color="#7d6b5d", size=1.4, shape="square"),
    _c("addr:housenumber", (), 2,
       QT_TRANSLATE_NOOP("OsmLayers", "Addresses"),
       color="#8d8d8d", size=1.4),
)
LINE_CATEGORIES = (
    _c("highway", ("motorway", "motorway_link", "trunk", "trunk_link"),
       9, QT_TRANSLATE_NOOP("OsmLayers", "Motorways and trunk roads"),
       color="#e892a2", casing="#c24e6b", width=1.6),
    _c("highway", ("primary", "primary_link"), 8,
       QT_TRANSLATE_NOOP("OsmLayers", "Primary roads"),
       color="#fcd6a4", casing="#a06b00", width=1.4),
    _c("highway", ("secondary", "secondary_link"), 7,
       QT_TRANSLATE_NOOP("OsmLayers", "Secondary roads"),
       color="#f7fabf", casing="#707d05", width=1.3),
    _c("highway", ("tertiary", "tertiary_link"), 6,
       QT_TRANSLATE_NOOP("OsmLayers", "Tertiary roads"),
       color="#ffffff", casing="#8f8f8f", width=1.2),
    _c("highway", ("residential", "unclassified", "living_street", "road"),
       5, QT_TRANSLATE_NOOP("OsmLayers", "Local streets"),
       color="#ffffff", casing="#a8a8a8", width=1.0),
    _c("highway", ("service",), 4,
       QT_TRANSLATE_NOOP("OsmLayers", "Service roads"),
       color="#ffffff", casing="#bbbbbb", width=0.7),
    _c("highway", ("footway", "path", "pedestrian", "steps", "cycleway", "bridleway"),
       3, QT_TRANSLATE_NOOP("OsmLayers", "Paths"),
       color="#fa8072", width=0.5, dash=True),
    _c("highway", ("track",), 3,
       QT_TRANSLATE_NOOP("OsmLayers", "Tracks"),
       color="#996600", width=0.5, dash=True),
    _c("railway", (), 6,
       QT_TRANSLATE_NOOP("OsmLayers", "Railways"),
       color="#707070", width=0.8, dash=True),
    _c("waterway", (), 2,
       QT_TRANSLATE_NOOP("OsmLayers", "Waterways"),
       color="#4a90c8", width=0.8),
    _c("power", (), 1,
       QT_TRANSLATE_NOOP("OsmLayers", "Power lines"),
       color="#9a9a9a", width=0.3),
    _c("barrier", (), 1,
       QT_TRANSLATE_NOOP("OsmLayers", "Barriers"),
       color="#6e6e6e", width=0.3),
    _c("highway", (), 4,
       QT_TRANSLATE_NOOP("OsmLayers", "Other roads"),
       color="#ffffff", casing="#bbbbbb", width=0.7),
)
POLYGON_CATEGORIES = (
    _c("building", (), 9,
       QT_TRANSLATE_NOOP("OsmLayers", "Buildings"),
       fill="#d9d0c9", outline="#b5a698"),
    _c("natural", ("water",), 6,
       QT_TRANSLATE_NOOP("OsmLayers", "Water"),
       fill="#aad3df", outline="#6aa4c0"),
    _c("waterway", ("riverbank", "dock"), 6,
       QT_TRANSLATE_NOOP("OsmLayers", "Water"),
       fill="#aad3df", outline="#6aa4c0"),
    _c("amenity", ("parking",), 5,
       QT_TRANSLATE_NOOP("OsmLayers", "Parking"),
       fill="#eeeeee", outline="#b8b8b8"),
    _c("leisure", ("pitch", "track", "sports_centre", "stadium"), 5,
       QT_TRANSLATE_NOOP("OsmLayers", "Sports"),
       fill="#aae0cb", outline="#76c2a2"),
    _c("leisure", ("park", "garden", "playground"), 4,
       QT_TRANSLATE_NOOP("OsmLayers", "Parks"),
       fill="#c8facc", outline="#8fd896"),
    _c("landuse", ("forest",), 3,
       QT_TRANSLATE_NOOP("OsmLayers", "Forest"),
       fill="#add19e", outline="#8cb47a"),
    _c("natural", ("wood", "scrub"), 3,
       QT_TRANSLATE_NOOP("OsmLayers", "Forest"),
       fill="#add19e", outline="#8cb47a"),
    _c("landuse", ("grass", "meadow", "village_green", "recreation_ground"),
       3, QT_TRANSLATE_NOOP("OsmLayers", "Grass"),
       fill="#cdebb0", outline="#a8d38a"),
    _c("natural", ("grassland", "heath"), 3,
       QT_TRANSLATE_NOOP("OsmLayers", "Grass"),
       fill="#cdebb0", outline="#a8d38a"),
    _c("landuse", ("farmland", "orchard", "vineyard", "allotments"), 2,
       QT_TRANSLATE_NOOP("OsmLayers", "Farmland"),
       fill="#eef0d5", outline="#c9cda5"),
    _c("landuse", ("residential",), 1,
       QT_TRANSLATE_NOOP("OsmLayers", "Residential"),
       fill="#e0dfdf", outline="#c6c6c6"),
    _c("landuse", ("commercial", "retail"), 1,
       QT_TRANSLATE_NOOP("OsmLayers", "Commercial"),
       fill="#f2dad9", outline="#d9b2b0"),
    _c("landuse", ("industrial", "railway"), 1,
       QT_TRANSLATE_NOOP("OsmLayers", "Industrial"),
       fill="#ebdbe8", outline="#cfb6cb"),
    _c("amenity", (), 2,
       QT_TRANSLATE_NOOP("OsmLayers", "Amenities"),
       fill="#f0e8d8", outline="#c7a97c"),
    _c("landuse", (), 0,
       QT_TRANSLATE_NOOP("OsmLayers", "Other land use"),
       fill="#f2efe9", outline="#cbc4b5"),
)
# fmt: on
STYLES = {POINTS: POINT_CATEGORIES, LINES: LINE_CATEGORIES, POLYGONS: POLYGON_CATEGORIES}
OTHER = "other"


def _label(text: str) -> str:
    return QCoreApplication.translate("OsmLayers", text)


def _symbol(role: str, spec: dict):
    if role == POINTS:
        return QgsMarkerSymbol.createSimple(
            {
                "name": spec.get("shape", "circle"),
                "color": spec["color"],
                "size": str(spec["size"]),
                "outline_color": "#ffffff",
                "outline_width": "0.3",
            }
        )
    if role == LINES:
        width = spec["width"]
        line = {
            "line_color": spec["color"],
            "line_width": str(width),
            "capstyle": "round",
            "joinstyle": "round",
        }
        if spec.get("dash"):
            line.update({"use_custom_dash": "1", "customdash": "1.5;1", "capstyle": "flat"})
        symbol = QgsLineSymbol.createSimple(line)
        if spec.get("casing"):
            casing = QgsSimpleLineSymbolLayer(QColor(spec["casing"]), width + 0.5)
            casing.setPenCapStyle(Qt.PenCapStyle.RoundCap)
            casing.setPenJoinStyle(Qt.PenJoinStyle.RoundJoin)
            symbol.insertSymbolLayer(0, casing)
        return symbol
    return QgsFillSymbol.createSimple(
        {
            "color": spec["fill"],
            "outline_color": spec["outline"],
            "outline_width": "0.2",
            "style": "solid",
        }
    )


def detail_labels(role: str, categories: Sequence[Category]) -> List[str]:
    """The classes that are details: points (but places) and minor ways, drawn only from
    :data:`DETAIL_MAX_SCALE` in, so that a town at 1:50,000 is not a blob of dots."""
    if role == POINTS:
        return [c.label for c in categories if c.key != "place"] + [OTHER]
    if role == LINES:
        return [c.label for c in categories if c.level <= MINOR_LEVEL] + [OTHER]
    return []


def _only_in_detail(expression: str, labels: Sequence[str]) -> str:
    """``expression`` giving no class (nothing drawn) to ``labels`` beyond the detail scale."""
    if not labels:
        return expression
    listed = ", ".join("'" + label.replace("'", "''") + "'" for label in labels)
    return (
        f"CASE WHEN @map_scale > {DETAIL_MAX_SCALE} AND ({expression}) IN ({listed}) "
        f"THEN NULL ELSE {expression} END"
    )


def _other_spec(role: str) -> dict:
    if role == POINTS:
        return {"color": "#7a7a7a", "size": 1.8}
    if role == LINES:
        return {"color": "#8a8a8a", "width": 0.4}
    return {"fill": "#f4f4f0", "outline": "#9a9a9a"}


def style_categories(role: str, field_names: Sequence[str]) -> List[Category]:
    """The categories that apply to a layer with these columns (one per label, first wins)."""
    present = set(field_names)
    return [category for category in STYLES[role] if category.key in present]


def classification_expression(categories: Sequence[Category]) -> str:
    """``CASE`` expression that gives the label of the first matching category, else 'other'."""
    if not categories:
        return f"'{OTHER}'"
    whens = " ".join(
        f"WHEN {_when(c)} THEN '{c.label.replace(chr(39), chr(39) * 2)}'" for c in categories
    )
    return f"CASE {whens} ELSE '{OTHER}' END"


INCOMPLETE_CLASS = "incomplete"


def _incomplete_symbol(role: str):
    """Cut by the download's box: drawn from the part that is there, so it looks unfinished."""
    if role == LINES:
        return QgsLineSymbol.createSimple(
            {
                "line_color": "#7b5ea7",
                "line_width": "0.6",
                "use_custom_dash": "1",
                "customdash": "0.8;0.8",
                "capstyle": "flat",
            }
        )
    return QgsFillSymbol.createSimple(  # an outline only: cut areas are often large
        {
            "color": "0,0,0,0",
            "style": "no",
            "outline_color": "#7b5ea7",
            "outline_width": "0.5",
            "outline_style": "dash",
        }
    )


def apply_style(layer: QgsVectorLayer, role: str) -> None:
    """Categorised renderer over the OSM tags (only those present in the layer), plus labels.

    Lines and polygons cut by the download's box (``osm_incomplete``) get a class of their own
    (dashed outlines), drawn under the rest."""
    names = layer.fields().names()
    categories = style_categories(role, names)
    expression = _only_in_detail(
        classification_expression(categories), sorted(set(detail_labels(role, categories)))
    )
    flagged = role in (LINES, POLYGONS) and INCOMPLETE in names
    if flagged:
        expression = (
            f"CASE WHEN \"{INCOMPLETE}\" = 1 THEN '{INCOMPLETE_CLASS}' ELSE {expression} END"
        )
    renderer = QgsCategorizedSymbolRenderer(expression, [])
    seen: Dict[str, int] = {}
    for category in categories:
        if category.label in seen:
            continue
        seen[category.label] = category.level
        renderer.addCategory(
            QgsRendererCategory(
                category.label, _symbol(role, category.symbol), _label(category.label)
            )
        )
    renderer.addCategory(
        QgsRendererCategory(
            OTHER,
            _symbol(role, _other_spec(role)),
            QCoreApplication.translate("OsmLayers", "Other"),
        )
    )
    if flagged:
        renderer.addCategory(
            QgsRendererCategory(
                INCOMPLETE_CLASS,
                _incomplete_symbol(role),
                QCoreApplication.translate("OsmLayers", "Incomplete (cut by the download area)"),
            )
        )
    # Draw order: land use under buildings, small roads under big ones, trees under shops.
    levels = {INCOMPLETE_CLASS: -2, OTHER: -1, **seen}
    order = " ".join(f"WHEN '{label}' THEN {level}" for label, level in levels.items())
    expression = (
        f"CASE {renderer.classAttribute()} {order} ELSE -1 END" if categories or flagged else ""
    )
    if expression:
        renderer.setOrderBy(
            QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause(expression, True)])
        )
        renderer.setOrderByEnabled(True)
    layer.setRenderer(renderer)
    if role == LINES:
        _enable_casing_levels(renderer)
    _apply_labels(layer, role)
    layer.triggerRepaint()


def _enable_casing_levels(renderer: QgsCategorizedSymbolRenderer) -> None:
    """Road casings are drawn below every road fill, so junctions join cleanly."""
    renderer.setUsingSymbolLevels(False)
    for category in renderer.categories():
        symbol = category.symbol()
        for index in range(symbol.symbolLayerCount()):
            symbol.symbolLayer(index).setRenderingPass(index)
    renderer.setUsingSymbolLevels(True)


def _apply_labels(layer: QgsVectorLayer, role: str) -> None:
    if "name" not in layer.fields().names():
        layer.setLabelsEnabled(False)
        return
    text = QgsTextFormat()
    font = QFont()
    font.setFamily("Sans Serif")
    text.setFont(font)
    text.setSize(8 if role != POLYGONS else 7.5)
    text.setColor(QColor("#333333" if role != POLYGONS else "#555555"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor(255, 255, 255, 220))
    text.setBuffer(buffer)
    settings = QgsPalLayerSettings()
    settings.fieldName = "name"
    settings.setFormat(text)
    settings.scaleVisibility = True
    settings.minimumScale = LABEL_MAX_SCALE
    settings.maximumScale = 0
    if role == LINES:
        settings.placement = compat.LABEL_CURVED
    elif role == POINTS:
        settings.placement = compat.LABEL_AROUND_POINT
        settings.dist = 1.0
    else:
        settings.placement = compat.LABEL_OVER_POINT
        settings.fitInPolygonOnly = True
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
