"""The differ: from the downloaded base snapshot and the edited layers to OSM changes.

Pure Python. :func:`compute_changes` compares the features of the four OSM layers (as
:class:`~.features.EditedFeature` records in WGS84) with the base :class:`~.model.DataSet` and
returns :class:`OsmChanges` — the creates, modifies and deletes that turn the base into the edited
state — from which :mod:`.osmchange` writes the osmChange document.

Rules (see "Round-trip identity" in the design notes):

* Coordinates are compared as integers × 10^7 (the database precision), so float noise never
  creates a change, and an unedited download always gives an empty diff.
* A vertex whose coordinate equals the base node's keeps the node. The edited vertex list of an
  existing way is aligned with the base node list (longest matching blocks, then pairing of the
  replaced stretches by distance): a changed vertex is a node move, an inserted vertex a new node,
  a removed vertex drops the node from the way. Closed ways and multipolygon rings are compared as
  cycles, so a ring that starts elsewhere or runs the other way round is no change.
* A node shared by several features moves once for all of them. Two features that change the same
  element in different ways is a conflict (:class:`EditConflict`).
* A new vertex (of a new feature, or inserted into an existing way) that lands exactly on an
  existing node reuses it; new vertices at the same coordinate share one new node. A new point
  on an untagged node takes over that node.
* New polygons: one ring → closed way; holes or several parts → ``type=multipolygon`` relation
  with new ``outer``/``inner`` ways. Ways longer than the server's limit are split into
  consecutive ways (new lines) or into several member ways of one ring (new rings); an existing
  way that would grow beyond the limit is refused. Multi-part lines are split into one way per
  part when new and refused when they carry an OSM identity.
* Deleted feature → delete of the element, of its nodes / member ways that become unused and are
  untagged, and removal of the element from the relations that had it as a member. A deleted
  point whose node is still a way vertex keeps the node and drops its tags.
* ``if-unused`` marks every delete whose element might still be used by data we do not have:
  consequential deletes (orphaned nodes and member ways), nodes outside the downloaded boxes, and
  relations whose parent relations are not all known.
"""

from __future__ import annotations

import gc
import math
from contextlib import contextmanager
from difflib import SequenceMatcher
from itertools import chain
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Set, Tuple

from ..errors import CONTEXT, QT_TRANSLATE_NOOP, Message, ValidationError
from .features import (
    LAYERS,
    LINES,
    POINTS,
    POLYGONS,
    RELATIONS,
    EditedFeature,
)
from .geometry import (
    POLYGON_RELATION_TYPES,
    RING_ROLES,
    build_features,
    drawn_relation,
    drawn_way,
    is_area,
    resolve,
)
from .model import NODE, RELATION, SCALE, WAY, DataSet, Element, Member, Node, Relation, Way

CREATE, MODIFY, DELETE = "create", "modify", "delete"
ACTIONS = (CREATE, MODIFY, DELETE)
MAX_WAY_NODES = 2000

Key = Tuple[int, int]  # (lon, lat) as integers × 10^7
Source = Tuple[str, int]  # (layer, fid)
ElementKey = Tuple[str, int]  # (type, id)


class EditConflict(ValidationError):
    """Two features change the same OSM element in different ways."""


def coord_key(coord: Sequence[float]) -> Key:
    """The database form of a ``(lon, lat)``: integers × 10^7 (see :func:`.model.round_coord`)."""
    return (round(coord[0] * SCALE), round(coord[1] * SCALE))


def node_key(node: Node) -> Key:
    return (round(node.lon * SCALE), round(node.lat * SCALE))


def label(element_type: str, element_id: int) -> str:
    return f"{element_type} {element_id}"


# --------------------------------------------------------------------------------------------
# Result
# --------------------------------------------------------------------------------------------


class Note(Message):
    """A translatable description of (part of) a change, like the errors' messages."""

    __slots__ = ()


class Change:
    """One element to create, modify or delete.

    ``element`` is the new state (create/modify; placeholder ids are negative) or the base element
    (delete: id and version are what the upload needs). ``sources`` are the ``(layer, fid)`` of the
    features the change comes from (empty for consequential changes of nothing visible).
    ``notes`` describe the change for the review; the ones that follow from comparing the element
    with its base state ("moved", the tag changes, …) are made when first read.
    """

    __slots__ = ("_base", "_notes", "action", "element", "if_unused", "sources")

    def __init__(
        self,
        action: str,
        element: Element,
        if_unused: bool = False,
        sources: Optional[List[Source]] = None,
        notes: Optional[List[Note]] = None,
        base: Optional[Element] = None,
    ):
        self.action = action
        self.element = element
        self.if_unused = if_unused
        self.sources = sources if sources is not None else []
        self._notes = notes if notes is not None else []
        # the base element of a modify made by the differ, or the differ's marker for a create:
        # its comparison notes are still to be added
        self._base = base

    @property
    def notes(self) -> List[Note]:
        if self._base is not None:
            base, self._base = self._base, None
            self._notes = _derived_notes(self._notes, base, self.element)
        return self._notes

    @notes.setter
    def notes(self, value: List[Note]) -> None:
        self._base = None
        self._notes = value

    @property
    def key(self) -> ElementKey:
        return self.element.key

    def describe(self) -> str:
        """One English line for logs; the review dialog translates ``notes`` itself."""
        text = f"{self.action} {label(self.element.type, self.element.id)}"
        if self.if_unused:
            text += " (if unused)"
        if self.notes:
            text += ": " + "; ".join(note.message for note in self.notes)
        if self.sources:
            text += " [" + ", ".join(f"{layer} #{fid}" for layer, fid in self.sources) + "]"
        return text

    def __repr__(self) -> str:
        return f"Change({self.describe()!r})"


class OsmChanges:
    """The changes of one diff: ``creates``, ``modifies``, ``deletes`` (lists of :class:`Change`).

    Within each list the order is the upload order (creates: nodes, ways, relations; deletes:
    relations, ways, nodes); :mod:`.osmchange` re-sorts anyway and orders relations by their
    references.
    """

    __slots__ = ("creates", "deletes", "modifies")

    def __init__(self, creates=None, modifies=None, deletes=None) -> None:
        self.creates: List[Change] = list(creates or [])
        self.modifies: List[Change] = list(modifies or [])
        self.deletes: List[Change] = list(deletes or [])

    def __iter__(self):
        yield from self.creates
        yield from self.modifies
        yield from self.deletes

    def __len__(self) -> int:
        return len(self.creates) + len(self.modifies) + len(self.deletes)

    def __bool__(self) -> bool:
        return len(self) > 0

    @property
    def is_empty(self) -> bool:
        return len(self) == 0

    def counts(self) -> Dict[Tuple[str, str], int]:
        """``{(action, type): n}`` for every action and element type (zeros included)."""
        result = {(a, t): 0 for a in ACTIONS for t in (NODE, WAY, RELATION)}
        for change in self:
            result[(change.action, change.element.type)] += 1
        return result

    def summary(self) -> str:
        """Short English summary, e.g. ``create: 3 nodes, 1 way; delete: 2 nodes``."""
        counts = self.counts()
        parts = []
        for action in ACTIONS:
            items = [
                f"{counts[(action, t)]} {t}{'s' if counts[(action, t)] != 1 else ''}"
                for t in (NODE, WAY, RELATION)
                if counts[(action, t)]
            ]
            if items:
                parts.append(f"{action}: " + ", ".join(items))
        return "; ".join(parts) if parts else "no changes"

    def describe(self) -> List[str]:
        return [change.describe() for change in self]


# --------------------------------------------------------------------------------------------
# What the loader produces (also the default "expected features" for delete detection)
# --------------------------------------------------------------------------------------------


