"""Geometry assembly: which OSM element becomes which feature of which layer.

* Tagged nodes become points.
* Ways become lines, or polygons when they are closed and their tags make them an area (the
  explicit rule table below: :data:`AREA_KEYS`, :data:`AREA_VALUES`, ``area=yes/no``).
* ``type=multipolygon`` and ``type=boundary`` relations become (multi)polygons with holes, assembled
  from their member ways, also when a ring is made of several ways.
* Every relation is also listed in the relations table with its members; a relation with members
  missing from the data set is *incomplete*: it is kept and flagged. An incomplete area relation
  (a forest or a river cut by the download's box) is drawn from the rings whose member ways are
  all present and close, and its polygon is flagged incomplete too.
* A way with node references missing from the data set (a cut or damaged file: the API always
  sends a way's nodes) is kept and flagged incomplete: drawn as a line through the nodes that are
  there when there are at least two, else listed in :attr:`FeatureSet.incomplete_ways` only.

Incomplete features round-trip unchanged: their members and node lists are never rebuilt from
what is drawn (the diff takes the drawn geometry as "no change", and refuses a geometry edit).

Untagged ways that are members of a relation are not emitted as lines (their geometry is part of
the relation); untagged ways outside any relation are emitted as lines so they can be seen and
fixed. The vertex order of a closed way's polygon follows the way's node order (no reorientation),
so vertex *i* is node *i* of the way.
"""

from __future__ import annotations

from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple, Union

from .model import NODE, RELATION, WAY, DataSet, Node, Relation, Way

Coord = Tuple[float, float]  # (lon, lat)

# --------------------------------------------------------------------------------------------
# The area rule table. A closed way is a polygon when:
#   1. it has area=no                                  -> never (line)
#   2. it has area=yes                                 -> always (polygon)
#   3. it has a key of AREA_KEYS whose value is not "no" and not in that key's exceptions
#   4. it has a key of AREA_VALUES with one of the listed values
# otherwise it is a line. Ways that are not closed are always lines.
# --------------------------------------------------------------------------------------------
AREA_KEYS: Dict[str, frozenset] = {
    "aeroway": frozenset({"taxiway", "runway", "parking_position", "jet_bridge"}),
    "amenity": frozenset(),
    "area:highway": frozenset(),
    "boundary": frozenset(),
    "building": frozenset(),
    "building:part": frozenset(),
    "craft": frozenset(),
    "geological": frozenset(),
    "historic": frozenset(),
    "landuse": frozenset(),
    "leisure": frozenset({"track", "slipway"}),
    "man_made": frozenset(
        {"pipeline", "embankment", "cutline", "breakwater", "groyne", "dyke", "pier"}
    ),
    "military": frozenset(),
    "natural": frozenset(
        {"coastline", "cliff", "ridge", "arete", "tree_row", "valley", "gorge", "earth_bank"}
    ),
    "office": frozenset(),
    "place": frozenset(),
    "shop": frozenset(),
    "sport": frozenset(),
    "tourism": frozenset(),
}

AREA_VALUES: Dict[str, frozenset] = {
    "highway": frozenset({"platform", "rest_area", "services"}),
    "public_transport": frozenset({"platform", "station"}),
    "railway": frozenset({"platform", "station"}),
    "waterway": frozenset({"riverbank", "dock", "boatyard", "dam"}),
    "power": frozenset({"plant", "substation", "generator", "transformer"}),
}

POLYGON_RELATION_TYPES = frozenset({"multipolygon", "boundary"})
RING_ROLES = frozenset({"outer", "inner", ""})


def is_area(tags: Dict[str, str]) -> bool:
    """Do these tags make a *closed* way an area (see the rule table above)?"""
    area = tags.get("area")
    if area == "no":
        return False
    if area == "yes":
        return True
    for key, value in tags.items():
        exceptions = AREA_KEYS.get(key)
        if exceptions is not None:
            if value != "no" and value not in exceptions:
                return True
            continue
        values = AREA_VALUES.get(key)
        if values is not None and value in values:
            return True
    return False


