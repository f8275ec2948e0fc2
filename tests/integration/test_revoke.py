"""``oauth.revoke``: a token revoked at the sandbox's ``/oauth2/revoke`` is refused by its API
afterwards; hostile and failing servers (small ones of our own on 127.0.0.1) are reported as
errors that never carry the token, within a bounded time, and a redirect is not followed."""

from __future__ import annotations

import http.server
import threading
import time
from urllib.parse import parse_qs

import pytest
import requests

from osm_roundtrip.plugin.core import oauth
from osm_roundtrip.plugin.core.errors import ConnectionFailed, HttpError, RequestTimeout
from osm_roundtrip.plugin.core.http import HttpTransport
from osm_roundtrip.plugin.core.version import USER_AGENT
from tools.osm_sandbox.launch import DEFAULT_SEED


@pytest.fixture(scope="module")
def sandbox(osm_sandbox_factory):
    return osm_sandbox_factory(DEFAULT_SEED)


def details_status(sandbox, token: str) -> int:
    return requests.get(
        sandbox.api + "/user/details", headers={"Authorization": f"Bearer {token}"}, timeout=10
    ).status_code


def test_the_revoke_address_is_on_the_tokens_own_server():
    assert (
        oauth.revoke_url("https://api.openstreetmap.org/api/0.6")
        == "https://www.openstreetmap.org/oauth2/revoke"
    )
    assert (
        oauth.revoke_url("https://master.apis.dev.openstreetmap.org/api/0.6")
        == "https://master.apis.dev.openstreetmap.org/oauth2/revoke"
    )
    assert (
        oauth.revoke_url("http://127.0.0.1:8111/api/0.6") == "http://127.0.0.1:8111/oauth2/revoke"
    )
    assert oauth.revoke_url("https://osm.example.org/osm/api") == (
        "https://osm.example.org/osm/oauth2/revoke"
    )
    assert oauth.revoke_url("") == ""
    assert oauth.applications_url("https://api.openstreetmap.org/api/0.6") == (
        "https://www.openstreetmap.org/oauth2/authorized_applications"
    )


def test_a_revoked_token_is_refused_by_the_api(sandbox):
    token = sandbox.token("alice")
    assert details_status(sandbox, token) == 200
    oauth.revoke(oauth.revoke_url(sandbox.api), "osm-sandbox", token, HttpTransport())
    assert details_status(sandbox, token) == 401


def test_an_unknown_token_is_revoked_without_complaint(sandbox):
    oauth.revoke(oauth.revoke_url(sandbox.api), "osm-sandbox", "never-issued", HttpTransport())


def test_a_refusal_names_the_servers_reason_not_the_token(sandbox):
    token = sandbox.token("alice")
    with pytest.raises(HttpError, match="not authorized to revoke") as caught:
        oauth.revoke(oauth.revoke_url(sandbox.api), "someone-else", token, HttpTransport())
    assert caught.value.status == 403
    assert token not in str(caught.value)
    assert details_status(sandbox, token) == 200  # still valid: the server did not revoke it


class Recorder(http.server.BaseHTTPRequestHandler):
    """Answers every POST as ``self.server.answer`` says and records what it received."""

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        self.server.seen.append((self.path, dict(self.headers), parse_qs(body)))
        status, headers, payload = self.server.answer
        if status == 0:  # never answers
            time.sleep(5)
            return
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args) -> None:
        return


@pytest.fixture
def server():
    servers = []

    def start(status: int, headers=None, payload: bytes = b"") -> http.server.HTTPServer:
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
        httpd.daemon_threads = True
        httpd.answer = (status, headers or {}, payload)
        httpd.seen = []
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return httpd

    yield start
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


def url_of(httpd) -> str:
    return f"http://127.0.0.1:{httpd.server_address[1]}"


def test_the_request_is_rfc_7009_with_the_plugins_user_agent(server):
    httpd = server(200, {"Content-Type": "application/json"}, b"{}")
    oauth.revoke(oauth.revoke_url(url_of(httpd) + "/api/0.6"), "my-app", "tok-1", HttpTransport())
    [(path, headers, form)] = httpd.seen
    assert path == "/oauth2/revoke"
    assert form == {"token": ["tok-1"], "client_id": ["my-app"]}
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert headers["User-Agent"] == USER_AGENT


def test_a_server_error_is_raised(server):
    httpd = server(503, {"Content-Type": "text/html"}, b"<html><h1>Down for maintenance</h1>")
    with pytest.raises(HttpError, match="HTTP 503: Down for maintenance"):
        oauth.revoke(url_of(httpd) + "/oauth2/revoke", "my-app", "tok-2", HttpTransport())


def test_a_redirect_is_not_followed(server):
    elsewhere = server(200, {}, b"{}")
    httpd = server(307, {"Location": url_of(elsewhere) + "/oauth2/revoke"})
    with pytest.raises(HttpError) as caught:
        oauth.revoke(url_of(httpd) + "/oauth2/revoke", "my-app", "tok-3", HttpTransport())
    assert caught.value.status == 307
    assert elsewhere.seen == []  # the token never went to the other server


def test_an_offline_server_is_a_connection_error(server):
    httpd = server(200)
    url = url_of(httpd) + "/oauth2/revoke"
    httpd.shutdown()
    httpd.server_close()
    with pytest.raises(ConnectionFailed):
        oauth.revoke(url, "my-app", "tok-4", HttpTransport())


def test_a_silent_server_is_given_up_in_bounded_time(server):
    httpd = server(0)
    started = time.monotonic()
    with pytest.raises(RequestTimeout):
        oauth.revoke(url_of(httpd) + "/oauth2/revoke", "my-app", "tok-5", HttpTransport(timeout=1))
    assert time.monotonic() - started < 4
