""" "Update data": the server's current state merged into a download, the user's edits kept.

As JOSM's *Update data*: the file's own boxes are downloaded again (:func:`update_download`) and
compared element by element with the base snapshot and with the user's edits (the changes the
next upload would send):

=====================================  ===========================================================
server changed (or added, or removed)  the user did not touch it: base and layers take the
                                       server's version (other mappers' work comes in)
the user changed it, the server not    kept as it is: the next upload sends it (still on the
                                       current version, so it applies on top of nothing new)
both changed it                        merged part by part (:mod:`.osm.merge`, the merge of an
                                       upload conflict): different tags, or a tag and a
                                       position, merge by themselves; a part both changed
                                       differently is a *conflict*: base and layers keep the
                                       user's side and the old version, so the server refuses
                                       the upload of it (409) and the conflict resolution asks;
                                       nothing of either mapper is lost or overwritten
=====================================  ===========================================================

An element missing from the new download is gone from the area (deleted, or moved out of the
boxes): it leaves the file unless the user changed it (a conflict then; deleted by the user
too, it simply leaves). Nodes the user moved,
tagged or deleted count as touched; so do ways and relations whose tags, node list or members
the user changed (:func:`plan_update`). Pure Python; the adapters run it in a task.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Set, Tuple

from .osm.diff import CREATE, DELETE, OsmChanges
from .osm.model import NODE, RELATION, WAY, DataSet

ElementKey = Tuple[str, int]


@dataclass
class UpdatePlan:
    """What :func:`apply_plan` does: ``taken`` keys get the server's state (``server`` holds it,
    with the conflicting elements replaced by their base versions so that nothing of them
    changes); ``conflicts`` stay as the user has them."""

    server: DataSet
    taken: Set[ElementKey] = field(default_factory=set)
    changed: List[ElementKey] = field(default_factory=list)  # newer on the server
    added: List[ElementKey] = field(default_factory=list)  # new in the area
    removed: List[ElementKey] = field(default_factory=list)  # gone from the area
    conflicts: List[ElementKey] = field(default_factory=list)  # changed on both sides


@dataclass
class UpdateReport:
    path: str
    changed: int = 0
    added: int = 0
    removed: int = 0
    conflicts: List[ElementKey] = field(default_factory=list)
    kept: int = 0  # the user's changes still to upload after the update
    merged: int = 0  # changed on both sides, in different parts: merged by themselves

    @property
    def summary(self) -> str:
        return (
            f"{self.changed} changed, {self.added} new and {self.removed} removed elements from "
            f"the server; {len(self.conflicts)} conflicts; {self.kept} changes of yours kept"
        )


def touched_keys(changes: OsmChanges) -> Set[ElementKey]:
    """The existing elements the user's changes modify or delete."""
    return {change.element.key for change in changes if change.action != CREATE}


def plan_update(base: DataSet, theirs: DataSet, changes: OsmChanges) -> UpdatePlan:
    """Compare the base snapshot with the server's current ``theirs`` and the user's changes."""
    mine = touched_keys(changes)
    deleted = {change.element.key for change in changes if change.action == DELETE}
    plan = UpdatePlan(server=DataSet())
    plan.server.bounds = list(base.bounds)
    for kind in (NODE, WAY, RELATION):
        old_table, new_table = base.table(kind), theirs.table(kind)
        for element_id, new in new_table.items():
            key = (kind, element_id)
            old = old_table.get(element_id)
            if not new.visible:
                if old is not None:
                    _gone(plan, key, mine - deleted, old)
                continue
            if old is None:
                plan.added.append(key)
                plan.taken.add(key)
                plan.server.add(new)
            elif new.version != old.version:
                if key in mine:
                    plan.conflicts.append(key)
                    plan.server.add(old)
                else:
                    plan.changed.append(key)
                    plan.taken.add(key)
                    plan.server.add(new)
            else:
                plan.server.add(new)
        for element_id, old in old_table.items():
            if element_id not in new_table:
                _gone(plan, (kind, element_id), mine - deleted, old)
    return plan


def _gone(plan: UpdatePlan, key: ElementKey, mine: Set[ElementKey], old) -> None:
    if key in mine:
        plan.conflicts.append(key)  # changed by the user, gone from the server's area
        plan.server.add(old)
    else:
        plan.removed.append(key)
        plan.taken.add(key)


def apply_plan(path, plan: UpdatePlan) -> None:
    """Write the taken elements into the base snapshot and the layers."""
    from .gpkg_update import take_theirs

    if plan.taken:
        take_theirs(path, plan.server, sorted(plan.taken, key=_order))


def _order(key: ElementKey):
    return ({NODE: 0, WAY: 1, RELATION: 2}[key[0]], key[1])


def update_from(path, theirs: DataSet) -> UpdateReport:
    """Merge ``theirs`` (the server's current data of the file's boxes) into the download."""
    from .gpkg import read_base
    from .gpkg_merge import merge_conflicts, resolve_conflicts
    from .osm.upload import changes_of_geopackage

    changes = changes_of_geopackage(path)
    plan = plan_update(read_base(path), theirs, changes)
    apply_plan(path, plan)
    # changed on both sides: merged part by part as an upload conflict is; what both changed
    # differently stays the user's until the upload's conflict resolution asks
    results = merge_conflicts(path, plan.conflicts, theirs) if plan.conflicts else []
    merged = [r for r in results if not r.conflicts]
    if merged:
        resolve_conflicts(path, merged, {}, theirs)
    report = UpdateReport(
        path=str(path),
        changed=len(plan.changed),
        added=len(plan.added),
        removed=len(plan.removed),
        conflicts=[r.key for r in results if r.conflicts],
        merged=len(merged),
    )
    report.kept = len(changes_of_geopackage(path))
    return report


def update_download(
    path,
    api_url: str,
    transport,
    *,
    cancel=None,
    progress=None,
    bounds: Optional[List[Tuple[float, float, float, float]]] = None,
) -> UpdateReport:
    """Download the file's own boxes (or ``bounds``) again from ``api_url`` and merge them in
    (:func:`update_from`). Nothing is written unless every box was read and parsed."""
    from .gpkg import read_base
    from .osm.download import download_bbox

    boxes = bounds or read_base(path).bounds
    theirs = DataSet()
    for number, box in enumerate(boxes):
        if progress is not None:
            progress(number, len(boxes) + 1)
        theirs.merge(download_bbox(api_url, box, transport, cancel=cancel))
    if cancel is not None and cancel():
        from .errors import Cancelled

        raise Cancelled()
    if progress is not None:
        progress(len(boxes), len(boxes) + 1)
    return update_from(path, theirs)