def loaded_features(base: DataSet) -> Dict[str, List[EditedFeature]]:
    """The features the loader writes for ``base``, unedited, with ``fid`` = the OSM id.

    Built with the loader's own classification (:func:`.geometry.build_features`): the
    reference for "no edit" and the starting point of edits in tests.
    """
    built = build_features(base)
    nodes = base.nodes
    result: Dict[str, List[EditedFeature]] = {layer: [] for layer in LAYERS}
    for layer, items in ((POINTS, built.points), (LINES, built.lines), (POLYGONS, built.polygons)):
        out = result[layer]
        for f in items:
            out.append(
                EditedFeature(
                    layer, f.osm_id, f.osm_type, f.osm_id, dict(f.tags), resolve(f.geometry, nodes)
                )
            )
    for r in built.relations:
        result[RELATIONS].append(
            EditedFeature(
                RELATIONS,
                r.osm_id,
                RELATION,
                r.osm_id,
                dict(r.tags),
                None,
                [(m.type, m.ref, m.role) for m in r.members],
            )
        )
    return result


def loaded_keys(base: DataSet) -> Iterator[Tuple[str, str, int]]:
    """``(layer, osm_type, osm_id)`` of every feature the loader writes for ``base``: the same
    rules as :func:`.geometry.build_features`, without building geometries."""
    nodes = base.nodes
    for node in nodes.values():
        if node.tags:
            yield (POINTS, NODE, node.id)
    relation_ways = {m.ref for r in base.relations.values() for m in r.members if m.type == WAY}
    for way in base.ways.values():
        tags = way.tags
        if not tags and way.id in relation_ways:
            continue
        if len(way.nodes) < 2 or not all(map(nodes.__contains__, way.nodes)):
            if drawn_way(way, nodes):  # incomplete: a line through the nodes that are there
                yield (LINES, WAY, way.id)
            continue
        yield (POLYGONS if tags and way.is_closed and is_area(tags) else LINES, WAY, way.id)
    for rel in base.relations.values():
        yield (RELATIONS, RELATION, rel.id)
        if rel.tags.get("type") in POLYGON_RELATION_TYPES and drawn_relation(rel, base.ways, nodes):
            yield (POLYGONS, RELATION, rel.id)


def _relation_parents(base: DataSet) -> Dict[ElementKey, List[int]]:
    parents: Dict[ElementKey, List[int]] = {}
    for rel in base.relations.values():
        for m in rel.members:
            lst = parents.setdefault((m.type, m.ref), [])
            if not lst or lst[-1] != rel.id:
                lst.append(rel.id)
    return parents


# --------------------------------------------------------------------------------------------
# Rings of area relations, by node ids
# --------------------------------------------------------------------------------------------


class BaseRing:
    """A closed ring of an area relation: the open node cycle and the ways that make it up.

    ``segments`` are ``(start, way_id, reversed)``: the way runs from ring position ``start`` to
    the next segment's start (cyclically); ``reversed`` when the way's own order is the opposite.
    """

    __slots__ = ("nodes", "role", "segments")

    def __init__(self, nodes: List[int], segments: List[Tuple[int, int, bool]], role: str):
        self.nodes = nodes
        self.segments = segments
        self.role = role

    @property
    def way_ids(self) -> List[int]:
        return [w for _, w, _ in self.segments]


def assemble_rings(base: DataSet, relation: Relation) -> Optional[List[BaseRing]]:
    """Join the way members of ``relation`` into closed rings; ``None`` if that is impossible."""
    roles: Dict[int, str] = {}
    for m in relation.members:
        if m.type == WAY and m.role in RING_ROLES and m.ref not in roles:
            roles[m.ref] = m.role or "outer"
    if not roles:
        return None
    ways = base.ways
    nodes = base.nodes
    for wid in roles:
        way = ways.get(wid)
        if way is None or len(way.nodes) < 2 or any(n not in nodes for n in way.nodes):
            return None
    rings: List[BaseRing] = []
    open_ways: List[int] = []
    for wid in roles:
        way = ways[wid]
        if way.nodes[0] == way.nodes[-1]:
            if len(way.nodes) < 4:
                return None
            rings.append(BaseRing(list(way.nodes[:-1]), [(0, wid, False)], roles[wid]))
        else:
            open_ways.append(wid)
    by_end: Dict[int, List[int]] = {}
    for wid in open_ways:
        way = ways[wid]
        by_end.setdefault(way.nodes[0], []).append(wid)
        by_end.setdefault(way.nodes[-1], []).append(wid)
    used: Set[int] = set()
    for wid in open_ways:
        if wid in used:
            continue
        used.add(wid)
        chain = list(ways[wid].nodes)
        segments = [(0, wid, False)]
        while chain[-1] != chain[0]:
            for candidate in by_end.get(chain[-1], ()):
                if candidate not in used:
                    break
            else:
                return None
            used.add(candidate)
            cnodes = ways[candidate].nodes
            rev = cnodes[0] != chain[-1]
            segments.append((len(chain) - 1, candidate, rev))
            chain.extend(reversed(cnodes[:-1]) if rev else cnodes[1:])
        if len(chain) < 4:
            return None
        rings.append(BaseRing(chain[:-1], segments, roles[wid]))
    return rings


# --------------------------------------------------------------------------------------------
# Sequence helpers
# --------------------------------------------------------------------------------------------


def _dedupe(keys: List[Key]) -> List[Key]:
    """Collapse consecutive duplicate vertices."""
    out: List[Key] = []
    for k in keys:
        if not out or out[-1] != k:
            out.append(k)
    return out


def _open_ring(keys: List[Key]) -> List[Key]:
    """A ring's distinct vertices in order (closing vertex and consecutive duplicates removed)."""
    keys = _dedupe(keys)
    while len(keys) > 1 and keys[-1] == keys[0]:
        keys.pop()
    return keys


def _canonical_cycle(keys: Sequence[Key]) -> Tuple[Key, ...]:
    """The same tuple for every rotation and direction of a cycle."""
    n = len(keys)
    if n == 0:
        return ()
    low = min(keys)
    best: Optional[Tuple[Key, ...]] = None
    rev = list(reversed(keys))
    for seq in (list(keys), rev):
        for i, k in enumerate(seq):
            if k == low:
                cand = tuple(seq[i:] + seq[:i])
                if best is None or cand < best:
                    best = cand
    return best  # type: ignore[return-value]


def _signed_area(keys: Sequence[Key]) -> float:
    total = 0.0
    n = len(keys)
    for i in range(n):
        x1, y1 = keys[i]
        x2, y2 = keys[(i + 1) % n]
        total += x1 * y2 - x2 * y1
    return total


def _dist2(a: Key, b: Key) -> float:
    return float(a[0] - b[0]) ** 2 + float(a[1] - b[1]) ** 2


def _pair(base: List[Key], edited: List[Key]) -> List[Tuple[int, int]]:
    """Order-preserving pairs (i, j) between a replaced stretch of base and edited vertices,
    as many as the shorter side, minimising the total squared distance."""
    n, m = len(base), len(edited)
    if n == m:
        return [(i, i) for i in range(n)]
    short_is_base = n < m
    s, lng = (base, edited) if short_is_base else (edited, base)
    ns, nl = len(s), len(lng)
    if ns * nl > 250_000:
        pairs = [(i, i) for i in range(ns)]
    else:
        inf = float("inf")
        # cost[i][j]: best cost of matching s[:i] into lng[:j]
        cost = [[0.0] * (nl + 1)] + [[inf] * (nl + 1) for _ in range(ns)]
        for i in range(1, ns + 1):
            row, prev = cost[i], cost[i - 1]
            si = s[i - 1]
            for j in range(i, nl - (ns - i) + 1):
                take = prev[j - 1] + _dist2(si, lng[j - 1])
                skip = row[j - 1]
                row[j] = take if take < skip else skip
        pairs = []
        i, j = ns, nl
        while i > 0:
            if cost[i][j] == cost[i][j - 1] and j > i:
                j -= 1
            else:
                pairs.append((i - 1, j - 1))
                i -= 1
                j -= 1
        pairs.reverse()
    return pairs if short_is_base else [(b, a) for a, b in pairs]


Slot = Tuple[int, Key]  # (base position or -1 for a new vertex, edited coordinate)


