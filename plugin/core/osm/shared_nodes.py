"""What a moved node drags along: the ways the user did not move themselves (pure Python).

In OSM a node shared by two ways is one point: moving it bends both. In QGIS, with topological
editing off, dragging a vertex of one street moves only that street on the map, while the upload
moves the node both streets share. :func:`note_shared_moves` adds to each moved node's change a
note naming every other way that holds the node and whose own feature did not move with it
("also moves Lettstrasse (way 123)"), so the review says what the server will show.
"""

from __future__ import annotations

from typing import Dict, Iterable, List, Set

from ..errors import CONTEXT, QT_TRANSLATE_NOOP
from .diff import Note, OsmChanges, label, node_key
from .features import EditedFeature
from .model import NODE, RELATION, WAY, DataSet

MAX_NAMED = 5


def _seen_ways(base: DataSet, sources: Iterable, by_source: Dict) -> Set[int]:
    """The ways whose own features are among ``sources`` (relations: their member ways)."""
    ways: Set[int] = set()
    for source in sources:
        key = by_source.get(source)
        if key is None:
            continue
        if key[0] == WAY:
            ways.add(key[1])
        elif key[0] == RELATION:
            relation = base.relations.get(key[1])
            if relation is not None:
                ways.update(m.ref for m in relation.members if m.type == WAY)
    return ways


def _name(base: DataSet, way_id: int) -> str:
    way = base.ways[way_id]
    name = way.tags.get("name") or way.tags.get("ref")
    return f"{name} ({label(WAY, way_id)})" if name else label(WAY, way_id)


def note_shared_moves(
    changes: OsmChanges, base: DataSet, edited: Dict[str, List[EditedFeature]]
) -> None:
    """Add "also moves …" to the notes of moved nodes that other, unmoved ways share."""
    moved = {}
    for change in changes.modifies:
        element = change.element
        if element.type != NODE:
            continue
        old = base.nodes.get(element.id)
        if old is not None and node_key(old) != node_key(element):
            moved[element.id] = change
    if not moved:
        return
    parents: Dict[int, List[int]] = {}
    ids = moved.keys()
    for way in base.ways.values():
        if not ids.isdisjoint(way.nodes):
            for ref in set(way.nodes) & ids:
                parents.setdefault(ref, []).append(way.id)
    if not parents:
        return
    by_source = {
        (layer, f.fid): (f.osm_type, f.osm_id)
        for layer, features in edited.items()
        for f in features
        if f.osm_id is not None
    }
    for node_id, ways in parents.items():
        change = moved[node_id]
        seen = _seen_ways(base, change.sources, by_source)
        others = sorted(w for w in ways if w not in seen)
        if not others:
            continue
        names = ", ".join(_name(base, w) for w in others[:MAX_NAMED])
        if len(others) > MAX_NAMED:
            change.notes.append(
                Note(
                    QT_TRANSLATE_NOOP(CONTEXT, "also moves {count} ways, among them {ways}"),
                    ways=names,
                    count=len(others),
                )
            )
        else:
            change.notes.append(Note(QT_TRANSLATE_NOOP(CONTEXT, "also moves {ways}"), ways=names))
