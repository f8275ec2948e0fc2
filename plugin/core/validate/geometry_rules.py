"""Geometry rules: duplicate nodes, very close nodes within a way, self-intersecting ways and rings,
rings that do not close where an area is meant (JOSM's DuplicateNode, SelfIntersectingWay,
MultipolygonTest; iD's close_nodes)."""

from __future__ import annotations

from typing import Dict, Iterator, List, Optional, Set, Tuple

from ..errors import CONTEXT, QT_TRANSLATE_NOOP, Message
from ..osm.diff import label
from ..osm.geometry import POLYGON_RELATION_TYPES, RING_ROLES, is_area, join_rings
from ..osm.model import NODE, RELATION, WAY
from .context import Context, metres
from .crossings import subject_segments
from .grid import SegmentGrid, crossing_point
from .issues import ERROR, WARNING, Issue

CLOSE_NODES_METRES = 0.2  # iD's close_nodes threshold
SMALL_WAY = 40  # segments: below this a plain pairwise test is faster than a grid


def duplicate_nodes(ctx: Context) -> Iterator[Issue]:
    """A new or moved node at exactly the position of another node."""
    placed = {nid for nid in ctx.moved | ctx.new_nodes if ctx.node(nid) is not None}
    if not placed:
        return
    at: Dict[Tuple[float, float], List[int]] = {}
    for nid in placed:
        node = ctx.node(nid)
        at.setdefault((node.lon, node.lat), []).append(nid)
    for node in ctx.base.nodes.values():
        ids = at.get((node.lon, node.lat))
        if ids is not None and node.id not in placed and (NODE, node.id) not in ctx.deleted:
            ids.append(node.id)
    for (lon, lat), ids in sorted(at.items()):
        if len(ids) < 2:
            continue
        ids = sorted(set(ids), key=lambda nid: (nid not in placed, abs(nid)))
        tags = [ctx.node(nid).tags for nid in ids]
        same = all(t == tags[0] for t in tags) or any(not t for t in tags)
        keys = [(NODE, nid) for nid in ids]
        yield Issue(
            "duplicate_node",
            ERROR if same else WARNING,
            Message(
                QT_TRANSLATE_NOOP(CONTEXT, "{node} is at the same position as {others}."),
                node=label(NODE, ids[0]),
                others=", ".join(label(NODE, nid) for nid in ids[1:]),
            ),
            keys,
            ctx.sources_of(keys),
            (lon, lat),
        )


def close_nodes(ctx: Context) -> Iterator[Issue]:
    """Consecutive nodes of a way closer than :data:`CLOSE_NODES_METRES` (changed segments)."""
    for wid in sorted(ctx.reshaped):
        way = ctx.way(wid)
        coords = ctx.coords(way) if way is not None else None
        if not coords:
            continue
        indices = subject_segments(ctx, wid)
        for i in range(len(coords) - 1) if indices is None else indices:
            a, b = way.nodes[i], way.nodes[i + 1]
            if a == b:
                yield _repeated(ctx, wid, a, coords[i])
                continue
            distance = metres(coords[i], coords[i + 1])
            if distance < CLOSE_NODES_METRES:
                keys = [(WAY, wid), (NODE, a), (NODE, b)]
                yield Issue(
                    "close_nodes",
                    WARNING,
                    Message(
                        QT_TRANSLATE_NOOP(
                            CONTEXT,
                            "{way} has two points {distance} m apart ({node} and {other}): "
                            "remove one of them.",
                        ),
                        way=label(WAY, wid),
                        node=label(NODE, a),
                        other=label(NODE, b),
                        distance=f"{distance:.2f}",
                    ),
                    keys,
                    ctx.sources_of(keys),
                    coords[i],
                )


def _repeated(ctx: Context, wid: int, nid: int, where) -> Issue:
    keys = [(WAY, wid), (NODE, nid)]
    return Issue(
        "duplicate_node",
        ERROR,
        Message(
            QT_TRANSLATE_NOOP(CONTEXT, "{way} has {node} twice in a row."),
            way=label(WAY, wid),
            node=label(NODE, nid),
        ),
        keys,
        ctx.sources_of(keys),
        where,
    )


