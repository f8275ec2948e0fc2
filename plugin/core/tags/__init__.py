"""The tag editor's knowledge: presets, fields and their translations (pure Python, no Qt).

See :mod:`.presets`; the adapters choose the schema's folder (as the validator does) and keep one
:class:`TagSchema` per folder.
"""

from __future__ import annotations

from .presets import (
    ADDRESS,
    CHECK,
    COMBO,
    NUMBER,
    SEMI,
    TEXT,
    Field,
    PresetInfo,
    TagSchema,
    fold,
    language_of,
    load_tag_schema,
)

__all__ = [
    "ADDRESS",
    "CHECK",
    "COMBO",
    "NUMBER",
    "SEMI",
    "TEXT",
    "Field",
    "PresetInfo",
    "TagSchema",
    "fold",
    "language_of",
    "load_tag_schema",
]