def _align(base: List[Key], edited: List[Key]) -> Tuple[List[Slot], int]:
    """Align edited vertices with base vertices; returns the slots and the number of vertices
    that matched exactly."""
    nb, ne = len(base), len(edited)
    head = 0
    limit = min(nb, ne)
    while head < limit and base[head] == edited[head]:
        head += 1
    tail = 0
    while tail < limit - head and base[nb - 1 - tail] == edited[ne - 1 - tail]:
        tail += 1
    slots: List[Slot] = [(i, edited[i]) for i in range(head)]
    equal = head + tail
    mid_b, mid_e = base[head : nb - tail], edited[head : ne - tail]
    # The middle is one replaced stretch exactly when its base and edited vertices have none in
    # common (SequenceMatcher gives that single opcode then). Equal lengths are no such sign: a
    # vertex inserted next to an unmoved one and another removed beyond it keep the length, and
    # pairing by position would move the unmoved node (a ring junction, a shared vertex) onto
    # the new vertex.
    if not mid_b or not mid_e or set(mid_b).isdisjoint(mid_e):
        opcodes = [
            (
                "replace" if mid_b and mid_e else "insert" if mid_e else "delete",
                0,
                len(mid_b),
                0,
                len(mid_e),
            )
        ]
    else:
        opcodes = SequenceMatcher(None, mid_b, mid_e, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:
        i1, i2, j1, j2 = i1 + head, i2 + head, j1 + head, j2 + head
        if tag == "equal":
            slots.extend((i1 + k, edited[j1 + k]) for k in range(i2 - i1))
            equal += i2 - i1
        elif tag == "insert":
            slots.extend((-1, edited[j]) for j in range(j1, j2))
        elif tag == "replace":
            paired = dict((j, i) for i, j in _pair(base[i1:i2], edited[j1:j2]))
            for j in range(j2 - j1):
                i = paired.get(j)
                slots.append((i1 + i if i is not None else -1, edited[j1 + j]))
    slots.extend((nb - tail + k, edited[ne - tail + k]) for k in range(tail))
    return slots, equal


def _same_floats(coords, nodes: Dict[int, Node], ids: Sequence[int]) -> bool:
    """Quick test: are the coordinates exactly the base nodes' (the unedited case)?"""
    if len(coords) != len(ids):
        return False
    try:
        for (lon, lat), nid in zip(coords, ids):
            node = nodes[nid]
            if lon != node.lon or lat != node.lat:
                return False
    except (TypeError, ValueError):
        return False
    return True


def _align_cycle(base: List[Key], edited: List[Key], allow_reverse: bool) -> List[Slot]:
    """Align two cycles (open rings); slots refer to base positions, in the base direction."""
    n = len(base)
    options = [edited, list(reversed(edited))] if allow_reverse else [edited]
    best: Optional[Tuple[int, List[Slot]]] = None
    base_count: Dict[Key, int] = {}
    for k in base:
        base_count[k] = base_count.get(k, 0) + 1
    for seq in options:
        where: Dict[Key, int] = {}
        dup: Set[Key] = set()
        for j, k in enumerate(seq):
            if k in where:
                dup.add(k)
            where[k] = j
        anchor = None
        for p, k in enumerate(base):
            if base_count[k] == 1 and k in where and k not in dup:
                anchor = (p, where[k])
                break
        if anchor is None:
            continue
        p, q = anchor
        rb = base[p:] + base[:p]
        re = seq[q:] + seq[:q]
        slots, equal = _align(rb, re)
        slots = [((i + p) % n if i >= 0 else -1, k) for i, k in slots]
        if best is None or equal > best[0]:
            best = (equal, slots)
    if best is not None:
        return best[1]
    # No vertex in common: the ring moved as a whole.
    seq = edited
    if allow_reverse and (_signed_area(seq) > 0) != (_signed_area(base) > 0):
        seq = list(reversed(seq))
    if len(seq) == n and n <= 2000:
        shift = min(
            range(n), key=lambda r: sum(_dist2(base[i], seq[(i + r) % n]) for i in range(n))
        )
        seq = seq[shift:] + seq[:shift]
    else:
        shift = min(range(len(seq)), key=lambda j: _dist2(base[0], seq[j]))
        seq = seq[shift:] + seq[:shift]
    return _align(base, seq)[0]


def _split_cycle(
    slots: List[Slot], segments: List[Tuple[int, int, bool]], n: int
) -> List[Tuple[int, List[Slot]]]:
    """Cut the aligned cycle into the ring's ways. Returns ``(way_id, slots)``, the slots in
    the way's own direction and, for a single closed way, closed. A way that lost all its
    vertices is returned with fewer than 2 slots."""
    m = len(slots)
    at: Dict[int, int] = {}
    for idx, (pos, _) in enumerate(slots):
        if pos >= 0 and pos not in at:
            at[pos] = idx

    def cut(pos: int) -> int:
        if pos in at:
            return at[pos]
        for back in range(1, n + 1):
            prev = (pos - back) % n
            if prev in at:
                return (at[prev] + 1) % m
        return 0

    result = []
    if len(segments) == 1:
        start = cut(segments[0][0])
        way_slots = slots[start:] + slots[:start]
        way_slots.append(way_slots[0])
        if segments[0][2]:
            way_slots.reverse()
        return [(segments[0][1], way_slots)]
    for idx, (start, wid, rev) in enumerate(segments):
        end = segments[(idx + 1) % len(segments)][0]
        a, b = cut(start), cut(end)
        way_slots = slots[a : b + 1] if a <= b else slots[a:] + slots[: b + 1]
        if a == b:
            way_slots = way_slots[:1]
        if rev:
            way_slots.reverse()
        result.append((wid, way_slots))
    return result


# --------------------------------------------------------------------------------------------
# The differ
# --------------------------------------------------------------------------------------------


class _NewVertex:
    """Marker in a node list: a vertex to resolve to an existing or a new node."""

    __slots__ = ("key",)

    def __init__(self, key: Key) -> None:
        self.key = key


NodeRef = object  # int (existing node id) | _NewVertex


def _err(template: str, **params) -> ValidationError:
    return ValidationError(template, **params)


def _src_text(src: Source) -> str:
    return f"{src[0]} #{src[1]}"


_LON_LIMIT, _LAT_LIMIT = 180 * SCALE, 90 * SCALE
_LAYER_TYPES = {
    POINTS: (NODE,),
    LINES: (WAY,),
    POLYGONS: (WAY, RELATION),
    RELATIONS: (RELATION,),
}


class _Differ:
    def __init__(
        self,
        base: DataSet,
        edited: Dict[str, List[EditedFeature]],
        loaded: Optional[Iterable[Tuple[str, str, int]]],
        max_way_nodes: int,
    ) -> None:
        self.base = base
        self.tables = {NODE: base.nodes, WAY: base.ways, RELATION: base.relations}
        self.edited = edited
        self.loaded = set(loaded) if loaded is not None else None
        self.removed_ring_ways: Set[int] = set()
        self.max_way_nodes = max_way_nodes
        self._rel_parents: Optional[Dict[ElementKey, List[int]]] = None
        # claims: element key -> list of (value, source)
        self.pos_claims: Dict[int, List[Tuple[Key, Source]]] = {}
        self.tag_claims: Dict[ElementKey, List[Tuple[Dict[str, str], Source]]] = {}
        self.nodes_claims: Dict[int, List[Tuple[List[NodeRef], Source]]] = {}
        self.member_claims: Dict[int, List[Tuple[list, Source]]] = {}
        self.present: Dict[Tuple[str, str, int], EditedFeature] = {}
        self.present_elements: Set[ElementKey] = set()
        # new elements
        self.next_id = {NODE: -1, WAY: -1, RELATION: -1}
        self.new_points: List[Tuple[Key, Dict[str, str], Source]] = []
        self.new_ways: List[Tuple[int, List[NodeRef], Dict[str, str], Source]] = []
        self.new_relations: List[Tuple[int, list, Dict[str, str], Source]] = []
        self.notes: Dict[ElementKey, List[Note]] = {}
        self.sources: Dict[ElementKey, List[Source]] = {}

    # -- indexes --------------------------------------------------------------------------
    def way_parents(self, node_ids: Set[int]) -> Dict[int, List[int]]:
        """The ways of the base that have each of ``node_ids`` (one pass over the ways)."""
        parents: Dict[int, List[int]] = {}
        if not node_ids:
            return parents
        disjoint = node_ids.isdisjoint
        for way in self.base.ways.values():
            if not disjoint(way.nodes):
                for n in node_ids.intersection(way.nodes):
                    parents.setdefault(n, []).append(way.id)
        return parents

    @property
    def rel_parents(self) -> Dict[ElementKey, List[int]]:
        if self._rel_parents is None:
            self._rel_parents = _relation_parents(self.base)
        return self._rel_parents

    def new_id(self, element_type: str) -> int:
        value = self.next_id[element_type]
        self.next_id[element_type] = value - 1
        return value

    def note(self, key: ElementKey, note: Note, src: Optional[Source] = None) -> None:
        self.notes.setdefault(key, []).append(note)
        if src is not None:
            lst = self.sources.setdefault(key, [])
            if src not in lst:
                lst.append(src)

    def add_source(self, key: ElementKey, src: Source) -> None:
        lst = self.sources.setdefault(key, [])
        if src not in lst:
            lst.append(src)

    # -- input --------------------------------------------------------------------------
    def run(self) -> OsmChanges:
        new_features: List[EditedFeature] = []
        for layer, features in self.edited.items():
            if layer not in LAYERS:
                raise _err(QT_TRANSLATE_NOOP(CONTEXT, "Unknown OSM layer {layer}."), layer=layer)
            for feature in features:
                if feature.osm_id is None:
                    new_features.append(feature)
                else:
                    self.existing_feature(layer, feature)
        for feature in new_features:
            self.new_feature(feature)
        return self.resolve()

    def existing_feature(self, layer: str, f: EditedFeature) -> None:
        src = (layer, f.fid)
        otype = f.osm_type
        if otype not in _LAYER_TYPES[layer]:
            raise _err(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Feature {fid} of layer {layer} has OSM type '{osm_type}', which this "
                    "layer cannot hold.",
                ),
                fid=f.fid,
                layer=layer,
                osm_type=otype,
            )
        element = self.tables[otype].get(f.osm_id)
        if element is None:
            raise _err(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Feature {fid} of layer {layer} refers to {element}, which is not in "
                    "the downloaded data.",
                ),
                fid=f.fid,
                layer=layer,
                element=label(otype, f.osm_id),
            )
        ident = (layer, otype, f.osm_id)
        if ident in self.present:
            raise _err(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Features {fid} and {other} of layer {layer} both carry the identity of "
                    "{element}. Clear osm_id on the copy so that it becomes a new "
                    "feature.",
                ),
                fid=f.fid,
                other=self.present[ident].fid,
                layer=layer,
                element=label(otype, f.osm_id),
            )
        self.present[ident] = f
        self.present_elements.add((otype, f.osm_id))
        if not (layer == POLYGONS and otype == WAY):
            self.claim_tags(element, f.tags, src)
        if layer == POINTS:
            self.point(element, f, src)  # type: ignore[arg-type]
        elif layer == LINES:
            self.line(element, f, src)  # type: ignore[arg-type]
        elif layer == POLYGONS:
            if otype == WAY:
                self.way_polygon(element, f, src)  # type: ignore[arg-type]
            else:
                self.relation_polygon(element, f, src)  # type: ignore[arg-type]
        elif f.members is not None:
            members = [Member(str(t).lower(), int(r), str(role or "")) for t, r, role in f.members]
            if members != element.members:  # type: ignore[attr-defined]
                for m in members:
                    if m.type not in (NODE, WAY, RELATION) or m.ref <= 0:
                        raise _err(
                            QT_TRANSLATE_NOOP(
                                CONTEXT,
                                "Relation {id} (feature {fid}) has an invalid member {member}.",
                            ),
                            id=f.osm_id,
                            fid=f.fid,
                            member=f"{m.type} {m.ref}",
                        )
                self.member_claims.setdefault(f.osm_id, []).append((members, src))

    def claim_tags(self, element: Element, tags: Dict[str, object], src: Source) -> None:
        if tags == element.tags and all(element.tags.values()):
            return  # unchanged (and already clean: non-empty strings)
        clean = _clean_tags(tags)
        if clean != element.tags:
            self.tag_claims.setdefault(element.key, []).append((clean, src))

    def claim_pos(self, node_id: int, key: Key, src: Source) -> None:
        if key != node_key(self.base.nodes[node_id]):
            self.pos_claims.setdefault(node_id, []).append((key, src))

    def geometry_keys(self, coords, f: EditedFeature, src: Source) -> List[Key]:
        try:
            keys = [(round(c[0] * SCALE), round(c[1] * SCALE)) for c in coords]
        except (TypeError, ValueError, OverflowError, IndexError):
            raise _err(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "Feature {fid} of layer {layer} has an invalid geometry."
                ),
                fid=f.fid,
                layer=src[0],
            ) from None
        for lon, lat in keys:
            if not (-_LON_LIMIT <= lon <= _LON_LIMIT and -_LAT_LIMIT <= lat <= _LAT_LIMIT):
                raise _err(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "Feature {fid} of layer {layer} has coordinates outside "
                        "longitude -180..180 / latitude -90..90 ({lon}, {lat}): is the layer "
                        "transformed to WGS84?",
                    ),
                    fid=f.fid,
                    layer=src[0],
                    lon=lon / SCALE,
                    lat=lat / SCALE,
                )
        return keys

    # -- existing features ------------------------------------------------------------------
    def point(self, node: Node, f: EditedFeature, src: Source) -> None:
        if f.geometry is None:
            raise _err(
                QT_TRANSLATE_NOOP(CONTEXT, "Feature {fid} of layer {layer} has no geometry."),
                fid=f.fid,
                layer=src[0],
            )
        geometry = f.geometry
        if geometry and isinstance(geometry[0], (list, tuple)):  # multipoint
            if len(geometry) != 1:
                raise _err(
                    QT_TRANSLATE_NOOP(
                        CONTEXT, "Point {fid} of node {id} has {parts} parts; an OSM node has one."
                    ),
                    fid=f.fid,
                    id=node.id,
                    parts=len(geometry),
                )
            geometry = geometry[0]
        if _same_floats([geometry], self.base.nodes, [node.id]):
            return
        key = self.geometry_keys([geometry], f, src)[0]
        self.claim_pos(node.id, key, src)

    def line_parts(self, f: EditedFeature) -> List[list]:
        geometry = f.geometry
        if not geometry:
            return []
        if isinstance(geometry[0][0], (list, tuple)):
            return [part for part in geometry if part]
        return [geometry]

    def line(self, way: Way, f: EditedFeature, src: Source) -> None:
        parts = self.line_parts(f)
        if len(parts) != 1:
            raise _err(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Line {fid} of way {id} has {parts} parts; an OSM way has exactly one. "
                    "Split it into separate features (the copies without osm_id).",
                ),
                fid=f.fid,
                id=way.id,
                parts=len(parts),
            )
        nodes = self.base.nodes
        if not all(map(nodes.__contains__, way.nodes)):
            self.incomplete_line(way, parts[0], f, src)
            return
        if _same_floats(parts[0], nodes, way.nodes):
            return
        edited = _dedupe(self.geometry_keys(parts[0], f, src))
        base_keys = [
            (round(p.lon * SCALE), round(p.lat * SCALE)) for p in map(nodes.__getitem__, way.nodes)
        ]
        if edited == base_keys:
            return
        if len(edited) < 2:
            raise _err(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Line {fid} of way {id} has fewer than two distinct vertices; delete "
                    "the feature instead.",
                ),
                fid=f.fid,
                id=way.id,
            )
        if way.is_closed and len(edited) >= 4 and edited[0] == edited[-1]:
            self.ring_edit(
                BaseRing(list(way.nodes[:-1]), [(0, way.id, False)], ""), edited[:-1], False, src
            )
            return
        slots, equal = _align(base_keys, edited)
        if equal < len(edited) // 2:
            rslots, requal = _align(base_keys, edited[::-1])
            if requal > equal:
                slots = rslots[::-1]
        ids = way.nodes
        self.way_slots(
            way,
            [(ids[p], k, base_keys[p]) if p >= 0 else (-1, k, None) for p, k in slots],
            src,
        )

    def incomplete_line(self, way: Way, coords, f: EditedFeature, src: Source) -> None:
        """A way with nodes outside the data: drawn through the nodes that are there. Its tags
        may change; its node list is never rebuilt from the drawing (that would drop the missing
        nodes), so a geometry edit is refused."""
        present = [ref for ref in way.nodes if ref in self.base.nodes]
        if _same_floats(coords, self.base.nodes, present):
            return
        nodes = self.base.nodes
        drawn = [(round(nodes[r].lon * SCALE), round(nodes[r].lat * SCALE)) for r in present]
        if _dedupe(self.geometry_keys(coords, f, src)) == _dedupe(drawn):
            return
        raise _err(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "Way {id} (feature {fid}) is incomplete: some of its nodes are not in the "
                "downloaded data, so its geometry cannot be changed here. Undo the geometry "
                "edit or download its whole area (tag edits are fine).",
            ),
            id=way.id,
            fid=f.fid,
        )

    def way_slots(self, way: Way, slots: List[Tuple[int, Key, Optional[Key]]], src: Source) -> None:
        """Turn aligned slots (node id or -1, edited coordinate, base coordinate of the node)
        into node moves and a node list."""
        kept_base = {nid for nid, key, old in slots if key == old}
        claimed: Dict[int, Key] = {}
        refs: List[NodeRef] = []
        for nid, key, old in slots:
            if nid < 0:
                refs.append(_NewVertex(key))
            elif nid in kept_base:
                refs.append(nid if key == old else _NewVertex(key))
            elif nid in claimed:
                refs.append(nid if claimed[nid] == key else _NewVertex(key))
            else:
                claimed[nid] = key
                self.pos_claims.setdefault(nid, []).append((key, src))  # key != old
                refs.append(nid)
        if refs != way.nodes:
            self.nodes_claims.setdefault(way.id, []).append((refs, src))

    def polygon_rings(self, f: EditedFeature, src: Source) -> List[Tuple[List[Key], str]]:
        geometry = f.geometry or []
        if geometry and geometry[0] and isinstance(geometry[0][0][0], (int, float)):
            geometry = [geometry]  # a single polygon
        rings = []
        for polygon in geometry:
            for index, ring in enumerate(polygon):
                keys = _open_ring(self.geometry_keys(ring, f, src))
                if len(keys) < 3:
                    raise _err(
                        QT_TRANSLATE_NOOP(
                            CONTEXT,
                            "Polygon {fid} of layer {layer} has a ring with fewer than "
                            "three distinct vertices.",
                        ),
                        fid=f.fid,
                        layer=src[0],
                    )
                rings.append((keys, "outer" if index == 0 else "inner"))
        return rings

    def ring_keys(self, ring: BaseRing) -> List[Key]:
        nodes = self.base.nodes
        return [
            (round(p.lon * SCALE), round(p.lat * SCALE)) for p in map(nodes.__getitem__, ring.nodes)
        ]

    def ring_edit(
        self, ring: BaseRing, edited: List[Key], allow_reverse: bool, src: Source
    ) -> List[int]:
        """Apply an edited ring to a base ring; returns the ways that lost all their vertices."""
        base_keys = self.ring_keys(ring)
        slots = _align_cycle(base_keys, edited, allow_reverse)
        ids = ring.nodes
        lost = []
        for wid, way_slots in _split_cycle(slots, ring.segments, len(ids)):
            if len(way_slots) < 2:
                lost.append(wid)
                continue
            way = self.base.ways[wid]
            self.way_slots(
                way,
                [(ids[p], k, base_keys[p]) if p >= 0 else (-1, k, None) for p, k in way_slots],
                src,
            )
        return lost

    def way_polygon(self, way: Way, f: EditedFeature, src: Source) -> None:
        if not way.is_closed:
            raise _err(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "Polygon {fid} refers to way {id}, which is not closed."
                ),
                fid=f.fid,
                id=way.id,
            )
        geometry = f.geometry
        if (
            geometry
            and len(geometry) == 1
            and len(geometry[0]) == 1
            and _same_floats(geometry[0][0], self.base.nodes, way.nodes)
        ):
            self.claim_tags(way, f.tags, src)
            return
        rings = self.polygon_rings(f, src)
        base_ring = BaseRing(list(way.nodes[:-1]), [(0, way.id, False)], "outer")
        base_keys = self.ring_keys(base_ring)
        if len(rings) == 1:
            self.claim_tags(way, f.tags, src)
            if _canonical_cycle(rings[0][0]) != _canonical_cycle(base_keys):
                self.ring_edit(base_ring, rings[0][0], True, src)
            return
        if not rings:
            raise _err(
                QT_TRANSLATE_NOOP(CONTEXT, "Feature {fid} of layer {layer} has no geometry."),
                fid=f.fid,
                layer=src[0],
            )
        # Holes or parts added to a closed way: it becomes a multipolygon relation that takes
        # the tags; the way stays as an untagged member.
        rel_id = self.new_id(RELATION)
        tags = _clean_tags(f.tags)
        tags.setdefault("type", "multipolygon")
        self.tag_claims.setdefault(way.key, []).append(({}, src))
        members = self.polygon_members([base_ring], rings, src, tags_owner=None)
        self.new_relations.append((rel_id, members, tags, src))
        self.note(
            (RELATION, rel_id),
            Note(
                QT_TRANSLATE_NOOP(CONTEXT, "multipolygon replacing the tags of {element}"),
                element=label(WAY, way.id),
            ),
            src,
        )

    def relation_polygon(self, rel: Relation, f: EditedFeature, src: Source) -> None:
        rings = self.polygon_rings(f, src)
        base_rings = assemble_rings(self.base, rel)
        if base_rings is None:
            known = {
                node_key(self.base.nodes[n])
                for m in rel.members
                if m.type == WAY and m.ref in self.base.ways
                for n in self.base.ways[m.ref].nodes
                if n in self.base.nodes
            }
            if all(k in known for keys, _ in rings for k in keys):
                return
            raise _err(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "Relation {id} (feature {fid}) is incomplete or its rings do not close; "
                    "its geometry cannot be changed here. Edit its member ways instead (tag "
                    "edits are fine).",
                ),
                id=rel.id,
                fid=f.fid,
            )
        base_canon = sorted(_canonical_cycle(self.ring_keys(r)) for r in base_rings)
        if sorted(_canonical_cycle(keys) for keys, _ in rings) == base_canon:
            return
        members = self.polygon_members(base_rings, rings, src, tags_owner=rel)
        if members != rel.members:
            self.member_claims.setdefault(rel.id, []).append((members, src))

    def polygon_members(
        self,
        base_rings: List[BaseRing],
        rings: List[Tuple[List[Key], str]],
        src: Source,
        tags_owner: Optional[Relation],
    ) -> list:
        """Match edited rings with base rings, apply ring edits; returns the new member list
        (members may reference new ways by their placeholder ids)."""
        base_keys = [self.ring_keys(r) for r in base_rings]
        base_canon = [_canonical_cycle(k) for k in base_keys]
        matched: Dict[int, int] = {}  # edited index -> base index
        free_base = set(range(len(base_rings)))
        for j, (keys, _) in enumerate(rings):
            canon = _canonical_cycle(keys)
            for i in sorted(free_base):
                if base_canon[i] == canon:
                    matched[j] = i
                    free_base.discard(i)
                    break
        # by shared vertices, best first
        scores = []
        base_sets = [set(k) for k in base_keys]
        for j, (keys, _) in enumerate(rings):
            if j in matched:
                continue
            kset = set(keys)
            for i in free_base:
                score = len(kset & base_sets[i])
                if score:
                    scores.append((-score, j, i))
        for _, j, i in sorted(scores):
            if j not in matched and i in free_base:
                matched[j] = i
                free_base.discard(i)

        # rings moved as a whole: same vertex count, nearest centre
        def centre(keys):
            return (sum(k[0] for k in keys) / len(keys), sum(k[1] for k in keys) / len(keys))

        pending = sorted(
            (_dist2(centre(rings[j][0]), centre(base_keys[i])), j, i)
            for j in range(len(rings))
            if j not in matched
            for i in free_base
            if len(base_keys[i]) == len(rings[j][0])
        )
        for _, j, i in pending:
            if j not in matched and i in free_base:
                matched[j] = i
                free_base.discard(i)
        keep_ways: Dict[int, str] = {}
        lost: Set[int] = set()
        for j, i in matched.items():
            ring = base_rings[i]
            if base_canon[i] != _canonical_cycle(rings[j][0]):
                lost.update(self.ring_edit(ring, rings[j][0], True, src))
            for wid in ring.way_ids:
                keep_ways.setdefault(wid, ring.role if tags_owner else rings[j][1])
        new_members: List[Member] = []
        for j, (keys, role) in enumerate(rings):
            if j in matched:
                continue
            for wid in self.new_ring_ways(keys, src):
                new_members.append(Member(WAY, wid, role))
        removed = {w for r in base_rings for w in r.way_ids} - set(keep_ways)
        removed |= lost
        if tags_owner is None:
            members = [Member(WAY, w, role) for w, role in keep_ways.items() if w not in lost]
        else:
            members = [m for m in tags_owner.members if not (m.type == WAY and m.ref in removed)]
        for wid in removed:
            self.note(
                (WAY, wid),
                Note(
                    QT_TRANSLATE_NOOP(CONTEXT, "ring removed from {element}"),
                    element=label(RELATION, tags_owner.id) if tags_owner else "multipolygon",
                ),
                src,
            )
        self.removed_ring_ways.update(removed)
        return members + new_members

    def new_ring_ways(self, keys: List[Key], src: Source) -> List[int]:
        """New untagged closed way(s) for a ring; split when longer than the limit."""
        refs: List[NodeRef] = [_NewVertex(k) for k in keys]
        refs.append(refs[0])
        ids = []
        for chunk in _chunks(refs, self.max_way_nodes):
            wid = self.new_id(WAY)
            self.new_ways.append((wid, chunk, {}, src))
            ids.append(wid)
        return ids

    # -- new features -----------------------------------------------------------------------
    def new_feature(self, f: EditedFeature) -> None:
        layer = f.layer
        src = (layer, f.fid)
        tags = _clean_tags(f.tags)
        if layer == POINTS:
            geometry = f.geometry
            points = geometry if geometry and isinstance(geometry[0], (list, tuple)) else [geometry]
            if not geometry:
                raise _err(
                    QT_TRANSLATE_NOOP(CONTEXT, "Feature {fid} of layer {layer} has no geometry."),
                    fid=f.fid,
                    layer=layer,
                )
            for key in self.geometry_keys(points, f, src):
                self.new_points.append((key, dict(tags), src))
        elif layer == LINES:
            parts = self.line_parts(f)
            if not parts:
                raise _err(
                    QT_TRANSLATE_NOOP(CONTEXT, "Feature {fid} of layer {layer} has no geometry."),
                    fid=f.fid,
                    layer=layer,
                )
            for part in parts:
                keys = _dedupe(self.geometry_keys(part, f, src))
                if len(keys) < 2:
                    raise _err(
                        QT_TRANSLATE_NOOP(
                            CONTEXT, "New line {fid} has fewer than two distinct vertices."
                        ),
                        fid=f.fid,
                    )
                refs: List[NodeRef] = [_NewVertex(k) for k in keys]
                for chunk in _chunks(refs, self.max_way_nodes):
                    wid = self.new_id(WAY)
                    self.new_ways.append((wid, chunk, dict(tags), src))
        elif layer == POLYGONS:
            rings = self.polygon_rings(f, src)
            if not rings:
                raise _err(
                    QT_TRANSLATE_NOOP(CONTEXT, "Feature {fid} of layer {layer} has no geometry."),
                    fid=f.fid,
                    layer=layer,
                )
            if len(rings) == 1 and len(rings[0][0]) < self.max_way_nodes:
                refs = [_NewVertex(k) for k in rings[0][0]]
                refs.append(refs[0])
                self.new_ways.append((self.new_id(WAY), refs, tags, src))
            else:
                tags.setdefault("type", "multipolygon")
                members = []
                for keys, role in rings:
                    members.extend(Member(WAY, w, role) for w in self.new_ring_ways(keys, src))
                self.new_relations.append((self.new_id(RELATION), members, tags, src))
        else:
            members = []
            for t, r, role in f.members or []:
                m = Member(str(t).lower(), int(r), str(role or ""))
                if m.type not in (NODE, WAY, RELATION) or m.ref <= 0:
                    raise _err(
                        QT_TRANSLATE_NOOP(
                            CONTEXT, "New relation {fid} has an invalid member {member}."
                        ),
                        fid=f.fid,
                        member=f"{m.type} {m.ref}",
                    )
                members.append(m)
            self.new_relations.append((self.new_id(RELATION), members, tags, src))

    # -- resolution -------------------------------------------------------------------------
    def single(self, key: ElementKey, claims: list, what: str):
        value, src = claims[0]
        for other, other_src in claims[1:]:
            if other != value:
                raise EditConflict(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "{element} is changed differently by {first} and {second} "
                        "({what}). Make both features agree, or undo one of the edits.",
                    ),
                    element=label(*key),
                    first=_src_text(src),
                    second=_src_text(other_src),
                    what=what,
                )
        return value

    def resolve(self) -> OsmChanges:
        base = self.base
        # 1. node positions
        final_pos: Dict[int, Key] = {}
        for nid, claims in self.pos_claims.items():
            final_pos[nid] = self.single((NODE, nid), claims, "position")
            for _, src in claims:
                self.add_source((NODE, nid), src)
        # 2. final tags
        final_tags: Dict[ElementKey, Dict[str, str]] = {}
        for key, claims in self.tag_claims.items():
            final_tags[key] = self.single(key, claims, "tags")
            for _, src in claims:
                self.add_source(key, src)
        # 3. deleted features (before resolving new vertices: deleted points keep nothing)
        deleted_primary = self.deleted_features()
        # 4. resolve new vertices and new points
        index: Optional[Dict[Key, int]] = None
        new_nodes: Dict[int, Node] = {}
        new_by_key: Dict[Key, int] = {}
        node_srcs: Dict[int, Source] = {}

        def resolve_ref(ref: NodeRef, src: Source) -> int:
            nonlocal index
            if not isinstance(ref, _NewVertex):
                return ref  # type: ignore[return-value]
            key = ref.key
            if index is None:
                index = self.final_index(final_pos)
            nid = index.get(key)
            if nid is not None:
                return nid
            nid = new_by_key.get(key)
            if nid is None:
                nid = self.new_id(NODE)
                new_by_key[key] = nid
                new_nodes[nid] = Node(nid, key[1] / SCALE, key[0] / SCALE)
                node_srcs[nid] = src
            return nid

        final_nodes: Dict[int, List[int]] = {}
        for wid, claims in self.nodes_claims.items():
            resolved = [
                (_collapse([r if r.__class__ is int else resolve_ref(r, s) for r in refs]), s)
                for refs, s in claims
            ]
            value = self.single((WAY, wid), resolved, "vertices")
            for _, src in claims:
                self.add_source((WAY, wid), src)
            if len(value) < 2:
                raise _err(
                    QT_TRANSLATE_NOOP(
                        CONTEXT, "Way {id} would have fewer than two nodes ({source})."
                    ),
                    id=wid,
                    source=_src_text(claims[0][1]),
                )
            if len(value) > self.max_way_nodes:
                raise _err(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "Way {id} would have {count} nodes, more than the {limit} a way "
                        "may have ({source}). Split the line first.",
                    ),
                    id=wid,
                    count=len(value),
                    limit=self.max_way_nodes,
                    source=_src_text(claims[0][1]),
                )
            if value != base.ways[wid].nodes:
                final_nodes[wid] = value
        created_ways: List[Way] = []
        for wid, refs, tags, src in self.new_ways:
            ids = _collapse([resolve_ref(r, src) for r in refs])
            if len(ids) < 2:
                raise _err(
                    QT_TRANSLATE_NOOP(CONTEXT, "New feature {source} collapses to a single node."),
                    source=_src_text(src),
                )
            created_ways.append(Way(wid, ids, tags=tags))
            self.add_source((WAY, wid), src)
        taken: Set[int] = set()
        for key, tags, src in self.new_points:
            if index is None:
                index = self.final_index(final_pos)
            nid = index.get(key)
            if nid is None:
                nid = new_by_key.get(key)
            if (
                nid is not None
                and nid not in taken
                and not self.tags_of(nid, final_tags, new_nodes, deleted_primary)
            ):
                taken.add(nid)
                if nid < 0:
                    new_nodes[nid].tags = tags
                else:
                    final_tags[(NODE, nid)] = tags
                    self.note(
                        (NODE, nid),
                        Note(QT_TRANSLATE_NOOP(CONTEXT, "new point placed on this node")),
                        src,
                    )
                    deleted_primary.discard((NODE, nid))
                node_srcs.setdefault(nid, src)
                self.add_source((NODE, nid), src)
                continue
            nid = self.new_id(NODE)
            new_nodes[nid] = Node(nid, key[1] / SCALE, key[0] / SCALE, tags=tags)
            node_srcs[nid] = src
            taken.add(nid)
        for nid, src in node_srcs.items():
            if nid < 0:
                self.add_source((NODE, nid), src)

        # 5. relation members
        final_members: Dict[int, List[Member]] = {}
        for rid, claims in self.member_claims.items():
            final_members[rid] = self.single((RELATION, rid), claims, "members")
            for _, src in claims:
                self.add_source((RELATION, rid), src)

        # 6. deletes and orphans
        deletes = self.cascade(
            deleted_primary, final_pos, final_tags, final_nodes, final_members, created_ways
        )
        return self.build(
            final_pos, final_tags, final_nodes, final_members, new_nodes, created_ways, deletes
        )

    def tags_of(self, nid, final_tags, new_nodes, deleted_primary) -> Dict[str, str]:
        if nid < 0:
            return new_nodes[nid].tags
        if (NODE, nid) in deleted_primary:
            return {}
        return final_tags.get((NODE, nid), self.base.nodes[nid].tags)

    def final_index(self, final_pos: Dict[int, Key]) -> Dict[Key, int]:
        """Node id by final coordinate (the smallest id where several nodes coincide), for the
        coordinates of the new vertices and points: the only ones looked up."""
        wanted: Set[Key] = {key for key, _, _ in self.new_points}
        for claims in self.nodes_claims.values():
            for refs, _ in claims:
                wanted.update([r.key for r in refs if r.__class__ is _NewVertex])  # type: ignore[attr-defined]
        for _, refs, _, _ in self.new_ways:
            wanted.update([r.key for r in refs if r.__class__ is _NewVertex])  # type: ignore[attr-defined]
        index: Dict[Key, int] = {}
        if not wanted:
            return index
        # the base nodes on a wanted longitude (one rounding per node), then the moved ones
        lons = {lon for lon, _ in wanted}
        candidates = [
            (nid, node)
            for nid, node in self.base.nodes.items()
            if round(node.lon * SCALE) in lons and nid not in final_pos
        ]
        found = [
            (nid, (round(node.lon * SCALE), round(node.lat * SCALE))) for nid, node in candidates
        ]
        for nid, key in chain(found, final_pos.items()):
            if key in wanted:
                current = index.get(key)
                if current is None or nid < current:
                    index[key] = nid
        return index

    def deleted_features(self) -> Set[ElementKey]:
        """Elements whose feature was loaded and is no longer in its layer."""
        expected = self.loaded
        if expected is None:
            expected = set(loaded_keys(self.base))
        present = self.present
        deleted: Set[ElementKey] = set()
        present_ways: Optional[Set[int]] = None
        for layer, otype, oid in expected.difference(present):
            if otype == WAY:
                if present_ways is None:
                    present_ways = {i for (_, t, i) in present if t == WAY}
                if oid in present_ways:
                    continue  # moved between lines and polygons: still there
            if layer not in self.edited:
                continue  # layer not given at all: nothing known about it
            if self.base.get(otype, oid) is not None:
                deleted.add((otype, oid))
        return deleted

    def cascade(
        self, deleted_primary, final_pos, final_tags, final_nodes, final_members, created_ways
    ) -> List[Change]:
        base = self.base
        deleted: Dict[ElementKey, bool] = {}  # key -> if_unused
        primary = set(deleted_primary)

        # Points whose node stays a vertex lose their tags instead of being deleted.
        def ways_using(nid: int, parents: Dict[int, List[int]]) -> bool:
            """Whether a way still has node ``nid`` (``parents``: its base ways)."""
            for wid in parents.get(nid, ()):
                if (WAY, wid) in deleted or (WAY, wid) in primary:
                    continue
                if wid in final_nodes:
                    if nid in final_nodes[wid]:
                        return True
                else:
                    return True
            return nid in used_new

        used_new: Set[int] = set()
        for way in created_ways:
            used_new.update(way.nodes)
        for ids in final_nodes.values():
            used_new.update(ids)
        new_members = {
            m.ref for _, members, _, _ in self.new_relations for m in members if m.type == NODE
        }

        parents = self.way_parents({oid for otype, oid in primary if otype == NODE})
        for key in sorted(primary, key=_delete_rank):
            otype, oid = key
            if otype == NODE and ways_using(oid, parents):
                final_tags[key] = {}
                self.note(
                    key,
                    Note(
                        QT_TRANSLATE_NOOP(
                            CONTEXT, "point deleted; the node stays as a vertex and loses its tags"
                        )
                    ),
                )
                self.drop_from_relations(key, final_members, deleted)
                continue
            deleted[key] = self.uncertain(key)
            self.note(key, Note(QT_TRANSLATE_NOOP(CONTEXT, "feature deleted")))
            self.drop_from_relations(key, final_members, deleted)
        # member ways orphaned by deleted relations or removed rings
        candidate_ways: Set[int] = set(self.removed_ring_ways)
        for otype, oid in list(deleted):
            if otype == RELATION:
                candidate_ways.update(m.ref for m in base.relations[oid].members if m.type == WAY)
        for wid in sorted(candidate_ways):
            if (WAY, wid) in deleted or wid not in base.ways:
                continue
            if self.way_still_needed(wid, final_tags, final_members, deleted):
                continue
            deleted[(WAY, wid)] = True
            self.note((WAY, wid), Note(QT_TRANSLATE_NOOP(CONTEXT, "member way no longer used")))
            self.drop_from_relations((WAY, wid), final_members, deleted)
        # nodes orphaned by deleted ways or removed from ways
        candidate_nodes: Set[int] = set()
        for otype, oid in deleted:
            if otype == WAY:
                candidate_nodes.update(base.ways[oid].nodes)
        for wid, ids in final_nodes.items():
            if (WAY, wid) in deleted:
                continue
            candidate_nodes.update(set(base.ways[wid].nodes) - set(ids))
        parents = self.way_parents(candidate_nodes)
        for nid in sorted(candidate_nodes):
            key = (NODE, nid)
            if key in deleted or key in primary or nid not in base.nodes:
                continue  # (a node outside the data, of an incomplete way: not ours to delete)
            tags = final_tags.get(key, base.nodes[nid].tags)
            if tags or (POINTS, NODE, nid) in self.present:
                continue
            if ways_using(nid, parents):
                continue
            if nid in new_members or any(
                (RELATION, r) not in deleted
                and any(
                    m.type == NODE and m.ref == nid
                    for m in final_members.get(r, base.relations[r].members)
                )
                for r in self.rel_parents.get(key, ())
            ):
                continue
            deleted[key] = True
            self.note(key, Note(QT_TRANSLATE_NOOP(CONTEXT, "node no longer used")))
        changes = []
        for key in sorted(deleted, key=_delete_rank):
            element = base.get(*key)
            changes.append(
                Change(
                    DELETE,
                    element,
                    deleted[key],  # type: ignore[arg-type]
                    self.sources.get(key, []),
                    self.notes.get(key, []),
                )
            )
        for key in deleted:
            final_tags.pop(key, None)
            if key[0] == NODE:
                final_pos.pop(key[1], None)
            if key[0] == WAY:
                final_nodes.pop(key[1], None)
            if key[0] == RELATION:
                final_members.pop(key[1], None)
        return changes

    def way_still_needed(self, wid, final_tags, final_members, deleted) -> bool:
        base = self.base
        tags = final_tags.get((WAY, wid), base.ways[wid].tags)
        if tags:
            return True
        if (LINES, WAY, wid) in self.present or (POLYGONS, WAY, wid) in self.present:
            return True
        for rid in self.rel_parents.get((WAY, wid), ()):
            if (RELATION, rid) in deleted:
                continue
            members = final_members.get(rid, base.relations[rid].members)
            if any(m.type == WAY and m.ref == wid for m in members):
                return True
        return False

    def drop_from_relations(self, key: ElementKey, final_members, deleted) -> None:
        otype, oid = key
        for rid in self.rel_parents.get(key, ()):
            if (RELATION, rid) in deleted:
                continue
            members = final_members.get(rid, self.base.relations[rid].members)
            kept = [m for m in members if not (m.type == otype and m.ref == oid)]
            if len(kept) != len(members):
                final_members[rid] = kept
                self.note(
                    (RELATION, rid),
                    Note(
                        QT_TRANSLATE_NOOP(CONTEXT, "{element} removed from the members"),
                        element=label(*key),
                    ),
                )

    def uncertain(self, key: ElementKey) -> bool:
        """Whether the element might be used by data outside what was downloaded."""
        otype, oid = key
        base = self.base
        if otype == NODE:
            node = base.nodes[oid]
            return not any(
                b[0] <= node.lon <= b[2] and b[1] <= node.lat <= b[3] for b in base.bounds
            )
        if otype == RELATION:
            rel = base.relations[oid]
            return not any(
                (m.type == NODE and m.ref in base.nodes) or (m.type == WAY and m.ref in base.ways)
                for m in rel.members
            )
        return False

    def build(
        self, final_pos, final_tags, final_nodes, final_members, new_nodes, created_ways, deletes
    ) -> OsmChanges:
        base = self.base
        out = OsmChanges()
        sources, notes = self.sources, self.notes
        creates, modifies = out.creates, out.modifies

        def change(action, element, old=_NEW):
            key = element.key
            return Change(action, element, False, sources.get(key, []), notes.get(key), old)

        for nid in sorted(new_nodes, reverse=True):
            creates.append(change(CREATE, new_nodes[nid]))
        for way in created_ways:
            creates.append(change(CREATE, way))
        for rid, members, tags, src in self.new_relations:
            rel = Relation(rid, list(members), tags=tags)
            self.add_source((RELATION, rid), src)
            creates.append(change(CREATE, rel))
        nodes = base.nodes
        touched_nodes = set(final_pos) | {i for t, i in final_tags if t == NODE}
        for nid in sorted(touched_nodes):
            old = nodes[nid]
            old_key = (round(old.lon * SCALE), round(old.lat * SCALE))
            key = final_pos.get(nid) or old_key
            tags = final_tags.get((NODE, nid), old.tags)
            if key == old_key and tags == old.tags:
                continue
            node = Node(nid, key[1] / SCALE, key[0] / SCALE, old.version, dict(tags))
            modifies.append(change(MODIFY, node, old))
        ways = base.ways
        touched_ways = set(final_nodes) | {i for t, i in final_tags if t == WAY}
        for wid in sorted(touched_ways):
            old = ways[wid]
            ids = final_nodes.get(wid, old.nodes)
            tags = final_tags.get((WAY, wid), old.tags)
            if ids == old.nodes and tags == old.tags:
                continue
            modifies.append(change(MODIFY, Way(wid, list(ids), old.version, dict(tags)), old))
        touched_rels = set(final_members) | {i for t, i in final_tags if t == RELATION}
        for rid in sorted(touched_rels):
            old = base.relations[rid]
            members = final_members.get(rid, old.members)
            tags = final_tags.get((RELATION, rid), old.tags)
            if members == old.members and tags == old.tags:
                continue
            modifies.append(
                change(MODIFY, Relation(rid, list(members), old.version, dict(tags)), old)
            )
        out.deletes = deletes
        return out


