"""An interrupted upload of a download is settled before anything else is computed (pure Python).

The journal of an upload (:mod:`.osm.upload`) lives next to the GeoPackage it came from
(``<file>.upload``). When the next upload of that file starts — from the review, Processing or a
script — the journal is handled first, in this order:

1. **Binding.** The journal records the *download identity* of the file (``osm_meta``
   ``download_id``, :func:`.gpkg.download_id`). A journal whose identity is not the file's (the
   area was downloaded again to the same path, or another file was put there) is refused with
   :class:`JournalMismatch` before any request; the journal is kept, so that nothing it knows is
   lost. Its results reach the layers through OSM keys and the placeholders written into the
   rows of the new features before the journal (:func:`.gpkg_update.mark_new_features`), never
   through feature ids (journals written before rows were marked name rows by fid; such a row
   takes an identity only when it has none).
2. **Settle.** Chunks whose outcome is unknown are checked against the changeset on the server;
   every chunk the server applied is written back into the GeoPackage (new ids, versions,
   removed rows); the changeset is closed and the journal removed.
3. Only then are the changes computed again, from the GeoPackage as it now is: what the server
   already has is in the base snapshot, so nothing is sent twice and no edit is lost.

Journals written before download identities existed, into files that have none either, are
settled only when the file was downloaded before the journal was written (``downloaded_at``
against the journal's creation): a download made after the journal is another download of the
area and is refused like a different identity. A new download always has an identity, and the
first upload of an older file writes one (:func:`.gpkg.ensure_download_id`) before its journal.
"""

from __future__ import annotations

import datetime
import logging
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Optional, Tuple

from .errors import QT_TRANSLATE_NOOP
from .gpkg import DOWNLOAD_ID, DOWNLOADED_AT, ensure_download_id, read_meta
from .gpkg_update import apply_upload, mark_new_features
from .osm.upload import (
    PENDING_FILE,
    Journal,
    Uploader,
    UploadError,
    UploadReport,
    journal_dir_for,
)

logger = logging.getLogger("osm_roundtrip")


class JournalMismatch(UploadError):
    """The journal next to a GeoPackage was written for another download."""

    def __init__(self, path, folder) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "An interrupted upload was found for {path}, but it was made from another "
                "download of the area (the file was downloaded again or replaced since). Its "
                "results are not written into this file, where they could give features the "
                "identities of other elements, and nothing was sent. Check your changesets on "
                "the server: what it applied is in any download made after it. Then delete "
                "the folder {journal} to upload from this file.",
            ),
            path=str(path),
            journal=str(folder),
        )


def _timestamp(text: str) -> Optional[float]:
    try:
        moment = datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ")
    except (TypeError, ValueError):
        return None
    return moment.replace(tzinfo=datetime.timezone.utc).timestamp()


def belongs_to(journal: Journal, path) -> bool:
    """Whether ``journal`` was written from the download in the GeoPackage ``path``."""
    meta = read_meta(path)
    mine = journal.data.get(DOWNLOAD_ID)
    theirs = meta.get(DOWNLOAD_ID) or None
    if mine:
        return mine == theirs
    if theirs is not None:
        return False  # downloaded since: every download has an identity now
    downloaded = _timestamp(meta.get(DOWNLOADED_AT, ""))
    pending = Path(journal.folder) / PENDING_FILE
    if downloaded is None or not pending.exists():
        return False
    return downloaded <= pending.stat().st_mtime


def check_binding(journal: Journal, path) -> None:
    """Raise :class:`JournalMismatch` unless ``journal`` belongs to the GeoPackage ``path``."""
    if not belongs_to(journal, path):
        raise JournalMismatch(path, journal.folder)


def has_interrupted_upload(path) -> bool:
    """Whether an upload of the GeoPackage ``path`` left a journal to settle."""
    return (journal_dir_for(path) / "journal.json").exists()


def prepare(path, changes) -> Tuple[str, Future]:
    """Bind the GeoPackage ``path`` to the journal about to be written for ``changes``.

    Returns its download identity (written first for an older file), for the journal, and the
    writing of the new features' placeholders (:func:`.gpkg_update.mark_new_features`), which
    runs in a worker thread while the journal is written: wait for it before anything is sent.
    """
    identity = ensure_download_id(path)
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="osm-upload-mark")
    marking = executor.submit(mark_new_features, path, changes)
    executor.shutdown(wait=False)
    return identity, marking


def settle_previous(path, api, **options) -> Optional[UploadReport]:
    """Settle the journal an interrupted upload of ``path`` left, if any (see the module).

    ``options`` go to the :class:`~.osm.uploader.Uploader` (progress, cancel, the server's
    time-out…). Returns what the settled chunks did (``None``: there was no journal). Raises
    :class:`JournalMismatch` before any request when the journal is not this download's, and
    the errors of settling (the server cannot be reached, ...) with the journal kept.
    """
    folder = journal_dir_for(path)
    journal = Journal.load(folder)
    if journal is None:
        return None
    check_binding(journal, path)
    logger.info("settling the interrupted upload in %s", folder)
    legacy = not journal.data.get(DOWNLOAD_ID)  # written before rows carried placeholders

    def on_applied(sent, entries, sources) -> None:
        apply_upload(path, sent, entries, sources if legacy else None)

    uploader = Uploader(api, journal, on_applied=on_applied, check_permissions=False, **options)
    try:
        uploader.settle_in_flight()
        uploader._drain()
        uploader._close_quietly()
        uploader._finish_report()
    finally:
        uploader._shutdown_writer()
    journal.remove()
    return uploader.report


def merged(settled: Optional[UploadReport], report: UploadReport) -> UploadReport:
    """``report`` of what this run sent, with the chunks settling the previous journal decided
    counted in ``settled`` (what they applied is not counted again: it was sent before)."""
    if settled is not None:
        report.settled += settled.settled
        report.request_seconds += settled.request_seconds
    return report
