"""Write upload results and conflict resolutions into the download's GeoPackage (pure sqlite3).

After each uploaded chunk, :func:`apply_upload` makes the layers and the base snapshot
(:mod:`.gpkg`) say what the server now has, so the user can keep editing and upload again:

* base snapshot: created elements inserted with their new ids (way nodes and relation members
  with real ids), modified elements replaced with the sent state and the new version, deleted
  elements removed (an if-unused delete the server skipped keeps the element);
* layers: a new feature gets ``osm_type``/``osm_id``/``osm_version`` of the element made from it
  (the row is found by the placeholder :func:`mark_new_features` wrote into it before the journal,
  never by its fid: a journal is applied to rows by OSM keys and placeholders only);
  features of modified elements get the new version; rows of deleted elements are removed; rows
  the loader would have written for created elements that no feature stands for (the relations
  table row of a new multipolygon, the further ways of a long line split in parts) are added;
* ``osm_base_features`` (the features written, which the differ needs to tell deleted ones)
  follows the layers for the elements of the chunk.

Conflict resolution: :func:`rebase` ("keep mine": the base takes the server's version number, so
the next upload overwrites the server state with the user's) and :func:`take_theirs` (base and
layer rows replaced by the server's elements, or removed when the server deleted them).

The GeoPackage R*Tree triggers call ``ST_*`` functions that GDAL registers; they are registered
here on the connection (from the blob envelopes) so the spatial index stays right.
"""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

from .gpkg import (
    BASE_FEATURES,
    BASE_NODES,
    BASE_RELATIONS,
    BASE_WAYS,
    decode_geometry,
    encode_linestring,
    encode_multipolygon,
    encode_point,
    has_table,
    insert_rows,
)
from .osm.diff import CREATE, DELETE, OsmChanges
from .osm.features import (
    INCOMPLETE,
    LINES,
    MEMBERS,
    OSM_ID,
    OSM_TYPE,
    OSM_VERSION,
    OTHER_TAGS,
    POINTS,
    POLYGONS,
    RELATIONS,
)
from .osm.geometry import build_features, way_is_polygon
from .osm.model import NODE, RELATION, WAY, DataSet, Element, Member, Node, Relation, Way
from .osm.osmchange import DiffEntry, ordered

ElementKey = Tuple[str, int]
Source = Tuple[str, int]
GEOMETRY_LAYERS = (POINTS, LINES, POLYGONS)
ALL_LAYERS = (POINTS, LINES, POLYGONS, RELATIONS)
# Which element types a feature of each layer can stand for, best first.
LAYER_TYPES = {
    POINTS: (NODE,),
    LINES: (WAY,),
    POLYGONS: (RELATION, WAY),
    RELATIONS: (RELATION,),
}
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


# ---------------------------------------------------------------------------------------------
# Connection with the GeoPackage SQL functions the R*Tree triggers use
# ---------------------------------------------------------------------------------------------


def _envelope(blob):
    geometry = decode_geometry(blob) if blob is not None else None
    if geometry is None:
        return None
    xs: List[float] = []
    ys: List[float] = []

    def walk(value):
        if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], (int, float)):
            xs.append(value[0])
            ys.append(value[1])
        else:
            for part in value:
                walk(part)

    walk(geometry)
    return (min(xs), max(xs), min(ys), max(ys)) if xs else None


def _st(index):
    def function(blob):
        env = _envelope(blob)
        return env[index] if env else None

    return function


def connect(path) -> sqlite3.Connection:
    path = os.fspath(path)
    if not os.path.exists(path):
        raise FileNotFoundError(path)
    connection = sqlite3.connect(path, timeout=30, isolation_level=None)
    connection.create_function("ST_IsEmpty", 1, lambda blob: 1 if _envelope(blob) is None else 0)
    connection.create_function("ST_MinX", 1, _st(0))
    connection.create_function("ST_MaxX", 1, _st(1))
    connection.create_function("ST_MinY", 1, _st(2))
    connection.create_function("ST_MaxY", 1, _st(3))
    return connection


# ---------------------------------------------------------------------------------------------
# Base snapshot rows
# ---------------------------------------------------------------------------------------------


