"""Streaming, hardened reader of OSM XML (API 0.6 answers and local ``.osm`` files).

The document is parsed with lxml's *target* interface: libxml2 tokenises the input in C and calls
:meth:`_Builder.start` for every start tag, so no element tree is ever built and memory stays
proportional to the data set, not to the document. The parser is hardened: a document type
declaration is refused outright (so there is no DTD, no entity declaration and no entity
expansion), external resources are never fetched (``no_network``), and libxml2's limits for huge
documents stay on. A broken or truncated document raises :class:`OsmXmlError` naming the line and
column.

The data itself follows these rules (each named in the error, with the element):

* a node outside latitude -90…90 / longitude -180…180, with a NaN coordinate, or without
  coordinates (unless deleted) is an error; so is an id beyond 64 bits;
* an element with ``visible="false"`` is deleted: it is not loaded as live data;
* an element that appears twice keeps its highest version, whatever the order.
"""

from __future__ import annotations

import gc
import io
import os
from typing import Callable, Optional, Union

from lxml import etree

from ..errors import CONTEXT, QT_TRANSLATE_NOOP, BadPayload, Cancelled
from .model import SCALE, DataSet, Member, Node, Relation, Way, keep_latest

CHUNK = 1 << 20
MAX_ID = (1 << 63) - 1  # OSM ids are 64-bit signed integers (SQLite's INTEGER too)
ProgressCallback = Callable[[int, int, str], None]

__all__ = ["OsmXmlError", "load_osm_file", "parse_osm_bytes", "parse_osm_stream"]


class OsmXmlError(BadPayload):
    """The OSM document cannot be read (not XML, truncated, not an ``<osm>`` document)."""


