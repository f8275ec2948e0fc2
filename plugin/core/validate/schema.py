"""Tag knowledge from the iD tagging schema (``@openstreetmap/id-tagging-schema``, ISC licence).

:func:`load_schema` reads a folder holding the package's ``deprecated.json`` and ``presets.json``
(the build fetches them at a pinned version; the plugin zip bundles them). :class:`Schema` answers
what the tag rules ask, the way iD does:

* :meth:`Schema.match` — the preset that best matches tags for a geometry (``point``, ``vertex``,
  ``line``, ``area``), with iD's scoring (exact value: the preset's score, ``*``: half of it,
  ``addTags`` values add to it, presets that are not searchable lose a little);
* :meth:`Schema.upgrade` — the tags with deprecated tags replaced (iD's ``deprecatedTags`` and
  ``actionUpgradeTags``) and the matched preset's ``addTags`` added.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, FrozenSet, List, Mapping, NamedTuple, Optional, Tuple

from ..errors import CONTEXT, QT_TRANSLATE_NOOP, ValidationError

POINT, VERTEX, LINE, AREA, RELATION_GEOMETRY = "point", "vertex", "line", "area", "relation"
FILES = ("deprecated.json", "presets.json")
# Where ``make zip`` puts the schema, relative to the plugin folder (a development checkout
# reads the build's cache instead, see tools/id_schema.py).
BUNDLED_FOLDER = ("data", "id-tagging-schema")
Tags = Mapping[str, str]


class SchemaUnavailable(ValidationError):
    """The tagging schema is missing or unreadable."""


class Preset(NamedTuple):
    id: str
    tags: Dict[str, str]
    add_tags: Dict[str, str]
    geometry: FrozenSet[str]
    score: float
    searchable: bool


class Deprecation(NamedTuple):
    old: Dict[str, str]
    replace: Dict[str, str]


def _index_key(tags: Dict[str, str]) -> Tuple[str, str]:
    """The tag a preset is indexed under: an exact one if it has any, else a ``key=*``."""
    for k, v in tags.items():
        if v != "*":
            return (k, v)
    k = next(iter(tags))
    return (k, "*")


class Schema:
    def __init__(
        self, presets: List[Preset], deprecated: List[Deprecation], version: str = ""
    ) -> None:
        self.version = version
        self.presets = presets
        self.deprecated = deprecated
        self._presets_by_tag: Dict[Tuple[str, str], List[Preset]] = {}
        for preset in presets:
            if preset.tags:
                self._presets_by_tag.setdefault(_index_key(preset.tags), []).append(preset)
        self._deprecated_by_key: Dict[str, List[Deprecation]] = {}
        for entry in deprecated:
            self._deprecated_by_key.setdefault(next(iter(entry.old)), []).append(entry)
        self._cache: Dict[tuple, object] = {}

    # -- presets ---------------------------------------------------------------------------

    def _candidates(self, tags: Tags) -> List[Preset]:
        out: List[Preset] = []
        index = self._presets_by_tag
        for k, v in tags.items():
            out.extend(index.get((k, v), ()))
            out.extend(index.get((k, "*"), ()))
        return out

    @staticmethod
    def score(preset: Preset, tags: Tags) -> float:
        """iD's ``preset.matchScore``: -1 when the preset does not match."""
        total = 0.0
        for k, v in preset.tags.items():
            value = tags.get(k)
            if value == v:
                total += preset.score
            elif v == "*" and value is not None:
                total += preset.score / 2
            else:
                return -1
        for k, v in preset.add_tags.items():
            if k not in preset.tags and tags.get(k) == v:
                total += preset.score
        return total if preset.searchable else total * 0.999

    def match(self, tags: Tags, geometry: str) -> Optional[Preset]:
        """The best matching preset (with tags) allowing ``geometry``; ``None`` if none does."""
        key = ("match", geometry, tuple(sorted(tags.items())))
        if key in self._cache:
            return self._cache[key]  # type: ignore[return-value]
        best, best_score = None, 0.0
        for preset in self._candidates(tags):
            if geometry not in preset.geometry:
                continue
            score = self.score(preset, tags)
            if score > best_score or (
                score == best_score and best is not None and preset.id < best.id
            ):
                best, best_score = preset, score
        self._cache[key] = best
        return best

    # -- deprecated tags -------------------------------------------------------------------

    def deprecations(self, tags: Tags) -> List[Deprecation]:
        """The deprecated tag combinations the tags use (iD's ``entity.deprecatedTags``)."""
        found: List[Deprecation] = []
        for k in tags:
            for entry in self._deprecated_by_key.get(k, ()):
                if all(
                    tags.get(ok) and (ov == "*" or tags.get(ok) == ov)
                    for ok, ov in entry.old.items()
                ) and not _would_overwrite(entry, tags):
                    found.append(entry)
        return found

    def upgrade(self, tags: Tags, geometry: Optional[str]) -> Dict[str, str]:
        """The tags with deprecated ones replaced and the matched preset's ``addTags`` added."""
        key = ("upgrade", geometry, tuple(sorted(tags.items())))
        if key in self._cache:
            return dict(self._cache[key])  # type: ignore[call-overload]
        result = dict(tags)
        for _ in range(4):  # replacements can chain
            entries = self.deprecations(result)
            if not entries:
                break
            for entry in entries:
                result = _upgraded(result, entry)
        if geometry is not None and geometry != RELATION_GEOMETRY:
            preset = self.match(result, geometry)
            if preset is not None:
                for k, v in preset.add_tags.items():
                    if not result.get(k):
                        result[k] = "yes" if v == "*" else v
        self._cache[key] = dict(result)
        return result


