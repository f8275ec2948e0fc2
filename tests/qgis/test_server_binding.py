"""Everything knows its server: a download uploads only to the API it came from, a token goes
only to the server it was issued for.

A hostile server of our own on 127.0.0.1 answers like an OSM API that accepts everything (so a
leaked token would be used at once) and records every request; the tests fail if a token, or
any request of an upload, ever reaches it. The real uploads go to the sandbox.
"""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from qgis.core import QgsAuthMethodConfig, QgsSettings

from osm_roundtrip.plugin.adapters import auth, download_service, osm_layers, upload_service
from osm_roundtrip.plugin.adapters import settings as plugin_settings
from osm_roundtrip.plugin.core.errors import ConnectionFailed
from osm_roundtrip.plugin.core.gpkg_update import connect
from osm_roundtrip.plugin.core.servers import NotLoggedIn, OtherServer

BBOX = (9.518, 47.138, 9.524, 47.142)
HOSTILE_TOKEN = "token-issued-by-the-other-server"
KEYS = ("osm_server", "custom_api_url", "sandbox_url", "auth_config_ids", "auth_config_id")
CAPABILITIES = b"""<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6"><api><version minimum="0.6" maximum="0.6"/><area maximum="0.25"/>
<waynodes maximum="2000"/><relationmembers maximum="32000"/>
<changesets maximum_elements="10000"/><timeout seconds="300"/>
<status database="online" api="online" gpx="online"/></api></osm>"""
PERMISSIONS = b"""<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6"><permissions><permission name="allow_read_prefs"/>
<permission name="allow_write_api"/></permissions></osm>"""


class HostileServer:
    """An "OSM API" on 127.0.0.1 that says yes to everything and keeps every request.

    It stops with the test (``stop``) or by itself after ``lifetime`` seconds.
    """

    def __init__(self, lifetime: float = 300.0) -> None:
        self.requests: list = []
        seen = self.requests

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                seen.append((self.command, self.path, dict(self.headers.items()), body))
                path = self.path.split("?", 1)[0]
                if path.endswith("/capabilities"):
                    reply = CAPABILITIES
                elif path.endswith("/permissions"):
                    reply = PERMISSIONS
                elif path.endswith("/changeset/create"):
                    reply = b"77"
                elif path.endswith("/upload"):
                    reply = b'<?xml version="1.0"?><diffResult version="0.6"/>'
                else:
                    reply = b""
                self.send_response(200)
                self.send_header("Content-Type", "text/xml; charset=utf-8")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            do_GET = do_PUT = do_POST = do_DELETE = _answer

            def log_message(self, format, *args) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.timer = threading.Timer(lifetime, self.server.shutdown)
        self.timer.daemon = True
        self.timer.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def api(self) -> str:
        return self.url + "/api/0.6"

    def leaked(self, *secrets: str) -> list:
        """Requests that carried an Authorization header or one of ``secrets``."""
        found = []
        for request in self.requests:
            _method, path, headers, body = request
            text = " ".join([path, json.dumps(headers), body.decode("utf-8", "replace")])
            if any(k.lower() == "authorization" for k in headers) or any(
                secret and secret in text for secret in secrets
            ):
                found.append(request)
        return found

    def stop(self) -> None:
        self.timer.cancel()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hostile():
    server = HostileServer()
    yield server
    server.stop()


@pytest.fixture
def clean_settings(auth_db):
    """The plugin's server and login settings, restored after the test."""
    store = QgsSettings()
    saved = {key: store.value(plugin_settings.PREFIX + key) for key in KEYS}
    for key in KEYS:
        store.remove(plugin_settings.PREFIX + key)
    yield store
    for key, value in saved.items():
        if value is None:
            store.remove(plugin_settings.PREFIX + key)
        else:
            store.setValue(plugin_settings.PREFIX + key, value)


def choose_server(store, api_url: str) -> None:
    """The user switches the settings' server to another one (here: the hostile server)."""
    store.setValue(plugin_settings.PREFIX + "osm_server", "custom")
    store.setValue(plugin_settings.PREFIX + "custom_api_url", api_url)


@pytest.fixture
def sandbox_gpkg(osm_sandbox, tmp_path):
    osm_sandbox.reset()
    path = tmp_path / "practice.gpkg"
    download_service.download_to_gpkg(BBOX, osm_sandbox.api, path)
    with connect(path) as db:
        fid = db.execute(
            "SELECT fid FROM osm_points WHERE osm_id IS NOT NULL AND amenity IS NOT NULL LIMIT 1"
        ).fetchone()[0]
        db.execute("UPDATE osm_points SET name = 'Practice' WHERE fid = ?", (fid,))
    return path


