"""osmChange documents: build (lxml), validate, split into uploads, read diffResults.

The upload of :class:`~.diff.OsmChanges` goes:

1. :func:`validate` — every problem the server would refuse, listed at once;
2. :func:`split_chunks` — uploads of at most ``maximum_elements`` elements, each self-contained:
   a created element is in the same or an earlier chunk than everything that references it;
3. per chunk: :func:`build` with the changeset id → ``POST …/upload`` → :func:`parse_diff_result`
   → :func:`apply_diff_result`, which maps the placeholders of the later chunks to the new ids
   and returns the :class:`IdMap` the layers need (new ids, new versions, deletes done/skipped).

:func:`write_osc` exports without uploading ("Save as .osc"; no changeset id, which osmium and
JOSM read fine) and :func:`parse_osc` reads such a file back.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, List, NamedTuple, Optional, Sequence, Set, Tuple, Union

from lxml import etree

from ..errors import CONTEXT, QT_TRANSLATE_NOOP, BadPayload, ValidationError, translate
from ..version import PLUGIN_NAME, PLUGIN_VERSION
from .diff import CREATE, DELETE, MODIFY, Change, Note, OsmChanges, gc_paused, label
from .model import NODE, RELATION, WAY, Element, Member, Node, Relation, Way

GENERATOR = f"{PLUGIN_NAME} {PLUGIN_VERSION}"
MAX_TAG_LENGTH = 255
ElementKey = Tuple[str, int]
_TYPE_RANK = {NODE: 0, WAY: 1, RELATION: 2}
# Characters the API refuses in tags (app/validators/characters_validator.rb)
_INVALID_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


@dataclass
class Limits:
    """The server's limits (same attribute names as ``api.Capabilities``, which can be passed)."""

    waynodes: int = 2000
    relationmembers: int = 32000
    max_elements: int = 10000


class ChangesInvalid(ValidationError):
    """The changes break rules of the API; ``problems`` lists each (translatable) problem."""

    def __init__(self, problems: List[Note]) -> None:
        self.problems = problems
        shown = problems[:50]
        details = "\n".join(f"- {p.message}" for p in shown)
        if len(problems) > len(shown):
            details += f"\n- … ({len(problems) - len(shown)} more)"
        super().__init__(
            translate(
                CONTEXT,
                "The changes cannot be uploaded (%n problems):\n{details}",
                None,
                len(problems),
            ),
            n=len(problems),
            details=details,
        )

    def translated(self, translate) -> str:
        details = "\n".join(f"- {p.translated(translate)}" for p in self.problems[:50])
        count = len(self.problems)
        text = translate(CONTEXT, self.template, None, count).replace("%n", str(count))
        return text.format(details=details)


# ---------------------------------------------------------------------------------------------
# Order
# ---------------------------------------------------------------------------------------------


def _relations_topological(changes: List[Change]) -> List[Change]:
    """Relations ordered so that a relation comes after the relations it has as members;
    otherwise in input order (a cycle is broken where it is entered)."""
    by_id = {c.element.id: c for c in changes}
    order: List[Change] = []
    state: Dict[int, int] = {}  # 1 visiting, 2 done
    for start in changes:
        if state.get(start.element.id):
            continue
        stack = [(start, iter(_child_relations(start.element, by_id)))]
        state[start.element.id] = 1
        while stack:
            change, children = stack[-1]
            for child in children:
                if not state.get(child):
                    state[child] = 1
                    stack.append(
                        (by_id[child], iter(_child_relations(by_id[child].element, by_id)))
                    )
                    break
            else:
                stack.pop()
                state[change.element.id] = 2
                order.append(change)
    return order


def _child_relations(element: Element, by_id: Dict[int, Change]) -> List[int]:
    return [
        m.ref
        for m in getattr(element, "members", ())
        if m.type == RELATION and m.ref in by_id and m.ref != element.id
    ]


