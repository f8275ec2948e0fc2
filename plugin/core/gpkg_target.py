"""Writing a download over an existing file without losing anybody's work (pure Python).

Before a download or an OSM file is written to a path that exists, :func:`inspect` looks at what
is there:

* a file that is not a GeoPackage made by this plugin (another program's data);
* tables that are not ours in one of our GeoPackages (the user added them);
* edits saved in the layers and not uploaded yet (the changes against the base snapshot);
* an unfinished upload (its journal next to the file).

:func:`check_target` raises :class:`TargetHoldsWork` naming all of it unless the caller says
the user confirmed replacing (``replace=True``). Callers check before they download (nothing is
fetched for nothing) and the writer replaces the file only after the whole new one was written.

:func:`replace_file` swaps a finished file in: a GeoPackage in WAL mode may have a ``-wal``
beside it that SQLite would replay into the *new* file (a corrupt database), so the old file is
checkpointed and its ``-wal``/``-shm`` removed first; a file another program still holds open
is refused (nothing is replaced). The rename is atomic and made durable (directory fsync).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass, field
from typing import List

from .errors import QT_TRANSLATE_NOOP, Message, OsmRoundtripError
from .gpkg_check import connect_readonly

OWN_TABLES = frozenset(
    {
        "osm_points",
        "osm_lines",
        "osm_polygons",
        "osm_relations",
        "osm_meta",
        "osm_base_nodes",
        "osm_base_ways",
        "osm_base_relations",
        "osm_base_features",
        "osm_edits",
    }
)
# Tables GeoPackage, SQLite and GDAL/QGIS keep for themselves.
SYSTEM_PREFIXES = ("gpkg_", "rtree_", "sqlite_", "gpkgext_", "layer_styles", "qgis_")


class TargetHoldsWork(OsmRoundtripError):
    """The file exists and replacing it would lose something; ``state`` says what."""

    def __init__(self, state: TargetState) -> None:
        self.state = state
        super().__init__(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors", "{path} already exists and holds {what}. It was not replaced."
            ),
            path=state.path,
            what=state.describe(),
        )


class TargetBusy(OsmRoundtripError):
    pass


@dataclass
class TargetState:
    """What an existing file at the target path holds."""

    path: str
    exists: bool = False
    ours: bool = False
    foreign_tables: List[str] = field(default_factory=list)
    pending_changes: int = 0
    unfinished_upload: bool = False
    unreadable: str = ""  # why the edits could not be computed (counts as work at risk)

    @property
    def at_risk(self) -> bool:
        return self.exists and (
            not self.ours
            or bool(self.foreign_tables)
            or self.pending_changes > 0
            or self.unfinished_upload
            or bool(self.unreadable)
        )

    def describe(self) -> Message:
        """The parts at risk, as one translatable text."""
        parts = []
        if not self.ours:
            parts.append(
                Message(QT_TRANSLATE_NOOP("OsmRoundtripErrors", "data not made by OSM Roundtrip"))
            )
        if self.unfinished_upload:
            parts.append(Message(QT_TRANSLATE_NOOP("OsmRoundtripErrors", "an unfinished upload")))
        if self.pending_changes:
            parts.append(
                Message(
                    QT_TRANSLATE_NOOP("OsmRoundtripErrors", "edits not uploaded yet ({count})"),
                    count=self.pending_changes,
                )
            )
        if self.unreadable:
            parts.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "OsmRoundtripErrors", "edits that could not be checked ({reason})"
                    ),
                    reason=self.unreadable,
                )
            )
        if self.foreign_tables:
            parts.append(
                Message(
                    QT_TRANSLATE_NOOP("OsmRoundtripErrors", "tables of your own ({names})"),
                    names=", ".join(self.foreign_tables),
                )
            )
        return _join(parts)


def _join(parts: List[Message]) -> Message:
    if len(parts) == 1:
        return parts[0]
    params = {f"p{index}": part for index, part in enumerate(parts)}
    template = "; ".join(f"{{p{index}}}" for index in range(len(parts)))
    return Message(template, **params)


def _tables(path: str) -> List[str]:
    connection = connect_readonly(path)
    try:
        rows = connection.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
        ).fetchall()
    finally:
        connection.close()
    return [name for (name,) in rows]


def inspect(path) -> TargetState:
    """What replacing the file at ``path`` would lose (nothing when it does not exist)."""
    from .osm.upload import changes_of_geopackage, journal_dir_for

    path = os.fspath(path)
    state = TargetState(path=path, exists=os.path.exists(path))
    if not state.exists:
        return state
    state.unfinished_upload = journal_dir_for(path).exists()
    try:
        tables = _tables(path)
    except sqlite3.DatabaseError:
        return state  # not a SQLite file: not ours
    state.ours = "osm_meta" in tables and "osm_base_nodes" in tables
    state.foreign_tables = sorted(
        name
        for name in tables
        if name not in OWN_TABLES and not name.lower().startswith(SYSTEM_PREFIXES)
    )
    if state.ours:
        try:
            state.pending_changes = len(changes_of_geopackage(path))
        except (OsmRoundtripError, sqlite3.Error, ValueError, KeyError) as exc:
            state.unreadable = str(exc) or type(exc).__name__
    return state


def check_target(path, *, replace: bool = False) -> TargetState:
    """Raise :class:`TargetHoldsWork` when ``path`` holds work and ``replace`` is not confirmed."""
    state = inspect(path)
    if state.at_risk and not replace:
        raise TargetHoldsWork(state)
    return state


def _release_wal(path: str) -> None:
    """Fold a ``-wal`` into ``path`` and remove it and the ``-shm``; refuse a file in use."""
    wal, shm = path + "-wal", path + "-shm"
    if not (os.path.exists(wal) or os.path.exists(shm)):
        return
    try:
        connection = sqlite3.connect(path, timeout=2)
        try:
            busy, _log, _done = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if not busy:  # needs every other connection gone
                connection.execute("PRAGMA journal_mode=DELETE").fetchone()
        finally:
            connection.close()
    except sqlite3.OperationalError:
        busy = 1  # locked by another connection
    except sqlite3.DatabaseError:
        busy = 0  # not a database (or already broken): its side files belong to nothing
    if busy:
        raise TargetBusy(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "{path} is open in another program. Close it there and try again.",
            ),
            path=path,
        )
    for side in (wal, shm):
        with contextlib.suppress(FileNotFoundError):
            os.remove(side)


def replace_file(new: str, path: str) -> None:
    """Move the finished file ``new`` over ``path`` atomically, without stale WAL files."""
    new, path = os.fspath(new), os.fspath(path)
    if os.path.exists(path):
        _release_wal(path)
    else:
        for side in (path + "-wal", path + "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.remove(side)
    os.replace(new, path)
    folder = os.open(os.path.dirname(os.path.abspath(path)) or ".", os.O_RDONLY)
    try:
        os.fsync(folder)
    except OSError:
        pass
    finally:
        os.close(folder)
