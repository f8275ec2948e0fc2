"""What the review says about a change, in words a mapper knows (pure Python).

* :func:`feature_label` — the feature's ``name``, else the name of the tagging schema's preset
  its tags match ("Bench", "Footway"; in the user's language when the adapter passes the
  names, :func:`...adapters.tag_form.preset_names`), else its main tag; the one place that names
  a feature in the review;
* :func:`element_geometry` — the schema's geometry of an element (``point``, ``vertex``,
  ``line``, ``area``, ``relation``);
* :func:`change_details` — what a change does: each tag change as ``key: old → new`` (added
  ``+ key=value``, removed ``− key``), the tags of a create, "moved 12 m", "3 nodes added",
  followed by the differ's own notes ("also moves Lettstrasse (way 123)", …).
"""

from __future__ import annotations

import math
from typing import Callable, Iterable, List, Mapping, Optional, Tuple

from ..errors import CONTEXT, QT_TRANSLATE_NOOP, translate
from .diff import CREATE, DELETE, Change, Note
from .geometry import is_area
from .model import NODE, RELATION, WAY, DataSet, Element

# the differ's notes that compare an element with its base state: said in more detail here
DERIVED = frozenset(
    {
        "new",
        "moved",
        "nodes changed",
        "members changed",
        "tags: {changes}",
    }
)
# the tags that say what a feature is when no preset matches (iD's order, roughly)
MAIN_KEYS = (
    "amenity",
    "shop",
    "tourism",
    "leisure",
    "highway",
    "railway",
    "waterway",
    "natural",
    "landuse",
    "building",
    "barrier",
    "man_made",
    "power",
    "office",
    "craft",
    "historic",
    "emergency",
    "public_transport",
    "place",
    "boundary",
    "route",
    "type",
)
EARTH_RADIUS = 6371008.8  # metres (mean radius)
# a preset's name in the user's language from its id (``None`` or "" when it has none)
PresetNames = Callable[[str], Optional[str]]


def preset_name(preset_id: str, names: Optional[PresetNames] = None) -> str:
    """The name of a preset: ``names(preset id)`` when given (the adapters' names in the
    user's language), else made from the id's last part (``amenity/waste_basket`` → "Waste
    basket")."""
    name = names(preset_id) if names is not None else None
    if name:
        return name
    last = preset_id.rsplit("/", 1)[-1].replace("_", " ").strip()
    return last[:1].upper() + last[1:] if last else preset_id


def feature_label(
    tags: Mapping[str, str],
    geometry: str,
    schema=None,
    names: Optional[PresetNames] = None,
) -> str:
    """The feature's ``name`` tag, else its preset's name (``schema.match(tags, geometry)``,
    named by ``names``, see :func:`preset_name`), else its main tag ``key=value``; ``""`` for an
    untagged element."""
    name = (tags.get("name") or "").strip()
    if name:
        return name
    if not tags:
        return ""
    if schema is not None:
        preset = schema.match(tags, geometry)
        if preset is None and geometry == "vertex":
            preset = schema.match(tags, "point")
        if preset is not None and preset.tags:
            return preset_name(preset.id, names)
    for key in MAIN_KEYS:
        if key in tags:
            return f"{key}={tags[key]}"
    ref = tags.get("ref")
    return ref or ""


def element_geometry(element: Element, base: Optional[DataSet] = None, in_ways=()) -> str:
    """The schema's geometry of ``element``: a node is a ``vertex`` when one of the base's ways
    (or one of ``in_ways``, node lists) holds it, else a ``point``."""
    if element.type == NODE:
        node_id = element.id
        if any(node_id in refs for refs in in_ways):
            return "vertex"
        if base is not None and any(node_id in way.nodes for way in base.ways.values()):
            return "vertex"
        return "point"
    if element.type == WAY:
        nodes = element.nodes  # type: ignore[attr-defined]
        closed = len(nodes) > 3 and nodes[0] == nodes[-1]
        return "area" if closed and is_area(element.tags) else "line"
    if element.tags.get("type") in ("multipolygon", "boundary"):
        return "area"
    return "relation"


