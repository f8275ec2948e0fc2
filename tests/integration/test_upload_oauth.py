"""The OAuth 2.0 login end to end against the sandbox's authorize and token endpoints."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from osm_roundtrip.plugin.core import oauth
from osm_roundtrip.plugin.core.errors import HttpError
from osm_roundtrip.plugin.core.osm.api import OsmApi

DEFAULT_SEED = "tests/data/liechtenstein.osm.pbf"


@pytest.fixture(scope="module")
def interactive(osm_sandbox_factory):
    """A sandbox whose authorize page asks (like production) instead of approving by itself."""
    return osm_sandbox_factory(DEFAULT_SEED)


@pytest.fixture(scope="module")
def auto(osm_sandbox_factory):
    return osm_sandbox_factory(DEFAULT_SEED, "--auto-approve", "bob")


def browser(decision: str = "approve", user: str = "carol", final: list | None = None):
    """What a user does in the browser: open the page, press a button (redirects followed)."""

    def open_browser(url: str) -> None:
        page = requests.get(url, timeout=20)
        fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', page.text))
        fields = {k: unescape(v) for k, v in fields.items() if k != "decision"}
        action = url.split("/oauth2/")[0] + "/oauth2/authorize"
        reply = requests.post(
            action, data={**fields, "user": user, "decision": decision}, timeout=20
        )
        if final is not None:
            final.append(reply)

    return open_browser


def test_loopback_login_gives_a_token_that_may_write(interactive):
    token = oauth.login(
        interactive.url + "/oauth2", "osm-sandbox", open_browser=browser(), timeout=20
    )
    assert token.scopes == {"read_prefs", "write_api"}
    api = OsmApi(interactive.api, token.access_token)
    assert "allow_write_api" in api.permissions()
    api.check_write_permission()


def test_auto_approving_server_needs_only_a_get(auto):
    token = oauth.login(
        auto.url + "/oauth2",
        "osm-sandbox",
        open_browser=lambda url: requests.get(url, timeout=20),
        timeout=20,
    )
    assert OsmApi(auto.api, token.access_token).permissions() >= {"allow_write_api"}


def test_out_of_band_code_pasted_by_the_user(interactive):
    pages: list = []
    token = oauth.login(
        interactive.url + "/oauth2",
        "osm-sandbox",
        open_browser=browser(final=pages),
        ask_code=lambda url: re.search(
            r'<code id="authorization_code">([^<]+)</code>', pages[-1].text
        ).group(1),
        loopback=False,
    )
    assert "/oauth2/authorize/native" in pages[-1].url
    assert "allow_write_api" in OsmApi(interactive.api, token.access_token).permissions()


def test_denial_is_reported(interactive):
    with pytest.raises(oauth.AuthorizationDenied, match="denied"):
        oauth.login(
            interactive.url + "/oauth2",
            "osm-sandbox",
            open_browser=browser("deny"),
            timeout=20,
        )


def test_code_without_the_right_verifier_is_refused(interactive):
    with oauth.AuthorizationFlow(interactive.url + "/oauth2", "osm-sandbox") as flow:
        browser()(flow.authorize_url)
        code = flow.wait_for_code(20)
        flow.verifier = oauth.make_verifier()  # not the one the challenge was made from
        with pytest.raises(HttpError, match="refused to issue a token"):
            flow.exchange(code)


def test_a_forged_callback_before_the_real_one_does_not_spoil_the_login(auto):
    forged: list = []

    def open_browser(url: str) -> None:
        redirect_uri = parse_qs(urlsplit(url).query)["redirect_uri"][0]
        # another program on this machine guesses the listener and answers first
        forged.append(requests.get(redirect_uri, params={"code": "evil", "state": "x"}, timeout=5))
        forged.append(requests.get(redirect_uri, params={"error": "access_denied"}, timeout=5))
        requests.get(url, timeout=20)  # then the real redirect from the server

    token = oauth.login(auto.url + "/oauth2", "osm-sandbox", open_browser=open_browser, timeout=20)
    assert [reply.status_code for reply in forged] == [400, 400]
    assert "allow_write_api" in OsmApi(auto.api, token.access_token).permissions()
