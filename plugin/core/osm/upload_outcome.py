"""What became of an upload request: committed, not committed, or unknown (pure Python).

Every ``POST /changeset/{id}/upload`` ends in one of three outcomes:

* **committed** — a diffResult that can be read and matches the document sent, element by
  element (:func:`read_diff_result`);
* **not committed** — an answer that proves the server did not apply the document: its own
  4xx error with its text (400, 401, 403, 404, 409, 410, 412, 413, 429, …; the upload is one
  transaction, so nothing of it was stored) or CGImap's 509 (refused before processing), or a
  connection refused before anything was sent;
* **unknown** — everything else: 5xx, gateway answers (502/503/504, HTML pages, a 408), a
  client timeout, a dropped connection, a cancelled request, a diffResult that cannot be read
  or does not match (garbage, HTML with 200, wrong count, truncated, empty)
  (:func:`outcome_of_error`).

An unknown outcome is settled from the changeset's own download (:class:`Settler`), never by
sending again: the request may still be running, so the download is polled until it shows the
chunk, or the changeset is closed, or the server's own request timeout (``capabilities``
``timeout``, 300 s in production) has passed since the request was made; then the changeset is
closed by us, which makes the download final (the server serialises uploads and closing on the
changeset row: a request still running commits before the close or is refused after it). The
chunk is then in the download completely (committed: its diffResult is rebuilt) or not at all
(not committed); anything in between stops the upload (:class:`UploadInconsistent`). When the
server cannot be reached to find out, the upload stops with :class:`UploadUnsettled` and the
journal keeps the chunk ``unknown``: nothing is sent before it is settled, in this run or a later
one.

The states of a chunk in the journal (:mod:`.upload_journal`) and their transitions:

============  ===================================================  ==========================
state         event                                                next state
============  ===================================================  ==========================
pending       its document and the journal saved (fsync)           sending (then the POST)
sending       answer: committed                                    uploaded (result saved)
sending       answer: not committed                                pending, and per answer:
                                                                   409 closed → a new
                                                                   changeset; 410 → the
                                                                   delete dropped; 429/509 →
                                                                   wait ``Retry-After``;
                                                                   refused connection →
                                                                   retry; 409 version, 412,
                                                                   400, … → stop
sending       answer: unknown                                      unknown
sending       found when a run starts (a crash on the wire)        unknown; pending when its
                                                                   ``.sent.osc`` is missing
                                                                   (the request is made only
                                                                   after that file is durable)
unknown       settle: the chunk is in the download                 uploaded (result rebuilt)
unknown       settle: not in the final download                    pending (sent again, in a
                                                                   new changeset)
unknown       settle: unreachable, cancelled, mixed evidence       unknown (stop, journal kept)
uploaded      written back into the layers and the base            applied
uploaded      its ``.diff.xml`` missing or unreadable              unknown
============  ===================================================  ==========================

``uploaded`` → ``applied`` is idempotent: a crash in between applies it again on resume.
"""

from __future__ import annotations

import contextlib
import logging
import time
from typing import Callable, Dict, List, Optional, Sequence

from ..errors import (
    QT_TRANSLATE_NOOP,
    BadPayload,
    Cancelled,
    ConnectionFailed,
    HttpError,
    OsmRoundtripError,
)
from .api import ChangedElement, ChangesetClosed, OsmApi
from .diff import CREATE, DELETE, MODIFY, OsmChanges, label
from .model import NODE, RELATION, WAY, round_coord
from .osmchange import DiffEntry, ordered, parse_diff_result, parse_osc
from .upload_journal import (
    APPLIED,
    PENDING,
    SENDING,
    UNKNOWN,
    UPLOADED,
    Journal,
    _write_durable,
    created_by,
)

logger = logging.getLogger("osm_roundtrip")

COMMITTED, NOT_COMMITTED, OUTCOME_UNKNOWN = "committed", "not committed", "unknown"
ElementKey = tuple


class UploadError(OsmRoundtripError):
    """The upload stopped; the journal keeps what is left. ``report`` is the progress so far."""

    report = None


class UploadInconsistent(UploadError):
    """The changeset download does not tell clearly whether a chunk was applied."""


class UploadUnsettled(UploadError):
    """The outcome of a sent chunk is unknown and the server cannot tell yet; nothing is sent."""


# ---------------------------------------------------------------------------------------------
# The outcome of one request
# ---------------------------------------------------------------------------------------------


