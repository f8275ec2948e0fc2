"""The upload state machine: changeset, chunks, journal, failure handling (pure Python).

An upload is a folder (the *journal*) written **before** any change is sent (the permission check
and the first changeset are requested meanwhile, see :class:`Opening`)::

    journal.json          state of the upload (see below), rewritten atomically after each step
    pending.osc           every change as the user reviewed it (no changeset id)
    chunks.json           the split: per chunk, its elements ``[action, type, id]`` in order
    sources.json          ``[type, placeholder, layer, fid]``: the feature a new element is from
    chunk-0001.sent.osc   the exact document sent (real ids, changeset id), written before
    chunk-0001.diff.xml   the server's diffResult once it arrived (or rebuilt, see below)

``journal.json``::

    {"format": 1, "api_url": "...", "tags": {"comment": ..., "source": ..., "created_by": ...},
     "status": "running" | "stopped" | "done", "error": "<last reason>",
     "changeset": <open changeset id or null>, "changesets": [ids used so far],
     "chunks": [{"file": "chunk-0001", "elements": 812,
                 "state": "pending" | "sending" | "uploaded" | "applied",
                 "changeset": <id it was sent to>, "attempt": 2}],
     "gone": [["node", 9]]}     # deletes dropped because the server said 410

The ids and versions the applied chunks produced are rebuilt from their ``.sent.osc`` and
``.diff.xml`` when an upload is resumed, so ``journal.json`` stays small.

Per chunk: ``pending`` → (journal saved, fsync) ``sending`` → POST → diffResult saved →
``uploaded`` → applied to the layers/base (``on_applied``) → ``applied``. A chunk found in
``sending`` (crash or lost connection: outcome unknown) is settled first by downloading the
changeset (:func:`settle_from_download`): it was either applied completely or not at all (the
upload is one transaction), and its diffResult is rebuilt from the download. It is never sent
twice without that check.

Failures (each raises a typed error after saving the journal, the changeset is closed when the
server is reachable): 409 version mismatch → :class:`UploadConflict` listing every element of
the remaining chunks whose server version differs; 409 changeset closed → a new changeset for
the rest; 410 on a delete → the element is dropped from the chunk and treated as deleted;
412 → :class:`~.api.PreconditionFailed` naming the users; 429/509 → wait ``Retry-After`` when
short, else stop with the reason; lost connection → settle, then retry.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from ..errors import (
    QT_TRANSLATE_NOOP,
    Cancelled,
    ConnectionFailed,
    OsmRoundtripError,
    RateLimited,
    RequestTimeout,
)
from ..http import CancelCheck
from ..version import PLUGIN_NAME, PLUGIN_VERSION
from .api import (
    ChangedElement,
    ChangesetClosed,
    Gone,
    OsmApi,
    VersionConflict,
)
from .diff import CREATE, DELETE, MODIFY, OsmChanges, gc_paused
from .model import NODE, RELATION, WAY, round_coord
from .osmchange import (
    DiffEntry,
    IdMap,
    apply_diff_result,
    build,
    build_for_changeset,
    ordered,
    parse_diff_result,
    parse_osc,
    split_chunks,
)

logger = logging.getLogger("osm_roundtrip")
JOURNAL = "journal.json"
PENDING_FILE = "pending.osc"
CHUNKS_FILE = "chunks.json"
SOURCES_FILE = "sources.json"
FORMAT = 1
ElementKey = Tuple[str, int]
Source = Tuple[str, int]
ProgressCallback = Callable[[int, int, str], None]
AppliedCallback = Callable[[OsmChanges, List[DiffEntry], Dict[ElementKey, List[Source]]], None]

PENDING, SENDING, UPLOADED, APPLIED = "pending", "sending", "uploaded", "applied"
RUNNING, STOPPED, DONE = "running", "stopped", "done"


def created_by() -> str:
    return f"{PLUGIN_NAME} {PLUGIN_VERSION}"


def changeset_tags(comment: str, source: str = "", extra: Optional[Dict[str, str]] = None):
    tags = {"comment": comment.strip(), "created_by": created_by()}
    if source and source.strip():
        tags["source"] = source.strip()
    tags.update(extra or {})
    return tags


# ---------------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------------


class UploadError(OsmRoundtripError):
    """The upload stopped; the journal keeps what is left. ``report`` is the progress so far."""

    report: Optional[UploadReport] = None


class CommentRequired(UploadError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors", "A changeset comment is required: describe your changes."
            )
        )


class UploadInconsistent(UploadError):
    """The changeset download does not tell clearly whether a chunk was applied."""


class UploadUnsettled(UploadError):
    """The outcome of a sent chunk is unknown and the server cannot be reached to find out."""


@dataclass
class Conflict:
    """An element changed on the server since the download."""

    type: str
    id: int
    action: str  # what we wanted: modify | delete
    mine: int  # the version we based our change on
    theirs: int  # the server's current version
    visible: bool = True  # False: deleted on the server

    @property
    def key(self) -> ElementKey:
        return (self.type, self.id)


class UploadConflict(UploadError):
    """409 version mismatch: ``conflicts`` lists every element of the rest that is out of date."""

    def __init__(self, conflicts: List[Conflict], cause: VersionConflict) -> None:
        self.conflicts = conflicts
        self.cause = cause
        super().__init__(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "{count} elements were changed on the server by someone else since your "
                "download (first: {first}). Resolve the conflicts, then upload again.",
            ),
            count=len(conflicts),
            first=f"{cause.element_type} {cause.element_id}",
        )


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------


@dataclass
class UploadReport:
    changesets: List[int] = field(default_factory=list)
    chunks: int = 0
    chunks_done: int = 0
    elements: int = 0
    uploaded: int = 0
    created: int = 0
    modified: int = 0
    deleted: int = 0
    skipped: List[ElementKey] = field(default_factory=list)  # if-unused deletes not done
    gone: List[ElementKey] = field(default_factory=list)  # already deleted on the server
    settled: int = 0  # chunks whose outcome was found from the changeset download
    waited: float = 0.0  # seconds spent waiting for rate limits
    request_seconds: float = 0.0  # time inside HTTP calls (server + network)
    total_seconds: float = 0.0
    journal: str = ""
    id_map: IdMap = field(default_factory=IdMap)

    @property
    def complete(self) -> bool:
        return self.chunks_done == self.chunks

    def summary(self) -> str:
        return (
            f"{self.uploaded} changes in changeset(s) {', '.join(map(str, self.changesets))}: "
            f"{self.created} created, {self.modified} modified, {self.deleted} deleted"
            + (f", {len(self.skipped)} deletes skipped (still used)" if self.skipped else "")
            + (f", {len(self.gone)} already deleted" if self.gone else "")
        )


# ---------------------------------------------------------------------------------------------
# Journal
# ---------------------------------------------------------------------------------------------


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
    :meth:`Uploader._settle` and :meth:`Uploader.settle_in_flight`).
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
        return any(c["state"] in (SENDING, UPLOADED) for c in self.chunks)

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
# "Was it applied?" — settle a chunk from the changeset download
# ---------------------------------------------------------------------------------------------


def _same_node(change_element, item: ChangedElement) -> bool:
    return (
        item.lat is not None
        and round_coord(item.lat) == round_coord(change_element.lat)
        and round_coord(item.lon) == round_coord(change_element.lon)
        and item.tags == change_element.tags
    )


def settle_from_download(
    sent: OsmChanges, download: Sequence[ChangedElement], known_new_ids: set
) -> Optional[List[DiffEntry]]:
    """The diffResult of ``sent`` rebuilt from the changeset download, or ``None`` when the
    chunk was not applied. ``known_new_ids`` are the ``(type, id)`` created by earlier chunks.

    The upload of a chunk is one transaction, so every element tells the same story: a modify or
    delete of version *v* was applied iff the changeset holds version *v+1*; creates were applied
    iff the changeset holds as many not yet known version-1 elements of each type as the chunk
    creates (they get ids in document order). Mixed evidence raises :class:`UploadInconsistent`.
    """
    versions: Dict[ElementKey, Dict[int, ChangedElement]] = {}
    for item in download:
        versions.setdefault((item.type, item.id), {})[item.version] = item
    order = ordered(sent)
    yes = no = 0
    for change in order:
        element = change.element
        if element.id > 0 and change.action in (MODIFY, DELETE):
            if element.version + 1 in versions.get(element.key, {}):
                yes += 1
            elif change.action == MODIFY or not change.if_unused:
                no += 1
    fresh: Dict[str, List[ChangedElement]] = {NODE: [], WAY: [], RELATION: []}
    for item in download:
        if item.version == 1 and (item.type, item.id) not in known_new_ids:
            fresh[item.type].append(item)
    for items in fresh.values():
        items.sort(key=lambda i: i.id)
    wanted: Dict[str, int] = {NODE: 0, WAY: 0, RELATION: 0}
    for change in order:
        if change.action == CREATE:
            wanted[change.element.type] += 1
    for kind, count in wanted.items():
        if not count:
            continue
        if len(fresh[kind]) == count:
            yes += 1
        elif not fresh[kind]:
            no += 1
        else:
            yes += 1
            no += 1
    if yes and no:
        raise UploadInconsistent(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "The changeset on the server does not show clearly whether the last upload was "
                "applied. Nothing more was sent; download the area again before editing further.",
            )
        )
    if not yes:
        return None
    # Rebuild the diffResult in document order.
    new_ids: Dict[ElementKey, int] = {}
    current: Dict[ElementKey, int] = {}
    next_fresh = {kind: iter(items) for kind, items in fresh.items()}
    entries: List[DiffEntry] = []
    for change in order:
        element = change.element
        key = element.key
        if change.action == CREATE:
            item = next(next_fresh[element.type])
            if element.type == NODE and not _same_node(element, item):
                raise UploadInconsistent(
                    QT_TRANSLATE_NOOP(
                        "OsmRoundtripErrors",
                        "The changeset on the server holds a node that differs from the one "
                        "sent ({element}). Nothing more was sent; download the area again.",
                    ),
                    element=f"node {item.id}",
                )
            new_ids[key] = item.id
            current[key] = 1
            entries.append(DiffEntry(element.type, element.id, item.id, 1))
            continue
        real = new_ids.get(key, element.id)
        base_version = current.get(key, element.version)
        found = versions.get((element.type, real), {}).get(base_version + 1)
        if change.action == MODIFY:
            current[key] = base_version + 1
            entries.append(DiffEntry(element.type, element.id, real, base_version + 1))
        elif found is not None and not found.visible:
            current[key] = base_version + 1
            entries.append(DiffEntry(element.type, element.id, None, None))
        else:  # if-unused delete the server skipped
            entries.append(DiffEntry(element.type, element.id, real, base_version))
    return entries


# ---------------------------------------------------------------------------------------------
# The uploader
# ---------------------------------------------------------------------------------------------


class Opening:
    """A changeset opened in a worker thread while the caller prepares what goes into it.

    * Before the first chunk (:func:`begin_upload`): the permission check and the first
      changeset, while the journal is written (splitting the chunks, the files and their
      fsyncs take a while for a big upload). Nothing is sent before the journal is on disk: a
      crash in between leaves at most an empty changeset, which the server closes by itself.
    * When the next chunk will not fit the open changeset (:class:`Uploader`): closing it and
      opening the next one, while the last answer is saved and the next chunk is built.
    """

    def __init__(
        self,
        api: OsmApi,
        tags: Dict[str, str],
        *,
        cancel: Optional[CancelCheck] = None,
        check_permissions: bool = True,
        close: Optional[int] = None,
    ) -> None:
        self.api = api
        self.closes = close
        self.seconds = 0.0  # spent in the requests
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="osm-upload-open")
        self._future = self._executor.submit(self._open, tags, cancel, check_permissions)
        self._executor.shutdown(wait=False)

    def _open(self, tags, cancel, check_permissions) -> int:
        start = time.perf_counter()
        try:
            if self.closes is not None:
                with contextlib.suppress(OsmRoundtripError):  # as Uploader._close_quietly
                    self.api.close_changeset(self.closes, cancel)
            if check_permissions:
                self.api.check_write_permission(cancel)
            return self.api.create_changeset(tags, cancel)
        finally:
            self.seconds = time.perf_counter() - start

    def result(self) -> int:
        """The id of the opened changeset (re-raises the requests' error)."""
        return self._future.result()

    def abandon(self) -> None:
        """The upload does not go ahead: close the changeset if one was opened."""
        try:
            changeset = self.result()
        except Exception:  # nothing was opened; the caller reports its own error
            return
        with contextlib.suppress(OsmRoundtripError):
            self.api.close_changeset(changeset)


def begin_upload(
    api: OsmApi,
    folder,
    changes: OsmChanges,
    *,
    tags: Dict[str, str],
    max_elements: int,
    pending: Optional[bytes] = None,
    cancel: Optional[CancelCheck] = None,
    check_permissions: bool = True,
    download_id: Optional[str] = None,
) -> Tuple[Journal, Opening]:
    """Write the journal of ``changes`` while the permission check and the first changeset are
    requested (:class:`Opening`); give both to :class:`Uploader`."""
    opening = Opening(api, tags, cancel=cancel, check_permissions=check_permissions)
    try:
        journal = Journal.create(
            folder,
            changes,
            api_url=api.api_url,
            tags=tags,
            max_elements=max_elements,
            pending=pending,
            download_id=download_id,
        )
    except BaseException:
        opening.abandon()
        raise
    return journal, opening


class Uploader:
    """Runs (or resumes) the upload recorded in a :class:`Journal`.

    ``on_applied(sent_chunk, diff_entries, sources)`` writes a chunk's result to the layers and
    the base snapshot (skipped when ``None``, e.g. for a plain ``.osc`` upload). ``max_wait`` is
    the longest ``Retry-After`` (seconds) worth waiting for; longer ones stop the upload.
    ``opening``: the permission check and first changeset already under way
    (:func:`begin_upload`).
    """

    def __init__(
        self,
        api: OsmApi,
        journal: Journal,
        *,
        on_applied: Optional[AppliedCallback] = None,
        progress: Optional[ProgressCallback] = None,
        cancel: Optional[CancelCheck] = None,
        max_wait: float = 60.0,
        max_retries: int = 3,
        settle_attempts: int = 4,
        sleep: Callable[[float], None] = time.sleep,
        check_permissions: bool = True,
        opening: Optional[Opening] = None,
    ) -> None:
        self.api = api
        self.journal = journal
        self.opening = opening
        self.on_applied = on_applied
        self.progress = progress
        self.cancel = cancel
        self.max_wait = max_wait
        self.max_retries = max_retries
        self.settle_attempts = settle_attempts
        self.sleep = sleep
        self.check_permissions = check_permissions
        self.report = UploadReport(journal=str(journal.folder))
        self.id_map = journal.id_map()
        self._sent: Dict[int, OsmChanges] = {}
        self._writer: Optional[ThreadPoolExecutor] = None
        self._writes: List[Future] = []
        self._sources_read = False
        self._prebuilt: Dict[int, Future] = {}  # chunk index → (chunk, document) or None
        self._deferred: List[Callable[[], None]] = []  # write-backs waiting for a request
        self._request_time = 0.0

    # -- helpers --------------------------------------------------------------------------------
    def _timed(self, call, *args, **kwargs):
        start = time.perf_counter()
        try:
            return call(*args, **kwargs)
        finally:
            self._request_time += time.perf_counter() - start

    def _cancelled(self) -> bool:
        return self.cancel is not None and self.cancel()

    def _progress(self, message: str) -> None:
        if self.progress is not None:
            done = sum(c["elements"] for c in self.journal.chunks if c["state"] == APPLIED)
            total = sum(c["elements"] for c in self.journal.chunks)
            self.progress(done, total, message)

    def _wait(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        self.report.waited += seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return
            if self._cancelled():
                raise Cancelled()
            self.sleep(min(left, 0.25))

    def _stop(self, error: BaseException) -> None:
        journal = self.journal
        journal.data["status"] = STOPPED
        journal.data["error"] = str(error)
        journal.save()
        self._close_quietly()
        self._finish_report()
        if isinstance(error, UploadError):
            error.report = self.report

    def _close_quietly(self) -> None:
        changeset = self.journal.data.get("changeset")
        if changeset is None:
            return
        with contextlib.suppress(OsmRoundtripError):
            self._timed(self.api.close_changeset, changeset)
        self.journal.data["changeset"] = None
        self.journal.save()

    def _finish_report(self) -> None:
        report = self.report
        journal = self.journal
        report.changesets = list(journal.data["changesets"])
        report.chunks = len(journal.chunks)
        report.chunks_done = sum(1 for c in journal.chunks if c["state"] == APPLIED)
        report.elements = sum(c["elements"] for c in journal.chunks)
        report.gone = [tuple(k) for k in journal.data.get("gone", [])]
        report.id_map = self.id_map
        report.skipped = sorted(self.id_map.skipped)
        report.request_seconds = self._request_time

    def _open_changeset(self, size: int = 0) -> int:
        """The open changeset, or a new one when ``size`` more changes would not fit."""
        journal = self.journal
        if self.opening is not None:  # opened ahead (:meth:`_open_ahead`)
            return self._opened()
        changeset = journal.data.get("changeset")
        if changeset is not None and self._overflows(size):
            self._close_quietly()
            changeset = None
        if changeset is None:
            changeset = self._timed(self.api.create_changeset, journal.data["tags"], self.cancel)
            journal.data["changeset"] = changeset
            journal.data["changeset_count"] = 0
            journal.data["changesets"].append(changeset)
            journal.save()
        return changeset

    def _overflows(self, size: int) -> bool:
        """Whether ``size`` more elements would not fit the open changeset."""
        data = self.journal.data
        return data.get("changeset_count", 0) + size > (data.get("max_elements") or 10000)

    def _opened(self) -> int:
        """Record the changeset the :class:`Opening` created (its requests count as requests)."""
        opening, self.opening = self.opening, None
        journal = self.journal
        if opening.closes is not None:  # closed by the opening, whatever its outcome
            journal.data["changeset"] = None
        try:
            changeset = opening.result()
        finally:
            self._request_time += opening.seconds
        journal.data["changeset"] = changeset
        journal.data["changeset_count"] = 0
        journal.data["changesets"].append(changeset)
        journal.save()
        return changeset

    def _open_ahead(self, index: int, sent: int) -> None:
        """Close the open changeset and open the next one in the background when chunk ``index``
        will not fit after the ``sent`` elements just uploaded (see :meth:`_open_changeset`)."""
        journal = self.journal
        changeset = journal.data.get("changeset")
        if self.opening is not None or changeset is None or index >= len(journal.chunks):
            return
        entry = journal.chunks[index]
        if entry["state"] == PENDING and self._overflows(sent + entry["elements"]):
            self.opening = Opening(
                self.api,
                journal.data["tags"],
                cancel=self.cancel,
                check_permissions=False,
                close=changeset,
            )

    def _abandon_opening(self) -> None:
        """Close a changeset opened ahead that no chunk will use."""
        opening, self.opening = self.opening, None
        if opening is not None:
            opening.abandon()
            self._request_time += opening.seconds

    # -- the run --------------------------------------------------------------------------------
    def run(self) -> UploadReport:
        started = time.perf_counter()
        journal = self.journal
        journal.data["status"] = RUNNING
        journal.save()
        try:
            if self.opening is not None:
                self._opened()
            elif self.check_permissions:
                self._timed(self.api.check_write_permission, self.cancel)
            self.settle_in_flight()
            for index, chunk in enumerate(journal.chunks):
                if chunk["state"] == APPLIED:
                    continue
                if self._cancelled():
                    raise Cancelled()
                self._upload_chunk(index)
            self._start_write_backs()
            self._close_quietly()  # while the last chunk is written back
            self._drain()
        except (OsmRoundtripError, OSError) as exc:
            self._drop_prebuilt()
            try:
                self._drain()
            except Exception:  # the first error is the one to report
                logger.exception("writing an upload result back failed")
            self._abandon_opening()
            self._stop(exc)
            self.report.total_seconds = time.perf_counter() - started
            raise
        finally:
            self._shutdown_writer()
            self._abandon_opening()
        self._close_quietly()
        journal.data["status"] = DONE
        journal.data["error"] = ""
        journal.save()
        self._finish_report()
        self.report.total_seconds = time.perf_counter() - started
        self._progress("done")
        return self.report

    def settle_in_flight(self) -> None:
        """Finish what a previous run left between sending and applying."""
        for index, chunk in enumerate(self.journal.chunks):
            if chunk["state"] == UPLOADED and not self.journal.diff_path(index).exists():
                chunk["state"] = SENDING  # its result did not reach the disk: ask the server
            if chunk["state"] == SENDING:
                self._settle(index)
            if chunk["state"] == UPLOADED:
                self._apply(index)

    def _prepare(self, index: int) -> OsmChanges:
        """The chunk with the ids and versions of everything uploaded before it."""
        chunk = self.journal.chunk_changes(index)
        apply_diff_result(OsmChanges(), [], [chunk], self.id_map)
        gone = {tuple(k) for k in self.journal.data.get("gone", [])}
        if gone:
            chunk.deletes = [c for c in chunk.deletes if c.element.key not in gone]
        return chunk

    def _prebuild(self, index: int, before: OsmChanges) -> None:
        """Have the worker build chunk ``index`` while ``before`` (the chunk ahead of it) is on
        the wire, for :meth:`_upload_chunk` to use if nothing in it comes from that answer."""
        journal = self.journal
        if index >= len(journal.chunks) or journal.chunks[index]["state"] != PENDING:
            return
        if self._writer is None:
            self._writer = ThreadPoolExecutor(max_workers=1)
        self._prebuilt[index] = self._writer.submit(self._build_ahead, index, before)

    def _build_ahead(self, index: int, before: OsmChanges):
        try:
            chunk = self._prepare(index)
            if not len(chunk) or _uses(chunk, before):
                return None  # built when its turn comes, with the ids ``before`` gets
            return chunk, build_for_changeset(chunk)
        except Exception:  # built again when its turn comes, where an error is reported
            logger.debug("building chunk %d ahead failed", index + 1, exc_info=True)
            return None

    def _take_prebuilt(self, index: int):
        future = self._prebuilt.pop(index, None)
        return future.result() if future is not None else None

    def _drop_prebuilt(self) -> None:
        """Wait for the chunks being built ahead and forget them (the chunks are shared)."""
        prebuilt, self._prebuilt = self._prebuilt, {}
        for future in prebuilt.values():
            future.result()

    def _upload_chunk(self, index: int) -> None:
        journal = self.journal
        entry = journal.chunks[index]
        attempts = 0
        closed_in_a_row = 0
        prebuilt = self._take_prebuilt(index)
        while True:
            if prebuilt is not None:  # the first attempt, built ahead
                chunk, document = prebuilt
                prebuilt = None
            else:
                chunk, document = self._prepare(index), None
            if not len(chunk):
                entry["state"] = APPLIED
                journal.save()
                return
            changeset = self._open_changeset(len(chunk))
            payload = document(changeset) if document is not None else build(chunk, changeset)
            # the bytes sent are the bytes kept; durable with the journal save below
            _write_durable(journal.sent_path(index), payload)
            self._sent[index] = chunk
            entry["state"] = SENDING
            entry["changeset"] = changeset
            entry["attempt"] = entry.get("attempt", 0) + 1
            journal.save()
            self._progress(f"uploading chunk {index + 1}/{len(journal.chunks)}")
            # while the server works on this chunk: build the next one, write the last ones back
            self._prebuild(index + 1, chunk)
            self._start_write_backs()
            try:
                result = self._timed(self.api.upload, changeset, payload, self.cancel)
            except ChangesetClosed:
                entry["state"] = PENDING
                journal.data["changeset"] = None
                journal.save()
                closed_in_a_row += 1
                if closed_in_a_row > 2:
                    raise
                continue
            except Gone as exc:
                entry["state"] = PENDING
                journal.save()
                keys = [exc.key] if exc.key is not None else self._find_gone(chunk)
                if not keys or not all(self._drop_gone(chunk, key) for key in keys):
                    raise
                continue
            except VersionConflict as exc:
                entry["state"] = PENDING
                journal.save()
                raise self._conflicts(index, exc) from None
            except RateLimited as exc:
                entry["state"] = PENDING
                journal.save()
                attempts += 1
                if (
                    exc.retry_after is None
                    or exc.retry_after > self.max_wait
                    or attempts > self.max_retries
                ):
                    raise
                self._wait(exc.retry_after)
                continue
            except (ConnectionFailed, RequestTimeout):
                attempts += 1
                self._settle(index)
                if entry["state"] == UPLOADED:
                    self._apply(index)
                    return
                if attempts > self.max_retries:
                    raise
                continue
            except Cancelled:
                # the request was abandoned: its outcome must be settled, now or on resume
                self._settle(index, quick=True)
                if entry["state"] == UPLOADED:
                    self._apply(index)
                raise
            except OsmRoundtripError:
                entry["state"] = PENDING  # refused: the transaction was rolled back
                journal.save()
                raise
            self._open_ahead(index + 1, len(chunk))  # while the answer is saved and applied
            _write_durable(journal.diff_path(index), result)
            entry["state"] = UPLOADED
            journal.save()
            self._apply(index, background=True)
            return

    def _find_gone(self, chunk: OsmChanges) -> List[ElementKey]:
        """The deletes of ``chunk`` already deleted on the server (a 410 without text)."""
        keys = [c.element.key for c in chunk.deletes if c.element.id > 0]
        current = self._timed(self.api.element_versions, keys, self.cancel)
        return [key for key in keys if key in current and not current[key][1]]

    def _drop_gone(self, chunk: OsmChanges, key: ElementKey) -> bool:
        if not any(c.element.key == key for c in chunk.deletes):
            return False
        gone = self.journal.data.setdefault("gone", [])
        if list(key) in gone:
            return False
        gone.append(list(key))
        self.journal.save()
        if self.on_applied is not None:  # already deleted on the server: drop it locally too
            change = next(c for c in chunk.deletes if c.element.key == key)
            self.on_applied(
                OsmChanges(deletes=[change]), [DiffEntry(key[0], key[1], None, None)], {}
            )
        return True

    def _settle(self, index: int, quick: bool = False) -> None:
        """Decide from the changeset download whether the chunk in flight was applied."""
        journal = self.journal
        entry = journal.chunks[index]
        changeset = entry["changeset"]
        if not journal.sent_path(index).exists():
            # the save that marked it sending did not complete its directory fsync, so the
            # request was never made (it is made only after that save)
            entry["state"] = PENDING
            journal.save()
            return
        sent = parse_osc(journal.sent_path(index).read_bytes())
        delay = 1.0
        attempts = 1 if quick else self.settle_attempts
        for attempt in range(attempts):
            try:
                download = self._timed(self.api.download_changeset, changeset)
                break
            except (ConnectionFailed, RequestTimeout) as exc:
                if attempt == attempts - 1:
                    raise UploadUnsettled(
                        QT_TRANSLATE_NOOP(
                            "OsmRoundtripErrors",
                            "The connection was lost during the upload and the server cannot "
                            "be reached to check whether it was applied ({reason}). Nothing "
                            "was lost: resume the upload when the server is reachable.",
                        ),
                        reason=str(exc),
                    ) from None
                self.sleep(delay)
                delay *= 2
        known = {(t, n) for (t, _), n in self.id_map.ids.items()}
        entries = settle_from_download(sent, download, known)
        self.report.settled += 1
        if entries is None:
            entry["state"] = PENDING
            journal.save()
            return
        _write_durable(journal.diff_path(index), _diff_xml(entries))
        entry["state"] = UPLOADED
        journal.save()

    def _apply(self, index: int, background: bool = False) -> None:
        """Record a chunk's result (ids for the next chunks) and write it back to the layers.

        With ``background`` the write-back runs in a worker thread while the next chunk is on
        the wire: it starts when that request does (:meth:`_start_write_backs`), so that it does
        not compete for the interpreter with preparing the chunk. The chunk stays ``uploaded``
        in the journal until it is done (a crash in between re-applies it on resume, which is
        idempotent).
        """
        journal = self.journal
        entry = journal.chunks[index]
        sent = self._sent.pop(index, None)
        if sent is None:
            sent = parse_osc(journal.sent_path(index).read_bytes())
        entries = parse_diff_result(journal.diff_path(index).read_bytes())
        apply_diff_result(sent, entries, (), self.id_map)
        counts = {CREATE: 0, MODIFY: 0, DELETE: 0}
        for change, result in zip(ordered(sent), entries):
            if change.action == DELETE and result.new_id is not None:
                continue
            counts[change.action] += 1
        self.report.created += counts[CREATE]
        self.report.modified += counts[MODIFY]
        self.report.deleted += counts[DELETE]
        self.report.uploaded += sum(counts.values())
        if entry.get("changeset") == journal.data.get("changeset"):
            journal.data["changeset_count"] = journal.data.get("changeset_count", 0) + len(sent)

        def write_back() -> None:
            if self.on_applied is not None:
                self.on_applied(sent, entries, journal.sources())
            entry["state"] = APPLIED
            journal.save()
            self._progress(f"chunk {index + 1}/{len(journal.chunks)} applied")

        if background and self.on_applied is not None:
            self._deferred.append(write_back)
        else:
            self._drain()
            write_back()

    def _start_write_backs(self) -> None:
        """Start the deferred write-backs in the worker thread (in order).

        The first call also has the worker read the sources of the new elements, which every
        write-back needs, while the first chunk is on the wire.
        """
        deferred, self._deferred = self._deferred, []
        if self.on_applied is not None and not self._sources_read:
            self._sources_read = True
            deferred.insert(0, self.journal.sources)
        for write_back in deferred:
            if self._writer is None:
                self._writer = ThreadPoolExecutor(max_workers=1)
            self._writes.append(self._writer.submit(write_back))

    def _drain(self) -> None:
        """Wait for the write-backs (started or deferred) to finish; re-raise their error."""
        self._start_write_backs()
        writes, self._writes = self._writes, []
        for future in writes:
            future.result()

    def _shutdown_writer(self) -> None:
        if self._writer is not None:
            self._writer.shutdown(wait=True)
            self._writer = None

    def _conflicts(self, index: int, cause: VersionConflict) -> UploadConflict:
        """Every out-of-date element of the chunks not yet applied (the server names one)."""
        self._drop_prebuilt()
        wanted: Dict[ElementKey, Tuple[str, int]] = {}
        for other in range(index, len(self.journal.chunks)):
            if self.journal.chunks[other]["state"] == APPLIED:
                continue
            for change in self._prepare(other):
                element = change.element
                if element.id > 0 and change.action in (MODIFY, DELETE):
                    wanted.setdefault(element.key, (change.action, element.version))
        try:
            current = self._timed(self.api.element_versions, wanted.keys(), self.cancel)
        except OsmRoundtripError:
            current = {}
        conflicts = []
        for key, (action, version) in wanted.items():
            server = current.get(key)
            if server is None:
                continue
            server_version, visible = server
            if server_version != version:
                conflicts.append(Conflict(key[0], key[1], action, version, server_version, visible))
        if not any(c.key == cause.key for c in conflicts):
            action = wanted.get(cause.key, (MODIFY, cause.provided))[0]
            conflicts.insert(
                0,
                Conflict(
                    cause.element_type, cause.element_id, action, cause.provided, cause.server
                ),
            )
        return UploadConflict(conflicts, cause)


def _uses(chunk: OsmChanges, before: OsmChanges) -> bool:
    """Whether ``chunk`` has an element of ``before`` (its version comes from that upload) or
    references one ``before`` creates (its id does)."""
    keys = {change.element.key for change in before}
    for change in chunk:
        element = change.element
        if (element.type, element.id) in keys:
            return True
        if element.type == WAY:
            if any(ref < 0 and (NODE, ref) in keys for ref in element.nodes):  # type: ignore[attr-defined]
                return True
        elif element.type == RELATION:
            members = element.members  # type: ignore[attr-defined]
            if any(m.ref < 0 and (m.type, m.ref) in keys for m in members):
                return True
    return False


def _diff_xml(entries: Sequence[DiffEntry]) -> bytes:
    from lxml import etree

    root = etree.Element("diffResult", version="0.6", generator=created_by())
    for entry in entries:
        attrs = {"old_id": str(entry.old_id)}
        if entry.new_id is not None:
            attrs["new_id"] = str(entry.new_id)
        if entry.new_version is not None:
            attrs["new_version"] = str(entry.new_version)
        etree.SubElement(root, entry.type, attrs)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# ---------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------


def start_upload(
    api: OsmApi,
    changes: OsmChanges,
    journal_dir,
    *,
    comment: str,
    source: str = "",
    max_elements: Optional[int] = None,
    **options,
) -> UploadReport:
    """Write the journal for ``changes`` and upload them (see :class:`Uploader` for options)."""
    if not comment or not comment.strip():
        raise CommentRequired()
    if max_elements is None:
        max_elements = api.capabilities().max_elements
    journal, opening = begin_upload(
        api,
        journal_dir,
        changes,
        tags=changeset_tags(comment, source),
        max_elements=max_elements,
        cancel=options.get("cancel"),
        check_permissions=options.get("check_permissions", True),
    )
    report = Uploader(api, journal, opening=opening, **options).run()
    journal.remove()
    return report


def resume_upload(api: OsmApi, journal_dir, **options) -> Optional[UploadReport]:
    """Continue the upload left in ``journal_dir``; ``None`` when there is none."""
    journal = Journal.load(journal_dir)
    if journal is None:
        return None
    report = Uploader(api, journal, **options).run()
    journal.remove()
    return report


def journal_dir_for(path) -> Path:
    """Where the journal of uploads from ``path`` (a GeoPackage or an ``.osc``) lives."""
    path = Path(path)
    return path.with_name(path.name + ".upload")


def changes_of_geopackage(path, edited=None, max_way_nodes: int = 2000) -> OsmChanges:
    """The changes between the base snapshot and the layers (or ``edited`` features).

    The features the download wrote come from the GeoPackage itself, so a feature counts as
    deleted only when it was written and is gone, whatever the loader's rules are today.
    """
    from ..gpkg import read_base, read_features, read_loaded
    from .diff import compute_changes

    base = read_base(path)
    features = edited if edited is not None else read_features(path)
    return compute_changes(base, features, loaded=read_loaded(path), max_way_nodes=max_way_nodes)


def upload_geopackage(
    path,
    api: OsmApi,
    *,
    comment: str,
    source: str = "",
    edited=None,
    changes: Optional[OsmChanges] = None,
    capabilities=None,
    validated: bool = False,
    pending: Optional[bytes] = None,
    **options,
) -> UploadReport:
    """Upload the edits of a download's GeoPackage and write the results back into it.

    ``changes`` (with ``validated=True``: already checked with :func:`~.osmchange.validate`,
    as the review does) skips computing them again.

    A journal left by an interrupted upload is settled first (its chunks in flight are checked
    against the server and applied), then the changes are computed afresh from the GeoPackage,
    which by then holds everything the server has: ``edited`` and ``changes``, read before, are
    ignored then (see :mod:`..upload_resume`).
    """
    from ..gpkg_update import apply_upload
    from ..upload_resume import merged, prepare, settle_previous
    from .osmchange import validate

    if not comment or not comment.strip():
        raise CommentRequired()
    folder = journal_dir_for(path)

    def on_applied(sent, entries, _sources):  # rows are found by placeholder, not by fid
        apply_upload(path, sent, entries)

    settled = settle_previous(path, api, cancel=options.get("cancel"))
    if settled is not None:  # read again: the GeoPackage now has what was applied
        changes = edited = None
    started = time.perf_counter()
    caps = capabilities or api.capabilities()
    asked = time.perf_counter() - started if capabilities is None else 0.0
    if changes is None:
        changes = changes_of_geopackage(path, edited, caps.waynodes)
        validated = False
    if not validated:
        validate(changes, caps, comment)
    if not changes:
        return merged(settled, UploadReport())
    identity, marking = prepare(path, changes)  # the rows are marked while the journal is written
    journal, opening = begin_upload(
        api,
        folder,
        changes,
        tags=changeset_tags(comment, source),
        max_elements=caps.max_elements,
        pending=pending if changes is not None and validated else None,
        cancel=options.get("cancel"),
        check_permissions=options.get("check_permissions", True),
        download_id=identity,
    )
    try:
        marking.result()  # before anything is sent
    except BaseException:
        opening.abandon()
        raise
    report = Uploader(api, journal, on_applied=on_applied, opening=opening, **options).run()
    report.request_seconds += asked
    journal.remove()
    return merged(settled, report)
