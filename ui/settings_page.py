"""The "OSM Roundtrip" page of the QGIS options dialog."""

from __future__ import annotations

from qgis.gui import QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..plugin.adapters import settings as plugin_settings
from ..plugin.adapters.processing.provider import ICON
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
        return base


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
