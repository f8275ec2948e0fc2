"""The conflict dialog: each element changed on the server, mine and theirs, "Keep mine" or
"Take theirs" per element. It returns the choices; the upload service applies them."""

from __future__ import annotations

from typing import Dict, List, Optional

from qgis.PyQt.QtWidgets import QComboBox, QDialog, QHeaderView, QTableWidgetItem

from ..plugin.core.osm.model import Element
from ..plugin.core.osm.upload import Conflict
from . import load_ui

FORM = load_ui("conflict_dialog")
KEEP_MINE, TAKE_THEIRS = "mine", "theirs"


class ConflictDialog(QDialog, FORM):
    """``mine``/``theirs`` map ``(type, id)`` to the elements (``theirs`` ``None``: deleted)."""

    def __init__(
        self,
        conflicts: List[Conflict],
        mine: Optional[Dict] = None,
        theirs: Optional[Dict] = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.conflicts = conflicts
        self.mine = mine or {}
        self.theirs = theirs or {}
        self.combos: List[QComboBox] = []
        self.allMineButton.clicked.connect(lambda: self._set_all(0))
        self.allTheirsButton.clicked.connect(lambda: self._set_all(1))
        self.buttonBox.accepted.connect(self.accept)
        self.buttonBox.rejected.connect(self.reject)
        self._fill()

    def _fill(self) -> None:
        table = self.table
        table.setRowCount(len(self.conflicts))
        for row, conflict in enumerate(self.conflicts):
            mine = self.mine.get(conflict.key)
            theirs = self.theirs.get(conflict.key)
            if conflict.action == "modify":
                mine_text = self.tr("modified (v{version})").format(version=conflict.mine)
            else:
                mine_text = self.tr("deleted (v{version})").format(version=conflict.mine)
            table.setItem(row, 0, QTableWidgetItem(f"{conflict.type} {conflict.id}"))
            table.setItem(row, 1, QTableWidgetItem(mine_text))
            if not conflict.visible or (theirs is not None and not theirs.visible):
                their_text = self.tr("deleted (v{version})").format(version=conflict.theirs)
            else:
                their_text = self.tr("v{version}").format(version=conflict.theirs)
                if theirs is not None and theirs.user:
                    their_text += " " + self.tr("by {user}").format(user=theirs.user)
            table.setItem(row, 2, QTableWidgetItem(their_text))
            differences = QTableWidgetItem(self._differences(mine, theirs))
            differences.setToolTip(differences.text())
            table.setItem(row, 3, differences)
            combo = QComboBox()
            combo.addItem(self.tr("Keep mine"), KEEP_MINE)
            combo.addItem(self.tr("Take theirs"), TAKE_THEIRS)
            table.setCellWidget(row, 4, combo)
            self.combos.append(combo)
        header = table.horizontalHeader()
        for column in (0, 1, 2, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()

    def _differences(self, mine: Optional[Element], theirs: Optional[Element]) -> str:
        if mine is None or theirs is None:
            return ""
        parts = []
        keys = sorted(set(mine.tags) | set(theirs.tags))
        for key in keys:
            a, b = mine.tags.get(key), theirs.tags.get(key)
            if a != b:
                parts.append(
                    f"{key}: {a if a is not None else '–'} ⟷ {b if b is not None else '–'}"
                )
        if getattr(mine, "lat", None) is not None and (
            (round(mine.lat, 7), round(mine.lon, 7)) != (round(theirs.lat, 7), round(theirs.lon, 7))
        ):
            parts.append(self.tr("position differs"))
        if getattr(mine, "nodes", None) is not None and mine.nodes != theirs.nodes:
            parts.append(self.tr("vertices differ"))
        if getattr(mine, "members", None) is not None and mine.members != theirs.members:
            parts.append(self.tr("members differ"))
        return "; ".join(parts) or self.tr("only the version differs")

    def _set_all(self, index: int) -> None:
        for combo in self.combos:
            combo.setCurrentIndex(index)

    def choices(self) -> Dict[tuple, str]:
        """``{(type, id): "mine" | "theirs"}``."""
        return {c.key: combo.currentData() for c, combo in zip(self.conflicts, self.combos)}
