"""Reading osmChange documents the way CGImap does (``osmchange_xml_input_format.hpp``).

The document is parsed with lxml (libxml2, as in production; entities are not resolved and no
network access happens), then walked in document order, emitting the same errors with the same
texts as production. Errors that production raises as "payload errors" get
`` at line L, column C`` appended, L/C being libxml2's position at the time of the SAX callback:
for a start tag the ``>`` (or the ``/`` of ``/>``), for an end tag the character after it.
"""

from __future__ import annotations

import bisect
import math
import re
from typing import Callable, Iterator

from lxml import etree

from .errors import ApiError, PayloadError

MAX_WAY_NODES = 2000
MAX_RELATION_MEMBERS = 32000
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1

_PARSER_OPTS = dict(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)

_INT_RE = re.compile(r"-?\d+")
_FLOAT_RE = re.compile(
    r"-?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan(?:\([0-9A-Za-z_]*\))?)",
    re.IGNORECASE,
)


def from_chars_int(text: str, what: str) -> int:
    """``std::from_chars`` for int64: a numeric prefix is enough; texts as CGImap words them."""
    m = _INT_RE.match(text)
    if not m:
        raise PayloadError(f"{what[0]} is not numeric")
    value = int(m.group())
    if not INT64_MIN <= value <= INT64_MAX:
        raise PayloadError(what[1])
    return value


def from_chars_float(text: str, name: str) -> float:
    m = _FLOAT_RE.match(text)
    if not m:
        raise PayloadError(f"{name} is not numeric")
    token = m.group()
    value = float(re.sub(r"\(.*\)", "", token))
    if math.isinf(value) and "inf" not in token.lower():
        raise PayloadError(f"{name} value is too large")
    return value


class OsmObject:
    __slots__ = ("changeset", "id", "kind", "lat", "lon", "members", "nds", "tags", "version")

    def __init__(self, kind: str):
        self.kind = kind
        self.id: int | None = None
        self.changeset: int | None = None
        self.version: int | None = None
        self.lat: float | None = None
        self.lon: float | None = None
        self.tags: dict[str, str] = {}
        self.nds: list[int] = []
        self.members: list[tuple[str, int, str]] = []

    def label(self) -> str:
        return f"{self.kind.capitalize()} {self.id if self.id is not None else 0}"

    def add_tag(self, k: str, v: str) -> None:
        if not k:
            raise PayloadError(f"Key may not be empty in {self.label()}")
        if len(k) > 255:
            raise PayloadError(f"Key has more than 255 unicode characters in {self.label()}")
        if len(v) > 255:
            raise PayloadError(f"Value has more than 255 unicode characters in {self.label()}")
        if k in self.tags:
            raise PayloadError(f"{self.label()} has duplicate tags with key {k}")
        self.tags[k] = v


# --------------------------------------------------------------------------------------------
# Source positions


_TOKEN_RE = re.compile(
    r"<!--.*?-->|<\?.*?\?>|<!\[CDATA\[.*?\]\]>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    r"|</[^\s>]+\s*>"
    r"|<[^\s/>!?]+(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.DOTALL,
)


class _Positions:
    """libxml2's line/column at each start and end callback, per element in document order."""

    def __init__(self, data: bytes, count: int):
        text = data.decode("utf-8", errors="replace")
        if text.startswith("\ufeff"):
            text = text[1:]
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        starts: list[int] = []
        ends: list[int | None] = []
        stack: list[int] = []
        for m in _TOKEN_RE.finditer(text):
            tok = m.group()
            if tok.startswith(("<!", "<?")):
                continue
            if tok.startswith("</"):
                if stack:
                    ends[stack.pop()] = m.end()
                continue
            empty = tok.endswith("/>")
            starts.append(m.end() - (2 if empty else 1))
            ends.append(m.end() if empty else None)
            if not empty:
                stack.append(len(starts) - 1)
        self.valid = len(starts) == count
        self.starts = starts
        self.ends = ends

    def where(self, offset: int | None) -> str:
        if offset is None:
            return ""
        line = bisect.bisect_right(self.line_starts, offset)
        col = offset - self.line_starts[line - 1] + 1
        return f" at line {line}, column {col}"

    def start(self, index: int) -> str:
        return self.where(self.starts[index]) if self.valid else ""

    def end(self, index: int) -> str:
        return self.where(self.ends[index]) if self.valid else ""