def ordered(changes: OsmChanges) -> List[Change]:
    """All changes in upload order: creates (nodes, ways, relations topologically), modifies
    (nodes, ways, relations), deletes (relations parents first, ways, nodes)."""
    result: List[Change] = []
    for action, group in (
        (CREATE, changes.creates),
        (MODIFY, changes.modifies),
        (DELETE, changes.deletes),
    ):
        by_type: Dict[str, List[Change]] = {NODE: [], WAY: [], RELATION: []}
        for change in group:
            by_type[change.element.type].append(change)
        if action in (CREATE, MODIFY):
            result += by_type[NODE] + by_type[WAY]
            result += _relations_topological(by_type[RELATION])
        else:
            parents_last = _relations_topological(by_type[RELATION][::-1])
            result += parents_last[::-1]
            # plain deletes before if-unused ones, so that each type needs at most two blocks
            result += sorted(by_type[WAY], key=lambda c: c.if_unused)
            result += sorted(by_type[NODE], key=lambda c: c.if_unused)
    return result


# ---------------------------------------------------------------------------------------------
# Build and write
# ---------------------------------------------------------------------------------------------


# Serialised as libxml2 does (the document is byte for byte what ``etree.tostring(...,
# pretty_print=True)`` of the same tree gives); characters XML cannot hold raise the ValueError
# lxml raises for them.
_ATTR_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\t": "&#9;",
        "\n": "&#10;",
        "\r": "&#13;",
    }
)
_NOT_XML = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
_ATTR_SPECIAL = re.compile(f'[&<>"\t\n\r{_NOT_XML}]')
_NOT_XML_CHAR = re.compile(f"[{_NOT_XML}]")


def _attr(value: str) -> str:
    """An attribute value, escaped."""
    if _ATTR_SPECIAL.search(value) is None:
        return value
    if _NOT_XML_CHAR.search(value) is not None:
        raise ValueError(
            "All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control "
            "characters"
        )
    return value.translate(_ATTR_ESCAPES)


def _tags_xml(out: List[str], tags: Dict[str, str]) -> None:
    for k in sorted(tags):
        out.append(f'      <tag k="{_attr(k)}" v="{_attr(tags[k])}"/>\n')


def _element_xml(out: List[str], change: Change, changeset: str) -> None:
    """Append one element (indented as the third level of the document) to ``out``."""
    element = change.element
    kind = element.type
    action = change.action
    head = f'    <{kind} id="{element.id}"'
    if action != CREATE:
        head += f' version="{element.version}"'
    head += changeset
    if action == DELETE:
        out.append(head + "/>\n")
        return
    tags = element.tags
    if kind == NODE:
        head += f' lat="{element.lat:.7f}" lon="{element.lon:.7f}"'  # type: ignore[attr-defined]
        if not tags:
            out.append(head + "/>\n")
            return
        out.append(head + ">\n")
    elif kind == WAY:
        refs = element.nodes  # type: ignore[attr-defined]
        if not refs and not tags:
            out.append(head + "/>\n")
            return
        out.append(head + ">\n")
        out.extend([f'      <nd ref="{ref}"/>\n' for ref in refs])
    else:
        members = element.members  # type: ignore[attr-defined]
        if not members and not tags:
            out.append(head + "/>\n")
            return
        out.append(head + ">\n")
        out.extend(
            [
                f'      <member type="{_attr(m.type)}" ref="{m.ref}" role="{_attr(m.role)}"/>\n'
                for m in members
            ]
        )
    if tags:
        _tags_xml(out, tags)
    out.append(f"    </{kind}>\n")


def build(changes: OsmChanges, changeset_id: Optional[int], generator: str = GENERATOR) -> bytes:
    """The osmChange document (UTF-8 bytes) in upload order.

    ``changeset_id`` is written on every element; ``None`` leaves it out (files for review or
    for later upload). Deletes with ``if_unused`` go into ``<delete if-unused="true">`` blocks;
    consecutive elements of one action share a block.
    """
    with gc_paused():
        return _build(changes, _changeset_attribute(changeset_id), generator)


# Where the changeset id goes in a document built before the changeset exists: NUL can appear
# nowhere else in a document (``_attr`` refuses it in every string written).
_CHANGESET_SLOT = ' changeset="\x00"'


def build_for_changeset(changes: OsmChanges, generator: str = GENERATOR) -> Callable[[int], bytes]:
    """:func:`build` ahead of the changeset: returns ``document(changeset_id)``, which gives the
    bytes :func:`build` would give for that changeset."""
    with gc_paused():
        template = _build(changes, _CHANGESET_SLOT, generator)

    def document(changeset_id: int) -> bytes:
        return template.replace(b"\x00", b"%d" % int(changeset_id))

    return document


