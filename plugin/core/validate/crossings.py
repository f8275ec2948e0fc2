"""Crossing ways (as iD's ``crossing_ways`` and JOSM's CrossingWays): highways, railways, waterways
and buildings whose edges cross without a shared node, a bridge, a tunnel or a layer difference;
and buildings that overlap.

Only segments the user changed are tested (a new way: all; a way with a moved or inserted vertex:
the segments at that vertex). A way whose tags alone changed is tested whole, and a crossing is
then reported only when the base tags did not already make it one.
"""

from __future__ import annotations

from typing import Dict, Iterator, List, Optional, Set, Tuple

from ..errors import CONTEXT, QT_TRANSLATE_NOOP, Message
from ..osm.diff import label
from ..osm.geometry import point_in_ring
from ..osm.model import WAY
from .context import Context, Coord
from .grid import SegmentGrid, cells_of_segments, crossing_point
from .issues import WARNING, Issue

HIGHWAY, RAILWAY, WATERWAY, BUILDING = "highway", "railway", "waterway", "building"
# iD's osmRoutableHighwayTagValues, osmRailwayTrackTagValues, osmFlowingWaterwayTagValues
ROUTABLE_HIGHWAYS = frozenset(
    [
        "motorway",
        "trunk",
        "primary",
        "secondary",
        "tertiary",
        "residential",
        "motorway_link",
        "trunk_link",
        "primary_link",
        "secondary_link",
        "tertiary_link",
        "unclassified",
        "road",
        "service",
        "track",
        "living_street",
        "bus_guideway",
        "busway",
        "path",
        "footway",
        "cycleway",
        "bridleway",
        "pedestrian",
        "corridor",
        "steps",
        "ladder",
        "elevator",
    ]
)
RAILWAY_TRACKS = frozenset(
    [
        "rail",
        "light_rail",
        "tram",
        "subway",
        "monorail",
        "funicular",
        "miniature",
        "narrow_gauge",
        "disused",
        "preserved",
    ]
)
FLOWING_WATERWAYS = frozenset(
    ["canal", "ditch", "drain", "fish_pass", "river", "stream", "tidal_channel"]
)
IGNORED_BUILDINGS = frozenset({"no", "demolished", "dismantled", "proposed", "razed"})
STRUCTURES = (HIGHWAY, RAILWAY, WATERWAY)  # the kinds that can be bridges and tunnels
# tags whose change can make or unmake a crossing
CROSSING_KEYS = frozenset(
    {"highway", "railway", "waterway", "building", "bridge", "tunnel", "layer", "level", "area"}
)
ALMOST_JUNCTION_METRES = 5.0
MARGIN_DEGREES = 0.0001  # covers ALMOST_JUNCTION_METRES in latitude and longitude up to 60°


def kind_of(tags: Dict[str, str], closed: bool) -> Optional[str]:
    """``highway``, ``railway``, ``waterway`` or ``building`` (closed ways only), else None."""
    if not tags:
        return None
    building = tags.get("building")
    if building is not None and building not in IGNORED_BUILDINGS:
        return BUILDING if closed else None
    if tags.get("area") == "yes":
        return None
    if tags.get("highway") in ROUTABLE_HIGHWAYS:
        return HIGHWAY
    if tags.get("railway") in RAILWAY_TRACKS:
        return RAILWAY
    if tags.get("waterway") in FLOWING_WATERWAYS:
        return WATERWAY
    return None


def _has(tags: Dict[str, str], key: str) -> bool:
    value = tags.get(key)
    return value is not None and value != "no"


def legit_crossing(tags1: Dict[str, str], kind1: str, tags2: Dict[str, str], kind2: str) -> bool:
    """True when the two may cross without a junction (iD's ``isLegitCrossing``, plus any layer
    difference as JOSM's CrossingWays)."""
    if BUILDING in (kind1, kind2) and tags1.get("level", "0") != tags2.get("level", "0"):
        return True
    if tags1.get("layer", "0") != tags2.get("layer", "0"):
        return True
    for key in ("bridge", "tunnel"):
        has1 = kind1 in STRUCTURES and _has(tags1, key)
        has2 = kind2 in STRUCTURES and _has(tags2, key)
        if has1 != has2:
            return True
    if kind1 == WATERWAY and tags2.get("man_made") == "pier":
        return True
    return bool(kind2 == WATERWAY and tags1.get("man_made") == "pier")