class _NewElement:
    """Marker for :class:`Change`: a create whose notes are "new" when it has no others."""


_NEW: Element = _NewElement()  # type: ignore[assignment]


def _derived_notes(notes: List[Note], base: Element, element: Element) -> List[Note]:
    """``notes`` followed by what comparing ``element`` with its ``base`` state shows."""
    if base is _NEW:
        return notes or [Note(QT_TRANSLATE_NOOP(CONTEXT, "new"))]
    kind = element.type
    if kind == NODE:
        if node_key(element) != node_key(base):  # type: ignore[arg-type]
            notes.append(Note(QT_TRANSLATE_NOOP(CONTEXT, "moved")))
    elif kind == WAY:
        if element.nodes != base.nodes:  # type: ignore[attr-defined]
            notes.append(Note(QT_TRANSLATE_NOOP(CONTEXT, "nodes changed")))
    elif element.members != base.members:  # type: ignore[attr-defined]
        notes.append(Note(QT_TRANSLATE_NOOP(CONTEXT, "members changed")))
    if element.tags != base.tags:
        notes.append(_tag_note(base.tags, element.tags))
    return notes


def _tag_note(old: Dict[str, str], new: Dict[str, str]) -> Note:
    parts = []
    for k in sorted(set(old) | set(new)):
        if k not in old:
            parts.append(f"+{k}={new[k]}")
        elif k not in new:
            parts.append(f"-{k}")
        elif old[k] != new[k]:
            parts.append(f"{k}={old[k]}→{new[k]}")
    return Note(QT_TRANSLATE_NOOP(CONTEXT, "tags: {changes}"), changes=", ".join(parts))


