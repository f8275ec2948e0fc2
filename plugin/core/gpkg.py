"""The download's GeoPackage: the four editable OSM layers plus the base snapshot.

Written with :mod:`sqlite3` and :mod:`struct` only (pure Python), as a valid GeoPackage 1.2 that
GDAL and QGIS open and edit:

* ``osm_points`` (POINT), ``osm_lines`` (LINESTRING), ``osm_polygons`` (MULTIPOLYGON) in EPSG:4326
  and ``osm_relations`` (attributes table). Columns: ``fid``, ``geom``, ``osm_type``, ``osm_id``,
  ``osm_version``, (relations: ``osm_members``; relations, lines, polygons: ``osm_incomplete``),
  one TEXT column per tag key
  (column name == key), then ``other_tags`` (JSON object) for the keys without a column.
* Each geometry table has the GeoPackage R*Tree spatial index ``rtree_<table>_geom`` with the
  triggers GDAL creates (they call ``ST_IsEmpty``/``ST_MinX``..., functions that GDAL and QGIS
  register on the connection when they edit the file).
* The base snapshot the differ compares with: ``osm_base_nodes`` (all nodes, also untagged way
  nodes), ``osm_base_ways``, ``osm_base_relations``, ``osm_meta`` and ``osm_base_features``
  (plain tables, not in ``gpkg_contents``, so QGIS does not list them). ``osm_meta`` holds the
  server (``api_url``), ``downloaded_at`` and the *download identity* ``download_id``: a random
  id written once per download, which an upload journal records so that it is never settled
  into another file or a new download at the same path (:func:`download_id`). ``osm_base_features``
  lists the ``(layer, osm_type, osm_id)`` of every feature written, so that a feature missing
  from its layer at upload time is known to be deleted by the user even if the loader's rules
  changed since (:func:`read_loaded`).

Which tag keys get a column of their own (:func:`plan_columns`): every key of the layer, except

1. keys equal, ignoring case, to a reserved column (``fid``, ``geom``, ``osm_*``, ``other_tags``)
   or to SQLite's row id aliases (``rowid``, ``oid``, ``_rowid_``), and the empty key;
2. keys that differ only in case from another key of the layer: the most used spelling (ties:
   the smaller string) gets the column, the others go to ``other_tags``;
3. when more than :data:`MAX_TAG_COLUMNS` keys remain, the :data:`MAX_TAG_COLUMNS` most used keys
   in the layer (ties: alphabetical) get columns and the rarer ones go to ``other_tags``.

Reading merges the columns and ``other_tags``; a NULL or empty value means "no tag".
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import json
import math
import os
import sqlite3
import struct
import sys
import uuid
from array import array
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Set, Tuple

from .osm.diff import loaded_keys
from .osm.extent import view_box
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
    RESERVED_COLUMNS,
    EditedFeature,
)
from .osm.geometry import Feature, build_features
from .osm.model import DataSet, Member, Node, Relation, Way

FORMAT_VERSION = "1"
MAX_TAG_COLUMNS = 200
SRS_ID = 4326
GPKG_APPLICATION_ID = 0x47504B47  # "GPKG"
GPKG_USER_VERSION = 10200  # GeoPackage 1.2
EXTRA_RESERVED = frozenset({"rowid", "oid", "_rowid_"})
_RESERVED_LOWER = frozenset(name.lower() for name in RESERVED_COLUMNS) | EXTRA_RESERVED

GEOMETRY_TYPES = {POINTS: "POINT", LINES: "LINESTRING", POLYGONS: "MULTIPOLYGON"}
BASE_NODES, BASE_WAYS, BASE_RELATIONS, META = (
    "osm_base_nodes",
    "osm_base_ways",
    "osm_base_relations",
    "osm_meta",
)
BASE_FEATURES = "osm_base_features"
DOWNLOAD_ID = "download_id"
DOWNLOADED_AT = "downloaded_at"

ProgressCallback = Callable[[int, int, str], None]

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


@dataclass
class WriteSummary:
    """What :func:`write_dataset` wrote."""

    path: str
    counts: Dict[str, int] = field(default_factory=dict)  # layer or base table -> rows
    columns: Dict[str, List[str]] = field(default_factory=dict)  # layer -> tag columns
    other_tags_keys: Dict[str, List[str]] = field(default_factory=dict)  # layer -> keys
    incomplete_relations: List[int] = field(default_factory=list)
    invalid_relations: List[int] = field(default_factory=list)  # rings do not close
    incomplete_ways: List[int] = field(default_factory=list)  # nodes missing (flagged lines)
    # the box to show once loaded (WGS84; see .osm.extent.view_box), None without data
    view_box: Optional[Tuple[float, float, float, float]] = None


# ---------------------------------------------------------------------------------------------
# GeoPackage geometry blobs (header + little-endian WKB)
# ---------------------------------------------------------------------------------------------

_LITTLE = sys.byteorder == "little"
_SRS = struct.pack("<i", SRS_ID)
_POINT_PREFIX = b"GP\x00\x01" + _SRS  # little endian, no envelope
_ENV_PREFIX = b"GP\x00\x03" + _SRS  # little endian, envelope [minx, maxx, miny, maxy]
_POINT = struct.Struct("<BIdd")
_ENVELOPE = struct.Struct("<4d")
_HEADER = struct.Struct("<BII")
_COUNT = struct.Struct("<I")


def _doubles(flat: array) -> bytes:
    if not _LITTLE:  # pragma: no cover - big-endian hosts
        flat = array("d", flat)
        flat.byteswap()
    return flat.tobytes()


def encode_point(x: float, y: float) -> bytes:
    return _POINT_PREFIX + _POINT.pack(1, 1, x, y)


def _flat(coords: Sequence[Tuple[float, float]]) -> array:
    flat = array("d")
    for x, y in coords:
        flat.append(x)
        flat.append(y)
    return flat


def encode_linestring(coords: Sequence[Tuple[float, float]]) -> Tuple[bytes, tuple]:
    """GPKG blob of a line and its envelope (minx, maxx, miny, maxy)."""
    flat = _flat(coords)
    xs, ys = flat[0::2], flat[1::2]
    env = (min(xs), max(xs), min(ys), max(ys))
    return (
        b"".join(
            (_ENV_PREFIX, _ENVELOPE.pack(*env), _HEADER.pack(1, 2, len(coords)), _doubles(flat))
        ),
        env,
    )


def encode_multipolygon(polygons) -> Tuple[bytes, tuple]:
    """GPKG blob of ``[[ring, hole, ...], ...]`` and its envelope (minx, maxx, miny, maxy)."""
    parts = [_HEADER.pack(1, 6, len(polygons))]
    minx = miny = float("inf")
    maxx = maxy = float("-inf")
    for polygon in polygons:
        parts.append(_HEADER.pack(1, 3, len(polygon)))
        for ring in polygon:
            flat = _flat(ring)
            if flat:
                xs, ys = flat[0::2], flat[1::2]
                minx, maxx = min(minx, min(xs)), max(maxx, max(xs))
                miny, maxy = min(miny, min(ys)), max(maxy, max(ys))
            parts.append(_COUNT.pack(len(ring)))
            parts.append(_doubles(flat))
    env = (minx, maxx, miny, maxy)
    return _ENV_PREFIX + _ENVELOPE.pack(*env) + b"".join(parts), env


_PAIR = struct.Struct("<2d")


def pack_nodes(nodes: Dict[int, Node]) -> Dict[int, bytes]:
    """Little-endian (lon, lat) pairs of every node, ready to be joined into WKB."""
    pack = _PAIR.pack
    return {node_id: pack(node.lon, node.lat) for node_id, node in nodes.items()}


def _envelope(body: bytes) -> tuple:
    values = array("d", body)
    if not _LITTLE:  # pragma: no cover - big-endian hosts
        values.byteswap()
    xs, ys = values[0::2], values[1::2]
    return (min(xs), max(xs), min(ys), max(ys))


def encode_line_refs(refs: Sequence[int], packed: Dict[int, bytes]) -> Tuple[bytes, tuple]:
    """GPKG LINESTRING blob of a node id list (see :func:`pack_nodes`) and its envelope."""
    body = b"".join(map(packed.__getitem__, refs))
    env = _envelope(body)
    return _ENV_PREFIX + _ENVELOPE.pack(*env) + _HEADER.pack(1, 2, len(refs)) + body, env


def encode_multipolygon_refs(polygons, packed: Dict[int, bytes]) -> Tuple[bytes, tuple]:
    """GPKG MULTIPOLYGON blob of ``[[outer_ids, hole_ids, ...], ...]`` and its envelope."""
    parts = [_HEADER.pack(1, 6, len(polygons))]
    getitem = packed.__getitem__
    for polygon in polygons:
        parts.append(_HEADER.pack(1, 3, len(polygon)))
        for index, ring in enumerate(polygon):
            body = b"".join(map(getitem, ring))
            if index == 0:
                outer = body if len(polygons) == 1 else None
            parts.append(_COUNT.pack(len(ring)))
            parts.append(body)
    if outer is not None:  # holes lie inside the outer ring
        env = _envelope(outer)
    else:
        env = _envelope(b"".join(b"".join(map(getitem, polygon[0])) for polygon in polygons))
    return _ENV_PREFIX + _ENVELOPE.pack(*env) + b"".join(parts), env


_ENVELOPE_SIZES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def decode_geometry(blob: Optional[bytes]):
    """Decode a GPKG geometry blob into the coordinate structures of :mod:`.osm.features`.

    Point → ``(x, y)``; LineString → ``[(x, y), ...]``; Polygon → ``[[ring, ...]]`` (a one-part
    multipolygon); MultiPolygon → ``[[ring, ...], ...]``; MultiPoint/MultiLineString → list of
    parts. Z and M values are dropped. NULL or empty geometries → ``None``.
    """
    if blob is None:
        return None
    blob = bytes(blob)
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry blob")
    flags = blob[3]
    if flags & 0x10:  # empty geometry
        return None
    offset = 8 + _ENVELOPE_SIZES.get((flags >> 1) & 0x07, 0)
    value, _ = _read_wkb(blob, offset)
    return value


def _read_wkb(data: bytes, offset: int):
    order = "<" if data[offset] == 1 else ">"
    (code,) = struct.unpack_from(order + "I", data, offset + 1)
    offset += 5
    dims = 2
    if code & 0x80000000:  # EWKB Z flag
        dims += 1
    if code & 0x40000000:  # EWKB M flag
        dims += 1
    code &= 0x0FFFFFFF
    if code >= 1000:
        dims += {1: 1, 2: 1, 3: 2}.get(code // 1000, 0)
        code %= 1000
    if code == 1:
        values = struct.unpack_from(f"{order}{dims}d", data, offset)
        offset += 8 * dims
        if values[0] != values[0]:  # NaN: empty point
            return None, offset
        return (values[0], values[1]), offset
    if code == 2:
        return _read_points(data, offset, order, dims)
    if code == 3:
        (count,) = struct.unpack_from(order + "I", data, offset)
        offset += 4
        rings = []
        for _ in range(count):
            ring, offset = _read_points(data, offset, order, dims)
            rings.append(ring)
        return [rings] if rings else None, offset
    if code in (4, 5, 6, 7):
        (count,) = struct.unpack_from(order + "I", data, offset)
        offset += 4
        parts = []
        for _ in range(count):
            part, offset = _read_wkb(data, offset)
            if part is None:
                continue
            if code == 6:
                parts.extend(part)  # each Polygon decodes as a one-part list
            else:
                parts.append(part)
        return parts or None, offset
    raise ValueError(f"unsupported WKB geometry type {code}")


def _read_points(data: bytes, offset: int, order: str, dims: int):
    (count,) = struct.unpack_from(order + "I", data, offset)
    offset += 4
    values = struct.unpack_from(f"{order}{count * dims}d", data, offset)
    offset += 8 * dims * count
    return list(zip(values[0::dims], values[1::dims])), offset


# ---------------------------------------------------------------------------------------------
# Columns
# ---------------------------------------------------------------------------------------------


def plan_columns(
    tag_dicts: Iterable[Dict[str, str]], max_columns: int = MAX_TAG_COLUMNS
) -> Tuple[List[str], List[str]]:
    """(keys with a column of their own in usage order, keys that go to ``other_tags``)."""
    usage: Dict[str, int] = {}
    get = usage.get
    for tags in tag_dicts:
        for key in tags:
            usage[key] = get(key, 0) + 1
    by_folded: Dict[str, str] = {}
    other: List[str] = []
    for key, count in usage.items():
        folded = key.lower()
        if not key or folded in _RESERVED_LOWER:
            other.append(key)
            continue
        current = by_folded.get(folded)
        if current is None:
            by_folded[folded] = key
        elif (-count, key) < (-usage[current], current):
            by_folded[folded] = key
            other.append(current)
        else:
            other.append(key)
    ranked = sorted(by_folded.values(), key=lambda key: (-usage[key], key))
    columns, rare = ranked[:max_columns], ranked[max_columns:]
    other.extend(rare)
    # columns in a stable, readable order: by usage, as ranked
    return columns, sorted(other)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------

_SRS_ROWS = [
    (
        "Undefined Cartesian SRS",
        -1,
        "NONE",
        -1,
        "undefined",
        "undefined Cartesian coordinate reference system",
    ),
    (
        "Undefined geographic SRS",
        0,
        "NONE",
        0,
        "undefined",
        "undefined geographic coordinate reference system",
    ),
    (
        "WGS 84 geodetic",
        4326,
        "EPSG",
        4326,
        'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,'
        'AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,'
        'AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],'
        'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]',
        "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid",
    ),
]

_CORE_DDL = (
    "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL "
    "PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, "
    "definition TEXT NOT NULL, description TEXT)",
    "CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, "
    "identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT "
    "(strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, "
    "max_y DOUBLE, srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES "
    "gpkg_spatial_ref_sys(srs_id))",
    "CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, "
    "geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, "
    "m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), "
    "CONSTRAINT uk_gc_table_name UNIQUE (table_name), CONSTRAINT fk_gc_tn FOREIGN KEY "
    "(table_name) REFERENCES gpkg_contents(table_name), CONSTRAINT fk_gc_srs FOREIGN KEY "
    "(srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))",
    "CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT "
    "NULL, definition TEXT NOT NULL, scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, "
    "column_name, extension_name))",
    f"CREATE TABLE {BASE_NODES} (id INTEGER PRIMARY KEY, version INTEGER NOT NULL, "
    "lat REAL NOT NULL, lon REAL NOT NULL, tags TEXT)",
    f"CREATE TABLE {BASE_WAYS} (id INTEGER PRIMARY KEY, version INTEGER NOT NULL, "
    "nodes TEXT NOT NULL, tags TEXT)",
    f"CREATE TABLE {BASE_RELATIONS} (id INTEGER PRIMARY KEY, version INTEGER NOT NULL, "
    "members TEXT NOT NULL, tags TEXT)",
    f"CREATE TABLE {META} (key TEXT PRIMARY KEY, value TEXT)",
    f"CREATE TABLE {BASE_FEATURES} (layer TEXT, osm_type TEXT, osm_id INTEGER, "
    "PRIMARY KEY (layer, osm_type, osm_id))",
)

# The spatial index triggers exactly as GDAL writes them (GeoPackage 1.2 R*Tree extension).
_RTREE_TRIGGERS = (
    'CREATE TRIGGER "rtree_{t}_geom_insert" AFTER INSERT ON "{t}" WHEN (new."geom" NOT NULL '
    'AND NOT ST_IsEmpty(NEW."geom")) BEGIN INSERT OR REPLACE INTO "rtree_{t}_geom" VALUES '
    '(NEW."fid",ST_MinX(NEW."geom"), ST_MaxX(NEW."geom"),ST_MinY(NEW."geom"), '
    'ST_MaxY(NEW."geom")); END',
    'CREATE TRIGGER "rtree_{t}_geom_update1" AFTER UPDATE OF "geom" ON "{t}" WHEN OLD."fid" = '
    'NEW."fid" AND (NEW."geom" NOTNULL AND NOT ST_IsEmpty(NEW."geom")) BEGIN INSERT OR REPLACE '
    'INTO "rtree_{t}_geom" VALUES (NEW."fid",ST_MinX(NEW."geom"), ST_MaxX(NEW."geom"),'
    'ST_MinY(NEW."geom"), ST_MaxY(NEW."geom")); END',
    'CREATE TRIGGER "rtree_{t}_geom_update2" AFTER UPDATE OF "geom" ON "{t}" WHEN OLD."fid" = '
    'NEW."fid" AND (NEW."geom" ISNULL OR ST_IsEmpty(NEW."geom")) BEGIN DELETE FROM '
    '"rtree_{t}_geom" WHERE id = OLD."fid"; END',
    'CREATE TRIGGER "rtree_{t}_geom_update3" AFTER UPDATE ON "{t}" WHEN OLD."fid" != NEW."fid" '
    'AND (NEW."geom" NOTNULL AND NOT ST_IsEmpty(NEW."geom")) BEGIN DELETE FROM "rtree_{t}_geom" '
    'WHERE id = OLD."fid"; INSERT OR REPLACE INTO "rtree_{t}_geom" VALUES (NEW."fid",'
    'ST_MinX(NEW."geom"), ST_MaxX(NEW."geom"),ST_MinY(NEW."geom"), ST_MaxY(NEW."geom")); END',
    'CREATE TRIGGER "rtree_{t}_geom_update4" AFTER UPDATE ON "{t}" WHEN OLD."fid" != NEW."fid" '
    'AND (NEW."geom" ISNULL OR ST_IsEmpty(NEW."geom")) BEGIN DELETE FROM "rtree_{t}_geom" WHERE '
    'id IN (OLD."fid", NEW."fid"); END',
    'CREATE TRIGGER "rtree_{t}_geom_delete" AFTER DELETE ON "{t}" WHEN old."geom" NOT NULL '
    'BEGIN DELETE FROM "rtree_{t}_geom" WHERE id = OLD."fid"; END',
)


@contextmanager
def _gc_paused():
    """Pause the cyclic garbage collector during bulk work (it rescans the many new objects)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def write_dataset(
    dataset: DataSet,
    path,
    *,
    api_url: str = "",
    progress: Optional[ProgressCallback] = None,
) -> WriteSummary:
    """Write ``dataset`` as the download's GeoPackage at ``path`` (replacing any existing file).

    The file is written next to ``path`` under a temporary name and moved into place at the end
    (:func:`.gpkg_target.replace_file`), so an interrupted write never leaves a half-written
    GeoPackage behind. Whether an existing file may be replaced is the caller's question
    (:func:`.gpkg_target.check_target`).
    """
    from .gpkg_target import replace_file

    path = os.fspath(path)
    temp = path + ".part"
    if os.path.exists(temp):
        os.remove(temp)
    steps = 6

    def report(step: int, message: str) -> None:
        if progress is not None:
            progress(step, steps, message)

    summary = WriteSummary(path=path)
    with _gc_paused():
        report(0, "Building geometries")
        features = build_features(dataset)
        summary.incomplete_relations = [r.osm_id for r in features.relations if r.incomplete]
        summary.invalid_relations = list(features.invalid_relations)
        summary.incomplete_ways = list(features.incomplete_ways)
        summary.view_box = view_box(dataset)
        connection = sqlite3.connect(temp, isolation_level=None)
        try:
            _write(connection, dataset, features, summary, api_url, report)
        except BaseException:
            connection.close()
            os.remove(temp)
            raise
        connection.close()
    try:
        replace_file(temp, path)
    except BaseException:
        os.remove(temp)
        raise
    report(steps, "Done")
    return summary


