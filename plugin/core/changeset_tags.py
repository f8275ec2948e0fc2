"""The tags of a changeset, as the OSM community expects them (pure Python).

:class:`ChangesetInput` is what the user gives (comment, source, hashtags, imagery, a request for
review, the import or mechanical-edit declaration); :func:`problems` says what is missing or
wrong and :func:`build` makes the tags::

    comment           the comment, with the hashtags of the hashtags field appended (as iD does)
    created_by        the plugin and its version
    source            when given
    hashtags          every hashtag of the field and of the comment, ``#a;#b``
    imagery_used      the imagery layers of the project, ``;``-separated
    review_requested  ``yes`` when asked for
    import / mechanical, url
                      an import or a mechanical edit: ``import=yes`` or ``mechanical=yes`` and
                      the address of the page that documents it (the Import Guidelines and the
                      Automated Edits code of conduct ask for one)

:func:`remembered` / :func:`remember` keep the last comment, source and hashtags of a download in
its GeoPackage (``osm_meta``), so that the next review of the same file offers them again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, List, Sequence
from urllib.parse import urlsplit

from .errors import CONTEXT, QT_TRANSLATE_NOOP, Message, ValidationError
from .version import PLUGIN_NAME, PLUGIN_VERSION

IMPORT, MECHANICAL = "import", "mechanical"
MODES = ("", IMPORT, MECHANICAL)  # "": an ordinary edit
MAX_VALUE = 255  # characters of a tag value (the API refuses longer ones)
# iD's hashtag pattern: ``#`` and everything up to a space or punctuation (``-`` and ``_`` stay)
HASHTAG = re.compile(r"#[^\s\u2000-\u206f\u2e00-\u2e7f\\'!\"#$%()*,./:;<=>?@\[\]^`{|}~]+")
IMPORT_GUIDELINES = "https://wiki.openstreetmap.org/wiki/Import/Guidelines"
AUTOMATED_EDITS = "https://wiki.openstreetmap.org/wiki/Automated_Edits_code_of_conduct"
# keys of osm_meta where the last changeset of a download is remembered
META_KEYS = {"comment": "last_comment", "source": "last_source", "hashtags": "last_hashtags"}


def created_by() -> str:
    return f"{PLUGIN_NAME} {PLUGIN_VERSION}"


class ChangesetTagsInvalid(ValidationError):
    """The changeset's inputs are incomplete or wrong (the first problem is the message)."""

    def __init__(self, problem: Message) -> None:
        super().__init__(problem.template, **problem.params)
        self.problem = problem


@dataclass
class ChangesetInput:
    comment: str
    source: str = ""
    hashtags: str = ""  # as typed: "#a #b", "a; b"
    imagery: Sequence[str] = field(default_factory=tuple)
    review_requested: bool = False
    mode: str = ""  # "", IMPORT or MECHANICAL
    url: str = ""  # documentation of an import or mechanical edit

    def final_comment(self) -> str:
        return comment_with_hashtags(self.comment, parse_hashtags(self.hashtags))


def parse_hashtags(text: str) -> List[str]:
    """The hashtags of a hashtags field: ``"#a #b"``, ``"a, b"``, ``"#a;#b"`` → ``["#a", "#b"]``.

    Words without ``#`` get one; duplicates (ignoring case) are dropped, the first spelling kept.
    """
    found: List[str] = []
    for word in re.split(r"[\s,;]+", text or ""):
        word = word.strip()
        if not word.strip("#"):
            continue
        tag = "#" + word.lstrip("#")
        match = HASHTAG.match(tag)
        if match is not None:
            found.append(match.group(0))
    return _unique(found)


def hashtags_in(comment: str) -> List[str]:
    """The hashtags written in a comment."""
    return _unique(HASHTAG.findall(comment or ""))


def _unique(tags: Sequence[str]) -> List[str]:
    seen, result = set(), []
    for tag in tags:
        if tag.lower() not in seen:
            seen.add(tag.lower())
            result.append(tag)
    return result


def comment_with_hashtags(comment: str, hashtags: Sequence[str]) -> str:
    """The comment with the hashtags it does not contain yet appended (iD's behaviour)."""
    comment = (comment or "").strip()
    present = {tag.lower() for tag in hashtags_in(comment)}
    missing = [tag for tag in hashtags if tag.lower() not in present]
    return " ".join([comment, *missing]) if comment else " ".join(missing)