def distance_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """The great-circle distance in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS * math.asin(min(1.0, math.sqrt(a)))


def _distance_text(metres: float) -> str:
    if metres < 10:
        return f"{metres:.1f}"
    return str(round(metres))


def tag_changes(old: Mapping[str, str], new: Mapping[str, str]) -> List[Note]:
    """One note per changed key, in key order."""
    notes = []
    for key in sorted(set(old) | set(new)):
        if key not in old:
            added = QT_TRANSLATE_NOOP(CONTEXT, "+ {key}={value}")
            notes.append(Note(added, key=key, value=new[key]))
        elif key not in new:
            notes.append(Note(QT_TRANSLATE_NOOP(CONTEXT, "− {key}"), key=key))
        elif old[key] != new[key]:
            notes.append(
                Note(
                    QT_TRANSLATE_NOOP(CONTEXT, "{key}: {old} → {new}"),
                    key=key,
                    old=old[key],
                    new=new[key],
                )
            )
    return notes


def _listed_tags(tags: Mapping[str, str]) -> List[Note]:
    return [
        Note(QT_TRANSLATE_NOOP(CONTEXT, "{key}={value}"), key=key, value=tags[key])
        for key in sorted(tags)
    ]


def _added_removed(old: Iterable, new: Iterable) -> Tuple[int, int]:
    """How many of ``new`` are not in ``old``, and how many of ``old`` are not in ``new``."""
    old_set, new_set = set(old), set(new)
    return len(new_set - old_set), len(old_set - new_set)


def _node_changes(old: Iterable, new: Iterable) -> List[Note]:
    added, removed = _added_removed(old, new)
    notes = []
    if added:
        notes.append(Note(translate(CONTEXT, "%n nodes added", None, added), n=added))
    if removed:
        notes.append(Note(translate(CONTEXT, "%n nodes removed", None, removed), n=removed))
    return notes or [Note(QT_TRANSLATE_NOOP(CONTEXT, "nodes reordered"))]


def _member_changes(old: Iterable, new: Iterable) -> List[Note]:
    added, removed = _added_removed(old, new)
    notes = []
    if added:
        notes.append(Note(translate(CONTEXT, "%n members added", None, added), n=added))
    if removed:
        notes.append(Note(translate(CONTEXT, "%n members removed", None, removed), n=removed))
    return notes or [Note(QT_TRANSLATE_NOOP(CONTEXT, "members reordered"))]


def _old(change: Change, base: DataSet) -> Optional[Element]:
    element = change.element
    table = {NODE: base.nodes, WAY: base.ways, RELATION: base.relations}[element.type]
    return table.get(element.id)


def change_details(change: Change, base: Optional[DataSet] = None) -> List[Note]:
    """What ``change`` does, most telling first, then the differ's other notes."""
    base = base or DataSet()
    element = change.element
    details: List[Note] = []
    old = _old(change, base) if change.action != CREATE else None
    if change.action == CREATE:
        if element.type == WAY:
            count = len(element.nodes)  # type: ignore[attr-defined]
            details.append(Note(translate(CONTEXT, "%n nodes", None, count), n=count))
        elif element.type == RELATION:
            count = len(element.members)  # type: ignore[attr-defined]
            details.append(Note(translate(CONTEXT, "%n members", None, count), n=count))
        details.extend(_listed_tags(element.tags))
    elif change.action != DELETE and old is not None:
        if element.type == NODE:
            metres = distance_m(old.lon, old.lat, element.lon, element.lat)  # type: ignore[attr-defined]
            if (old.lon, old.lat) != (element.lon, element.lat):  # type: ignore[attr-defined]
                details.append(
                    Note(
                        QT_TRANSLATE_NOOP(CONTEXT, "moved {distance} m"),
                        distance=_distance_text(metres),
                    )
                )
        elif element.type == WAY:
            old_nodes, new_nodes = old.nodes, element.nodes  # type: ignore[attr-defined]
            if old_nodes != new_nodes:
                details.extend(_node_changes(old_nodes, new_nodes))
        else:
            old_members = [(m.type, m.ref, m.role) for m in old.members]  # type: ignore[attr-defined]
            new_members = [(m.type, m.ref, m.role) for m in element.members]  # type: ignore[attr-defined]
            if old_members != new_members:
                details.extend(_member_changes(old_members, new_members))
        details.extend(tag_changes(old.tags, element.tags))
    # without the base state the differ's own comparison is all there is
    skip = DERIVED if change.action == CREATE or old is not None else frozenset()
    details.extend(note for note in change.notes if note.template not in skip)
    return details
