"""The "Upload changes…" and "Save as .osc…" actions: the upload service, the review, the upload.

The review (:class:`.review_dialog.ReviewDialog`) shows the changes of the active download with
their validation and collects the changeset's tags; after the user confirmed, the upload runs in
a task and the comment, source and hashtags are remembered (the comment per file in its
GeoPackage, the recent comments in the settings).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from qgis.PyQt.QtWidgets import QDialog

if TYPE_CHECKING:  # imported where it is used: the dialog's module re-exports this one
    from .review_dialog import ReviewDialog


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
        """Review the saved edits (computed in a background task), then upload them."""
        from qgis.core import QgsApplication

        from ..plugin.adapters import upload_service
        from ..plugin.adapters.tasks import CoreTask
        from ..plugin.core.errors import Cancelled
        from .review_validation import ReviewState

        path, layers = self._download()
        if path is None or not self._saved(layers):
            return
        if upload_service.has_interrupted_upload(path):
            self._settle_first(path, layers)
            return
        if self.task is not None:
            self._bar(self.tr("The changes are being computed already."))
            return
        state = ReviewState(path, layers)

        def work(task):
            return state.compute(task.report, task.isCanceled)

        def done(result, error) -> None:
            self.task = None
            if isinstance(error, Cancelled):
                self._bar(self.tr("The review was cancelled."))
            elif error is not None:
                self._error(error)
            else:
                self._review(result)

        self.task = CoreTask(self.tr("Computing the changes to upload"), work, done)
        QgsApplication.taskManager().addTask(self.task)

    def _review(self, state) -> None:
        """Show the computed changes for review; upload what the user confirms."""
        from ..plugin.adapters import auth
        from ..plugin.adapters import settings as plugin_settings
        from ..plugin.adapters.upload_service import upload_server
        from ..plugin.core import changeset_tags
        from ..plugin.core.errors import OsmRoundtripError
        from ..plugin.core.servers import recorded_server
        from .review_dialog import ReviewDialog
        from .review_validation import imagery_names

        path, layers = state.path, state.layers
        if not state.changes:
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
        remembered = changeset_tags.remembered(path)
        dialog = ReviewDialog(
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
        )
        self.dialog = dialog
        dialog.loginButton.clicked.connect(lambda: self._login(dialog))
        result = dialog.exec()
        self.dialog = None
        if dialog.save_requested:
            self.save_osc(dialog.changes)
            return
        if result != QDialog.DialogCode.Accepted:
            return
        inputs = dialog.changeset_input()
        try:
            tags = changeset_tags.build(inputs)
        except OsmRoundtripError as exc:  # the dialog allows Upload only without problems
            self._error(exc)
            return
        self._remember(path, inputs)
        self._start(
            path,
            layers,
            api_url,
            dialog.changes,
            tags["comment"],
            tags.get("source", ""),
            dialog.osc.encode("utf-8"),
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
        dialog.finished.connect(login.reject)  # the review closed: the login stops with it
        self.login = login
        login.start()

    def _start(
        self, path, layers, api_url, changes, comment, source, pending=None, extra_tags=None
    ) -> None:
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
            self._error(exc)

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