def outcome_of_error(error: BaseException) -> str:
    """:data:`NOT_COMMITTED` or :data:`OUTCOME_UNKNOWN` for a request that raised ``error``."""
    if isinstance(error, ConnectionFailed):
        return NOT_COMMITTED if getattr(error, "not_sent", False) else OUTCOME_UNKNOWN
    if isinstance(error, HttpError):
        status = error.status
        refused = 400 <= status < 500 or status == 509  # 509: CGImap's limit, before processing
        if not refused or status == 408:
            return OUTCOME_UNKNOWN  # 5xx, a gateway's or the server's time-out
        content_type = error.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type == "text/html" and (error.body or "").strip():
            return OUTCOME_UNKNOWN  # a web page: a proxy's answer, not the API's
        return NOT_COMMITTED
    return OUTCOME_UNKNOWN  # time-out, cancelled on the wire, anything unexpected


def _mismatch(template: str, **params) -> BadPayload:
    return BadPayload(template, **params)


def check_diff_result(sent: OsmChanges, entries: Sequence[DiffEntry]) -> None:
    """Raise :class:`BadPayload` unless ``entries`` are the server's answer to ``sent``.

    One entry per element in document order with the same type and id; a create gets a new
    positive id and version 1, a modify keeps its id and gets version + 1, a delete has no new
    id (or, if-unused and skipped, its own id and current version).
    """
    changes = ordered(sent)
    if len(changes) != len(entries):
        raise _mismatch(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "The upload result lists {got} elements, but {sent} were sent.",
            ),
            got=len(entries),
            sent=len(changes),
        )
    versions: Dict[ElementKey, int] = {}
    for change, entry in zip(changes, entries):
        element = change.element
        key = element.key
        if entry.type != element.type or entry.old_id != element.id:
            good = False
        elif change.action == CREATE:
            good = entry.new_id is not None and entry.new_id > 0 and entry.new_version == 1
            versions[key] = 1
        elif change.action == MODIFY:
            version = versions.get(key, element.version) + 1
            expected = entry.new_id if element.id < 0 else element.id
            good = entry.new_id == expected and entry.new_version == version
            versions[key] = version
        elif entry.new_id is None:
            good = entry.new_version is None
            versions[key] = versions.get(key, element.version) + 1
        else:
            good = (
                change.if_unused
                and entry.new_version is not None
                and (entry.new_id == element.id or element.id < 0)
            )
        if not good:
            raise _mismatch(
                QT_TRANSLATE_NOOP(
                    "OsmRoundtripErrors",
                    "The upload result does not match what was sent ({got} for {sent}).",
                ),
                got=label(entry.type, entry.old_id),
                sent=label(element.type, element.id),
            )


def read_diff_result(sent: OsmChanges, data: bytes) -> List[DiffEntry]:
    """The entries of the diffResult ``data`` for ``sent``; :class:`BadPayload` if unreadable."""
    entries = parse_diff_result(data)
    check_diff_result(sent, entries)
    return entries


def diff_xml(entries: Sequence[DiffEntry]) -> bytes:
    """A diffResult document of ``entries`` (for a result rebuilt from the download)."""
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
# "Was it applied?" — the chunk in the changeset download
# ---------------------------------------------------------------------------------------------


def _inconsistent() -> UploadInconsistent:
    return UploadInconsistent(
        QT_TRANSLATE_NOOP(
            "OsmRoundtripErrors",
            "The changeset on the server does not show clearly whether the last upload was "
            "applied. Nothing more was sent; download the area again before editing further.",
        )
    )


def _same_content(element, item: ChangedElement, new_ids: Dict[ElementKey, int]) -> bool:
    """Whether the downloaded ``item`` is what was sent as ``element`` (placeholders resolved
    with ``new_ids``, the ids this chunk created so far)."""
    if item.tags != element.tags or not item.visible:
        return False
    if element.type == NODE:
        return (
            item.lat is not None
            and round_coord(item.lat) == round_coord(element.lat)
            and round_coord(item.lon) == round_coord(element.lon)
        )
    if element.type == WAY:
        refs = [new_ids.get((NODE, ref), ref) if ref < 0 else ref for ref in element.nodes]
        return item.nodes == refs
    members = [
        (m.type, new_ids.get((m.type, m.ref), m.ref) if m.ref < 0 else m.ref, m.role)
        for m in element.members
    ]
    return [tuple(m) for m in item.members] == members