def _write_base(connection, element: Element) -> None:
    tags = _dumps(element.tags) if element.tags else None
    if element.type == NODE:
        connection.execute(
            f"INSERT OR REPLACE INTO {BASE_NODES} VALUES (?,?,?,?,?)",
            (element.id, element.version, element.lat, element.lon, tags),  # type: ignore[attr-defined]
        )
    elif element.type == WAY:
        connection.execute(
            f"INSERT OR REPLACE INTO {BASE_WAYS} VALUES (?,?,?,?)",
            (element.id, element.version, _dumps(element.nodes), tags),  # type: ignore[attr-defined]
        )
    else:
        members = [list(m) for m in element.members]  # type: ignore[attr-defined]
        connection.execute(
            f"INSERT OR REPLACE INTO {BASE_RELATIONS} VALUES (?,?,?,?)",
            (element.id, element.version, _dumps(members), tags),
        )


_BASE_TABLE = {NODE: BASE_NODES, WAY: BASE_WAYS, RELATION: BASE_RELATIONS}


def _delete_base(connection, key: ElementKey) -> None:
    connection.execute(f"DELETE FROM {_BASE_TABLE[key[0]]} WHERE id = ?", (key[1],))


def _base_coords(connection, node_ids: Sequence[int]) -> Optional[List[Tuple[float, float]]]:
    coords = []
    for node_id in node_ids:
        row = connection.execute(
            f"SELECT lon, lat FROM {BASE_NODES} WHERE id = ?", (node_id,)
        ).fetchone()
        if row is None:
            return None
        coords.append((row[0], row[1]))
    return coords


# ---------------------------------------------------------------------------------------------
# Layer rows
# ---------------------------------------------------------------------------------------------


def _columns(connection, layer: str) -> List[str]:
    return [row[1] for row in connection.execute(f'PRAGMA table_info("{layer}")')]


_NOT_TAG = {"fid", "geom", OSM_TYPE, OSM_ID, OSM_VERSION, OTHER_TAGS, MEMBERS, INCOMPLETE}


def _tag_assignments(columns: List[str], tags: Dict[str, str]) -> Dict[str, object]:
    """Column values for ``tags``: own columns where they exist, the rest in ``other_tags``."""
    tag_columns = [c for c in columns if c.lower() not in _NOT_TAG]
    values: Dict[str, object] = {c: None for c in tag_columns}
    other = {}
    for key, value in tags.items():
        if key in values:
            values[key] = value
        else:
            other[key] = value
    if OTHER_TAGS in columns:
        values[OTHER_TAGS] = _dumps(other) if other else None
    return values


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _insert_row(connection, layer: str, values: Dict[str, object]) -> None:
    names = ", ".join(_quote(k) for k in values)
    marks = ", ".join("?" for _ in values)
    connection.execute(f'INSERT INTO "{layer}" ({names}) VALUES ({marks})', list(values.values()))


def _update_row(connection, layer: str, fid: int, values: Dict[str, object]) -> None:
    sets = ", ".join(f"{_quote(k)} = ?" for k in values)
    connection.execute(f'UPDATE "{layer}" SET {sets} WHERE fid = ?', [*values.values(), fid])


def _rows_of(connection, layer: str, key: ElementKey) -> List[int]:
    return [
        row[0]
        for row in connection.execute(
            f'SELECT fid FROM "{layer}" WHERE {OSM_TYPE} = ? AND {OSM_ID} = ?', key
        )
    ]


def _geometry_blob(connection, layer: str, element: Element) -> Optional[bytes]:
    if element.type == NODE:
        return encode_point(element.lon, element.lat)  # type: ignore[attr-defined]
    if element.type == WAY:
        coords = _base_coords(connection, element.nodes)  # type: ignore[attr-defined]
        if coords is None or len(coords) < 2:
            return None
        if layer == POLYGONS:
            return encode_multipolygon([[coords]])[0]
        return encode_linestring(coords)[0]
    return None


# ---------------------------------------------------------------------------------------------
# Applying a chunk's diffResult
# ---------------------------------------------------------------------------------------------


def _chosen(layer: str, elements: List[Element]) -> Optional[Element]:
    """The element a feature of ``layer`` stands for, of the elements made from it."""
    kinds = LAYER_TYPES.get(layer, ())
    if len(elements) == 1:  # the usual case: a row marked with its element's placeholder
        return elements[0] if elements[0].type in kinds else None
    for kind in kinds:
        candidates = [e for e in elements if e.type == kind and (kind != WAY or e.tags)]
        if kind == WAY and not candidates:
            candidates = [e for e in elements if e.type == kind]
        if candidates:
            return candidates[0]
    return None


