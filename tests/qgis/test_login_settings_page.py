"""The settings page: only the chosen server's fields, its account (log in, log out) and the
folder for new downloads; in a real QGIS (offscreen) against the sandbox."""

from __future__ import annotations

import threading

import pytest
import requests
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsSettings
from qgis.PyQt.QtCore import Qt

from osm_roundtrip.plugin.adapters import auth
from osm_roundtrip.plugin.adapters import settings as plugin_settings
from osm_roundtrip.ui.settings_page import SettingsForm
from tools.osm_sandbox.launch import DEFAULT_SEED

KEYS = (
    "osm_server",
    "custom_api_url",
    "sandbox_url",
    "oauth_client_id",
    "auth_config_ids",
    "auth_config_id",
    "account_names",
    "download_folder",
)


@pytest.fixture(scope="module")
def auth_db(qgis_app):
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        manager.setMasterPassword("test-master-password", True)
    return manager


@pytest.fixture(scope="module")
def approving(osm_sandbox_factory):
    return osm_sandbox_factory(DEFAULT_SEED, "--auto-approve", "carol")


@pytest.fixture
def store(auth_db, approving):
    store = QgsSettings()
    saved = {key: store.value(plugin_settings.PREFIX + key) for key in KEYS}
    for key in KEYS:
        store.remove(plugin_settings.PREFIX + key)
    yield store
    auth.forget(approving.api)
    for key, value in saved.items():
        if value is None:
            store.remove(plugin_settings.PREFIX + key)
        else:
            store.setValue(plugin_settings.PREFIX + key, value)


def form_for(qtbot, server: str, **values) -> SettingsForm:
    form = SettingsForm()
    qtbot.addWidget(form)
    settings = plugin_settings.Settings(osm_server=server, **values)
    form.set_values(settings)
    return form


ENABLED = {
    "production": (False, False),
    "dev": (False, False),
    "sandbox": (True, False),
    "custom": (False, True),
}


@pytest.mark.parametrize("server", list(ENABLED))
def test_only_the_chosen_servers_fields_are_enabled(store, qtbot, server):
    form = form_for(qtbot, "production")
    form.osmServer.setCurrentIndex(form.osmServer.findData(server))
    sandbox, custom = ENABLED[server]
    assert form.sandboxUrl.isEnabled() is sandbox
    assert form.customApiUrl.isEnabled() is custom
    assert form.oauthClientId.isEnabled()  # every server needs one (the sandbox has a default)
    expected = auth.SANDBOX_CLIENT_ID if server == "sandbox" else "Required to log in"
    assert form.oauthClientId.placeholderText() == expected


def test_custom_server_without_an_address_cannot_log_in(store, qtbot):
    form = form_for(qtbot, "custom")
    assert form.accountState.text() == "Enter the server's address first"
    assert not form.loginButton.isEnabled() and not form.logoutButton.isEnabled()
    form.customApiUrl.setText("http://127.0.0.1:1/api/0.6")
    assert form.accountState.text() == "Not logged in"
    assert form.loginButton.isEnabled() and not form.logoutButton.isEnabled()


def test_log_in_from_the_page_then_log_out(store, approving, qtbot, auth_db):
    form = form_for(qtbot, "production")
    assert form.accountState.text() == "Not logged in"
    form.osmServer.setCurrentIndex(form.osmServer.findData("sandbox"))
    form.sandboxUrl.setText(approving.url)  # not saved yet: the form's server is used
    assert form.accountState.text() == "Not logged in"
    qtbot.mouseClick(form.loginButton, Qt.MouseButton.LeftButton)
    dialog = form.login_dialog
    assert dialog is not None and dialog.isVisible()
    assert approving.url in dialog.serverLabel.text()
    port = dialog.login.port
    # the browser, beside QGIS: the sandbox approves and redirects to the listener
    redirect = requests.get(dialog.login.authorize_url, timeout=20, allow_redirects=False)
    threading.Thread(target=requests.get, args=(redirect.headers["Location"],), daemon=True).start()
    qtbot.waitUntil(lambda: "carol" in form.accountState.text(), timeout=30000)
    assert port
    assert form.accountState.text() == "Logged in as <b>carol</b>"
    assert form.logoutButton.isEnabled()
    assert form.loginButton.text() == "Log in again…"
    config_id = auth.config_for(approving.api)
    assert config_id and auth.token_for(approving.api)
    form.osmServer.setCurrentIndex(form.osmServer.findData("production"))
    assert form.accountState.text() == "Not logged in"  # the account of the chosen server
    form.osmServer.setCurrentIndex(form.osmServer.findData("sandbox"))
    assert form.accountState.text() == "Logged in as <b>carol</b>"
    qtbot.mouseClick(form.logoutButton, Qt.MouseButton.LeftButton)
    assert form.accountState.text() == "Not logged in"
    assert not form.logoutButton.isEnabled()
    assert auth.token_for(approving.api) is None
    assert auth.account_name(approving.api) == ""
    assert "carol" not in plugin_settings.load().account_names
    found = auth_db.loadAuthenticationConfig(config_id, QgsAuthMethodConfig(), False)
    assert not (found[0] if isinstance(found, tuple) else found)  # gone from the auth database
    dialog.close()


def test_a_new_login_forgets_the_previous_accounts_name(store, approving):
    auth.remember("first-token", approving.api)
    auth.remember_name(approving.api, "someone")
    assert auth.account_name(approving.api) == "someone"
    auth.remember("second-token", approving.api)
    assert auth.account_name(approving.api) == ""


def test_download_folder_is_kept(store, qtbot, tmp_path):
    from qgis.gui import QgsFileWidget

    form = form_for(qtbot, "production", download_folder=str(tmp_path))
    assert form.downloadFolder.storageMode() == QgsFileWidget.StorageMode.GetDirectory
    assert form.downloadFolder.filePath() == str(tmp_path)
    form.downloadFolder.setFilePath("")
    assert form.values(plugin_settings.Settings()).download_folder == ""
    form.downloadFolder.setFilePath(str(tmp_path / "osm"))
    values = form.values(plugin_settings.load())
    plugin_settings.save(values)
    assert plugin_settings.load().download_folder == str(tmp_path / "osm")
