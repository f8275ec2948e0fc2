"""``GET /api/0.6/user/details`` of the sandbox, shaped like the Rails port's answer."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests
from lxml import etree

TINY = Path(__file__).parent / "data" / "tiny.osm"


@pytest.fixture(scope="module")
def tiny(osm_sandbox_factory):
    return osm_sandbox_factory(TINY)


@pytest.fixture(scope="module")
def cgimap_alone(osm_sandbox_factory):
    return osm_sandbox_factory(TINY, "--no-discovery")


def details(sandbox, token=None, suffix="", **headers):
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return requests.get(sandbox.api + "/user/details" + suffix, headers=headers, timeout=10)


def test_details_xml_name_the_tokens_user(tiny):
    r = details(tiny, tiny.token("bob"))
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "application/xml; charset=utf-8"
    root = etree.fromstring(r.content)
    assert root.tag == "osm"
    assert root.get("version") == "0.6"
    assert root.get("generator") == "OpenStreetMap server"
    (user,) = root.findall("user")
    assert user.get("id") == "2"
    assert user.get("display_name") == "bob"
    assert user.get("account_created").endswith("Z")
    assert [child.tag for child in user] == [
        "description",
        "contributor-terms",
        "roles",
        "changesets",
        "traces",
        "blocks",
        "languages",
        "messages",
    ]
    assert user.find("contributor-terms").get("agreed") == "true"
    assert user.find("changesets").get("count") == "0"
    assert user.find("traces").get("count") == "0"
    assert user.find("blocks/received").get("active") == "0"
    assert user.find("messages/received").get("unread") == "0"


def test_details_json_and_the_changeset_count(tiny):
    token = tiny.token("carol")
    created = requests.put(
        tiny.api + "/changeset/create",
        data=b'<osm><changeset><tag k="comment" v="x"/></changeset></osm>',
        headers={"Authorization": f"Bearer {token}", "Content-Type": "text/xml"},
        timeout=10,
    )
    assert created.status_code == 200
    for kwargs in ({"suffix": ".json"}, {"Accept": "application/json"}):
        r = details(tiny, token, **kwargs)
        assert r.status_code == 200
        assert r.headers["Content-Type"] == "application/json; charset=utf-8"
        doc = r.json()
        assert doc["version"] == "0.6"
        user = doc["user"]
        assert (user["id"], user["display_name"]) == (3, "carol")
        assert user["contributor_terms"]["agreed"] is True
        assert user["roles"] == []
        assert user["changesets"] == {"count": 1}
        assert user["messages"]["sent"] == {"count": 0}


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer unknown-token", "Basic YWxpY2U6c2VjcmV0"],
    ids=["none", "unknown", "basic"],
)
def test_details_without_a_valid_token_is_401_as_rails(tiny, authorization):
    headers = {"Authorization": authorization} if authorization else {}
    r = requests.get(tiny.api + "/user/details", headers=headers, timeout=10)
    assert r.status_code == 401
    assert r.text == "Couldn't authenticate you"
    assert r.headers["Error"] == "Couldn't authenticate you"


def test_details_of_a_revoked_token_is_401(tiny):
    token = tiny.token("alice")
    revoked = requests.post(
        tiny.url + "/oauth2/revoke", data={"token": token, "client_id": "osm-sandbox"}, timeout=10
    )
    assert revoked.status_code == 200
    assert details(tiny, token).status_code == 401


def test_details_need_read_prefs(tiny):
    r = details(tiny, tiny.token("alice", scopes="write_api"))
    assert r.status_code == 403
    assert r.text == "You have not permitted the application access to this facility"


def test_cgimap_alone_does_not_answer_details(cgimap_alone):
    r = details(cgimap_alone, cgimap_alone.token("alice"))
    assert r.status_code == 404
    assert r.content == b""
