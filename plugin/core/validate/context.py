"""The state the rules judge: the base with the changes applied, and what the user touched.

Rules judge only what the user created or changed and what that touches. :class:`Context` works
that out once from the :class:`~..osm.diff.OsmChanges` and the base :class:`~..osm.model.DataSet`:

* ``created`` / ``modified`` element keys, ``moved`` nodes (position differs from the base);
* ``retagged``: created elements and elements whose tags differ from the base (the tag rules);
* ``reshaped``: created ways, modified ways whose node list changed, and ways with a moved node
  (the geometry rules);
* the final state (:meth:`node`, :meth:`way`, :meth:`relation`) and the ways that use a node.
"""

from __future__ import annotations

import math
from typing import Dict, Iterable, List, Optional, Set, Tuple

from ..osm.diff import CREATE, DELETE, OsmChanges
from ..osm.features import EditedFeature
from ..osm.model import NODE, RELATION, WAY, DataSet, Node, Relation, Way
from .issues import ElementKey, Location, Source

Coord = Tuple[float, float]
METRES_PER_DEGREE = 111_320.0


def metres(a: Coord, b: Coord) -> float:
    """Distance in metres between two ``(lon, lat)`` (equirectangular; fine below a few km)."""
    kx = METRES_PER_DEGREE * math.cos(math.radians((a[1] + b[1]) / 2))
    return math.hypot((a[0] - b[0]) * kx, (a[1] - b[1]) * METRES_PER_DEGREE)