def _write(connection, dataset, features, summary, api_url, report) -> None:
    execute = connection.execute
    execute("PRAGMA journal_mode=OFF")
    execute("PRAGMA synchronous=OFF")
    execute(f"PRAGMA application_id={GPKG_APPLICATION_ID}")
    execute(f"PRAGMA user_version={GPKG_USER_VERSION}")
    execute("BEGIN")
    for statement in _CORE_DDL:
        execute(statement)
    connection.executemany("INSERT INTO gpkg_spatial_ref_sys VALUES (?,?,?,?,?,?)", _SRS_ROWS)
    now = _now()

    report(1, "Writing points")
    packed = pack_nodes(dataset.nodes)
    _write_layer(connection, POINTS, features.points, summary, now, packed)
    report(2, "Writing lines")
    _write_layer(connection, LINES, features.lines, summary, now, packed)
    report(3, "Writing polygons")
    _write_layer(connection, POLYGONS, features.polygons, summary, now, packed)
    del packed
    report(4, "Writing relations")
    _write_relations(connection, features.relations, summary, now)
    report(5, "Writing the base snapshot")
    _write_base(connection, dataset, summary, api_url, now)
    _write_loaded(connection, features)
    from .gpkg_partial import install_edit_log

    install_edit_log(connection)  # from here on, every edit of a layer row is logged
    execute("COMMIT")