def mark_new_features(path, changes: OsmChanges) -> None:
    """Write into the row of each new feature the placeholder of the element made from it.

    Called before the journal of ``changes`` is written: the rows then carry ``osm_type`` and
    the negative ``osm_id`` of the journal's element, which :func:`apply_upload` looks for when
    the server's answer arrives (now or when an interrupted upload is settled), whatever
    happened to the fids meanwhile. Placeholders of an earlier upload that did not finish are
    cleared first: the readers treat a negative ``osm_id`` as a new feature
    (:func:`.gpkg.read_features`), so those rows are in ``changes`` again.
    """
    by_row: Dict[Source, List[Element]] = {}
    for change in changes.creates:
        for layer, fid in change.sources:
            by_row.setdefault((layer, fid), []).append(change.element)
    with closing(connect(path)) as connection:
        connection.execute("BEGIN IMMEDIATE")
        try:
            for layer in ALL_LAYERS:
                connection.execute(
                    f'UPDATE "{layer}" SET {OSM_TYPE} = NULL, {OSM_ID} = NULL WHERE {OSM_ID} < 0'
                )
            rows: Dict[str, List[tuple]] = {layer: [] for layer in ALL_LAYERS}
            for (layer, fid), elements in by_row.items():
                chosen = _chosen(layer, elements) if layer in rows else None
                if chosen is not None:
                    rows[layer].append((chosen.type, chosen.id, fid))
            for layer, values in rows.items():
                if values:
                    connection.executemany(
                        f'UPDATE "{layer}" SET {OSM_TYPE} = ?, {OSM_ID} = ? '
                        f"WHERE fid = ? AND {OSM_ID} IS NULL",
                        values,
                    )
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise


def apply_upload(
    path,
    sent: OsmChanges,
    entries: Sequence[DiffEntry],
    fallback_sources: Optional[Dict[ElementKey, List[Source]]] = None,
) -> None:
    """Record one uploaded chunk (as sent, with its diffResult) in the GeoPackage.

    A created element's feature is the row marked with its placeholder
    (:func:`mark_new_features`). ``fallback_sources`` (``(type, placeholder) → [(layer, fid)]``)
    is only for journals written before rows were marked: a row found there takes the identity
    only when it has none yet.

    Idempotent: applying the same chunk twice leaves the same file (placeholders that are no
    longer in the layers are simply not found again).
    """
    changes = ordered(sent)
    if len(changes) != len(entries):
        raise ValueError("the diffResult does not match the chunk")
    ids: Dict[ElementKey, int] = {}
    for change, entry in zip(changes, entries):
        if change.action == CREATE and entry.new_id is not None:
            ids[change.element.key] = entry.new_id

    def real(kind: str, ref: int) -> int:
        return ids.get((kind, ref), ref) if ref < 0 else ref

    with closing(connect(path)) as connection:
        connection.execute("BEGIN IMMEDIATE")
        try:
            columns = {layer: _columns(connection, layer) for layer in ALL_LAYERS}
            keys = {(c.element.type, real(*c.element.key)) for c in changes}
            marks = {c.element.key for c in changes if c.action == CREATE}
            _load_keys(connection, keys | marks)
            index = _LayerIndex(connection)
            created: Dict[ElementKey, Element] = {}
            modified: Dict[ElementKey, Element] = {}
            writes: List[Element] = []
            removed: List[ElementKey] = []
            for change, entry in zip(changes, entries):
                element = _resolved(change.element, real)
                key = element.key
                if change.action == DELETE:
                    if entry.new_id is None:
                        removed.append(key)
                        created.pop(key, None)
                        modified.pop(key, None)
                    elif entry.new_version is not None:
                        connection.execute(
                            f"UPDATE {_BASE_TABLE[key[0]]} SET version = ? WHERE id = ?",
                            (entry.new_version, key[1]),
                        )
                    continue
                element.version = entry.new_version or element.version
                writes.append(element)
                if change.action == CREATE or key in created:
                    created[key] = element
                else:
                    modified[key] = element
            moves = _node_moves(connection, modified)
            _write_base_many(connection, writes)
            for kind, table in _BASE_TABLE.items():
                gone = [(i,) for t, i in removed if t == kind]
                if gone:
                    connection.executemany(f"DELETE FROM {table} WHERE id = ?", gone)
            for layer in ALL_LAYERS:
                fids = [(fid,) for key in removed for fid in index.fids(layer, key)]
                if fids:
                    connection.executemany(f'DELETE FROM "{layer}" WHERE fid = ?', fids)
            _update_layers(connection, columns, created, modified, fallback_sources, ids, index)
            # a moved node moves in every feature that shows it, not only the edited one
            _move_vertices(connection, moves)
            _move_points(connection, index, modified, moves)
            _sync_loaded(connection, keys, loaded=True)
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise


_KEYS = "temp.osm_roundtrip_keys"


def _load_keys(connection, keys: Iterable[ElementKey]) -> None:
    """Put ``keys`` into a temporary table of the connection, for joins with the layers (which
    have no index on ``osm_type, osm_id``): SQLite scans, Python sees only the matching rows."""
    connection.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {_KEYS.split('.')[1]} "
        f"({OSM_TYPE} TEXT, {OSM_ID} INTEGER, PRIMARY KEY ({OSM_TYPE}, {OSM_ID})) WITHOUT ROWID"
    )
    connection.execute(f"DELETE FROM {_KEYS}")
    insert_rows(connection, _KEYS, 2, list(set(keys)))  # many rows per statement


def _rows_of_keys(connection, layer: str):
    """``(fid, osm_type, osm_id)`` of the rows of ``layer`` whose key is in :func:`_load_keys`."""
    return connection.execute(
        f'SELECT l.fid, l.{OSM_TYPE}, l.{OSM_ID} FROM "{layer}" AS l '
        f"JOIN {_KEYS} AS k ON k.{OSM_TYPE} = l.{OSM_TYPE} AND k.{OSM_ID} = l.{OSM_ID}"
    )


def _sync_loaded(connection, keys: Set[ElementKey], loaded: bool = False) -> None:
    """``osm_base_features`` lists ``(layer, *key)`` exactly when the layer has a row for ``key``
    (a file written before that table existed has none: the differ uses the loader's rules).

    ``loaded``: ``keys`` are already in the temporary table (:func:`_load_keys`)."""
    if not keys or not has_table(connection, BASE_FEATURES):
        return
    if not loaded:
        _load_keys(connection, keys)
    for layer in ALL_LAYERS:
        connection.execute(
            f"DELETE FROM {BASE_FEATURES} WHERE layer = ? AND ({OSM_TYPE}, {OSM_ID}) IN "
            f"(SELECT {OSM_TYPE}, {OSM_ID} FROM {_KEYS})",
            (layer,),
        )
        connection.execute(
            f"INSERT OR IGNORE INTO {BASE_FEATURES} SELECT DISTINCT ?, l.{OSM_TYPE}, "
            f'l.{OSM_ID} FROM "{layer}" AS l JOIN {_KEYS} AS k '
            f"ON k.{OSM_TYPE} = l.{OSM_TYPE} AND k.{OSM_ID} = l.{OSM_ID} "
            f"WHERE k.{OSM_ID} > 0",  # placeholders (:func:`mark_new_features`) are not written
            (layer,),
        )


class _LayerIndex:
    """``(osm_type, osm_id) → fids`` of each layer for the keys put in the temporary table
    (:func:`_load_keys`); the layers have no such index."""

    def __init__(self, connection) -> None:
        self.by_layer: Dict[str, Dict[ElementKey, List[int]]] = {}
        for layer in ALL_LAYERS:
            table: Dict[ElementKey, List[int]] = {}
            for fid, kind, osm_id in _rows_of_keys(connection, layer):
                table.setdefault((kind, int(osm_id)), []).append(fid)
            self.by_layer[layer] = table

    def fids(self, layer: str, key: ElementKey) -> List[int]:
        return self.by_layer[layer].get(key, [])


def _write_base_many(connection, elements: List[Element]) -> None:
    nodes, ways, relations = [], [], []
    for element in elements:
        tags = _dumps(element.tags) if element.tags else None
        if element.type == NODE:
            nodes.append((element.id, element.version, element.lat, element.lon, tags))  # type: ignore[attr-defined]
        elif element.type == WAY:
            ways.append((element.id, element.version, _dumps(element.nodes), tags))  # type: ignore[attr-defined]
        else:
            members = [list(m) for m in element.members]  # type: ignore[attr-defined]
            relations.append((element.id, element.version, _dumps(members), tags))
    if nodes:
        connection.executemany(f"INSERT OR REPLACE INTO {BASE_NODES} VALUES (?,?,?,?,?)", nodes)
    if ways:
        connection.executemany(f"INSERT OR REPLACE INTO {BASE_WAYS} VALUES (?,?,?,?)", ways)
    if relations:
        connection.executemany(
            f"INSERT OR REPLACE INTO {BASE_RELATIONS} VALUES (?,?,?,?)", relations
        )