def osc_file(tmp_path):
    osc = tmp_path / "edits.osc"
    osc.write_text(
        '<osmChange version="0.6"><create><node id="-1" lat="47.14" lon="9.52" version="0">'
        '<tag k="amenity" v="bench"/></node></create></osmChange>'
    )
    return osc


# ---------------------------------------------------------------------------------------------
# Processing: uploadosmchange
# ---------------------------------------------------------------------------------------------


def test_processing_refuses_a_token_of_another_server(
    clean_settings, osm_sandbox, hostile, tmp_path, provider
):
    import processing
    from qgis.core import QgsProcessingException

    token = osm_sandbox.token()
    config_id = auth.store_token(token, osm_sandbox.api)
    try:
        with pytest.raises(QgsProcessingException, match="never sent to"):
            processing.run(
                "osmroundtrip:uploadosmchange",
                {
                    "INPUT": str(osc_file(tmp_path)),
                    "ENDPOINT": hostile.api,
                    "AUTH": config_id,
                    "COMMENT": "Where does my token go?",
                },
            )
    finally:
        auth.remove_token(config_id)
    assert hostile.requests == []  # refused before any request


def test_processing_without_auth_sends_only_the_endpoints_own_token(
    clean_settings, osm_sandbox, hostile, tmp_path, provider
):
    """AUTH empty: the plugin's login for the sandbox is not sent to another ENDPOINT."""
    import processing
    from qgis.core import QgsProcessingException

    token = osm_sandbox.token()
    auth.remember(token, osm_sandbox.api)  # the user logged in to the sandbox
    choose_server(clean_settings, hostile.api)
    try:
        for endpoint in (hostile.api, ""):  # named, and the settings' server
            with pytest.raises(QgsProcessingException, match="No login for"):
                processing.run(
                    "osmroundtrip:uploadosmchange",
                    {
                        "INPUT": str(osc_file(tmp_path)),
                        "ENDPOINT": endpoint,
                        "COMMENT": "Where does my token go?",
                    },
                )
        assert hostile.leaked(token) == [] and hostile.requests == []
        result = processing.run(
            "osmroundtrip:uploadosmchange",
            {
                "INPUT": str(osc_file(tmp_path)),
                "ENDPOINT": osm_sandbox.api,
                "COMMENT": "To the sandbox, with the sandbox's login",
            },
        )
        assert result["CREATED"] == 1
    finally:
        auth.forget(osm_sandbox.api)
    assert hostile.requests == []


def test_processing_refuses_a_configuration_that_names_no_server(
    clean_settings, osm_sandbox, hostile, auth_db, tmp_path, provider
):
    import processing
    from qgis.core import QgsProcessingException

    config = QgsAuthMethodConfig("Basic")  # made by hand, without a URL
    config.setName("hand made")
    config.setConfig("username", "oauth2-bearer")
    config.setConfig("password", HOSTILE_TOKEN)
    result = auth_db.storeAuthenticationConfig(config)
    config = result[1] if isinstance(result, tuple) else config
    try:
        with pytest.raises(QgsProcessingException, match="does not say which server"):
            processing.run(
                "osmroundtrip:uploadosmchange",
                {
                    "INPUT": str(osc_file(tmp_path)),
                    "ENDPOINT": hostile.api,
                    "AUTH": config.id(),
                    "COMMENT": "x",
                },
            )
    finally:
        auth_db.removeAuthenticationConfig(config.id())
    assert hostile.requests == []


# ---------------------------------------------------------------------------------------------
# GeoPackages upload where they came from
# ---------------------------------------------------------------------------------------------


def test_practice_data_goes_back_to_the_sandbox_after_switching_servers(
    clean_settings, osm_sandbox, hostile, sandbox_gpkg
):
    sandbox_token = osm_sandbox.token()
    auth.remember(sandbox_token, osm_sandbox.api)
    auth.remember(HOSTILE_TOKEN, hostile.api)  # logged in to both servers
    choose_server(clean_settings, hostile.api)
    settings = plugin_settings.load()
    try:
        with pytest.raises(OtherServer, match="uploaded only there"):
            upload_service.upload_edits(sandbox_gpkg, None, settings.api_url(), None, "x")
        with pytest.raises(OtherServer, match="uploaded only there"):
            upload_service.upload_edits(sandbox_gpkg, None, hostile.api, HOSTILE_TOKEN, "x")
        assert upload_service.upload_server(sandbox_gpkg, "") == osm_sandbox.api
        report = upload_service.upload_edits(sandbox_gpkg, None, "", None, "Practice")
    finally:
        auth.forget(osm_sandbox.api)
        auth.forget(hostile.api)
    assert report.modified == 1
    assert hostile.requests == []


