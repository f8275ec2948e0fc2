"""A feature's OSM tags as one dict, whatever columns the download gave them; the attribute form.

The layers of a download store tags as one column per common key plus ``other_tags`` (a JSON
object) for the rest (:mod:`..core.gpkg`). The tag editor only sees a ``{key: value}`` dict:

* :func:`read_tags` merges ``other_tags`` and the tag columns (the differ's reading,
  :func:`.upload_service.feature_tags`);
* :func:`column_values` places a dict back: a key with a column of exactly its name goes into
  that column, every other key (also one that differs from a column only in case, as
  :func:`..core.gpkg.plan_columns` assigns them) into ``other_tags``; a removed key becomes NULL
  or leaves the JSON;
* :func:`write_tags` writes a dict into the layer's edit buffer as one undoable edit command
  (never into the file).

The attribute form of an OSM layer shows the tag editor instead of one row per column
(:func:`use_tag_form`): a drag-and-drop layout holding only ``other_tags``, drawn by the editor
widget :data:`WIDGET_TYPE` (registered by the plugin, ``ui/tag_editor_form.py``), which also
reads and writes the tag columns. The attribute table keeps every column.
"""

from __future__ import annotations

import json
import logging
from typing import Callable, Dict, List, Mapping, Optional

from qgis.core import QgsAttributeEditorField, QgsEditorWidgetSetup

from ..core.osm.features import LINES, OTHER_TAGS, POINTS, POLYGONS, RELATIONS
from ..core.tags import TagSchema, load_tag_schema
from . import compat, osm_layers
from .upload_service import NOT_TAGS, feature_tags

logger = logging.getLogger("osm_roundtrip")

WIDGET_TYPE = "OsmRoundtripTags"
FORM_PROPERTY = "osm_roundtrip/tag_form"  # set on a layer whose form shows the tag editor
GEOMETRY_OF_ROLE = {POINTS: "point", LINES: "line", POLYGONS: "area", RELATIONS: "relation"}
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_schema: Dict[str, Optional[TagSchema]] = {}


# ---------------------------------------------------------------------------------------------
# The schema
# ---------------------------------------------------------------------------------------------


def tag_schema() -> Optional[TagSchema]:
    """The presets and fields, from the folder the validator reads (the plugin's copy, or the
    build's cache in a checkout); ``None`` when no folder has the tag editor's files."""
    if "schema" not in _schema:
        from .validation import schema_folders

        _schema["schema"] = None
        for folder in schema_folders():
            try:
                _schema["schema"] = load_tag_schema(folder)
                break
            except ValueError as error:
                logger.info("%s", error)
    return _schema["schema"]


def feature_label(tags: Mapping[str, str], geometry: str, lang: str = "") -> str:
    """What a feature is called in lists, in the user's language ("Café Central", "Bench"; see
    :meth:`..core.tags.TagSchema.feature_label`); without the schema its name or first tag."""
    from .i18n import language

    schema = tag_schema()
    if schema is not None:
        return schema.feature_label(tags, geometry, lang or language())
    if tags.get("name"):
        return str(tags["name"])
    return next((f"{k}={v}" for k, v in sorted(tags.items())), "")


def preset_names(lang: str = "") -> Optional[Callable[[str], str]]:
    """A preset's name in the user's language from its id (``amenity/bench`` → "Sitzbank" in
    German; English where the language has none), for the review's labels
    (:func:`..core.osm.labels.feature_label`); ``None`` without the schema."""
    from .i18n import language

    schema = tag_schema()
    if schema is None:
        return None
    lang = lang or language()
    return lambda preset_id: schema.preset_name(preset_id, lang)


def geometry_of(layer, tags: Optional[Mapping[str, str]] = None) -> str:
    """The preset geometry of a layer's features (a multipolygon relation is an area)."""
    role = osm_layers.layer_role(layer)
    if role == RELATIONS and tags and tags.get("type") in ("multipolygon", "boundary"):
        return "area"
    return GEOMETRY_OF_ROLE.get(role or "", "point")


