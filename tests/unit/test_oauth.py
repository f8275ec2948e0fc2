"""OAuth 2.0 with PKCE: challenge, authorize URL, loopback listener, code extraction, token."""

from __future__ import annotations

import threading
import time
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from osm_roundtrip.plugin.core import oauth
from osm_roundtrip.plugin.core.errors import BadPayload, Cancelled


def test_challenge_matches_rfc7636_appendix_b():
    verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    assert oauth.code_challenge(verifier) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"


def test_verifier_is_43_unreserved_characters_and_random():
    first, second = oauth.make_verifier(), oauth.make_verifier()
    assert len(first) == 43
    assert set(first) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert first != second


def test_authorize_url_carries_every_parameter():
    url = oauth.authorize_url(
        "https://www.openstreetmap.org/oauth2/", "CID", "http://127.0.0.1:5000/callback", "S", "CH"
    )
    parts = urlsplit(url)
    assert parts.path == "/oauth2/authorize"
    query = parse_qs(parts.query)
    assert query == {
        "response_type": ["code"],
        "client_id": ["CID"],
        "redirect_uri": ["http://127.0.0.1:5000/callback"],
        "scope": ["read_prefs write_api"],
        "state": ["S"],
        "code_challenge": ["CH"],
        "code_challenge_method": ["S256"],
    }
    assert "scope=read_prefs%20write_api" in parts.query


@pytest.mark.parametrize(
    ("pasted", "code"),
    [
        ("  abc123  ", "abc123"),
        ("https://www.openstreetmap.org/oauth2/authorize/native?code=XyZ-9", "XyZ-9"),
        ("http://127.0.0.1:1234/callback?code=k1&state=s", "k1"),
        ("", ""),
    ],
    ids=["bare-code", "oob-page-address", "loopback-address", "empty"],
)
def test_extract_code(pasted, code):
    assert oauth.extract_code(pasted) == code


def test_listener_captures_the_redirect_and_checks_state():
    with oauth.AuthorizationFlow("http://127.0.0.1:9/oauth2", "CID") as flow:
        assert not flow.out_of_band
        assert flow.redirect_uri.startswith("http://127.0.0.1:")
        assert flow.poll() is None
        reply = requests.get(flow.redirect_uri, params={"code": "C0DE", "state": flow.state})
        assert reply.status_code == 200
        assert "return to QGIS" in reply.text
        assert flow.wait_for_code(5) == "C0DE"
        assert flow.poll() == "C0DE"


def test_listener_ignores_other_paths_and_requests_without_code():
    with oauth.AuthorizationFlow("http://127.0.0.1:9/oauth2", "CID") as flow:
        base = flow.redirect_uri.rsplit("/", 1)[0]
        assert requests.get(base + "/favicon.ico").status_code == 404
        assert requests.get(flow.redirect_uri).status_code == 400
        assert flow.poll() is None


def answer_later(url: str, params: dict, delay: float = 0.3) -> threading.Thread:
    """The real redirect, sent by the "browser" while the flow is already waiting."""

    def send() -> None:
        time.sleep(delay)
        requests.get(url, params=params, timeout=5)

    thread = threading.Thread(target=send, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize(
    "forged",
    [
        {"code": "FORGED", "state": "forged"},
        {"code": "FORGED"},
        {"error": "access_denied", "state": "forged"},
        {"error": "access_denied"},
    ],
    ids=["code-wrong-state", "code-no-state", "error-wrong-state", "error-no-state"],
)
def test_forged_callbacks_are_ignored_and_the_real_one_is_awaited(forged):
    with oauth.AuthorizationFlow("http://127.0.0.1:9/oauth2", "CID") as flow:
        reply = requests.get(flow.redirect_uri, params=forged, timeout=5)
        assert reply.status_code == 400
        assert "does not belong to the login" in reply.text
        assert flow.poll() is None  # the GUI keeps polling
        sender = answer_later(flow.redirect_uri, {"code": "REAL", "state": flow.state})
        assert flow.wait_for_code(10) == "REAL"
        sender.join()
        assert flow.listener.ignored == 1


def test_forged_callback_does_not_end_the_wait():
    with oauth.AuthorizationFlow("http://127.0.0.1:9/oauth2", "CID") as flow:
        requests.get(flow.redirect_uri, params={"code": "C", "state": "forged"}, timeout=5)
        with pytest.raises(oauth.LoginTimeout):
            flow.wait_for_code(0.5)
        with pytest.raises(Cancelled):
            flow.wait_for_code(5, cancel=lambda: True)


def test_a_redirect_with_a_foreign_state_is_refused_by_the_check():
    with oauth.AuthorizationFlow("http://127.0.0.1:9/oauth2", "CID", loopback=False) as flow:
        for redirect in (
            oauth.Redirect(code="C", state="forged"),
            oauth.Redirect(error="access_denied", state=""),
        ):
            with pytest.raises(oauth.OAuthError, match="state mismatch"):
                flow.check(redirect)


def test_denial_is_reported_with_the_server_reason():
    with oauth.AuthorizationFlow("http://127.0.0.1:9/oauth2", "CID") as flow:
        requests.get(
            flow.redirect_uri,
            params={
                "error": "access_denied",
                "error_description": "The resource owner denied the request.",
                "state": flow.state,
            },
        )
        with pytest.raises(oauth.AuthorizationDenied, match="owner denied"):
            flow.wait_for_code(5)


def test_waiting_times_out_and_can_be_cancelled():
    with oauth.AuthorizationFlow("http://127.0.0.1:9/oauth2", "CID") as flow:
        with pytest.raises(oauth.LoginTimeout):
            flow.wait_for_code(0.2)
        with pytest.raises(Cancelled):
            flow.wait_for_code(5, cancel=lambda: True)


def test_busy_port_falls_back_to_out_of_band():
    with oauth.AuthorizationFlow("http://127.0.0.1:9/oauth2", "CID") as first:
        port = first.listener.port
        with oauth.AuthorizationFlow("http://127.0.0.1:9/oauth2", "CID", port=port) as second:
            assert second.out_of_band
            assert second.redirect_uri == oauth.OOB_REDIRECT_URI
            assert "redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob" in second.authorize_url


def test_login_without_a_way_to_ask_for_the_code_refuses_oob():
    with pytest.raises(oauth.OAuthError, match="no way to ask"):
        oauth.login(
            "http://127.0.0.1:9/oauth2", "CID", open_browser=lambda url: None, loopback=False
        )


@pytest.mark.parametrize(
    "payload",
    [{}, {"access_token": ""}, [], {"token_type": "Bearer"}],
    ids=["empty", "blank-token", "not-an-object", "no-token"],
)
def test_parse_token_refuses_answers_without_token(payload):
    with pytest.raises(BadPayload):
        oauth.parse_token(payload, "http://x/token")


def test_token_repr_hides_the_secret():
    token = oauth.parse_token(
        {
            "access_token": "s3cr3t",
            "token_type": "Bearer",
            "scope": "read_prefs write_api",
            "created_at": 1700000000,
        }
    )
    assert token.scopes == {"read_prefs", "write_api"}
    assert "s3cr3t" not in repr(token)
