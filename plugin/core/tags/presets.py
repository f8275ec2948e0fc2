"""Presets and fields of the iD tagging schema for the tag editor (pure Python, no Qt).

:func:`load_tag_schema` reads the folder that ``tools/id_schema.py`` fills (and ``make zip``
bundles): ``presets.json``, ``fields.json`` and ``translations/<lang>.json`` (reduced to preset
names, terms and aliases, field labels, placeholders and option labels). :class:`TagSchema`
answers what the editor asks, the way iD does:

* :meth:`TagSchema.search_presets` -- presets for a typed text ("bench", "Restaurant", "Sitzbank")
  in the user's language with English as fallback, for one geometry;
* :meth:`TagSchema.match_preset` -- the preset of a feature's tags (the validator's scoring,
  :meth:`..validate.schema.Schema.match`), or the geometry's generic preset;
* :meth:`TagSchema.fields_for` -- the preset's ``fields`` and ``moreFields`` (``{preset}``
  references expanded, a preset without fields inherits its parent's, as iD's
  ``presetPreset._resolveFields``), each as a :class:`Field` the editor can draw;
* :meth:`TagSchema.preset_name` and :meth:`TagSchema.feature_label` ("Café Central", "Bench").

Cost is bounded: each file is parsed once, on first use; a language's translation only when it
is asked for; the search index of a language is built once (about 2,000 presets).
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Dict, List, Mapping, NamedTuple, Optional, Tuple

from ..validate.schema import AREA, LINE, POINT, RELATION_GEOMETRY, VERTEX, Schema, _presets

ENGLISH = "en"
GEOMETRIES = (POINT, VERTEX, LINE, AREA, RELATION_GEOMETRY)
# The preset of a feature no other preset matches (iD's fallback presets).
FALLBACK = {
    POINT: "point",
    VERTEX: "point",
    LINE: "line",
    AREA: "area",
    RELATION_GEOMETRY: "relation",
}
_REFERENCE = re.compile(r"^\{(.*)\}$")

# How the editor draws a field: iD's field types grouped into what a form row can show.
COMBO, CHECK, TEXT, NUMBER, SEMI, ADDRESS = (
    "combo",
    "check",
    "text",
    "number",
    "semiCombo",
    "address",
)
WIDGETS = {
    "combo": COMBO,
    "typeCombo": COMBO,
    "radio": COMBO,
    "structureRadio": COMBO,
    "networkCombo": COMBO,
    "access": COMBO,
    "check": CHECK,
    "defaultCheck": CHECK,
    "onewayCheck": COMBO,
    "number": NUMBER,
    "integer": NUMBER,
    "roadspeed": NUMBER,
    "roadheight": NUMBER,
    "semiCombo": SEMI,
    "manyCombo": SEMI,
    "address": ADDRESS,
}
# The address keys the editor shows (iD shows the country's format; these fit most of Europe).
ADDRESS_KEYS = ("addr:street", "addr:housenumber", "addr:postcode", "addr:city")


class Field(NamedTuple):
    """One row of the preset's form."""

    id: str
    key: str  # the tag the row edits (address: its first key)
    keys: Tuple[str, ...]  # every tag the row edits
    type: str  # iD's field type
    widget: str  # COMBO, CHECK, TEXT, NUMBER, SEMI or ADDRESS
    label: str
    placeholder: str
    options: Tuple[Tuple[str, str], ...]  # (value, translated label)
    more: bool  # from ``moreFields``: shown when the feature has the tag
    key_labels: Tuple[str, ...] = ()  # ADDRESS: the label of each key


class PresetInfo(NamedTuple):
    id: str
    name: str
    tags: Dict[str, str]
    add_tags: Dict[str, str]
    remove_tags: Dict[str, str]
    geometry: Tuple[str, ...]
    searchable: bool