# ---------------------------------------------------------------------------------------------
# Tags <-> columns
# ---------------------------------------------------------------------------------------------


def tag_fields(fields) -> List[str]:
    """The names of the columns holding one tag each (the name is the key)."""
    return [n for n in fields.names() if n.lower() not in NOT_TAGS]


def read_tags(feature) -> Dict[str, str]:
    """The OSM tags of a feature (of an OSM layer, with its fields)."""
    fields = feature.fields()
    return feature_tags(feature, fields.names(), tag_fields(fields))


def column_values(fields, tags: Mapping[str, str]) -> Dict[str, object]:
    """``{column: value}`` for every tag column and ``other_tags``: ``None`` is NULL."""
    columns = tag_fields(fields)
    values: Dict[str, object] = {name: None for name in columns}
    other: Dict[str, str] = {}
    for key, value in tags.items():
        if not key or value is None or value == "":
            continue
        if key in values:
            values[key] = value
        else:
            other[key] = value
    if fields.indexOf(OTHER_TAGS) >= 0:
        values[OTHER_TAGS] = _dumps(other) if other else None
    elif other:
        raise ValueError(f"the layer has no {OTHER_TAGS} column for {', '.join(sorted(other))}")
    return values


def _null(value) -> bool:
    return value is None or (hasattr(value, "isNull") and value.isNull()) or value == ""


def write_tags(layer, fid: int, tags: Mapping[str, str], text: str) -> bool:
    """Give feature ``fid`` exactly ``tags`` in the layer's edit buffer: one edit command named
    ``text`` (undoable), only the columns whose value changes. ``False`` when the layer is not
    editable or a value is refused."""
    if not layer.isEditable():
        return False
    feature = layer.getFeature(fid)
    if not feature.isValid():
        return False
    fields = layer.fields()
    changes = {}
    for name, value in column_values(fields, tags).items():
        index = fields.indexOf(name)
        old = feature.attribute(index)
        if (_null(old) and value is None) or (not _null(old) and old == value):
            continue
        changes[index] = value
    if not changes:
        return True
    layer.beginEditCommand(text)
    ok = all(
        layer.changeAttributeValue(fid, index, value, feature.attribute(index))
        for index, value in changes.items()
    )
    if ok:
        layer.endEditCommand()
    else:
        layer.destroyEditCommand()
    return ok


# ---------------------------------------------------------------------------------------------
# The attribute form
# ---------------------------------------------------------------------------------------------


def use_tag_form(layer) -> bool:
    """Let the attribute form of an OSM layer show the tag editor; ``False`` for other layers
    and layers without ``other_tags``."""
    if osm_layers.layer_role(layer) is None:
        return False
    fields = layer.fields()
    index = fields.indexOf(OTHER_TAGS)
    if index < 0:
        return False
    layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup(WIDGET_TYPE, {}))
    config = layer.editFormConfig()
    config.setLayout(compat.FORM_DRAG_AND_DROP)
    config.clearTabs()
    root = config.invisibleRootContainer()
    element = QgsAttributeEditorField(OTHER_TAGS, index, root)
    element.setShowLabel(False)
    root.addChildElement(element)
    layer.setEditFormConfig(config)
    layer.setCustomProperty(FORM_PROPERTY, True)
    return True


def use_plain_form(layer) -> None:
    """The form QGIS generates, one row per column (when the plugin is unloaded)."""
    if not layer.customProperty(FORM_PROPERTY):
        return
    config = layer.editFormConfig()
    config.setLayout(compat.FORM_GENERATED)
    config.clearTabs()
    layer.setEditFormConfig(config)
    osm_layers.configure_form(layer)
    layer.removeCustomProperty(FORM_PROPERTY)


def uses_tag_form(layer) -> bool:
    index = layer.fields().indexOf(OTHER_TAGS)
    return index >= 0 and layer.editorWidgetSetup(index).type() == WIDGET_TYPE