def _segment_pairs(coords, changed: Optional[Set[int]]) -> Iterator[Tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of non-adjacent segments that may cross, at least one of them
    in ``changed`` (``None``: all segments changed)."""
    count = len(coords) - 1
    firsts = range(count) if changed is None else sorted(changed)
    if count <= SMALL_WAY:
        for i in firsts:
            for j in range(count) if changed is not None else range(i + 2, count):
                if j - i >= 2 or (i - j >= 2 and j not in changed):  # type: ignore[operator]
                    yield (i, j) if i < j else (j, i)
        return
    grid = SegmentGrid()
    grid.add_way(0, coords)
    for i in firsts:
        for _, j in sorted(grid.near(coords[i], coords[i + 1])):
            if j - i >= 2 or (changed is not None and i - j >= 2 and j not in changed):
                yield (i, j) if i < j else (j, i)


def _repeated_node(refs: List[int], coords) -> Optional[Tuple[float, float]]:
    """Where the way passes a second time through one of its nodes; not at the closing node and
    not for a lasso (a way that ends on one of its own nodes, or comes back to its first node,
    like a turning loop)."""
    closed = refs[0] == refs[-1]
    first: Dict[int, int] = {}
    last = len(refs) - 1
    for position, ref in enumerate(refs):
        if ref in first and refs[position - 1] != ref:
            if position == last or (first[ref] == 0 and not closed):
                continue
            return coords[position]
        first.setdefault(ref, position)
    return None


def self_intersection(ctx: Context) -> Iterator[Issue]:
    """A way that crosses itself (at a segment the user changed) or whose new node list passes
    twice through a node."""
    for wid in sorted(ctx.reshaped):
        way = ctx.way(wid)
        coords = ctx.coords(way) if way is not None else None
        if not coords or len(coords) < 4:
            continue
        closed = way.nodes[0] == way.nodes[-1]
        area = closed and is_area(way.tags)
        where = None
        old = ctx.base.ways.get(wid)
        if old is None or old.nodes != way.nodes:
            where = _repeated_node(way.nodes, coords)
        if where is None:
            last = len(coords) - 2
            changed = subject_segments(ctx, wid)
            for i, j in _segment_pairs(coords, None if changed is None else set(changed)):
                if closed and i == 0 and j == last:
                    continue  # the first and last segments meet at the closing node
                where = crossing_point(coords[i], coords[i + 1], coords[j], coords[j + 1])
                if where is not None:
                    break
        if where is None:
            continue
        yield Issue(
            "self_intersection",
            ERROR if area else WARNING,
            Message(
                QT_TRANSLATE_NOOP(CONTEXT, "{way} crosses itself.")
                if not area
                else QT_TRANSLATE_NOOP(
                    CONTEXT, "The outline of area {way} crosses itself: the area is invalid."
                ),
                way=label(WAY, wid),
            ),
            [(WAY, wid)],
            ctx.sources_of([(WAY, wid)]),
            where,
        )


def unclosed_rings(ctx: Context) -> Iterator[Issue]:
    """An open way tagged as an area (``area=yes``: an error; a key such as ``building`` or
    ``landuse``, see :func:`..osm.geometry.is_area`: a warning) that is no member of a relation;
    an area relation whose member ways do not make closed rings (when all of them are in the
    data)."""
    members = ctx.members()
    for wid in sorted(ctx.reshaped | {eid for kind, eid in ctx.retagged if kind == WAY}):
        way = ctx.way(wid)
        if way is None or len(way.nodes) < 2 or way.nodes[0] == way.nodes[-1]:
            continue
        area_yes = way.tags.get("area") == "yes"
        if not is_area(way.tags) or (WAY, wid) in members or _was_open_area(ctx, wid):
            continue
        yield Issue(
            "unclosed_ring",
            ERROR if area_yes else WARNING,
            Message(
                QT_TRANSLATE_NOOP(CONTEXT, "{way} is tagged area=yes but is not closed.")
                if area_yes
                else QT_TRANSLATE_NOOP(
                    CONTEXT, "{way} is tagged as an area ({tags}) but is not closed."
                ),
                way=label(WAY, wid),
                tags=", ".join(f"{k}={v}" for k, v in sorted(way.tags.items())),
            ),
            [(WAY, wid)],
            ctx.sources_of([(WAY, wid)]),
            ctx.location_of((WAY, wid)),
        )
    relations = {eid for kind, eid in ctx.created | ctx.modified if kind == RELATION}
    for wid in ctx.reshaped:
        for rid in _parent_relations(ctx, wid):
            relations.add(rid)
    for rid in sorted(relations):
        relation = ctx.relation(rid)
        if relation is None or relation.tags.get("type") not in POLYGON_RELATION_TYPES:
            continue
        segments = []
        for member in relation.members:
            if member.type != WAY or member.role not in RING_ROLES:
                continue
            way = ctx.way(member.ref)
            if way is None or any(ctx.node(ref) is None for ref in way.nodes):
                segments = None  # incomplete: we cannot tell
                break
            if len(way.nodes) >= 2:
                segments.append(list(way.nodes))
        if segments is None or (segments and join_rings(_unique(segments)) is not None):
            continue
        yield Issue(
            "unclosed_ring",
            ERROR,
            Message(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "The member ways of area {relation} do not form closed rings."
                ),
                relation=label(RELATION, rid),
            ),
            [(RELATION, rid)],
            ctx.sources_of([(RELATION, rid)]),
            ctx.location_of((RELATION, rid)),
        )


def _was_open_area(ctx: Context, wid: int) -> bool:
    old = ctx.base.ways.get(wid)
    return old is not None and len(old.nodes) >= 2 and not old.is_closed and is_area(old.tags)


def _unique(segments: List[List[int]]) -> List[List[int]]:
    seen, out = set(), []
    for segment in segments:
        key = tuple(segment)
        if key not in seen:
            seen.add(key)
            out.append(segment)
    return out


def _parent_relations(ctx: Context, wid: int) -> List[int]:
    index = ctx.cache.get("way_relations")
    if index is None:
        index = {}
        for relation in list(ctx.base.relations.values()) + list(ctx.relations.values()):
            for member in relation.members:
                if member.type == WAY:
                    index.setdefault(member.ref, set()).add(relation.id)
        ctx.cache["way_relations"] = index
    return sorted(index.get(wid, ()))  # type: ignore[union-attr]
