"""The OSM API v0.6 client for changesets and uploads (pure Python).

Request builders and reply parsers are plain functions (tested alone); :class:`OsmApi` sends.
Every error status of the write path is mapped to a typed error carrying what the caller needs
(:func:`map_error`), parsed from production's texts (osm-api-v0.6 §5, §6.4, §6.5):

* 409 ``Version mismatch: Provided 3, server had: 4 of Node 12`` → :class:`VersionConflict`
* 409 ``The changeset 5 was closed at 2025-01-01 10:05:00 UTC`` → :class:`ChangesetClosed`
* 409 ``Changeset 5 is currently locked by another process.`` → :class:`ChangesetLocked`
* 409 ``The user doesn't own that changeset``, ``Changeset mismatch: …`` → :class:`ChangesetRefused`
* 412 ``Precondition failed: Node 5 is still used by ways 1,2.`` → :class:`PreconditionFailed`
* 410 ``The node with the id 5 has already been deleted`` → :class:`Gone`
* 429 / 509 → :class:`~..errors.RateLimited` (reason, ``Retry-After``)
* 413 → :class:`TooLarge`; 401/403 → :class:`NotAuthorized`; 404 → :class:`NotFound`.

``capabilities`` and ``permissions`` are served by the Rails port only; an API served by CGImap
alone answers 404. Then the client logs it and goes on with production's limits and without the
permission check; if the server then refuses to open a changeset, :meth:`OsmApi.create_changeset`
says precisely why (no permission to edit the map, no changesets on this server, …).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Tuple

from lxml import etree

from ..errors import (
    QT_TRANSLATE_NOOP,
    BadPayload,
    HttpError,
    RateLimited,
)
from ..http import CancelCheck, HttpTransport, Response, raise_for_status, snippet
from .model import NODE, RELATION, WAY

ElementKey = Tuple[str, int]
logger = logging.getLogger("osm_roundtrip")
NOT_SERVED = (404, 405, 501)  # the server has no such endpoint (e.g. CGImap without Rails)

# ---------------------------------------------------------------------------------------------
# Typed errors
# ---------------------------------------------------------------------------------------------


class ApiError(HttpError):
    """An error answer of the OSM API; ``body`` is the server's text."""


class VersionConflict(ApiError):
    """The element changed on the server since it was downloaded (409)."""

    def __init__(self, status, body, headers=None, *, element_type, element_id, provided, server):
        self.element_type = element_type
        self.element_id = element_id
        self.provided = provided
        self.server = server
        super().__init__(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "{element_type} {element_id} was changed on the server by someone else "
                "(your version {provided}, server version {server}).",
            ),
            status,
            body,
            headers,
            element_type=element_type,
            element_id=element_id,
            provided=provided,
            server=server,
        )

    @property
    def key(self) -> ElementKey:
        return (self.element_type, self.element_id)


class ChangesetClosed(ApiError):
    """The changeset is closed (timeout, 24 h, or 10,000 changes) (409)."""

    def __init__(self, status, body, headers=None, *, changeset, closed_at=""):
        self.changeset = changeset
        self.closed_at = closed_at
        super().__init__(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors", "The changeset {changeset} was closed at {closed_at}."
            ),
            status,
            body,
            headers,
            changeset=changeset,
            closed_at=closed_at,
        )


class ChangesetLocked(ApiError):
    """Another upload to the same changeset is running (409)."""


class ChangesetRefused(ApiError):
    """Not the user's changeset, or a payload for another changeset (409)."""


