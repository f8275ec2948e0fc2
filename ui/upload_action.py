"""The "Upload changes…" and "Save as .osc…" actions: the upload service, the review, the upload.

The review (:class:`.review_dock.ReviewDock`, a dock beside the map) shows the changes of the
active download with their validation and collects the changeset's tags. It stays open while the
user works on the map: "Refresh" and saving the layers compute the changes again (in a task).
After the user pressed "Upload", the upload runs in a task and the comment, source and hashtags
are remembered (the comment per file in its GeoPackage, the recent comments in the settings), so
that they survive a failed upload, a conflict and closing the review. One review at a time: a
review of another file replaces it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional

from qgis.PyQt.QtWidgets import QDialog

if TYPE_CHECKING:
    from .review_dock import ReviewDock

REFRESH_DELAY_MS = 300  # the layers of a download are saved one after the other
SUCCESS_SECONDS = 60  # the success message (with its link) stays this long


class UploadAction:
    """Wires the plugin's actions to the upload service, the review dock and the dialogs."""

    TITLE = "OSM Roundtrip"  # product name

    def __init__(self, iface) -> None:
        self.iface = iface
        self.dock: Optional[ReviewDock] = None
        self.api_url = ""  # where the reviewed changes go
        self.login = None
        self.task = None
        self._watched: List = []  # the reviewed layers (their signals are connected)
        self._refresh_timer = None
        self._refresh_waiting = False  # the layers were saved while a task ran

    @property
    def dialog(self) -> Optional[ReviewDock]:
        """The open review (the name from when it was a dialog)."""
        return self.dock

    def unload(self) -> None:
        """Remove the review dock (the plugin is unloaded)."""
        self.close_review()

    @staticmethod
    def tr(text: str, disambiguation=None, n: int = -1) -> str:
        from qgis.PyQt.QtCore import QCoreApplication

        return QCoreApplication.translate("UploadAction", text, disambiguation, n)

    def _bar(self, text: str, level=None, duration: int = 8) -> None:
        from qgis.core import Qgis

        self.iface.messageBar().pushMessage(
            self.TITLE, text, level if level is not None else Qgis.MessageLevel.Info, duration
        )

    def _bar_later(self, text: str, level=None, duration: int = 8) -> None:
        """The message after a task: pushed once QGIS has shown its own "Task complete" (which
        follows the task's end and would cover the plugin's message where QGIS cannot mark the
        task silent)."""
        from qgis.PyQt.QtCore import QTimer

        QTimer.singleShot(0, lambda: self._bar(text, level, duration))

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

        if not self._saved(layers):
            return None
        try:  # the saved file, read where it was edited
            return upload_service.review(path).changes
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
        """Review the saved edits (computed in a background task) in the review dock; the dock's
        "Upload" uploads them."""
        from ..plugin.adapters import osm_layers, upload_service

        path, layers = self._download()
        if path is None or not self._saved(layers):
            return
        if upload_service.has_interrupted_upload(path):
            self._settle_first(path, layers)
            return
        if self.task is not None:
            self._bar(self.tr("The changes are being computed already."))
            return
        dock = self.dock
        if dock is not None and osm_layers.normalized_path(dock.path) != path:
            self.close_review()  # one review at a time: this file's replaces the other's
        self._compute(path, layers)

    def _compute(self, path, layers) -> None:
        """Compute the changes of ``path`` in a task, then show them in the review."""
        from qgis.core import QgsApplication

        from ..plugin.adapters import compat
        from ..plugin.adapters.tasks import CoreTask
        from ..plugin.core.errors import Cancelled
        from .review_validation import ReviewState

        state = ReviewState(path, layers)
        opening = self.dock is None

        def work(task):
            return state.compute(task.report, task.isCanceled)

        def done(result, error) -> None:
            self.task = None
            if self.dock is not None:
                self.dock.set_busy("")
            elif not opening:  # the review was closed meanwhile: it stays closed
                return
            if isinstance(error, Cancelled):
                self._bar(self.tr("The review was cancelled."))
            elif error is not None:
                self._error(error)
            else:
                self._review(result)
            self._refresh_if_saved()

        if self.dock is not None:
            self.dock.set_busy(self.tr("Computing the changes…"))
        self.task = CoreTask(
            self.tr("Computing the changes to upload"), work, done, compat.task_flags()
        )
        QgsApplication.taskManager().addTask(self.task)

    def _review(self, state) -> None:
        """Show the computed changes in the review dock (opened, or shown again with the
        changeset's inputs as the user left them)."""
        from ..plugin.adapters import auth
        from ..plugin.adapters import settings as plugin_settings
        from ..plugin.adapters.upload_service import upload_server
        from ..plugin.core import changeset_tags
        from ..plugin.core.errors import OsmRoundtripError
        from ..plugin.core.servers import recorded_server
        from .review_dock import ReviewDock
        from .review_validation import imagery_names

        path, layers = state.path, state.layers
        if not state.changes and self.dock is None:
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
        self.api_url = api_url
        if self.dock is not None:
            self.dock.show_state(state, api_url, bool(token))
            self.dock.show()
            self.dock.raise_()
            return
        remembered = changeset_tags.remembered(path)
        dock = ReviewDock(
            self.iface,
            state.changes,
            state.osc,
            base=state.base,
            layers=layers,
            server=api_url,
            logged_in=bool(token),
            settings_server=values.api_url(),
            recorded=bool(recorded),
            report=state.report,
            state=state,
            changeset={
                "comment": remembered.get("comment", ""),
                "source": remembered.get("source", values.last_source),
                "hashtags": remembered.get("hashtags", values.last_hashtags),
                "imagery": imagery_names(),
            },
            recent_comments=values.comments(),
            path=path,
        )
        self.dock = dock
        dock.loginButton.clicked.connect(lambda: self._login(dock))
        dock.uploadRequested.connect(self._upload_reviewed)
        dock.saveRequested.connect(lambda: self.save_osc(dock.changes))
        dock.refreshRequested.connect(self.refresh)
        dock.closed.connect(self._review_closed)
        self._watch(layers)
        self._place(dock)

    def _place(self, dock) -> None:
        """In the right dock area, as a tab over a dock already there (the map keeps its width
        and the review the area's height), raised."""
        from qgis.PyQt.QtCore import Qt
        from qgis.PyQt.QtWidgets import QDockWidget, QMainWindow

        right = Qt.DockWidgetArea.RightDockWidgetArea
        window = self.iface.mainWindow()
        neighbours = []
        if isinstance(window, QMainWindow):
            neighbours = [
                other
                for other in window.findChildren(QDockWidget)
                if other is not dock
                and other.parent() is window
                and other.isVisible()
                and not other.isFloating()
                and window.dockWidgetArea(other) == right
            ]
        self.iface.addDockWidget(right, dock)
        if neighbours and window.dockWidgetArea(dock) == right:
            window.tabifyDockWidget(neighbours[0], dock)
        dock.show()
        dock.raise_()

    def refresh(self) -> None:
        """Compute the open review's changes again (from the saved layers)."""
        dock = self.dock
        if dock is None:
            return
        if self.task is not None:
            self._refresh_waiting = True
            return
        if not self._saved(dock.layers):
            return
        self._compute(dock.path, dock.layers)

    def _watch(self, layers) -> None:
        """Compute the review again after the layers were saved."""
        self._unwatch()
        for layer in layers.values():
            layer.afterCommitChanges.connect(self._layers_saved)
            layer.willBeDeleted.connect(self._layers_removed)
            self._watched.append(layer)

    def _unwatch(self) -> None:
        from contextlib import suppress

        for layer in self._watched:
            with suppress(RuntimeError, TypeError):  # the layer is gone already
                layer.afterCommitChanges.disconnect(self._layers_saved)
                layer.willBeDeleted.disconnect(self._layers_removed)
        self._watched = []

    def _layers_removed(self) -> None:
        """The reviewed download's layers leave the project: so does its review."""
        self.close_review()

    def _layers_saved(self) -> None:
        from qgis.PyQt.QtCore import QTimer

        dock = self.dock
        if dock is None or dock.fixing:
            return
        dock.set_stale()
        if self._refresh_timer is None:
            self._refresh_timer = QTimer()
            self._refresh_timer.setSingleShot(True)
            self._refresh_timer.timeout.connect(self.refresh)
        self._refresh_timer.start(REFRESH_DELAY_MS)

    def _refresh_if_saved(self) -> None:
        """After a task: the refresh the layers' saving asked for meanwhile."""
        if self._refresh_waiting and self.task is None:
            self._refresh_waiting = False
            self.refresh()

    def _review_closed(self) -> None:
        if self.dock is not None:
            self.close_review()

    def close_review(self) -> None:
        """Close and remove the review dock (what was saved or uploaded stays)."""
        dock, self.dock = self.dock, None
        self._unwatch()
        if self._refresh_timer is not None:
            self._refresh_timer.stop()
        self._refresh_waiting = False
        if dock is None:
            return
        self._keep_inputs(dock)
        dock.hide()
        dock._clear_highlight()
        self.iface.removeDockWidget(dock)
        dock.deleteLater()

    @staticmethod
    def _keep_inputs(dock) -> None:
        """A review closed with a comment typed: the next review of the file offers it again."""
        import logging

        from ..plugin.core import changeset_tags

        inputs = dock.changeset_input()
        if not inputs.comment or dock.path is None:
            return
        try:
            changeset_tags.remember(dock.path, inputs)
        except Exception as exc:  # a file gone or read-only: only the offer is lost
            logging.getLogger("osm_roundtrip").warning("comment not remembered: %s", exc)

    def _upload_reviewed(self) -> None:
        """The dock's "Upload": upload what it shows, with its changeset tags."""
        from ..plugin.core import changeset_tags
        from ..plugin.core.errors import OsmRoundtripError

        dock = self.dock
        if dock is None:
            return
        if self.task is not None:
            self._bar(self.tr("Another task of this file is running."))
            return
        from ..plugin.adapters import osm_layers

        if osm_layers.has_unsaved_edits(list(dock.layers.values())):
            self._saved(dock.layers)  # saving computes the review again: upload after it
            return
        inputs = dock.changeset_input()
        try:
            tags = changeset_tags.build(inputs)
        except OsmRoundtripError as exc:  # the dock allows Upload only without problems
            self._error(exc)
            return
        self._remember(dock.path, inputs)
        dock.set_busy(self.tr("Uploading…"))
        self._start(
            dock.path,
            dock.layers,
            self.api_url,
            dock.changes,
            tags["comment"],
            tags.get("source", ""),
            dock.osc.encode("utf-8"),
            changeset_tags.extra_tags(tags),
        )

    # -- Update data ----------------------------------------------------------------------------
    def update_data(self) -> None:
        """Download the active download's boxes again and merge the server's current state in
        (:mod:`..plugin.core.gpkg_refresh`): other mappers' work comes in, the user's edits stay,
        what both changed is named."""
        from qgis.core import Qgis, QgsApplication

        from ..plugin.adapters import upload_service
        from ..plugin.adapters.network import make_transport
        from ..plugin.adapters.tasks import CoreTask
        from ..plugin.core.errors import Cancelled, OsmRoundtripError
        from ..plugin.core.gpkg_refresh import update_download

        path, layers = self._download()
        if path is None or not self._saved(layers):
            return
        if upload_service.has_interrupted_upload(path):
            self._bar(
                self.tr(
                    "An upload of this file was interrupted: run Upload changes… first, which "
                    "settles it with the server, then update the data."
                ),
                Qgis.MessageLevel.Warning,
            )
            return
        if self.task is not None:
            self._bar(self.tr("Another task of this file is running."), Qgis.MessageLevel.Warning)
            return
        try:
            api_url = upload_service.upload_server(path)
        except OsmRoundtripError as exc:
            self._error(exc)
            return
        transport = make_transport(api_url)  # QGIS settings read on the GUI thread

        def work(task):
            return update_download(
                path, api_url, transport, cancel=task.isCanceled, progress=task.report
            )

        def done(report, error) -> None:
            self.task = None
            upload_service.reload_layers(layers)
            self.refresh()  # an open review shows the updated data
            if isinstance(error, Cancelled):
                self._bar(self.tr("The update was cancelled; the file is unchanged."))
                return
            if error is not None:
                self._error(error)
                return
            text = self.tr(
                "Updated from the server: {changed} changed, {added} new and {removed} removed "
                "elements. Your edits are kept."
            ).format(changed=report.changed, added=report.added, removed=report.removed)
            level = Qgis.MessageLevel.Success
            if report.conflicts:
                first = "{} {}".format(*report.conflicts[0])
                text += " " + self.tr(
                    "%n elements were changed both by you and on the server (first: {first}): "
                    "they keep your version; Upload changes… lets you resolve them.",
                    "",
                    len(report.conflicts),
                ).format(first=first)
                level = Qgis.MessageLevel.Warning
            self._bar(text, level, 0 if report.conflicts else 10)

        self.task = CoreTask(self.tr("Updating the data from the server"), work, done)
        QgsApplication.taskManager().addTask(self.task)

    def _remember(self, path, inputs) -> None:
        """The comment, source and hashtags for the next review (of this file, and any file)."""
        from ..plugin.adapters import settings as plugin_settings
        from ..plugin.core import changeset_tags

        try:
            changeset_tags.remember(path, inputs)
        except Exception as exc:  # the upload does not depend on it
            import logging

            logging.getLogger("osm_roundtrip").warning("comment not remembered: %s", exc)
        values = plugin_settings.load()
        values.add_comment(inputs.comment)
        values.last_source = inputs.source.strip()
        values.last_hashtags = " ".join(changeset_tags.parse_hashtags(inputs.hashtags))
        plugin_settings.save(values)

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

    def _login(self, dialog) -> None:
        """The login dialog for the server the upload goes to (not the one of the settings);
        the review shows the login (and the account name) as soon as they are known."""
        from .login_dialog import LoginDialog

        login = self.login
        if login is not None and login.isVisible() and login.api_url == dialog.server:
            login.raise_()
            login.activateWindow()
            return
        if login is not None:
            login.close()
        login = LoginDialog(dialog.server, dialog)
        login.loggedIn.connect(lambda _api_url: dialog.set_server(dialog.server, True))
        login.accountNamed.connect(lambda _api_url, _name: dialog.set_server(dialog.server, True))
        dialog.closed.connect(login.reject)  # the review closed: the login stops with it
        self.login = login
        login.start()

    def _start(
        self, path, layers, api_url, changes, comment, source, pending=None, extra_tags=None
    ) -> None:
        from ..plugin.adapters import auth, upload_service

        try:
            token = auth.token_for(api_url)
        except Exception as exc:
            self._upload_ended()
            self._error(exc)
            return

        def done(report, error) -> None:
            self.task = None
            if error is None:
                from qgis.core import Qgis

                self.close_review()  # what it showed is on the server now
                self._bar_later(
                    self.uploaded_text(report, api_url), Qgis.MessageLevel.Success, SUCCESS_SECONDS
                )
                return
            self._upload_ended()
            from ..plugin.core.osm.upload import UploadConflict

            if isinstance(error, UploadConflict):
                self._resolve(path, layers, error, api_url, token)
                return
            self._error(error)

        from ..plugin.core.errors import OsmRoundtripError

        try:
            self.task = upload_service.start_upload(
                path,
                layers,
                api_url,
                token,
                comment,
                source,
                done,
                changes,
                pending,
                extra_tags=extra_tags,
            )
        except OsmRoundtripError as exc:
            self._upload_ended()
            self._error(exc)

    def _upload_ended(self) -> None:
        """The upload did not go through: the review (with the user's comment) is usable again."""
        if self.dock is not None:
            self.dock.set_busy("")
        self._refresh_if_saved()

    def uploaded_text(self, report, api_url: str) -> str:
        """ "Uploaded N changes in changeset 12345", the changeset a link to its page on the
        server the upload went to."""
        from html import escape

        from ..plugin.core.servers import changeset_url

        links = ", ".join(
            f'<a href="{escape(changeset_url(api_url, c))}">{c}</a>' for c in report.changesets
        )
        count = report.created + report.modified + report.deleted
        if len(report.changesets) > 1:
            text = self.tr("Uploaded %n changes in changesets {changesets}", "", count)
        else:
            text = self.tr("Uploaded %n changes in changeset {changesets}", "", count)
        return text.format(changesets=links)

    def _resolve(self, path, layers, conflict, api_url, token) -> None:
        """Fetch the server's versions, merge them three ways with the user's edits (in a task),
        ask only about the parts both sides changed, write the result into the GeoPackage."""
        from qgis.core import QgsApplication

        from ..plugin.adapters import upload_service
        from ..plugin.adapters.network import make_transport
        from ..plugin.adapters.tasks import CoreTask
        from ..plugin.core.gpkg_merge import merge_conflicts, resolve_conflicts
        from ..plugin.core.osm.api import OsmApi
        from ..plugin.core.osm.model import DataSet
        from ..plugin.core.osm.xmlreader import parse_osm_bytes
        from .conflict_dialog import ConflictDialog

        api = OsmApi(api_url, token, make_transport(api_url))
        conflicts = conflict.conflicts

        def fetch(task):
            server = DataSet()
            for number, item in enumerate(conflicts):
                data = api.element_full(item.type, item.id, task.isCanceled)
                if data:
                    server.merge(parse_osm_bytes(data))
                task.report(number + 1, len(conflicts) + 1)
            return server, merge_conflicts(path, [c.key for c in conflicts], server)

        def fetched(found, error) -> None:
            self.task = None
            if error is not None:
                self._error(error)
                return
            server, results = found
            choices = {}
            asked = [r for r in results if r.conflicts]
            if asked:
                dialog = ConflictDialog(asked, self.iface.mainWindow())
                self.dialog_conflicts = dialog
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    self._error(conflict)
                    return
                choices = dialog.choices()
            resolve_conflicts(path, results, choices, server)
            upload_service.reload_layers(layers)
            self.refresh()  # the review shows the merged edits, with the comment as it was
            automatic = len(results) - len(asked)
            self._bar(
                self.tr(
                    "Conflicts merged: %n elements by themselves, the others as you chose. "
                    "Review and upload again to send your edits.",
                    "",
                    automatic,
                )
            )

        self.task = CoreTask(self.tr("Fetching the server's versions"), fetch, fetched)
        QgsApplication.taskManager().addTask(self.task)
