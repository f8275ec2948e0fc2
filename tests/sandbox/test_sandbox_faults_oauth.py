"""Bad input, fault injection and the OAuth 2.0 (PKCE) flow of the sandbox."""

from __future__ import annotations

import base64
import gzip
import hashlib
import re
import secrets
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from lxml import etree

TINY = Path(__file__).parent / "data" / "tiny.osm"
AT = r" at line \d+, column \d+"


@pytest.fixture(scope="module")
def sandbox(osm_sandbox_factory):
    return osm_sandbox_factory(TINY, "--auto-approve", "alice", "--oauth-client-id", "qgis-test")


@pytest.fixture(scope="module")
def headers(sandbox):
    return {"Authorization": f"Bearer {sandbox.token('alice')}"}


@pytest.fixture
def cs(sandbox, headers):
    sandbox.reset()
    r = requests.put(
        sandbox.api + "/changeset/create",
        data="<osm><changeset/></osm>",
        headers=headers,
        timeout=10,
    )
    assert r.status_code == 200
    return int(r.text)


def upload(sandbox, headers, cs, body, extra=None, timeout=30):
    data = body.replace("CS", str(cs)).encode() if isinstance(body, str) else body
    return requests.post(
        f"{sandbox.api}/changeset/{cs}/upload",
        data=data,
        headers={**headers, **(extra or {})},
        timeout=timeout,
    )


def unchanged(sandbox, cs) -> bool:
    doc = requests.get(f"{sandbox.api}/changeset/{cs}", timeout=10)
    node = requests.get(f"{sandbox.api}/node/12", timeout=10)  # the id a first create would get
    return b'changes_count="0"' in doc.content and node.status_code == 404


# -- bad input ------------------------------------------------------------------------------------

GOOD_THEN = '<osmChange><create><node id="-1" changeset="CS" lat="0" lon="0"/></create>{}'


@pytest.mark.parametrize(
    ("body", "pattern"),
    [
        (GOOD_THEN.format("<modify>"), r"Fatal error: .+"),
        ("not xml at all", r"Fatal error: Start tag expected, '<' not found"),
        ("", r"Fatal error: Document is empty"),
        ("<osm/>", "Unknown top-level element osm, expecting osmChange" + AT),
        (GOOD_THEN.format("<create><area id='-1' changeset='CS'/></create></osmChange>"),
         "Unknown element area, expecting node, way or relation" + AT),
        (GOOD_THEN.format("<modify><node id='-5' version='1' changeset='CS' lat='0' lon='0'/>"
                          "</modify></osmChange>"),
         "Placeholder id not found for node reference -5"),
        (GOOD_THEN.format("<modify><node id='abc' version='1' changeset='CS' lat='0' lon='0'/>"
                          "</modify></osmChange>"), "Id is not numeric" + AT),
        (GOOD_THEN.format("<delete><way id='99999999999999999999' version='1' changeset='CS'/>"
                          "</delete></osmChange>"), "Id number is too large" + AT),
        (GOOD_THEN.format("<create><node id='-2' changeset='CS' lat='91' lon='0'/></create>"
                          "</osmChange>"), "Latitude outside of valid range" + AT),
        (GOOD_THEN.format("<create><node id='-2' changeset='CS' lat='x' lon='0'/></create>"
                          "</osmChange>"), "Latitude is not numeric" + AT),
        (GOOD_THEN.format("<create><node id='-2' changeset='CS' lat='1'/></create></osmChange>"),
         "Node -2 does not include all mandatory fields" + AT),
        (GOOD_THEN.format("<create><node id='-2' changeset='CS' lat='1' lon='1'><tag k='a'/>"
                          "</node></create></osmChange>"),
         "Mandatory field v missing in tag element for Node -2" + AT),
        (GOOD_THEN.format("<create><relation id='-2' changeset='CS'><member type='area' ref='1'/>"
                          "</relation></create></osmChange>"),
         "Invalid type area in member relation" + AT),
        (GOOD_THEN.format("<create><way id='-2' changeset='CS'/></create></osmChange>"),
         "Precondition failed: Way -2 must have at least one node"),
        (GOOD_THEN.format("<create><way id='-2' changeset='CS'>" + "<nd ref='1'/>" * 2001
                          + "</way></create></osmChange>"),
         "You tried to add 2001 nodes to way -2, however only 2000 are allowed"),
        (GOOD_THEN.format("<create><node id='-2' changeset='CS' lat='1' lon='1'><tag k='a' v='b'>"
                          "<x/></tag></node></create></osmChange>"),
         "xml file nested too deep" + AT),
    ],
    ids=[
        "malformed", "not-xml", "empty-body", "wrong-root", "unknown-type", "negative-modify-id",
        "non-numeric-id", "huge-id", "latitude-range", "latitude-text", "no-lon", "tag-without-v",
        "member-type", "way-without-nodes", "way-too-long", "nested-too-deep",
    ],
)  # fmt: skip
def test_bad_payload_is_rejected_whole(sandbox, headers, cs, body, pattern):
    r = upload(sandbox, headers, cs, body)
    expected = 412 if pattern.startswith("Precondition") else 400
    assert r.status_code == expected
    assert re.fullmatch(pattern, r.text), r.text
    assert "Traceback" not in r.text
    assert unchanged(sandbox, cs)


