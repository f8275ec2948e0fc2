"""OAuth 2.0 login to the OSM API: authorization code with PKCE (S256), pure Python.

The flow (osm-api-v0.6 §9, RFC 7636, RFC 8252):

1. :class:`AuthorizationFlow` makes a random ``code_verifier`` and ``state``, starts a one-shot
   HTTP listener on ``127.0.0.1`` (an ephemeral port; the server ignores the port of loopback
   redirect URIs) and builds the authorize URL (``scope=read_prefs write_api``,
   ``code_challenge_method=S256``).
2. The user approves in the browser; the server redirects to ``http://127.0.0.1:<port>/callback``
   with ``code`` and ``state``. When the listener cannot be started the flow uses the
   out-of-band redirect ``urn:ietf:wg:oauth:2.0:oob``: the server shows the code and the user
   pastes it (:func:`extract_code` also accepts the whole address of that page). A callback
   whose ``state`` is not this login's (a code or an error) is ignored and the wait goes on.
3. :meth:`AuthorizationFlow.exchange` posts the code with the verifier to ``/oauth2/token``.

:func:`login` runs the whole flow in the calling thread (for Processing, scripts and tests);
the GUI drives the same :class:`AuthorizationFlow` step by step so it never blocks.
Tokens never appear in log messages or in the text of errors.
"""

from __future__ import annotations

import base64
import hashlib
import html
import secrets
import threading
import time
import webbrowser
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Callable, Optional
from urllib.parse import parse_qs, quote, urlencode, urlsplit

from . import servers
from .errors import QT_TRANSLATE_NOOP, BadPayload, Cancelled, HttpError, OsmRoundtripError
from .http import CancelCheck, HttpTransport, snippet, strip_tags

SCOPES = ("read_prefs", "write_api")
OOB_REDIRECT_URI = "urn:ietf:wg:oauth:2.0:oob"
CALLBACK_PATH = "/callback"
LOOPBACK_HOST = "127.0.0.1"
DEFAULT_TIMEOUT = 300.0


class OAuthError(OsmRoundtripError):
    """The login did not succeed."""


class AuthorizationDenied(OAuthError):
    pass


class LoginTimeout(OAuthError):
    pass


# ---------------------------------------------------------------------------------------------
# PKCE and URLs
# ---------------------------------------------------------------------------------------------


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def make_verifier() -> str:
    """A ``code_verifier`` of 43 characters from the unreserved set (RFC 7636 §4.1)."""
    return _b64url(secrets.token_bytes(32))


def code_challenge(verifier: str) -> str:
    """``BASE64URL(SHA256(verifier))`` without padding (method ``S256``)."""
    return _b64url(hashlib.sha256(verifier.encode("ascii")).digest())


def authorize_url(
    oauth_url: str,
    client_id: str,
    redirect_uri: str,
    state: str,
    challenge: str,
    scopes=SCOPES,
) -> str:
    """``<oauth_url>/authorize?...`` for the authorization code flow with PKCE S256."""
    query = urlencode(
        {
            "response_type": "code",
            "client_id": client_id,
            "redirect_uri": redirect_uri,
            "scope": " ".join(scopes),
            "state": state,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        },
        quote_via=quote,
    )
    return f"{oauth_url.rstrip('/')}/authorize?{query}"


def extract_code(text: str) -> str:
    """The authorization code from what the user pasted: the code, or an address with ``code=``."""
    text = (text or "").strip()
    if "code=" in text:
        query = urlsplit(text).query or text.split("?", 1)[-1]
        values = parse_qs(query).get("code")
        if values:
            return values[0].strip()
    return text


# ---------------------------------------------------------------------------------------------
# Token
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    access_token: str
    token_type: str = "Bearer"
    scope: str = ""
    created_at: int = 0

    @property
    def scopes(self) -> frozenset:
        return frozenset(self.scope.split())

    def __repr__(self) -> str:  # never print the secret
        return f"Token(token_type={self.token_type!r}, scope={self.scope!r})"