# --------------------------------------------------------------------------------------------
# The walk


def _name(el) -> str:
    q = etree.QName(el)
    return f"{el.prefix}:{q.localname}" if el.prefix else q.localname


def _children(el) -> Iterator:
    for child in el:
        if isinstance(child.tag, str):
            yield child


Callback = Callable[[OsmObject, str, bool], None]


def parse_osmchange(data: bytes, process: Callback) -> None:
    """Parse ``data`` and call ``process(obj, operation, if_unused)`` for each element in
    document order. Raises :class:`ApiError` (payload errors with their position)."""
    if not data.strip():
        raise ApiError(400, "Fatal error: Document is empty")
    parser = etree.XMLParser(**_PARSER_OPTS)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        log = parser.error_log
        entries = [e for e in log if e.level_name == "FATAL"] or list(log)
        message = entries[0].message if entries else str(exc)
        raise ApiError(400, f"Fatal error: {message}") from None
    except ValueError as exc:  # e.g. a str with an encoding declaration
        raise ApiError(400, f"Fatal error: {exc}") from None
    if root is None:
        raise ApiError(400, "Fatal error: Document is empty")
    index = {el: i for i, el in enumerate(root.iter(etree.Element))}
    pos = _Positions(data, len(index))
    _Walker(index, pos, process).walk(root)