def _layer_ddl(table: str, geometry_type: Optional[str], columns: List[str]) -> str:
    parts = ['"fid" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL']
    if geometry_type:
        parts.append(f'"geom" {geometry_type}')
    parts += [f'"{OSM_TYPE}" TEXT', f'"{OSM_ID}" INTEGER', f'"{OSM_VERSION}" INTEGER']
    if not geometry_type:
        parts += [f'"{MEMBERS}" TEXT', f'"{INCOMPLETE}" INTEGER']
    elif geometry_type != "POINT":  # drawn from the part of a way or relation that is there
        parts.append(f'"{INCOMPLETE}" INTEGER')
    parts += [f"{_quote(column)} TEXT" for column in columns]
    parts.append(f'"{OTHER_TAGS}" TEXT')
    return f'CREATE TABLE "{table}" ({", ".join(parts)})'


def _insert_grouped(connection, table: str, fixed: Sequence[str], rows, index) -> None:
    """Insert rows naming only the tag columns each row uses.

    Binding hundreds of NULLs per row costs far more than the few values a feature has, so rows
    are grouped by the set of tag columns they fill and each group is inserted with its own
    column list. ``rows`` yields ``(fixed_values, tags)``; tags without a column go to
    ``other_tags``.
    """
    groups: Dict[tuple, list] = {}
    for values, tags in rows:
        keys = []
        other = None
        for key in tags:
            if key in index:
                keys.append(key)
            else:
                if other is None:
                    other = {}
                other[key] = tags[key]
        keys.sort()
        signature = tuple(keys)
        row = [*values, _dumps(other) if other else None]
        row.extend([tags[key] for key in signature])
        group = groups.get(signature)
        if group is None:
            groups[signature] = [row]
        else:
            group.append(row)
    head = ",".join(_quote(name) for name in (*fixed, OTHER_TAGS))
    for signature, group in groups.items():
        names = head + "".join("," + _quote(key) for key in signature)
        insert_rows(connection, f'"{table}" ({names})', len(fixed) + 1 + len(signature), group)


