"""Rules of the changeset as a whole: what the API refuses, and many deletions."""

from __future__ import annotations

from typing import Iterator, Optional

from ..errors import CONTEXT, QT_TRANSLATE_NOOP, Message
from ..osm.model import RELATION
from ..osm.osmchange import problems_of
from .context import Context
from .issues import ERROR, WARNING, Issue

MANY_DELETIONS = 100  # deleted features: tagged elements and relations, not the nodes and
# untagged member ways that go with them


def api_limits(ctx: Context, capabilities=None, comment: Optional[str] = None) -> Iterator[Issue]:
    """Everything the API would refuse (:func:`..osm.osmchange.problems_of`), as errors."""
    for note in problems_of(ctx.changes, capabilities, comment):
        yield Issue("api_limits", ERROR, note)


def many_deletions(ctx: Context) -> Iterator[Issue]:
    deleted = [
        change
        for change in ctx.changes.deletes
        if change.element.tags or change.element.type == RELATION
    ]
    if len(deleted) < MANY_DELETIONS:
        return
    keys = [change.key for change in deleted]
    yield Issue(
        "many_deletions",
        WARNING,
        Message(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "{count} features are deleted. Make sure this is intended: large deletions are "
                "reviewed by other mappers and reverted when they are mistakes.",
            ),
            count=len(deleted),
        ),
        keys,
        ctx.sources_of(keys),
        None,
    )
