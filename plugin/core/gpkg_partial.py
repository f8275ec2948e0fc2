"""The changes of a download computed from what was edited, not from the whole file.

A download of a country has hundreds of thousands of nodes; a review of one changed tag must not
read them all. So every download's GeoPackage keeps an *edit log*: ``osm_edits`` lists each row
of the four layers that was inserted, updated or deleted since the download (with the identity
it had before), filled by triggers on the layers — whatever program edits the file (QGIS, GDAL,
the plugin itself writing an upload back). :func:`edited_part` reads:

* the logged rows as they are now, and every row carrying an identity one of them had or has
  (a copy of a feature is caught next to its original);
* the features around them: the layers' R*Trees give the features whose boxes meet the edited
  features' boxes, before and after the edit, widened by :data:`MARGIN` (the ways a moved shared
  node bends, the roads a new road crosses or almost meets);
* from the base snapshot, the elements of both, with every node of their ways and the member
  ways (and nodes) of edited relations; every relation (few, and needed to know which relations
  hold a deleted element); every untagged way (members of relations: not features of their own,
  but they may share a node with an edited way); the base nodes inside the edited boxes (a new
  vertex on an existing node reuses it, even an untagged node of no way).

:func:`.osm.diff.compute_changes` over that part gives the same changes as over the whole file
(the tests compare the two on real data); the work grows with the edits and their surroundings.
A file without a complete log is read whole (:func:`edited_part` returns ``None``): downloaded
by an older version; a layer rebuilt by another program, which drops its triggers; or a column
of a layer dropped or renamed since the download (that removes or renames a tag on every feature
that had it, and no trigger sees it: the columns the download wrote are kept in ``osm_meta``).
"""

from __future__ import annotations

import json
from typing import Dict, List, Optional, Set, Tuple

from .osm.features import LAYERS, EditedFeature
from .osm.model import NODE, RELATION, WAY, DataSet, Member, Node, Relation, Way

EDITS = "osm_edits"
MARGIN = 0.0005  # degrees (about 40-55 m): the surroundings read with an edited feature
MAX_BOXES = 64  # more edited boxes than this are read as their one enclosing box
GEOMETRY_LAYERS = ("osm_points", "osm_lines", "osm_polygons")

Box = Tuple[float, float, float, float]  # minx, miny, maxx, maxy
ElementKey = Tuple[str, int]


def _trigger_names(layer: str) -> List[str]:
    return [f"{EDITS}_{layer}_{event}" for event in ("insert", "update", "delete")]


COLUMNS_KEY = "layer_columns"  # osm_meta: the columns of each layer when the log started


def _layer_columns(connection) -> dict:
    return {
        layer: [row[1] for row in connection.execute(f'PRAGMA table_info("{layer}")')]
        for layer in LAYERS
    }


def install_edit_log(connection) -> None:
    """Create the edit log and its triggers on the four layers (at download time)."""
    connection.execute(
        "INSERT OR REPLACE INTO osm_meta (key, value) VALUES (?, ?)",
        (COLUMNS_KEY, json.dumps(_layer_columns(connection))),
    )
    connection.execute(
        f"CREATE TABLE IF NOT EXISTS {EDITS} (layer TEXT NOT NULL, fid INTEGER NOT NULL, "
        "osm_type TEXT, osm_id INTEGER, PRIMARY KEY (layer, fid))"
    )
    for layer in LAYERS:
        insert, update, delete = _trigger_names(layer)
        connection.execute(
            f'CREATE TRIGGER IF NOT EXISTS "{insert}" AFTER INSERT ON "{layer}" BEGIN '
            f"INSERT OR IGNORE INTO {EDITS} VALUES ('{layer}', NEW.fid, NULL, NULL); END"
        )
        connection.execute(
            f'CREATE TRIGGER IF NOT EXISTS "{update}" AFTER UPDATE ON "{layer}" BEGIN '
            f"INSERT OR IGNORE INTO {EDITS} VALUES ('{layer}', OLD.fid, OLD.osm_type, "
            f"OLD.osm_id); INSERT OR IGNORE INTO {EDITS} VALUES ('{layer}', NEW.fid, NULL, NULL);"
            " END"
        )
        connection.execute(
            f'CREATE TRIGGER IF NOT EXISTS "{delete}" AFTER DELETE ON "{layer}" BEGIN '
            f"INSERT OR IGNORE INTO {EDITS} VALUES ('{layer}', OLD.fid, OLD.osm_type, "
            "OLD.osm_id); END"
        )