MAX_VARIABLES = 999  # SQLite's lowest limit of parameters per statement (before 3.32)


def insert_rows(connection, target: str, width: int, rows: Sequence[Sequence]) -> None:
    """INSERT ``rows`` of ``width`` values into ``target`` ("table" or "table (columns)").

    Several rows per statement (``VALUES (...), (...), ...``): about twice as fast as one
    execution per row, as the per-execution overhead is paid once per batch.
    """
    one = "(" + ",".join("?" * width) + ")"
    per = max(1, min(200, MAX_VARIABLES // width))
    full = len(rows) - len(rows) % per if per > 1 else 0
    if full:
        statement = f"INSERT INTO {target} VALUES " + ",".join([one] * per)
        flatten = chain.from_iterable
        connection.executemany(
            statement, (list(flatten(rows[i : i + per])) for i in range(0, full, per))
        )
    if full < len(rows):
        connection.executemany(f"INSERT INTO {target} VALUES {one}", rows[full:])


_LAYER_FIXED = ("fid", "geom", OSM_TYPE, OSM_ID, OSM_VERSION)
_SHAPE_FIXED = (*_LAYER_FIXED, INCOMPLETE)  # lines and polygons
_RELATION_FIXED = ("fid", OSM_TYPE, OSM_ID, OSM_VERSION, MEMBERS, INCOMPLETE)


def _write_layer(
    connection, table: str, features: List[Feature], summary, now: str, packed
) -> None:
    geometry_type = GEOMETRY_TYPES[table]
    columns, other_keys = plan_columns(f.tags for f in features)
    summary.columns[table] = columns
    summary.other_tags_keys[table] = other_keys
    index = set(columns)
    connection.execute(_layer_ddl(table, geometry_type, columns))

    rows = []
    boxes = []
    if geometry_type == "POINT":
        for fid, feature in enumerate(features, 1):
            x, y = feature.geometry
            rows.append(
                (
                    (fid, encode_point(x, y), feature.osm_type, feature.osm_id, feature.version),
                    feature.tags,
                )
            )
            boxes.append((fid, x, x, y, y))
    else:
        encode = encode_line_refs if geometry_type == "LINESTRING" else encode_multipolygon_refs
        for fid, feature in enumerate(features, 1):
            blob, env = encode(feature.geometry, packed)
            fixed = (fid, blob, feature.osm_type, feature.osm_id, feature.version)
            rows.append(((*fixed, 1 if feature.incomplete else 0), feature.tags))
            boxes.append((fid, *env))
    fixed_columns = _LAYER_FIXED if geometry_type == "POINT" else _SHAPE_FIXED
    _insert_grouped(connection, table, fixed_columns, rows, index)
    summary.counts[table] = len(rows)

    if boxes:
        minx = min(b[1] for b in boxes)
        maxx = max(b[2] for b in boxes)
        miny = min(b[3] for b in boxes)
        maxy = max(b[4] for b in boxes)
        extent = (minx, miny, maxx, maxy)
    else:
        extent = (None, None, None, None)
    connection.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, "
        "min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, '', ?, ?, ?, ?, ?, ?)",
        (table, table, now, *extent, SRS_ID),
    )
    connection.execute(
        "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)",
        (table, geometry_type, SRS_ID),
    )
    # Spatial index: bulk-loaded from the envelopes we computed, then GDAL's triggers.
    bulk_load_rtree(connection, f"rtree_{table}_geom", boxes)
    for trigger in _RTREE_TRIGGERS:
        connection.execute(trigger.format(t=table))
    connection.execute(
        "INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index', "
        "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')",
        (table,),
    )


# ---------------------------------------------------------------------------------------------
# R*Tree bulk loading (Sort-Tile-Recursive packing written straight into SQLite's shadow tables,
# as GDAL does): much faster than one INSERT per feature, and a better packed tree.
# ---------------------------------------------------------------------------------------------

_RTREE_CELL = struct.Struct(">q4f")  # id or child node, minx, maxx, miny, maxy (big endian)
_RTREE_HEADER = struct.Struct(">HH")  # depth (root only), number of cells
_TOWARDS, _AWAY = 1.0 - 1.0 / 8388608.0, 1.0 + 1.0 / 8388608.0  # as SQLite's rtree.c


def _down(value: float) -> float:
    """A value whose 32-bit float is <= ``value`` (R*Tree boxes must contain the geometry)."""
    return value * (_TOWARDS if value > 0 else _AWAY)


def _up(value: float) -> float:
    return value * (_AWAY if value > 0 else _TOWARDS)


def _str_groups(entries: list, capacity: int) -> List[list]:
    """Sort-Tile-Recursive: vertical slices by x centre, then runs of ``capacity`` by y centre."""
    leaves = -(-len(entries) // capacity)
    slices = max(1, math.ceil(math.sqrt(leaves)))
    per_slice = slices * capacity
    entries = sorted(entries, key=lambda e: e[1] + e[2])
    groups = []
    for start in range(0, len(entries), per_slice):
        column = sorted(entries[start : start + per_slice], key=lambda e: e[3] + e[4])
        groups.extend(column[i : i + capacity] for i in range(0, len(column), capacity))
    return groups


def bulk_load_rtree(connection, name: str, boxes: Sequence[tuple]) -> None:
    """Create the R*Tree ``name`` and fill it with ``(id, minx, maxx, miny, maxy)`` boxes."""
    connection.execute(f'CREATE VIRTUAL TABLE "{name}" USING rtree(id, minx, maxx, miny, maxy)')
    if not boxes:
        return
    (node_size,) = connection.execute(
        f'SELECT length(data) FROM "{name}_node" WHERE nodeno = 1'
    ).fetchone()
    capacity = (node_size - 4) // _RTREE_CELL.size
    level = [(b[0], _down(b[1]), _up(b[2]), _down(b[3]), _up(b[4])) for b in boxes]
    levels = []  # bottom-up: lists of groups of entries
    while True:
        groups = _str_groups(level, capacity) if len(level) > capacity else [level]
        levels.append(groups)
        if len(groups) == 1:
            break
        level = [
            (
                index,
                min(e[1] for e in group),
                max(e[2] for e in group),
                min(e[3] for e in group),
                max(e[4] for e in group),
            )
            for index, group in enumerate(groups)
        ]
    # number the nodes top-down: the root is node 1
    numbers: List[List[int]] = []
    next_number = 1
    for groups in reversed(levels):
        numbers.append(list(range(next_number, next_number + len(groups))))
        next_number += len(groups)
    numbers.reverse()  # numbers[k][i]: node number of group i of level k (0 = leaves)
    depth = len(levels) - 1
    pack = _RTREE_CELL.pack
    node_rows, parent_rows, rowid_rows = [], [], []
    for k, groups in enumerate(levels):
        for i, group in enumerate(groups):
            number = numbers[k][i]
            if k == 0:
                cells = [pack(*entry) for entry in group]
                rowid_rows.extend((entry[0], number) for entry in group)
            else:
                below = numbers[k - 1]
                cells = [pack(below[e[0]], e[1], e[2], e[3], e[4]) for e in group]
                parent_rows.extend((below[e[0]], number) for e in group)
            header = _RTREE_HEADER.pack(depth if number == 1 else 0, len(group))
            blob = b"".join([header, *cells])
            node_rows.append((number, blob + bytes(node_size - len(blob))))
    connection.execute(f'DELETE FROM "{name}_node"')
    connection.executemany(f'INSERT INTO "{name}_node" VALUES (?, ?)', node_rows)
    insert_rows(connection, f'"{name}_rowid"', 2, rowid_rows)
    connection.executemany(f'INSERT INTO "{name}_parent" VALUES (?, ?)', parent_rows)


def _write_relations(connection, relations, summary, now: str) -> None:
    columns, other_keys = plan_columns(r.tags for r in relations)
    summary.columns[RELATIONS] = columns
    summary.other_tags_keys[RELATIONS] = other_keys
    connection.execute(_layer_ddl(RELATIONS, None, columns))
    rows = [
        (
            (
                fid,
                "relation",
                record.osm_id,
                record.version,
                _dumps(record.members),
                1 if record.incomplete else 0,
            ),
            record.tags,
        )
        for fid, record in enumerate(relations, 1)
    ]
    _insert_grouped(connection, RELATIONS, _RELATION_FIXED, rows, set(columns))
    summary.counts[RELATIONS] = len(rows)
    connection.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, "
        "srs_id) VALUES (?, 'attributes', ?, '', ?, 0)",
        (RELATIONS, RELATIONS, now),
    )


def _write_base(connection, dataset: DataSet, summary, api_url: str, now: str) -> None:
    dumps = _dumps
    insert_rows(
        connection,
        BASE_NODES,
        5,
        [
            (n.id, n.version, n.lat, n.lon, dumps(n.tags) if n.tags else None)
            for n in dataset.nodes.values()
        ],
    )
    insert_rows(
        connection,
        BASE_WAYS,
        4,
        [
            # the JSON array of the node ids: repr of a list of ints without its spaces
            (
                w.id,
                w.version,
                repr(list(w.nodes)).replace(" ", ""),
                dumps(w.tags) if w.tags else None,
            )
            for w in dataset.ways.values()
        ],
    )
    insert_rows(
        connection,
        BASE_RELATIONS,
        4,
        [
            (r.id, r.version, dumps(r.members), dumps(r.tags) if r.tags else None)
            for r in dataset.relations.values()
        ],
    )
    summary.counts[BASE_NODES] = len(dataset.nodes)
    summary.counts[BASE_WAYS] = len(dataset.ways)
    summary.counts[BASE_RELATIONS] = len(dataset.relations)
    meta = {
        "format_version": FORMAT_VERSION,
        "api_url": api_url,
        DOWNLOADED_AT: now,
        DOWNLOAD_ID: new_download_id(),
        "bounds": dumps([list(box) for box in dataset.bounds]),
        "incomplete_relations": dumps(summary.incomplete_relations),
    }
    connection.executemany(f"INSERT INTO {META} VALUES (?, ?)", sorted(meta.items()))


def _write_loaded(connection, features) -> None:
    rows = [
        (layer, f.osm_type, f.osm_id)
        for layer, items in (
            (POINTS, features.points),
            (LINES, features.lines),
            (POLYGONS, features.polygons),
        )
        for f in items
    ]
    rows += [(RELATIONS, "relation", r.osm_id) for r in features.relations]
    insert_rows(connection, BASE_FEATURES, 3, rows)


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------


def _connect_readonly(path) -> sqlite3.Connection:
    """Read-only, after checking that the file is a whole download (:mod:`.gpkg_check`)."""
    from .gpkg_check import open_download

    return open_download(path)


@contextlib.contextmanager
def _reading(path):
    """Values that cannot be read become :class:`~.gpkg_check.DamagedDownload`."""
    from .gpkg_check import damaged

    try:
        yield
    except (ValueError, TypeError, KeyError, IndexError, sqlite3.DatabaseError) as exc:
        raise damaged(path, f"{type(exc).__name__}: {exc}") from exc


def _blob_envelope(blob) -> Optional[tuple]:
    """(minx, maxx, miny, maxy) of a GPKG blob, ``None`` for NULL or empty geometries."""
    if blob is None:
        return None
    blob = bytes(blob)
    if len(blob) < 8 or blob[:2] != b"GP" or blob[3] & 0x10:
        return None
    if (blob[3] >> 1) & 0x07:
        order = "<" if blob[3] & 1 else ">"
        return struct.unpack_from(order + "4d", blob, 8)
    geometry = decode_geometry(blob)
    points = list(_points(geometry))
    if not points:
        return None
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), max(xs), min(ys), max(ys))


