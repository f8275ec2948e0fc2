"""``user_details``: the account a token logs in to, from the sandbox and from hostile servers."""

from __future__ import annotations

import http.server
import threading

import pytest
import requests

from osm_roundtrip.plugin.core.errors import BadPayload
from osm_roundtrip.plugin.core.http import HttpTransport, ResponseTooLarge
from osm_roundtrip.plugin.core.osm.api import (
    LoginExpired,
    NotAuthorized,
    NotFound,
    UserDetails,
    parse_user_details,
    user_details,
)
from tools.osm_sandbox.launch import DEFAULT_SEED


@pytest.fixture(scope="module")
def sandbox(osm_sandbox_factory):
    return osm_sandbox_factory(DEFAULT_SEED)


@pytest.fixture(scope="module")
def cgimap_alone(osm_sandbox_factory):
    return osm_sandbox_factory(DEFAULT_SEED, "--no-discovery")


ANSWERS = {
    "/huge/api/0.6/user/details": b'<osm><user id="1" display_name="'
    + b"x" * 2_000_000
    + b'"/></osm>',
    "/nouser/api/0.6/user/details": b"<osm><note/></osm>",
    "/noname/api/0.6/user/details": b'<osm><user id="5" display_name=" "/></osm>',
    "/badid/api/0.6/user/details": b'<osm><user id="x" display_name="a"/></osm>',
    "/html/api/0.6/user/details": b"<html><body>Login</body></html>",
    "/broken/api/0.6/user/details": b"<osm><user",
}


class Hostile(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        body = ANSWERS.get(self.path, b"")
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def hostile():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_tokens_user_is_named(sandbox):
    details = user_details(HttpTransport(), sandbox.token("carol"), sandbox.api)
    assert details == UserDetails(3, "carol")


def test_a_revoked_token_has_expired(sandbox):
    token = sandbox.token("bob")
    requests.post(
        sandbox.url + "/oauth2/revoke",
        data={"token": token, "client_id": "osm-sandbox"},
        timeout=10,
    ).raise_for_status()
    with pytest.raises(LoginExpired, match="the login has expired or was revoked") as caught:
        user_details(HttpTransport(), token, sandbox.api)
    assert caught.value.status == 401


def test_a_token_without_read_prefs_is_refused_with_the_servers_reason(sandbox):
    token = sandbox.token("alice", scopes="write_api")
    with pytest.raises(NotAuthorized, match="not permitted the application") as caught:
        user_details(HttpTransport(), token, sandbox.api)
    assert not isinstance(caught.value, LoginExpired)
    assert caught.value.status == 403


def test_a_server_without_the_rails_port_says_so(cgimap_alone):
    with pytest.raises(NotFound, match="does not tell the account name"):
        user_details(HttpTransport(), cgimap_alone.token("alice"), cgimap_alone.api)


def test_an_oversized_answer_is_cut_off(hostile):
    with pytest.raises(ResponseTooLarge):
        user_details(HttpTransport(), "t", hostile + "/huge/api/0.6")


@pytest.mark.parametrize("path", ["nouser", "noname", "badid", "html", "broken"])
def test_answers_without_a_user_are_named(hostile, path):
    with pytest.raises(BadPayload, match=f"{hostile}/{path}/api/0.6/user/details"):
        user_details(HttpTransport(), "t", f"{hostile}/{path}/api/0.6")


def test_parse_reads_id_and_name_only():
    answer = (
        b'<?xml version="1.0" encoding="UTF-8"?><osm version="0.6"><user id="42" '
        b'display_name="J\xc3\xb6rg &amp; Co" account_created="2020-01-01T00:00:00Z">'
        b"<description>&lt;b&gt;</description><roles/></user></osm>"
    )
    assert parse_user_details(answer) == UserDetails(42, "Jörg & Co")
