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
        settings_server: str = "",
        recorded: bool = True,
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
            self.tr("Upload"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button = self.buttonBox.addButton(
            self.tr("Save as .osc…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button.clicked.connect(self._save)
        self.buttonBox.accepted.connect(self.accept)
        self.buttonBox.rejected.connect(self.reject)
        self.commentEdit.textChanged.connect(self._update_buttons)
        self.sourceCombo.addItem("")
        self.sourceCombo.addItems(list(SOURCES))
        self.server = server
        self.settings_server = settings_server
        self.recorded = recorded
        self.set_server(server, logged_in)

        self._fill_counts()
        self._fill_list()
        self._fill_warnings()
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
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
        self.done(QDialog.DialogCode.Accepted + 1)

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
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            tree.addTopLevelItem(item)
        header = tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)

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
        index = current.data(0, Qt.ItemDataRole.UserRole)
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


# ---------------------------------------------------------------------------------------------
# The "Upload changes…" and "Save as .osc…" actions
# ---------------------------------------------------------------------------------------------


class UploadAction:
    """Wires the plugin's actions to the upload service and the dialogs."""

    TITLE = "OSM Roundtrip"  # product name

    def __init__(self, iface) -> None:
        self.iface = iface
        self.dialog: Optional[ReviewDialog] = None
        self.login = None
        self.task = None

    @staticmethod
    def tr(text: str, disambiguation=None, n: int = -1) -> str:
        from qgis.PyQt.QtCore import QCoreApplication

        return QCoreApplication.translate("UploadAction", text, disambiguation, n)

    def _bar(self, text: str, level=None, duration: int = 8) -> None:
        from qgis.core import Qgis

        self.iface.messageBar().pushMessage(
            self.TITLE, text, level if level is not None else Qgis.MessageLevel.Info, duration
        )

    def _error(self, error: BaseException) -> None:
        from qgis.core import Qgis

        from ..plugin.adapters.i18n import error_text

        self._bar(error_text(error), Qgis.MessageLevel.Critical, 0)

    def _download(self):
        """``(gpkg_path, {role: layer})`` of the download to upload (the active layer's first)."""
        from ..plugin.adapters import osm_layers

        downloads = osm_layers.find_osm_layers()
        if not downloads:
            from qgis.core import Qgis

            self._bar(
                self.tr("Load OSM data first: there are no OSM layers in the project."),
                Qgis.MessageLevel.Warning,
            )
            return None, None
        active = self.iface.activeLayer()
        path = osm_layers.layer_gpkg(active) if active is not None else None
        key = osm_layers.normalized_path(path) if path else next(iter(downloads))
        return key, downloads.get(key) or next(iter(downloads.values()))

    def _saved(self, layers) -> bool:
        from qgis.PyQt.QtWidgets import QMessageBox

        from ..plugin.adapters import osm_layers

        modified = [layer for layer in layers.values() if layer.isModified()]
        if not modified:
            return True
        answer = QMessageBox.question(
            self.iface.mainWindow(),
            self.tr("Unsaved edits"),
            self.tr("The OSM layers have unsaved edits. Save them now?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Save:
            return False
        for layer in modified:
            if not layer.commitChanges():
                self._bar("; ".join(layer.commitErrors()))
                return False
        return not osm_layers.has_unsaved_edits(list(layers.values()))

    def _changes(self, path, layers):
        from ..plugin.adapters import upload_service
        from ..plugin.core.errors import OsmRoundtripError

        try:
            return upload_service.reviewed_changes(path, layers)
        except OsmRoundtripError as exc:
            self._error(exc)
            return None

    # -- Save as .osc… --------------------------------------------------------------------------
    def save_osc(self, changes=None) -> None:
        from qgis.PyQt.QtWidgets import QFileDialog

        from ..plugin.core.osm.osmchange import write_osc

        path, layers = self._download()
        if path is None:
            return
        if changes is None:
            changes = self._changes(path, layers)
            if changes is None:
                return
        if not changes:
            self._bar(self.tr("There are no changes to save."))
            return
        target, _ = QFileDialog.getSaveFileName(
            self.iface.mainWindow(),
            self.tr("Save the changes as osmChange"),
            str(path).rsplit(".", 1)[0] + ".osc",
            self.tr("osmChange (*.osc)"),
        )
        if not target:
            return
        write_osc(changes, target)
        self._bar(self.tr("%n changes saved to {path}", "", len(changes)).format(path=target))

    # -- Upload changes… ------------------------------------------------------------------------
    def upload(self) -> None:
        from ..plugin.adapters import auth, upload_service
        from ..plugin.adapters import settings as plugin_settings
        from ..plugin.adapters.upload_service import osmchange_text, upload_server
        from ..plugin.core.errors import OsmRoundtripError
        from ..plugin.core.gpkg import read_base
        from ..plugin.core.servers import recorded_server

        path, layers = self._download()
        if path is None or not self._saved(layers):
            return
        if upload_service.has_interrupted_upload(path):
            self._settle_first(path, layers)
            return
        changes = self._changes(path, layers)
        if changes is None:
            return
        if not changes:
            self._bar(self.tr("The layers have no changes to upload."))
            return
        values = plugin_settings.load()
        recorded = recorded_server(path)
        try:
            api_url = upload_server(path, "" if recorded else values.api_url())
        except OsmRoundtripError as exc:
            self._error(exc)
            return
        try:
            token = auth.token_for(api_url)
        except Exception:
            token = None
        osc = osmchange_text(changes)
        dialog = ReviewDialog(
            self.iface,
            changes,
            osc,
            base=read_base(path),
            layers=layers,
            server=api_url,
            logged_in=bool(token),
            settings_server=values.api_url(),
            recorded=bool(recorded),
        )
        self.dialog = dialog
        dialog.loginButton.clicked.connect(lambda: self._login(dialog))
        result = dialog.exec()
        self.dialog = None
        if dialog.save_requested:
            self.save_osc(changes)
            return
        if result != QDialog.DialogCode.Accepted:
            return
        self._start(
            path, layers, api_url, changes, dialog.comment, dialog.source, osc.encode("utf-8")
        )

    def _settle_first(self, path, layers) -> None:
        """An upload of this file was interrupted: settle it and write its results back, then
        review what is left (computed from the updated file)."""
        from ..plugin.adapters import auth, upload_service
        from ..plugin.adapters import settings as plugin_settings
        from ..plugin.adapters.upload_service import upload_server
        from ..plugin.core.errors import OsmRoundtripError
        from ..plugin.core.servers import recorded_server

        recorded = recorded_server(path)
        try:  # the file's own server, where the interrupted upload went
            api_url = upload_server(path, "" if recorded else plugin_settings.load().api_url())
        except OsmRoundtripError as exc:
            self._error(exc)
            return
        try:
            token = auth.token_for(api_url)
        except Exception:
            token = None
        self._bar(
            self.tr(
                "An upload of this file was interrupted: checking on the server what it "
                "applied before computing what is left."
            )
        )

        def done(report, error) -> None:
            self.task = None
            if error is not None:
                self._error(error)
                return
            if report is not None and report.uploaded:
                self._bar(
                    self.tr(
                        "The interrupted upload had applied %n changes; they are now in the "
                        "layers.",
                        "",
                        report.uploaded,
                    )
                )
            self.upload()

        self.task = upload_service.start_settle(path, layers, api_url, token, done)

    def _login(self, dialog: ReviewDialog) -> None:
        from qgis.PyQt.QtWidgets import QInputDialog

        from ..plugin.adapters import auth
        from ..plugin.adapters.i18n import error_text

        def ask_code(url: str) -> str:
            code, ok = QInputDialog.getText(
                dialog,
                self.tr("Authorization code"),
                self.tr("Paste the code the server shows after you approved the access:"),
            )
            return code if ok else ""

        def done(token, error) -> None:
            self.login = None
            dialog.loginButton.setEnabled(True)
            if error is not None:
                dialog.serverLabel.setText(error_text(error))
                return
            if token is not None:
                dialog.set_server(dialog.server, True)

        dialog.loginButton.setEnabled(False)
        # the login is for the server the upload goes to, not the one of the settings
        self.login = auth.InteractiveLogin(done, ask_code, api_url=dialog.server)
        self.login.start()

    def _start(self, path, layers, api_url, changes, comment, source, pending=None) -> None:
        from ..plugin.adapters import auth, upload_service

        try:
            token = auth.token_for(api_url)
        except Exception as exc:
            self._error(exc)
            return

        def done(report, error) -> None:
            self.task = None
            if error is None:
                self._bar(
                    self.tr(
                        "Uploaded: {created} created, {modified} modified, {deleted} "
                        "deleted in changeset {changesets}."
                    ).format(
                        created=report.created,
                        modified=report.modified,
                        deleted=report.deleted,
                        changesets=", ".join(str(c) for c in report.changesets),
                    )
                )
                return
            from ..plugin.core.osm.upload import UploadConflict

            if isinstance(error, UploadConflict):
                self._resolve(path, layers, error, api_url, token)
                return
            self._error(error)

        from ..plugin.core.errors import OsmRoundtripError

        try:
            self.task = upload_service.start_upload(
                path, layers, api_url, token, comment, source, done, changes, pending
            )
        except OsmRoundtripError as exc:
            self._error(exc)

    def _resolve(self, path, layers, conflict, api_url, token) -> None:
        """Fetch theirs, let the user choose, write the choices into the GeoPackage."""
        from qgis.core import QgsApplication

        from ..plugin.adapters import upload_service
        from ..plugin.adapters.network import make_transport
        from ..plugin.adapters.tasks import CoreTask
        from ..plugin.core.gpkg import read_base
        from ..plugin.core.gpkg_update import rebase, take_theirs
        from ..plugin.core.osm.api import OsmApi
        from ..plugin.core.osm.xmlreader import parse_osm_bytes
        from .conflict_dialog import TAKE_THEIRS, ConflictDialog

        api = OsmApi(api_url, token, make_transport(api_url))
        conflicts = conflict.conflicts

        def fetch(task):
            result = {}
            for number, item in enumerate(conflicts):
                data = api.element_full(item.type, item.id, task.isCanceled)
                result[item.key] = parse_osm_bytes(data) if data else None
                task.report(number + 1, len(conflicts))
            return result

        def fetched(server, error) -> None:
            self.task = None
            if error is not None:
                self._error(error)
                return
            base = read_base(path)
            mine = {c.key: base.get(*c.key) for c in conflicts}
            theirs = {k: (d.get(*k) if d else None) for k, d in server.items()}
            dialog = ConflictDialog(conflicts, mine, theirs, self.iface.mainWindow())
            if dialog.exec() != QDialog.DialogCode.Accepted:
                self._error(conflict)
                return
            choices = dialog.choices()
            keep = [(c.type, c.id, c.theirs) for c in conflicts if choices[c.key] != TAKE_THEIRS]
            take = [c.key for c in conflicts if choices[c.key] == TAKE_THEIRS]
            if keep:
                rebase(path, keep)
            for key in take:
                dataset = server.get(key)
                if dataset is None:
                    from ..plugin.core.osm.model import DataSet as _DataSet

                    dataset = _DataSet()
                take_theirs(path, dataset, [key])
            upload_service.reload_layers(layers)
            self._bar(self.tr("Conflicts resolved. Review and upload again to send the rest."))

        self.task = CoreTask(self.tr("Fetching the server's versions"), fetch, fetched)
        QgsApplication.taskManager().addTask(self.task)