def _points(geometry):
    if geometry is None:
        return
    if isinstance(geometry, tuple):
        yield geometry
        return
    for part in geometry:
        yield from _points(part)


def _envelope_function(index: int):
    def function(blob):
        env = _blob_envelope(blob)
        return None if env is None else env[index]

    return function


def register_functions(connection: sqlite3.Connection) -> None:
    """Register the SQL functions the spatial index triggers call (as GDAL/QGIS do).

    Needed to insert, update or delete rows of the layers from plain :mod:`sqlite3`.
    """
    connection.create_function(
        "ST_IsEmpty", 1, lambda blob: 1 if _blob_envelope(blob) is None else 0, deterministic=True
    )
    for index, name in enumerate(("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY")):
        connection.create_function(name, 1, _envelope_function(index), deterministic=True)


def connect(path) -> sqlite3.Connection:
    """Open the GeoPackage for writing with plain :mod:`sqlite3` (triggers' functions ready)."""
    path = os.fspath(path)
    if not os.path.exists(path):
        raise FileNotFoundError(path)
    connection = sqlite3.connect(path)
    register_functions(connection)
    return connection


def read_meta(path) -> Dict[str, str]:
    connection = _connect_readonly(path)
    try:
        return dict(connection.execute(f"SELECT key, value FROM {META}"))
    finally:
        connection.close()