def is_http_url(url: str) -> bool:
    """An absolute ``http``/``https`` address with a host."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in url.strip()


def imagery_value(names: Sequence[str]) -> str:
    """``imagery_used``: the names, ``;``-separated, as many as fit into one tag value."""
    value = ""
    for name in _unique([n.strip().replace(";", ",") for n in names if n and n.strip()]):
        joined = f"{value};{name}" if value else name
        if len(joined) > MAX_VALUE:
            break
        value = joined
    return value


def problems(inputs: ChangesetInput) -> List[Message]:
    """What prevents these inputs from making a changeset (empty: they are fine)."""
    found: List[Message] = []
    comment = inputs.final_comment()
    if not inputs.comment.strip():
        found.append(Message(QT_TRANSLATE_NOOP(CONTEXT, "A changeset comment is required.")))
    elif len(comment) > MAX_VALUE:
        found.append(
            Message(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "The comment with its hashtags has {length} characters; at most {limit} "
                    "are allowed.",
                ),
                length=len(comment),
                limit=MAX_VALUE,
            )
        )
    if len(inputs.source.strip()) > MAX_VALUE:
        found.append(
            Message(
                QT_TRANSLATE_NOOP(CONTEXT, "The source is longer than {limit} characters."),
                limit=MAX_VALUE,
            )
        )
    if inputs.mode not in MODES:
        raise ValueError(inputs.mode)
    if inputs.mode:
        url = inputs.url.strip()
        if not url:
            found.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "An import or mechanical edit needs the address of the wiki page that "
                        "documents it.",
                    )
                )
            )
        elif not is_http_url(url) or len(url) > MAX_VALUE:
            found.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "The documentation address must be a web address starting with "
                        "http:// or https://.",
                    )
                )
            )
    return found


def build(inputs: ChangesetInput) -> Dict[str, str]:
    """The changeset tags; :class:`ChangesetTagsInvalid` when :func:`problems` finds any."""
    found = problems(inputs)
    if found:
        raise ChangesetTagsInvalid(found[0])
    comment = inputs.final_comment()
    tags = {"comment": comment, "created_by": created_by()}
    if inputs.source.strip():
        tags["source"] = inputs.source.strip()
    hashtags = _unique([*parse_hashtags(inputs.hashtags), *hashtags_in(comment)])
    if hashtags:
        value = ";".join(hashtags)
        tags["hashtags"] = value[:MAX_VALUE].rsplit(";", 1)[0] if len(value) > MAX_VALUE else value
    imagery = imagery_value(inputs.imagery)
    if imagery:
        tags["imagery_used"] = imagery
    if inputs.review_requested:
        tags["review_requested"] = "yes"
    if inputs.mode:
        tags[inputs.mode] = "yes"
        tags["url"] = inputs.url.strip()
    return tags


def extra_tags(tags: Dict[str, str]) -> Dict[str, str]:
    """The tags beyond comment, source and created_by (what the upload adds to those)."""
    return {k: v for k, v in tags.items() if k not in ("comment", "source", "created_by")}


# -- remembered per download -----------------------------------------------------------------


def remembered(path) -> Dict[str, str]:
    """The last ``comment``, ``source`` and ``hashtags`` uploaded from the GeoPackage."""
    from .gpkg import read_meta

    try:
        meta = read_meta(path)
    except Exception:  # not ours, unreadable, gone: nothing remembered
        return {}
    return {name: meta[key] for name, key in META_KEYS.items() if meta.get(key)}


def remember(path, inputs: ChangesetInput) -> None:
    """Keep the inputs' comment (without the appended hashtags), source and hashtags."""
    from .gpkg import META, connect

    values = {"comment": inputs.comment.strip(), "source": inputs.source.strip()}
    values["hashtags"] = " ".join(parse_hashtags(inputs.hashtags))
    connection = connect(path)
    try:
        with connection:
            connection.executemany(
                f"INSERT OR REPLACE INTO {META} VALUES (?, ?)",
                [(META_KEYS[name], value) for name, value in values.items()],
            )
    finally:
        connection.close()