def _would_overwrite(entry: Deprecation, tags: Tags) -> bool:
    """iD does not flag a deprecation whose replacement would overwrite another value."""
    for k, v in entry.replace.items():
        value = tags.get(k)
        if not value or k in entry.old or v == "*" or v == value:
            continue
        return True
    return False


def _upgraded(tags: Dict[str, str], entry: Deprecation) -> Dict[str, str]:
    """iD's ``actionUpgradeTags`` (without its handling of ``;`` lists)."""
    result = dict(tags)
    transfer = None
    for k, v in entry.old.items():
        if k not in result:
            continue
        if v == "*":
            transfer = result.pop(k)
        elif result[k] == v:
            del result[k]
    for k, v in entry.replace.items():
        if v == "*":
            if not result.get(k) or result[k] == "no":
                result[k] = "yes"
        elif v == "$1":
            if transfer is not None:
                result[k] = transfer
        else:
            result[k] = v
    return result


# -- loading ---------------------------------------------------------------------------------


def _presets(data: Mapping[str, dict]) -> List[Preset]:
    out = []
    for pid, raw in data.items():
        if pid.startswith("@templates/") or not isinstance(raw, dict):
            continue
        tags = raw.get("tags") or {}
        if "@template" in tags:
            continue
        out.append(
            Preset(
                pid,
                dict(tags),
                dict(raw.get("addTags") or tags),
                frozenset(raw.get("geometry") or ()),
                float(raw.get("matchScore", 1.0)),
                bool(raw.get("searchable", True)),
            )
        )
    return out


def load_schema(folder) -> Schema:
    """Read the schema from ``folder``; :class:`SchemaUnavailable` says what is wrong."""
    folder = Path(folder)
    try:
        deprecated = json.loads((folder / "deprecated.json").read_text("utf-8"))
        presets = json.loads((folder / "presets.json").read_text("utf-8"))
        version_file = folder / "VERSION"
        version = version_file.read_text("utf-8").strip() if version_file.is_file() else ""
        entries = [
            Deprecation(dict(item["old"]), dict(item.get("replace") or {}))
            for item in deprecated
            if item.get("old")
        ]
        return Schema(_presets(presets), entries, version)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise SchemaUnavailable(
            QT_TRANSLATE_NOOP(CONTEXT, "The tagging schema in {folder} cannot be read: {error}"),
            folder=str(folder),
            error=str(error),
        ) from error
