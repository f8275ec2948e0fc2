"""The review dialog: what will be uploaded, the changeset tags, then "Upload" or "Save as .osc…".

The dialog only shows what the upload service computed and collects the comment and source; the
plugin's action runs the upload itself after the user confirmed.
"""

from __future__ import annotations

from typing import Dict, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
)
from qgis.gui import QgsHighlight
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontDatabase
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidgetItem,
    QTreeWidgetItem,
)

from ..plugin.core.osm.diff import ACTIONS, CREATE, DELETE, MODIFY, OsmChanges
from ..plugin.core.osm.model import NODE, RELATION, WAY, DataSet
from . import load_ui

FORM = load_ui("review_dialog")
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
LARGE_UPLOAD = 1000  # changes: point to the automated edits code of conduct
CHANGESET_LIMIT = 10000  # changes per changeset (capabilities maximum_elements)
AREA_LIMIT = 1.0  # degrees, width + height: the smallest changeset bbox limit of production
MAX_LISTED = 20000  # rows in the list (the osmChange tab always has everything)
MAX_OSC_CHARS = 2_000_000
SOURCES = ("survey", "local knowledge", "Bing aerial imagery", "Esri World Imagery", "GPS")


class ReviewDialog(QDialog, FORM):
    """``changes`` with the base (for the map) and the layers ``{role: layer}`` of the download."""

    def __init__(
        self,
        iface,
        changes: OsmChanges,
        osc_text: str,
        *,
        base: Optional[DataSet] = None,
        layers: Optional[Dict[str, object]] = None,
        server: str = "",
        logged_in: bool = False,
        parent=None,
    ) -> None:
        super().__init__(parent or (iface.mainWindow() if iface else None))
        self.setupUi(self)
        self.iface = iface
        self.changes = changes
        self.base = base or DataSet()
        self.layers = layers or {}
        self.highlight = None
        self.save_requested = False

        self.upload_button = self.buttonBox.addButton(
            self.tr("Upload"), QDialogButtonBox.AcceptRole
        )
        self.save_button = self.buttonBox.addButton(
            self.tr("Save as .osc…"), QDialogButtonBox.ActionRole
        )
        self.save_button.clicked.connect(self._save)
        self.buttonBox.accepted.connect(self.accept)
        self.buttonBox.rejected.connect(self.reject)
        self.commentEdit.textChanged.connect(self._update_buttons)
        self.sourceCombo.addItem("")
        self.sourceCombo.addItems(list(SOURCES))
        self.set_server(server, logged_in)

        self._fill_counts()
        self._fill_list()
        self._fill_warnings()
        font = QFontDatabase.systemFont(QFontDatabase.FixedFont)
        self.oscText.setFont(font)
        if len(osc_text) > MAX_OSC_CHARS:
            osc_text = osc_text[:MAX_OSC_CHARS] + "\n" + self.tr("… (truncated in this view)")
        self.oscText.setPlainText(osc_text)
        self.changesTree.currentItemChanged.connect(self._show_on_map)
        self._update_buttons()
        self.commentEdit.setFocus()

    # -- inputs ---------------------------------------------------------------------------------
    @property
    def comment(self) -> str:
        return self.commentEdit.text().strip()

    @property
    def source(self) -> str:
        return self.sourceCombo.currentText().strip()

    def set_server(self, server: str, logged_in: bool) -> None:
        state = self.tr("logged in") if logged_in else self.tr("not logged in")
        self.serverLabel.setText(
            self.tr("Upload to <b>{server}</b> ({state})").format(server=server, state=state)
        )
        self.loginButton.setText(self.tr("Log in again…") if logged_in else self.tr("Log in…"))
        self.logged_in = logged_in
        self._update_buttons()

    def _update_buttons(self) -> None:
        empty = not self.changes
        self.upload_button.setEnabled(bool(self.comment) and not empty and self.logged_in)
        if empty:
            tip = self.tr("There is nothing to upload.")
        elif not self.logged_in:
            tip = self.tr("Log in first.")
        elif not self.comment:
            tip = self.tr("A changeset comment is required.")
        else:
            tip = ""
        self.upload_button.setToolTip(tip)
        self.save_button.setEnabled(not empty)

    def _save(self) -> None:
        self.save_requested = True
        self.done(QDialog.Accepted + 1)

    # -- content --------------------------------------------------------------------------------
    def _action_label(self, action: str) -> str:
        return {
            CREATE: self.tr("Create"),
            MODIFY: self.tr("Modify"),
            DELETE: self.tr("Delete"),
        }[action]

    def _type_label(self, element_type: str) -> str:
        return {NODE: self.tr("node"), WAY: self.tr("way"), RELATION: self.tr("relation")}[
            element_type
        ]

    def _fill_counts(self) -> None:
        counts = self.changes.counts()
        table = self.countsTable
        bold = QFont()
        bold.setBold(True)
        for row, action in enumerate(ACTIONS):
            total = 0
            for column, kind in enumerate((NODE, WAY, RELATION)):
                value = counts[(action, kind)]
                total += value
                table.setItem(row, column, self._count_item(value))
            item = self._count_item(total)
            item.setFont(bold)
            table.setItem(row, 3, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        table.resizeRowsToContents()
        height = header.sizeHint().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(row) for row in range(table.rowCount()))
        table.setFixedHeight(height)

    @staticmethod
    def _count_item(value: int) -> QTableWidgetItem:
        item = QTableWidgetItem(str(value) if value else "–")
        item.setTextAlignment(Qt.AlignCenter)
        return item

    def _fill_list(self) -> None:
        from qgis.PyQt.QtCore import QCoreApplication

        tree = self.changesTree
        colors = {CREATE: "#1a7f37", MODIFY: "#9a6700", DELETE: "#cf222e"}
        for index, change in enumerate(self.changes):
            if index >= MAX_LISTED:
                tree.addTopLevelItem(
                    QTreeWidgetItem(["…", self.tr("{n} more").format(n=len(self.changes) - index)])
                )
                break
            element = change.element
            notes = "; ".join(n.translated(QCoreApplication.translate) for n in change.notes)
            if change.if_unused:
                notes = (notes + "; " if notes else "") + self.tr("only if unused")
            feature = ", ".join(f"{layer} #{fid}" for layer, fid in change.sources)
            kind = self._type_label(element.type)
            if element.id < 0:  # a placeholder, not an id
                name = self.tr("new {type}").format(type=kind)
            else:
                name = f"{kind} {element.id}"
            item = QTreeWidgetItem(
                [
                    self._action_label(change.action),
                    name,
                    notes,
                    feature,
                ]
            )
            item.setForeground(0, QColor(colors[change.action]))
            item.setData(0, Qt.UserRole, index)
            tree.addTopLevelItem(item)
        header = tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeToContents)

    def _fill_warnings(self) -> None:
        warnings = []
        count = len(self.changes)
        if count > CHANGESET_LIMIT:
            warnings.append(
                self.tr(
                    "{count} changes are more than one changeset can hold ({limit}): they "
                    "will be uploaded in several changesets."
                ).format(count=count, limit=CHANGESET_LIMIT)
            )
        if count > LARGE_UPLOAD:
            warnings.append(
                self.tr(
                    "This is a very large upload. Large or systematic edits must follow the "
                    '<a href="https://wiki.openstreetmap.org/wiki/Automated_Edits_code_of_conduct">'
                    "Automated Edits code of conduct</a> (documented and discussed first)."
                )
            )
        box = self.bbox()
        if box is not None and (box[2] - box[0]) + (box[3] - box[1]) > AREA_LIMIT:
            warnings.append(
                self.tr(
                    "The changes spread over {w:.2f}° × {h:.2f}°. The server refuses changesets "
                    "whose area is larger than the account's limit (1° + 1° for new accounts); "
                    "upload distant areas separately."
                ).format(w=box[2] - box[0], h=box[3] - box[1])
            )
        self.warningLabel.setOpenExternalLinks(True)
        self.warningLabel.setText("<br>".join(warnings))
        self.warningLabel.setVisible(bool(warnings))

    def bbox(self):
        from ..plugin.adapters.upload_service import changes_bbox

        return changes_bbox(self.changes, self.base)

    # -- map ------------------------------------------------------------------------------------
    def _geometry(self, index: int):
        """``(geometry, crs)`` of a change: its feature when it has one, else the element."""
        change = list(self.changes)[index]
        for layer_name, fid in change.sources:
            layer = self.layers.get(layer_name)
            if layer is None:
                continue
            feature = layer.getFeature(fid)
            if feature.isValid() and feature.hasGeometry():
                return QgsGeometry(feature.geometry()), layer.crs(), layer
        element = change.element
        nodes = self.base.nodes
        if element.type == NODE and (element.id in nodes or change.action != DELETE):
            node = element if change.action != DELETE else nodes[element.id]
            return QgsGeometry.fromPointXY(QgsPointXY(node.lon, node.lat)), WGS84, None
        if element.type == WAY:
            refs = element.nodes if change.action != DELETE else self.base.ways[element.id].nodes
            points = [QgsPointXY(nodes[r].lon, nodes[r].lat) for r in refs if r in nodes]
            if points:
                return QgsGeometry.fromPolylineXY(points), WGS84, None
        return None, None, None

    def _show_on_map(self, current, _previous=None) -> None:
        if current is None or self.iface is None:
            return
        index = current.data(0, Qt.UserRole)
        if index is None:
            return
        geometry, crs, _layer = self._geometry(index)
        if geometry is None:
            return
        canvas = self.iface.mapCanvas()
        target = canvas.mapSettings().destinationCrs()
        if crs != target:
            geometry.transform(QgsCoordinateTransform(crs, target, QgsProject.instance()))
        box = geometry.boundingBox()
        if box.width() == 0 and box.height() == 0:
            box = QgsRectangle(box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
            size = max(canvas.extent().width(), canvas.extent().height()) * 0.02 or 0.001
            box.grow(size)
        else:
            box.scale(1.5)
        canvas.setExtent(box)
        self._clear_highlight()
        self.highlight = QgsHighlight(canvas, geometry, None)
        self.highlight.setColor(QColor(255, 0, 160))
        self.highlight.setFillColor(QColor(255, 0, 160, 60))
        self.highlight.setWidth(3)
        self.highlight.show()
        canvas.refresh()

    def _clear_highlight(self) -> None:
        if self.highlight is not None:
            self.highlight.hide()
            canvas = self.iface.mapCanvas() if self.iface else None
            if canvas is not None and canvas.scene() is not None:
                canvas.scene().removeItem(self.highlight)
            self.highlight = None

    def done(self, result) -> None:
        self._clear_highlight()
        super().done(result)
