"""The §11 upload conformance checklist and the §6.5 error catalogue against the sandbox.

Every test starts from the pristine hand-made data of ``data/tiny.osm`` (node 1..11, node 9
deleted; way 1 = 1,2; way 2 = 2,3,4; way 3 = 5,6; way 4 = 8,10; relation 1 = way 1 + node 7;
relation 2 = relation 1; relation 3 = node 5; relation 4 = node 11).
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
import requests
from lxml import etree

TINY = Path(__file__).parent / "data" / "tiny.osm"
NEXT_NODE = 12  # first id the sandbox gives a new node of tiny.osm
AT = r" at line \d+, column \d+"


class Api:
    def __init__(self, sandbox, token: str):
        self.sb = sandbox
        self.api = sandbox.api
        self.auth = {"Authorization": f"Bearer {token}"}

    def changeset(self, **tags: str) -> int:
        body = "".join(f'<tag k="{k}" v="{v}"/>' for k, v in tags.items())
        r = requests.put(
            self.api + "/changeset/create",
            data=f"<osm><changeset>{body}</changeset></osm>",
            headers=self.auth,
            timeout=10,
        )
        assert r.status_code == 200, r.text
        return int(r.text)

    def upload(self, cs: int, osc: str, headers: dict | None = None) -> requests.Response:
        return requests.post(
            f"{self.api}/changeset/{cs}/upload",
            data=osc.replace("CS", str(cs)).encode(),
            headers={**self.auth, **(headers or {})},
            timeout=60,
        )

    def changeset_doc(self, cs: int) -> etree._Element:
        r = requests.get(f"{self.api}/changeset/{cs}", timeout=10)
        assert r.status_code == 200
        return etree.fromstring(r.content).find("changeset")

    def element(self, kind: str, ident: int) -> requests.Response:
        return requests.get(f"{self.api}/{kind}/{ident}", timeout=10)

    def version(self, kind: str, ident: int) -> int:
        r = self.element(kind, ident)
        assert r.status_code == 200, (kind, ident, r.status_code)
        return int(etree.fromstring(r.content).find(kind).get("version"))


@pytest.fixture(scope="module")
def sandbox(osm_sandbox_factory):
    return osm_sandbox_factory(TINY)


@pytest.fixture(scope="module")
def tokens(sandbox):
    return {
        "alice": sandbox.token("alice"),
        "bob": sandbox.token("bob"),
        "reader": sandbox.token("alice", "read_prefs"),
    }


@pytest.fixture
def alice(sandbox, tokens):
    sandbox.reset()
    return Api(sandbox, tokens["alice"])


def results(r: requests.Response) -> list[dict]:
    root = etree.fromstring(r.content)
    assert root.tag == "diffResult" and root.get("version") == "0.6"
    return [{"type": c.tag, **dict(c.attrib)} for c in root]


def assert_untouched(api: Api, cs: int) -> None:
    doc = api.changeset_doc(cs)
    assert doc.get("changes_count") == "0"
    assert api.element("node", NEXT_NODE).status_code == 404


# -- authentication and scope (1-3) -----------------------------------------------------------

MODIFY_NODE_1 = (
    '<osmChange><modify><node id="1" version="1" changeset="CS" lat="2" lon="1"/></modify>'
    "</osmChange>"
)


def test_upload_when_unauthorized(alice):
    cs = alice.changeset()
    r = requests.post(
        f"{alice.api}/changeset/{cs}/upload", data=MODIFY_NODE_1.replace("CS", str(cs)), timeout=10
    )
    assert r.status_code == 401
    assert r.text == "User is not authorized"
    assert alice.version("node", 1) == 1


def test_upload_with_basic_auth_is_anonymous(alice):
    cs = alice.changeset()
    r = requests.post(
        f"{alice.api}/changeset/{cs}/upload",
        data=MODIFY_NODE_1.replace("CS", str(cs)),
        auth=("alice", "secret"),
        timeout=10,
    )
    assert r.status_code == 401
    assert r.text == "User is not authorized"


def test_upload_with_unknown_token(alice):
    cs = alice.changeset()
    r = Api(alice.sb, "no-such-token").upload(cs, MODIFY_NODE_1)
    assert r.status_code == 401
    assert r.text == "invalid_token"


def test_upload_without_required_scope(alice, tokens):
    cs = alice.changeset()
    r = Api(alice.sb, tokens["reader"]).upload(cs, MODIFY_NODE_1)
    assert r.status_code == 401
    assert r.text == "You have not granted the modify map permission"
    assert alice.version("node", 1) == 1


def test_upload_with_required_scope(alice):
    cs = alice.changeset()
    r = alice.upload(cs, MODIFY_NODE_1)
    assert r.status_code == 200, r.text
    assert results(r) == [{"type": "node", "old_id": "1", "new_id": "1", "new_version": "2"}]
    doc = alice.changeset_doc(cs)
    assert (doc.get("changes_count"), doc.get("modified_count")) == ("1", "1")
    node = etree.fromstring(alice.element("node", 1).content).find("node")
    assert (node.get("lat"), node.get("lon"), node.get("user")) == (
        "2.0000000",
        "1.0000000",
        "alice",
    )


# -- structure (4-6) ----------------------------------------------------------------------------


def test_upload_unknown_action(alice):
    cs = alice.changeset()
    r = alice.upload(cs, "<osmChange><ping/></osmChange>")
    assert r.status_code == 400
    assert r.text == "Unknown action ping, choices are create, modify, delete at line 1, column 17"
    assert r.headers["Error"] == r.text


@pytest.mark.parametrize(
    "osc",
    [
        "<osmChange/>",
        "<osmChange></osmChange>",
        "<osmChange><modify/></osmChange>",
        "<osmChange><create/><modify></modify><delete if-unused='1'/></osmChange>",
    ],
    ids=["self-closing", "empty", "empty-modify", "empty-blocks"],
)
def test_upload_empty_changeset(alice, osc):
    cs = alice.changeset()
    r = alice.upload(cs, osc)
    assert r.status_code == 200
    assert results(r) == []
    assert "<diffResult" in r.text
    assert alice.changeset_doc(cs).get("changes_count") == "0"


def test_upload_xml_errors(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs,
        '<osmChange><delete><node id="7" version="1" changeset="CS"/></delete></osmChange>',
        headers={"X-Error-Format": "XML"},
    )
    assert r.status_code == 200
    root = etree.fromstring(r.content)
    assert root.tag == "osmError"
    assert root.findtext("status") == "412 Precondition Failed"
    assert root.findtext("message") == "Precondition failed: Node 7 is still used by relations 1."
    assert alice.version("node", 7) == 1


def test_upload_race_condition(alice):
    cs = alice.changeset()
    osc = (
        '<osmChange><create><node id="-1" changeset="CS" lat="0.1" lon="0.1"/></create></osmChange>'
    )
    statuses: list[int] = []

    def one() -> None:
        statuses.append(alice.upload(cs, osc).status_code)

    threads = [threading.Thread(target=one) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert statuses == [200] * 16
    assert alice.changeset_doc(cs).get("changes_count") == "16"


# -- creates (8-14) -----------------------------------------------------------------------------


def test_upload_create_node(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs,
        '<osmChange><create><node id="-1" changeset="CS" lat="60" lon="30">'
        '<tag k="tag" v="yes"/><tag k="name" v="Test"/></node></create></osmChange>',
    )
    assert r.status_code == 200, r.text
    assert results(r) == [
        {"type": "node", "old_id": "-1", "new_id": str(NEXT_NODE), "new_version": "1"}
    ]
    node = etree.fromstring(alice.element("node", NEXT_NODE).content).find("node")
    assert (node.get("lat"), node.get("lon"), node.get("changeset")) == (
        "60.0000000",
        "30.0000000",
        str(cs),
    )
    assert {t.get("k"): t.get("v") for t in node.findall("tag")} == {"tag": "yes", "name": "Test"}


def test_upload_create_elements_placeholders_per_type(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs,
        "<osmChange><create>"
        '<node id="-1" changeset="CS" lat="0.05" lon="0.05"/>'
        '<way id="-1" changeset="CS"><nd ref="-1"/><nd ref="1"/><tag k="highway" v="path"/></way>'
        '<relation id="-1" changeset="CS"><member type="node" ref="-1" role="a"/>'
        '<member type="way" ref="-1" role="b"/><member type="relation" ref="1" role=""/>'
        '<member type="way" ref="2" role="b"/></relation>'
        "</create></osmChange>",
    )
    assert r.status_code == 200, r.text
    res = results(r)
    assert [(x["type"], x["old_id"], x["new_version"]) for x in res] == [
        ("node", "-1", "1"),
        ("way", "-1", "1"),
        ("relation", "-1", "1"),
    ]
    node_id, way_id, rel_id = (int(x["new_id"]) for x in res)
    way = etree.fromstring(alice.element("way", way_id).content).find("way")
    assert [int(n.get("ref")) for n in way.findall("nd")] == [node_id, 1]
    rel = etree.fromstring(alice.element("relation", rel_id).content).find("relation")
    assert [(m.get("type"), int(m.get("ref")), m.get("role")) for m in rel.findall("member")] == [
        ("node", node_id, "a"),
        ("way", way_id, "b"),
        ("relation", 1, ""),
        ("way", 2, "b"),
    ]


def test_upload_create_node_with_tag_too_long(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs,
        '<osmChange><create><node id="-1" changeset="CS" lat="0" lon="0">'
        f'<tag k="foo" v="{"x" * 256}"/></node></create></osmChange>',
    )
    assert r.status_code == 400
    assert re.fullmatch("Value has more than 255 unicode characters in Node -1" + AT, r.text)
    assert_untouched(alice, cs)


@pytest.mark.parametrize(
    "osc",
    [
        '<osmChange><create><node id="-1" changeset="CS" lat="0" lon="0"/>'
        '<node id="-1" changeset="CS" lat="1" lon="1"/></create></osmChange>',
        '<osmChange><create><node id="-1" changeset="CS" lat="0" lon="0"/></create>'
        '<create><node id="-1" changeset="CS" lat="1" lon="1"/></create></osmChange>',
    ],
    ids=["one-block", "two-blocks"],
)
def test_upload_invalid_placeholder_reuse(alice, osc):
    cs = alice.changeset()
    r = alice.upload(cs, osc)
    assert r.status_code == 400
    assert r.text == "Placeholder IDs must be unique for created elements."
    assert_untouched(alice, cs)


def test_upload_way_referring_node_placeholder_defined_later(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs,
        '<osmChange><create><way id="-1" changeset="CS"><nd ref="-1"/></way>'
        '<node id="-1" changeset="CS" lat="0" lon="0"/></create></osmChange>',
    )
    assert r.status_code == 400
    assert r.text == "Placeholder node not found for reference -1 in way -1"
    assert_untouched(alice, cs)


def test_upload_relation_referring_undefined_node_placeholder(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs,
        '<osmChange><create><relation id="-1" changeset="CS">'
        '<member type="node" ref="-1" role=""/></relation></create></osmChange>',
    )
    assert r.status_code == 400
    assert r.text == "Placeholder node not found for reference -1 in relation -1"


def test_upload_relations_with_circular_references(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs,
        "<osmChange><create>"
        '<relation id="-2" changeset="CS"><member type="relation" ref="-4" role=""/></relation>'
        '<relation id="-4" changeset="CS"><member type="relation" ref="-2" role=""/></relation>'
        "</create></osmChange>",
    )
    assert r.status_code == 400
    assert r.text == "Placeholder relation not found for reference -4 in relation -2"
    assert_untouched(alice, cs)


def test_upload_create_with_positive_id(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs, '<osmChange><create><node id="5" changeset="CS" lat="0" lon="0"/></create></osmChange>'
    )
    assert r.status_code == 400
    assert re.fullmatch(r"Placeholder IDs must be negative for created elements\." + AT, r.text)


# -- modifies (15-21) ---------------------------------------------------------------------------


def test_upload_modify_elements_replaces_everything(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs,
        "<osmChange><modify>"
        '<relation id="1" version="1" changeset="CS"><member type="node" ref="3" role="x"/>'
        "</relation>"
        '<way id="1" version="1" changeset="CS"><nd ref="4"/><nd ref="1"/></way>'
        '<node id="3" version="2" changeset="CS" lat="0.026" lon="0.025"/>'
        "</modify></osmChange>",
    )
    assert r.status_code == 200, r.text
    # results in document order, though CGImap applies nodes, ways, then relations
    assert [(x["type"], x["new_version"]) for x in results(r)] == [
        ("relation", "2"),
        ("way", "2"),
        ("node", "3"),
    ]
    way = etree.fromstring(alice.element("way", 1).content).find("way")
    assert [n.get("ref") for n in way.findall("nd")] == ["4", "1"]
    assert way.findall("tag") == []
    node = etree.fromstring(alice.element("node", 3).content).find("node")
    assert node.findall("tag") == [] and node.get("lat") == "0.0260000"
    r = requests.get(alice.api + "/node/4/ways", timeout=10)
    assert {int(w.get("id")) for w in etree.fromstring(r.content).findall("way")} == {1, 2}


def test_upload_modify_multiple_node_versions(alice):
    cs = alice.changeset()
    body = "".join(
        f'<node id="1" version="{v}" changeset="CS" lat="0.0{v}" lon="0.01"/>' for v in range(1, 9)
    )
    r = alice.upload(cs, f"<osmChange><modify>{body}</modify></osmChange>")
    assert r.status_code == 200, r.text
    assert [x["new_version"] for x in results(r)] == [str(v) for v in range(2, 10)]
    assert alice.version("node", 1) == 9
    r = requests.get(alice.api + "/node/1/history", timeout=10)
    versions = [n.get("version") for n in etree.fromstring(r.content).findall("node")]
    assert versions == [str(v) for v in range(1, 10)]


def test_upload_modify_duplicate_node_versions(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs,
        '<osmChange><modify><node id="1" version="1" changeset="CS" lat="0" lon="0"/>'
        '<node id="1" version="1" changeset="CS" lat="1" lon="1"/></modify></osmChange>',
    )
    assert r.status_code == 409
    assert r.text == "Version mismatch: Provided 1, server had: 2 of Node 1"
    assert alice.version("node", 1) == 1


def test_upload_modify_missing_node_version(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs, '<osmChange><modify><node id="1" changeset="CS" lat="0" lon="0"/></modify></osmChange>'
    )
    assert r.status_code == 400
    assert r.text == "Version is required when updating Node 1 at line 1, column 62"


def test_upload_modify_with_references_to_different_changesets(alice):
    cs1 = alice.changeset()
    cs2 = alice.changeset()
    r = alice.upload(
        cs1,
        '<osmChange><modify><node id="1" version="1" changeset="CS" lat="0" lon="0"/></modify>'
        f'<modify><node id="2" version="1" changeset="{cs2}" lat="0" lon="0"/></modify>'
        "</osmChange>",
    )
    assert r.status_code == 409
    assert r.text == f"Changeset mismatch: Provided {cs2} but only {cs1} is allowed"
    assert alice.version("node", 1) == 1
    assert alice.changeset_doc(cs1).get("changes_count") == "0"


def test_upload_modify_with_mixed_whitespace(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs,
        '<osmChange>\n<modify>\r\n\t<node id="1"   version="1"\n changeset="CS" lat="0.1"'
        ' lon="0.1">\n  \t<tag k="name"\r\n v="x"/>\n</node>\n  </modify></osmChange>',
    )
    assert r.status_code == 200, r.text
    assert results(r)[0]["new_version"] == "2"


def test_upload_version_mismatch_of_way(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs, '<osmChange><modify><way id="2" version="666" changeset="CS"><nd ref="1"/></way>'
        "</modify></osmChange>",
    )  # fmt: skip
    assert r.status_code == 409
    assert r.text == "Version mismatch: Provided 666, server had: 2 of Way 2"


@pytest.mark.parametrize("action", ["modify", "delete"])
@pytest.mark.parametrize("kind", ["node", "way", "relation"])
def test_upload_unknown_placeholder(alice, action, kind):
    cs = alice.changeset()
    inner = {"node": ' lat="0" lon="0"/>', "way": '><nd ref="1"/></way>', "relation": "/>"}[kind]
    r = alice.upload(
        cs,
        f'<osmChange><{action}><{kind} id="-1" version="1" changeset="CS"{inner}</{action}>'
        "</osmChange>",
    )
    assert r.status_code == 400
    assert r.text == f"Placeholder id not found for {kind} reference -1"


@pytest.mark.parametrize("action", ["modify", "delete"])
def test_upload_unknown_positive_id(alice, action):
    cs = alice.changeset()
    r = alice.upload(
        cs,
        f'<osmChange><{action}><node id="4242" version="1" changeset="CS" lat="0" lon="0"/>'
        f"</{action}></osmChange>",
    )
    assert r.status_code == 404
    assert r.text == ""


def test_upload_modify_refers_to_deleted_node(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs,
        '<osmChange><modify><way id="1" version="1" changeset="CS"><nd ref="1"/><nd ref="9"/>'
        '<nd ref="4242"/></way></modify></osmChange>',
    )
    assert r.status_code == 412
    assert r.text == (
        "Precondition failed: Way 1 requires the nodes with id in 9,4242, which either do not "
        "exist, or are not visible."
    )


def test_upload_relation_member_missing(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs,
        '<osmChange><create><relation id="-1" changeset="CS">'
        '<member type="way" ref="4242" role=""/></relation></create></osmChange>',
    )
    assert r.status_code == 412
    assert r.text == (
        "Precondition failed: Relation -1 requires the ways with id in 4242, which either do "
        "not exist, or are not visible."
    )


def test_upload_undelete_by_modify(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs,
        '<osmChange><modify><node id="9" version="2" changeset="CS" lat="0.1" lon="0.2"/>'
        "</modify></osmChange>",
    )
    assert r.status_code == 200, r.text
    assert results(r) == [{"type": "node", "old_id": "9", "new_id": "9", "new_version": "3"}]
    node = etree.fromstring(alice.element("node", 9).content).find("node")
    assert (node.get("visible"), node.get("lat")) == ("true", "0.1000000")


# -- deletes (22-31) ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "ident", "version"),
    [("node", 4, 1), ("way", 4, 1), ("relation", 4, 1)],
    ids=["node", "way", "relation"],
)
def test_upload_delete_element(alice, kind, ident, version):
    cs = alice.changeset()
    if kind == "node":  # node 4 is in way 2: take it out first
        pre = alice.upload(
            cs,
            '<osmChange><modify><way id="2" version="2" changeset="CS"><nd ref="2"/><nd ref="3"/>'
            "</way></modify></osmChange>",
        )
        assert pre.status_code == 200
    r = alice.upload(
        cs,
        f'<osmChange><delete><{kind} id="{ident}" version="{version}" changeset="CS"/>'
        "</delete></osmChange>",
    )
    assert r.status_code == 200, r.text
    assert results(r) == [{"type": kind, "old_id": str(ident)}]
    gone = alice.element(kind, ident)
    assert gone.status_code == 410 and gone.text == ""
    history = requests.get(f"{alice.api}/{kind}/{ident}/history", timeout=10)
    last = etree.fromstring(history.content).findall(kind)[-1]
    assert last.get("visible") == "false" and list(last) == []


def test_upload_delete_elements_in_dependency_order(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs,
        "<osmChange><delete>"
        '<relation id="2" version="1" changeset="CS"/><relation id="1" version="1" changeset="CS"/>'
        '<way id="1" version="1" changeset="CS"/><node id="1" version="1" changeset="CS"/>'
        "</delete></osmChange>",
    )
    assert r.status_code == 200, r.text
    assert [x["old_id"] for x in results(r)] == ["2", "1", "1", "1"]
    for kind, ident in (("relation", 2), ("relation", 1), ("way", 1), ("node", 1)):
        assert alice.element(kind, ident).status_code == 410
    assert alice.changeset_doc(cs).get("deleted_count") == "4"


def test_upload_delete_referenced_elements(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs,
        "<osmChange><delete>"
        '<relation id="3" version="1" changeset="CS"/><way id="1" version="1" changeset="CS"/>'
        '<node id="5" version="1" changeset="CS"/></delete></osmChange>',
    )
    assert r.status_code == 412
    assert r.text == "Precondition failed: Way 1 is still used by relations 1."
    assert alice.element("relation", 3).status_code == 200
    assert_untouched(alice, cs)


def test_upload_delete_relation_used_by_relation(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs, '<osmChange><delete><relation id="1" version="1" changeset="CS"/></delete></osmChange>'
    )
    assert r.status_code == 412
    assert r.text == "Precondition failed: The relation 1 is used in relations 2."


def test_upload_delete_node_used_by_ways(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs, '<osmChange><delete><node id="2" version="1" changeset="CS"/></delete></osmChange>'
    )
    assert r.status_code == 412
    assert r.text == "Precondition failed: Node 2 is still used by ways 1,2."


def test_upload_delete_if_unused(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs,
        '<osmChange><delete if-unused="">'
        '<relation id="1" version="1" changeset="CS"/><way id="1" version="1" changeset="CS"/>'
        '<node id="7" version="1" changeset="CS"/></delete></osmChange>',
    )
    assert r.status_code == 200, r.text
    assert results(r) == [
        {"type": "relation", "old_id": "1", "new_id": "1", "new_version": "1"},
        {"type": "way", "old_id": "1", "new_id": "1", "new_version": "1"},
        {"type": "node", "old_id": "7", "new_id": "7", "new_version": "1"},
    ]
    assert alice.element("way", 1).status_code == 200
    assert alice.changeset_doc(cs).get("changes_count") == "0"


def test_upload_delete_with_multiple_blocks_and_if_unused(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs,
        '<osmChange><delete><node id="1" version="1" changeset="CS"/></delete>'
        '<delete if-unused="true"><way id="1" version="1" changeset="CS"/></delete></osmChange>',
    )
    assert r.status_code == 412
    assert r.text == "Precondition failed: Node 1 is still used by ways 1."


def test_upload_create_and_insert_elements(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs,
        '<osmChange><create><node id="-1" changeset="CS" lat="0.005" lon="0.005"/></create>'
        '<modify><way id="1" version="1" changeset="CS"><nd ref="-1"/><nd ref="1"/></way>'
        '<relation id="3" version="1" changeset="CS"><member type="node" ref="-1" role="new"/>'
        "</relation></modify></osmChange>",
    )
    assert r.status_code == 200, r.text
    way = etree.fromstring(alice.element("way", 1).content).find("way")
    assert [int(n.get("ref")) for n in way.findall("nd")] == [NEXT_NODE, 1]


def test_upload_create_modify_delete_node_reusing_placeholder(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs,
        '<osmChange><create><node id="-1" changeset="CS" lat="0" lon="0"/></create>'
        '<modify><node id="-1" version="1" changeset="CS" lat="1" lon="1"/></modify>'
        '<delete><node id="-1" version="2" changeset="CS"/></delete></osmChange>',
    )
    assert r.status_code == 200, r.text
    assert results(r) == [
        {"type": "node", "old_id": "-1", "new_id": str(NEXT_NODE), "new_version": "1"},
        {"type": "node", "old_id": "-1", "new_id": str(NEXT_NODE), "new_version": "2"},
        {"type": "node", "old_id": "-1"},
    ]
    assert alice.element("node", NEXT_NODE).status_code == 410
    r = requests.get(f"{alice.api}/node/{NEXT_NODE}/history", timeout=10)
    assert [n.get("visible") for n in etree.fromstring(r.content)] == ["true", "true", "false"]


CREATE_DELETE_TWICE = (
    '<osmChange><create><node id="-1" changeset="CS" lat="0" lon="0"/></create>'
    '<delete{}><node id="-1" version="1" changeset="CS"/>'
    '<node id="-1" version="1" changeset="CS"/></delete></osmChange>'
)


def test_upload_create_and_duplicate_delete(alice):
    cs = alice.changeset()
    r = alice.upload(cs, CREATE_DELETE_TWICE.format(""))
    assert r.status_code == 410
    assert r.text == f"The node with the id {NEXT_NODE} has already been deleted"
    assert_untouched(alice, cs)


def test_upload_create_and_duplicate_delete_if_unused(alice):
    cs = alice.changeset()
    r = alice.upload(cs, CREATE_DELETE_TWICE.format(' if-unused="true"'))
    assert r.status_code == 200, r.text
    assert results(r) == [
        {"type": "node", "old_id": "-1", "new_id": str(NEXT_NODE), "new_version": "1"},
        {"type": "node", "old_id": "-1"},
        {"type": "node", "old_id": "-1", "new_id": str(NEXT_NODE), "new_version": "2"},
    ]
    assert alice.changeset_doc(cs).get("changes_count") == "2"


# -- bounding box (32) --------------------------------------------------------------------------


def test_upload_bbox_of_moved_node_and_extended_way(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs,
        '<osmChange><modify><node id="8" version="3" changeset="CS" lat="0.35" lon="-0.1"/>'
        '<way id="3" version="1" changeset="CS"><nd ref="5"/><nd ref="6"/><nd ref="11"/></way>'
        "</modify></osmChange>",
    )
    assert r.status_code == 200, r.text
    doc = alice.changeset_doc(cs)
    # old and new position of node 8, all old and new nodes of way 3 (node 11 at -0.5,-0.5)
    assert (doc.get("min_lat"), doc.get("min_lon")) == ("-0.5000000", "-0.5000000")
    assert (doc.get("max_lat"), doc.get("max_lon")) == ("0.3500000", "0.3000000")


# -- changeset state ------------------------------------------------------------------------------


def test_upload_to_other_users_changeset(alice, tokens):
    cs = alice.changeset()
    r = Api(alice.sb, tokens["bob"]).upload(cs, MODIFY_NODE_1)
    assert r.status_code == 409
    assert r.text == "The user doesn't own that changeset"


def test_upload_to_missing_changeset(alice):
    r = alice.upload(424242, MODIFY_NODE_1)
    assert r.status_code == 404
    assert r.text == ""


def test_upload_to_closed_changeset(alice):
    cs = alice.changeset()
    closed = requests.put(f"{alice.api}/changeset/{cs}/close", headers=alice.auth, timeout=10)
    assert closed.status_code == 200
    r = alice.upload(cs, MODIFY_NODE_1)
    assert r.status_code == 409
    assert re.fullmatch(
        rf"The changeset {cs} was closed at \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d UTC", r.text
    )


def test_upload_wrong_method(alice):
    cs = alice.changeset()
    r = requests.put(
        f"{alice.api}/changeset/{cs}/upload", data=MODIFY_NODE_1, headers=alice.auth, timeout=10
    )
    assert r.status_code == 405
    assert r.text == "" and "POST" in r.headers["Allow"]


def test_upload_changeset_cap(alice):
    cs = alice.changeset()
    alice.sb.set_changeset(cs, num_changes=9990)
    creates = "".join(f'<node id="-{i}" changeset="CS" lat="0.1" lon="0.1"/>' for i in range(1, 12))
    r = alice.upload(cs, f"<osmChange><create>{creates}</create></osmChange>")
    assert r.status_code == 409
    assert re.fullmatch(rf"The changeset {cs} was closed at \d{{4}}-.* UTC", r.text)
    r = alice.upload(
        cs, f"<osmChange><create>{creates[: creates.rindex('<node')]}</create></osmChange>"
    )
    assert r.status_code == 200, r.text
    doc = alice.changeset_doc(cs)
    assert (doc.get("changes_count"), doc.get("open")) == ("10000", "true")
    r = alice.upload(cs, "<osmChange/>")
    assert r.status_code == 409
    assert r.text.startswith(f"The changeset {cs} was closed at ")


def test_download_changeset(alice):
    cs = alice.changeset()
    r = alice.upload(
        cs,
        '<osmChange><create><node id="-1" changeset="CS" lat="0" lon="0"/></create>'
        '<modify><node id="1" version="1" changeset="CS" lat="0.011" lon="0.01"/></modify>'
        '<delete><relation id="4" version="1" changeset="CS"/></delete></osmChange>',
    )
    assert r.status_code == 200
    r = requests.get(f"{alice.api}/changeset/{cs}/download", timeout=10)
    assert r.status_code == 200
    root = etree.fromstring(r.content)
    assert root.tag == "osmChange"
    assert [(b.tag, b[0].tag, b[0].get("id")) for b in root] == [
        ("create", "node", str(NEXT_NODE)),
        ("modify", "node", "1"),
        ("delete", "relation", "4"),
    ]


# -- relations cut by the seed extract ----------------------------------------------------------

CUT = """<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6">
 <node id="1" version="1" changeset="1" timestamp="2020-05-01T10:00:00Z" user="seed_mapper_a"
  uid="11" lat="47.1" lon="9.5"/>
 <relation id="1" version="1" changeset="1" timestamp="2020-05-01T10:00:00Z"
  user="seed_mapper_a" uid="11">
  <member type="node" ref="1" role="stop"/>
  <member type="node" ref="990" role="stop"/>
  <tag k="type" v="route"/>
 </relation>
