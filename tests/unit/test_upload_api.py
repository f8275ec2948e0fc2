"""The changeset/upload client: production error texts → typed errors, builders and parsers."""

from __future__ import annotations

import pytest
from lxml import etree

from osm_roundtrip.plugin.core.errors import HttpError, RateLimited
from osm_roundtrip.plugin.core.http import Response, raise_for_status
from osm_roundtrip.plugin.core.osm import api


def mapped(status: int, body: str, headers=None):
    response = Response(
        status,
        {"Content-Type": "text/plain", **(headers or {})},
        body.encode(),
        "http://x/api/0.6/changeset/1/upload",
    )
    try:
        raise_for_status(response)
    except HttpError as exc:
        return api.map_error(exc)
    raise AssertionError("no error raised")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Version mismatch: Provided 666, server had: 2 of Node 1", ("node", 1, 666, 2)),
        ("Version mismatch: Provided 3, server had: 5 of Way 123456789", ("way", 123456789, 3, 5)),
        ("Version mismatch: Provided 1, server had: 2 of Relation 7", ("relation", 7, 1, 2)),
    ],
    ids=["node", "way", "relation"],
)
def test_version_mismatch(body, expected):
    error = mapped(409, body)
    assert isinstance(error, api.VersionConflict)
    assert (error.element_type, error.element_id, error.provided, error.server) == expected
    assert str(expected[1]) in error.message


@pytest.mark.parametrize(
    "body",
    [
        "The changeset 42 was closed at 2025-01-01 10:05:00 UTC",
        "The changeset 42 was closed at 2025-01-01 10:05:00 UTC.",
    ],
    ids=["cgimap", "with-period"],
)
def test_changeset_closed(body):
    error = mapped(409, body)
    assert isinstance(error, api.ChangesetClosed)
    assert error.changeset == 42
    assert error.closed_at == "2025-01-01 10:05:00 UTC"


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Changeset 42 is currently locked by another process.", api.ChangesetLocked),
        ("The user doesn't own that changeset", api.ChangesetRefused),
        ("Changeset mismatch: Provided 2 but only 1 is allowed", api.ChangesetRefused),
    ],
    ids=["locked", "not-owner", "mismatch"],
)
def test_other_409(body, kind):
    error = mapped(409, body)
    assert type(error) is kind
    assert body in error.message


@pytest.mark.parametrize(
    ("body", "element", "used_by", "missing"),
    [
        (
            "Precondition failed: Node 5 is still used by ways 1,2.",
            ("node", 5),
            {"way": [1, 2]},
            [],
        ),
        (
            "Precondition failed: Node 5 is still used by relations 7.",
            ("node", 5),
            {"relation": [7]},
            [],
        ),
        (
            "Precondition failed: Way 3 is still used by relations 1,9.",
            ("way", 3),
            {"relation": [1, 9]},
            [],
        ),
        (
            "Precondition failed: The relation 3 is used in relations 4.",
            ("relation", 3),
            {"relation": [4]},
            [],
        ),
        (
            "Precondition failed: The relation 3 is used in relation 4.",
            ("relation", 3),
            {"relation": [4]},
            [],
        ),
        (
            "Precondition failed: Way 1 requires the nodes with id in 9574853485634, which either "
            "do not exist, or are not visible.",
            ("way", 1),
            {},
            [9574853485634],
        ),
        (
            "Precondition failed: Way 1 requires the nodes with id in (12,13), which either do not "
            "exist, or are not visible.",
            ("way", 1),
            {},
            [12, 13],
        ),
        (
            "Precondition failed: Relation 1 requires the nodes/ways/relations with id in 123, "
            "which either do not exist, or are not visible.",
            ("relation", 1),
            {},
            [123],
        ),
        (
            "Precondition failed: Relation with id 1 cannot be saved due to Node with id 123",
            ("relation", 1),
            {},
            [123],
        ),
    ],
    ids=[
        "node-in-ways",
        "node-in-relation",
        "way-in-relations",
        "relation-in-relations",
        "relation-rails",
        "way-missing-node",
        "way-missing-rails",
        "relation-missing",
        "relation-missing-rails",
    ],
)
def test_precondition_failed(body, element, used_by, missing):
    error = mapped(412, body)
    assert isinstance(error, api.PreconditionFailed)
    assert error.key == element
    assert error.used_by == used_by
    assert error.missing == missing
    for ids in used_by.values():
        for i in ids:
            assert str(i) in error.message