def parse_token(payload: dict, url: str = "") -> Token:
    token = payload.get("access_token") if isinstance(payload, dict) else None
    if not token or not isinstance(token, str):
        raise BadPayload(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors", "The server at {url} did not send an access token."
            ),
            url=url,
        )
    return Token(
        access_token=token,
        token_type=str(payload.get("token_type") or "Bearer"),
        scope=str(payload.get("scope") or ""),
        created_at=int(payload.get("created_at") or 0),
    )


# ---------------------------------------------------------------------------------------------
# Loopback listener
# ---------------------------------------------------------------------------------------------

_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:sans-serif;margin:4em auto;max-width:36em;color:#222}}
h1{{font-size:1.4em}}</style></head>
<body><h1>{title}</h1><p>{text}</p></body></html>"""


@dataclass
class Redirect:
    """What arrived at the redirect URI."""

    code: str = ""
    state: str = ""
    error: str = ""
    error_description: str = ""


class LoopbackListener:
    """A one-shot HTTP server on ``127.0.0.1`` that captures the redirect of the authorization.

    It serves in a daemon thread; :meth:`result` is ``None`` until a request with ``code`` or
    ``error`` **and the expected** ``state`` has arrived at :data:`CALLBACK_PATH`. Anything else
    on that port (another page of the browser, a request forged by another program, an error
    without the state) is answered and ignored: the wait goes on for the real redirect until it
    times out or is cancelled, so a forged callback can neither replace nor end the login. The
    page shown in the browser is in English (it is outside QGIS) and asks the user to go back to
    QGIS.
    """

    def __init__(self, state: str, port: int = 0, path: str = CALLBACK_PATH) -> None:
        listener = self
        self.path = path
        self.state = state
        self.ignored = 0  # callbacks refused for a wrong or missing state
        self._result: Optional[Redirect] = None
        self._event = threading.Event()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                if parts.path != listener.path:
                    self.send_error(404)
                    return
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                redirect = Redirect(
                    code=query.get("code", ""),
                    state=query.get("state", ""),
                    error=query.get("error", ""),
                    error_description=query.get("error_description", ""),
                )
                if not redirect.code and not redirect.error:
                    self.send_error(400)
                    return
                if not secrets.compare_digest(redirect.state.encode(), listener.state.encode()):
                    listener.ignored += 1
                    self._page(
                        400,
                        "OSM Roundtrip: unknown answer",
                        "This answer does not belong to the login in progress and was ignored.",
                    )
                    return
                if redirect.code:
                    title, text = (
                        "OSM Roundtrip: authorization received",
                        "You can close this page and return to QGIS.",
                    )
                else:
                    title, text = (
                        "OSM Roundtrip: authorization refused",
                        html.escape(redirect.error_description or redirect.error),
                    )
                self._page(200, title, text)
                if listener._result is None:
                    listener._result = redirect
                    listener._event.set()

            def _page(self, status: int, title: str, text: str) -> None:
                body = _PAGE.format(title=title, text=text).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format, *args) -> None:
                return

        self._server = HTTPServer((LOOPBACK_HOST, port), Handler)
        self._server.timeout = 0.2
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )
        self._thread.start()

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def redirect_uri(self) -> str:
        return f"http://{LOOPBACK_HOST}:{self.port}{self.path}"

    def result(self) -> Optional[Redirect]:
        return self._result

    def wait(self, timeout: float, cancel: Optional[CancelCheck] = None) -> Optional[Redirect]:
        deadline = time.monotonic() + timeout
        while not self._event.wait(0.1):
            if cancel is not None and cancel():
                raise Cancelled()
            if time.monotonic() >= deadline:
                return None
        return self._result

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=2)


# ---------------------------------------------------------------------------------------------
# The flow
# ---------------------------------------------------------------------------------------------


class AuthorizationFlow:
    """One login attempt. ``loopback=False`` (or a listener that fails to start) uses OOB."""

    def __init__(
        self,
        oauth_url: str,
        client_id: str,
        *,
        scopes=SCOPES,
        loopback: bool = True,
        port: int = 0,
    ) -> None:
        self.oauth_url = oauth_url.rstrip("/")
        self.client_id = client_id
        self.scopes = tuple(scopes)
        self.verifier = make_verifier()
        self.state = secrets.token_urlsafe(16)
        self.listener: Optional[LoopbackListener] = None
        if loopback:
            try:
                self.listener = LoopbackListener(self.state, port)
            except OSError:
                self.listener = None
        self.redirect_uri = self.listener.redirect_uri if self.listener else OOB_REDIRECT_URI

    @property
    def out_of_band(self) -> bool:
        return self.listener is None

    @property
    def authorize_url(self) -> str:
        return authorize_url(
            self.oauth_url,
            self.client_id,
            self.redirect_uri,
            self.state,
            code_challenge(self.verifier),
            self.scopes,
        )

    def check(self, redirect: Redirect) -> str:
        """The code of a redirect, or the typed error it stands for (errors too must carry the
        state of this login: the listener passes only those)."""
        if not secrets.compare_digest(redirect.state.encode(), self.state.encode()):
            raise OAuthError(
                QT_TRANSLATE_NOOP(
                    "OsmRoundtripErrors",
                    "The answer of the authorization server does not belong to this login "
                    "(state mismatch); please try again.",
                )
            )
        if redirect.error:
            raise AuthorizationDenied(
                QT_TRANSLATE_NOOP("OsmRoundtripErrors", "The authorization was refused: {reason}"),
                reason=redirect.error_description or redirect.error,
            )
        return redirect.code

    def poll(self) -> Optional[str]:
        """Non-blocking: the code once the redirect has arrived, else ``None``."""
        if self.listener is None:
            return None
        redirect = self.listener.result()
        return self.check(redirect) if redirect is not None else None

    def wait_for_code(self, timeout: float, cancel: Optional[CancelCheck] = None) -> str:
        if self.listener is None:
            raise OAuthError(
                QT_TRANSLATE_NOOP(
                    "OsmRoundtripErrors",
                    "No loopback listener: enter the code shown by the server.",
                )
            )
        redirect = self.listener.wait(timeout, cancel)
        if redirect is None:
            raise LoginTimeout(
                QT_TRANSLATE_NOOP(
                    "OsmRoundtripErrors",
                    "No answer from the browser within {seconds} s; the login was abandoned.",
                ),
                seconds=round(timeout),
            )
        return self.check(redirect)

    def exchange(
        self,
        code: str,
        transport: Optional[HttpTransport] = None,
        cancel: Optional[CancelCheck] = None,
    ) -> Token:
        """Trade the code (and the verifier) for an access token at ``/oauth2/token``."""
        transport = transport or HttpTransport()
        url = f"{self.oauth_url}/token"
        response = transport.request(
            "POST",
            url,
            data=urlencode(
                {
                    "grant_type": "authorization_code",
                    "code": extract_code(code),
                    "redirect_uri": self.redirect_uri,
                    "client_id": self.client_id,
                    "code_verifier": self.verifier,
                }
            ),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
            },
            cancel=cancel,
            check=False,
        )
        if response.status >= 400:
            try:
                payload = response.json()
            except OsmRoundtripError:
                payload = {}
            reason = ""
            if isinstance(payload, dict):
                reason = payload.get("error_description") or payload.get("error") or ""
            raise HttpError(
                QT_TRANSLATE_NOOP(
                    "OsmRoundtripErrors",
                    "The server refused to issue a token (HTTP {status}): {body}",
                ),
                response.status,
                reason or response.text[:200],
            )
        return parse_token(response.json(), url)

    def close(self) -> None:
        if self.listener is not None:
            self.listener.close()

    def __enter__(self) -> AuthorizationFlow:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def login(
    oauth_url: str,
    client_id: str,
    *,
    open_browser: Callable[[str], object] = webbrowser.open,
    ask_code: Optional[Callable[[str], str]] = None,
    scopes=SCOPES,
    transport: Optional[HttpTransport] = None,
    timeout: float = DEFAULT_TIMEOUT,
    cancel: Optional[CancelCheck] = None,
    loopback: bool = True,
) -> Token:
    """Run the whole login in the calling thread and return the token.

    ``open_browser(url)`` shows the authorize page (a script may instead perform the GET itself
    when the server approves without a user). With the out-of-band fallback ``ask_code(url)``
    must return what the user pasted; without it the OOB fallback is an error.
    """
    with AuthorizationFlow(oauth_url, client_id, scopes=scopes, loopback=loopback) as flow:
        if flow.out_of_band and ask_code is None:
            raise OAuthError(
                QT_TRANSLATE_NOOP(
                    "OsmRoundtripErrors",
                    "Could not listen on 127.0.0.1 for the browser's answer and no way to ask "
                    "for the code was given.",
                )
            )
        open_browser(flow.authorize_url)
        if flow.out_of_band:
            code = extract_code(ask_code(flow.authorize_url))  # type: ignore[misc]
            if not code:
                raise Cancelled()
        else:
            code = flow.wait_for_code(timeout, cancel)
        return flow.exchange(code, transport, cancel)


REVOKE_DEADLINE = 20.0  # seconds for the whole revocation: the user is waiting to log out


def revoke_url(api_url: str) -> str:
    """``/oauth2/revoke`` on the website of the server whose API is ``api_url`` (the server the
    token was issued for; ``""`` when ``api_url`` names no server)."""
    base = servers.website(api_url)
    return f"{base}/oauth2/revoke" if base else ""


def applications_url(api_url: str) -> str:
    """The page of the server's website listing the applications the user authorized
    (My Settings → OAuth 2 applications), where an access can be revoked by hand."""
    base = servers.website(api_url)
    return f"{base}/oauth2/authorized_applications" if base else ""


def revoke(
    url: str,
    client_id: str,
    token: str,
    transport: Optional[HttpTransport] = None,
    cancel: Optional[CancelCheck] = None,
) -> None:
    """Ask the server to revoke ``token`` (RFC 7009: ``POST url`` with ``token`` and
    ``client_id``, :func:`revoke_url`). Doorkeeper answers 200 for a token it revoked and for one
    it does not know; any other answer is raised as :class:`HttpError` (its reason, never the
    token), a network failure as the transport's error. A redirect is not followed (it would
    carry the token elsewhere): it is an answer like any other than 200. The whole request takes
    at most :data:`REVOKE_DEADLINE` seconds."""
    transport = transport or HttpTransport()
    response = transport.request(
        "POST",
        url,
        data=urlencode({"token": token, "client_id": client_id}),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
        },
        timeout=min(transport.timeout, REVOKE_DEADLINE),
        deadline=REVOKE_DEADLINE,
        cancel=cancel,
        check=False,
        allow_redirects=False,  # the token goes to this address only, not where it points
    )
    if response.status == 200:
        return
    reason = ""
    if response.content_type == "application/json":
        try:
            payload = response.json()
        except OsmRoundtripError:
            payload = {}
        if isinstance(payload, dict):
            reason = str(payload.get("error_description") or payload.get("error") or "")
    if not reason:
        body = response.text
        if response.content_type == "text/html":
            body = strip_tags(body)
        reason = snippet(body) or response.headers.get("Error", "")
    raise HttpError(
        QT_TRANSLATE_NOOP("OsmRoundtripErrors", "The server answered HTTP {status}: {body}"),
        response.status,
        reason,
        response.headers,
    )