def new_download_id() -> str:
    return uuid.uuid4().hex


def download_id(path) -> Optional[str]:
    """The download identity of the GeoPackage (``None`` for files written before it existed)."""
    return read_meta(path).get(DOWNLOAD_ID) or None


def ensure_download_id(path) -> str:
    """The download identity, written first when the file has none (an older download).

    Only the upload calls this, before it writes a journal: from then on that journal and this
    file belong together.
    """
    connection = connect(path)
    connection.isolation_level = None  # the transaction below is explicit
    try:
        connection.execute("BEGIN IMMEDIATE")
        row = connection.execute(
            f"SELECT value FROM {META} WHERE key = ?", (DOWNLOAD_ID,)
        ).fetchone()
        if row is not None and row[0]:
            connection.execute("ROLLBACK")
            return row[0]
        identity = new_download_id()
        connection.execute(f"INSERT OR REPLACE INTO {META} VALUES (?, ?)", (DOWNLOAD_ID, identity))
        connection.execute("COMMIT")
        return identity
    finally:
        connection.close()


def read_base(path) -> DataSet:
    """The base snapshot stored at download time, as a :class:`DataSet`."""
    loads = json.loads
    dataset = DataSet()
    connection = _connect_readonly(path)
    try:
        with _gc_paused(), _reading(path):
            nodes = dataset.nodes
            for id_, version, lat, lon, tags in connection.execute(
                f"SELECT id, version, lat, lon, tags FROM {BASE_NODES}"
            ):
                nodes[id_] = Node(id_, lat, lon, version, loads(tags) if tags else {})
            ways = dataset.ways
            for id_, version, refs, tags in connection.execute(
                f"SELECT id, version, nodes, tags FROM {BASE_WAYS}"
            ):
                ways[id_] = Way(id_, loads(refs), version, loads(tags) if tags else {})
            relations = dataset.relations
            for id_, version, members, tags in connection.execute(
                f"SELECT id, version, members, tags FROM {BASE_RELATIONS}"
            ):
                relations[id_] = Relation(
                    id_,
                    [Member(t, r, role) for t, r, role in loads(members)],
                    version,
                    loads(tags) if tags else {},
                )
            meta = dict(connection.execute(f"SELECT key, value FROM {META}"))
    finally:
        connection.close()
    dataset.bounds = [tuple(box) for box in json.loads(meta.get("bounds") or "[]")]
    return dataset