def _make_parser(target) -> etree.XMLParser:
    return etree.XMLParser(
        target=target,
        # The predefined entities (&amp; ...) must be decoded. Nothing else can be expanded:
        # a document type declaration, the only place entities can be declared, is refused.
        resolve_entities=True,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _coord(text: str) -> float:
    """A coordinate with more than 7 decimals, rounded the way the OSM database stores it."""
    return round(float(text) * SCALE) / SCALE


_new = object.__new__


class _Builder:
    """lxml parser target that turns start tags into model elements."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.dataset = DataSet()
        self.nodes = self.dataset.nodes
        self.ways = self.dataset.ways
        self.relations = self.dataset.relations
        self.root: Optional[str] = None
        self.tags: dict = {}
        self.nds: list = []
        self.members: list = []
        self.nd_append = self.nds.append
        self.last = None  # attributes of the last node, way or relation started
        self.kind = ""
        self.error: Optional[Exception] = None
        self.deleted: dict = {}  # (type, id) -> version of a visible="false" element

    # libxml2 reports <!DOCTYPE ...> here, before any entity could be declared or expanded.
    def doctype(self, name, public_id, system_url) -> None:
        if (name or "").lower() == "html":
            self.error = _html_error(self.source)
            raise self.error
        self.error = OsmXmlError(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "The OSM data from {source} declares a document type (DTD), which is not "
                "accepted for security reasons.",
            ),
            source=self.source,
        )
        raise self.error

    def start(self, tag: str, attrib) -> None:
        # Ordered by frequency: <nd>, <node> and <tag> are the most common elements. Optional
        # attributes are looked up only when the element has more than the required ones
        # (files without metadata have just id, lat and lon).
        if tag == "nd":
            self.nd_append(int(attrib["ref"]))
        elif tag == "node":
            node = _new(Node)
            self.last, self.kind = attrib, "node"  # named in error messages
            node.id = int(attrib["id"])
            if node.id > MAX_ID or node.id < -MAX_ID:
                self._fail_id()
            get = attrib.get
            lat, lon = get("lat"), get("lon")
            node.tags = self.tags = {}
            if len(attrib) == 3 and lat is not None and lon is not None:  # only id, lat, lon
                node.version = node.changeset = node.uid = 0
                node.visible = True
                node.timestamp = node.user = ""
            else:
                node.visible = get("visible") != "false"
                if lat is None or lon is None:
                    if node.visible:
                        self._fail(
                            QT_TRANSLATE_NOOP(
                                CONTEXT,
                                "The OSM data from {source} has {element} without coordinates.",
                            )
                        )
                    lat = lon = "0"
                version = get("version")
                node.version = int(version) if version else 0
                changeset = get("changeset")
                node.changeset = int(changeset) if changeset else 0
                node.timestamp = get("timestamp", "")
                node.user = get("user", "")
                uid = get("uid")
                node.uid = int(uid) if uid else 0
            # at most 7 decimals (as the API writes them) unless a "." comes before the last 8
            node.lat = float(lat) if "." not in lat[:-8] else _coord(lat)
            node.lon = float(lon) if "." not in lon[:-8] else _coord(lon)
            if not (-90.0 <= node.lat <= 90.0 and -180.0 <= node.lon <= 180.0):
                self._fail(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "The OSM data from {source} has {element} at an impossible position "
                        "(lat {lat}, lon {lon}).",
                    ),
                    lat=lat,
                    lon=lon,
                )
            keep_latest(self.nodes, self.deleted, node)
        elif tag == "tag":
            self.tags[attrib["k"]] = attrib["v"]
        elif tag == "member":
            self.members.append(Member(attrib["type"], int(attrib["ref"]), attrib.get("role", "")))
        elif tag == "way":
            way = self._element(_new(Way), attrib, self.ways)
            way.nodes = nds = []
            self.nd_append = nds.append
        elif tag == "relation":
            relation = self._element(_new(Relation), attrib, self.relations)
            relation.members = self.members = []
        elif self.root is None:
            self.root = tag
            if tag == "html":
                self.error = _html_error(self.source)
                raise self.error
            if tag != "osm":
                self.error = OsmXmlError(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "The data from {source} is not an OSM document (it starts with <{tag}>).",
                    ),
                    source=self.source,
                    tag=tag,
                )
                raise self.error
        elif tag == "bounds":
            box = (
                float(attrib["minlon"]),
                float(attrib["minlat"]),
                float(attrib["maxlon"]),
                float(attrib["maxlat"]),
            )
            if box not in self.dataset.bounds:
                self.dataset.bounds.append(box)

    def _element(self, element, attrib, table: dict):
        get = attrib.get
        self.last, self.kind = attrib, element.type
        element.id = int(attrib["id"])
        if element.id > MAX_ID or element.id < -MAX_ID:
            self._fail_id()
        version = get("version")
        element.version = int(version) if version else 0
        element.tags = self.tags = {}
        element.visible = get("visible") != "false"
        changeset = get("changeset")
        element.changeset = int(changeset) if changeset else 0
        element.timestamp = get("timestamp", "")
        element.user = get("user", "")
        uid = get("uid")
        element.uid = int(uid) if uid else 0
        keep_latest(table, self.deleted, element)
        return element

    def _fail(self, template: str, **params) -> None:
        self.error = OsmXmlError(template, source=self.source, element=_describe(self), **params)
        raise self.error

    def _fail_id(self) -> None:
        self._fail(
            QT_TRANSLATE_NOOP(
                CONTEXT, "The OSM data from {source} has {element}, an id beyond 64 bits."
            )
        )

    def close(self) -> DataSet:
        if self.error is not None:
            raise self.error
        if self.root is None:
            raise OsmXmlError(
                QT_TRANSLATE_NOOP(CONTEXT, "The OSM data from {source} is empty."),
                source=self.source,
            )
        return self.dataset


def _syntax_error(exc: etree.XMLSyntaxError, source: str) -> OsmXmlError:
    line, column = exc.position if exc.position else (exc.lineno or 0, 0)
    reason = (exc.msg or str(exc)).split(", line ")[0]
    return OsmXmlError(
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "The OSM data from {source} is not valid XML at line {line}, column {column}: {reason}",
        ),
        source=source,
        line=line,
        column=column,
        reason=reason,
    )


def _invalid_value(builder: _Builder, exc: Exception) -> OsmXmlError:
    return OsmXmlError(
        QT_TRANSLATE_NOOP(
            CONTEXT, "The OSM data from {source} has an invalid value in {element}: {reason}"
        ),
        source=builder.source,
        element=_describe(builder),
        reason=f"missing attribute {exc}" if isinstance(exc, KeyError) else str(exc),
    )


def _describe(builder: _Builder) -> str:
    if builder.last is None:
        return "the document"
    return f"{builder.kind} {builder.last.get('id', '?')}"


def parse_osm_stream(
    stream: io.RawIOBase,
    source: str = "",
    *,
    cancel: Optional[Callable[[], bool]] = None,
    progress: Optional[ProgressCallback] = None,
    total: int = 0,
) -> DataSet:
    """Parse an OSM XML document from a binary stream, chunk by chunk.

    ``cancel`` is checked between chunks (raising :class:`Cancelled`); ``progress(done_bytes,
    total, message)`` is called after each chunk when given.
    """
    builder = _Builder(source)
    parser = _make_parser(builder)
    done = 0
    gc_enabled = gc.isenabled()
    gc.disable()  # the collector would rescan the many new elements again and again
    try:
        while True:
            chunk = stream.read(CHUNK)
            if not chunk:
                break
            parser.feed(chunk)
            done += len(chunk)
            if cancel is not None and cancel():
                raise Cancelled()
            if progress is not None:
                progress(done, total, "")
        return parser.close()
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, source) from None
    except (KeyError, ValueError, TypeError) as exc:
        raise _invalid_value(builder, exc) from None
    finally:
        if gc_enabled:
            gc.enable()


def _html_error(source: str) -> OsmXmlError:
    return OsmXmlError(
        QT_TRANSLATE_NOOP(
            CONTEXT, "The server at {source} answered with a web page instead of OSM data."
        ),
        source=source,
    )


def parse_osm_bytes(content: bytes, source: str = "") -> DataSet:
    """Parse an OSM XML document held in memory (an API answer)."""
    head = content[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        raise _html_error(source)
    return parse_osm_stream(io.BytesIO(content), source)


def unreadable(error_type: type, name: str, error: OSError):
    """The ``error_type`` for a local file ``name`` the system cannot read."""
    return error_type(
        QT_TRANSLATE_NOOP(CONTEXT, "Could not read the file {source}: {reason}"),
        source=name,
        reason=error.strerror or str(error),
    )


def read_local_file(
    path: Union[str, os.PathLike],
    parse: Callable[..., DataSet],
    error_type: type,
    *,
    cancel: Optional[Callable[[], bool]] = None,
    progress: Optional[ProgressCallback] = None,
) -> DataSet:
    """Open a local file and read it with ``parse(stream, name, cancel=, progress=, total=)``;
    a file that cannot be read raises ``error_type`` naming it (the XML and the PBF reader)."""
    path = os.fspath(path)
    name = os.path.basename(path)
    try:
        total = os.path.getsize(path)
        with open(path, "rb") as stream:
            return parse(stream, name, cancel=cancel, progress=progress, total=total)
    except OSError as exc:
        raise unreadable(error_type, name, exc) from None


def load_osm_file(
    path: Union[str, os.PathLike],
    *,
    cancel: Optional[Callable[[], bool]] = None,
    progress: Optional[ProgressCallback] = None,
) -> DataSet:
    """Read a local ``.osm`` file (OSM XML) into a :class:`DataSet`."""
    return read_local_file(path, parse_osm_stream, OsmXmlError, cancel=cancel, progress=progress)
