"""Tag rules (iD's missing_tag, mismatched_geometry and outdated_tags; JOSM's TagChecker): judged
for the elements the user created or whose tags changed."""

from __future__ import annotations

from typing import Dict, Iterator, Optional

from ..errors import CONTEXT, QT_TRANSLATE_NOOP, Message
from ..osm.diff import label
from ..osm.geometry import is_area
from ..osm.model import NODE, RELATION, WAY, Element
from .context import Context
from .issues import ERROR, WARNING, Fix, Issue
from .schema import AREA, LINE, POINT, RELATION_GEOMETRY, VERTEX, Schema

# Keys that describe a feature without saying what it is (iD's "descriptive tags only").
DESCRIPTIVE_KEYS = frozenset(
    {"name", "description", "note", "fixme", "FIXME", "source", "created_by", "area", "comment"}
)
_DESCRIPTIVE_PREFIXES = ("name:", "source:", "note:", "description:")


def _is_descriptive(key: str) -> bool:
    return key in DESCRIPTIVE_KEYS or key.startswith(_DESCRIPTIVE_PREFIXES)


def _was_descriptive(ctx: Context, element: Element) -> bool:
    old = ctx.base.get(element.type, element.id)
    return old is not None and bool(old.tags) and all(_is_descriptive(k) for k in old.tags)


def _judged(ctx: Context) -> Iterator[Element]:
    """Created elements and elements whose tags changed, in a stable order."""
    for kind, eid in sorted(ctx.retagged, key=lambda key: (key[0], abs(key[1]))):
        element = {NODE: ctx.nodes, WAY: ctx.ways, RELATION: ctx.relations}[kind].get(eid)
        if element is not None:
            yield element


def geometry_of(ctx: Context, element: Element) -> str:
    if element.type == NODE:
        return VERTEX if ctx.parent_ways(element.id) else POINT
    if element.type == WAY:
        closed = len(element.nodes) >= 4 and element.nodes[0] == element.nodes[-1]
        return AREA if closed and is_area(element.tags) else LINE
    return RELATION_GEOMETRY


def _issue(ctx, rule, severity, message: Message, element: Element, fixes=()) -> Issue:
    key = element.key
    return Issue(rule, severity, message, [key], ctx.sources_of([key]), ctx.location_of(key), fixes)


def missing_tag(ctx: Context) -> Iterator[Issue]:
    members = ctx.members()
    for element in _judged(ctx):
        tags = element.tags
        if element.type == NODE and (ctx.parent_ways(element.id) or element.key in members):
            continue
        if element.type == WAY and element.key in members and not tags:
            continue
        name = label(element.type, element.id)
        if not tags:
            yield _issue(
                ctx,
                "missing_tag",
                ERROR,
                Message(
                    QT_TRANSLATE_NOOP(CONTEXT, "{element} has no tags: say what it is."),
                    element=name,
                ),
                element,
            )
        elif element.type == RELATION and "type" not in tags:
            yield _issue(
                ctx,
                "missing_tag",
                WARNING,
                Message(QT_TRANSLATE_NOOP(CONTEXT, "{element} has no type tag."), element=name),
                element,
            )
        elif (
            element.type != RELATION
            and all(_is_descriptive(k) for k in tags)
            and not _was_descriptive(ctx, element)
        ):
            yield _issue(
                ctx,
                "missing_tag",
                WARNING,
                Message(
                    QT_TRANSLATE_NOOP(
                        CONTEXT, "{element} has only descriptive tags ({keys}): say what it is."
                    ),
                    element=name,
                    keys=", ".join(sorted(tags)),
                ),
                element,
            )