class WayIndex:
    """The final state's highways, railways, waterways and buildings near the edit, in a grid."""

    def __init__(self, ctx: Context, cells) -> None:
        self.grid = SegmentGrid(cells)
        self.kinds: Dict[int, str] = {}
        self.coords: Dict[int, List[Coord]] = {}
        self.ctx = ctx
        for way in ctx.base.ways.values():
            if way.id in ctx.ways:
                continue
            kind = kind_of(way.tags, way.nodes[0] == way.nodes[-1] if way.nodes else False)
            if kind is None or (WAY, way.id) in ctx.deleted:
                continue
            self._add(way.id, kind, way)
        for way in ctx.ways.values():
            kind = kind_of(way.tags, bool(way.nodes) and way.nodes[0] == way.nodes[-1])
            if kind is not None:
                self._add(way.id, kind, way)

    def _add(self, wid: int, kind: str, way) -> None:
        coords = self.ctx.coords(way)
        if coords is None or len(coords) < 2:
            return
        self.kinds[wid] = kind
        self.coords[wid] = coords
        self.grid.add_way(wid, coords)


def subject_segments(ctx: Context, wid: int) -> Optional[List[int]]:
    """Indices of the way's segments the user changed; ``None`` for all of them."""
    if (WAY, wid) in ctx.created:
        return None
    way = ctx.way(wid)
    old = ctx.base.ways.get(wid)
    if way is None or old is None:
        return None
    old_pairs = set(zip(old.nodes, old.nodes[1:]))
    moved, new = ctx.moved, ctx.new_nodes
    out = []
    for index, (a, b) in enumerate(zip(way.nodes, way.nodes[1:])):
        if (
            a in moved
            or b in moved
            or a in new
            or b in new
            or ((a, b) not in old_pairs and (b, a) not in old_pairs)
        ):
            out.append(index)
    return out


def subjects(ctx: Context) -> Dict[int, Optional[List[int]]]:
    """Ways to test and their segments to test (``None``: all)."""
    out: Dict[int, Optional[List[int]]] = {}
    for wid in ctx.reshaped:
        out[wid] = subject_segments(ctx, wid)
    for kind, eid in ctx.retagged:
        if kind != WAY or eid in out or (WAY, eid) in ctx.created:
            continue
        old = ctx.base.ways.get(eid)
        new = ctx.ways.get(eid)
        if old is None or new is None:
            continue
        if any(old.tags.get(k) != new.tags.get(k) for k in CROSSING_KEYS):
            out[eid] = None
    return out


def index_for(ctx: Context) -> Tuple[WayIndex, Dict[int, Optional[List[int]]]]:
    """The way index around the subjects (made once per validation)."""
    cached = ctx.cache.get("way_index")
    if cached is not None:
        return cached  # type: ignore[return-value]
    todo = subjects(ctx)
    segments = []
    for wid, indices in todo.items():
        way = ctx.way(wid)
        coords = ctx.coords(way) if way is not None else None
        if not coords:
            continue
        for index in range(len(coords) - 1) if indices is None else indices:
            segments.append((coords[index], coords[index + 1]))
    index = WayIndex(ctx, cells_of_segments(segments, MARGIN_DEGREES))
    ctx.cache["way_index"] = (index, todo)
    return index, todo


def _was_reported(ctx: Context, wid: int, other: int) -> bool:
    """For a way whose tags alone changed: did the base tags already flag this crossing?"""
    old, old_other = ctx.base.ways.get(wid), ctx.base.ways.get(other)
    if old is None or old_other is None or other in ctx.reshaped or wid in ctx.reshaped:
        return False
    kind1 = kind_of(old.tags, old.is_closed)
    kind2 = kind_of(old_other.tags, old_other.is_closed)
    return (
        kind1 is not None
        and kind2 is not None
        and not legit_crossing(old.tags, kind1, old_other.tags, kind2)
    )


