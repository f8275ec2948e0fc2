"""Is this GeoPackage a download of the plugin, and is it whole? (pure Python)

Every read of a download's GeoPackage (:mod:`.gpkg`) opens it through :func:`open_download`,
which checks the structure first, so a file made by another program, a base snapshot somebody
tampered with or a layer whose ``osm_id`` column was deleted gives one clear message instead of
SQLite's ("no such table: osm_base_nodes") or Python's (``KeyError: 'osm_id'``). Values that
cannot be read inside the tables are reported the same way by the readers
(:func:`damaged`).
"""

from __future__ import annotations

import os
import sqlite3
from typing import Dict, List

from .errors import QT_TRANSLATE_NOOP, OsmRoundtripError
from .osm.features import LINES, OSM_ID, OSM_TYPE, POINTS, POLYGONS, RELATIONS

# What the readers need of each table (the writer makes more columns; tags come and go).
BASE_COLUMNS: Dict[str, List[str]] = {
    "osm_base_nodes": ["id", "version", "lat", "lon", "tags"],
    "osm_base_ways": ["id", "version", "nodes", "tags"],
    "osm_base_relations": ["id", "version", "members", "tags"],
    "osm_meta": ["key", "value"],
}
LAYER_COLUMNS = ["fid", OSM_TYPE, OSM_ID]
LAYERS = (POINTS, LINES, POLYGONS, RELATIONS)
BUSY_SECONDS = 10.0  # how long a read waits for another program's write to end


class NotADownload(OsmRoundtripError):
    """The file is not a GeoPackage written by a download (or "Open .osm file") of the plugin."""


class DamagedDownload(OsmRoundtripError):
    """A download's GeoPackage misses a table or column the plugin needs, or holds bad values."""


class UnreadableDownload(DamagedDownload):
    """The file cannot be read at the moment (locked by another program, no permission...)."""


def damaged(path, detail: str) -> DamagedDownload:
    return DamagedDownload(
        QT_TRANSLATE_NOOP(
            "OsmRoundtripErrors",
            "The GeoPackage {path} is damaged ({detail}). Its edits cannot be matched to "
            "OpenStreetMap: download the area again.",
        ),
        path=os.fspath(path),
        detail=detail,
    )


def _readonly_uri(path) -> str:
    from urllib.parse import quote

    return "file:" + quote(os.path.abspath(path).replace(os.sep, "/")) + "?mode=ro"


def _recover_hot_journal(path) -> None:
    """Roll back what a process killed in the middle of a write left in ``path``-journal.

    A read-only connection cannot do SQLite's crash recovery (it fails with
    ``SQLITE_READONLY_ROLLBACK``); one read through a read-write connection does it, as any
    SQLite program would on its next open. A journal another process is still writing is not
    "hot": SQLite leaves it alone (and the read may wait for that process's lock).
    """
    journal = os.fspath(path) + "-journal"
    try:
        if os.path.getsize(journal) == 0:
            return
    except OSError:
        return
    connection = sqlite3.connect(os.fspath(path), timeout=BUSY_SECONDS)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        pass  # the read-only open below reports what is wrong
    finally:
        connection.close()


def connect_readonly(path) -> sqlite3.Connection:
    """A read-only connection to ``path``, after SQLite's crash recovery if the file needs it.

    Every read-only opening of a GeoPackage goes through here: after ``kill -9`` (or a power
    cut) during a write the file has a hot journal, and the read-only connection alone would
    report "attempt to write a readonly database" for every read.
    """
    _recover_hot_journal(path)
    return sqlite3.connect(_readonly_uri(path), uri=True, timeout=BUSY_SECONDS)


def _columns(connection: sqlite3.Connection, table: str) -> List[str]:
    return [row[1].lower() for row in connection.execute(f'PRAGMA table_info("{table}")')]


def check_structure(connection: sqlite3.Connection, path) -> None:
    """Raise :class:`NotADownload` / :class:`DamagedDownload` unless the tables are whole."""
    try:
        tables = {
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
    except sqlite3.OperationalError as error:  # locked, unreadable: not a question of format
        raise UnreadableDownload(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "The GeoPackage {path} cannot be read now ({detail}). Close other programs "
                "that write to it and try again.",
            ),
            path=os.fspath(path),
            detail=str(error),
        ) from error
    except sqlite3.DatabaseError:  # "file is not a database"
        tables = set()
    if "osm_meta" not in tables and "osm_base_nodes" not in tables:
        raise NotADownload(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "{path} was not made by a download of OSM Roundtrip. Download the area (or open "
                "the .osm file) with the plugin to edit and upload it.",
            ),
            path=os.fspath(path),
        )
    for table, needed in BASE_COLUMNS.items():
        if table not in tables:
            raise damaged(path, f"table {table} is missing")
        missing = [name for name in needed if name not in _columns(connection, table)]
        if missing:
            raise damaged(path, f"table {table} has no column {', '.join(missing)}")
    for layer in LAYERS:
        if layer not in tables:
            raise damaged(path, f"layer {layer} is missing")
        missing = [name for name in LAYER_COLUMNS if name not in _columns(connection, layer)]
        if missing:
            raise damaged(path, f"layer {layer} has no column {', '.join(missing)}")


def open_download(path) -> sqlite3.Connection:
    """A read-only connection to a download's GeoPackage whose structure was checked."""
    path = os.fspath(path)
    if not os.path.exists(path):
        raise FileNotFoundError(path)
    connection = connect_readonly(path)
    try:
        check_structure(connection, path)
    except BaseException:
        connection.close()
        raise
    return connection