class PreconditionFailed(ApiError):
    """An element is still used (delete) or refers to missing elements (412).

    ``used_by`` maps ``"way"``/``"relation"`` to the ids that still use the element;
    ``missing`` lists the ids a way/relation needs that do not exist (or are deleted).
    """

    def __init__(self, status, body, headers=None, *, element_type, element_id, used_by, missing):
        self.element_type = element_type
        self.element_id = element_id
        self.used_by: Dict[str, List[int]] = used_by
        self.missing: List[int] = missing
        if used_by:
            users = "; ".join(
                f"{kind} {', '.join(str(i) for i in ids)}" for kind, ids in used_by.items()
            )
            template = QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "{element_type} {element_id} cannot be deleted: it is still used by {users}.",
            )
        elif missing:
            users = ", ".join(str(i) for i in missing)
            template = QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "{element_type} {element_id} refers to elements that do not exist or were "
                "deleted on the server: {users}.",
            )
        else:
            users = ""
            template = QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors", "The server refused the upload: {body}"
            )
        super().__init__(
            template,
            status,
            body,
            headers,
            element_type=element_type,
            element_id=element_id,
            users=users,
        )

    @property
    def key(self) -> Optional[ElementKey]:
        if self.element_type and self.element_id is not None:
            return (self.element_type, self.element_id)
        return None


class Gone(ApiError):
    """The element was already deleted on the server (410)."""

    def __init__(self, status, body, headers=None, *, element_type="", element_id=None):
        self.element_type = element_type
        self.element_id = element_id
        if element_type and element_id is not None:
            template = QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "{element_type} {element_id} has already been deleted on the server.",
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors", "The element has already been deleted on the server."
            )
        super().__init__(
            template, status, body, headers, element_type=element_type, element_id=element_id
        )

    @property
    def key(self) -> Optional[ElementKey]:
        if self.element_type and self.element_id is not None:
            return (self.element_type, self.element_id)
        return None


class TooLarge(ApiError):
    """413: changeset bounding box beyond the user's limit, or payload too big."""


class NotAuthorized(ApiError):
    """401/403: no valid token, missing scope, blocked user."""


class NotFound(ApiError):
    """404: unknown changeset or element."""


class BadRequest(ApiError):
    """400: the server refused the payload (the text says why)."""


# ---------------------------------------------------------------------------------------------
# Parsing production's error texts
# ---------------------------------------------------------------------------------------------

_TYPES = {"node": NODE, "way": WAY, "relation": RELATION}
_VERSION_MISMATCH = re.compile(
    r"Version mismatch: Provided (-?\d+), server had: (-?\d+) of (Node|Way|Relation) (-?\d+)", re.I
)
_CLOSED = re.compile(r"The changeset (\d+) was closed at (.+?)\.?$", re.I)
_LOCKED = re.compile(r"Changeset (\d+) is currently locked", re.I)
_STILL_USED = re.compile(
    r"(Node|Way|Relation) (-?\d+) is still used by (ways|relations) ([\d,\s]+)", re.I
)
_RELATION_USED = re.compile(r"The relation (-?\d+) is used in relations? ([\d,\s]+)", re.I)
_REQUIRES = re.compile(
    r"(Way|Relation)(?: with id)? ?(-?\d+)? requires the [\w/]+ with id in \(?([\d,\s]+)\)?",
    re.I,
)
_CANNOT_SAVE = re.compile(
    r"Relation with id (-?\d+) cannot be saved due to (Node|Way|Relation) with id (\d+)", re.I
)
_GONE = re.compile(r"The (node|way|relation) with the id (-?\d+) has already been deleted", re.I)


def _ids(text: str) -> List[int]:
    return [int(part) for part in re.split(r"[,\s]+", text.strip()) if part]


def parse_version_mismatch(text: str) -> Optional[Tuple[str, int, int, int]]:
    """``(type, id, provided, server)`` of a version mismatch text, else ``None``."""
    match = _VERSION_MISMATCH.search(text)
    if not match:
        return None
    provided, server, kind, element_id = match.groups()
    return _TYPES[kind.lower()], int(element_id), int(provided), int(server)


