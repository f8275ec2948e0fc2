"""The uploader: runs the chunks of a journal through the outcome state machine (pure Python).

See :mod:`.upload` for the overview, :mod:`.upload_outcome` for the states and transitions.
"""

from __future__ import annotations

import contextlib
import logging
import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable, Dict, List, Optional, Tuple

from ..errors import (
    Cancelled,
    OsmRoundtripError,
    RateLimited,
)
from ..http import CancelCheck
from .api import (
    ChangesetClosed,
    Gone,
    OsmApi,
    VersionConflict,
)
from .diff import CREATE, DELETE, MODIFY, OsmChanges
from .model import NODE, RELATION, WAY
from .osmchange import (
    DiffEntry,
    apply_diff_result,
    build,
    build_for_changeset,
    ordered,
    parse_osc,
)
from .upload_errors import (
    Conflict,
    UploadConflict,
    UploadReport,
)
from .upload_journal import (
    APPLIED,
    DONE,
    PENDING,
    RUNNING,
    SENDING,
    STOPPED,
    UNKNOWN,
    UPLOADED,
    Journal,
    _write_durable,
)
from .upload_opening import Opening
from .upload_outcome import (
    COMMITTED,
    OUTCOME_UNKNOWN,
    Settler,
    UploadError,
    outcome_of_error,
    read_diff_result,
)

logger = logging.getLogger("osm_roundtrip")
ElementKey = Tuple[str, int]
Source = Tuple[str, int]
ProgressCallback = Callable[[int, int, str], None]
AppliedCallback = Callable[[OsmChanges, List[DiffEntry], Dict[ElementKey, List[Source]]], None]
DEFAULT_SERVER_TIMEOUT = 300.0  # production's, when the server does not say


# ---------------------------------------------------------------------------------------------
# The uploader
# ---------------------------------------------------------------------------------------------


