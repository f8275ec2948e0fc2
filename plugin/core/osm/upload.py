"""Uploading edits: the entry points, and every name of the upload in one place (pure Python).

:func:`upload_geopackage` (the GUI, scripts), :func:`start_upload` / :func:`resume_upload`
(an ``.osc``, Processing) and :func:`settle_journal` are the entry points. The journal on disk is
:mod:`.upload_journal`; what each answer means and how an unknown outcome is settled — the states
of a chunk and their transitions — is :mod:`.upload_outcome`; what is refused before sending and
the report are :mod:`.upload_errors`; :class:`~.uploader.Uploader` (:mod:`.uploader`) runs them,
taking the chunks of a journal in order::

    settle what a previous run left in flight (sending/unknown/uploaded)
    for each chunk not applied:
        open a changeset if none is open or the chunk would not fit (10,000 changes)
        build the document (real ids of earlier chunks), save it and the journal: sending
        POST  ─▶ committed      : save the diffResult (uploaded), write back (applied)
              ─▶ not committed  : pending; then per answer (below)
              ─▶ unknown        : unknown; settle from the changeset download, then go on
    close the changeset

The permission check and the first changeset are requested while the journal is written (see
:class:`Opening`); the next chunk is built and the last one written back while a chunk is on the
wire. Nothing is sent before the journal is on disk, and nothing is sent while the outcome of an
earlier request is unknown.

Not committed, per answer (each raises a typed error after saving the journal; the changeset is
closed when the server is reachable): 409 version mismatch → :class:`UploadConflict` listing
every element of the remaining chunks whose server version differs; 409 changeset closed → a new
changeset for the rest; 410 on a delete → the element is dropped from the chunk and treated as
deleted; 412 → :class:`~.api.PreconditionFailed` naming the users; 429/509 → wait
``Retry-After`` when short, else stop with the reason; a refused connection → retry.

Before anything is sent, the upload is refused when there is nothing to upload
(:class:`NothingToUpload`), when an id or version is not a proper number
(:class:`InvalidIdentity`), or when another upload of the same file is running
(:class:`~.upload_journal.UploadRunning`).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Dict, NamedTuple, Optional

from .api import OsmApi
from .diff import OsmChanges
from .model import DataSet
from .upload_errors import (  # noqa: F401 (all of the upload's names are importable from here)
    CommentRequired,
    Conflict,
    InvalidIdentity,
    NothingToUpload,
    UploadConflict,
    UploadReport,
    check_identities,
    check_sources,
)
from .upload_journal import (  # noqa: F401
    APPLIED,
    CHUNKS_FILE,
    DONE,
    FORMAT,
    JOURNAL,
    PENDING,
    PENDING_FILE,
    RUNNING,
    SENDING,
    SOURCES_FILE,
    STOPPED,
    UNKNOWN,
    UPLOADED,
    Journal,
    UploadLock,
    UploadRunning,
    changeset_tags,
    created_by,
    lock_path_for,
)
from .upload_opening import Opening, begin_upload  # noqa: F401
from .upload_outcome import (  # noqa: F401
    COMMITTED,
    NOT_COMMITTED,
    OUTCOME_UNKNOWN,
    Settler,
    UploadError,
    UploadInconsistent,
    UploadUnsettled,
    check_diff_result,
    diff_xml,
    outcome_of_error,
    read_diff_result,
    settle_from_download,
)
from .uploader import DEFAULT_SERVER_TIMEOUT, Uploader  # noqa: F401

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
    extra_tags: Optional[Dict[str, str]] = None,
    **options,
) -> UploadReport:
    """Write the journal for ``changes`` and upload them (see :class:`Uploader` for options).

    Refused before anything is sent: no comment, nothing to upload, an invalid id or version,
    another upload from the same journal folder running.
    """
    if not comment or not comment.strip():
        raise CommentRequired()
    if not changes:
        raise NothingToUpload()
    check_identities(changes)
    with UploadLock(journal_dir):
        if max_elements is None:
            caps = api.capabilities(options.get("cancel"))
            max_elements = caps.max_elements
            options.setdefault("server_timeout", caps.timeout)
        journal, opening = begin_upload(
            api,
            journal_dir,
            changes,
            tags=changeset_tags(comment, source, extra_tags),
            max_elements=max_elements,
            cancel=options.get("cancel"),
            check_permissions=options.get("check_permissions", True),
        )
        report = Uploader(api, journal, opening=opening, **options).run()
        journal.remove()
    return report


def resume_upload(api: OsmApi, journal_dir, **options) -> Optional[UploadReport]:
    """Continue the upload left in ``journal_dir``; ``None`` when there is none."""
    with UploadLock(journal_dir):
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


class Review(NamedTuple):
    """The changes of a GeoPackage with what they were computed from: ``base`` (the base
    snapshot, or its part around the edits) and ``features`` (the layers' features read)."""

    changes: OsmChanges
    base: DataSet
    features: dict


def review_of_geopackage(path, edited=None, max_way_nodes: int = 2000) -> Review:
    """The changes between the base snapshot and the layers (or ``edited`` features).

    The features the download wrote come from the GeoPackage itself, so a feature counts as
    deleted only when it was written and is gone, whatever the loader's rules are today. Ids and
    versions that are not whole numbers above zero raise :class:`InvalidIdentity`. Without
    ``edited``, a file with an edit log is read only where it was edited
    (:mod:`..gpkg_partial`): the work grows with the edits, not with the download.
    """
    from ..gpkg import read_base, read_features, read_loaded
    from ..gpkg_partial import edited_part
    from .diff import compute_changes

    part = edited_part(path) if edited is None else None
    if part is not None:  # the file's edit log: read what was edited and around it
        check_sources(path, part.features)
        changes = compute_changes(
            part.base, part.features, loaded=part.loaded, max_way_nodes=max_way_nodes
        )
        return Review(changes, part.base, part.features)
    features = edited if edited is not None else read_features(path)
    check_sources(path, features)
    base = read_base(path)
    changes = compute_changes(base, features, loaded=read_loaded(path), max_way_nodes=max_way_nodes)
    return Review(changes, base, features)


def changes_of_geopackage(path, edited=None, max_way_nodes: int = 2000) -> OsmChanges:
    """The changes of :func:`review_of_geopackage`."""
    return review_of_geopackage(path, edited, max_way_nodes).changes


def settle_journal(path, api: OsmApi, **options) -> Optional[UploadReport]:
    """Settle the journal an interrupted upload of the GeoPackage ``path`` left, write what the
    server applied back into the file, close its changeset and remove the journal.

    What the settled chunks did; ``None`` when there was no journal. Raises (and keeps the
    journal) when an outcome stays unknown. Takes the upload lock of the file;
    :func:`upload_geopackage` settles the same way first.
    """
    with UploadLock(journal_dir_for(path), str(path)):
        if "server_timeout" not in options and Journal.load(journal_dir_for(path)) is not None:
            caps = api.capabilities(options.get("cancel"))
            options["server_timeout"] = getattr(caps, "timeout", None)
        return _settle_journal(path, api, **options)


def _settle_journal(path, api: OsmApi, **options):
    """What settling the journal left by an interrupted upload did (``None``: there was none);
    the journal is bound to its download (:mod:`..upload_resume`)."""
    from ..upload_resume import settle_previous

    keep = ("progress", "cancel", "sleep", "settle_attempts", "server_timeout", "clock")
    return settle_previous(path, api, **{k: v for k, v in options.items() if k in keep})


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
    extra_tags: Optional[Dict[str, str]] = None,
    **options,
) -> UploadReport:
    """Upload the edits of a download's GeoPackage and write the results back into it.

    ``extra_tags`` are changeset tags beyond comment, source and ``created_by`` (see
    :mod:`..changeset_tags`). ``changes`` (with ``validated=True``: already checked with
    :func:`~.osmchange.validate`, as the review does) skips computing them again.

    A journal left by an interrupted upload is settled first (its chunks in flight are checked
    against the server and applied), then the changes are computed afresh from the GeoPackage,
    which by then holds everything the server has. Nothing is sent (and no changeset opened)
    when there is nothing to upload. Only one upload of a file runs at a time
    (:class:`~.upload_journal.UploadRunning`).
    """
    if not comment or not comment.strip():
        raise CommentRequired()
    with UploadLock(journal_dir_for(path), str(path)):
        return _upload_geopackage(
            path,
            api,
            comment=comment,
            source=source,
            edited=edited,
            changes=changes,
            capabilities=capabilities,
            validated=validated,
            pending=pending,
            extra_tags=extra_tags,
            **options,
        )


