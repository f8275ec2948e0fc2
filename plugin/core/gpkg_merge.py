"""A resolved three-way merge (:mod:`.osm.merge`) written into a download's GeoPackage.

For each element: the base snapshot takes *theirs* (the server's version, with the nodes of its
ways as ``/full`` gave them), and the layer rows take the merged state — the merged tags, and of
the geometry only what the server's side won (a moved node, a way's new node list, a relation's
members); what the user's side won stays as the user drew it. So the next diff is the user's
side only, on top of the other mapper's version. An element that ends deleted leaves the base
(when the server deleted it) or stays deleted in the layers (the user's deletion is uploaded
against the server's version). A user's modification of an element the server deleted is kept
as a new feature: its rows lose their identity and are created again by the next upload.
"""

from __future__ import annotations

from contextlib import closing
from typing import Dict, Iterable, List, Optional, Tuple

from .gpkg import encode_point
from .gpkg_update import (
    ALL_LAYERS,
    _columns,
    _delete_base,
    _move_vertices,
    _replace_rows,
    _rows_of,
    _sync_loaded,
    _tag_assignments,
    _update_row,
    _write_base,
    connect,
)
from .osm.features import MEMBERS, OSM_ID, OSM_TYPE, OSM_VERSION, POINTS, RELATIONS
from .osm.geometry import build_features
from .osm.merge import MEMBERS as MEMBER_PART
from .osm.merge import NODES, POSITION, THEIRS, MergeResult
from .osm.model import NODE, RELATION, WAY, DataSet, Element

ElementKey = Tuple[str, int]


def _won_by_theirs(result: MergeResult, part: str, choices: Dict) -> bool:
    if (part, "", THEIRS) in result.automatic:
        return True
    return any(c.kind == part for c in result.conflicts) and choices.get((part, "")) == THEIRS


def apply_merges(
    path,
    merges: Iterable[Tuple[MergeResult, Optional[Element], Dict]],
    server: DataSet,
) -> None:
    """Write each ``(result, final element, choices)`` into the GeoPackage; ``server`` holds
    the server's elements with the nodes and member ways they need."""
    from .gpkg import _dumps

    with closing(connect(path)) as connection:
        connection.execute("BEGIN IMMEDIATE")
        try:
            columns = {layer: _columns(connection, layer) for layer in ALL_LAYERS}
            touched: List[ElementKey] = []
            for result, final, choices in merges:
                key = result.key
                touched.append(key)
                theirs = result.theirs
                if theirs is None:  # deleted on the server
                    _delete_base(connection, key)
                    for layer in ALL_LAYERS:
                        for fid in _rows_of(connection, layer, key):
                            if final is None:
                                connection.execute(f'DELETE FROM "{layer}" WHERE fid = ?', (fid,))
                            else:  # kept by the user: a new feature, created by the next upload
                                _update_row(
                                    connection,
                                    layer,
                                    fid,
                                    {OSM_TYPE: None, OSM_ID: None, OSM_VERSION: None},
                                )
                    continue
                _write_base(connection, theirs)
                if final is None:  # the user's deletion stays, against the server's version
                    continue
                _write_rows(connection, columns, result, final, choices, server, _dumps)
            _sync_loaded(connection, set(touched))
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise


def _write_rows(connection, columns, result, final, choices, server, dumps) -> None:
    key = result.key
    theirs = result.theirs
    if key[0] == NODE:
        if _won_by_theirs(result, POSITION, choices) and result.base is not None:
            start = (result.base.lon, result.base.lat)  # type: ignore[attr-defined]
            _move_vertices(connection, {start: (theirs.lon, theirs.lat)})
            for fid in _rows_of(connection, POINTS, key):
                _update_row(connection, POINTS, fid, {"geom": encode_point(theirs.lon, theirs.lat)})
    elif key[0] == WAY and _won_by_theirs(result, NODES, choices):
        shown = DataSet()
        for node in server.nodes.values():
            shown.add(node)
        shown.add(final)
        features = build_features(shown)
        by_key = {}
        for layer, items in (
            ("osm_points", features.points),
            ("osm_lines", features.lines),
            ("osm_polygons", features.polygons),
        ):
            for feature in items:
                by_key[(layer, (feature.osm_type, feature.osm_id))] = feature
        _replace_rows(connection, columns, final, by_key)
        return  # the rows were written whole, with the merged tags
    elif key[0] == RELATION and _won_by_theirs(result, MEMBER_PART, choices):
        for fid in _rows_of(connection, RELATIONS, key):
            members = dumps([list(m) for m in final.members])  # type: ignore[attr-defined]
            _update_row(connection, RELATIONS, fid, {MEMBERS: members})
    for layer in ALL_LAYERS:
        values = _tag_assignments(columns[layer], final.tags)
        for fid in _rows_of(connection, layer, key):
            _update_row(connection, layer, fid, values)


def merge_conflicts(path, keys: Iterable[ElementKey], server: DataSet) -> List[MergeResult]:
    """The three-way merge of each conflicting element: base from the file's snapshot, mine
    from the changes its upload would send, theirs from ``server``."""
    from .gpkg import read_base
    from .osm.merge import merge_element
    from .osm.upload import changes_of_geopackage

    base = read_base(path)
    changes = {c.element.key: c for c in changes_of_geopackage(path)}
    results = []
    for key in keys:
        change = changes.get(key)
        old = base.get(*key)
        if change is None:
            mine = old  # not changed by the user (any more): theirs merges in
        elif change.action == "delete":
            mine = None
        else:
            mine = change.element
        results.append(merge_element(old, mine, server.get(*key)))
    return results


def resolve_conflicts(
    path, results: List[MergeResult], choices: Dict[ElementKey, Dict], server: DataSet
) -> None:
    """Apply the automatic merges and the user's ``choices`` (per element, per part:
    ``{(kind, tag key): "mine" | "theirs"}``)."""
    from .osm.merge import resolve

    merges = []
    for result in results:
        chosen = choices.get(result.key, {})
        merges.append((result, resolve(result, chosen), chosen))
    apply_merges(path, merges, server)


__all__ = ["apply_merges", "merge_conflicts", "resolve_conflicts"]
