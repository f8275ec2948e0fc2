"""OAuth tokens in the QGIS authentication database (never in settings, projects or logs), one
per API server, each sent to its own server only.

A token is kept in an auth configuration of its own: method ``APIHeader`` (QGIS >= 3.26,
header ``Authorization: Bearer <token>``) where available, else ``Basic`` with the token as the
password. The configuration's URL (``uri``) is the API the token was issued for. The plugin
settings hold only the configurations' ids, per API origin (``auth_config_ids``, a JSON object
``{"https://api.openstreetmap.org": "abc1234"}``): :func:`token_for` gives the token of one
server and nothing else. Processing takes a configuration id as its ``AUTH`` parameter;
:func:`check_config` refuses one whose URL names another server than the request's.

Migration: before tokens were kept per server the settings held one id (``auth_config_id``),
whatever server was chosen later. :func:`migrate` binds that token to the server recorded in its
configuration's URL, which is the server it was issued for (the login stored the API address of
the settings at that moment). The user stays logged in where the token is valid, and a token
issued by one server can never be sent to the server chosen afterwards. A configuration that
names no usable server is only forgotten (not deleted): the user logs in again.

Log out (:func:`log_out`) first asks the server the token was issued for to revoke it (RFC 7009,
``/oauth2/revoke`` of that server's website, in a task), then removes it here whatever the answer.
"""

from __future__ import annotations

import contextlib
import json
from typing import Dict, Optional
from urllib.parse import urlsplit

from qgis.core import QgsApplication, QgsAuthMethodConfig

from ..core import servers
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


def config_server(config_id: str) -> str:
    """The URL recorded in an auth configuration (``""``: unknown configuration or none)."""
    if not config_id:
        return ""
    config = QgsAuthMethodConfig()
    if not _manager().loadAuthenticationConfig(config_id, config, False):
        return ""
    return config.uri() or ""


def check_config(config_id: str, api_url: str) -> None:
    """Refuse (:class:`~..core.servers.OtherServer`) a configuration whose URL is not the server
    of ``api_url``: its token is never sent there."""
    servers.check_token_server(config_server(config_id), api_url)


# -- one configuration per API origin ------------------------------------------------------------


def _read_bindings(values) -> Dict[str, str]:
    try:
        data = json.loads(values.auth_config_ids or "{}")
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if servers.origin(str(k)) and v}


def bindings() -> Dict[str, str]:
    """``{API origin: auth configuration id}`` of the logins the plugin keeps."""
    values = migrate()
    return _read_bindings(values)


def migrate(values=None):
    """Bind the single token of older versions to the server it was issued for (see the module
    documentation); the settings, migrated."""
    values = values or plugin_settings.load()
    legacy = values.auth_config_id
    if not legacy:
        return values
    found = _read_bindings(values)
    server = servers.origin(config_server(legacy))
    if server and server not in found:
        found[server] = legacy
    values.auth_config_ids = json.dumps(found, sort_keys=True)
    values.auth_config_id = ""
    plugin_settings.save(values)
    return values


def config_for(api_url: str) -> str:
    """The id of the configuration holding the token for the server of ``api_url`` (or ``""``)."""
    config_id = bindings().get(servers.origin(api_url), "")
    if config_id and not servers.same_origin(config_server(config_id), api_url):
        return ""  # edited or replaced behind our back: not this server's
    return config_id


def token_for(api_url: str) -> Optional[str]:
    """The token issued for the server of ``api_url``; ``None`` when not logged in there."""
    return load_token(config_for(api_url))


def token_for_request(api_url: str, config_id: str = "") -> Optional[str]:
    """The token to send to ``api_url``: the one in ``config_id`` (an ``AUTH`` parameter; refused
    with :class:`~..core.servers.OtherServer` when its URL names another server), else the one
    kept for that server. ``None``: no login. Call it before any request."""
    if config_id:
        check_config(config_id, api_url)
        return load_token(config_id)
    return token_for(api_url)


def remember(token: str, api_url: str) -> str:
    """Store ``token`` for the server of ``api_url`` (replacing that server's, only) and record
    the configuration id in the settings (not the token)."""
    server = servers.origin(api_url)
    if not server:
        raise servers.OtherServer(
            QT_TRANSLATE_NOOP("OsmRoundtripErrors", "{url} is not an address of an OSM API."),
            url=api_url,
        )
    values = migrate()
    found = _read_bindings(values)
    config_id = store_token(token, api_url, found.get(server, ""))
    found[server] = config_id
    values.auth_config_ids = json.dumps(found, sort_keys=True)
    names = _read_names(values)  # the name of the previous login may be another account's
    if names.pop(server, None) is not None:
        values.account_names = json.dumps(names, sort_keys=True)
    plugin_settings.save(values)
    return config_id


