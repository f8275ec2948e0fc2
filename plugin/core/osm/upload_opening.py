"""Changesets opened in a worker thread while the caller prepares what goes into them (pure).

See :class:`Opening`; :func:`begin_upload` writes the journal of an upload meanwhile.
"""

from __future__ import annotations

import contextlib
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Dict, Optional, Tuple

from ..errors import OsmRoundtripError
from ..http import CancelCheck
from .api import OsmApi
from .diff import OsmChanges
from .upload_journal import Journal


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
