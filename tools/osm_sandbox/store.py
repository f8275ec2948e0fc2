"""SQLite storage of the sandbox: schema, seeding from .osm/.osm.pbf, pristine copies, reads.

Coordinates are stored as integers x 10^7 (as production does), timestamps as Unix seconds, tags
as a JSON object (``NULL`` when empty), way node lists and relation member lists as JSON arrays.
The current state lives in ``nodes``/``ways``/``relations``; every superseded version is moved
to ``old_nodes``/``old_ways``/``old_relations`` so that ``/history`` and version reads work.
``way_nodes`` and ``relation_members`` are the reverse indexes of *visible* ways and relations
(node id -> way id, member -> relation id) used by ``/map``, back-references and the
"still used by" checks.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Iterable, Iterator

SCALE = 10_000_000
SEED_FORMAT = "osm-sandbox-seed-3"  # bump when the schema or the seeding rules change
TYPES = ("node", "way", "relation")
TYPE_CODE = {"node": "n", "way": "w", "relation": "r"}
CODE_TYPE = {v: k for k, v in TYPE_CODE.items()}

#: Users every sandbox knows. Seeded data belongs to the ``seed_*`` users unless the seed file
#: carries its own user names and ids.
PREDEFINED_USERS = {1: "alice", 2: "bob", 3: "carol"}
SEED_USERS = {11: "seed_mapper_a", 12: "seed_mapper_b", 13: "seed_mapper_c"}
#: One closed changeset per seed user, for data without changeset ids.
SEED_CHANGESETS = {1: 11, 2: 12, 3: 13}
DEFAULT_SEED_TIME = 1577836800  # 2020-01-01T00:00:00Z, for seed objects without a timestamp

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE nodes(id INTEGER PRIMARY KEY, version INTEGER, changeset INTEGER, ts INTEGER,
    uid INTEGER, visible INTEGER, lat INTEGER, lon INTEGER, tags TEXT);
CREATE TABLE ways(id INTEGER PRIMARY KEY, version INTEGER, changeset INTEGER, ts INTEGER,
    uid INTEGER, visible INTEGER, tags TEXT, nds TEXT);
CREATE TABLE relations(id INTEGER PRIMARY KEY, version INTEGER, changeset INTEGER, ts INTEGER,
    uid INTEGER, visible INTEGER, tags TEXT, members TEXT);
CREATE TABLE old_nodes(id INTEGER, version INTEGER, changeset INTEGER, ts INTEGER,
    uid INTEGER, visible INTEGER, lat INTEGER, lon INTEGER, tags TEXT,
    PRIMARY KEY(id, version)) WITHOUT ROWID;
CREATE TABLE old_ways(id INTEGER, version INTEGER, changeset INTEGER, ts INTEGER,
    uid INTEGER, visible INTEGER, tags TEXT, nds TEXT, PRIMARY KEY(id, version)) WITHOUT ROWID;
CREATE TABLE old_relations(id INTEGER, version INTEGER, changeset INTEGER, ts INTEGER,
    uid INTEGER, visible INTEGER, tags TEXT, members TEXT,
    PRIMARY KEY(id, version)) WITHOUT ROWID;
CREATE TABLE way_nodes(node_id INTEGER, way_id INTEGER);
CREATE TABLE relation_members(mtype TEXT, ref INTEGER, rel_id INTEGER);
CREATE TABLE changesets(id INTEGER PRIMARY KEY, uid INTEGER, created_at INTEGER,
    closed_at INTEGER, num_changes INTEGER DEFAULT 0, num_created INTEGER DEFAULT 0,
    num_modified INTEGER DEFAULT 0, num_deleted INTEGER DEFAULT 0,
    min_lat INTEGER, min_lon INTEGER, max_lat INTEGER, max_lon INTEGER, tags TEXT);
CREATE TABLE changeset_changes(seq INTEGER PRIMARY KEY, changeset INTEGER, type TEXT,
    id INTEGER, version INTEGER);
"""

INDEXES = """
CREATE INDEX nodes_latlon ON nodes(lat, lon);
CREATE INDEX way_nodes_node ON way_nodes(node_id, way_id);
CREATE INDEX relation_members_ref ON relation_members(mtype, ref, rel_id);
CREATE INDEX changeset_changes_cs ON changeset_changes(changeset, seq);
"""