class _Walker:
    def __init__(self, index: dict, pos: _Positions, process: Callback):
        self.index = index
        self.pos = pos
        self.process = process

    def fail_at_start(self, el, exc: PayloadError) -> PayloadError:
        return PayloadError(exc.message + self.pos.start(self.index[el]))

    def walk(self, root) -> None:
        name = _name(root)
        if name != "osmChange":
            raise self.fail_at_start(
                root, PayloadError(f"Unknown top-level element {name}, expecting osmChange")
            )
        for block in _children(root):
            bname = _name(block)
            if_unused = False
            if bname in ("create", "modify"):
                op = bname
            elif bname == "delete":
                op = "delete"
                if_unused = "if-unused" in block.attrib
            else:
                raise self.fail_at_start(
                    block,
                    PayloadError(f"Unknown action {bname}, choices are create, modify, delete"),
                )
            for el in _children(block):
                self.element(el, op, if_unused)

    def element(self, el, op: str, if_unused: bool) -> None:
        kind = _name(el)
        if kind not in ("node", "way", "relation"):
            raise self.fail_at_start(
                el, PayloadError(f"Unknown element {kind}, expecting node, way or relation")
            )
        obj = OsmObject(kind)
        try:
            self.init_object(obj, el, op)
        except PayloadError as exc:
            raise self.fail_at_start(el, exc) from None
        for child in _children(el):
            cname = _name(child)
            try:
                if kind == "node":
                    if cname == "tag":
                        self.add_tag(obj, child)
                elif kind == "way":
                    if cname == "nd":
                        self.add_nd(obj, child)
                    elif cname == "tag":
                        self.add_tag(obj, child)
                elif cname == "member":
                    self.add_member(obj, child)
                elif cname == "tag":
                    self.add_tag(obj, child)
            except PayloadError as exc:
                raise self.fail_at_start(child, exc) from None
            for grandchild in _children(child):
                raise self.fail_at_start(grandchild, PayloadError("xml file nested too deep"))
        self.check_valid(obj, op, el)
        self.process(obj, op, if_unused)

    @staticmethod
    def init_object(obj: OsmObject, el, op: str) -> None:
        for name, value in el.attrib.items():
            if name == "id":
                ident = from_chars_int(value, ("Id", "Id number is too large"))
                if ident == 0:
                    raise PayloadError("Id must be different from 0")
                obj.id = ident
            elif name == "changeset":
                cs = from_chars_int(value, ("Changeset", "Changeset number is too large"))
                if cs <= 0:
                    raise PayloadError("Changeset must be a positive number")
                obj.changeset = cs
            elif name == "version":
                version = from_chars_int(value, ("Version", "Version value is too large"))
                if version < 0:
                    raise PayloadError("Version may not be negative")
                obj.version = version
        if obj.id is None:
            raise PayloadError("Mandatory field id missing in object")
        if obj.changeset is None:
            raise PayloadError(f"Changeset id is missing for {obj.label()}")
        if op == "create":
            obj.version = 0
        else:
            if obj.version is None:
                raise PayloadError(f"Version is required when updating {obj.label()}")
            if obj.version < 1:
                raise PayloadError(f"Invalid version number {obj.version} in {obj.label()}")
        if obj.kind == "node":
            for name, value in el.attrib.items():
                if name == "lon":
                    lon = from_chars_float(value, "Longitude")
                    if lon < -180.0 or lon > 180.0:
                        raise PayloadError("Longitude outside of valid range")
                    if not math.isfinite(lon):
                        raise PayloadError("Longitude not a valid finite number")
                    obj.lon = lon
                elif name == "lat":
                    lat = from_chars_float(value, "Latitude")
                    if lat < -90.0 or lat > 90.0:
                        raise PayloadError("Latitude outside of valid range")
                    if not math.isfinite(lat):
                        raise PayloadError("Latitude not a valid finite number")
                    obj.lat = lat

    @staticmethod
    def add_tag(obj: OsmObject, el) -> None:
        k = el.attrib.get("k")
        v = el.attrib.get("v")
        if k is None:
            raise PayloadError(f"Mandatory field k missing in tag element for {obj.label()}")
        if v is None:
            raise PayloadError(f"Mandatory field v missing in tag element for {obj.label()}")
        obj.add_tag(k, v)

    @staticmethod
    def add_nd(obj: OsmObject, el) -> None:
        ref = el.attrib.get("ref")
        if ref is None:
            raise PayloadError(f"Missing mandatory ref field on way node {obj.label()}")
        value = from_chars_int(ref, ("Way node", "Way node value is too large"))
        if value == 0:
            raise PayloadError("Way node value may not be 0")
        obj.nds.append(value)

    @staticmethod
    def add_member(obj: OsmObject, el) -> None:
        mtype = ref = None
        role = ""
        for name, value in el.attrib.items():
            if name == "type":
                low = value.lower()
                if low not in ("node", "way", "relation"):
                    raise PayloadError(f"Invalid type {value} in member relation")
                mtype = low
            elif name == "ref":
                ref = from_chars_int(
                    value,
                    (
                        "Relation member 'ref' attribute",
                        "Relation member 'ref' attribute value is too large",
                    ),
                )
                if ref == 0:
                    raise PayloadError("Relation member 'ref' attribute may not be 0")
            elif name == "role":
                if len(value) > 255:
                    raise PayloadError("Relation Role has more than 255 unicode characters")
                role = value
        if mtype is None:
            raise PayloadError("Missing 'type' attribute in Relation member")
        if ref is None:
            raise PayloadError("Missing 'ref' attribute in Relation member")
        obj.members.append((mtype, ref, role))

    def check_valid(self, obj: OsmObject, op: str, el) -> None:
        where = self.pos.end(self.index[el])
        if op != "delete":
            if obj.kind == "way":
                if not obj.nds:
                    raise ApiError(
                        412, f"Precondition failed: Way {obj.id} must have at least one node"
                    )
                if len(obj.nds) > MAX_WAY_NODES:
                    raise ApiError(
                        400,
                        f"You tried to add {len(obj.nds)} nodes to way {obj.id}, however only "
                        f"{MAX_WAY_NODES} are allowed",
                    )
            elif obj.kind == "relation" and len(obj.members) > MAX_RELATION_MEMBERS:
                raise ApiError(
                    400,
                    f"You tried to add {len(obj.members)} members to relation {obj.id}, however"
                    f" only {MAX_RELATION_MEMBERS} are allowed",
                )
        if op == "create" and obj.id >= 0:
            raise PayloadError("Placeholder IDs must be negative for created elements." + where)
        if obj.kind == "node" and op != "delete" and (obj.lat is None or obj.lon is None):
            raise PayloadError(f"{obj.label()} does not include all mandatory fields{where}")
