"""The "OSM Roundtrip" page of the QGIS options dialog."""

from __future__ import annotations

from html import escape

from qgis.gui import QgsFileWidget, QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..plugin.adapters import auth
from ..plugin.adapters import settings as plugin_settings
from ..plugin.adapters.processing.provider import ICON
from ..plugin.core import servers
from ..plugin.core.errors import OsmRoundtripError
from . import load_ui

FORM = load_ui("settings_page")
PAGE_TITLE = "OSM Roundtrip"  # a product name: not translated


class SettingsForm(QWidget, FORM):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        # one label column for the three groups, so their fields line up
        labels = self.findChildren(QLabel)
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)
        servers = (
            (
                "production",
                QCoreApplication.translate("SettingsPage", "OpenStreetMap (production)"),
            ),
            ("dev", QCoreApplication.translate("SettingsPage", "OpenStreetMap development server")),
            ("sandbox", QCoreApplication.translate("SettingsPage", "Local sandbox")),
            ("custom", QCoreApplication.translate("SettingsPage", "Custom URL")),
        )
        for key, label in servers:
            self.osmServer.addItem(label, key)
        for code, label in (
            ("", QCoreApplication.translate("SettingsPage", "Same as QGIS")),
            ("en", "English"),
            ("de", "Deutsch"),
            ("fr", "Français"),
        ):
            self.language.addItem(label, code)
        self.downloadFolder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.downloadFolder.setDialogTitle(
            QCoreApplication.translate("SettingsPage", "Folder for new downloads")
        )
        self.downloadFolder.lineEdit().setPlaceholderText(
            QCoreApplication.translate("SettingsPage", "The project's folder")
        )
        self.login_dialog = None
        self.logging_out = ""  # the server whose token is being revoked
        self.logout_task = None
        self.osmServer.currentIndexChanged.connect(self._server_changed)
        self.sandboxUrl.textChanged.connect(self._show_account)
        self.customApiUrl.textChanged.connect(self._show_account)
        self.loginButton.clicked.connect(self._log_in)
        self.logoutButton.clicked.connect(self._log_out)

    def set_values(self, values: plugin_settings.Settings) -> None:
        self.nominatimUrl.setText(values.nominatim_url)
        self.nominatimParams.setText(values.nominatim_params)
        self.nominatimInterval.setValue(values.nominatim_interval)
        self.contactEmail.setText(values.contact_email)
        self.osmServer.setCurrentIndex(max(0, self.osmServer.findData(values.osm_server)))
        self.sandboxUrl.setText(values.sandbox_url)
        self.customApiUrl.setText(values.custom_api_url)
        self.oauthClientId.setText(values.oauth_client_id)
        self.language.setCurrentIndex(max(0, self.language.findData(values.language)))
        self.timeout.setValue(int(values.timeout))
        self.downloadFolder.setFilePath(values.download_folder)
        self._server_changed()

    def values(self, base: plugin_settings.Settings) -> plugin_settings.Settings:
        base.nominatim_url = self.nominatimUrl.text().strip()
        base.nominatim_params = self.nominatimParams.text().strip()
        base.nominatim_interval = self.nominatimInterval.value()
        base.contact_email = self.contactEmail.text().strip()
        base.osm_server = self.osmServer.currentData()
        base.sandbox_url = self.sandboxUrl.text().strip()
        base.custom_api_url = self.customApiUrl.text().strip()
        base.oauth_client_id = self.oauthClientId.text().strip()
        base.language = self.language.currentData()
        base.timeout = float(self.timeout.value())
        base.download_folder = self.downloadFolder.filePath().strip()
        return base

    # -- the chosen server: its fields and its account ---------------------------------------
    def _server_changed(self, *_args) -> None:
        """Only the fields of the chosen server can be edited."""
        server = self.osmServer.currentData()
        self.sandboxUrl.setEnabled(server == "sandbox")
        self.sandboxUrlLabel.setEnabled(server == "sandbox")
        self.customApiUrl.setEnabled(server == "custom")
        self.customApiUrlLabel.setEnabled(server == "custom")
        # every server needs a client id (auth.client_id_for); the sandbox has its own default
        self.oauthClientId.setPlaceholderText(
            auth.SANDBOX_CLIENT_ID
            if server == "sandbox"
            else QCoreApplication.translate("SettingsPage", "Required to log in")
        )
        self._show_account()

    def api_url(self) -> str:
        """The API of the server chosen in the form (saved or not)."""
        return self.values(plugin_settings.load()).api_url()

    def _show_account(self, *_args) -> None:
        api_url = self.api_url()
        usable = bool(servers.origin(api_url))
        try:
            logged_in = usable and bool(auth.config_for(api_url))
        except OsmRoundtripError:  # the auth database is not available
            logged_in = False
        name = auth.account_name(api_url) if logged_in else ""
        busy = usable and self.logging_out == servers.origin(api_url)
        if busy:
            text = QCoreApplication.translate("SettingsPage", "Logging out…")
        elif not usable:
            text = QCoreApplication.translate("SettingsPage", "Enter the server's address first")
        elif name:
            text = QCoreApplication.translate("SettingsPage", "Logged in as <b>{name}</b>").format(
                name=escape(name)
            )
        elif logged_in:
            text = QCoreApplication.translate("SettingsPage", "Logged in")
        else:
            text = QCoreApplication.translate("SettingsPage", "Not logged in")
        self.accountState.setText(text)
        self.loginButton.setEnabled(usable and not busy)
        self.loginButton.setText(
            QCoreApplication.translate("SettingsPage", "Log in again…")
            if logged_in
            else QCoreApplication.translate("SettingsPage", "Log in…")
        )
        self.logoutButton.setEnabled(logged_in and not busy)

    def _log_in(self) -> None:
        from .login_dialog import LoginDialog

        if self.login_dialog is not None:
            self.login_dialog.close()
        values = self.values(plugin_settings.load())  # the form's server and client id
        dialog = LoginDialog(values.api_url(), self, values=values)
        dialog.loggedIn.connect(self._show_account)
        dialog.accountNamed.connect(self._show_account)
        self.login_dialog = dialog
        dialog.start()

    def _log_out(self) -> None:
        """Revoke the chosen server's token on that server (a task), then remove it from the
        QGIS auth database, and its name, whatever the server answered."""
        api_url = self.api_url()
        values = self.values(plugin_settings.load())  # the form's server and client id
        self.logging_out = servers.origin(api_url)
        self._show_message("")
        self._show_account()
        page = self

        def done(revoke_error, local_error) -> None:
            alive = not sip.isdeleted(page)
            if alive:
                page.logging_out = ""
                page._show_account()
            text = logout_message(api_url, revoke_error, local_error)
            if alive:
                page._show_message(text)
            elif revoke_error is not None or local_error is not None:
                push_warning(text)  # the options dialog was closed meanwhile

        self.logout_task = auth.log_out(api_url, done, values)

    def _show_message(self, text: str) -> None:
        """The outcome of the last Log out under the account (``""``: none, hidden)."""
        self.accountMessage.setText(text)
        self.accountMessage.setVisible(bool(text))