def _resolved(element: Element, real) -> Element:
    """A copy of ``element`` with real ids in place of this chunk's placeholders."""
    if element.type == NODE:
        copy: Element = Node(real(NODE, element.id), element.lat, element.lon)  # type: ignore[attr-defined]
    elif element.type == WAY:
        copy = Way(real(WAY, element.id), [real(NODE, r) for r in element.nodes])  # type: ignore[attr-defined]
    else:
        copy = Relation(
            real(RELATION, element.id),
            [Member(m.type, real(m.type, m.ref), m.role) for m in element.members],  # type: ignore[attr-defined]
        )
    copy.version = element.version
    copy.tags = dict(element.tags)
    return copy


def _update_layers(connection, columns, created, modified, fallback, ids, index) -> None:
    placeholder_of = {(k, new): old for (k, old), new in ids.items()}
    # 1. features the user made: the rows marked with the placeholder of an element made from
    #    them take its identity
    by_feature: Dict[Source, List[Element]] = {}
    for layer in ALL_LAYERS:
        for mark, fids in index.by_layer[layer].items():
            new = ids.get(mark) if mark[1] < 0 else None
            element = created.get((mark[0], new)) if new is not None else None
            if element is not None:
                for fid in fids:
                    by_feature.setdefault((layer, fid), []).append(element)
    for key, element in created.items() if fallback else ():
        old = placeholder_of.get(key)
        for layer, fid in fallback.get((key[0], old), ()) if old is not None else ():
            if layer in LAYER_TYPES and _unclaimed(connection, layer, fid, element):
                by_feature.setdefault((layer, fid), []).append(element)
    represented = set()
    identity: Dict[str, List[tuple]] = {layer: [] for layer in ALL_LAYERS}
    for (layer, fid), elements in by_feature.items():
        chosen = _chosen(layer, elements)
        if chosen is None:
            continue
        if layer == RELATIONS:
            _update_row(
                connection,
                layer,
                fid,
                {
                    OSM_TYPE: chosen.type,
                    OSM_ID: chosen.id,
                    OSM_VERSION: chosen.version,
                    MEMBERS: _dumps([list(m) for m in chosen.members]),  # type: ignore[attr-defined]
                },
            )
        else:
            identity[layer].append((chosen.type, chosen.id, chosen.version, fid))
            if chosen.type == RELATION:
                # a polygon with holes or parts became a multipolygon: the row shows the
                # relation's tags, ``type=multipolygon`` included, as a download would
                _update_row(connection, layer, fid, _tag_assignments(columns[layer], chosen.tags))
        represented.add((layer, chosen.key))
    for layer, rows in identity.items():
        if rows:
            connection.executemany(
                f'UPDATE "{layer}" SET {OSM_TYPE} = ?, {OSM_ID} = ?, {OSM_VERSION} = ? '
                "WHERE fid = ?",
                rows,
            )
    # 2. rows the loader writes that no feature stands for
    for key, element in created.items():
        if element.type == RELATION and (RELATIONS, key) not in represented:
            if not index.fids(RELATIONS, key):
                _insert_relation_row(connection, columns[RELATIONS], element)
        elif element.type == WAY and element.tags:
            if any((layer, key) in represented for layer in (LINES, POLYGONS)):
                continue
            layer = POLYGONS if way_is_polygon(element) else LINES  # type: ignore[arg-type]
            if index.fids(layer, key):
                continue
            blob = _geometry_blob(connection, layer, element)
            if blob is None:
                continue
            values = {
                "geom": blob,
                OSM_TYPE: WAY,
                OSM_ID: element.id,
                OSM_VERSION: element.version,
            }
            values.update(_tag_assignments(columns[layer], element.tags))
            _insert_row(connection, layer, values)
    # 3. modified elements: new version (and real member ids in the relations table)
    versions: Dict[str, List[tuple]] = {layer: [] for layer in ALL_LAYERS}
    for key, element in modified.items():
        for layer in ALL_LAYERS:
            for fid in index.fids(layer, key):
                if layer == RELATIONS and element.type == RELATION:
                    members = _dumps([list(m) for m in element.members])  # type: ignore[attr-defined]
                    _update_row(
                        connection, layer, fid, {OSM_VERSION: element.version, MEMBERS: members}
                    )
                else:
                    versions[layer].append((element.version, fid))
    for layer, rows in versions.items():
        if rows:
            connection.executemany(f'UPDATE "{layer}" SET {OSM_VERSION} = ? WHERE fid = ?', rows)