def invalid_base_identity(path) -> Optional[Tuple[str, object, str, object]]:
    """The first ``(type, id, column, value)`` of the base snapshot whose id or version is not
    a whole number above zero (a damaged or hand-edited file), else ``None``."""
    connection = _connect_readonly(path)
    try:
        for kind, table in (("node", BASE_NODES), ("way", BASE_WAYS), ("relation", BASE_RELATIONS)):
            row = connection.execute(
                f"SELECT id, version FROM {table} WHERE typeof(id) != 'integer' OR id <= 0 "
                "OR typeof(version) != 'integer' OR version <= 0 LIMIT 1"
            ).fetchone()
            if row is not None:
                element_id, version = row
                bad_id = not isinstance(element_id, int) or element_id <= 0
                return (kind, element_id, "id" if bad_id else "version", version)
    finally:
        connection.close()
    return None


def has_table(connection, name: str) -> bool:
    return (
        connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).fetchone()
        is not None
    )


def read_loaded(path) -> Set[Tuple[str, str, int]]:
    """``(layer, osm_type, osm_id)`` of the features written to the layers (at download, and by
    uploads since), for :func:`.osm.diff.compute_changes` (``loaded=``).

    A GeoPackage written before the table existed gets the loader's rules applied to its base
    snapshot (:func:`.osm.diff.loaded_keys`).
    """
    connection = _connect_readonly(path)
    try:
        if has_table(connection, BASE_FEATURES):
            return {
                (layer, kind, int(osm_id))
                for layer, kind, osm_id in connection.execute(
                    f"SELECT layer, osm_type, osm_id FROM {BASE_FEATURES}"
                )
            }
    finally:
        connection.close()
    return set(loaded_keys(read_base(path)))