def has_edit_log(connection) -> bool:
    """Whether every edit since the download is in the log (table and all triggers there)."""
    names = {
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')"
        )
    }
    wanted = {EDITS, "osm_base_features"}
    for layer in LAYERS:
        wanted.update(_trigger_names(layer))
    if not wanted <= names:
        return False
    row = connection.execute("SELECT value FROM osm_meta WHERE key = ?", (COLUMNS_KEY,)).fetchone()
    if row is None:
        return False
    current = _layer_columns(connection)
    return all(
        set(columns) <= set(current.get(layer, ())) for layer, columns in json.loads(row[0]).items()
    )


class EditedPart:
    """What :func:`.osm.diff.compute_changes` needs for the edits: ``base`` (the part of the
    snapshot), ``features`` (the edited rows and the rows sharing their identities), ``loaded``
    (the loader's rows among those identities) and ``nearby`` (features around the edits, for
    the validator's naming)."""

    __slots__ = ("base", "edited_rows", "features", "loaded", "nearby")

    def __init__(self, base, features, loaded, nearby, edited_rows) -> None:
        self.base: DataSet = base
        self.features: Dict[str, List[EditedFeature]] = features
        self.loaded: Set[Tuple[str, str, int]] = loaded
        self.nearby: Set[ElementKey] = nearby
        self.edited_rows: int = edited_rows


def edited_part(path) -> Optional[EditedPart]:
    """The edited part of the download at ``path``; ``None`` when the file has no complete log
    (read it whole then)."""
    from .gpkg import _connect_readonly, _gc_paused, _reading

    connection = _connect_readonly(path)
    try:
        if not has_edit_log(connection):
            return None
        with _gc_paused(), _reading(path):
            return _read_part(connection)
    finally:
        connection.close()


def _json(values) -> str:
    return json.dumps(sorted(values))


def _read_part(connection) -> EditedPart:
    from .gpkg import META, _read_layers

    logged: Dict[str, Set[int]] = {layer: set() for layer in LAYERS}
    ids: Set[int] = set()  # osm ids the edited rows had (any type: filtered below)
    rows = 0
    for layer, fid, _otype, osm_id in connection.execute(
        f"SELECT layer, fid, osm_type, osm_id FROM {EDITS}"
    ):
        if layer in logged:
            logged[layer].add(fid)
            rows += 1
            if isinstance(osm_id, int) and osm_id > 0:
                ids.add(osm_id)
    features = _read_layers(connection, logged)
    for layer_features in features.values():
        ids.update(f.osm_id for f in layer_features if isinstance(f.osm_id, int) and f.osm_id > 0)
    # every other row carrying one of those ids (the original of a copy, the feature of an
    # element in another layer)
    more: Dict[str, Set[int]] = {layer: set() for layer in LAYERS}
    for layer in LAYERS:
        for (fid,) in connection.execute(
            f'SELECT fid FROM "{layer}" WHERE osm_id IN (SELECT value FROM json_each(?))',
            (_json(ids),),
        ):
            if fid not in logged[layer]:
                more[layer].add(fid)
    for layer, extra in _read_layers(connection, more).items():
        features[layer].extend(extra)
        features[layer].sort(key=lambda f: f.fid)  # the file's order, as a whole read has it
    identities: Set[ElementKey] = set()
    for layer_features in features.values():
        for f in layer_features:
            if isinstance(f.osm_id, int) and f.osm_id > 0 and f.osm_type in (NODE, WAY, RELATION):
                identities.add((f.osm_type, f.osm_id))
    for otype, osm_id in connection.execute(
        f"SELECT osm_type, osm_id FROM {EDITS} WHERE osm_id > 0"
    ):
        if otype in (NODE, WAY, RELATION):
            identities.add((otype, osm_id))
    loaded = {
        (layer, otype, osm_id)
        for layer, otype, osm_id in connection.execute(
            "SELECT layer, osm_type, osm_id FROM osm_base_features "
            "WHERE osm_id IN (SELECT value FROM json_each(?))",
            (_json({i for _, i in identities}),),
        )
        if (otype, osm_id) in identities
    }

    base = DataSet()
    reader = _BaseReader(connection, base)
    reader.relations_all()
    untagged = reader.untagged_ways()
    members: Set[ElementKey] = set()
    for otype, oid in identities:  # edited relations: their member ways and nodes
        if otype == RELATION and oid in base.relations:
            members.update(
                (m.type, m.ref) for m in base.relations[oid].members if m.type in (NODE, WAY)
            )
    reader.elements(identities | members)
    # untagged ways (members of relations) keep their node ids only, unless they are edited,
    # members of an edited relation or share a node with a way read whole
    partial = untagged - {oid for otype, oid in identities | members if otype == WAY}
    reader.way_nodes(partial)

    boxes = _boxes(features, base, identities)
    nearby = _features_in(connection, boxes)
    reader.elements(nearby - identities)
    reader.nodes_in(boxes)
    whole = {ref for wid, way in base.ways.items() if wid not in partial for ref in way.nodes}
    partial = {wid for wid in partial if whole.isdisjoint(base.ways[wid].nodes)}
    reader.way_nodes(partial)
    meta = dict(connection.execute(f"SELECT key, value FROM {META}"))
    base.bounds = [tuple(box) for box in json.loads(meta.get("bounds") or "[]")]
    return EditedPart(base, features, loaded, nearby, rows)