class Context:
    def __init__(
        self,
        changes: OsmChanges,
        base: DataSet,
        edited: Optional[Dict[str, List[EditedFeature]]] = None,
    ) -> None:
        self.changes = changes
        self.base = base
        self.edited = edited or {}
        self.nodes: Dict[int, Node] = {}
        self.ways: Dict[int, Way] = {}
        self.relations: Dict[int, Relation] = {}
        self.deleted: Set[ElementKey] = set()
        self.created: Set[ElementKey] = set()
        self.modified: Set[ElementKey] = set()
        self.sources: Dict[ElementKey, List[Source]] = {}
        tables = {NODE: self.nodes, WAY: self.ways, RELATION: self.relations}
        for change in changes:
            element = change.element
            key = element.key
            if change.sources:
                self.sources.setdefault(key, []).extend(change.sources)
            if change.action == DELETE:
                self.deleted.add(key)
                continue
            tables[element.type][element.id] = element
            (self.created if change.action == CREATE else self.modified).add(key)
        base_nodes, base_ways = base.nodes, base.ways
        self.moved: Set[int] = set()
        self.retagged: Set[ElementKey] = set(self.created)
        for key in self.modified:
            kind, eid = key
            element = tables[kind][eid]
            old = base.get(kind, eid)
            if old is None or old.tags != element.tags:
                self.retagged.add(key)
            if (
                kind == NODE
                and old is not None
                and (old.lon, old.lat) != (element.lon, element.lat)
            ):
                self.moved.add(eid)
        self.reshaped: Set[int] = set()
        for wid, way in self.ways.items():
            old = base_ways.get(wid)
            if old is None or old.nodes != way.nodes:
                self.reshaped.add(wid)
        self.new_nodes: Set[int] = {eid for kind, eid in self.created if kind == NODE}
        # the ways of the final state that use a node of interest
        interest: Set[int] = set(self.moved) | self.new_nodes
        interest.update(eid for kind, eid in self.retagged if kind == NODE)
        for way in self.ways.values():
            interest.update(way.nodes)
        self._parents: Dict[int, List[int]] = {}
        for way in base_ways.values():
            if interest.isdisjoint(way.nodes) or way.id in self.ways:
                continue
            if (WAY, way.id) in self.deleted:
                continue
            for ref in interest.intersection(way.nodes):
                self._parents.setdefault(ref, []).append(way.id)
        for way in self.ways.values():
            for ref in set(way.nodes):
                self._parents.setdefault(ref, []).append(way.id)
        for nid in self.moved:
            self.reshaped.update(self._parents.get(nid, ()))
        self._base_nodes = base_nodes
        self._feature_index: Optional[Dict[ElementKey, List[Source]]] = None
        self.cache: Dict[str, object] = {}  # what several rules share (the way index)

    # -- the final state -------------------------------------------------------------------

    def node(self, nid: int) -> Optional[Node]:
        node = self.nodes.get(nid)
        if node is not None:
            return node
        if (NODE, nid) in self.deleted:
            return None
        return self._base_nodes.get(nid)

    def way(self, wid: int) -> Optional[Way]:
        way = self.ways.get(wid)
        if way is not None:
            return way
        if (WAY, wid) in self.deleted:
            return None
        return self.base.ways.get(wid)

    def relation(self, rid: int) -> Optional[Relation]:
        relation = self.relations.get(rid)
        if relation is not None:
            return relation
        if (RELATION, rid) in self.deleted:
            return None
        return self.base.relations.get(rid)

    def coord(self, nid: int) -> Optional[Coord]:
        node = self.node(nid)
        return None if node is None else (node.lon, node.lat)

    def coords(self, way: Way) -> Optional[List[Coord]]:
        """The way's coordinates, or ``None`` when a node is not in the data."""
        over, base = self.nodes, self._base_nodes
        out: List[Coord] = []
        for ref in way.nodes:
            node = over.get(ref) or base.get(ref)
            if node is None:
                return None
            out.append((node.lon, node.lat))
        return out

    def parent_ways(self, nid: int) -> List[int]:
        """Ways of the final state that use the node; known for moved and new nodes and for
        the nodes of created and modified ways (empty for others)."""
        return self._parents.get(nid, [])

    def tags_changed(self, key: ElementKey) -> bool:
        return key in self.retagged

    def members(self) -> Set[ElementKey]:
        """The elements that are members of a relation in the final state."""
        members = self.cache.get("members")
        if members is None:
            members = set()
            for rid, relation in self.base.relations.items():
                if rid not in self.relations and (RELATION, rid) not in self.deleted:
                    members.update((m.type, m.ref) for m in relation.members)
            for relation in self.relations.values():
                members.update((m.type, m.ref) for m in relation.members)
            self.cache["members"] = members
        return members  # type: ignore[return-value]

    # -- what to show ----------------------------------------------------------------------

    def sources_of(self, keys: Iterable[ElementKey]) -> List[Source]:
        """The ``(layer, fid)`` of the features the elements come from, when known."""
        out: List[Source] = []
        for key in keys:
            found = self.sources.get(key)
            if not found:
                found = self.feature_index().get(key, [])
            out.extend(found)
        return out

    def feature_index(self) -> Dict[ElementKey, List[Source]]:
        if self._feature_index is None:
            index: Dict[ElementKey, List[Source]] = {}
            for layer, features in self.edited.items():
                by_key = {
                    (f.osm_type, f.osm_id): [(layer, f.fid)]
                    for f in features
                    if f.osm_id is not None
                }
                for key, found in by_key.items():
                    known = index.get(key)
                    if known is None:
                        index[key] = found
                    else:
                        known.extend(found)
            self._feature_index = index
        return self._feature_index

    def location_of(self, key: ElementKey) -> Optional[Location]:
        """A point of the element: the node, the middle vertex of a way, a member's place."""
        kind, eid = key
        if kind == NODE:
            return self.coord(eid)
        if kind == WAY:
            way = self.way(eid)
            if way is None or not way.nodes:
                return None
            return self.coord(way.nodes[len(way.nodes) // 2])
        relation = self.relation(eid)
        for member in relation.members if relation is not None else ():
            if member.type != RELATION:
                found = self.location_of((member.type, member.ref))
                if found is not None:
                    return found
        return None