def test_relation_with_too_many_members(sandbox, headers, cs):
    members = "<member type='node' ref='1' role=''/>" * 32001
    r = upload(
        sandbox,
        headers,
        cs,
        f"<osmChange><create><relation id='-1' changeset='CS'>{members}</relation></create>"
        "</osmChange>",
    )
    assert r.status_code == 400
    assert r.text == "You tried to add 32001 members to relation -1, however only 32000 are allowed"


def test_huge_body_is_refused(sandbox, headers, cs):
    body = b"<osmChange>" + b" " * 50_000_001 + b"</osmChange>"
    r = upload(sandbox, headers, cs, body, timeout=120)
    assert r.status_code == 413
    assert r.text == "CONTENT_LENGTH exceeds limit of 50000000 bytes"
    assert unchanged(sandbox, cs)


def test_gzip_upload(sandbox, headers, cs):
    body = gzip.compress(
        f'<osmChange><create><node id="-1" changeset="{cs}" lat="0" lon="0"/></create>'
        "</osmChange>".encode()
    )
    r = upload(sandbox, headers, cs, body, {"Content-Encoding": "gzip"})
    assert r.status_code == 200
    assert 'old_id="-1" new_id="12" new_version="1"' in r.text
    r = upload(sandbox, headers, cs, b"not gzip", {"Content-Encoding": "gzip"})
    assert r.status_code == 400
    assert r.text == "Payload cannot be decompressed according to Content-Encoding"


# -- faults ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "status", "body", "retry_after"),
    [
        ({"status": 429}, 429,
         "Upload has been blocked due to rate limiting. Please try again later.", None),
        ({"status": 509, "retry_after": 7}, 509,
         "You have downloaded too much data. Please try again in 7 seconds.", "7"),
        ({"status": 413}, 413, "Changeset bounding box size limit exceeded.", None),
        ({"status": 500, "body": "Internal trouble"}, 500, "Internal trouble", None),
        ({"status": 503, "retry_after": 2}, 503, "Service Unavailable", "2"),
    ],
    ids=["429", "509", "413", "500", "503"],
)  # fmt: skip
def test_status_fault_then_retry_succeeds(sandbox, headers, cs, options, status, body, retry_after):
    sandbox.fault("status", path=r"/upload$", method="POST", **options)
    osc = '<osmChange><create><node id="-1" changeset="CS" lat="0" lon="0"/></create></osmChange>'
    r = upload(sandbox, headers, cs, osc)
    assert r.status_code == status
    assert r.text == body
    assert r.headers.get("Retry-After") == retry_after
    assert unchanged(sandbox, cs)
    r = upload(sandbox, headers, cs, osc)
    assert r.status_code == 200
    assert 'new_id="12"' in r.text


def test_html_fault(sandbox):
    sandbox.reset()
    sandbox.fault("html", status=502, path="/map", times=2)
    for _ in range(2):
        r = requests.get(sandbox.api + "/map?bbox=0,0,0.01,0.01", timeout=10)
        assert r.status_code == 502
        assert r.headers["Content-Type"] == "text/html; charset=utf-8"
        assert "<title>502 Bad Gateway</title>" in r.text
    r = requests.get(sandbox.api + "/map?bbox=0,0,0.01,0.01", timeout=10)
    assert r.status_code == 200
    assert "<osm" in r.text