def test_precondition_message_names_users():
    error = mapped(412, "Precondition failed: Node 5 is still used by ways 10,11.")
    assert error.message == "node 5 cannot be deleted: it is still used by way 10, 11."


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("The node with the id 5 has already been deleted", ("node", 5)),
        ("The way with the id 77 has already been deleted", ("way", 77)),
        ("", None),
    ],
    ids=["node", "way", "empty-body"],
)
def test_gone(body, key):
    error = mapped(410, body)
    assert isinstance(error, api.Gone)
    assert error.key == key


@pytest.mark.parametrize(
    ("status", "body", "headers", "retry"),
    [
        (429, "Upload has been blocked due to rate limiting. Please try again later.", {}, None),
        (
            509,
            "You have downloaded too much data. Please try again in 17 seconds.",
            {"Retry-After": "17"},
            17.0,
        ),
    ],
    ids=["429-hourly-edits", "509-bandwidth"],
)
def test_rate_limits_keep_reason_and_retry_after(status, body, headers, retry):
    error = mapped(status, body, headers)
    assert isinstance(error, RateLimited)
    assert error.retry_after == retry
    assert body in error.message


@pytest.mark.parametrize(
    ("status", "body", "kind"),
    [
        (413, "Changeset bounding box size limit exceeded.", api.TooLarge),
        (401, "User is not authorized", api.NotAuthorized),
        (401, "You have not granted the modify map permission", api.NotAuthorized),
        (403, "Your access to the API has been blocked.", api.NotAuthorized),
        (404, "", api.NotFound),
        (400, "Placeholder IDs must be unique for created elements.", api.BadRequest),
    ],
    ids=["413-bbox", "401-no-auth", "401-scope", "403-blocked", "404", "400"],
)
def test_other_statuses(status, body, kind):
    assert type(mapped(status, body)) is kind


def test_changeset_xml_is_escaped_and_skips_empty_values():
    xml = api.changeset_xml({"comment": 'Fix "A" & <B>\tend', "source": "", "created_by": "X 1"})
    root = etree.fromstring(xml)
    tags = {t.get("k"): t.get("v") for t in root.find("changeset")}
    assert tags == {"comment": 'Fix "A" & <B>\tend', "created_by": "X 1"}


def test_parse_capabilities_and_permissions():
    caps = api.parse_capabilities(
        b'<osm version="0.6"><api><area maximum="0.25"/><waynodes maximum="2000"/>'
        b'<relationmembers maximum="32000"/><changesets maximum_elements="10000"/>'
        b'<status database="online" api="readonly" gpx="online"/></api></osm>'
    )
    assert (caps.max_elements, caps.waynodes, caps.area, caps.api_status) == (
        10000,
        2000,
        0.25,
        "readonly",
    )
    perms = api.parse_permissions(
        b'<osm><permissions><permission name="allow_read_prefs"/>'
        b'<permission name="allow_write_api"/></permissions></osm>'
    )
    assert perms == {"allow_read_prefs", "allow_write_api"}


def test_parse_changeset_download():
    doc = b"""<osmChange version="0.6">
      <create><node id="10" version="1" changeset="5" lat="47.1" lon="9.5" visible="true">
        <tag k="amenity" v="bench"/></node></create>
      <modify><way id="20" version="3" changeset="5" visible="true"><nd ref="10"/><nd ref="11"/>
        </way></modify>
      <delete><node id="30" version="2" changeset="5" visible="false"/></delete>
    </osmChange>"""
    items = api.parse_changeset_download(doc)
    assert [(i.action, i.type, i.id, i.version, i.visible) for i in items] == [
        ("create", "node", 10, 1, True),
        ("modify", "way", 20, 3, True),
        ("delete", "node", 30, 2, False),
    ]
    assert items[0].tags == {"amenity": "bench"} and items[0].lat == 47.1
    assert items[1].nodes == [10, 11]


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (401, "You have not granted the modify map permission"),
        (403, "You have not permitted the application access to this facility"),
    ],
    ids=["cgimap-401", "rails-403"],
)
def test_a_missing_write_permission_is_named(status, body):
    error = mapped(status, body)
    assert "permission write_api is missing" in error.message
    assert error.status == status and error.body == body
