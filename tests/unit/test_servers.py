"""Server identity: origins, API addresses, where an upload goes and where a token may go."""

from __future__ import annotations

import pytest

from osm_roundtrip.plugin.core import servers
from osm_roundtrip.plugin.core.servers import OtherServer

SANDBOX = "http://127.0.0.1:8111/api/0.6"
PRODUCTION = "https://api.openstreetmap.org/api/0.6"


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://api.openstreetmap.org/api/0.6", "https://api.openstreetmap.org"),
        ("https://www.openstreetmap.org/api/0.6/", "https://api.openstreetmap.org"),
        ("HTTPS://OpenStreetMap.org:443", "https://api.openstreetmap.org"),
        ("http://api.openstreetmap.org/api/0.6", "http://api.openstreetmap.org"),
        ("https://master.apis.dev.osm.org/api/0.6", "https://master.apis.dev.openstreetmap.org"),
        ("http://127.0.0.1:8111/api/0.6", "http://127.0.0.1:8111"),
        ("http://127.0.0.1:80/api/0.6", "http://127.0.0.1"),
        ("http://[::1]:8111/api/0.6", "http://[::1]:8111"),
        ("ftp://example.org/api/0.6", ""),
        ("127.0.0.1:8111/api/0.6", ""),
        ("http://127.0.0.1:99999/", ""),
        ("", ""),
    ],
    ids=[
        "production",
        "www-alias",
        "bare-alias-case-port",
        "plain-http-is-another-origin",
        "dev-alias",
        "sandbox",
        "default-port",
        "ipv6",
        "not-http",
        "no-scheme",
        "bad-port",
        "empty",
    ],
)
def test_origin(url, origin):
    assert servers.origin(url) == origin


def test_same_api_folds_spellings_but_not_servers():
    assert servers.same_api(SANDBOX, "http://127.0.0.1:8111")
    assert servers.same_api(SANDBOX, "http://127.0.0.1:8111/api/0.6/")
    assert servers.same_api(PRODUCTION, "https://www.openstreetmap.org/api")
    assert not servers.same_api(SANDBOX, "http://127.0.0.1:8112/api/0.6")
    assert not servers.same_api(SANDBOX, PRODUCTION)
    assert not servers.same_api("", "")


def test_an_upload_goes_where_the_download_came_from():
    assert servers.upload_server(SANDBOX) == SANDBOX
    assert servers.upload_server(SANDBOX, "http://127.0.0.1:8111/") == SANDBOX
    with pytest.raises(OtherServer, match="uploaded only there, not to https://api"):
        servers.upload_server(SANDBOX, PRODUCTION)
    assert servers.upload_server("", PRODUCTION) == PRODUCTION  # the file records no server
    with pytest.raises(OtherServer, match="no API address was given"):
        servers.upload_server("", "")


def test_a_token_goes_only_to_its_own_origin():
    servers.check_token_server(SANDBOX, "http://127.0.0.1:8111/api/0.6/changeset/create")
    servers.check_token_server("https://www.openstreetmap.org/oauth2", PRODUCTION)
    for issuer, other in (
        (SANDBOX, "http://127.0.0.1:8112/api/0.6"),
        (SANDBOX, PRODUCTION),
        (PRODUCTION, "http://api.openstreetmap.org/api/0.6"),  # never over plain http
        (PRODUCTION, "https://api.openstreetmap.org.example.com/api/0.6"),
    ):
        with pytest.raises(OtherServer, match="never sent to"):
            servers.check_token_server(issuer, other)
    with pytest.raises(OtherServer, match="does not say which server"):
        servers.check_token_server("", SANDBOX)


def test_an_interrupted_upload_continues_only_on_its_server():
    servers.check_resume_server(SANDBOX, "http://127.0.0.1:8111")
    servers.check_resume_server("", PRODUCTION)  # nothing started
    with pytest.raises(OtherServer, match="continues only there"):
        servers.check_resume_server(SANDBOX, PRODUCTION)


def test_a_changeset_links_to_the_website_of_its_server():
    from osm_roundtrip.plugin.core.servers import changeset_url

    assert (
        changeset_url("https://api.openstreetmap.org/api/0.6", 12345)
        == "https://www.openstreetmap.org/changeset/12345"
    )
    assert (
        changeset_url("https://www.openstreetmap.org/api/0.6/", 7)
        == "https://www.openstreetmap.org/changeset/7"
    )
    assert (
        changeset_url("https://master.apis.dev.openstreetmap.org/api/0.6", 9)
        == "https://master.apis.dev.openstreetmap.org/changeset/9"
    )
    assert (
        changeset_url("http://127.0.0.1:8111/osm/api/0.6", 3)
        == "http://127.0.0.1:8111/osm/changeset/3"
    )