NODE_COLS = "id, version, changeset, ts, uid, visible, lat, lon, tags"
WAY_COLS = "id, version, changeset, ts, uid, visible, tags, nds"
REL_COLS = "id, version, changeset, ts, uid, visible, tags, members"
COLS = {"node": NODE_COLS, "way": WAY_COLS, "relation": REL_COLS}
TABLE = {"node": "nodes", "way": "ways", "relation": "relations"}
OLD_TABLE = {"node": "old_nodes", "way": "old_ways", "relation": "old_relations"}


def dump_tags(tags: dict[str, str] | None) -> str | None:
    return json.dumps(tags, ensure_ascii=False, separators=(",", ":")) if tags else None


def load_tags(text: str | None) -> dict[str, str]:
    return json.loads(text) if text else {}


def row_to_element(kind: str, row: tuple) -> dict[str, Any]:
    """A database row as the element dict used by the formatters and the upload code."""
    el: dict[str, Any] = {
        "type": kind,
        "id": row[0],
        "version": row[1],
        "changeset": row[2],
        "ts": row[3],
        "uid": row[4],
        "visible": bool(row[5]),
    }
    if kind == "node":
        el["lat"], el["lon"] = row[6], row[7]
        el["tags"] = load_tags(row[8])
    elif kind == "way":
        el["tags"] = load_tags(row[6])
        el["nds"] = json.loads(row[7]) if row[7] else []
    else:
        el["tags"] = load_tags(row[6])
        el["members"] = [tuple(m) for m in json.loads(row[7])] if row[7] else []
    return el


# --------------------------------------------------------------------------------------------
# Seeding


def file_digest(path: Path) -> str:
    h = hashlib.sha256(SEED_FORMAT.encode())
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:24]


def default_cache_dir() -> Path:
    env = os.environ.get("OSM_SANDBOX_CACHE")
    if env:
        return Path(env)
    return Path(tempfile.gettempdir()) / "osm_sandbox_cache"


def seeded_database(seed: Path, cache_dir: Path | None = None) -> Path:
    """Path of a pristine SQLite database seeded from ``seed``, built once per file content."""
    cache = cache_dir or default_cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / f"{seed.name}.{file_digest(seed)}.sqlite"
    if target.exists():
        return target
    fd, tmp_name = tempfile.mkstemp(prefix=".seeding-", suffix=".sqlite", dir=cache)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.unlink()
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            seed_into(conn, seed)
        finally:
            conn.close()
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


def _ts(obj) -> int | None:
    t = obj.timestamp
    if t is None:
        return None
    ts = int(t.timestamp())
    return ts if ts > 0 else None


def _chunks(it: Iterable, size: int = 50_000) -> Iterator[list]:
    buf = []
    for item in it:
        buf.append(item)
        if len(buf) >= size:
            yield buf
            buf = []
    if buf:
        yield buf