def _changeset_attribute(changeset_id: Optional[int]) -> str:
    return "" if changeset_id is None else f' changeset="{_attr(str(changeset_id))}"'


def _build(changes: OsmChanges, changeset: str, generator: str) -> bytes:
    """The document with ``changeset`` (the attribute, with its leading space) on every
    element."""
    out = [
        "<?xml version='1.0' encoding='UTF-8'?>\n",
        f'<osmChange version="0.6" generator="{_attr(generator)}"',
    ]
    block_kind = None
    for change in ordered(changes):
        action = change.action
        kind = (action, action == DELETE and change.if_unused)
        if kind != block_kind:
            if block_kind is None:
                out.append(">\n")
            else:
                out.append(f"  </{block_kind[0]}>\n")
            out.append(f'  <{action} if-unused="true">\n' if kind[1] else f"  <{action}>\n")
            block_kind = kind
        _element_xml(out, change, changeset)
    out.append("/>\n" if block_kind is None else f"  </{block_kind[0]}>\n</osmChange>\n")
    return "".join(out).encode("utf-8")


def write_osc(changes: OsmChanges, path, generator: str = GENERATOR) -> None:
    """Save the changes as an ``.osc`` file (no changeset id)."""
    with open(path, "wb") as handle:
        handle.write(build(changes, None, generator))


# ---------------------------------------------------------------------------------------------
# Read osmChange files
# ---------------------------------------------------------------------------------------------


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        remove_comments=True,
        huge_tree=True,
    )


def _bad(template: str, **params) -> BadPayload:
    return BadPayload(template, **params)


def _int(value: Optional[str], what: str) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise _bad(
            QT_TRANSLATE_NOOP(CONTEXT, "Invalid or missing {what} in the osmChange."), what=what
        ) from None