def test_an_interrupted_upload_to_another_server_is_not_continued_here(
    clean_settings, osm_sandbox, hostile, sandbox_gpkg
):
    """A journal left by an upload to another server (older versions followed the settings)."""
    from osm_roundtrip.plugin.core.osm import upload as core_upload

    folder = core_upload.journal_dir_for(sandbox_gpkg)
    folder.mkdir()
    (folder / core_upload.JOURNAL).write_text(
        json.dumps({"format": core_upload.FORMAT, "api_url": hostile.api})
    )
    auth.remember(osm_sandbox.token(), osm_sandbox.api)
    try:
        with pytest.raises(OtherServer, match="continues only there"):
            upload_service.upload_edits(sandbox_gpkg, None, "", None, "Practice")
    finally:
        auth.forget(osm_sandbox.api)
    assert hostile.requests == []


def test_a_files_server_that_is_not_running_is_refused_not_replaced(
    clean_settings, osm_sandbox, hostile, sandbox_gpkg
):
    """The sandbox the data came from is stopped: the upload fails there, it does not move."""
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        stopped = f"http://127.0.0.1:{probe.getsockname()[1]}/api/0.6"
    with connect(sandbox_gpkg) as db:
        db.execute("UPDATE osm_meta SET value = ? WHERE key = 'api_url'", (stopped,))
    auth.remember("token-for-the-stopped-sandbox", stopped)
    auth.remember(HOSTILE_TOKEN, hostile.api)
    choose_server(clean_settings, hostile.api)
    try:
        with pytest.raises(ConnectionFailed):
            upload_service.upload_edits(sandbox_gpkg, None, "", None, "Practice")
    finally:
        auth.forget(stopped)
        auth.forget(hostile.api)
    assert hostile.requests == []


def test_without_a_login_for_the_files_server_nothing_is_sent(
    clean_settings, osm_sandbox, hostile, sandbox_gpkg
):
    auth.remember(HOSTILE_TOKEN, hostile.api)  # logged in only to the settings' server
    choose_server(clean_settings, hostile.api)
    try:
        with pytest.raises(NotLoggedIn, match=re.escape(f"Not logged in to {osm_sandbox.url}")):
            upload_service.upload_edits(sandbox_gpkg, None, "", None, "Practice")
    finally:
        auth.forget(hostile.api)
    assert hostile.requests == []


def test_the_review_names_the_files_server_and_uploads_there(
    clean_settings, osm_sandbox, hostile, sandbox_gpkg, qgis_iface, qgis_new_project, qtbot
):
    from qgis.PyQt.QtCore import QTimer

    from osm_roundtrip.ui.upload_action import UploadAction

    auth.remember(osm_sandbox.token(), osm_sandbox.api)
    auth.remember(HOSTILE_TOKEN, hostile.api)
    choose_server(clean_settings, hostile.api)
    layers = osm_layers.open_download(sandbox_gpkg)
    qgis_iface.setActiveLayer(next(iter(layers.values())))
    action = UploadAction(qgis_iface)
    shown = {}

    def review() -> None:
        dialog = action.dialog
        if dialog is None:  # the changes are still being computed in their task
            QTimer.singleShot(100, review)
            return
        shown["label"] = dialog.serverLabel.text()
        shown["logged_in"] = dialog.logged_in
        dialog.commentEdit.setText("Reviewed practice")
        dialog.upload_button.click()

    QTimer.singleShot(200, review)
    try:
        action.upload()  # the review dock opens after the changes were computed
        qtbot.waitUntil(lambda: "label" in shown and action.task is None, timeout=60000)
    finally:
        osm_layers.remove_download(sandbox_gpkg)
        auth.forget(osm_sandbox.api)
        auth.forget(hostile.api)
    assert f"Upload to <b>{osm_sandbox.api}</b>" in shown["label"]
    assert "is uploaded only there" in shown["label"] and hostile.api in shown["label"]
    assert shown["logged_in"]
    assert hostile.requests == []
    with connect(sandbox_gpkg) as db:
        version = db.execute(
            "SELECT osm_version FROM osm_points WHERE name = 'Practice'"
        ).fetchone()[0]
    assert version >= 2  # written back from the sandbox's answer


