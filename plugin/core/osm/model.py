"""The OSM data model: nodes, ways and relations with versions, tags and references.

Plain classes with ``__slots__`` (fast and small for ~10^5 elements). Coordinates are WGS84
degrees rounded to 7 decimals, as the OSM database stores them.
"""

from __future__ import annotations

from typing import Dict, Iterator, List, NamedTuple, Optional, Tuple

NODE, WAY, RELATION = "node", "way", "relation"
ELEMENT_TYPES = (NODE, WAY, RELATION)
SCALE = 10_000_000


def round_coord(value: float) -> float:
    """Round a coordinate the way the OSM database does (integer × 10^7)."""
    return round(value * SCALE) / SCALE


class Member(NamedTuple):
    type: str  # "node" | "way" | "relation"
    ref: int
    role: str = ""


class Element:
    __slots__ = ("changeset", "id", "tags", "timestamp", "uid", "user", "version", "visible")
    type = ""

    def __init__(
        self,
        id: int,
        version: int = 0,
        tags: Optional[Dict[str, str]] = None,
        visible: bool = True,
        changeset: int = 0,
        timestamp: str = "",
        user: str = "",
        uid: int = 0,
    ) -> None:
        self.id = id
        self.version = version
        self.tags = tags if tags is not None else {}
        self.visible = visible
        self.changeset = changeset
        self.timestamp = timestamp
        self.user = user
        self.uid = uid

    @property
    def key(self) -> Tuple[str, int]:
        return (self.type, self.id)

    def _fields(self) -> tuple:
        return (self.id, self.version, self.tags, self.visible)

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self._fields() == other._fields()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return f"{type(self).__name__}{self._fields()!r}"


class Node(Element):
    __slots__ = ("lat", "lon")
    type = NODE

    def __init__(
        self,
        id: int,
        lat: float,
        lon: float,
        version: int = 0,
        tags: Optional[Dict[str, str]] = None,
        **kw,
    ) -> None:
        super().__init__(id, version, tags, **kw)
        self.lat = lat
        self.lon = lon

    def _fields(self) -> tuple:
        return (*super()._fields(), self.lat, self.lon)


class Way(Element):
    __slots__ = ("nodes",)
    type = WAY

    def __init__(
        self,
        id: int,
        nodes: List[int],
        version: int = 0,
        tags: Optional[Dict[str, str]] = None,
        **kw,
    ) -> None:
        super().__init__(id, version, tags, **kw)
        self.nodes = nodes

    @property
    def is_closed(self) -> bool:
        return len(self.nodes) >= 4 and self.nodes[0] == self.nodes[-1]

    def _fields(self) -> tuple:
        return (*super()._fields(), self.nodes)


class Relation(Element):
    __slots__ = ("members",)
    type = RELATION

    def __init__(
        self,
        id: int,
        members: List[Member],
        version: int = 0,
        tags: Optional[Dict[str, str]] = None,
        **kw,
    ) -> None:
        super().__init__(id, version, tags, **kw)
        self.members = members

    def _fields(self) -> tuple:
        return (*super()._fields(), self.members)


def keep_latest(table: dict, deleted: dict, element) -> None:
    """Put ``element`` read from a file into ``table`` (its type's elements by id), as every
    reader does: live elements only; of two with the same id the higher version wins, and a
    deletion (``visible="false"``) counts. ``deleted`` maps ``(type, id)`` to the version of a
    deleted element, so that an older live version read later does not come back."""
    key = (element.type, element.id)
    old = table.get(element.id)
    if old is not None and old.version > element.version:
        return
    if deleted and deleted.get(key, -1) > element.version:
        return
    if element.visible:
        table[element.id] = element
    else:
        deleted[key] = element.version
        if old is not None:
            del table[element.id]


class DataSet:
    """A set of OSM elements keyed by id per type, plus the boxes it was downloaded for."""

    __slots__ = ("bounds", "nodes", "relations", "ways")

    def __init__(self) -> None:
        self.nodes: Dict[int, Node] = {}
        self.ways: Dict[int, Way] = {}
        self.relations: Dict[int, Relation] = {}
        # (min_lon, min_lat, max_lon, max_lat) of every downloaded box
        self.bounds: List[Tuple[float, float, float, float]] = []

    def table(self, element_type: str) -> Dict[int, Element]:
        if element_type == NODE:
            return self.nodes  # type: ignore[return-value]
        if element_type == WAY:
            return self.ways  # type: ignore[return-value]
        if element_type == RELATION:
            return self.relations  # type: ignore[return-value]
        raise KeyError(element_type)

    def add(self, element: Element) -> None:
        """Add ``element``, keeping the newer version when the id is already present."""
        table = self.table(element.type)
        current = table.get(element.id)
        if current is None or element.version >= current.version:
            table[element.id] = element

    def merge(self, other: DataSet) -> None:
        """Merge another data set (e.g. a tile) by id and version."""
        for table in (other.nodes, other.ways, other.relations):
            for element in table.values():
                self.add(element)
        for box in other.bounds:
            if box not in self.bounds:
                self.bounds.append(box)

    def get(self, element_type: str, element_id: int) -> Optional[Element]:
        return self.table(element_type).get(element_id)

    def elements(self) -> Iterator[Element]:
        yield from self.nodes.values()
        yield from self.ways.values()
        yield from self.relations.values()

    def __len__(self) -> int:
        return len(self.nodes) + len(self.ways) + len(self.relations)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, DataSet)
            and self.nodes == other.nodes
            and self.ways == other.ways
            and self.relations == other.relations
        )