def parse_osc(data: Union[bytes, str]) -> OsmChanges:
    """Read an osmChange document (e.g. a file saved with :func:`write_osc`)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise _bad(
            QT_TRANSLATE_NOOP(CONTEXT, "The osmChange cannot be read: {reason}"), reason=str(exc)
        ) from None
    if root.tag != "osmChange":
        raise _bad(
            QT_TRANSLATE_NOOP(CONTEXT, "Not an osmChange document (root element {tag})."),
            tag=str(root.tag),
        )
    out = OsmChanges()
    lists = {CREATE: out.creates, MODIFY: out.modifies, DELETE: out.deletes}
    for block in root:
        if not isinstance(block.tag, str):
            continue
        if block.tag not in lists:
            raise _bad(
                QT_TRANSLATE_NOOP(CONTEXT, "Unknown osmChange action {action}."), action=block.tag
            )
        if_unused = block.get("if-unused") is not None
        for item in block:
            if not isinstance(item.tag, str):
                continue
            element = _parse_element(item)
            lists[block.tag].append(Change(block.tag, element, if_unused and block.tag == DELETE))
    return out


def _parse_element(item) -> Element:
    oid = _int(item.get("id"), "id")
    version = int(item.get("version") or 0)
    tags = {t.get("k", ""): t.get("v", "") for t in item.iter("tag")}
    if item.tag == NODE:
        lat = float(item.get("lat")) if item.get("lat") is not None else 0.0
        lon = float(item.get("lon")) if item.get("lon") is not None else 0.0
        return Node(oid, lat, lon, version, tags)
    if item.tag == WAY:
        return Way(oid, [_int(nd.get("ref"), "nd ref") for nd in item.iter("nd")], version, tags)
    if item.tag == RELATION:
        members = [
            Member(m.get("type", ""), _int(m.get("ref"), "member ref"), m.get("role", ""))
            for m in item.iter("member")
        ]
        return Relation(oid, members, version, tags)
    raise _bad(
        QT_TRANSLATE_NOOP(CONTEXT, "Unknown element {tag} in the osmChange."), tag=str(item.tag)
    )


# ---------------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------------


def validate(changes: OsmChanges, limits=None, comment: Optional[str] = "") -> None:
    """Raise :class:`ChangesInvalid` listing every problem the API would refuse.

    ``limits`` is a :class:`Limits` or ``api.Capabilities``; ``comment`` the changeset comment
    (required; pass ``None`` to skip that check, e.g. when only exporting a file).
    """
    problems = problems_of(changes, limits, comment)
    if problems:
        raise ChangesInvalid(problems)


def problems_of(changes: OsmChanges, limits=None, comment: Optional[str] = "") -> List[Note]:
    limits = limits or Limits()
    max_nodes = int(getattr(limits, "waynodes", 2000))
    max_members = int(getattr(limits, "relationmembers", 32000))
    problems: List[Note] = []

    def add(template: str, **params) -> None:
        problems.append(Note(template, **params))

    if comment is not None:
        if not comment.strip():
            add(QT_TRANSLATE_NOOP(CONTEXT, "A changeset comment is required."))
        else:
            _check_text(comment, add, "changeset", QT_TRANSLATE_NOOP(CONTEXT, "comment"))
    created: Dict[str, Set[int]] = {NODE: set(), WAY: set(), RELATION: set()}
    for change in changes.creates:
        created[change.element.type].add(change.element.id)
    seen: Set[Tuple[str, ElementKey]] = set()
    for change in ordered(changes):
        element = change.element
        name = label(element.type, element.id)
        key = (change.action, element.key)
        if key in seen:
            add(
                QT_TRANSLATE_NOOP(CONTEXT, "{element} appears twice in the {action} block."),
                element=name,
                action=change.action,
            )
        seen.add(key)
        if element.id == 0:
            add(QT_TRANSLATE_NOOP(CONTEXT, "{element}: id 0 is not allowed."), element=name)
        if change.action == CREATE and element.id > 0:
            add(
                QT_TRANSLATE_NOOP(CONTEXT, "{element}: new elements need a negative id."),
                element=name,
            )
        if change.action != CREATE and element.id > 0 and element.version < 1:
            add(QT_TRANSLATE_NOOP(CONTEXT, "{element}: the version is missing."), element=name)
        if change.action == DELETE:
            continue
        for k, v in element.tags.items():
            if k == "":
                add(
                    QT_TRANSLATE_NOOP(CONTEXT, "{element} has a tag with an empty key."),
                    element=name,
                )
            _check_text(k, add, name, QT_TRANSLATE_NOOP(CONTEXT, "key"))
            _check_text(v, add, name, QT_TRANSLATE_NOOP(CONTEXT, "value of {key}"), key=k)
        if element.type == NODE:
            lat, lon = element.lat, element.lon  # type: ignore[attr-defined]
            if not (_finite(lat) and _finite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
                add(
                    QT_TRANSLATE_NOOP(
                        CONTEXT, "{element} has invalid coordinates (lat {lat}, lon {lon})."
                    ),
                    element=name,
                    lat=lat,
                    lon=lon,
                )
        elif element.type == WAY:
            nodes = element.nodes  # type: ignore[attr-defined]
            if len(nodes) < 2:
                add(
                    QT_TRANSLATE_NOOP(
                        CONTEXT, "{element} has {count} nodes; a way needs at least 2."
                    ),
                    element=name,
                    count=len(nodes),
                )
            if len(nodes) > max_nodes:
                add(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "{element} has {count} nodes; the server allows {limit}. Split the line.",
                    ),
                    element=name,
                    count=len(nodes),
                    limit=max_nodes,
                )
            for ref in nodes:
                if ref == 0 or (ref < 0 and ref not in created[NODE]):
                    add(
                        QT_TRANSLATE_NOOP(
                            CONTEXT,
                            "{element} refers to node {ref}, which is not created in these "
                            "changes.",
                        ),
                        element=name,
                        ref=ref,
                    )
        else:
            members = element.members  # type: ignore[attr-defined]
            if len(members) > max_members:
                add(
                    QT_TRANSLATE_NOOP(
                        CONTEXT, "{element} has {count} members; the server allows {limit}."
                    ),
                    element=name,
                    count=len(members),
                    limit=max_members,
                )
            for m in members:
                if m.type not in (NODE, WAY, RELATION):
                    add(
                        QT_TRANSLATE_NOOP(
                            CONTEXT, "{element} has a member of unknown type {type}."
                        ),
                        element=name,
                        type=m.type,
                    )
                elif m.ref == 0 or (m.ref < 0 and m.ref not in created[m.type]):
                    add(
                        QT_TRANSLATE_NOOP(
                            CONTEXT,
                            "{element} refers to {member}, which is not created in these changes.",
                        ),
                        element=name,
                        member=label(m.type, m.ref),
                    )
                if len(m.role) > MAX_TAG_LENGTH:
                    add(
                        QT_TRANSLATE_NOOP(
                            CONTEXT, "{element}: a member role is longer than {limit} characters."
                        ),
                        element=name,
                        limit=MAX_TAG_LENGTH,
                    )
    return problems


def _finite(value) -> bool:
    return isinstance(value, (int, float)) and math.isfinite(value)


def _check_text(text: str, add, name: str, what: str, **params) -> None:
    what_text = Note(what, **params)
    if len(text) > MAX_TAG_LENGTH:
        add(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "{element}: the {what} is {length} characters long; at most {limit} are allowed.",
            ),
            element=name,
            what=what_text,
            length=len(text),
            limit=MAX_TAG_LENGTH,
        )
    if _INVALID_CHARS.search(text):
        add(
            QT_TRANSLATE_NOOP(CONTEXT, "{element}: the {what} contains control characters."),
            element=name,
            what=what_text,
        )


# ---------------------------------------------------------------------------------------------
# Chunks
# ---------------------------------------------------------------------------------------------


def split_chunks(changes: OsmChanges, max_elements: int) -> List[OsmChanges]:
    """Split into uploads of at most ``max_elements`` elements.

    Every created element travels with the first element that references it (a new way with its
    new nodes, a new multipolygon with its new ways), so each chunk is self-contained: it only
    references placeholders created in the same or an earlier chunk, which
    :func:`apply_diff_result` replaces by the real ids before the next upload. Deletes come last,
    in upload order (relations, ways, nodes), after every modify that stops using them.

    The chunks are new lists holding the given :class:`~.diff.Change` objects; nothing here or
    in :func:`apply_diff_result` changes those (a rewrite replaces the change in the chunk by a
    rewritten copy), so ``changes`` stays as the review showed it.
    """
    if max_elements < 1:
        raise ValueError("max_elements must be positive")
    order = ordered(changes)
    if len(order) <= max_elements:
        return [_regroup(order)] if order else []
    created = {c.element.key: c for c in order if c.action == CREATE}
    assigned: Set[ElementKey] = set()
    units: List[List[Change]] = []
    referenced: Set[ElementKey] = set()
    for change in order:
        if change.action != DELETE:
            referenced.update(_refs(change.element))
    for change in order:
        element = change.element
        key = (element.type, element.id)
        if change.action == CREATE and (key in referenced or key in assigned):
            continue  # travels with its first referrer
        if element.type == NODE:
            unit = [change]  # a node references nothing
        elif element.type == WAY:  # its new nodes (which reference nothing) first
            unit = []
            for ref in element.nodes:  # type: ignore[attr-defined]
                if ref < 0:
                    dep = created.get((NODE, ref))
                    if dep is not None and (NODE, ref) not in assigned:
                        assigned.add((NODE, ref))
                        unit.append(dep)
            unit.append(change)
        else:
            unit = []
            _pull(change, created, assigned, unit)
        if change.action == CREATE:
            assigned.add(key)
        units.append(unit)
    chunks: List[List[Change]] = []
    current: List[Change] = []
    for unit in units:
        if current and len(current) + len(unit) > max_elements:
            chunks.append(current)
            current = []
        while len(unit) > max_elements:  # a unit bigger than a chunk: dependencies first
            chunks.append(unit[:max_elements])
            unit = unit[max_elements:]
        current.extend(unit)
    if current:
        chunks.append(current)
    return [_regroup(chunk) for chunk in chunks]


def _regroup(changes: List[Change]) -> OsmChanges:
    return OsmChanges(
        [c for c in changes if c.action == CREATE],
        [c for c in changes if c.action == MODIFY],
        [c for c in changes if c.action == DELETE],
    )


def _refs(element: Element) -> Iterable[ElementKey]:
    if element.type == WAY:
        return ((NODE, r) for r in element.nodes if r < 0)  # type: ignore[attr-defined]
    if element.type == RELATION:
        return ((m.type, m.ref) for m in element.members if m.ref < 0)  # type: ignore[attr-defined]
    return ()


def _pull(
    change: Change, created: Dict[ElementKey, Change], assigned: Set[ElementKey], unit: List[Change]
) -> None:
    """Append the change after the created elements it needs that are not yet assigned."""
    stack = [(change, iter(list(_refs(change.element))))]
    if change.action == CREATE:
        assigned.add(change.element.key)
    while stack:
        current, refs = stack[-1]
        for ref in refs:
            dep = created.get(ref)
            if dep is not None and ref not in assigned:
                assigned.add(ref)
                stack.append((dep, iter(list(_refs(dep.element)))))
                break
        else:
            stack.pop()
            unit.append(current)


# ---------------------------------------------------------------------------------------------
# diffResult
# ---------------------------------------------------------------------------------------------


class DiffEntry(NamedTuple):
    type: str
    old_id: int
    new_id: Optional[int]  # None: deleted
    new_version: Optional[int]


def parse_diff_result(data: bytes) -> List[DiffEntry]:
    """The entries of a ``<diffResult>``, in document order."""
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise _bad(
            QT_TRANSLATE_NOOP(CONTEXT, "The upload result cannot be read: {reason}"),
            reason=str(exc),
        ) from None
    if root.tag != "diffResult":
        raise _bad(
            QT_TRANSLATE_NOOP(
                CONTEXT, "The upload result is not a diffResult (root element {tag})."
            ),
            tag=str(root.tag),
        )
    try:
        return _entries_fast(root)
    except (TypeError, ValueError, KeyError):
        pass  # comments, unknown elements, bad numbers: check one by one for the message
    entries = []
    for item in root:
        if not isinstance(item.tag, str):
            continue
        if item.tag not in (NODE, WAY, RELATION):
            raise _bad(
                QT_TRANSLATE_NOOP(CONTEXT, "Unknown element {tag} in the upload result."),
                tag=str(item.tag),
            )
        new_id = item.get("new_id")
        new_version = item.get("new_version")
        entries.append(
            DiffEntry(
                item.tag,
                _int(item.get("old_id"), "old_id"),
                _int(new_id, "new_id") if new_id is not None else None,
                _int(new_version, "new_version") if new_version is not None else None,
            )
        )
    return entries


_ENTRY_TYPES = {NODE: NODE, WAY: WAY, RELATION: RELATION}


def _entries_fast(root) -> List[DiffEntry]:
    """The entries when every child is an element with well-formed numbers; raises
    (``KeyError``, ``ValueError``, ``TypeError``) on anything else, which
    :func:`parse_diff_result` then reports precisely."""
    new = tuple.__new__
    types = _ENTRY_TYPES
    entries = []
    append = entries.append
    for item in root:
        get = item.get
        new_id = get("new_id")
        new_version = get("new_version")
        append(
            new(
                DiffEntry,
                (
                    types[item.tag],
                    int(get("old_id")),
                    None if new_id is None else int(new_id),
                    None if new_version is None else int(new_version),
                ),
            )
        )
    return entries


@dataclass
class IdMap:
    """What the uploads did, for the layers and the base snapshot.

    ``ids``: ``(type, placeholder) → new id``; ``versions``: ``(type, id) → new version`` of
    every created/modified element (and of if-unused deletes the server skipped);
    ``deleted``: elements deleted; ``skipped``: if-unused deletes that were not done because the
    element is still used (or already gone).
    """

    ids: Dict[ElementKey, int] = field(default_factory=dict)
    versions: Dict[ElementKey, int] = field(default_factory=dict)
    deleted: Set[ElementKey] = field(default_factory=set)
    skipped: Set[ElementKey] = field(default_factory=set)

    def resolve(self, element_type: str, element_id: int) -> int:
        return self.ids.get((element_type, element_id), element_id)


def apply_diff_result(
    chunk: OsmChanges,
    entries: Sequence[DiffEntry],
    later: Iterable[OsmChanges] = (),
    id_map: Optional[IdMap] = None,
) -> IdMap:
    """Record the diffResult of ``chunk`` and rewrite the ``later`` chunks with it.

    The entries must match the chunk's elements in upload order (as the API answers). Later
    chunks get the real ids in place of placeholders (element ids, way nodes, relation members)
    and the new versions of elements they modify or delete again. Returns ``id_map`` (a new one
    if not given), updated.
    """
    id_map = id_map if id_map is not None else IdMap()
    sent = ordered(chunk)
    if len(sent) != len(entries):
        raise _bad(
            QT_TRANSLATE_NOOP(
                CONTEXT, "The upload result lists {got} elements, but {sent} were sent."
            ),
            got=len(entries),
            sent=len(sent),
        )
    for change, entry in zip(sent, entries):
        element = change.element
        if entry.type != element.type or entry.old_id != element.id:
            raise _bad(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "The upload result does not match what was sent ({got} for {sent})."
                ),
                got=label(entry.type, entry.old_id),
                sent=label(element.type, element.id),
            )
        if change.action == DELETE:
            if entry.new_id is None:
                id_map.deleted.add(element.key)
            else:
                id_map.skipped.add(element.key)
                if entry.new_version is not None:
                    id_map.versions[(element.type, entry.new_id)] = entry.new_version
            continue
        if entry.new_id is None or entry.new_version is None:
            raise _bad(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "The upload result has no new id/version for {element}."
                ),
                element=label(element.type, element.id),
            )
        if element.id < 0:
            id_map.ids[element.key] = entry.new_id
        id_map.versions[(element.type, entry.new_id)] = entry.new_version
    for other in later:
        other.creates = [_rewrite(c, id_map) for c in other.creates]
        other.modifies = [_rewrite(c, id_map) for c in other.modifies]
        other.deletes = [_rewrite(c, id_map) for c in other.deletes]
    return id_map


def _rewrite(change: Change, id_map: IdMap) -> Change:
    """``change`` with the real ids and current versions of ``id_map``: the change itself when
    nothing is to be rewritten, else a copy (the given change and its element stay as they are,
    they may be the review's)."""
    element = change.element
    kind = element.type
    ids = id_map.ids
    element_id = element.id
    if element_id < 0 and (kind, element_id) in ids:
        element_id = ids[(kind, element_id)]
        if change.action == CREATE:
            raise ValueError(f"{label(kind, element_id)} is created twice")
    version = element.version
    if change.action != CREATE:
        version = id_map.versions.get((kind, element_id), version)
    refs = None
    if kind == WAY:
        nodes = element.nodes  # type: ignore[attr-defined]
        if ids and any(r < 0 for r in nodes):
            refs = [ids.get((NODE, r), r) if r < 0 else r for r in nodes]
            if refs == nodes:
                refs = None
    elif kind == RELATION:
        members = element.members  # type: ignore[attr-defined]
        if ids and any(m.ref < 0 for m in members):
            refs = [
                Member(m.type, ids.get((m.type, m.ref), m.ref), m.role) if m.ref < 0 else m
                for m in members
            ]
            if refs == members:
                refs = None
    if element_id == element.id and version == element.version and refs is None:
        return change
    copy = _copy_element(element)
    copy.id = element_id
    copy.version = version
    if refs is not None:
        if kind == WAY:
            copy.nodes = refs  # type: ignore[attr-defined]
        else:
            copy.members = refs  # type: ignore[attr-defined]
    return Change(change.action, copy, change.if_unused, list(change.sources))


def _copy_element(element: Element) -> Element:
    """A copy that shares nothing mutable with ``element`` (tags, way nodes, members)."""
    kind = element.type
    copy: Element
    if kind == NODE:
        copy = Node(element.id, element.lat, element.lon)  # type: ignore[attr-defined]
    elif kind == WAY:
        copy = Way(element.id, list(element.nodes))  # type: ignore[attr-defined]
    else:
        copy = Relation(element.id, list(element.members))  # type: ignore[attr-defined]
    copy.version = element.version
    copy.tags = dict(element.tags)
    copy.visible = element.visible
    copy.changeset = element.changeset
    copy.timestamp = element.timestamp
    copy.user = element.user
    copy.uid = element.uid
    return copy