def test_drop_before_applies_nothing(sandbox, headers, cs):
    sandbox.fault("drop_before", path="/upload")
    osc = '<osmChange><create><node id="-1" changeset="CS" lat="0" lon="0"/></create></osmChange>'
    with pytest.raises(requests.ConnectionError):
        upload(sandbox, headers, cs, osc)
    assert unchanged(sandbox, cs)


def test_drop_after_commits(sandbox, headers, cs):
    sandbox.fault("drop_after", path="/upload")
    osc = '<osmChange><create><node id="-1" changeset="CS" lat="0" lon="0"/></create></osmChange>'
    with pytest.raises(requests.ConnectionError):
        upload(sandbox, headers, cs, osc)
    r = requests.get(f"{sandbox.api}/node/12", timeout=10)
    assert r.status_code == 200
    assert f'changeset="{cs}"' in r.text


def test_delay_and_clear(sandbox):
    sandbox.reset()
    sandbox.fault("delay", seconds=0.5, path="/capabilities")
    start = time.monotonic()
    r = requests.get(sandbox.api + "/capabilities", timeout=10)
    assert r.status_code == 200 and '<waynodes maximum="2000"/>' in r.text
    assert time.monotonic() - start >= 0.5
    sandbox.fault("status", status=500, times=-1)
    assert requests.get(sandbox.api + "/capabilities", timeout=10).status_code == 500
    assert requests.get(sandbox.api + "/capabilities", timeout=10).status_code == 500
    sandbox.clear_faults()
    assert sandbox.faults() == []
    r = requests.get(sandbox.api + "/capabilities", timeout=10)
    assert r.status_code == 200
    assert "<api>" in r.text


# -- OAuth 2.0 ------------------------------------------------------------------------------------


def pkce() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
    return verifier, challenge.rstrip(b"=").decode()


def authorize(sandbox, redirect_uri: str, challenge: str, **extra) -> requests.Response:
    params = {
        "response_type": "code",
        "client_id": "qgis-test",
        "redirect_uri": redirect_uri,
        "scope": "read_prefs write_api",
        "code_challenge": challenge,
        "code_challenge_method": "S256",
        "state": "xyz",
        **extra,
    }
    return requests.get(
        sandbox.url + "/oauth2/authorize", params=params, allow_redirects=False, timeout=10
    )


def token(sandbox, code: str, redirect_uri: str, verifier: str) -> requests.Response:
    return requests.post(
        sandbox.url + "/oauth2/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "client_id": "qgis-test",
            "code_verifier": verifier,
        },
        timeout=10,
    )


def test_oauth_loopback_flow_end_to_end(sandbox):
    verifier, challenge = pkce()
    redirect = "http://127.0.0.1:45678/callback"
    r = authorize(sandbox, redirect, challenge)
    assert r.status_code == 302
    location = urlsplit(r.headers["Location"])
    assert (location.netloc, location.path) == ("127.0.0.1:45678", "/callback")
    query = parse_qs(location.query)
    assert query["state"] == ["xyz"]
    r = token(sandbox, query["code"][0], redirect, verifier)
    assert r.status_code == 200
    doc = r.json()
    assert doc["token_type"] == "Bearer" and doc["scope"] == "read_prefs write_api"
    assert isinstance(doc["created_at"], int)
    auth = {"Authorization": f"Bearer {doc['access_token']}"}
    r = requests.get(sandbox.api + "/permissions.json", headers=auth, timeout=10)
    assert r.status_code == 200
    assert r.json()["permissions"] == ["allow_read_prefs", "allow_write_api"]
    r = token(sandbox, query["code"][0], redirect, verifier)  # codes are single-use
    assert r.status_code == 400
    assert r.json()["error"] == "invalid_grant"


def test_oauth_wrong_verifier(sandbox):
    verifier, challenge = pkce()
    redirect = "http://127.0.0.1:40000/cb"
    code = parse_qs(urlsplit(authorize(sandbox, redirect, challenge).headers["Location"]).query)
    r = token(sandbox, code["code"][0], redirect, verifier + "x")
    assert r.status_code == 400
    assert r.json() == {
        "error": "invalid_grant",
        "error_description": "The provided authorization grant is invalid, expired, revoked, "
        "does not match the redirection URI used in the authorization request, or was issued "
        "to another client.",
    }