def forget(api_url: str) -> None:
    """Log out of the server of ``api_url``: its configuration and the remembered account name
    are removed, the others stay."""
    values = migrate()
    found = _read_bindings(values)
    config_id = found.pop(servers.origin(api_url), "")
    if config_id:
        remove_token(config_id)
        values.auth_config_ids = json.dumps(found, sort_keys=True)
    names = _read_names(values)
    names.pop(servers.origin(api_url), None)
    values.account_names = json.dumps(names, sort_keys=True)
    plugin_settings.save(values)


def _forget_token(api_url: str, config_id: str, token: str) -> None:
    """:func:`forget` the server of ``api_url`` if its login is still ``token`` in ``config_id``
    (a new login made meanwhile replaced it, and stays)."""
    if config_for(api_url) == config_id and load_token(config_id) == token:
        forget(api_url)


def log_out(api_url: str, on_done, values=None):
    """Log out of the server of ``api_url``: revoke its token *on that server* in a task, then
    forget it here, whatever the server answered (the user asked to log out).

    The revocation goes to the server recorded in the token's configuration (the one it was
    issued for, :func:`config_server`), at ``/oauth2/revoke`` of that server's website, with the
    client id of that server (``values``: the settings to take it from, default the saved ones).
    ``on_done(revoke_error, local_error)`` runs on the GUI thread: ``revoke_error`` is why the
    server could not be told (``None``: it was, or there was no token to revoke),
    ``local_error`` why the token could not be removed here. Returns the task (``None`` when
    nothing needed the network and ``on_done`` has already run)."""
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QCoreApplication

    from ..core import oauth
    from .network import make_transport
    from .tasks import CoreTask

    def finish(revoke_error, config_id: str, token: str) -> None:
        try:
            if token:
                _forget_token(api_url, config_id, token)
            else:
                forget(api_url)
        except OsmRoundtripError as exc:
            on_done(revoke_error, exc)
            return
        on_done(revoke_error, None)

    try:
        config_id = config_for(api_url)
        token = load_token(config_id) if config_id else None
        server = config_server(config_id) if config_id else ""
    except OsmRoundtripError as exc:  # the auth database is not available
        on_done(None, exc)
        return None
    if not token:  # nothing the server could revoke: only the local traces go
        finish(None, config_id, "")
        return None
    try:
        client_id = client_id_for(values or plugin_settings.load(), server)
        url = oauth.revoke_url(server)
        servers.check_token_server(server, url)  # the token never leaves its own server
    except OsmRoundtripError as exc:
        finish(exc, config_id, token)
        return None
    transport = make_transport(url)

    def work(task):
        oauth.revoke(url, client_id, token, transport, task.isCanceled)

    def done(_result, error) -> None:
        finish(error, config_id, token)

    task = CoreTask(
        QCoreApplication.translate("OsmRoundtripLogin", "Logging out of OpenStreetMap"),
        work,
        done,
    )
    QgsApplication.taskManager().addTask(task)
    return task


# -- the account name of each login (shown, never used to authenticate) ------------------------


def _read_names(values) -> Dict[str, str]:
    try:
        data = json.loads(values.account_names or "{}")
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if servers.origin(str(k)) and v}


def account_name(api_url: str) -> str:
    """The display name of the account logged in to the server of ``api_url`` (``""``: not
    known, or not logged in there)."""
    try:
        if not config_for(api_url):
            return ""
    except OsmRoundtripError:  # the auth database is not available: no login to name
        return ""
    return _read_names(plugin_settings.load()).get(servers.origin(api_url), "")


def remember_name(api_url: str, name: str) -> None:
    """Remember the display name of the login to the server of ``api_url`` (``""`` forgets it)."""
    server = servers.origin(api_url)
    if not server:
        return
    values = plugin_settings.load()
    names = _read_names(values)
    if name:
        names[server] = name
    else:
        names.pop(server, None)
    values.account_names = json.dumps(names, sort_keys=True)
    plugin_settings.save(values)


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


class NoClientIdFor(OsmRoundtripError):
    def __init__(self, server: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "To log in to {server}, choose it as the server in the plugin settings and "
                "enter its OAuth 2 client id there.",
            ),
            server=server,
        )


def client_id_for(values, api_url: str = "") -> str:
    """The OAuth client id for the server of ``api_url`` (default: the settings' server).

    The client id of the settings belongs to the settings' server; the local sandbox has its
    own; any other server must be chosen in the settings first.
    """
    if not api_url or servers.same_origin(api_url, values.api_url()):
        if values.oauth_client_id:
            return values.oauth_client_id
        if values.osm_server == "sandbox":
            return SANDBOX_CLIENT_ID
        raise MissingClientId()
    if servers.same_origin(api_url, values.sandbox_url):
        return SANDBOX_CLIENT_ID
    raise NoClientIdFor(servers.origin(api_url) or api_url)


