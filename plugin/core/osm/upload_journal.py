"""The journal of an upload: what was sent, what the server answered, on disk (pure Python).

An upload is a folder (the *journal*) written **before** any change is sent::

    journal.json          state of the upload (see below), rewritten atomically after each step
    pending.osc           every change as the user reviewed it (no changeset id)
    chunks.json           the split: per chunk, its elements ``[action, type, id]`` in order
    sources.json          ``[type, placeholder, layer, fid]``: the feature a new element is from
    chunk-0001.sent.osc   the exact document sent (real ids, changeset id), written before
    chunk-0001.diff.xml   the server's diffResult once it arrived and was checked (or rebuilt
                          from the changeset download, see :mod:`.upload_outcome`)

``journal.json``::

    {"format": 1, "api_url": "...", "tags": {"comment": ..., "source": ..., "created_by": ...},
     "status": "running" | "stopped" | "done", "error": "<last reason>",
     "changeset": <open changeset id or null>, "changesets": [ids used so far],
     "chunks": [{"file": "chunk-0001", "elements": 812,
                 "state": "pending" | "sending" | "unknown" | "uploaded" | "applied",
                 "changeset": <id it was sent to>, "attempt": 2,
                 "sent_at": <Unix time the request was made>, "reason": "<why unknown>"}],
     "gone": [["node", 9]]}     # deletes dropped because the server said 410

The chunk states and their transitions are those of :mod:`.upload_outcome`. The ids and versions
the applied chunks produced are rebuilt from their ``.sent.osc`` and ``.diff.xml`` when an upload
is resumed, so ``journal.json`` stays small.

:class:`UploadLock` keeps a second upload of the same file from running at the same time (the
lock is the operating system's, so it goes with the process that holds it, even on ``kill -9``).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from ..changeset_tags import ChangesetInput, created_by  # noqa: F401 (created_by: importable here)
from ..changeset_tags import build as build_changeset_tags
from ..errors import QT_TRANSLATE_NOOP, OsmRoundtripError
from .diff import CREATE, DELETE, MODIFY, OsmChanges, gc_paused
from .osmchange import (
    IdMap,
    apply_diff_result,
    build,
    ordered,
    parse_diff_result,
    parse_osc,
    split_chunks,
)

JOURNAL = "journal.json"
PENDING_FILE = "pending.osc"
CHUNKS_FILE = "chunks.json"
SOURCES_FILE = "sources.json"
FORMAT = 1
ElementKey = Tuple[str, int]
Source = Tuple[str, int]

PENDING, SENDING, UNKNOWN, UPLOADED, APPLIED = (
    "pending",
    "sending",
    "unknown",
    "uploaded",
    "applied",
)
RUNNING, STOPPED, DONE = "running", "stopped", "done"


def changeset_tags(comment: str, source: str = "", extra: Optional[Dict[str, str]] = None):
    """The tags of the upload's changesets: made by :func:`..changeset_tags.build` from the
    comment and source, plus ``extra`` (hashtags, imagery, import declaration: the rest of what
    that builder made for the review)."""
    tags = build_changeset_tags(ChangesetInput(comment.strip(), source))
    tags.update(extra or {})
    return tags


def _write_atomic(path: Path, data: bytes) -> None:
    temp = path.with_name(path.name + ".tmp")
    _write_durable(temp, data)
    os.replace(temp, path)
    _fsync_dir(path.parent)


def _write_durable(path: Path, data: bytes) -> None:
    """Write ``path`` in place and fsync it, without a directory fsync.

    For the files ``journal.json`` points to: they are written before the journal save that
    makes them count, and that save's directory fsync makes their names durable with it. A file
    found missing or torn after a crash therefore belongs to a step that never completed (see
    :mod:`.upload_outcome`).
    """
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Journal:
    """The on-disk record of one upload (see the module documentation)."""

    def __init__(self, folder: Path, data: dict) -> None:
        self.folder = Path(folder)
        self.data = data
        self._lock = threading.Lock()
        self._chunks: Dict[int, OsmChanges] = {}  # parsed chunks, as built or read back
        self._sources: Optional[Dict[ElementKey, List[Source]]] = None

    # -- creation and loading -------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        folder,
        changes: OsmChanges,
        *,
        api_url: str,
        tags: Dict[str, str],
        max_elements: int,
        pending: Optional[bytes] = None,
        download_id: Optional[str] = None,
    ) -> Journal:
        """Write the journal of ``changes``; ``pending`` is their osmChange document when the
        caller has it already (the review shows it), else it is built here. ``download_id``:
        the identity of the GeoPackage the changes come from (:mod:`..upload_resume`)."""
        folder = Path(folder)
        if (folder / JOURNAL).exists():
            raise FileExistsError(str(folder / JOURNAL))
        folder.mkdir(parents=True, exist_ok=True)
        with gc_paused():
            chunks = split_chunks(changes, max_elements)
            sources = [
                [change.element.type, change.element.id, layer, fid]
                for change in changes.creates
                for layer, fid in change.sources
            ]
            keys = [
                [[c.action, c.element.type, c.element.id] for c in ordered(ch)] for ch in chunks
            ]
            files = (
                (PENDING_FILE, pending if pending else build(changes, None)),
                (SOURCES_FILE, json.dumps(sources, separators=(",", ":")).encode("utf-8")),
                (CHUNKS_FILE, json.dumps(keys, separators=(",", ":")).encode("utf-8")),
            )
        # No journal.json yet, so nothing reads these files before the save below: written in
        # place, then one directory fsync so that their names are durable before the journal's.
        for name, data in files:
            _write_durable(folder / name, data)
        _fsync_dir(folder)
        entries = [
            {
                "file": f"chunk-{number:04d}",
                "elements": len(chunk),
                "state": PENDING,
                "changeset": None,
                "attempt": 0,
            }
            for number, chunk in enumerate(chunks, 1)
        ]
        journal = cls(
            folder,
            {
                "format": FORMAT,
                "api_url": api_url,
                "tags": tags,
                "status": RUNNING,
                "error": "",
                "changeset": None,
                "changesets": [],
                "chunks": entries,
                "gone": [],
                "max_elements": max_elements,
                "changeset_count": 0,
                **({"download_id": download_id} if download_id else {}),
            },
        )
        journal._chunks = dict(enumerate(chunks))
        journal.save()
        return journal

    @classmethod
    def load(cls, folder) -> Optional[Journal]:
        path = Path(folder) / JOURNAL
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"unknown journal format {data.get('format')!r}")
        return cls(Path(folder), data)

    def save(self) -> None:
        """Write ``journal.json`` atomically (fsync); safe from the write-back thread too."""
        with self._lock:
            text = json.dumps(self.data, ensure_ascii=False, sort_keys=True)
            _write_atomic(self.folder / JOURNAL, text.encode("utf-8"))

    def remove(self) -> None:
        for path in self.folder.iterdir():
            path.unlink()
        self.folder.rmdir()

    # -- accessors ------------------------------------------------------------------------------
    @property
    def chunks(self) -> List[dict]:
        return self.data["chunks"]

    @property
    def status(self) -> str:
        return self.data["status"]

    @property
    def in_flight(self) -> bool:
        """A chunk was sent (or its answer kept) but not applied to the layers yet."""
        return any(c["state"] in (SENDING, UNKNOWN, UPLOADED) for c in self.chunks)

    @property
    def unsettled(self) -> bool:
        """A chunk was sent and whether the server applied it is not known yet."""
        return any(c["state"] in (SENDING, UNKNOWN) for c in self.chunks)

    @property
    def finished(self) -> bool:
        return all(c["state"] == APPLIED for c in self.chunks)

    def chunk_changes(self, index: int) -> OsmChanges:
        """Chunk ``index`` as split (placeholders; kept in memory once read)."""
        if index not in self._chunks:
            pending = parse_osc((self.folder / PENDING_FILE).read_bytes())
            by_key = {(c.action, c.element.type, c.element.id): c for c in pending}
            keys = json.loads((self.folder / CHUNKS_FILE).read_text(encoding="utf-8"))
            for number, chunk_keys in enumerate(keys):
                changes = [by_key[tuple(key)] for key in chunk_keys]
                self._chunks[number] = OsmChanges(
                    [c for c in changes if c.action == CREATE],
                    [c for c in changes if c.action == MODIFY],
                    [c for c in changes if c.action == DELETE],
                )
        return self._chunks[index]

    def sent_path(self, index: int) -> Path:
        return self.folder / (self.chunks[index]["file"] + ".sent.osc")

    def diff_path(self, index: int) -> Path:
        return self.folder / (self.chunks[index]["file"] + ".diff.xml")

    def id_map(self) -> IdMap:
        """What the chunks applied so far did, rebuilt from their sent documents and results."""
        id_map = IdMap()
        for index, entry in enumerate(self.chunks):
            if entry["state"] == APPLIED and self.diff_path(index).exists():
                sent = parse_osc(self.sent_path(index).read_bytes())
                entries = parse_diff_result(self.diff_path(index).read_bytes())
                apply_diff_result(sent, entries, (), id_map)
        return id_map

    def sources(self) -> Dict[ElementKey, List[Source]]:
        if self._sources is None:
            path = self.folder / SOURCES_FILE
            raw = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
            self._sources = _sources_map(raw)
        return self._sources


def _sources_map(raw) -> Dict[ElementKey, List[Source]]:
    result: Dict[ElementKey, List[Source]] = {}
    for kind, element_id, layer, fid in raw:
        result.setdefault((kind, element_id), []).append((layer, fid))
    return result


# ---------------------------------------------------------------------------------------------
# One upload of a file at a time
# ---------------------------------------------------------------------------------------------


class UploadRunning(OsmRoundtripError):
    """Another upload of the same file holds its lock."""

    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "An upload of this file is running ({path}). Wait until it has finished.",
            ),
            path=path,
        )


def lock_path_for(journal_dir) -> Path:
    """The lock file of the uploads that keep their journal in ``journal_dir``."""
    folder = Path(journal_dir)
    return folder.with_name(folder.name + ".lock")


class UploadLock:
    """An exclusive, non-blocking lock on ``<journal folder>.lock`` (a context manager).

    The operating system's file lock (``flock``; ``msvcrt.locking`` on Windows) belongs to the
    open file, so a second upload in the same process is refused too, and a killed process
    leaves no stale lock behind. :class:`UploadRunning` when the lock is held.
    """

    def __init__(self, journal_dir, source: str = "") -> None:
        self.path = lock_path_for(journal_dir)
        self.source = source or str(Path(journal_dir).name)
        self._fd: Optional[int] = None

    def acquire(self) -> UploadLock:
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                _lock(fd)
            except OSError:
                os.close(fd)
                raise UploadRunning(self.source) from None
            try:  # the file may have been removed by the holder that just let go: retry
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                self._fd = fd
                return self
            os.close(fd)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if os.name == "posix":  # unlink while holding it, so that nobody locks a removed file
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        os.close(fd)

    def __enter__(self) -> UploadLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def _lock(fd: int) -> None:
    if os.name == "posix":
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    else:  # pragma: no cover - Windows
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