def parse_precondition(text: str) -> Tuple[str, Optional[int], Dict[str, List[int]], List[int]]:
    """``(type, id, used_by, missing)`` of a 412 text (see :class:`PreconditionFailed`)."""
    match = _STILL_USED.search(text)
    if match:
        kind, element_id, users, ids = match.groups()
        user_type = WAY if users.lower() == "ways" else RELATION
        return _TYPES[kind.lower()], int(element_id), {user_type: _ids(ids)}, []
    match = _RELATION_USED.search(text)
    if match:
        element_id, ids = match.groups()
        return RELATION, int(element_id), {RELATION: _ids(ids)}, []
    match = _REQUIRES.search(text)
    if match:
        kind, element_id, ids = match.groups()
        return (
            _TYPES[kind.lower()],
            int(element_id) if element_id else None,
            {},
            _ids(ids),
        )
    match = _CANNOT_SAVE.search(text)
    if match:
        element_id, _kind, missing = match.groups()
        return RELATION, int(element_id), {}, [int(missing)]
    return "", None, {}, []


_NO_WRITE_PERMISSION = (
    "You have not granted the modify map permission",  # CGImap
    "You have not permitted the application access to this facility",  # Rails
)


def missing_write_permission(status: int, body: str) -> NotAuthorized:
    return NotAuthorized(
        QT_TRANSLATE_NOOP(
            "OsmRoundtripErrors",
            "Your login does not allow editing the map (permission write_api is "
            "missing). Log in again and grant “Modify the map”.",
        ),
        status,
        body,
    )


def map_error(error: HttpError) -> HttpError:
    """The typed error for an error answer of the OSM API (``error`` itself when unknown)."""
    if isinstance(error, ApiError):
        return error
    status, body, headers = error.status, error.body or "", error.headers
    text = body or headers.get("Error", "")
    if isinstance(error, RateLimited):
        return error
    if status == 409:
        parsed = parse_version_mismatch(text)
        if parsed:
            kind, element_id, provided, server = parsed
            return VersionConflict(
                status,
                text,
                headers,
                element_type=kind,
                element_id=element_id,
                provided=provided,
                server=server,
            )
        match = _CLOSED.search(text)
        if match:
            return ChangesetClosed(
                status, text, headers, changeset=int(match.group(1)), closed_at=match.group(2)
            )
        if _LOCKED.search(text):
            return ChangesetLocked(
                QT_TRANSLATE_NOOP(
                    "OsmRoundtripErrors",
                    "The changeset is busy with another upload; try again in a moment. ({body})",
                ),
                status,
                text,
                headers,
            )
        return ChangesetRefused(
            QT_TRANSLATE_NOOP("OsmRoundtripErrors", "The server refused the changeset: {body}"),
            status,
            text,
            headers,
        )
    if status == 412:
        kind, element_id, used_by, missing = parse_precondition(text)
        return PreconditionFailed(
            status,
            text,
            headers,
            element_type=kind,
            element_id=element_id,
            used_by=used_by,
            missing=missing,
        )
    if status == 410:
        match = _GONE.search(text)
        if match:
            return Gone(
                status,
                text,
                headers,
                element_type=match.group(1).lower(),
                element_id=int(match.group(2)),
            )
        return Gone(status, text, headers)
    if status == 413:
        return TooLarge(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "The upload is too large for the server (HTTP 413): {body} Upload smaller areas "
                "in separate changesets.",
            ),
            status,
            text,
            headers,
        )
    if status in (401, 403):
        if any(text_ in text for text_ in _NO_WRITE_PERMISSION):
            return missing_write_permission(status, text)
        return NotAuthorized(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "The server did not accept your login (HTTP {status}): {body} Log in again.",
            ),
            status,
            text,
            headers,
        )
    if status == 404:
        return NotFound(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "The server does not know the changeset or one of the elements (HTTP 404).",
            ),
            status,
            text,
            headers,
        )
    if status == 400:
        return BadRequest(
            QT_TRANSLATE_NOOP("OsmRoundtripErrors", "The server refused the upload: {body}"),
            status,
            text,
            headers,
        )
    return error