# ---------------------------------------------------------------------------------------------
# Tokens per server; the single token of older versions
# ---------------------------------------------------------------------------------------------


def test_each_server_keeps_its_own_token(clean_settings, osm_sandbox, hostile):
    auth.remember("sandbox-token", osm_sandbox.api)
    auth.remember(HOSTILE_TOKEN, hostile.url)  # any address of the server: the same origin
    try:
        assert auth.token_for(osm_sandbox.api) == "sandbox-token"
        assert auth.token_for(osm_sandbox.url + "/") == "sandbox-token"
        assert auth.token_for(hostile.api) == HOSTILE_TOKEN
        assert auth.token_for("http://127.0.0.1:1/api/0.6") is None
        auth.remember("sandbox-token-2", osm_sandbox.api)  # a new login replaces that one only
        assert auth.token_for(osm_sandbox.api) == "sandbox-token-2"
        assert auth.token_for(hostile.api) == HOSTILE_TOKEN
        assert len(auth.bindings()) == 2
    finally:
        auth.forget(hostile.api)
    assert auth.token_for(hostile.api) is None
    assert auth.token_for(osm_sandbox.api) == "sandbox-token-2"
    auth.forget(osm_sandbox.api)


def test_the_single_token_of_older_versions_stays_with_its_server(
    clean_settings, osm_sandbox, hostile
):
    """Logged in to the sandbox with an older version, then switched to another server."""
    legacy = auth.store_token("old-sandbox-token", osm_sandbox.api)
    clean_settings.setValue(plugin_settings.PREFIX + "auth_config_id", legacy)
    choose_server(clean_settings, hostile.api)
    try:
        assert auth.token_for(hostile.api) is None  # not sent to the server chosen later
        assert auth.token_for(osm_sandbox.api) == "old-sandbox-token"  # still logged in there
        values = plugin_settings.load()
        assert values.auth_config_id == ""
        assert json.loads(values.auth_config_ids) == {osm_sandbox.url: legacy}
    finally:
        auth.remove_token(legacy)


def test_login_is_for_the_server_the_upload_goes_to(clean_settings, osm_sandbox, hostile):
    choose_server(clean_settings, hostile.api)
    clean_settings.setValue(plugin_settings.PREFIX + "sandbox_url", osm_sandbox.url)
    values = plugin_settings.load()
    assert auth.client_id_for(values, osm_sandbox.api) == auth.SANDBOX_CLIENT_ID
    with pytest.raises(auth.NoClientIdFor, match=re.escape("127.0.0.1:1")):
        auth.client_id_for(values, "http://127.0.0.1:1/api/0.6")
    assert plugin_settings.oauth_url_for(osm_sandbox.api) == osm_sandbox.url + "/oauth2"
    assert (
        plugin_settings.oauth_url_for("https://www.openstreetmap.org/api/0.6")
        == "https://www.openstreetmap.org/oauth2"
    )


def test_the_login_button_logs_in_to_the_files_server(
    clean_settings, osm_sandbox_factory, hostile, qtbot
):
    """The review's "Log in…" for a sandbox file while the settings name another server."""
    import requests

    from tools.osm_sandbox.launch import DEFAULT_SEED

    approving = osm_sandbox_factory(DEFAULT_SEED, "--auto-approve", "bob")
    choose_server(clean_settings, hostile.api)
    clean_settings.setValue(plugin_settings.PREFIX + "sandbox_url", approving.url)
    finished = []
    browser = threading.Thread  # the browser runs beside QGIS, not in its event loop

    def open_url(url: str) -> None:
        browser(target=lambda: requests.get(url, timeout=20), daemon=True).start()

    login = auth.InteractiveLogin(
        lambda token, error: finished.append((token, error)),
        open_url=open_url,
        api_url=approving.api,
    )
    login.start()
    try:
        qtbot.waitUntil(lambda: bool(finished), timeout=30000)
        token, error = finished[0]
        assert error is None and token is not None
        assert auth.token_for(approving.api) == token.access_token
        assert auth.token_for(hostile.api) is None
    finally:
        auth.forget(approving.api)
    assert hostile.requests == []