_NOT_TAGS = frozenset(
    {"fid", "geom", OSM_TYPE, OSM_ID, OSM_VERSION, OTHER_TAGS, MEMBERS, INCOMPLETE}
)


def read_features(path) -> Dict[str, List[EditedFeature]]:
    """The features of the four layers as they are now (after edits in QGIS)."""
    connection = _connect_readonly(path)
    result: Dict[str, List[EditedFeature]] = {}
    try:
        with _reading(path):
            result.update(_read_layers(connection))
    finally:
        connection.close()
    return result


def _read_layers(connection, fids=None) -> Dict[str, List[EditedFeature]]:
    """Every row of the four layers, or only the rows ``fids[layer]`` (a collection of fids)."""
    result: Dict[str, List[EditedFeature]] = {}
    for layer in (POINTS, LINES, POLYGONS, RELATIONS):
        if fids is None:
            cursor = connection.execute(f'SELECT * FROM "{layer}"')
        else:
            wanted = json.dumps(sorted(fids.get(layer, ())))
            cursor = connection.execute(
                f'SELECT * FROM "{layer}" WHERE fid IN (SELECT value FROM json_each(?))', (wanted,)
            )
        names = [d[0] for d in cursor.description]
        lower = [n.lower() for n in names]
        tag_positions = [i for i, n in enumerate(lower) if n not in _NOT_TAGS]
        pos = {n: i for i, n in enumerate(lower)}
        i_fid, i_geom = pos["fid"], pos.get("geom")
        i_type, i_id, i_other = pos[OSM_TYPE], pos[OSM_ID], pos.get(OTHER_TAGS)
        i_members = pos.get(MEMBERS)
        features = []
        for row in cursor:
            tags = {}
            if i_other is not None and row[i_other]:
                for key, value in json.loads(row[i_other]).items():
                    if value is not None and value != "":
                        tags[key] = str(value)
            for i in tag_positions:
                value = row[i]
                if value is not None and value != "":
                    tags[names[i]] = value if isinstance(value, str) else _text(value)
            members = None
            if i_members is not None:
                members = [tuple(m) for m in json.loads(row[i_members] or "[]")]
            osm_id = _whole_or_raw(row[i_id])
            if isinstance(osm_id, int) and osm_id < 0:
                osm_id = None  # a placeholder of an upload (see gpkg_update): a new feature
            features.append(
                EditedFeature(
                    layer=layer,
                    fid=row[i_fid],
                    osm_type=(row[i_type] or None) if osm_id is not None else None,
                    osm_id=osm_id,
                    tags=tags,
                    geometry=decode_geometry(row[i_geom]) if i_geom is not None else None,
                    members=members,
                )
            )
        result[layer] = features
    return result


def _whole_or_raw(value):
    """An id as an ``int`` when it is a whole number, else as it is (the upload refuses it with
    a clear message instead of failing here)."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return value


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)