class InteractiveLogin:
    """Log in with the browser: ``start()`` opens the authorize page; a timer polls the loopback
    listener; the code is exchanged in a task; ``on_done(token, error)`` runs on the GUI thread
    after the token was stored for ``api_url`` (default: the settings' server).

    ``submit_code(text)`` takes the code the user pasted (the bare code or the whole address the
    browser ended on) at any time, e.g. when the browser runs on another computer.
    ``on_state(state)`` follows the login: ``"waiting"`` (for the browser), ``"paste"`` (no
    listener: the code must be pasted), ``"exchanging"``. ``cancel()`` closes the listener and
    cancels the exchange at once. ``ask_code(url)``, when given, is asked for the code in the
    out-of-band fallback (else the state is ``"paste"``). ``values``: the settings to take the
    server and client id from (default: the saved ones)."""

    POLL_MS = 300
    TIMEOUT_S = 300

    def __init__(
        self, on_done, ask_code=None, open_url=None, api_url: str = "", on_state=None, values=None
    ) -> None:
        self.on_done = on_done
        self.ask_code = ask_code
        self.open_url = open_url
        self.api_url = api_url
        self.on_state = on_state
        self.values = values
        self.flow = None
        self.timer = None
        self.task = None
        self.started = 0.0
        self.timeout_s = self.TIMEOUT_S

    @property
    def running(self) -> bool:
        return self.on_done is not None

    def start(self) -> None:
        import time

        from qgis.PyQt.QtCore import QTimer

        from ..core import oauth

        values = self.values or plugin_settings.load()
        self.api_url = self.api_url or values.api_url()
        try:
            client_id = client_id_for(values, self.api_url)
        except (MissingClientId, NoClientIdFor) as exc:
            self._finish(None, exc)
            return
        self.flow = oauth.AuthorizationFlow(plugin_settings.oauth_url_for(self.api_url), client_id)
        url = self.flow.authorize_url
        self.open_browser()
        if self.flow.out_of_band:
            if self.ask_code is not None:
                code = self.ask_code(url)
                if not code:
                    self._finish(None, None)
                    return
                self.submit_code(code)
                return
            self._state("paste")
            return
        self.started = time.monotonic()
        self.timer = QTimer()
        self.timer.setInterval(self.POLL_MS)
        self.timer.timeout.connect(self._poll)
        self.timer.start()
        self._state("waiting")

    def open_browser(self) -> None:
        """Show the authorize page (again)."""
        from qgis.PyQt.QtCore import QUrl
        from qgis.PyQt.QtGui import QDesktopServices

        if self.flow is not None:
            url = self.flow.authorize_url
            (self.open_url or (lambda u: QDesktopServices.openUrl(QUrl(u))))(url)

    @property
    def authorize_url(self) -> str:
        return self.flow.authorize_url if self.flow is not None else ""

    @property
    def port(self) -> int:
        """The loopback listener's port (0: none)."""
        listener = self.flow.listener if self.flow is not None else None
        return listener.port if listener is not None else 0

    def submit_code(self, text: str) -> bool:
        """Exchange a pasted code; ``False`` when there is no login waiting or nothing usable."""
        from ..core import oauth

        code = oauth.extract_code(text)
        if self.flow is None or self.task is not None or not code:
            return False
        if self.timer is not None:
            self.timer.stop()
        self._exchange(code)
        return True

    def cancel(self) -> None:
        """Stop now: the listener is closed, a running exchange is cancelled, nothing is kept."""
        task, self.task = self.task, None
        if task is not None:
            with contextlib.suppress(RuntimeError):  # already deleted by the task manager
                task.cancel()
        self._finish(None, None)

    def _state(self, state: str) -> None:
        if self.on_state is not None:
            self.on_state(state)

    def _poll(self) -> None:
        import time

        if self.flow is None:
            return
        try:
            code = self.flow.poll()
        except OsmRoundtripError as exc:
            self._finish(None, exc)
            return
        if code:
            self.timer.stop()
            self._exchange(code)
        elif time.monotonic() - self.started > self.timeout_s:
            from ..core.oauth import LoginTimeout

            self._finish(
                None,
                LoginTimeout(
                    QT_TRANSLATE_NOOP(
                        "OsmRoundtripErrors",
                        "No answer from the browser within {seconds} s; the login was abandoned.",
                    ),
                    seconds=round(self.timeout_s),
                ),
            )

    def _exchange(self, code: str) -> None:
        from qgis.core import QgsApplication
        from qgis.PyQt.QtCore import QCoreApplication

        from .network import make_transport
        from .tasks import CoreTask

        flow = self.flow
        if flow.listener is not None:  # the code is here: nothing more to listen for
            flow.listener.close()
        transport = make_transport(flow.oauth_url)
        self._state("exchanging")

        def work(task):
            return flow.exchange(code, transport, task.isCanceled)

        def done(token, error) -> None:
            if self.task is not task:  # cancelled meanwhile: nothing is kept
                return
            self.task = None
            if error is None and token is not None:
                try:
                    remember(token.access_token, self.api_url)
                except OsmRoundtripError as exc:
                    error = exc
            self._finish(token if error is None else None, error)

        task = CoreTask(
            QCoreApplication.translate("OsmRoundtripLogin", "Logging in to OpenStreetMap"),
            work,
            done,
        )
        self.task = task
        QgsApplication.taskManager().addTask(task)

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