def logout_message(api_url: str, revoke_error, local_error) -> str:
    """What the user is told after Log out (rich text)."""
    from ..plugin.adapters.i18n import error_text
    from ..plugin.core import oauth

    translate = QCoreApplication.translate
    if local_error is not None:
        return escape(error_text(local_error))
    if revoke_error is not None:
        return translate(
            "SettingsPage",
            "Logged out here; the server could not be told: {reason}<br>You can revoke the "
            'access on the website under <a href="{url}">My Settings → OAuth 2 '
            "applications</a>.",
        ).format(
            reason=escape(error_text(revoke_error)), url=escape(oauth.applications_url(api_url))
        )
    return translate("SettingsPage", "Logged out; {server} has revoked the access.").format(
        server=escape(servers.origin(api_url))
    )


def push_warning(text: str) -> None:
    from qgis.core import Qgis
    from qgis.utils import iface

    if iface is not None and iface.messageBar() is not None:
        iface.messageBar().pushMessage(PAGE_TITLE, text, Qgis.MessageLevel.Warning, 0)


class SettingsPage(QgsOptionsPageWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form = SettingsForm(self)
        layout.addWidget(self.form)
        self.form.set_values(plugin_settings.load())

    def apply(self) -> None:
        plugin_settings.save(self.form.values(plugin_settings.load()))


class SettingsPageFactory(QgsOptionsWidgetFactory):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(PAGE_TITLE)

    def icon(self) -> QIcon:
        return QIcon(str(ICON))

    def createWidget(self, parent):
        return SettingsPage(parent)