def fold(text: str) -> str:
    """Lower case without accents, as searches compare ("Café" matches "cafe")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def language_of(locale: str) -> str:
    """``de_DE`` -> ``de``; the schema's languages are two-letter codes."""
    return (locale or ENGLISH).replace("-", "_").split("_")[0].lower() or ENGLISH


class TagSchema:
    def __init__(self, folder) -> None:
        self.folder = Path(folder)
        self._raw_presets: Optional[Dict[str, dict]] = None
        self._raw_fields: Optional[Dict[str, dict]] = None
        self._schema: Optional[Schema] = None
        self._translations: Dict[str, Dict[str, dict]] = {}
        self._index: Dict[str, list] = {}
        self._resolved: Dict[Tuple[str, str], List[str]] = {}

    # -- loading (lazy) ------------------------------------------------------------------------

    def _read(self, name: str):
        return json.loads((self.folder / name).read_text("utf-8"))

    @property
    def presets(self) -> Dict[str, dict]:
        if self._raw_presets is None:
            self._raw_presets = {
                pid: raw
                for pid, raw in self._read("presets.json").items()
                if isinstance(raw, dict) and not pid.startswith("@templates/")
            }
        return self._raw_presets

    @property
    def fields(self) -> Dict[str, dict]:
        if self._raw_fields is None:
            self._raw_fields = self._read("fields.json")
        return self._raw_fields

    @property
    def schema(self) -> Schema:
        """The validator's :class:`Schema` on the same presets (for its matching)."""
        if self._schema is None:
            self._schema = Schema(_presets(self.presets), [])
        return self._schema

    def translation(self, lang: str) -> Dict[str, dict]:
        """``{"presets": {...}, "fields": {...}, "categories": {...}}`` of a language (empty when
        the schema has none for it)."""
        lang = language_of(lang)
        if lang not in self._translations:
            path = self.folder / "translations" / f"{lang}.json"
            strings: Dict[str, dict] = {}
            if path.is_file():
                data = json.loads(path.read_text("utf-8"))
                strings = (data.get(lang) or {}).get("presets") or {}
            self._translations[lang] = strings
        return self._translations[lang]

    def _string(self, lang: str, kind: str, item: str, name: str):
        """A translated string of a preset or field, English when the language lacks it."""
        for language in (language_of(lang), ENGLISH):
            value = (self.translation(language).get(kind) or {}).get(item, {}).get(name)
            if value:
                return value
        return None

    # -- presets -------------------------------------------------------------------------------

    def preset(self, preset_id: str, lang: str = ENGLISH) -> Optional[PresetInfo]:
        raw = self.presets.get(preset_id)
        if raw is None:
            return None
        tags = dict(raw.get("tags") or {})
        return PresetInfo(
            preset_id,
            self.preset_name(preset_id, lang),
            tags,
            dict(raw.get("addTags") or tags),
            dict(raw.get("removeTags") or raw.get("addTags") or tags),
            tuple(raw.get("geometry") or ()),
            bool(raw.get("searchable", True)),
        )

    def preset_name(self, preset_id: str, lang: str = ENGLISH) -> str:
        name = self._string(lang, "presets", preset_id, "name")
        if isinstance(name, str):
            reference = _REFERENCE.match(name)
            if reference and reference.group(1) != preset_id:
                return self.preset_name(reference.group(1), lang)
            return name
        tags = (self.presets.get(preset_id) or {}).get("tags") or {}
        if tags:
            key, value = next(iter(tags.items()))
            return f"{key}={value}"
        return preset_id

    def match_preset(self, tags: Mapping[str, str], geometry: str) -> str:
        """The id of the preset that best matches ``tags`` (the geometry's generic one if none)."""
        tags = {k: v for k, v in tags.items() if v}
        preset = self.schema.match(tags, geometry) if tags else None
        if preset is not None:
            return preset.id
        return FALLBACK.get(geometry, "point")

    def _search_index(self, lang: str) -> list:
        lang = language_of(lang)
        if lang not in self._index:
            entries = []
            languages = [lang] if lang == ENGLISH else [lang, ENGLISH]
            for pid, raw in self.presets.items():
                if not raw.get("searchable", True) or not raw.get("tags"):
                    continue
                names, words = [], []
                for rank, language in enumerate(languages):
                    strings = (self.translation(language).get("presets") or {}).get(pid) or {}
                    if strings.get("name"):
                        names.append((rank, fold(strings["name"])))
                    for word in list(strings.get("aliases") or ()) + list(
                        strings.get("terms") or ()
                    ):
                        words.append((rank, fold(word)))
                values = [fold(v) for v in raw["tags"].values() if v != "*"]
                entries.append(
                    (pid, frozenset(raw.get("geometry") or ()), names, words, values, raw)
                )
            self._index[lang] = entries
        return self._index[lang]

    def search_presets(
        self, text: str, geometry: Optional[str] = None, lang: str = ENGLISH, limit: int = 50
    ) -> List[str]:
        """Ids of the presets for ``text``, best first: the name starts with the text, then a
        word of the name does, then an alias or term, then the name contains it, then a tag
        value equals it; the user's language before English."""
        query = fold(text.strip())
        if not query:
            return []
        ranked = []
        for pid, geometries, names, words, values, raw in self._search_index(lang):
            if geometry is not None and geometry not in geometries:
                continue
            best = None
            for rank, name in names:
                if name == query:
                    tier = 0
                elif name.startswith(query):
                    tier = 1
                elif any(word.startswith(query) for word in re.split(r"[\s\-/()]+", name)):
                    tier = 2
                elif query in name:
                    tier = 5
                else:
                    continue
                candidate = (tier * 2 + rank, len(name))
                best = candidate if best is None else min(best, candidate)
            for rank, word in words:
                if word == query:
                    tier = 3
                elif word.startswith(query):
                    tier = 4
                else:
                    continue
                candidate = (tier * 2 + rank, 100 + len(word))
                best = candidate if best is None else min(best, candidate)
            if best is None and query in values:
                best = (12, 200)
            if best is not None:
                score = -float(raw.get("matchScore", 1.0))
                ranked.append((best[0], score, best[1], pid))
        ranked.sort()
        return [pid for *_, pid in ranked[:limit]]

    # -- fields --------------------------------------------------------------------------------

    def _field_ids(self, preset_id: str, which: str) -> List[str]:
        """iD's ``_resolveFields``: ``{preset}`` references expanded, a preset without fields
        inherits its parent's (only the fields whose key the preset does not fix)."""
        cache_key = (preset_id, which)
        if cache_key in self._resolved:
            return self._resolved[cache_key]
        self._resolved[cache_key] = []  # a reference cycle ends here
        raw = self.presets.get(preset_id) or {}
        tags = raw.get("tags") or {}

        def inherit(parent_id: str) -> List[str]:
            if parent_id not in self.presets:
                return []
            ids = self._field_ids(parent_id, which)
            if which == "moreFields":
                return ids
            return [fid for fid in ids if self._inheritable(fid, tags)]

        resolved: List[str] = []
        for fid in raw.get(which) or ():
            reference = _REFERENCE.match(fid)
            if reference:
                resolved.extend(inherit(reference.group(1)))
            elif fid in self.fields:
                resolved.append(fid)
        if not resolved and "/" in preset_id:
            resolved = inherit(preset_id.rsplit("/", 1)[0])
        unique = list(dict.fromkeys(resolved))
        self._resolved[cache_key] = unique
        return unique

    def _inheritable(self, field_id: str, tags: Mapping[str, str]) -> bool:
        field = self.fields.get(field_id) or {}
        key = field.get("key")
        return not (
            key
            and tags.get(key) is not None
            and field.get("type") not in ("multiCombo", "semiCombo", "manyCombo", "check")
        )

    def fields_for(
        self, preset_id: str, geometry: Optional[str] = None, lang: str = ENGLISH
    ) -> List[Field]:
        """The form rows of a preset: its ``fields`` then its ``moreFields`` and the universal
        fields (``more=True``); fields meant for other geometries or without a key the editor
        can write are left out (the tag table below shows every tag anyway)."""
        ids = [(fid, False) for fid in self._field_ids(preset_id, "fields")]
        seen = {fid for fid, _ in ids}
        more = self._field_ids(preset_id, "moreFields") + sorted(
            fid for fid, raw in self.fields.items() if raw.get("universal")
        )
        for fid in more:
            if fid not in seen:
                seen.add(fid)
                ids.append((fid, True))
        out = []
        for fid, is_more in ids:
            field = self.field(fid, lang, is_more)
            raw = self.fields.get(fid) or {}
            if field is None or (
                geometry and raw.get("geometry") and geometry not in raw["geometry"]
            ):
                continue
            out.append(field)
        return out

    def field(self, field_id: str, lang: str = ENGLISH, more: bool = False) -> Optional[Field]:
        raw = self.fields.get(field_id)
        if raw is None:
            return None
        kind = raw.get("type") or "text"
        widget = WIDGETS.get(kind, TEXT)
        keys = tuple(raw.get("keys") or ())
        key = raw.get("key") or (keys[0] if keys else "")
        key_labels: Tuple[str, ...] = ()
        if widget == ADDRESS:
            keys = ADDRESS_KEYS
            key = keys[0]
            labels = self._string(lang, "fields", field_id, "labels") or {}
            placeholders = self._string(lang, "fields", field_id, "placeholders") or {}
            parts = [k.split(":", 1)[1] for k in keys]
            key_labels = tuple(labels.get(p) or placeholders.get(p) or p for p in parts)
        if not key or key.endswith(":") or kind == "restrictions":
            return None  # a key prefix (multiCombo) or no key: edited in the tag table
        if not keys:
            keys = (key,)
        options: Tuple[Tuple[str, str], ...] = ()
        if widget in (COMBO, SEMI):
            values = list(raw.get("options") or ())
            labels = self._string(lang, "fields", self._strings_of(field_id), "options") or {}
            if not values:
                values = list(labels)
            if kind == "onewayCheck" and not values:
                values = ["yes", "no", "-1"]
            options = tuple((str(v), str(labels.get(v) or v)) for v in values if v != "undefined")
        label = self._string(lang, "fields", self._strings_of(field_id), "label") or key
        placeholder = self._string(lang, "fields", self._strings_of(field_id), "placeholder") or ""
        return Field(
            field_id,
            key,
            keys,
            kind,
            widget,
            str(label),
            str(placeholder),
            options,
            more,
            key_labels,
        )

    def _strings_of(self, field_id: str) -> str:
        """iD's ``stringsCrossReference``: a field may take its texts from another."""
        reference = (self.fields.get(field_id) or {}).get("stringsCrossReference")
        match = _REFERENCE.match(reference) if isinstance(reference, str) else None
        return match.group(1) if match else field_id

    # -- labels --------------------------------------------------------------------------------

    def feature_label(self, tags: Mapping[str, str], geometry: str, lang: str = ENGLISH) -> str:
        """What a feature is called in lists: its name (in the user's language if tagged), a
        reference or house number, else the name of its preset ("Bench")."""
        lang = language_of(lang)
        for key in (f"name:{lang}", "name", "brand", "ref", "addr:housename"):
            if tags.get(key):
                return str(tags[key])
        number = tags.get("addr:housenumber")
        if number:
            street = tags.get("addr:street")
            return f"{street} {number}" if street else str(number)
        return self.preset_name(self.match_preset(tags, geometry), lang)


def load_tag_schema(folder) -> TagSchema:
    """The tag editor's view of the schema in ``folder``; ``ValueError`` when it lacks the
    editor's files (a schema fetched for the validator only)."""
    folder = Path(folder)
    missing = [n for n in ("presets.json", "fields.json") if not (folder / n).is_file()]
    if missing:
        raise ValueError(f"{folder} has no {', '.join(missing)}")
    return TagSchema(folder)