def seed_into(conn: sqlite3.Connection, seed: Path) -> None:
    """Create the schema in ``conn`` and load ``seed`` into it (fast path: executemany, indexes
    afterwards). Objects without user get one of the seed users; objects without changeset the
    seed user's changeset; objects without timestamp the newest timestamp of the file; version 0
    (which production never serves and which no upload could modify) becomes 1."""
    import osmium

    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.executescript(SCHEMA)
    users: dict[int, str] = {}
    changesets: dict[int, int] = {}
    max_ts = 0
    seed_uids = sorted(SEED_USERS)
    seed_cs = {uid: cs for cs, uid in SEED_CHANGESETS.items()}

    def meta(obj) -> tuple[int, int, int | None, int, int]:
        nonlocal max_ts
        uid = obj.uid
        if uid > 0:
            if obj.user:
                users.setdefault(uid, obj.user)
        else:
            uid = seed_uids[obj.id % len(seed_uids)]
        cs = obj.changeset if obj.changeset > 0 else seed_cs.get(uid, 1)
        changesets.setdefault(cs, uid)
        ts = _ts(obj)
        if ts is not None and ts > max_ts:
            max_ts = ts
        version = obj.version if obj.version > 0 else 1
        return version, cs, ts, uid, 1 if obj.visible else 0

    conn.execute("BEGIN")
    node_rows: list[tuple] = []
    way_rows: list[tuple] = []
    wn_rows: list[tuple] = []
    rel_rows: list[tuple] = []
    rm_rows: list[tuple] = []

    def flush() -> None:
        if node_rows:
            conn.executemany("INSERT OR REPLACE INTO nodes VALUES (?,?,?,?,?,?,?,?,?)", node_rows)
            node_rows.clear()
        if way_rows:
            conn.executemany("INSERT OR REPLACE INTO ways VALUES (?,?,?,?,?,?,?,?)", way_rows)
            way_rows.clear()
        if wn_rows:
            conn.executemany("INSERT INTO way_nodes VALUES (?,?)", wn_rows)
            wn_rows.clear()
        if rel_rows:
            conn.executemany("INSERT OR REPLACE INTO relations VALUES (?,?,?,?,?,?,?,?)", rel_rows)
            rel_rows.clear()
        if rm_rows:
            conn.executemany("INSERT INTO relation_members VALUES (?,?,?)", rm_rows)
            rm_rows.clear()

    fp = osmium.FileProcessor(str(seed))
    for obj in fp:
        if obj.is_node():
            version, cs, ts, uid, vis = meta(obj)
            loc = obj.location
            if loc.valid():
                lat, lon = loc.y, loc.x
            else:
                lat = lon = None
            tags = {t.k: t.v for t in obj.tags} if len(obj.tags) else None
            node_rows.append((obj.id, version, cs, ts, uid, vis, lat, lon, dump_tags(tags)))
        elif obj.is_way():
            version, cs, ts, uid, vis = meta(obj)
            nds = [n.ref for n in obj.nodes]
            tags = {t.k: t.v for t in obj.tags} if len(obj.tags) else None
            way_rows.append((obj.id, version, cs, ts, uid, vis, dump_tags(tags), json.dumps(nds)))
            if vis:
                wn_rows.extend((n, obj.id) for n in set(nds))
        elif obj.is_relation():
            version, cs, ts, uid, vis = meta(obj)
            members = [[CODE_TYPE[m.type], m.ref, m.role] for m in obj.members]
            tags = {t.k: t.v for t in obj.tags} if len(obj.tags) else None
            rel_rows.append(
                (obj.id, version, cs, ts, uid, vis, dump_tags(tags), json.dumps(members))
            )
            if vis:
                rm_rows.extend({(TYPE_CODE[m[0]], m[1], obj.id) for m in members})
        else:
            continue
        if len(node_rows) + len(way_rows) + len(rel_rows) >= 50_000:
            flush()
    flush()
    fill_ts = max_ts or DEFAULT_SEED_TIME
    for table in ("nodes", "ways", "relations"):
        conn.execute(f"UPDATE {table} SET ts = ? WHERE ts IS NULL", (fill_ts,))
    for uid, name in {**SEED_USERS, **users, **PREDEFINED_USERS}.items():
        conn.execute("INSERT OR REPLACE INTO users VALUES (?, ?)", (uid, name))
    for cs, uid in changesets.items():
        conn.execute(
            "INSERT INTO changesets(id, uid, created_at, closed_at, tags) VALUES (?,?,?,?,?)",
            (cs, uid, fill_ts - 3600, fill_ts, dump_tags({"comment": "Seed data"})),
        )
    conn.execute("COMMIT")
    conn.executescript(INDEXES)
    next_ids = {}
    for kind in TYPES:
        (mx,) = conn.execute(f"SELECT max(id) FROM {TABLE[kind]}").fetchone()
        next_ids[kind] = (mx or 0) + 1
    (mx,) = conn.execute("SELECT max(id) FROM changesets").fetchone()
    next_ids["changeset"] = (mx or 0) + 1
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [(f"next_{k}", v) for k, v in next_ids.items()] + [("seed", str(seed.name))],
    )
    conn.execute("ANALYZE")


# --------------------------------------------------------------------------------------------
# The live database