def _upload_geopackage(
    path,
    api,
    *,
    comment,
    source,
    edited,
    changes,
    capabilities,
    validated,
    pending,
    extra_tags=None,
    **options,
) -> UploadReport:
    from ..gpkg_update import apply_upload
    from ..upload_resume import merged, prepare
    from .osmchange import validate

    started = time.perf_counter()
    caps = capabilities or api.capabilities(options.get("cancel"))
    asked = time.perf_counter() - started if capabilities is None else 0.0
    options.setdefault("server_timeout", getattr(caps, "timeout", None))
    settled = _settle_journal(path, api, **options)
    if settled is not None:  # read again: the GeoPackage now has what was applied
        changes = edited = None
    if changes is None:
        changes = changes_of_geopackage(path, edited, caps.waynodes)
        validated = False
    if not validated:
        validate(changes, caps, comment)
    if not changes:
        return merged(settled, UploadReport())
    check_identities(changes)
    identity, marking = prepare(path, changes)  # rows are marked while the journal is written
    journal, opening = begin_upload(
        api,
        journal_dir_for(path),
        changes,
        tags=changeset_tags(comment, source, extra_tags),
        max_elements=caps.max_elements,
        pending=pending if validated else None,
        cancel=options.get("cancel"),
        check_permissions=options.get("check_permissions", True),
        download_id=identity,
    )
    try:
        marking.result()  # before anything is sent
    except BaseException:
        opening.abandon()
        raise

    def on_applied(sent, entries, _sources):  # rows are found by placeholder, not by fid
        apply_upload(path, sent, entries)

    report = Uploader(api, journal, on_applied=on_applied, opening=opening, **options).run()
    report.request_seconds += asked
    journal.remove()
    return merged(settled, report)