def _delete_rank(key: ElementKey):
    return ({RELATION: 0, WAY: 1, NODE: 2}[key[0]], key[1])


def _collapse(ids: List[int]) -> List[int]:
    out: List[int] = []
    for i in ids:
        if not out or out[-1] != i:
            out.append(i)
    return out


def _chunks(refs: List[NodeRef], limit: int) -> List[List[NodeRef]]:
    """Split a node list into consecutive lists of at most ``limit`` nodes sharing end nodes."""
    if len(refs) <= limit:
        return [refs]
    chunks = []
    start = 0
    while start < len(refs) - 1:
        chunks.append(refs[start : start + limit])
        start += limit - 1
    return chunks


def _clean_tags(tags: Dict[str, object]) -> Dict[str, str]:
    """Tags as OSM strings; a cleared (empty or NULL) value removes the tag."""
    out: Dict[str, str] = {}
    for k, v in (tags or {}).items():
        if v is None:
            continue
        if isinstance(v, float) and (math.isnan(v)):
            continue
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        text = v if isinstance(v, str) else str(v)
        if text == "":
            continue
        out[str(k)] = text
    return out


def compute_changes(
    base: DataSet,
    edited: Dict[str, List[EditedFeature]],
    *,
    loaded: Optional[Iterable[Tuple[str, str, int]]] = None,
    max_way_nodes: int = MAX_WAY_NODES,
) -> OsmChanges:
    """The changes that turn ``base`` into the ``edited`` layers.

    ``edited`` maps layer names (:data:`~.features.LAYERS`) to their features; a layer that is
    missing from the mapping is taken as "not looked at" (nothing in it is deleted).
    ``loaded`` is the set of ``(layer, osm_type, osm_id)`` the loader wrote; a loaded feature
    missing from its layer was deleted. Without it, the rules of :func:`loaded_features` are used.
    Raises :class:`~..errors.ValidationError` (or :class:`EditConflict`) with a message naming
    the feature when an edit cannot be expressed in OSM.
    """
    from .shared_nodes import note_shared_moves

    with gc_paused():
        changes = _Differ(base, edited, loaded, max_way_nodes).run()
        note_shared_moves(changes, base, edited)
        return changes


@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector: the differ allocates many small objects that are
    all still alive, and full collections over a big base snapshot cost more than the diff."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