# ---------------------------------------------------------------------------------------------
# Builders and parsers
# ---------------------------------------------------------------------------------------------


def changeset_xml(tags: Dict[str, str]) -> bytes:
    """``<osm><changeset><tag k v/>…</changeset></osm>`` (tags with an empty value left out)."""
    root = etree.Element("osm")
    changeset = etree.SubElement(root, "changeset")
    for key, value in tags.items():
        if value is None or str(value).strip() == "":
            continue
        etree.SubElement(changeset, "tag", k=str(key), v=str(value))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True
    )


def parse_xml(content: bytes, url: str = "") -> etree._Element:
    try:
        return etree.fromstring(content, _parser())
    except etree.XMLSyntaxError as exc:
        raise BadPayload(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors", "The server at {url} sent XML that cannot be read: {reason}"
            ),
            url=url,
            reason=str(exc),
        ) from None


@dataclass
class Capabilities:
    max_elements: int = 10000
    waynodes: int = 2000
    relationmembers: int = 32000
    area: float = 0.25
    api_status: str = "online"
    timeout: float = 300.0  # seconds the server works on a request at most


def parse_capabilities(content: bytes, url: str = "") -> Capabilities:
    root = parse_xml(content, url)
    caps = Capabilities()
    api = root.find("api")
    if api is None:
        return caps

    def number(path: str, attr: str, cast, default):
        node = api.find(path)
        try:
            return cast(node.get(attr)) if node is not None and node.get(attr) else default
        except ValueError:
            return default

    caps.max_elements = number("changesets", "maximum_elements", int, caps.max_elements)
    caps.waynodes = number("waynodes", "maximum", int, caps.waynodes)
    caps.relationmembers = number("relationmembers", "maximum", int, caps.relationmembers)
    caps.area = number("area", "maximum", float, caps.area)
    caps.timeout = number("timeout", "seconds", float, caps.timeout)
    status = api.find("status")
    if status is not None:
        caps.api_status = status.get("api", "online")
    return caps


def parse_permissions(content: bytes, url: str = "") -> frozenset:
    root = parse_xml(content, url)
    return frozenset(p.get("name", "") for p in root.iter("permission"))


@dataclass
class ChangesetInfo:
    id: int
    open: bool
    changes_count: int = 0
    tags: Dict[str, str] = field(default_factory=dict)
    bbox: Optional[Tuple[float, float, float, float]] = None  # min_lon, min_lat, max_lon, max_lat


def parse_changeset(content: bytes, url: str = "") -> ChangesetInfo:
    root = parse_xml(content, url)
    node = root.find("changeset")
    if node is None:
        raise BadPayload(
            QT_TRANSLATE_NOOP("OsmRoundtripErrors", "The server at {url} sent no changeset."),
            url=url,
        )
    bbox = None
    if node.get("min_lon") is not None:
        bbox = tuple(float(node.get(k)) for k in ("min_lon", "min_lat", "max_lon", "max_lat"))
    return ChangesetInfo(
        id=int(node.get("id")),
        open=node.get("open") == "true",
        changes_count=int(node.get("changes_count") or 0),
        tags={t.get("k"): t.get("v") for t in node.findall("tag")},
        bbox=bbox,  # type: ignore[arg-type]
    )


@dataclass
class ChangedElement:
    """One element version of a changeset download."""

    action: str  # create | modify | delete
    type: str
    id: int
    version: int
    visible: bool = True
    tags: Dict[str, str] = field(default_factory=dict)
    lat: Optional[float] = None
    lon: Optional[float] = None
    nodes: List[int] = field(default_factory=list)
    members: List[Tuple[str, int, str]] = field(default_factory=list)