</osm>
"""


def test_relation_with_members_beyond_the_extract_can_be_modified(osm_sandbox_factory, tmp_path):
    """Node 990 is cut off by the extract; production has it, so keeping it is no error."""
    seed = tmp_path / "cut.osm"
    seed.write_text(CUT)
    sandbox = osm_sandbox_factory(seed)
    api = Api(sandbox, sandbox.token("alice"))
    cs = api.changeset(comment="rename the route")
    keep = (
        '<osmChange><modify><relation id="1" version="1" changeset="CS">'
        '<member type="node" ref="1" role="stop"/><member type="node" ref="990" role="stop"/>'
        '<tag k="type" v="route"/><tag k="name" v="Bus 11"/></relation></modify></osmChange>'
    )
    r = api.upload(cs, keep)
    assert r.status_code == 200, r.text
    assert results(r) == [{"type": "relation", "old_id": "1", "new_id": "1", "new_version": "2"}]
    # an id no relation ever referenced is still unknown
    cs = api.changeset(comment="add a stop")
    unknown = keep.replace('version="1"', 'version="2"').replace(
        '<tag k="type"', '<member type="node" ref="991" role="stop"/><tag k="type"'
    )
    r = api.upload(cs, unknown)
    assert r.status_code == 412
    assert r.text == (
        "Precondition failed: Relation 1 requires the nodes with id in 991, which either do not "
        "exist, or are not visible."
    )