def way_is_polygon(way: Way) -> bool:
    return way.is_closed and is_area(way.tags)


# --------------------------------------------------------------------------------------------
# Features
# --------------------------------------------------------------------------------------------


class Feature(NamedTuple):
    """A feature of a geometry layer.

    ``geometry`` is given by node ids, as OSM defines it: a point is ``(lon, lat)``, a line is
    the way's node id list, a polygon is ``[[outer_ids, hole_ids, ...], ...]`` (closed id rings).
    :func:`resolve` turns it into coordinates.
    """

    osm_type: str
    osm_id: int
    version: int
    tags: Dict[str, str]
    geometry: object
    incomplete: bool = False  # drawn from the part of the element that was downloaded


class RelationRecord(NamedTuple):
    osm_id: int
    version: int
    tags: Dict[str, str]
    members: list
    incomplete: bool


class FeatureSet:
    """The features of the four layers built from a data set, plus what could not be built."""

    __slots__ = (
        "incomplete_ways",
        "invalid_relations",
        "lines",
        "points",
        "polygons",
        "relations",
    )

    def __init__(self) -> None:
        self.points: List[Feature] = []
        self.lines: List[Feature] = []
        self.polygons: List[Feature] = []
        self.relations: List[RelationRecord] = []
        self.incomplete_ways: List[int] = []  # ways with nodes missing (drawn when >= 2 remain)
        self.invalid_relations: List[int] = []  # complete multipolygons whose rings do not close


def build_features(dataset: DataSet) -> FeatureSet:
    """Classify every element of ``dataset`` into the layers (geometries as node ids)."""
    result = FeatureSet()
    nodes = dataset.nodes
    points = result.points
    for node in nodes.values():
        if node.tags:
            points.append(Feature(NODE, node.id, node.version, node.tags, (node.lon, node.lat)))

    relation_ways = set()
    for relation in dataset.relations.values():
        for member in relation.members:
            if member.type == WAY:
                relation_ways.add(member.ref)

    lines, polygons = result.lines, result.polygons
    for way in dataset.ways.values():
        tags = way.tags
        if not tags and way.id in relation_ways:
            continue
        refs = way.nodes
        if not all(map(nodes.__contains__, refs)):
            result.incomplete_ways.append(way.id)
            present = [ref for ref in refs if ref in nodes]
            if len(present) >= 2:
                lines.append(Feature(WAY, way.id, way.version, tags, present, True))
            continue
        if len(refs) < 2:
            result.incomplete_ways.append(way.id)
            continue
        if tags and way.is_closed and is_area(tags):
            polygons.append(Feature(WAY, way.id, way.version, tags, [[refs]]))
        else:
            lines.append(Feature(WAY, way.id, way.version, tags, refs))

    tables = {NODE: nodes, WAY: dataset.ways, RELATION: dataset.relations}
    for relation in dataset.relations.values():
        incomplete = any(
            member.ref not in tables.get(member.type, ()) for member in relation.members
        )
        result.relations.append(
            RelationRecord(
                relation.id, relation.version, relation.tags, relation.members, incomplete
            )
        )
        if relation.tags.get("type") not in POLYGON_RELATION_TYPES:
            continue
        rings = relation_rings(relation, dataset.ways, nodes)
        partial = rings is None
        if partial:  # member ways or their nodes are missing: draw the rings that are there
            rings = complete_rings(relation, dataset.ways, nodes)
            if not rings:
                continue
        elif not rings:
            result.invalid_relations.append(relation.id)
            continue
        polygons.append(
            Feature(
                RELATION,
                relation.id,
                relation.version,
                relation.tags,
                assemble_polygons(rings, nodes),
                partial or result.relations[-1].incomplete,
            )
        )
    return result