def parse_changeset_download(content: bytes, url: str = "") -> List[ChangedElement]:
    """The element versions of ``GET /changeset/{id}/download``, in document order."""
    root = parse_xml(content, url)
    if root.tag != "osmChange":
        raise BadPayload(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors", "The server at {url} did not send an osmChange document."
            ),
            url=url,
        )
    result = []
    for block in root:
        if block.tag not in ("create", "modify", "delete"):
            continue
        for element in block:
            if element.tag not in _TYPES:
                continue
            item = ChangedElement(
                action=block.tag,
                type=element.tag,
                id=int(element.get("id")),
                version=int(element.get("version") or 0),
                visible=element.get("visible") != "false" and block.tag != "delete",
                tags={t.get("k"): t.get("v") for t in element.findall("tag")},
            )
            if element.get("lat") is not None:
                item.lat = float(element.get("lat"))
                item.lon = float(element.get("lon"))
            item.nodes = [int(nd.get("ref")) for nd in element.findall("nd")]
            item.members = [
                (m.get("type"), int(m.get("ref")), m.get("role", ""))
                for m in element.findall("member")
            ]
            result.append(item)
    return result


# ---------------------------------------------------------------------------------------------
# The client
# ---------------------------------------------------------------------------------------------


class OsmApi:
    """Changeset and upload calls of one OSM API (``api_url`` ends in ``/api/0.6``)."""

    def __init__(
        self,
        api_url: str,
        token: Optional[str] = None,
        transport: Optional[HttpTransport] = None,
        upload_timeout: float = 300.0,
    ) -> None:
        self.api_url = api_url.rstrip("/")
        self._token = token
        self.transport = transport or HttpTransport()
        self.upload_timeout = upload_timeout

    def __repr__(self) -> str:  # never show the token
        return f"OsmApi({self.api_url!r})"

    def _headers(self, extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
        headers = {}
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        headers.update(extra or {})
        return headers

    def _call(
        self,
        method: str,
        path: str,
        *,
        data: Optional[bytes] = None,
        content_type: Optional[str] = None,
        cancel: Optional[CancelCheck] = None,
        timeout: Optional[float] = None,
        params=None,
    ) -> Response:
        extra = {"Content-Type": content_type} if content_type else {}
        response = self.transport.request(
            method,
            f"{self.api_url}/{path}",
            data=data,
            params=params,
            headers=self._headers(extra),
            cancel=cancel,
            timeout=timeout,
            check=False,
        )
        try:
            raise_for_status(response)
        except HttpError as exc:
            raise map_error(exc) from None
        return response

    # -- discovery --------------------------------------------------------------------------
    def capabilities(self, cancel: Optional[CancelCheck] = None) -> Capabilities:
        """The server's limits; production's when the server does not serve capabilities."""
        try:
            response = self._call("GET", "capabilities", cancel=cancel)
        except HttpError as exc:
            if exc.status not in NOT_SERVED:
                raise
            logger.warning(
                "%s/capabilities is not served (HTTP %s): using the limits of "
                "api.openstreetmap.org",
                self.api_url,
                exc.status,
            )
            return Capabilities()
        return parse_capabilities(response.content, response.url)

    def permissions(self, cancel: Optional[CancelCheck] = None) -> frozenset:
        response = self._call("GET", "permissions", cancel=cancel)
        return parse_permissions(response.content, response.url)

    def check_write_permission(self, cancel: Optional[CancelCheck] = None) -> None:
        """Raise :class:`NotAuthorized` unless the token may write map data.

        A server that does not serve ``permissions`` is not asked: the changeset creation
        then tells (see :meth:`create_changeset`).
        """
        try:
            permissions = self.permissions(cancel)
        except HttpError as exc:
            if exc.status not in NOT_SERVED:
                raise
            logger.warning(
                "%s/permissions is not served (HTTP %s): the login is checked when the "
                "changeset is opened",
                self.api_url,
                exc.status,
            )
            return
        if "allow_write_api" not in permissions:
            raise missing_write_permission(403, ", ".join(sorted(permissions)))

    # -- changesets -------------------------------------------------------------------------
    def create_changeset(self, tags: Dict[str, str], cancel: Optional[CancelCheck] = None) -> int:
        try:
            response = self._call(
                "PUT",
                "changeset/create",
                data=changeset_xml(tags),
                content_type="text/xml; charset=utf-8",
                cancel=cancel,
            )
        except HttpError as exc:
            if exc.status not in NOT_SERVED:
                raise
            raise ChangesetRefused(
                QT_TRANSLATE_NOOP(
                    "OsmRoundtripErrors",
                    "The server at {url} does not open changesets (HTTP {status} for "
                    "changeset/create): it serves only part of the OSM API and cannot take "
                    "uploads.",
                ),
                exc.status,
                exc.body,
                exc.headers,
                url=self.api_url,
            ) from None
        try:
            return int(response.text.strip())
        except ValueError:
            raise BadPayload(
                QT_TRANSLATE_NOOP(
                    "OsmRoundtripErrors",
                    "The server at {url} did not answer with a changeset number: {snippet}",
                ),
                url=response.url,
                snippet=snippet(response.text),
            ) from None

    def changeset(self, changeset_id: int, cancel: Optional[CancelCheck] = None) -> ChangesetInfo:
        response = self._call("GET", f"changeset/{changeset_id}", cancel=cancel)
        return parse_changeset(response.content, response.url)

    def close_changeset(self, changeset_id: int, cancel: Optional[CancelCheck] = None) -> None:
        self._call("PUT", f"changeset/{changeset_id}/close", cancel=cancel)

    def upload(
        self, changeset_id: int, osmchange: bytes, cancel: Optional[CancelCheck] = None
    ) -> bytes:
        """POST one osmChange document; returns the diffResult document."""
        response = self._call(
            "POST",
            f"changeset/{changeset_id}/upload",
            data=osmchange,
            content_type="text/xml; charset=utf-8",
            cancel=cancel,
            timeout=self.upload_timeout,
        )
        return response.content

    def download_changeset(
        self, changeset_id: int, cancel: Optional[CancelCheck] = None
    ) -> List[ChangedElement]:
        response = self._call("GET", f"changeset/{changeset_id}/download", cancel=cancel)
        return parse_changeset_download(response.content, response.url)

    # -- reads for conflict resolution ----------------------------------------------------------
    def element_versions(
        self, keys: Iterable[ElementKey], cancel: Optional[CancelCheck] = None
    ) -> Dict[ElementKey, Tuple[int, bool]]:
        """``{(type, id): (current version, visible)}`` via the multi-fetch calls.

        Elements the server does not know are left out.
        """
        by_type: Dict[str, List[int]] = {}
        for kind, element_id in keys:
            if element_id > 0:
                by_type.setdefault(kind, []).append(element_id)
        result: Dict[ElementKey, Tuple[int, bool]] = {}
        for kind, ids in by_type.items():
            ids = sorted(set(ids))
            for start in range(0, len(ids), 500):
                part = ids[start : start + 500]
                plural = kind + "s"
                try:
                    response = self._call(
                        "GET", plural, params={plural: ",".join(map(str, part))}, cancel=cancel
                    )
                except NotFound:
                    # one unknown id fails the whole call: fall back to one by one
                    for element_id in part:
                        found = self._single_version(kind, element_id, cancel)
                        if found is not None:
                            result[(kind, element_id)] = found
                    continue
                root = parse_xml(response.content, response.url)
                for element in root:
                    if element.tag == kind:
                        result[(kind, int(element.get("id")))] = (
                            int(element.get("version")),
                            element.get("visible") != "false",
                        )
        return result

    def _single_version(self, kind, element_id, cancel) -> Optional[Tuple[int, bool]]:
        try:
            response = self._call("GET", f"{kind}/{element_id}/history", cancel=cancel)
        except NotFound:
            return None
        root = parse_xml(response.content, response.url)
        versions = [e for e in root if e.tag == kind]
        if not versions:
            return None
        last = max(versions, key=lambda e: int(e.get("version")))
        return int(last.get("version")), last.get("visible") != "false"

    def element_full(
        self, kind: str, element_id: int, cancel: Optional[CancelCheck] = None
    ) -> Optional[bytes]:
        """The OSM XML of an element with what it needs (``/full`` for ways and relations).

        ``None`` when the element is deleted (410) or unknown (404).
        """
        path = f"{kind}/{element_id}" + ("" if kind == NODE else "/full")
        try:
            return self._call("GET", path, cancel=cancel).content
        except (Gone, NotFound):
            return None


__all__ = [
    "ApiError",
    "BadRequest",
    "Capabilities",
    "ChangedElement",
    "ChangesetClosed",
    "ChangesetInfo",
    "ChangesetLocked",
    "ChangesetRefused",
    "Gone",
    "NotAuthorized",
    "NotFound",
    "OsmApi",
    "PreconditionFailed",
    "TooLarge",
    "VersionConflict",
    "map_error",
]


# ---------------------------------------------------------------------------------------------
# The logged-in user
# ---------------------------------------------------------------------------------------------

USER_DETAILS_MAX_BYTES = 256 * 1024  # a user's details are a few hundred bytes (a long profile)


@dataclass(frozen=True)
class UserDetails:
    id: int
    display_name: str


class LoginExpired(NotAuthorized):
    """401 on ``/user/details``: the token is unknown to the server (revoked, or another
    server's)."""


def parse_user_details(content: bytes, url: str = "") -> UserDetails:
    """The id and display name of ``<osm><user id display_name …>`` (the Rails port's answer)."""
    root = parse_xml(content, url)
    user = root.find("user") if root.tag == "osm" else None
    try:
        ident = int(user.get("id", "")) if user is not None else 0
    except ValueError:
        ident = 0
    name = (user.get("display_name") or "").strip() if user is not None else ""
    if ident <= 0 or not name:
        raise BadPayload(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "The server at {url} did not name the logged-in user (no <user> with an id and "
                "a display name).",
            ),
            url=url,
        )
    return UserDetails(ident, name)


