"""Changeset create/show/update/close, auto-close and the 10,000-change cap (§5) of the sandbox."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import requests
from lxml import etree

TINY = Path(__file__).parent / "data" / "tiny.osm"
CS_XML = '<osm><changeset><tag k="created_by" v="test"/><tag k="comment" v="Hi"/></changeset></osm>'
CLOSED_AT = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC"


@pytest.fixture(scope="module")
def sandbox(osm_sandbox_factory):
    return osm_sandbox_factory(TINY)


@pytest.fixture(scope="module")
def auth(sandbox):
    return {
        "alice": {"Authorization": f"Bearer {sandbox.token('alice')}"},
        "bob": {"Authorization": f"Bearer {sandbox.token('bob')}"},
        "reader": {"Authorization": f"Bearer {sandbox.token('alice', 'read_prefs')}"},
    }


@pytest.fixture
def clean(sandbox):
    sandbox.reset()
    return sandbox


def create(sandbox, headers, body=CS_XML) -> int:
    r = requests.post(sandbox.api + "/changesets", data=body, headers=headers, timeout=10)
    assert r.status_code == 200, r.text
    return int(r.text)


def show(sandbox, cs: int) -> etree._Element:
    r = requests.get(f"{sandbox.api}/changeset/{cs}", timeout=10)
    assert r.status_code == 200
    return etree.fromstring(r.content).find("changeset")


@pytest.mark.parametrize(
    ("method", "path"),
    [("POST", "/changesets"), ("PUT", "/changeset/create")],
    ids=["new-path", "legacy-path"],
)
def test_create(clean, auth, method, path):
    r = requests.request(method, clean.api + path, data=CS_XML, headers=auth["alice"], timeout=10)
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert re.fullmatch(r"[0-9]+", r.text)
    cs = clean.set_changeset(int(r.text))
    assert cs["closed_at"] - cs["created_at"] == 3600
    doc = show(clean, int(r.text))
    assert doc.get("open") == "true" and doc.get("closed_at") is None
    assert doc.get("min_lat") is None
    assert (doc.get("user"), doc.get("uid"), doc.get("changes_count")) == ("alice", "1", "0")
    assert {t.get("k"): t.get("v") for t in doc.findall("tag")} == {
        "created_by": "test",
        "comment": "Hi",
    }


@pytest.mark.parametrize(
    ("headers", "body", "status", "message"),
    [
        (None, CS_XML, 401, "Couldn't authenticate you"),
        ("reader", CS_XML, 403, "You have not permitted the application access to this facility"),
        ("alice", "", 400, "Cannot parse valid changeset from xml string . XML doesn't contain "
                           "an osm/changeset element."),
        ("alice", "<osm><changeset></osm>", 400, "Cannot parse valid changeset from xml string "
                                                 "<osm><changeset></osm>. "),
        ("alice", '<osm><changeset><tag k="a" v="1"/><tag k="a" v="2"/></changeset></osm>', 400,
         "Element changeset/ has duplicate tags with key a"),
    ],
    ids=["no-auth", "no-scope", "empty", "malformed", "duplicate-key"],
)  # fmt: skip
def test_create_errors(clean, auth, headers, body, status, message):
    r = requests.post(
        clean.api + "/changesets", data=body, headers=auth.get(headers, {}), timeout=10
    )
    assert r.status_code == status
    assert r.text.startswith(message)
    assert r.headers["Error"].startswith(message[:50])


def test_create_wrong_method(clean, auth):
    r = requests.put(clean.api + "/changesets", data=CS_XML, headers=auth["alice"], timeout=10)
    assert r.status_code == 404
    assert r.text == ""


@pytest.mark.parametrize("ident", ["0", "233455644", "afg"], ids=["zero", "unknown", "word"])
def test_show_not_found(clean, ident):
    r = requests.get(f"{clean.api}/changeset/{ident}", timeout=10)
    assert r.status_code == 404
    assert r.text == ""


def test_show_json(clean, auth):
    cs = create(clean, auth["alice"])
    r = requests.get(f"{clean.api}/changeset/{cs}.json", timeout=10)
    assert r.status_code == 200
    doc = r.json()["changeset"]
    assert doc["open"] is True and "closed_at" not in doc
    assert doc["tags"] == {"comment": "Hi", "created_by": "test"}
    assert doc["changes_count"] == 0


def test_update_tags(clean, auth):
    cs = create(clean, auth["alice"])
    body = '<osm><changeset><tag k="comment" v="New"/></changeset></osm>'
    r = requests.put(f"{clean.api}/changeset/{cs}", data=body, timeout=10)
    assert r.status_code == 401
    assert r.text == "Couldn't authenticate you"
    r = requests.put(f"{clean.api}/changeset/{cs}", data=body, headers=auth["bob"], timeout=10)
    assert r.status_code == 409
    assert r.text == "The user doesn't own that changeset"
    r = requests.put(f"{clean.api}/changeset/{cs}", data=body, headers=auth["alice"], timeout=10)
    assert r.status_code == 200
    tags = etree.fromstring(r.content).findall("changeset/tag")
    assert [(t.get("k"), t.get("v")) for t in tags] == [("comment", "New")]


def test_close_twice(clean, auth):
    cs = create(clean, auth["alice"])
    url = f"{clean.api}/changeset/{cs}/close"
    r = requests.put(url, headers=auth["bob"], timeout=10)
    assert r.status_code == 409
    assert r.text == "The user doesn't own that changeset"
    r = requests.put(url, headers=auth["alice"], timeout=10)
    assert r.status_code == 200
    assert r.text == ""
    closed_at = show(clean, cs).get("closed_at")
    r = requests.put(url, headers=auth["alice"], timeout=10)
    assert r.status_code == 409
    assert re.fullmatch(rf"The changeset {cs} was closed at {CLOSED_AT}", r.text)
    assert show(clean, cs).get("closed_at") == closed_at


@pytest.mark.parametrize(
    ("method", "cs", "who", "status", "body"),
    [
        ("GET", None, "alice", 404, ""),
        ("POST", None, "alice", 404, ""),
        ("PUT", 4242, "alice", 404, ""),
        ("PUT", 4242, None, 401, "Couldn't authenticate you"),
        ("PUT", None, "reader", 403, "You have not permitted the application access to this "
                                     "facility"),
    ],
    ids=["get", "post", "missing", "missing-unauthenticated", "no-scope"],
)  # fmt: skip
def test_close_errors(clean, auth, method, cs, who, status, body):
    cs = cs or create(clean, auth["alice"])
    r = requests.request(
        method, f"{clean.api}/changeset/{cs}/close", headers=auth.get(who, {}), timeout=10
    )
    assert r.status_code == status
    assert r.text == body


def test_auto_close_after_an_idle_hour(clean, auth):
    cs = create(clean, auth["alice"])
    clean.advance_clock(3601)
    assert show(clean, cs).get("open") == "false"
    r = requests.post(
        f"{clean.api}/changeset/{cs}/upload", data="<osmChange/>", headers=auth["alice"], timeout=10
    )
    assert r.status_code == 409
    assert re.fullmatch(rf"The changeset {cs} was closed at {CLOSED_AT}", r.text)


def test_activity_extends_but_never_past_a_day(clean, auth):
    now = clean.freeze_clock()
    cs = create(clean, auth["alice"])
    clean.set_changeset(cs, created_at=now - 23 * 3600 - 1800, closed_at=now + 1800)
    r = requests.post(
        f"{clean.api}/changeset/{cs}/upload", data="<osmChange/>", headers=auth["alice"], timeout=10
    )
    assert r.status_code == 200
    state = clean.set_changeset(cs)
    assert state["closed_at"] == state["created_at"] + 24 * 3600
    fresh = create(clean, auth["alice"])
    clean.advance_clock(1800)
    r = requests.post(
        f"{clean.api}/changeset/{fresh}/upload",
        data="<osmChange/>",
        headers=auth["alice"],
        timeout=10,
    )
    assert r.status_code == 200
    state = clean.set_changeset(fresh)
    assert state["closed_at"] - state["created_at"] == 1800 + 3600


def test_changeset_query(clean, auth):
    first = create(clean, auth["alice"])
    second = create(clean, auth["bob"])
    r = requests.get(f"{clean.api}/changesets?user=1&open=true", timeout=10)
    assert r.status_code == 200
    assert [int(c.get("id")) for c in etree.fromstring(r.content)] == [first]
    r = requests.get(f"{clean.api}/changesets.json?display_name=bob", timeout=10)
    assert r.status_code == 200
    assert [c["id"] for c in r.json()["changesets"]] == [second]


def test_ten_thousand_changes_in_one_upload(osm_sandbox):
    """Production's cap: exactly 10,000 changes fit into one changeset; one more is refused."""
    osm_sandbox.reset()
    headers = {"Authorization": f"Bearer {osm_sandbox.token('alice')}"}
    cs = create(osm_sandbox, headers)
    nodes = "".join(
        f'<node id="-{i}" changeset="{cs}" lat="47.1{i % 1000:03d}" lon="9.5{i // 1000:03d}">'
        f'<tag k="ref" v="{i}"/></node>'
        for i in range(1, 10_001)
    )
    start = time.monotonic()
    r = requests.post(
        f"{osm_sandbox.api}/changeset/{cs}/upload",
        data=f"<osmChange><create>{nodes}</create></osmChange>",
        headers=headers,
        timeout=120,
    )
    elapsed = time.monotonic() - start
    assert r.status_code == 200, r.text[:200]
    assert len(etree.fromstring(r.content)) == 10_000
    assert elapsed < 10
    r = requests.post(
        f"{osm_sandbox.api}/changeset/{cs}/upload",
        data=f'<osmChange><create><node id="-1" changeset="{cs}" lat="47.1" lon="9.5"/>'
        "</create></osmChange>",
        headers=headers,
        timeout=30,
    )
    assert r.status_code == 409
    assert re.fullmatch(rf"The changeset {cs} was closed at {CLOSED_AT}", r.text)
    assert show(osm_sandbox, cs).get("changes_count") == "10000"
