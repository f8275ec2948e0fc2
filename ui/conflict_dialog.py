"""The conflict dialog: the parts of elements both the user and another mapper changed
differently (a tag, a position, a node list, a member list, deleted against modified), with the
value at download, the user's and the server's; a choice per part. What only one side changed
was merged already (:mod:`..plugin.core.osm.merge`) and is not asked. The dialog returns the
choices; the upload action applies them (:func:`..plugin.core.gpkg_merge.resolve_conflicts`)."""

from __future__ import annotations

from typing import Dict, List, Tuple

from qgis.PyQt.QtWidgets import QComboBox, QDialog, QHeaderView, QTableWidgetItem

from ..plugin.adapters.i18n import element_label
from ..plugin.core.osm.merge import (
    DELETED,
    MEMBERS,
    MINE,
    NODES,
    POSITION,
    TAG,
    THEIRS,
    MergeConflict,
    MergeResult,
)
from . import load_ui

FORM = load_ui("conflict_dialog")
KEEP_MINE, TAKE_THEIRS = MINE, THEIRS
MAX_TEXT = 80


class ConflictDialog(QDialog, FORM):
    """One row per conflicting part of ``results`` (:class:`MergeResult`)."""

    def __init__(self, results: List[MergeResult], parent=None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.results = results
        self.rows: List[Tuple[MergeResult, MergeConflict, QComboBox]] = []
        self.allMineButton.clicked.connect(lambda: self._set_all(0))
        self.allTheirsButton.clicked.connect(lambda: self._set_all(1))
        self.buttonBox.accepted.connect(self.accept)
        self.buttonBox.rejected.connect(self.reject)
        self._fill()

    def element_label(self, result: MergeResult) -> str:
        text = element_label(result.element_type, result.element_id)
        for element in (result.mine, result.theirs, result.base):
            name = element.tags.get("name") if element is not None else None
            if name:
                return f"{text} ({name})"
        return text

    def part_label(self, conflict: MergeConflict) -> str:
        if conflict.kind == TAG:
            return self.tr("tag {key}").format(key=conflict.key)
        return {
            POSITION: self.tr("position"),
            NODES: self.tr("vertices"),
            MEMBERS: self.tr("members"),
            DELETED: self.tr("deleted or changed"),
        }[conflict.kind]

    def value_text(self, conflict: MergeConflict, value) -> str:
        if value is None:
            return self.tr("(deleted)") if conflict.kind == DELETED else self.tr("(none)")
        if conflict.kind == TAG:
            text = str(value)
        elif conflict.kind == POSITION:
            text = "{:.7f}, {:.7f}".format(*value)
        elif conflict.kind == NODES:
            text = self.tr("%n vertices", "", len(value))
        elif conflict.kind == MEMBERS:
            text = self.tr("%n members", "", len(value))
        else:
            text = self.tr("changed")
        return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"

    def _fill(self) -> None:
        table = self.table
        conflicts = [(r, c) for r in self.results for c in r.conflicts]
        table.setRowCount(len(conflicts))
        for row, (result, conflict) in enumerate(conflicts):
            values = [
                self.element_label(result),
                self.part_label(conflict),
                self.value_text(conflict, conflict.base),
                self.value_text(conflict, conflict.mine),
                self.value_text(conflict, conflict.theirs),
            ]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(row, column, item)
            combo = QComboBox()
            combo.addItem(self.tr("Yours"), KEEP_MINE)
            combo.addItem(self.tr("Theirs"), TAKE_THEIRS)
            table.setCellWidget(row, 5, combo)
            self.rows.append((result, conflict, combo))
        header = table.horizontalHeader()
        for column in range(6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()

    def _set_all(self, index: int) -> None:
        for _result, _conflict, combo in self.rows:
            combo.setCurrentIndex(index)

    def set_choice(self, key, kind: str, tag: str, side: str) -> None:
        """Choose ``side`` for the part ``(kind, tag)`` of the element ``key`` (as a click)."""
        for result, conflict, combo in self.rows:
            if result.key == key and (conflict.kind, conflict.key) == (kind, tag):
                combo.setCurrentIndex(combo.findData(side))

    def choices(self) -> Dict[tuple, Dict[Tuple[str, str], str]]:
        """``{(type, id): {(kind, tag key): "mine" | "theirs"}}``."""
        chosen: Dict[tuple, Dict[Tuple[str, str], str]] = {}
        for result, conflict, combo in self.rows:
            chosen.setdefault(result.key, {})[(conflict.kind, conflict.key)] = combo.currentData()
        return chosen
