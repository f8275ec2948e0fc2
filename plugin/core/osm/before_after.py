"""What a change looks like on the map before and after it: the review draws both (the old
state dashed), and for a moved or deleted node also every way that uses it — a shared node bends
each of its ways, which the user may not have edited. Pure Python: coordinate lists."""

from __future__ import annotations

from typing import Dict, List, Tuple

from .diff import DELETE, Change, OsmChanges
from .model import NODE, WAY, DataSet

Coord = Tuple[float, float]  # (lon, lat)
Shape = List[Coord]  # one point, or a line


def final_positions(changes: OsmChanges) -> Dict[int, Coord]:
    """The node positions the changes set (new and moved nodes)."""
    return {
        c.element.id: (c.element.lon, c.element.lat)  # type: ignore[attr-defined]
        for c in changes
        if c.element.type == NODE and c.action != DELETE
    }


def before_after(
    change: Change, changes: OsmChanges, base: DataSet
) -> Tuple[List[Shape], List[Shape]]:
    """``(before, after)`` shapes of ``change``: the element, and for a node that moves or goes
    away the ways of the base that use it."""
    positions = final_positions(changes)
    final_ways = {
        c.element.id: c.element for c in changes if c.element.type == WAY and c.action != DELETE
    }
    deleted = {c.element.key for c in changes if c.action == DELETE}

    def where(node_id: int, after: bool):
        if after and node_id in positions:
            return positions[node_id]
        if after and (NODE, node_id) in deleted:
            return None
        node = base.nodes.get(node_id)
        return (node.lon, node.lat) if node is not None else None

    def line(refs, after: bool) -> Shape:
        return [p for p in (where(r, after) for r in refs) if p is not None]

    element = change.element
    before: List[Shape] = []
    after: List[Shape] = []
    if element.type == NODE:
        old = base.nodes.get(element.id)
        if old is not None:
            before.append([(old.lon, old.lat)])
        if change.action != DELETE:
            after.append([(element.lon, element.lat)])  # type: ignore[attr-defined]
        moved = old is not None and (change.action == DELETE or (old.lon, old.lat) != after[0][0])
        if moved:
            for way in base.ways.values():
                if element.id not in way.nodes:
                    continue
                before.append(line(way.nodes, False))
                if (WAY, way.id) not in deleted:
                    refs = final_ways[way.id].nodes if way.id in final_ways else way.nodes  # type: ignore[attr-defined]
                    after.append(line(refs, True))
    elif element.type == WAY:
        old = base.ways.get(element.id)
        if old is not None:
            before.append(line(old.nodes, False))
        if change.action != DELETE:
            after.append(line(element.nodes, True))  # type: ignore[attr-defined]
    return [s for s in before if s], [s for s in after if s]