def test_oauth_oob_shows_code(sandbox):
    verifier, challenge = pkce()
    r = authorize(sandbox, "urn:ietf:wg:oauth:2.0:oob", challenge)
    assert r.status_code == 302
    page = requests.get(sandbox.url + r.headers["Location"], timeout=10)
    assert page.status_code == 200
    code = etree.HTML(page.content).find(".//code[@id='authorization_code']").text
    r = token(sandbox, code, "urn:ietf:wg:oauth:2.0:oob", verifier)
    assert r.status_code == 200
    assert r.json()["access_token"]


@pytest.mark.parametrize(
    ("extra", "status", "text"),
    [
        ({"client_id": "other"}, 401, "Client authentication failed"),
        ({"redirect_uri": "http://example.org/cb"}, 400, "The requested redirect uri is malformed"),
        ({"redirect_uri": "http://localhost:1234/cb"}, 400, "The requested redirect uri"),
    ],
    ids=["unknown-client", "remote-redirect", "localhost-redirect"],
)
def test_oauth_authorize_errors_without_redirect(sandbox, extra, status, text):
    r = authorize(sandbox, extra.pop("redirect_uri", "http://127.0.0.1:1/cb"), "c", **extra)
    assert r.status_code == status
    assert text in r.text


def test_oauth_invalid_scope_redirects_with_error(sandbox):
    r = authorize(sandbox, "http://127.0.0.1:1/cb", "c", scope="read_prefs fly_to_moon")
    assert r.status_code == 302
    query = parse_qs(urlsplit(r.headers["Location"]).query)
    assert query["error"] == ["invalid_scope"] and query["state"] == ["xyz"]
    assert query["error_description"] == ["The requested scope is invalid, unknown, or malformed."]


def test_oauth_token_wrong_grant_type_and_content_type(sandbox):
    r = requests.post(sandbox.url + "/oauth2/token", data={"grant_type": "password"}, timeout=10)
    assert r.status_code == 400
    assert r.json()["error"] == "unsupported_grant_type"
    r = requests.post(sandbox.url + "/oauth2/token", json={"grant_type": "x"}, timeout=10)
    assert r.status_code == 400
    assert r.json()["error"] == "invalid_request"


def test_bearer_only(sandbox):
    tok = sandbox.token("alice")
    for kwargs in ({"params": {"access_token": tok}}, {"params": {"bearer_token": tok}}):
        r = requests.put(
            sandbox.api + "/changeset/create", data="<osm><changeset/></osm>", timeout=10, **kwargs
        )
        assert r.status_code == 401
        assert r.text == "Couldn't authenticate you"


def test_revoked_token(sandbox):
    tok = sandbox.token("bob")
    r = requests.post(
        sandbox.url + "/oauth2/revoke", data={"token": tok, "client_id": "qgis-test"}, timeout=10
    )
    assert r.status_code == 200
    r = requests.get(
        sandbox.api + "/map?bbox=0,0,0.01,0.01",
        headers={"Authorization": f"Bearer {tok}"},
        timeout=10,
    )
    assert r.status_code == 401
    assert r.text == "token_revoked"


@pytest.mark.parametrize("client", [None, "", "another-client"])
def test_revoke_needs_the_client(sandbox, client):
    """As Doorkeeper: a revocation that names no known client is 403 and revokes nothing."""
    tok = sandbox.token("bob")
    data = {"token": tok} if client is None else {"token": tok, "client_id": client}
    r = requests.post(sandbox.url + "/oauth2/revoke", data=data, timeout=10)
    assert r.status_code == 403
    assert r.json()["error"] == "unauthorized_client"
    r = requests.get(
        sandbox.api + "/user/details", headers={"Authorization": f"Bearer {tok}"}, timeout=10
    )
    assert r.status_code == 200


def test_revoking_an_unknown_token_is_200(sandbox):
    r = requests.post(
        sandbox.url + "/oauth2/revoke",
        data={"token": "no-such-token", "client_id": "qgis-test"},
        timeout=10,
    )
    assert r.status_code == 200
    assert r.json() == {}