def settle_from_download(
    sent: OsmChanges, download: Sequence[ChangedElement], known_new_ids: set
) -> Optional[List[DiffEntry]]:
    """The diffResult of ``sent`` rebuilt from the changeset download, or ``None`` when the
    download holds nothing of it. ``known_new_ids`` are the ``(type, id)`` created by earlier
    chunks.

    The upload of a chunk is one transaction, so every element tells the same story:

    * a modify or delete of version *v* was applied iff the changeset holds version *v+1* of
      the element (a delete: invisible);
    * the creates were applied iff the changeset holds, per type, exactly as many version-1
      elements not created by earlier chunks as the chunk creates; the server numbers them in
      document order, so the *n*-th new node (by id) is the *n*-th node created, and each must
      have exactly the tags, coordinates, node list and members sent (placeholders resolved).

    Mixed or different evidence raises :class:`UploadInconsistent`: nothing is guessed.
    """
    versions: Dict[ElementKey, Dict[int, ChangedElement]] = {}
    for item in download:
        versions.setdefault((item.type, item.id), {})[item.version] = item
    order = ordered(sent)
    yes = no = 0
    current: Dict[ElementKey, int] = {}
    for change in order:
        element = change.element
        if element.id > 0 and change.action in (MODIFY, DELETE):
            version = current.get(element.key, element.version)
            found = versions.get(element.key, {}).get(version + 1)
            if found is not None and found.visible == (change.action == MODIFY):
                yes += 1
                current[element.key] = version + 1
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
    for kind, items in fresh.items():
        if len(items) == wanted[kind]:
            yes += 1 if items else 0
        elif not items:
            no += 1
        else:
            raise _inconsistent()
    if yes and no:
        raise _inconsistent()
    if not yes:
        return None
    # Rebuild the diffResult in document order.
    new_ids: Dict[ElementKey, int] = {}
    current = {}
    next_fresh = {kind: iter(items) for kind, items in fresh.items()}
    entries: List[DiffEntry] = []
    for change in order:
        element = change.element
        key = element.key
        if change.action == CREATE:
            item = next(next_fresh[element.type])
            if not _same_content(element, item, new_ids):
                raise UploadInconsistent(
                    QT_TRANSLATE_NOOP(
                        "OsmRoundtripErrors",
                        "The changeset on the server holds an element that differs from the one "
                        "sent ({element}). Nothing more was sent; download the area again.",
                    ),
                    element=label(item.type, item.id),
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
# Settling an unknown outcome
# ---------------------------------------------------------------------------------------------


class Settler:
    """Settles the chunks of a journal whose outcome is unknown (see the module documentation).

    ``server_timeout()`` gives the server's request timeout in seconds (asked only when
    needed); ``known_ids()`` the ``(type, id)`` created by the chunks applied so far; ``timed``
    wraps each request (to count its time); ``progress(message)`` reports the wait.
    """

    FIRST_POLL = 0.25
    LONGEST_POLL = 10.0

    def __init__(
        self,
        api: OsmApi,
        journal: Journal,
        *,
        server_timeout: Callable[[], float],
        known_ids: Callable[[], set],
        timed: Callable = lambda call, *a, **k: call(*a, **k),
        cancel: Optional[Callable[[], bool]] = None,
        progress: Optional[Callable[[str], None]] = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
        attempts: int = 4,
    ) -> None:
        self.api = api
        self.journal = journal
        self.server_timeout = server_timeout
        self.known_ids = known_ids
        self.timed = timed
        self.cancel = cancel
        self.progress = progress
        self.sleep = sleep
        self.clock = clock
        self.attempts = max(1, attempts)
        self.settled = 0  # chunks whose outcome was found from the download

    # -- transitions ----------------------------------------------------------------------------
    def mark_unknown(self, index: int, reason: BaseException) -> None:
        entry = self.journal.chunks[index]
        entry["state"] = UNKNOWN
        entry["reason"] = str(reason)
        self.journal.save()
        logger.warning("upload of chunk %d: outcome unknown (%s)", index + 1, reason)

    def discard_result(self, index: int, reason: BaseException) -> None:
        """A saved diffResult that cannot be read: forget it, the server will tell."""
        with contextlib.suppress(FileNotFoundError):
            self.journal.diff_path(index).unlink()
        self.mark_unknown(index, reason)

    def settle(self, index: int, wait: bool = True) -> str:
        """Settle chunk ``index`` (``sending`` or ``unknown``); returns its new state.

        ``wait=False`` (the user cancelled) looks once and leaves the chunk ``unknown`` when the
        download does not show it yet. Raises :class:`UploadUnsettled` when the server cannot
        be reached, :class:`UploadInconsistent` for mixed evidence, ``Cancelled``.
        """
        journal = self.journal
        entry = journal.chunks[index]
        if not journal.sent_path(index).exists():
            # the save that marked it sending did not complete its directory fsync, so the
            # request was never made (it is made only after that save)
            self._set(index, PENDING)
            return PENDING
        if entry["state"] == SENDING:
            self.mark_unknown(index, OsmRoundtripError("interrupted while sending"))
        sent = parse_osc(journal.sent_path(index).read_bytes())
        changeset = entry["changeset"]
        closed = False
        deadline = None
        failures = 0
        seen = None  # the changes_count of the last download: unchanged, no need for another
        delay = self.FIRST_POLL
        while True:
            try:
                # first whether it is closed (then the download after it is final), and whether
                # anything was added since the last look (the download can be big)
                info = None if closed else self.timed(self.api.changeset, changeset, self.cancel)
                closed = closed or not info.open
                download = None
                if closed or info.changes_count != seen:
                    download = self.timed(self.api.download_changeset, changeset, self.cancel)
                    seen = None if info is None else info.changes_count
            except (Cancelled, UploadError):
                raise
            except OsmRoundtripError as exc:
                failures += 1
                if failures >= self.attempts:
                    raise self._unsettled(exc) from None
                self._pause(delay, index)
                delay = min(delay * 2, self.LONGEST_POLL)
                continue
            failures = 0
            entries = None
            if download is not None:
                entries = settle_from_download(sent, download, self.known_ids())
            if entries is not None:
                _write_durable(journal.diff_path(index), diff_xml(entries))
                self.settled += 1
                self._set(index, UPLOADED)
                return UPLOADED
            if closed:  # final: nothing of the chunk, and nothing can be added any more
                self.settled += 1
                if journal.data.get("changeset") == changeset:
                    journal.data["changeset"] = None
                self._set(index, PENDING)
                return PENDING
            if not wait:
                return UNKNOWN
            if deadline is None:
                sent_at = entry.get("sent_at") or self.clock()
                deadline = sent_at + max(0.0, float(self.server_timeout()))
            left = deadline - self.clock()
            if left <= 0:
                try:
                    closed = self._close(changeset)
                except (Cancelled, UploadError):
                    raise
                except OsmRoundtripError as exc:
                    failures += 1
                    if failures >= self.attempts:
                        raise self._unsettled(exc) from None
                    self._pause(delay, index)
                continue
            self._report_wait(index, left)
            self._pause(min(delay, left), index)
            delay = min(delay * 1.5, self.LONGEST_POLL)

    # -- helpers --------------------------------------------------------------------------------
    def _set(self, index: int, state: str) -> None:
        entry = self.journal.chunks[index]
        entry["state"] = state
        entry.pop("reason", None)
        self.journal.save()

    def _close(self, changeset: int) -> bool:
        """Close the changeset so that its download becomes final; ``True`` when it is."""
        with contextlib.suppress(ChangesetClosed):  # closed already
            self.timed(self.api.close_changeset, changeset, self.cancel)
        if self.journal.data.get("changeset") == changeset:  # the rest goes into a new one
            self.journal.data["changeset"] = None
            self.journal.save()
        return True

    def _pause(self, seconds: float, index: int) -> None:
        end = time.monotonic() + seconds
        while True:
            if self.cancel is not None and self.cancel():
                raise Cancelled()
            left = end - time.monotonic()
            if left <= 0:
                return
            self.sleep(min(left, 0.25))

    def _report_wait(self, index: int, left: float) -> None:
        if self.progress is not None:
            self.progress(
                f"chunk {index + 1}: waiting for the server to finish the upload "
                f"(at most {left:.0f} s more)"
            )

    def _unsettled(self, reason: BaseException) -> UploadUnsettled:
        return UploadUnsettled(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "The outcome of the upload is unknown: the server cannot be reached to check "
                "whether it was applied ({reason}). Nothing was sent again and nothing was "
                "lost: resume the upload when the server is reachable.",
            ),
            reason=str(reason),
        )


__all__ = [
    "APPLIED",
    "COMMITTED",
    "NOT_COMMITTED",
    "OUTCOME_UNKNOWN",
    "Settler",
    "UploadError",
    "UploadInconsistent",
    "UploadUnsettled",
    "check_diff_result",
    "diff_xml",
    "outcome_of_error",
    "read_diff_result",
    "settle_from_download",
]