class _BaseReader:
    """Loads elements of the base snapshot into ``base`` (each at most once)."""

    def __init__(self, connection, base: DataSet) -> None:
        from .gpkg import BASE_NODES, BASE_RELATIONS, BASE_WAYS

        self.connection = connection
        self.base = base
        self.tables = {NODE: BASE_NODES, WAY: BASE_WAYS, RELATION: BASE_RELATIONS}

    def _rows(self, kind: str, where: str, params=()):
        columns = {
            NODE: "id, version, lat, lon, tags",
            WAY: "id, version, nodes, tags",
            RELATION: "id, version, members, tags",
        }[kind]
        return self.connection.execute(
            f"SELECT {columns} FROM {self.tables[kind]} WHERE {where}", params
        )

    def _add(self, kind: str, rows) -> None:
        loads = json.loads
        base = self.base
        if kind == NODE:
            nodes = base.nodes
            for id_, version, lat, lon, tags in rows:
                if id_ not in nodes:
                    nodes[id_] = Node(id_, lat, lon, version, loads(tags) if tags else {})
        elif kind == WAY:
            ways = base.ways
            for id_, version, refs, tags in rows:
                if id_ not in ways:
                    ways[id_] = Way(id_, loads(refs), version, loads(tags) if tags else {})
        else:
            relations = base.relations
            for id_, version, members, tags in rows:
                if id_ not in relations:
                    relations[id_] = Relation(
                        id_,
                        [Member(t, r, role) for t, r, role in loads(members)],
                        version,
                        loads(tags) if tags else {},
                    )

    def relations_all(self) -> None:
        self._add(RELATION, self._rows(RELATION, "1"))

    def untagged_ways(self) -> Set[int]:
        rows = self._rows(WAY, "tags IS NULL OR tags IN ('', '{}')").fetchall()
        self._add(WAY, rows)
        return {row[0] for row in rows}

    def elements(self, keys) -> None:
        tables = {NODE: self.base.nodes, WAY: self.base.ways, RELATION: self.base.relations}
        for kind in (NODE, WAY, RELATION):
            wanted = {oid for otype, oid in keys if otype == kind and oid not in tables[kind]}
            if wanted:
                self._add(
                    kind,
                    self._rows(kind, "id IN (SELECT value FROM json_each(?))", (_json(wanted),)),
                )

    def way_nodes(self, skip: Set[int]) -> None:
        """Every node of the loaded ways but ``skip`` (a way without its nodes cannot be
        compared)."""
        nodes = self.base.nodes
        missing = {
            ref
            for wid, way in self.base.ways.items()
            if wid not in skip
            for ref in way.nodes
            if ref not in nodes
        }
        if missing:
            self.elements({(NODE, ref) for ref in missing})

    def nodes_in(self, boxes: List[Box]) -> None:
        if not boxes:
            return
        where = " OR ".join("(lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?)" for _ in boxes)
        params = [value for b in boxes for value in (b[0], b[2], b[1], b[3])]
        self._add(NODE, self._rows(NODE, where, params))


