"""What an upload refuses before sending, the errors it stops with, and its report (pure Python).

The outcome errors (:class:`~.upload_outcome.UploadUnsettled`, ...) live with the outcome model
in :mod:`.upload_outcome`; all of them are importable from :mod:`.upload`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Tuple

from ..errors import CONTEXT, QT_TRANSLATE_NOOP, ValidationError, translate
from .api import VersionConflict
from .diff import CREATE, OsmChanges, label
from .model import NODE, RELATION, WAY
from .osmchange import IdMap
from .upload_outcome import UploadError

ElementKey = Tuple[str, int]


# ---------------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------------


class CommentRequired(UploadError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors", "A changeset comment is required: describe your changes."
            )
        )


class NothingToUpload(ValidationError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors", "There is nothing to upload: no changeset was opened."
            )
        )


class InvalidIdentity(ValidationError):
    """An id or version that is not a proper number (a damaged or hand-edited file)."""

    def __init__(self, element: str, what: str, value: object) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "{element} has an invalid {what} ({value}): ids and versions of OSM elements "
                "are whole numbers above zero. Nothing was sent; download the area again.",
            ),
            element=element,
            what=what,
            value=repr(value),
        )


def check_identities(changes: OsmChanges) -> None:
    """Raise :class:`InvalidIdentity` for an id, version or reference that is not a positive
    integer (placeholders of new elements: negative integers created in ``changes``)."""

    def whole(value) -> bool:
        return isinstance(value, int) and not isinstance(value, bool)

    created = {(c.element.type, c.element.id) for c in changes.creates}
    for change in changes:
        element = change.element
        name = label(element.type, element.id)
        if not whole(element.id) or element.id == 0:
            raise InvalidIdentity(f"{element.type}", "id", element.id)
        if change.action == CREATE:
            if element.id > 0:
                raise InvalidIdentity(name, "id", element.id)
        elif element.id < 0:
            if (element.type, element.id) not in created:
                raise InvalidIdentity(name, "id", element.id)
        elif not whole(element.version) or element.version < 1:
            raise InvalidIdentity(name, "version", element.version)
        refs = []
        if element.type == WAY:
            refs = [(NODE, ref) for ref in element.nodes]  # type: ignore[attr-defined]
        elif element.type == RELATION:
            refs = [(m.type, m.ref) for m in element.members]  # type: ignore[attr-defined]
        for kind, ref in refs:
            if not whole(ref) or ref == 0 or (ref < 0 and (kind, ref) not in created):
                raise InvalidIdentity(name, "reference", ref)


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
            translate(
                CONTEXT,
                "%n elements were changed on the server by someone else since your "
                "download (first: {first}). Resolve the conflicts, then upload again.",
                None,
                len(conflicts),
            ),
            n=len(conflicts),
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


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def check_sources(path, features) -> None:
    """Raise :class:`InvalidIdentity` for an id or version of the GeoPackage ``path`` (its base
    snapshot, and the layers' ``features``) that is not a whole number above zero."""
    from ..gpkg import invalid_base_identity

    found = invalid_base_identity(path)
    if found is not None:
        kind, element_id, column, value = found
        name = label(kind, element_id) if isinstance(element_id, int) else kind
        raise InvalidIdentity(name, column, element_id if column == "id" else value)
    for layer, items in features.items():
        for feature in items:
            if feature.osm_id is not None and not _whole(feature.osm_id):
                raise InvalidIdentity(f"{layer} feature {feature.fid}", "osm_id", feature.osm_id)