def drawn_relation(relation: Relation, ways: Dict[int, Way], nodes: Dict[int, Node]) -> bool:
    """Whether :func:`build_features` gives the area relation a polygon (complete or not)."""
    rings = relation_rings(relation, ways, nodes)
    return bool(rings) or (rings is None and bool(complete_rings(relation, ways, nodes)))


def drawn_way(way: Way, nodes: Dict[int, Node]) -> bool:
    """Whether :func:`build_features` gives the way a line or polygon (tags aside)."""
    return sum(1 for ref in way.nodes if ref in nodes) >= 2


def resolve(geometry, nodes: Dict[int, Node]):
    """Coordinates of a :class:`Feature` geometry given by node ids (points pass through)."""
    if isinstance(geometry, tuple):
        return geometry
    if geometry and isinstance(geometry[0], int):
        return [(nodes[ref].lon, nodes[ref].lat) for ref in geometry]
    return [[resolve(ring, nodes) for ring in polygon] for polygon in geometry]


# --------------------------------------------------------------------------------------------
# Multipolygon ring assembly
# --------------------------------------------------------------------------------------------


def relation_rings(
    relation: Relation, ways: Dict[int, Way], nodes: Dict[int, Node]
) -> Union[bool, List[List[int]], None]:
    """Node-id rings of a multipolygon relation.

    Returns ``None`` when a member way or one of its nodes is missing (incomplete relation),
    ``False`` when the ways do not form closed rings, else the list of closed node-id rings.
    """
    segments: List[List[int]] = []
    seen = set()
    for member in relation.members:
        if member.type != WAY or member.role not in RING_ROLES:
            continue
        if member.ref in seen:
            continue
        seen.add(member.ref)
        way = ways.get(member.ref)
        if way is None:
            return None
        if not all(map(nodes.__contains__, way.nodes)):
            return None
        if len(way.nodes) >= 2:
            segments.append(list(way.nodes))
    if not segments:
        return False
    rings = join_rings(segments)
    return rings if rings is not None else False


def complete_rings(
    relation: Relation, ways: Dict[int, Way], nodes: Dict[int, Node]
) -> List[List[int]]:
    """The closed node-id rings an incomplete area relation still has: joined from the member
    ways that are present with all their nodes; chains left open by a missing way are dropped."""
    segments: List[List[int]] = []
    seen = set()
    for member in relation.members:
        if member.type != WAY or member.role not in RING_ROLES or member.ref in seen:
            continue
        seen.add(member.ref)
        way = ways.get(member.ref)
        if way is None or len(way.nodes) < 2 or not all(map(nodes.__contains__, way.nodes)):
            continue
        segments.append(list(way.nodes))
    return closed_rings(segments)


def closed_rings(segments: Sequence[List[int]]) -> List[List[int]]:
    """The rings :func:`join_rings` closes from ``segments``, leaving out the open chains."""
    rings: List[List[int]] = []
    pending: List[List[int]] = []
    for segment in segments:
        if segment[0] == segment[-1]:
            if len(segment) >= 4:
                rings.append(segment)
        else:
            pending.append(segment)
    ends: Dict[int, List[int]] = {}
    for index, segment in enumerate(pending):
        ends.setdefault(segment[0], []).append(index)
        ends.setdefault(segment[-1], []).append(index)
    used = [False] * len(pending)
    for start_index, start in enumerate(pending):
        if used[start_index]:
            continue
        used[start_index] = True
        ring = list(start)
        while ring[0] != ring[-1]:
            tail = ring[-1]
            index = next((i for i in ends.get(tail, ()) if not used[i]), None)
            if index is None:
                break
            used[index] = True
            segment = pending[index]
            ring.extend(segment[1:] if segment[0] == tail else reversed(segment[:-1]))
        if ring[0] == ring[-1] and len(ring) >= 4:
            rings.append(ring)
    return rings