def _unclaimed(connection, layer: str, fid: int, element: Element) -> bool:
    """Whether the row ``fid`` named by an older journal may take the identity of ``element``:
    it is a new feature (no OSM id yet) or has that identity already (the chunk is applied
    again). A row that stands for another element never takes a new one."""
    row = connection.execute(
        f'SELECT {OSM_TYPE}, {OSM_ID} FROM "{layer}" WHERE fid = ?', (fid,)
    ).fetchone()
    if row is None:
        return False
    return row[1] is None or (row[0], int(row[1])) == element.key


def _insert_relation_row(connection, columns: List[str], relation: Element) -> None:
    values: Dict[str, object] = {
        OSM_TYPE: RELATION,
        OSM_ID: relation.id,
        OSM_VERSION: relation.version,
        MEMBERS: _dumps([list(m) for m in relation.members]),  # type: ignore[attr-defined]
        INCOMPLETE: 0,
    }
    values.update(_tag_assignments(columns, relation.tags))
    _insert_row(connection, RELATIONS, values)


# ---------------------------------------------------------------------------------------------
# Conflict resolution
# ---------------------------------------------------------------------------------------------


def rebase(path, versions: Iterable[Tuple[str, int, int]]) -> None:
    """ "Keep mine": ``(type, id, server_version)`` become the base versions of those elements."""
    with closing(connect(path)) as connection:
        connection.execute("BEGIN IMMEDIATE")
        try:
            for kind, element_id, version in versions:
                connection.execute(
                    f"UPDATE {_BASE_TABLE[kind]} SET version = ? WHERE id = ?",
                    (version, element_id),
                )
                for layer in ALL_LAYERS:
                    connection.execute(
                        f'UPDATE "{layer}" SET {OSM_VERSION} = ? '
                        f"WHERE {OSM_TYPE} = ? AND {OSM_ID} = ?",
                        (version, kind, element_id),
                    )
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise


def take_theirs(path, server: DataSet, keys: Iterable[ElementKey]) -> None:
    """ "Take theirs": base and layer rows of ``keys`` become the server's state.

    ``server`` holds the server's current elements (with the nodes and member ways they need, as
    ``/full`` returns them); a key missing from it (or invisible) was deleted on the server and
    is removed from the base and the layers.
    """
    features = build_features(server)
    by_key: Dict[Tuple[str, ElementKey], object] = {}
    for layer, items in ((POINTS, features.points), (LINES, features.lines),
                         (POLYGONS, features.polygons)):  # fmt: skip
        for feature in items:
            by_key[(layer, (feature.osm_type, feature.osm_id))] = feature
    with closing(connect(path)) as connection:
        connection.execute("BEGIN IMMEDIATE")
        try:
            columns = {layer: _columns(connection, layer) for layer in ALL_LAYERS}
            # the server's nodes of the ways/relations (new positions, new nodes)
            moves: Dict[Tuple[float, float], Tuple[float, float]] = {}
            for node in server.nodes.values():
                if node.visible:
                    row = connection.execute(
                        f"SELECT lon, lat FROM {BASE_NODES} WHERE id = ?", (node.id,)
                    ).fetchone()
                    if row is not None and tuple(row) != (node.lon, node.lat):
                        moves[tuple(row)] = (node.lon, node.lat)
                    _write_base(connection, node)
            _move_vertices(connection, moves)
            for way in server.ways.values():
                if way.visible:
                    _write_base(connection, way)
            for key in keys:
                element = server.get(*key)
                if element is None or not element.visible:
                    _delete_base(connection, key)
                    for layer in ALL_LAYERS:
                        connection.execute(
                            f'DELETE FROM "{layer}" WHERE {OSM_TYPE} = ? AND {OSM_ID} = ?', key
                        )
                    continue
                _write_base(connection, element)
                _replace_rows(connection, columns, element, by_key)
            _sync_loaded(connection, set(keys))
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise


