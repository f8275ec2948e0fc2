"""The review dock: what will be uploaded, its problems, the changeset tags, then "Upload" or
"Save as .osc…".

A dock beside the map (right area, like JOSM's upload and changeset panels), not a modal dialog:
the map stays usable while the review is open, and a click on a change shows it there (its state
before the change dashed). The dock only shows what the upload service computed (the changes,
their osmChange and their validation) and collects the changeset's tags; the plugin's action
(:mod:`.upload_action`) computes, refreshes and uploads when the dock asks for it
(:attr:`ReviewDock.uploadRequested`, :attr:`ReviewDock.refreshRequested`, …). Errors of the
validation block the upload; warnings need "I have checked the warnings". A problem's fix is
applied through the review's state (:class:`.review_validation.ReviewState`), which computes
everything again.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
)
from qgis.gui import QgsDockWidget, QgsHighlight
from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QFont, QFontDatabase
from qgis.PyQt.QtWidgets import (
    QHeaderView,
    QTableWidgetItem,
    QTreeWidgetItem,
)

from ..plugin.adapters.i18n import element_label, element_type_label
from ..plugin.core.changeset_tags import ChangesetInput
from ..plugin.core.osm.diff import ACTIONS, CREATE, DELETE, MODIFY, OsmChanges
from ..plugin.core.osm.model import NODE, RELATION, WAY, DataSet
from ..plugin.core.validate import ValidationReport
from ..plugin.core.validate.issues import ERROR
from ..plugin.core.validate.issues import WARNING as WARNING_SEVERITY
from . import load_ui
from .review_changeset import ChangesetForm
from .review_problems import ProblemsPanel, issue_geometries

FORM = load_ui("review_dock")
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
LARGE_UPLOAD = 1000  # changes: point to the automated edits code of conduct
CHANGESET_LIMIT = 10000  # changes per changeset (capabilities maximum_elements)
AREA_LIMIT = 3.0  # square degrees of the changes' bounding box: JOSM's warning
MAX_LISTED = 20000  # rows in the list (the osmChange tab always has everything)
MAX_OSC_CHARS = 2_000_000
HIGHLIGHT = QColor(255, 0, 160)
BEFORE = QColor(90, 90, 90)  # the state before a change: dashed
MAX_EXPANDED = 2000  # changes whose lines are shown at once (more: expanded one by one)
MAX_CELL = 300  # characters of a cell's text (the tooltip has all of it)
POINT_VIEW_M = 150  # metres shown around a point that is zoomed to
PAN_LIMIT = 40  # a change this many times smaller than the view is zoomed to, not panned to


class ReviewDock(QgsDockWidget, FORM):
    """``changes`` with the base (for the map) and the layers ``{role: layer}`` of the download.

    ``path`` is the GeoPackage reviewed (one review per file at a time: the action keeps one
    dock). The dock's buttons ask the action through its signals."""

    OBJECT_NAME = "OsmRoundtripReviewDock"
    uploadRequested = pyqtSignal()
    saveRequested = pyqtSignal()
    refreshRequested = pyqtSignal()
    closed = pyqtSignal()

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
        settings_server: str = "",
        recorded: bool = True,
        report: Optional[ValidationReport] = None,
        state=None,
        changeset: Optional[dict] = None,
        recent_comments: Sequence[str] = (),
        path=None,
        parent=None,
    ) -> None:
        super().__init__(parent or (iface.mainWindow() if iface else None))
        self.setupUi(self)
        self.setObjectName(self.OBJECT_NAME)
        self.setAllowedAreas(
            Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.iface = iface
        self.path = path
        self.busy = ""  # what runs for this review (computing, uploading): no upload meanwhile
        self.stale = False  # the layers were saved since the changes were computed
        self.fixing = False  # a fix is being saved: the dock computes again itself
        self.changes = changes
        self.osc = osc_text
        self.report = report
        self.state = state  # a ReviewState: fixes are possible
        self.base = base or DataSet()
        self.layers = layers or {}
        self.highlight = None
        self.highlights: List[QgsHighlight] = []
        self.form = ChangesetForm(self, changeset, recent_comments)
        self.commentEdit = self.form.comment_edit
        self.problems = ProblemsPanel(self)

        self.upload_button = self.uploadButton
        self.save_button = self.saveButton
        self.save_button.clicked.connect(self.saveRequested)
        self.upload_button.clicked.connect(self._upload)
        self.refreshButton.clicked.connect(self.refreshRequested)
        self.statusLabel.setVisible(False)
        for signal in self.form.widgets_changed():
            signal.connect(self._update_buttons)
        self.acknowledgeCheck.toggled.connect(self._update_buttons)
        self.fixButton.clicked.connect(self._fix)
        self.issuesLayerButton.clicked.connect(self.add_issues_layer)
        self.issues_layer = None
        self.problemsTree.currentItemChanged.connect(self._show_issue)
        self.server = server
        self.settings_server = settings_server
        self.recorded = recorded
        self.set_server(server, logged_in)

        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.oscText.setFont(font)
        self._show(changes, osc_text, report)
        if report:  # problems to look at first
            self.tabs.setCurrentWidget(self.problemsTab)
        self.changesTree.currentItemChanged.connect(self._show_on_map)
        self.commentEdit.setFocus()

    def show_state(self, state, server: str, logged_in: bool) -> None:
        """Show the changes computed again (Refresh, the layers saved, conflicts merged); the
        changeset's inputs stay as the user left them."""
        self.state = state
        self.base = state.base or DataSet()
        self.layers = state.layers or self.layers
        self.stale = False
        self.set_server(server, logged_in)
        self._show(state.changes, state.osc, state.report)

    def set_busy(self, text: str) -> None:
        """``text`` says what runs now (no upload, refresh or fix meanwhile); ``""``: nothing."""
        self.busy = text
        self.statusLabel.setText(text)
        self.statusLabel.setVisible(bool(text))
        self._update_buttons()

    def set_stale(self) -> None:
        """The layers were saved: what is shown is not what would be uploaded any more."""
        self.stale = True
        self._update_buttons()

    def _upload(self) -> None:
        if self.upload_button.isEnabled():
            self.uploadRequested.emit()

    def _show(self, changes: OsmChanges, osc_text: str, report) -> None:
        """Show (again, after a fix) the changes, their osmChange and their problems."""
        self.changes, self.osc, self.report = changes, osc_text, report
        self._clear_highlight()
        self._fill_counts()
        self._fill_list()
        self._fill_warnings()
        if len(osc_text) > MAX_OSC_CHARS:
            osc_text = osc_text[:MAX_OSC_CHARS] + "\n" + self.tr("… (truncated in this view)")
        self.oscText.setPlainText(osc_text)
        self.problems.show(report)
        self.issuesLayerButton.setEnabled(bool(report and len(report)))
        warned = bool(report and report.warnings) or bool(self.warningLabel.text())
        self.acknowledgeCheck.setVisible(warned)
        if not warned:
            self.acknowledgeCheck.setChecked(False)
        self._update_buttons()

    def add_issues_layer(self):
        """The problems as a temporary "OSM issues" layer on top of the project (replacing the
        one this review added before, after a fix)."""
        from ..plugin.adapters.validation import issues_layer

        if self.report is None or not len(self.report):
            return None
        project = QgsProject.instance()
        if self.issues_layer is not None and project.mapLayer(self.issues_layer) is not None:
            project.removeMapLayer(self.issues_layer)
        layer = issues_layer(self.report)
        project.addMapLayer(layer)
        self.issues_layer = layer.id()
        return layer

    # -- inputs ---------------------------------------------------------------------------------
    @property
    def comment(self) -> str:
        return self.commentEdit.text().strip()

    @property
    def source(self) -> str:
        return self.sourceCombo.currentText().strip()

    def changeset_input(self) -> ChangesetInput:
        """What the user gave for the changeset (:func:`..plugin.core.changeset_tags.build`
        makes its tags)."""
        return self.form.inputs()

    def set_server(self, server: str, logged_in: bool) -> None:
        """Show where the upload goes (the download's own server) and the login there."""
        from html import escape

        from ..plugin.core.servers import same_api

        self.server = server
        state = self.tr("logged in") if logged_in else self.tr("not logged in")
        lines = [
            self.tr("Upload to <b>{server}</b> ({state})").format(
                server=escape(server), state=state
            )
        ]
        if not self.recorded:
            lines.append(
                self.tr(
                    "This file does not record the server it came from: the server of the "
                    "settings is used."
                )
            )
        elif self.settings_server and not same_api(server, self.settings_server):
            lines.append(
                self.tr(
                    "The data was downloaded from this server and is uploaded only there; the "
                    "server of the settings ({settings}) is not used for it."
                ).format(settings=escape(self.settings_server))
            )
        self.serverLabel.setText("<br>".join(lines))
        if self.isVisible():  # else at the first resize, when the label has its width
            self._fit_server_label()
        from ..plugin.adapters.auth import account_name

        name = account_name(server) if logged_in else ""
        if name:
            self.loginButton.setText(self.tr("Logged in as {name} — change…").format(name=name))
        else:
            self.loginButton.setText(self.tr("Log in again…") if logged_in else self.tr("Log in…"))
        self.logged_in = logged_in
        self._update_buttons()

    def _update_buttons(self) -> None:
        if not hasattr(self, "upload_button"):
            return  # still being set up
        empty = not self.changes
        errors = len(self.report.errors) if self.report is not None else 0
        warned = self.acknowledgeCheck.isVisibleTo(self)
        if self.busy:
            tip = self.busy
        elif self.stale:
            tip = self.tr("The layers were saved since: the changes are being computed again.")
        elif empty:
            tip = self.tr("There is nothing to upload.")
        elif not self.logged_in:
            tip = self.tr("Log in first.")
        elif errors:
            tip = self.tr(
                "The validation found %n errors: fix them (see Problems) before uploading.",
                "",
                errors,
            )
        else:
            tip = self.form.problem()
            if not tip and warned and not self.acknowledgeCheck.isChecked():
                tip = self.tr("Check the warnings, then tick “I have checked the warnings”.")
        self.upload_button.setEnabled(not tip)
        self.upload_button.setToolTip(tip)
        self.acknowledgeCheck.setEnabled(not errors)
        self.save_button.setEnabled(not empty and not self.busy)
        self.refreshButton.setEnabled(not self.busy)
        self.fixButton.setEnabled(
            not self.busy
            and self.state is not None
            and self.problems.fix_of(self.problems.current_issue()) is not None
        )

    # -- content --------------------------------------------------------------------------------
    def _action_label(self, action: str) -> str:
        return {
            CREATE: self.tr("Create"),
            MODIFY: self.tr("Modify"),
            DELETE: self.tr("Delete"),
        }[action]

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
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.resizeRowsToContents()
        height = header.sizeHint().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(row) for row in range(table.rowCount()))
        table.setFixedHeight(height)

    @staticmethod
    def _count_item(value: int) -> QTableWidgetItem:
        item = QTableWidgetItem(str(value) if value else "–")
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        return item

    def _fill_list(self) -> None:
        from ..plugin.adapters.tag_form import preset_names
        from ..plugin.adapters.validation import tagging_schema
        from ..plugin.core.osm.labels import change_details, element_geometry, feature_label

        tree = self.changesTree
        tree.clear()
        self._ways_of = None
        colors = {CREATE: "#1a7f37", MODIFY: "#9a6700", DELETE: "#cf222e"}
        schema = tagging_schema()
        names = preset_names()  # in the user's language
        new_ways = [c.element.nodes for c in self.changes if c.element.type == WAY]
        translate = QCoreApplication.translate
        problems = self._problems_by_element()
        for index, change in enumerate(self.changes):
            if index >= MAX_LISTED:
                tree.addTopLevelItem(
                    QTreeWidgetItem(["…", self.tr("{n} more").format(n=len(self.changes) - index)])
                )
                break
            element = change.element
            if element.id < 0:  # a placeholder, not an id
                name = self.tr("new {type}").format(type=element_type_label(element.type))
            else:
                name = element_label(element.type, element.id)
            shown = element
            if change.action == DELETE or not element.tags:  # what it was
                old = self._old(element)
                shown = old if old is not None else element
            geometry = element_geometry(shown, self.base, new_ways)
            label = feature_label(shown.tags, geometry, schema, names)
            if not label and element.type == NODE:
                label = self._vertex_label(element.id, schema, names)
            parts = [n.translated(translate) for n in change_details(change, self.base)]
            if change.if_unused:
                parts.append(self.tr("only if unused"))
            sources = ", ".join(f"{layer} #{fid}" for layer, fid in change.sources)
            cells = [self._action_label(change.action), label, name]
            item = QTreeWidgetItem([_cut(cell) for cell in cells])
            if label:
                item.setToolTip(1, label)
            if sources:
                item.setToolTip(
                    2,
                    self.tr("{element}, feature {features}").format(element=name, features=sources),
                )
            item.setForeground(0, QColor(colors[change.action]))
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            found = problems.get(change.key)
            if found:  # marked here, listed in the Problems tab
                icon = "/mIconCritical.svg" if found[0] == ERROR else "/mIconWarning.svg"
                item.setIcon(0, QgsApplication.getThemeIcon(icon))
                item.setToolTip(0, "\n".join(found[1]))
            tree.addTopLevelItem(item)
            for part in parts:  # what changes, one line each, under the change
                child = QTreeWidgetItem(item, [_cut(part)])
                child.setToolTip(0, part)
                child.setFirstColumnSpanned(True)
                child.setData(0, Qt.ItemDataRole.UserRole, index)
        if len(self.changes) <= MAX_EXPANDED:
            tree.expandAll()
        header = tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        tree.resizeColumnToContents(1)
        tree.setColumnWidth(1, min(tree.columnWidth(1), 200))

    def _problems_by_element(self) -> Dict:
        """``{element key: (worst severity, [messages])}`` of the validation's issues."""
        found: Dict = {}
        if self.report is None:
            return found
        translate = QCoreApplication.translate
        for issue in self.report.issues:
            text = issue.message.translated(translate)
            for key in issue.elements:
                severity, texts = found.get(key, (WARNING_SEVERITY, []))
                if issue.severity == ERROR:
                    severity = ERROR
                texts.append(text)
                found[key] = (severity, texts)
        return found

    def details(self, row: int) -> List[str]:
        """The lines under the change of ``row`` (what it changes)."""
        item = self.changesTree.topLevelItem(row)
        return [item.child(i).toolTip(0) for i in range(item.childCount())]

    def _vertex_label(self, node_id: int, schema, names) -> str:
        """An untagged node: "vertex of" the first way that has it (changed, else downloaded)."""
        from ..plugin.core.osm.labels import element_geometry, feature_label

        if self._ways_of is None:  # once per list: node → its first way
            self._ways_of = {}
            changed = [c.element for c in self.changes if c.element.type == WAY]
            for way in [*changed, *self.base.ways.values()]:
                for ref in way.nodes:
                    self._ways_of.setdefault(ref, way)
        way = self._ways_of.get(node_id)
        if way is None:
            return ""
        name = feature_label(way.tags, element_geometry(way), schema, names)
        return self.tr("vertex of {way}").format(way=name or element_type_label(WAY))

    def _old(self, element):
        table = {NODE: self.base.nodes, WAY: self.base.ways, RELATION: self.base.relations}
        return table[element.type].get(element.id)

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
        width, height = (box[2] - box[0], box[3] - box[1]) if box is not None else (0, 0)
        if width * height > AREA_LIMIT:
            warnings.append(
                self.tr(
                    "The changes spread over {w:.2f}° × {h:.2f}° ({area:.1f} square degrees, "
                    "more than {limit:g}). Such a changeset covers a large part of the map and "
                    "is hard for others to review, and the server refuses changesets larger than "
                    "the account's limit: upload distant areas separately."
                ).format(w=width, h=height, area=width * height, limit=AREA_LIMIT)
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
        index = current.data(0, Qt.ItemDataRole.UserRole)
        if index is None:
            return
        from ..plugin.core.osm.before_after import before_after

        change = list(self.changes)[index]
        before, after = before_after(change, self.changes, self.base)
        if not before and not after:  # a relation: its feature, else nothing to draw
            geometry, crs, _layer = self._geometry(index)
            if geometry is not None:
                self._highlight([(geometry, crs)])
            return
        self._highlight([(_shape(s), WGS84) for s in after], [(_shape(s), WGS84) for s in before])

    def _show_issue(self, current, _previous=None) -> None:
        issue = self.problems.current_issue() if current is not None else None
        self.problems.selected(issue, self.state is not None)
        if issue is None or self.iface is None:
            return
        shown = issue_geometries(issue, self.layers, self.changes, self.base)
        if shown:
            self._highlight([(g, crs if crs is not None else WGS84) for g, crs in shown])

    def _highlight(self, geometries, before=()) -> None:
        """Zoom to ``[(geometry, crs)]`` and highlight them until the next one or the end;
        ``before`` (the state before the change) is drawn dashed under them."""
        from qgis.gui import QgsRubberBand

        canvas = self.iface.mapCanvas()
        target = canvas.mapSettings().destinationCrs()
        self._clear_highlight()
        box = None
        for geometry, crs in before:
            if crs != target:
                geometry.transform(QgsCoordinateTransform(crs, target, QgsProject.instance()))
            band = QgsRubberBand(canvas, geometry.type())
            band.setToGeometry(geometry, None)
            band.setStrokeColor(BEFORE)
            band.setFillColor(QColor(0, 0, 0, 0))
            band.setLineStyle(Qt.PenStyle.DashLine)
            band.setWidth(2)
            band.setIconSize(10)
            band.show()
            self.highlights.append(band)
            if box is None:
                box = QgsRectangle(geometry.boundingBox())
            else:
                box.combineExtentWith(geometry.boundingBox())
        for geometry, crs in geometries:
            if crs != target:
                geometry.transform(QgsCoordinateTransform(crs, target, QgsProject.instance()))
            if box is None:
                box = QgsRectangle(geometry.boundingBox())
            else:
                box.combineExtentWith(geometry.boundingBox())
            highlight = QgsHighlight(canvas, geometry, None)
            highlight.setColor(HIGHLIGHT)
            highlight.setFillColor(QColor(255, 0, 160, 60))
            highlight.setWidth(3)
            highlight.show()
            self.highlights.append(highlight)
        if box is None:
            return
        self.highlight = self.highlights[-1]
        self._bring_into_view(canvas, box, target)

    @staticmethod
    def _bring_into_view(canvas, box: QgsRectangle, crs) -> None:
        """Pan to ``box`` when it fits the view at a scale where it can be seen (the user's zoom
        stays); zoom to it when it does not fit, or is a speck in a view far too large."""
        if box.width() == 0 and box.height() == 0:
            size = POINT_VIEW_M / 2
            if crs.isGeographic():
                size = size / 111320.0
            box.grow(size)
        else:
            box.scale(1.5)
        extent = canvas.extent()
        fits = box.width() <= extent.width() and box.height() <= extent.height()
        seen = max(box.width() * PAN_LIMIT, box.height() * PAN_LIMIT) >= max(
            extent.width(), extent.height()
        )
        if fits and seen:
            if not extent.contains(box):
                canvas.setCenter(box.center())
        else:
            canvas.setExtent(box)
        canvas.refresh()

    def _clear_highlight(self) -> None:
        canvas = self.iface.mapCanvas() if self.iface else None
        for highlight in self.highlights:
            highlight.hide()
            if canvas is not None and canvas.scene() is not None:
                canvas.scene().removeItem(highlight)
        self.highlights = []
        self.highlight = None

    # -- fixes ----------------------------------------------------------------------------------
    def _fix(self) -> None:
        """Apply the selected problem's fix to its feature, then validate again."""
        from ..plugin.adapters.i18n import error_text
        from ..plugin.core.errors import OsmRoundtripError

        issue = self.problems.current_issue()
        fix = self.problems.fix_of(issue)
        if fix is None or self.state is None:
            return
        self.fixing = True
        try:
            state = self.state.fix(fix, self.iface.mapCanvas() if self.iface is not None else None)
        except OsmRoundtripError as error:
            self.problemDetail.setText(error_text(error))
            return
        finally:
            self.fixing = False
        self.stale = False
        self._show(state.changes, state.osc, state.report)
        self.problemDetail.setText(
            self.tr("Fixed: {what}").format(
                what=fix.description.translated(QCoreApplication.translate)
            )
        )

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_server_label()

    def _fit_server_label(self) -> None:
        """The wrapped server label keeps the height of its lines: the dialog's minimum size
        does not follow wrapped labels, and the changeset box below would be squeezed."""
        label = self.serverLabel
        height = label.heightForWidth(label.width())
        if height > 0 and height != label.minimumHeight():
            label.setMinimumHeight(height)

    def closeEvent(self, event) -> None:
        """Closing the review only closes it: nothing saved or uploaded is undone."""
        self._clear_highlight()
        super().closeEvent(event)
        self.closed.emit()


def _cut(text: str) -> str:
    """A cell's text: one line, at most :data:`MAX_CELL` characters (the view elides the rest,
    the tooltip has it all)."""
    text = text.replace("\n", " ")
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _shape(coords) -> QgsGeometry:
    """A point (one coordinate) or a line, in WGS 84."""
    points = [QgsPointXY(x, y) for x, y in coords]
    if len(points) == 1:
        return QgsGeometry.fromPointXY(points[0])
    return QgsGeometry.fromPolylineXY(points)
