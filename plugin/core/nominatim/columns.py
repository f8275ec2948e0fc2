"""Column names for the details of Nominatim results (pure Python).

Every address part, extra tag and name detail of a result gets a column of its own:
``addr_<key>``, ``extra_<key>``, ``names_<key>``. GeoPackage, SQLite and shapefiles compare
column names without regard to case, while OSM keys do not (``fixme`` and ``FIXME`` are two
keys), so the names are made unique case-insensitively:

* a detail whose name is already a column uses that column;
* a name that differs only in case from a column (or a fixed field) gets ``_2``, ``_3``, … — a
  column with that exact name is taken to be its own (so appending results keeps filling it);
* at most :data:`MAX_DETAIL_COLUMNS` detail columns in all: further details stay in ``raw_json``
  only (the answer as the server sent it), so a result with thousands of keys cannot make a
  layer that GIS software refuses to open.
"""

from __future__ import annotations

from typing import Dict, Iterable, List, Sequence

MAX_DETAIL_COLUMNS = 250


def assign_columns(
    names: Iterable[str], existing: Sequence[str] = (), fixed: Sequence[str] = ()
) -> Dict[str, str]:
    """``{detail name: column}`` for ``names`` (in order), next to the ``existing`` columns.

    ``fixed`` are the columns that are not details (counted as taken, never assigned).
    Details beyond the limit are left out of the result.
    """
    taken = {column.lower() for column in existing} | {column.lower() for column in fixed}
    exact = set(existing)
    detail_count = len([c for c in existing if c not in set(fixed)])
    result: Dict[str, str] = {}
    for name in names:
        if name in result:
            continue
        if name in exact:
            result[name] = name
            continue
        column = name
        number = 2
        while column.lower() in taken and column not in exact:
            column = f"{name}_{number}"
            number += 1
        if column in exact:
            result[name] = column
            continue
        if detail_count >= MAX_DETAIL_COLUMNS:
            continue
        detail_count += 1
        taken.add(column.lower())
        exact.add(column)
        result[name] = column
    return result


def new_columns(assigned: Dict[str, str], existing: Sequence[str]) -> List[str]:
    """The columns of ``assigned`` that ``existing`` does not have yet, in order."""
    have = set(existing)
    return [column for column in dict.fromkeys(assigned.values()) if column not in have]