class Uploader:
    """Runs (or resumes) the upload recorded in a :class:`Journal`.

    ``on_applied(sent_chunk, diff_entries, sources)`` writes a chunk's result to the layers and
    the base snapshot (skipped when ``None``, e.g. for a plain ``.osc`` upload). ``max_wait`` is
    the longest ``Retry-After`` (seconds) worth waiting for; longer ones stop the upload.
    ``opening``: the permission check and first changeset already under way
    (:func:`begin_upload`). ``server_timeout``: how long (seconds) the server may work on a
    request, which bounds the wait for an unknown outcome (default: ``capabilities``, asked
    only when needed).
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
        server_timeout: Optional[float] = None,
        clock: Callable[[], float] = time.time,
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
        self._server_timeout = server_timeout
        self.clock = clock
        self.settler = Settler(
            api,
            journal,
            server_timeout=self._timeout,
            known_ids=lambda: {(t, n) for (t, _), n in self.id_map.ids.items()},
            timed=self._timed,
            cancel=cancel,
            progress=self._progress,
            sleep=sleep,
            clock=clock,
            attempts=settle_attempts,
        )

    def _timeout(self) -> float:
        """The server's request timeout (capabilities; production's when it cannot be asked)."""
        if self._server_timeout is None:
            try:
                self._server_timeout = self._timed(self.api.capabilities, self.cancel).timeout
            except Cancelled:
                raise
            except OsmRoundtripError:
                self._server_timeout = DEFAULT_SERVER_TIMEOUT
        return self._server_timeout

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
            changeset = self._create_changeset()
            journal.data["changeset"] = changeset
            journal.data["changeset_count"] = 0
            journal.data["changesets"].append(changeset)
            journal.save()
        return changeset

    def _create_changeset(self, failed: Optional[BaseException] = None) -> int:
        """A new changeset; asked again when the answer was lost (at worst an empty changeset
        is left behind, which the server closes by itself) or the connection refused."""
        attempts = 0 if failed is None else 1
        while True:
            if attempts:
                logger.warning("opening a changeset failed (%s); asking again", failed)
                self._wait(min(float(attempts), self.max_wait))
            try:
                return self._timed(
                    self.api.create_changeset, self.journal.data["tags"], self.cancel
                )
            except OsmRoundtripError as exc:
                if not _worth_retrying(exc) or attempts >= self.max_retries:
                    raise
                failed = exc
                attempts += 1

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
        except OsmRoundtripError as exc:
            if not _worth_retrying(exc):
                raise
            changeset = self._create_changeset(exc)
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
        """Finish what a previous run left between sending and applying (in chunk order)."""
        for index, chunk in enumerate(self.journal.chunks):
            if chunk["state"] == UPLOADED and not self.journal.diff_path(index).exists():
                chunk["state"] = UNKNOWN  # its result did not reach the disk: ask the server
            if chunk["state"] in (SENDING, UNKNOWN):
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
            entry.update(
                state=SENDING,
                changeset=changeset,
                attempt=entry.get("attempt", 0) + 1,
                sent_at=self.clock(),
            )
            journal.save()
            self._progress(f"uploading chunk {index + 1}/{len(journal.chunks)}")
            # while the server works on this chunk: build the next one, write the last ones back
            self._prebuild(index + 1, chunk)
            self._start_write_backs()
            outcome, answer = self._post(changeset, payload, chunk)
            if outcome == COMMITTED:
                result, entries = answer
                self._open_ahead(index + 1, len(chunk))  # while the answer is saved and applied
                _write_durable(journal.diff_path(index), result)
                entry["state"] = UPLOADED
                journal.save()
                self._apply(index, background=True, entries=entries)
                return
            if outcome == OUTCOME_UNKNOWN:
                self.settler.mark_unknown(index, answer)
                if isinstance(answer, Cancelled):
                    raise answer  # abandoned on the wire: settled when the upload is resumed
                if self._settle(index) == UPLOADED:
                    self._apply(index)
                    return
                attempts += 1
                if attempts > self.max_retries:
                    raise answer
                continue
            # not committed: the server refused it as a whole, nothing of it was stored
            entry["state"] = PENDING
            journal.save()
            error = answer
            if isinstance(error, ChangesetClosed):
                journal.data["changeset"] = None
                journal.save()
                closed_in_a_row += 1
                if closed_in_a_row > 2:
                    raise error
                continue
            if isinstance(error, Gone):
                keys = [error.key] if error.key is not None else self._find_gone(chunk)
                if not keys or not all(self._drop_gone(chunk, key) for key in keys):
                    raise error
                continue
            if isinstance(error, VersionConflict):
                raise self._conflicts(index, error) from None
            if isinstance(error, RateLimited):
                attempts += 1
                if (
                    error.retry_after is None
                    or error.retry_after > self.max_wait
                    or attempts > self.max_retries
                ):
                    raise error
                self._wait(error.retry_after)
                continue
            if getattr(error, "not_sent", False):  # refused before anything was sent
                attempts += 1
                if attempts > self.max_retries:
                    raise error
                self._wait(min(2.0**attempts, self.max_wait))
                continue
            raise error

    def _post(self, changeset: int, payload: bytes, chunk: OsmChanges):
        """Send one chunk: ``(COMMITTED, (diffResult bytes, entries))``, ``(NOT_COMMITTED,
        error)`` or ``(OUTCOME_UNKNOWN, reason)`` (see :mod:`.upload_outcome`)."""
        try:
            result = self._timed(self.api.upload, changeset, payload, self.cancel)
        except (OsmRoundtripError, OSError) as exc:
            return outcome_of_error(exc), exc
        try:
            entries = read_diff_result(chunk, result)
        except OsmRoundtripError as exc:  # garbage, a web page, cut short, the wrong count
            return OUTCOME_UNKNOWN, exc
        return COMMITTED, (result, entries)

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

    def _settle(self, index: int, wait: bool = True) -> str:
        """Settle chunk ``index`` from the changeset download (see :class:`Settler`)."""
        before = self.settler.settled
        try:
            return self.settler.settle(index, wait)
        finally:
            self.report.settled += self.settler.settled - before

    def _apply(
        self, index: int, background: bool = False, entries: Optional[List[DiffEntry]] = None
    ) -> None:
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
        try:
            if entries is None:  # read back from the journal (checked when it was received)
                entries = read_diff_result(sent, journal.diff_path(index).read_bytes())
        except OsmRoundtripError as exc:  # kept by an older version, or damaged: ask the server
            self.settler.discard_result(index, exc)
            if self._settle(index) != UPLOADED:
                return  # not applied after all: sent again in its turn
            entries = read_diff_result(sent, journal.diff_path(index).read_bytes())
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


def _worth_retrying(error: BaseException) -> bool:
    """Whether a request that is not an upload may simply be made again after ``error``."""
    if isinstance(error, Cancelled):
        return False
    return outcome_of_error(error) == OUTCOME_UNKNOWN or getattr(error, "not_sent", False)


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
