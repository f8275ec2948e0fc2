"""The settings page: only the chosen server's fields, its account (log in, log out) and the
folder for new downloads; in a real QGIS (offscreen) against the sandbox."""

from __future__ import annotations

import http.server
import threading
import time
from urllib.parse import parse_qs

import pytest
import requests
from qgis.core import QgsAuthMethodConfig
from qgis.PyQt.QtCore import Qt
from qgis_auth_fixture import clean_login_settings

from osm_roundtrip.plugin.adapters import auth
from osm_roundtrip.plugin.adapters import settings as plugin_settings
from osm_roundtrip.ui.settings_page import SettingsForm
from tools.osm_sandbox.launch import DEFAULT_SEED


@pytest.fixture(scope="module")
def approving(osm_sandbox_factory):
    return osm_sandbox_factory(DEFAULT_SEED, "--auto-approve", "carol")


@pytest.fixture
def store(auth_db, approving):
    with clean_login_settings(approving.api) as store:
        yield store


def bearer_status(sandbox, token: str) -> int:
    return requests.get(
        sandbox.api + "/user/details", headers={"Authorization": f"Bearer {token}"}, timeout=10
    ).status_code


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
    token = auth.token_for(approving.api)
    assert bearer_status(approving, token) == 200
    qtbot.mouseClick(form.logoutButton, Qt.MouseButton.LeftButton)
    assert form.accountState.text() == "Logging out…"  # the server is told in a task
    assert not form.logoutButton.isEnabled() and not form.loginButton.isEnabled()
    qtbot.waitUntil(lambda: form.accountState.text() == "Not logged in", timeout=30000)
    assert not form.logoutButton.isEnabled()
    assert bearer_status(approving, token) == 401  # revoked on the server, not only here
    assert not form.accountMessage.isHidden()
    assert form.accountMessage.text() == f"Logged out; {approving.url} has revoked the access."
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


def test_log_out_revokes_a_token_given_by_the_server(store, approving, qtbot):
    token = approving.token("carol")
    auth.remember(token, approving.api)
    form = form_for(qtbot, "sandbox", sandbox_url=approving.url)
    form.show()
    assert form.accountState.text() == "Logged in"
    assert form.accountMessage.isHidden()
    qtbot.mouseClick(form.logoutButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.accountMessage.isHidden(), timeout=30000)
    assert "has revoked the access" in form.accountMessage.text()
    assert bearer_status(approving, token) == 401
    assert auth.token_for(approving.api) is None
    assert form.accountState.text() == "Not logged in"


class Failing(http.server.BaseHTTPRequestHandler):
    """A server that records the revocation and fails it with 503."""

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        self.server.seen.append((self.path, parse_qs(body)))
        time.sleep(self.server.delay)
        payload = b"<html><body><h1>Service unavailable</h1></body></html>"
        self.send_response(503)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args) -> None:
        return


@pytest.fixture
def failing():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Failing)
    httpd.daemon_threads = True
    httpd.seen = []
    httpd.delay = 0
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("offline", [False, True], ids=["503", "offline"])
def test_log_out_when_the_server_cannot_be_told(store, failing, qtbot, offline):
    url = f"http://127.0.0.1:{failing.server_address[1]}"
    api = url + "/api/0.6"
    auth.remember("local-token", api)
    if offline:
        failing.shutdown()
        failing.server_close()
    form = form_for(qtbot, "custom", custom_api_url=api, oauth_client_id="my-app")
    form.show()
    try:
        assert form.logoutButton.isEnabled()
        qtbot.mouseClick(form.logoutButton, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not form.accountMessage.isHidden(), timeout=30000)
        assert auth.token_for(api) is None  # removed here all the same
        assert auth.config_for(api) == ""
        assert form.accountState.text() == "Not logged in"
        text = form.accountMessage.text()
        assert text.startswith("Logged out here; the server could not be told: ")
        assert (
            "Could not connect to 127.0.0.1" if offline else "HTTP 503: Service unavailable"
        ) in (text)
        assert f'<a href="{url}/oauth2/authorized_applications">' in text
        assert "My Settings → OAuth 2 applications" in text
        assert "local-token" not in text
        if not offline:  # it was asked, on the token's own server, with the form's client id
            assert failing.seen == [
                ("/oauth2/revoke", {"token": ["local-token"], "client_id": ["my-app"]})
            ]
    finally:
        auth.forget(api)


def test_the_message_bar_tells_when_the_page_was_closed_meanwhile(
    store, failing, qtbot, qgis_iface
):
    from qgis.core import Qgis
    from qgis.PyQt import sip

    url = f"http://127.0.0.1:{failing.server_address[1]}"
    api = url + "/api/0.6"
    auth.remember("local-token", api)
    failing.delay = 1.0
    qgis_iface.messageBar().clear_messages()
    form = SettingsForm()  # not given to qtbot: it is deleted below
    form.set_values(
        plugin_settings.Settings(osm_server="custom", custom_api_url=api, oauth_client_id="my-app")
    )
    try:
        qtbot.mouseClick(form.logoutButton, Qt.MouseButton.LeftButton)
        sip.delete(form)  # the options dialog is closed before the server answers
        warnings = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
        qtbot.waitUntil(lambda: bool(warnings), timeout=30000)
        assert auth.token_for(api) is None
        [message] = warnings
        assert "Logged out here; the server could not be told: " in message
        assert "HTTP 503" in message
    finally:
        auth.forget(api)


def test_a_login_made_while_the_old_token_is_revoked_stays(store, failing, qtbot):
    api = f"http://127.0.0.1:{failing.server_address[1]}/api/0.6"
    auth.remember("old-token", api)
    failing.delay = 1.0
    outcome = []
    values = plugin_settings.Settings(osm_server="custom", custom_api_url=api, oauth_client_id="a")
    try:
        task = auth.log_out(api, lambda *errors: outcome.append(errors), values)
        assert task is not None and not outcome  # the server is asked in a task
        auth.remember("new-token", api)  # e.g. from the login dialog, meanwhile
        qtbot.waitUntil(lambda: bool(outcome), timeout=30000)
        [(revoke_error, local_error)] = outcome
        assert revoke_error is not None and revoke_error.status == 503
        assert local_error is None
        assert auth.token_for(api) == "new-token"
        assert failing.seen[0][1]["token"] == ["old-token"]
    finally:
        auth.forget(api)