class Store:
    """The live database: one connection guarded by one lock (requests are serialised)."""

    def __init__(self, pristine: Path, db: str = ":memory:"):
        self.pristine = pristine
        self.lock = threading.RLock()
        self.db = db
        reuse = db != ":memory:" and Path(db).exists() and Path(db).stat().st_size > 0
        self.conn = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
        self.conn.execute("PRAGMA temp_store=MEMORY")
        if db != ":memory:":
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
        if not reuse:
            self.reset()
        self._load_users()

    def reset(self) -> float:
        """Restore the pristine seeded state; returns the seconds it took."""
        start = time.monotonic()
        with self.lock:
            src = sqlite3.connect(f"file:{self.pristine}?mode=ro", uri=True)
            try:
                src.backup(self.conn)
            finally:
                src.close()
            self._load_users()
        return time.monotonic() - start

    def _load_users(self) -> None:
        self.users = dict(self.conn.execute("SELECT id, name FROM users"))

    # -- helpers used inside the lock -------------------------------------------------------

    def next_id(self, kind: str) -> int:
        key = f"next_{kind}"
        (value,) = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        self.conn.execute("UPDATE meta SET value = ? WHERE key = ?", (value + 1, key))
        return value

    def current(self, kind: str, ident: int) -> dict | None:
        row = self.conn.execute(
            f"SELECT {COLS[kind]} FROM {TABLE[kind]} WHERE id = ?", (ident,)
        ).fetchone()
        return row_to_element(kind, row) if row else None

    def version(self, kind: str, ident: int, version: int) -> dict | None:
        el = self.current(kind, ident)
        if el is None:
            return None
        if el["version"] == version:
            return el
        row = self.conn.execute(
            f"SELECT {COLS[kind]} FROM {OLD_TABLE[kind]} WHERE id = ? AND version = ?",
            (ident, version),
        ).fetchone()
        return row_to_element(kind, row) if row else None

    def history(self, kind: str, ident: int) -> list[dict]:
        el = self.current(kind, ident)
        if el is None:
            return []
        rows = self.conn.execute(
            f"SELECT {COLS[kind]} FROM {OLD_TABLE[kind]} WHERE id = ? ORDER BY version", (ident,)
        ).fetchall()
        return [row_to_element(kind, r) for r in rows if r[1] != el["version"]] + [el]

    def many(self, kind: str, ids: Iterable[int]) -> list[dict]:
        """Current rows for ``ids`` (any visibility), sorted by id."""
        out = []
        for chunk in _chunks(sorted(set(ids)), 500):
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT {COLS[kind]} FROM {TABLE[kind]} WHERE id IN ({marks})", chunk
            ).fetchall()
            out.extend(row_to_element(kind, r) for r in rows)
        out.sort(key=lambda e: e["id"])
        return out

    def temp_ids(self, name: str, ids: Iterable[int]) -> None:
        """Fill temporary table ``name(id)`` with ``ids`` (used for joins of large id sets)."""
        self.conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name}(id INTEGER PRIMARY KEY)")
        self.conn.execute(f"DELETE FROM {name}")
        self.conn.executemany(f"INSERT OR IGNORE INTO {name} VALUES (?)", ((i,) for i in ids))

    def rows_for_temp(self, kind: str, name: str) -> list[dict]:
        rows = self.conn.execute(
            f"SELECT {', '.join('e.' + c.strip() for c in COLS[kind].split(','))} "
            f"FROM {name} t JOIN {TABLE[kind]} e ON e.id = t.id ORDER BY e.id"
        ).fetchall()
        return [row_to_element(kind, r) for r in rows]

    def ways_of_node(self, node_id: int) -> list[int]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT way_id FROM way_nodes WHERE node_id = ? ORDER BY way_id",
                (node_id,),
            )
        ]

    def relations_of(self, kind: str, ident: int) -> list[int]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT rel_id FROM relation_members WHERE mtype = ? AND ref = ?"
                " ORDER BY rel_id",
                (TYPE_CODE[kind], ident),
            )
        ]

    def changeset(self, cs_id: int) -> dict | None:
        row = self.conn.execute(
            "SELECT id, uid, created_at, closed_at, num_changes, num_created, num_modified,"
            " num_deleted, min_lat, min_lon, max_lat, max_lon, tags FROM changesets WHERE id = ?",
            (cs_id,),
        ).fetchone()
        if row is None:
            return None
        keys = [
            "id",
            "uid",
            "created_at",
            "closed_at",
            "num_changes",
            "num_created",
            "num_modified",
            "num_deleted",
            "min_lat",
            "min_lon",
            "max_lat",
            "max_lon",
        ]
        cs = dict(zip(keys, row[:12]))
        cs["tags"] = load_tags(row[12])
        return cs