def _crossings(ctx: Context, index: WayIndex, wid: int, indices) -> Iterator[Tuple[int, Coord]]:
    coords = index.coords.get(wid)
    if coords is None:
        return
    way_nodes = ctx.way(wid).nodes
    seen: Set[int] = set()
    for i in range(len(coords) - 1) if indices is None else indices:
        a, b = coords[i], coords[i + 1]
        for other, j in sorted(index.grid.near(a, b)):
            if other == wid or other in seen:
                continue
            oc = index.coords[other]
            point = crossing_point(a, b, oc[j], oc[j + 1])
            if point is None:
                continue
            other_nodes = ctx.way(other).nodes
            if {way_nodes[i], way_nodes[i + 1]} & {other_nodes[j], other_nodes[j + 1]}:
                continue
            seen.add(other)
            yield other, point


_OVERLAP = QT_TRANSLATE_NOOP(CONTEXT, "Building {way} overlaps building {other}.")


def crossing_ways(ctx: Context) -> Iterator[Issue]:
    index, todo = index_for(ctx)
    reported: Set[Tuple[int, int]] = set()
    for wid in sorted(todo):
        kind = index.kinds.get(wid)
        if kind is None:
            continue
        tags = ctx.way(wid).tags
        for other, point in _crossings(ctx, index, wid, todo[wid]):
            pair = (min(wid, other), max(wid, other))
            if pair in reported:
                continue
            other_kind = index.kinds[other]
            other_tags = ctx.way(other).tags
            if legit_crossing(tags, kind, other_tags, other_kind):
                continue
            if todo[wid] is None and _was_reported(ctx, wid, other):
                continue
            reported.add(pair)
            kinds = frozenset({kind, other_kind})
            template = (
                _OVERLAP
                if kinds == frozenset({BUILDING})
                else QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "{way} ({kind}) crosses {other} ({other_kind}) without a junction, a bridge, "
                    "a tunnel or a different layer.",
                )
            )
            yield Issue(
                "crossing_ways",
                WARNING,
                Message(
                    template,
                    way=label(WAY, wid),
                    other=label(WAY, other),
                    kind=kind,
                    other_kind=other_kind,
                ),
                [(WAY, wid), (WAY, other)],
                ctx.sources_of([(WAY, wid), (WAY, other)]),
                point,
            )
    yield from _contained_buildings(ctx, index, todo, reported)


def _contained_buildings(ctx: Context, index: WayIndex, todo, reported) -> Iterator[Issue]:
    """Buildings inside another building (no edge crosses, so the test above misses them)."""
    for wid in sorted(todo):
        if index.kinds.get(wid) != BUILDING:
            continue
        coords = index.coords[wid]
        near: Set[int] = set()
        for a, b in zip(coords, coords[1:]):
            near.update(other for other, _ in index.grid.near(a, b))
        near.discard(wid)
        for other in sorted(near):
            pair = (min(wid, other), max(wid, other))
            if index.kinds[other] != BUILDING or pair in reported:
                continue
            ring, other_ring = coords, index.coords[other]
            if set(ctx.way(wid).nodes) & set(ctx.way(other).nodes):
                continue
            inner = (
                ring
                if point_in_ring(ring[0][0], ring[0][1], other_ring)
                else other_ring
                if point_in_ring(other_ring[0][0], other_ring[0][1], ring)
                else None
            )
            if inner is None or legit_crossing(
                ctx.way(wid).tags, BUILDING, ctx.way(other).tags, BUILDING
            ):
                continue
            if todo[wid] is None and _was_reported(ctx, wid, other):
                continue
            reported.add(pair)
            yield Issue(
                "crossing_ways",
                WARNING,
                Message(
                    _OVERLAP,
                    way=label(WAY, wid),
                    other=label(WAY, other),
                ),
                [(WAY, wid), (WAY, other)],
                ctx.sources_of([(WAY, wid), (WAY, other)]),
                inner[0],
            )