def user_details(
    transport: HttpTransport,
    token: str,
    api_url: str,
    cancel: Optional[CancelCheck] = None,
) -> UserDetails:
    """The account ``token`` logs in to (``GET /api/0.6/user/details``, Rails port only; needs
    ``read_prefs``). The answer is bounded in size; 401 is :class:`LoginExpired`."""
    url = f"{api_url.rstrip('/')}/user/details"
    response = transport.request(
        "GET",
        url,
        headers={"Authorization": f"Bearer {token}", "Accept": "application/xml"},
        cancel=cancel,
        check=False,
        max_bytes=USER_DETAILS_MAX_BYTES,
    )
    try:
        raise_for_status(response)
    except HttpError as exc:
        if exc.status == 401:
            raise LoginExpired(
                QT_TRANSLATE_NOOP(
                    "OsmRoundtripErrors",
                    "The server does not know this login (HTTP 401): the login has expired or "
                    "was revoked. Log in again.",
                ),
                exc.status,
                exc.body,
                exc.headers,
            ) from None
        if exc.status == 403:
            raise NotAuthorized(
                QT_TRANSLATE_NOOP(
                    "OsmRoundtripErrors",
                    "The server does not show the account of this login (HTTP 403): {body}",
                ),
                exc.status,
                exc.body,
                exc.headers,
            ) from None
        if exc.status in NOT_SERVED:
            raise NotFound(
                QT_TRANSLATE_NOOP(
                    "OsmRoundtripErrors",
                    "The server {url} does not tell the account name (HTTP {status}); the login "
                    "itself is kept.",
                ),
                exc.status,
                exc.body,
                exc.headers,
                url=api_url,
            ) from None
        raise
    return parse_user_details(response.content, response.url or url)