def _node_moves(
    connection, modified: Dict[ElementKey, Element]
) -> Dict[Tuple[float, float], Tuple[float, float]]:
    """``{(old lon, lat): (new lon, lat)}`` of the modified nodes that moved."""
    nodes = {key[1]: e for key, e in modified.items() if key[0] == NODE}
    moves: Dict[Tuple[float, float], Tuple[float, float]] = {}
    ids = sorted(nodes)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for node_id, lat, lon in connection.execute(
            f"SELECT id, lat, lon FROM {BASE_NODES} WHERE id IN ({marks})", chunk
        ):
            node = nodes[node_id]
            if (lon, lat) != (node.lon, node.lat):  # type: ignore[attr-defined]
                moves[(lon, lat)] = (node.lon, node.lat)  # type: ignore[attr-defined]
    return moves


def _move_points(connection, index, modified: Dict[ElementKey, Element], moves) -> None:
    """Point features of moved nodes go where the node went (it may have moved as a vertex)."""
    if not moves:
        return
    targets = set(moves.values())
    for key, element in modified.items():
        if key[0] != NODE or (element.lon, element.lat) not in targets:  # type: ignore[attr-defined]
            continue
        for fid in index.fids(POINTS, key):
            _update_row(connection, POINTS, fid, {"geom": encode_point(element.lon, element.lat)})  # type: ignore[attr-defined]


def _move_vertices(connection, moves: Dict[Tuple[float, float], Tuple[float, float]]) -> None:
    """Move the vertices of line/polygon features that sit on nodes the server moved."""
    if not moves:
        return

    def moved(value):
        if isinstance(value, tuple):
            return moves.get(value, value)
        return [moved(part) for part in value]

    for layer, encode in ((LINES, encode_linestring), (POLYGONS, encode_multipolygon)):
        fids = set()
        for x, y in moves:
            fids.update(
                row[0]
                for row in connection.execute(
                    f'SELECT id FROM "rtree_{layer}_geom" '
                    "WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?",
                    (x, x, y, y),
                )
            )
        for fid in sorted(fids):
            row = connection.execute(f'SELECT geom FROM "{layer}" WHERE fid = ?', (fid,)).fetchone()
            geometry = decode_geometry(row[0]) if row and row[0] is not None else None
            if geometry is None:
                continue
            new = moved(geometry)
            if new != geometry:
                _update_row(connection, layer, fid, {"geom": encode(new)[0]})


def _replace_rows(connection, columns, element: Element, by_key) -> None:
    key = element.key
    for layer in GEOMETRY_LAYERS:
        for fid in _rows_of(connection, layer, key):
            connection.execute(f'DELETE FROM "{layer}" WHERE fid = ?', (fid,))
        feature = by_key.get((layer, key))
        if feature is None:
            continue
        blob = _feature_blob(connection, layer, element, feature)
        if blob is None:
            continue
        values = {"geom": blob, OSM_TYPE: key[0], OSM_ID: key[1], OSM_VERSION: element.version}
        values.update(_tag_assignments(columns[layer], element.tags))
        _insert_row(connection, layer, values)
    if element.type == RELATION:
        values = {
            OSM_VERSION: element.version,
            MEMBERS: _dumps([list(m) for m in element.members]),  # type: ignore[attr-defined]
        }
        values.update(_tag_assignments(columns[RELATIONS], element.tags))
        rows = _rows_of(connection, RELATIONS, key)
        for fid in rows:
            _update_row(connection, RELATIONS, fid, values)
        if not rows:
            _insert_relation_row(connection, columns[RELATIONS], element)


def _feature_blob(connection, layer: str, element: Element, feature) -> Optional[bytes]:
    geometry = feature.geometry
    if layer == POINTS:
        return encode_point(*geometry)
    if layer == LINES:
        coords = _base_coords(connection, geometry)
        return encode_linestring(coords)[0] if coords and len(coords) >= 2 else None
    polygons = []
    for polygon in geometry:
        rings = []
        for ring in polygon:
            if ring and isinstance(ring[0], int):
                coords = _base_coords(connection, ring)
                if coords is None:
                    return None
                rings.append(coords)
            else:
                rings.append([tuple(c) for c in ring])
        polygons.append(rings)
    return encode_multipolygon(polygons)[0] if polygons else None