_TARGETS = (VERTEX, POINT, LINE, AREA)
_MISMATCH = {
    (POINT, VERTEX): QT_TRANSLATE_NOOP(
        CONTEXT, "{element} is a separate point, but {tags} is mapped as a vertex of a way."
    ),
    (POINT, LINE): QT_TRANSLATE_NOOP(
        CONTEXT, "{element} is a point, but {tags} is mapped as a line."
    ),
    (POINT, AREA): QT_TRANSLATE_NOOP(
        CONTEXT, "{element} is a point, but {tags} is mapped as an area."
    ),
    (VERTEX, POINT): QT_TRANSLATE_NOOP(
        CONTEXT, "{element} is a vertex of a way, but {tags} is mapped as a separate point."
    ),
    (VERTEX, LINE): QT_TRANSLATE_NOOP(
        CONTEXT, "{element} is a point, but {tags} is mapped as a line."
    ),
    (VERTEX, AREA): QT_TRANSLATE_NOOP(
        CONTEXT, "{element} is a point, but {tags} is mapped as an area."
    ),
    (LINE, AREA): QT_TRANSLATE_NOOP(
        CONTEXT, "{element} is tagged {tags}, an area, but it is not closed."
    ),
}


def better_geometry(schema: Schema, tags, geometry: str):
    """iD's test: the best preset for the element's geometry is a fallback or a generic
    ``key=*`` one, while a specific preset exists for another geometry. Returns that geometry
    and preset, or ``None``."""
    source = schema.match(tags, geometry)
    for target in _TARGETS:
        if target == geometry:
            continue
        preset = schema.match(tags, target)
        if preset is None or (source is not None and source.tags == preset.tags):
            continue
        primary = next(iter(preset.tags))
        if primary == "building" or preset.tags[primary] == "*":
            continue
        if source is None or source.tags.get(primary) == "*":
            return target, preset
    return None


def mismatched_geometry(ctx: Context, schema: Schema) -> Iterator[Issue]:
    """A point tagged as something that is only a line or an area (or only a vertex, or only a
    separate point); an open way tagged as something that is only an area."""
    members = ctx.members()
    for element in _judged(ctx):
        if element.type == RELATION or not element.tags:
            continue
        geometry = geometry_of(ctx, element)
        if geometry == LINE and (
            element.nodes[0] == element.nodes[-1]
            or element.key in members
            or is_area(element.tags)  # an open way with area tags: the unclosed_ring rule's
        ):
            continue  # closed lines and members of area relations may carry area tags
        found = better_geometry(schema, element.tags, geometry)
        template = found and _MISMATCH.get((geometry, found[0]))
        if not template:
            continue
        old = ctx.base.get(element.type, element.id)
        if old is not None and better_geometry(schema, old.tags, geometry):
            continue  # it was so before the edit
        tags = ", ".join(f"{k}={v}" for k, v in found[1].tags.items())
        yield _issue(
            ctx,
            "mismatched_geometry",
            WARNING,
            Message(template, element=label(element.type, element.id), tags=tags),
            element,
        )


def tag_fix(element: Element, new_tags: Dict[str, str], ctx: Context) -> Optional[Fix]:
    old = element.tags
    if new_tags == old:
        return None
    remove = sorted(k for k in old if k not in new_tags)
    changed = {k: v for k, v in sorted(new_tags.items()) if old.get(k) != v}
    sources = ctx.sources_of([element.key])
    return Fix(
        Message(QT_TRANSLATE_NOOP(CONTEXT, "Upgrade the tags")),
        element.key,
        sources[0] if sources else None,
        remove,
        changed,
    )


def outdated_tags(ctx: Context, schema: Schema) -> Iterator[Issue]:
    """Deprecated tags with their replacements, and tags a preset adds, as one fix."""
    for element in _judged(ctx):
        if not element.tags:
            continue
        upgraded = schema.upgrade(element.tags, geometry_of(ctx, element))
        fix = tag_fix(element, upgraded, ctx)
        if fix is None:
            continue
        before = ", ".join(
            f"{k}={element.tags[k]}"
            for k in sorted(element.tags)
            if k in fix.remove or k in fix.set
        )
        after = ", ".join(f"{k}={v}" for k, v in fix.set.items())
        yield _issue(
            ctx,
            "outdated_tags",
            WARNING,
            Message(
                QT_TRANSLATE_NOOP(CONTEXT, "{element} has outdated tags: {before} → {after}"),
                element=label(element.type, element.id),
                before=before or "-",
                after=after or "-",
            ),
            element,
            [fix],
        )
