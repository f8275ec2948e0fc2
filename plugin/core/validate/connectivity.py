"""Highways that should be connected (iD's ``almost_junction`` and ``disconnected_way``, JOSM's
UnconnectedWays): a new or moved highway end a few metres from another highway without a shared
node, and new highways connected to no other road."""

from __future__ import annotations

from typing import Dict, Iterator, List, Set

from ..errors import CONTEXT, QT_TRANSLATE_NOOP, Message
from ..osm.diff import label
from ..osm.model import NODE, WAY
from .context import Context, metres
from .crossings import ALMOST_JUNCTION_METRES, HIGHWAY, MARGIN_DEGREES, index_for, kind_of
from .grid import nearest_on_segment
from .issues import WARNING, Issue

# an end tagged so is meant to stop there
_DEAD_END_TAGS = (("noexit", "yes"), ("entrance", None), ("amenity", "parking_entrance"))


def _dead_end(tags: Dict[str, str]) -> bool:
    return any(
        key in tags and (value is None or tags[key] == value) for key, value in _DEAD_END_TAGS
    )


def _changed_ends(ctx: Context, wid: int) -> List[int]:
    way = ctx.way(wid)
    if way is None or len(way.nodes) < 2 or way.nodes[0] == way.nodes[-1]:
        return []
    old = ctx.base.ways.get(wid)
    ends = []
    for position in (0, -1):
        nid = way.nodes[position]
        if (
            (WAY, wid) in ctx.created
            or nid in ctx.moved
            or nid in ctx.new_nodes
            or old is None
            or not old.nodes
            or old.nodes[position] != nid
        ):
            ends.append(position)
    return ends


def almost_junction(ctx: Context) -> Iterator[Issue]:
    index, todo = index_for(ctx)
    for wid in sorted(todo):
        if index.kinds.get(wid) != HIGHWAY:
            continue
        way = ctx.way(wid)
        coords = index.coords[wid]
        for position in _changed_ends(ctx, wid):
            nid = way.nodes[position]
            neighbour = way.nodes[1] if position == 0 else way.nodes[-2]
            node = ctx.node(nid)
            if node is None or _dead_end(node.tags) or len(ctx.parent_ways(nid)) > 1:
                continue
            end = coords[position]
            best = None
            for other, j in index.grid.near(end, end, MARGIN_DEGREES):
                if other == wid or index.kinds[other] != HIGHWAY:
                    continue
                other_nodes = ctx.way(other).nodes
                if nid in other_nodes or neighbour in other_nodes:
                    continue
                oc = index.coords[other]
                distance = metres(end, nearest_on_segment(end, oc[j], oc[j + 1]))
                if distance < ALMOST_JUNCTION_METRES and (best is None or distance < best[0]):
                    best = (distance, other)
            if best is None:
                continue
            distance, other = best
            keys = [(WAY, wid), (WAY, other)]
            yield Issue(
                "almost_junction",
                WARNING,
                Message(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "{way} ends {distance} m from {other} without joining it: snap the end "
                        "onto the other road, or move it away.",
                    ),
                    way=label(WAY, wid),
                    other=label(WAY, other),
                    distance=f"{distance:.1f}",
                ),
                [*keys, (NODE, nid)],
                ctx.sources_of(keys),
                end,
            )


def _routable(ctx: Context, wid: int) -> bool:
    way = ctx.way(wid)
    if way is None:
        return False
    return kind_of(way.tags, False) == HIGHWAY or way.tags.get("route") == "ferry"


def _inside_download(ctx: Context, lon: float, lat: float) -> bool:
    boxes = ctx.base.bounds
    return not boxes or any(b[0] <= lon <= b[2] and b[1] <= lat <= b[3] for b in boxes)


def disconnected_highway(ctx: Context) -> Iterator[Issue]:
    """New highways that, with the new highways they touch, join no other road."""
    new_ways = sorted(
        eid for kind, eid in ctx.created if kind == WAY and eid in ctx.ways and _routable(ctx, eid)
    )
    done: Set[int] = set()
    for start in new_ways:
        if start in done:
            continue
        component, stack, connected = {start}, [start], False
        while stack:
            wid = stack.pop()
            for nid in ctx.way(wid).nodes:
                node = ctx.node(nid)
                if node is None or _dead_end(node.tags):
                    connected = True
                    continue
                if not _inside_download(ctx, node.lon, node.lat):
                    connected = True  # it may join roads we did not download
                for other in ctx.parent_ways(nid):
                    if other in component or not _routable(ctx, other):
                        continue
                    if (WAY, other) in ctx.created:
                        component.add(other)
                        stack.append(other)
                    else:
                        connected = True
        done |= component
        if connected:
            continue
        keys = [(WAY, wid) for wid in sorted(component, reverse=True)]
        yield Issue(
            "disconnected_highway",
            WARNING,
            Message(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "{way} is a new road or path that is connected to no other road or path.",
                ),
                way=label(WAY, start),
            ),
            keys,
            ctx.sources_of(keys),
            ctx.location_of((WAY, start)),
        )