def join_rings(segments: Sequence[List[int]]) -> Optional[List[List[int]]]:
    """Join node-id segments end to end into closed rings; ``None`` if some ring stays open."""
    rings: List[List[int]] = []
    open_segments: List[List[int]] = []
    for segment in segments:
        if segment[0] == segment[-1]:
            if len(segment) >= 4:
                rings.append(segment)
            else:
                return None
        else:
            open_segments.append(segment)
    # endpoint -> indices of open segments touching it
    ends: Dict[int, List[int]] = {}
    for index, segment in enumerate(open_segments):
        ends.setdefault(segment[0], []).append(index)
        ends.setdefault(segment[-1], []).append(index)
    used = [False] * len(open_segments)
    for start_index, start in enumerate(open_segments):
        if used[start_index]:
            continue
        used[start_index] = True
        ring = list(start)
        while ring[0] != ring[-1]:
            tail = ring[-1]
            for index in ends.get(tail, ()):
                if not used[index]:
                    break
            else:
                return None
            used[index] = True
            segment = open_segments[index]
            if segment[0] == tail:
                ring.extend(segment[1:])
            else:
                ring.extend(reversed(segment[:-1]))
        if len(ring) < 4:
            return None
        rings.append(ring)
    return rings


def signed_area(ring: Sequence[Coord]) -> float:
    """Shoelace area (positive when counter-clockwise in lon/lat)."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        total += x1 * y2 - x2 * y1
    return total / 2.0


def point_in_ring(x: float, y: float, ring: Sequence[Coord]) -> bool:
    inside = False
    x1, y1 = ring[-1]
    for x2, y2 in ring:
        if (y2 > y) != (y1 > y) and x < (x1 - x2) * (y - y2) / (y1 - y2) + x2:
            inside = not inside
        x1, y1 = x2, y2
    return inside


def assemble_polygons(rings: List[List[int]], nodes: Dict[int, Node]) -> List[List[List[int]]]:
    """Nest closed node-id rings into polygons with holes (even depth = outer, odd = hole).

    Containment is decided geometrically, not by the member roles, which are often wrong in
    real data. Rings keep the vertex order of their ways (no reorientation).
    """
    items = []
    for refs in rings:
        ring = [(nodes[ref].lon, nodes[ref].lat) for ref in refs]
        xs = [c[0] for c in ring]
        ys = [c[1] for c in ring]
        items.append(
            (abs(signed_area(ring)), refs, ring, (min(xs), min(ys), max(xs), max(ys)), set(refs))
        )
    items.sort(key=lambda item: -item[0])
    parents: List[int] = []
    depths: List[int] = []
    for index, (_area, refs, ring, box, _ids) in enumerate(items):
        parent = -1
        for candidate in range(index - 1, -1, -1):  # smallest containing ring first
            _c_area, _c_refs, c_ring, c_box, c_ids = items[candidate]
            if not (
                c_box[0] <= box[0]
                and c_box[1] <= box[1]
                and c_box[2] >= box[2]
                and c_box[3] >= box[3]
            ):
                continue
            if _ring_inside(refs, ring, c_ring, c_ids):
                parent = candidate
                break
        parents.append(parent)
        depths.append(0 if parent < 0 else depths[parent] + 1)
    polygons: List[List[List[int]]] = []
    polygon_of: Dict[int, int] = {}
    for index, item in enumerate(items):
        if depths[index] % 2 == 0:
            polygon_of[index] = len(polygons)
            polygons.append([item[1]])
        else:
            polygons[polygon_of[parents[index]]].append(item[1])
    return polygons


def _ring_inside(refs, ring, container, container_ids) -> bool:
    """Is ``ring`` inside ``container``? Tested on a vertex the two rings do not share."""
    for ref, (x, y) in zip(refs, ring):
        if ref not in container_ids:
            return point_in_ring(x, y, container)
    # every vertex is shared: try the midpoint of an edge
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        x, y = (x1 + x2) / 2.0, (y1 + y2) / 2.0
        return point_in_ring(x, y, container)
    return False