def _extend(box: Optional[list], x: float, y: float) -> list:
    if box is None:
        return [x, y, x, y]
    if x < box[0]:
        box[0] = x
    if y < box[1]:
        box[1] = y
    if x > box[2]:
        box[2] = x
    if y > box[3]:
        box[3] = y
    return box


def _coords(geometry):
    """Every (x, y) of a feature geometry (point, line, multi-polygon, or parts of those)."""
    if geometry is None:
        return
    if (
        isinstance(geometry, tuple)
        and len(geometry) == 2
        and not isinstance(geometry[0], (list, tuple))
    ):
        yield geometry
        return
    stack = [geometry]
    while stack:
        item = stack.pop()
        if (
            isinstance(item, (list, tuple))
            and len(item) >= 2
            and isinstance(item[0], (int, float))
            and isinstance(item[1], (int, float))
        ):
            yield item[0], item[1]
        elif isinstance(item, (list, tuple)):
            stack.extend(item)


def _boxes(features, base: DataSet, identities) -> List[Box]:
    """The boxes of the edited features now and of their elements in the base, widened."""
    boxes: List[list] = []
    for layer_features in features.values():
        for f in layer_features:
            box = None
            for x, y in _coords(f.geometry):
                box = _extend(box, x, y)
            if box is not None:
                boxes.append(box)
    nodes = base.nodes
    for otype, oid in identities:
        box = None
        if otype == NODE and oid in nodes:
            node = nodes[oid]
            box = _extend(box, node.lon, node.lat)
        elif otype == WAY and oid in base.ways:
            for ref in base.ways[oid].nodes:
                node = nodes.get(ref)
                if node is not None:
                    box = _extend(box, node.lon, node.lat)
        elif otype == RELATION and oid in base.relations:
            for member in base.relations[oid].members:
                refs = [member.ref] if member.type == NODE else []
                if member.type == WAY and member.ref in base.ways:
                    refs = base.ways[member.ref].nodes
                for ref in refs:
                    node = nodes.get(ref)
                    if node is not None:
                        box = _extend(box, node.lon, node.lat)
        if box is not None:
            boxes.append(box)
    widened = [(b[0] - MARGIN, b[1] - MARGIN, b[2] + MARGIN, b[3] + MARGIN) for b in boxes]
    if len(widened) > MAX_BOXES:
        return [
            (
                min(b[0] for b in widened),
                min(b[1] for b in widened),
                max(b[2] for b in widened),
                max(b[3] for b in widened),
            )
        ]
    return widened


def _features_in(connection, boxes: List[Box]) -> Set[ElementKey]:
    """Identities of the features of the geometry layers whose boxes meet ``boxes``."""
    found: Set[ElementKey] = set()
    if not boxes:
        return found
    for layer in GEOMETRY_LAYERS:
        fids: Set[int] = set()
        for minx, miny, maxx, maxy in boxes:
            fids.update(
                fid
                for (fid,) in connection.execute(
                    f'SELECT id FROM "rtree_{layer}_geom" '
                    "WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?",
                    (minx, maxx, miny, maxy),
                )
            )
        if not fids:
            continue
        for otype, osm_id in connection.execute(
            f'SELECT osm_type, osm_id FROM "{layer}" WHERE fid IN (SELECT value FROM json_each(?))',
            (_json(fids),),
        ):
            if otype in (NODE, WAY, RELATION) and isinstance(osm_id, int) and osm_id > 0:
                found.add((otype, osm_id))
    return found


__all__ = ["EDITS", "EditedPart", "edited_part", "has_edit_log", "install_edit_log"]
