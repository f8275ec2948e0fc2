"""Three-way merge of one element: the base (what was downloaded), mine (what the user's upload
would send) and theirs (the server's current version).

Each part is merged on its own — every tag, the node position, the node list of a way, the
member list of a relation — by the same rule: a part only one side changed takes that side; a
part both changed the same way takes it; a part both changed differently is a
:class:`MergeConflict` for the user. So the other mapper's ``internet_access=wlan`` stays while
the user's ``wheelchair=yes`` goes up, and only a real clash (``cuisine`` coffee_shop against
cake) is asked. Deleting against modifying is a conflict both ways.

The merged element carries *theirs'* version: written into the base snapshot as theirs and into
the layers as the merged state, the next upload sends exactly the user's side of it on top of
the other mapper's work. Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from .model import NODE, RELATION, WAY, Element, Node, Relation, Way

MINE, THEIRS = "mine", "theirs"
TAG, POSITION, NODES, MEMBERS, DELETED = "tag", "position", "nodes", "members", "deleted"
_MISSING = object()


@dataclass
class MergeConflict:
    """A part both sides changed differently: ``kind`` (tag, position, nodes, members, deleted),
    ``key`` (the tag key; ``""`` otherwise) and the three values (``None``: absent/deleted)."""

    kind: str
    key: str
    base: object
    mine: object
    theirs: object


@dataclass
class MergeResult:
    """``merged``: the element after the automatic merge (theirs' version; ``None`` when it
    stays deleted); ``automatic``: the parts taken from one side without a question;
    ``conflicts``: the parts the user chooses."""

    element_type: str
    element_id: int
    base: Optional[Element]
    mine: Optional[Element]
    theirs: Optional[Element]
    merged: Optional[Element]
    automatic: List[Tuple[str, str, str]] = field(default_factory=list)  # (kind, key, side)
    conflicts: List[MergeConflict] = field(default_factory=list)

    @property
    def key(self) -> Tuple[str, int]:
        return (self.element_type, self.element_id)


def _pick(base, mine, theirs):
    """``(value, side, conflict)`` of one part by the three-way rule."""
    if mine == theirs:
        return mine, None, False
    if mine == base:
        return theirs, THEIRS, False
    if theirs == base:
        return mine, MINE, False
    return mine, None, True


def _position(node: Optional[Node]):
    return None if node is None else (round(node.lat, 7), round(node.lon, 7))


def merge_element(
    base: Optional[Element], mine: Optional[Element], theirs: Optional[Element]
) -> MergeResult:
    """Merge one element. ``mine`` ``None``: the user deletes it; ``theirs`` ``None`` (or
    invisible): deleted on the server; ``base`` ``None``: unknown before (treated as empty)."""
    if theirs is not None and not theirs.visible:
        theirs = None
    kind = (mine or theirs or base).type  # type: ignore[union-attr]
    element_id = (mine or theirs or base).id  # type: ignore[union-attr]
    result = MergeResult(kind, element_id, base, mine, theirs, None)
    if mine is None or theirs is None:
        if mine is None and theirs is None:
            return result  # deleted on both sides: nothing left to do
        changed = (theirs if mine is None else mine) != base and _content(
            theirs if mine is None else mine
        ) != _content(base)
        if changed:  # deleted on one side, modified on the other
            result.conflicts.append(
                MergeConflict(DELETED, "", _content(base), _content(mine), _content(theirs))
            )
            result.merged = mine if theirs is None else theirs
        else:
            result.merged = None if mine is None else theirs  # the deletion wins
            if mine is None:
                result.automatic.append((DELETED, "", MINE))
            else:
                result.automatic.append((DELETED, "", THEIRS))
        return result

    tags: Dict[str, str] = {}
    base_tags = base.tags if base is not None else {}
    for key in sorted(set(base_tags) | set(mine.tags) | set(theirs.tags)):
        b, m, t = (
            base_tags.get(key, _MISSING),
            mine.tags.get(key, _MISSING),
            theirs.tags.get(key, _MISSING),
        )
        value, side, clash = _pick(b, m, t)
        if clash:
            result.conflicts.append(MergeConflict(TAG, key, _value(b), _value(m), _value(t)))
        elif side is not None:
            result.automatic.append((TAG, key, side))
        if value is not _MISSING:
            tags[key] = value  # type: ignore[assignment]

    if kind == NODE:
        b, m, t = _position(base), _position(mine), _position(theirs)  # type: ignore[arg-type]
        value, side, clash = _pick(b, m, t)
        if clash:
            result.conflicts.append(MergeConflict(POSITION, "", b, m, t))
        elif side is not None:
            result.automatic.append((POSITION, "", side))
        lat, lon = (mine.lat, mine.lon) if value == m else (theirs.lat, theirs.lon)  # type: ignore[attr-defined]
        result.merged = Node(element_id, lat, lon, theirs.version, tags)
    elif kind == WAY:
        b = list(base.nodes) if base is not None else None  # type: ignore[attr-defined]
        value, side, clash = _pick(b, list(mine.nodes), list(theirs.nodes))  # type: ignore[attr-defined]
        if clash:
            result.conflicts.append(MergeConflict(NODES, "", b, mine.nodes, theirs.nodes))  # type: ignore[attr-defined]
        elif side is not None:
            result.automatic.append((NODES, "", side))
        result.merged = Way(element_id, list(value), theirs.version, tags)
    elif kind == RELATION:
        b = list(base.members) if base is not None else None  # type: ignore[attr-defined]
        value, side, clash = _pick(b, list(mine.members), list(theirs.members))  # type: ignore[attr-defined]
        if clash:
            result.conflicts.append(
                MergeConflict(MEMBERS, "", b, mine.members, theirs.members)  # type: ignore[attr-defined]
            )
        elif side is not None:
            result.automatic.append((MEMBERS, "", side))
        result.merged = Relation(element_id, list(value), theirs.version, tags)
    return result


def _value(value):
    return None if value is _MISSING else value


def _content(element: Optional[Element]):
    """What an element says, without its version (``None`` for no element)."""
    if element is None:
        return None
    parts = [dict(element.tags)]
    if element.type == NODE:
        parts.append(_position(element))  # type: ignore[arg-type]
    elif element.type == WAY:
        parts.append(list(element.nodes))  # type: ignore[attr-defined]
    else:
        parts.append(list(element.members))  # type: ignore[attr-defined]
    return parts


def resolve(result: MergeResult, choices: Dict[Tuple[str, str], str]) -> Optional[Element]:
    """The element after the user's ``choices`` (``{(kind, key): "mine" | "theirs"}``; a
    conflict without a choice keeps mine): ``None`` when it ends deleted."""
    merged = result.merged
    mine, theirs = result.mine, result.theirs
    for conflict in result.conflicts:
        side = choices.get((conflict.kind, conflict.key), MINE)
        if conflict.kind == DELETED:
            return _copy(mine if side == MINE else theirs, theirs or mine)
        if merged is None:
            continue
        if conflict.kind == TAG:
            value = conflict.mine if side == MINE else conflict.theirs
            if value is None:
                merged.tags.pop(conflict.key, None)
            else:
                merged.tags[conflict.key] = value  # type: ignore[assignment]
        elif conflict.kind == POSITION:
            source = mine if side == MINE else theirs
            merged.lat, merged.lon = source.lat, source.lon  # type: ignore[union-attr]
        elif conflict.kind == NODES:
            merged.nodes = list((mine if side == MINE else theirs).nodes)  # type: ignore[union-attr]
        elif conflict.kind == MEMBERS:
            merged.members = list((mine if side == MINE else theirs).members)  # type: ignore[union-attr]
    return merged


def _copy(element: Optional[Element], versioned: Optional[Element]) -> Optional[Element]:
    """``element`` (or ``None``) with the version of ``versioned`` (the server's)."""
    if element is None:
        return None
    version = versioned.version if versioned is not None else element.version
    if element.type == NODE:
        return Node(element.id, element.lat, element.lon, version, dict(element.tags))  # type: ignore[attr-defined]
    if element.type == WAY:
        return Way(element.id, list(element.nodes), version, dict(element.tags))  # type: ignore[attr-defined]
    return Relation(element.id, list(element.members), version, dict(element.tags))  # type: ignore[attr-defined]
