"""The OAuth token in the QGIS authentication database (never in settings, projects or logs).

The token is kept in an auth configuration of its own: method ``APIHeader`` (QGIS >= 3.26,
header ``Authorization: Bearer <token>``) where available, else ``Basic`` with the token as the
password. Only the configuration's id is stored in the plugin settings (``auth_config_id``);
Processing takes the id as its ``AUTH`` parameter.
"""

from __future__ import annotations

from typing import Optional
from urllib.parse import urlsplit

from qgis.core import QgsApplication, QgsAuthMethodConfig

from ..core.errors import QT_TRANSLATE_NOOP, OsmRoundtripError
from . import settings as plugin_settings

BASIC_USER = "oauth2-bearer"


class AuthStoreError(OsmRoundtripError):
    """The QGIS authentication database cannot be used (locked, no master password, …)."""


def _manager():
    manager = QgsApplication.authManager()
    if manager.isDisabled():
        raise AuthStoreError(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "The QGIS authentication database is not available: {reason}",
            ),
            reason=manager.disabledMessage(),
        )
    return manager


def _method(manager) -> str:
    return "APIHeader" if "APIHeader" in manager.authMethodsKeys() else "Basic"


def config_name(api_url: str) -> str:
    return f"OSM Roundtrip – {urlsplit(api_url).netloc or api_url}"


def store_token(token: str, api_url: str, config_id: str = "") -> str:
    """Save ``token`` (new configuration, or replace the one with ``config_id``); its id."""
    manager = _manager()
    if not manager.setMasterPassword(True):
        raise AuthStoreError(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "The QGIS master password is needed to store the login safely.",
            )
        )
    method = _method(manager)
    config = QgsAuthMethodConfig(method)
    config.setName(config_name(api_url))
    config.setUri(api_url)
    if method == "APIHeader":
        config.setConfig("Authorization", f"Bearer {token}")
    else:
        config.setConfig("username", BASIC_USER)
        config.setConfig("password", token)
    existing = QgsAuthMethodConfig()
    if config_id and manager.loadAuthenticationConfig(config_id, existing, False):
        config.setId(config_id)
        ok = manager.updateAuthenticationConfig(config)
    else:
        result = manager.storeAuthenticationConfig(config)
        # PyQGIS answers (ok, config) (the config is an in/out argument)
        ok, config = result if isinstance(result, tuple) else (result, config)
    if not ok or not config.id():
        raise AuthStoreError(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors", "The login could not be saved in the QGIS auth database."
            )
        )
    return config.id()


def load_token(config_id: str) -> Optional[str]:
    """The bearer token stored under ``config_id`` (``None`` when there is none)."""
    if not config_id:
        return None
    manager = _manager()
    config = QgsAuthMethodConfig()
    if not manager.loadAuthenticationConfig(config_id, config, True):
        return None
    if config.method() == "APIHeader":
        value = config.config("Authorization", "")
        return value[len("Bearer ") :] if value.startswith("Bearer ") else (value or None)
    return config.config("password", "") or None


def remove_token(config_id: str) -> None:
    if config_id:
        _manager().removeAuthenticationConfig(config_id)


def saved_token() -> Optional[str]:
    """The token of the configuration named in the plugin settings."""
    return load_token(plugin_settings.load().auth_config_id)


def remember(token: str, api_url: str) -> str:
    """Store ``token`` and record the configuration id in the settings (not the token)."""
    values = plugin_settings.load()
    config_id = store_token(token, api_url, values.auth_config_id)
    if config_id != values.auth_config_id:
        values.auth_config_id = config_id
        plugin_settings.save(values)
    return config_id


# ---------------------------------------------------------------------------------------------
# Interactive login (GUI): browser + loopback listener, polled without blocking
# ---------------------------------------------------------------------------------------------

SANDBOX_CLIENT_ID = "osm-sandbox"


class MissingClientId(OsmRoundtripError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "No OAuth 2 client id is set. Register an application (not confidential, "
                "redirect URI http://127.0.0.1/callback and urn:ietf:wg:oauth:2.0:oob, "
                "permissions read_prefs and write_api) in your account settings on the server "
                "and enter its client id in the plugin settings.",
            )
        )


def client_id_for(values) -> str:
    if values.oauth_client_id:
        return values.oauth_client_id
    if values.osm_server == "sandbox":
        return SANDBOX_CLIENT_ID
    raise MissingClientId()


class InteractiveLogin:
    """Log in with the browser: ``start()`` opens the authorize page; a timer polls the loopback
    listener; the code is exchanged in a task; ``on_done(token, error)`` runs on the GUI thread
    after the token was stored. ``ask_code(url)`` is used for the out-of-band fallback."""

    POLL_MS = 300
    TIMEOUT_S = 300

    def __init__(self, on_done, ask_code=None, open_url=None) -> None:
        self.on_done = on_done
        self.ask_code = ask_code
        self.open_url = open_url
        self.flow = None
        self.timer = None
        self.task = None
        self.started = 0.0

    def start(self) -> None:
        import time

        from qgis.PyQt.QtCore import QTimer, QUrl
        from qgis.PyQt.QtGui import QDesktopServices

        from ..core import oauth

        values = plugin_settings.load()
        try:
            client_id = client_id_for(values)
        except MissingClientId as exc:
            self.on_done(None, exc)
            return
        self.api_url = values.api_url()
        self.flow = oauth.AuthorizationFlow(values.oauth_url(), client_id)
        url = self.flow.authorize_url
        (self.open_url or (lambda u: QDesktopServices.openUrl(QUrl(u))))(url)
        if self.flow.out_of_band:
            code = self.ask_code(url) if self.ask_code else ""
            if not code:
                self._finish(None, None)
                return
            self._exchange(oauth.extract_code(code))
            return
        self.started = time.monotonic()
        self.timer = QTimer()
        self.timer.setInterval(self.POLL_MS)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def cancel(self) -> None:
        self._finish(None, None)

    def _poll(self) -> None:
        import time

        try:
            code = self.flow.poll()
        except OsmRoundtripError as exc:
            self._finish(None, exc)
            return
        if code:
            self.timer.stop()
            self._exchange(code)
        elif time.monotonic() - self.started > self.TIMEOUT_S:
            from ..core.oauth import LoginTimeout

            self._finish(
                None,
                LoginTimeout(
                    QT_TRANSLATE_NOOP(
                        "OsmRoundtripErrors",
                        "No answer from the browser within {seconds} s; the login was abandoned.",
                    ),
                    seconds=self.TIMEOUT_S,
                ),
            )

    def _exchange(self, code: str) -> None:
        from qgis.core import QgsApplication
        from qgis.PyQt.QtCore import QCoreApplication

        from .network import make_transport
        from .tasks import CoreTask

        flow = self.flow
        transport = make_transport(flow.oauth_url)

        def work(task):
            return flow.exchange(code, transport, task.isCanceled)

        def done(token, error) -> None:
            if error is None and token is not None:
                try:
                    remember(token.access_token, self.api_url)
                except OsmRoundtripError as exc:
                    error = exc
            self._finish(token if error is None else None, error)

        self.task = CoreTask(
            QCoreApplication.translate("OsmRoundtripLogin", "Logging in to OpenStreetMap"),
            work,
            done,
        )
        QgsApplication.taskManager().addTask(self.task)

    def _finish(self, token, error) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        if self.flow is not None:
            self.flow.close()
            self.flow = None
        callback, self.on_done = self.on_done, None
        if callback is not None:
            callback(token, error)
