"""osmChange: build, export, read back, validate, chunks and diffResults."""

from __future__ import annotations

import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from osm_roundtrip.plugin.core.errors import BadPayload, ValidationError
from osm_roundtrip.plugin.core.osm.diff import CREATE, DELETE, MODIFY, Change, OsmChanges
from osm_roundtrip.plugin.core.osm.model import DataSet, Member, Node, Relation, Way
from osm_roundtrip.plugin.core.osm.osmchange import (
    ChangesInvalid,
    DiffEntry,
    IdMap,
    Limits,
    apply_diff_result,
    build,
    build_for_changeset,
    ordered,
    parse_diff_result,
    parse_osc,
    split_chunks,
    validate,
    write_osc,
)


def sample() -> OsmChanges:
    return OsmChanges(
        creates=[
            Change(CREATE, Relation(-2, [Member("relation", -1, "sub")], tags={"type": "site"})),
            Change(
                CREATE, Relation(-1, [Member("way", -1, "outer")], tags={"type": "multipolygon"})
            ),
            Change(CREATE, Way(-1, [-1, -2, -3, -1], tags={})),
            Change(CREATE, Node(-1, 47.1, 9.5, tags={"name": 'a "b" <c> & d\te\nf'})),
            Change(CREATE, Node(-2, 47.1000001, 9.5000001)),
            Change(CREATE, Node(-3, 47.2, -0.00004)),
        ],
        modifies=[
            Change(MODIFY, Relation(30, [Member("way", -1, "")], 7, {"type": "route"})),
            Change(MODIFY, Way(20, [1, -1], 5, {"highway": "path"})),
            Change(MODIFY, Node(1, 47.3, 9.6, 3, {"z": "1", "a": "2"})),
        ],
        deletes=[
            Change(DELETE, Node(4, 47.0, 9.0, 2), if_unused=True),
            Change(DELETE, Way(21, [4, 5], 1)),
            Change(DELETE, Node(5, 47.0, 9.0, 9)),
            Change(DELETE, Relation(31, [], 1)),
            Change(DELETE, Relation(32, [Member("relation", 31, "")], 1)),
        ],
    )


def blocks(xml: bytes):
    root = etree.fromstring(xml)
    return [(b.tag, b.get("if-unused"), [(e.tag, e.get("id")) for e in b]) for b in root]


def test_build_orders_blocks_and_elements():
    assert blocks(build(sample(), 123)) == [
        (
            "create",
            None,
            [
                ("node", "-1"),
                ("node", "-2"),
                ("node", "-3"),
                ("way", "-1"),
                ("relation", "-1"),
                ("relation", "-2"),
            ],
        ),
        ("modify", None, [("node", "1"), ("way", "20"), ("relation", "30")]),
        ("delete", None, [("relation", "32"), ("relation", "31"), ("way", "21"), ("node", "5")]),
        ("delete", "true", [("node", "4")]),
    ]


def test_build_writes_every_attribute_the_api_requires():
    root = etree.fromstring(build(sample(), 123))
    assert root.tag == "osmChange" and root.get("version") == "0.6"
    for block in root:
        for element in block:
            assert element.get("changeset") == "123"
            assert (element.get("version") is None) == (block.tag == "create")
    node = root.find("create/node[@id='-3']")
    assert (node.get("lat"), node.get("lon")) == ("47.2000000", "-0.0000400")
    assert root.find("modify/node").get("version") == "3"
    assert [t.get("k") for t in root.find("modify/node")] == ["a", "z"]
    assert root.find("delete/node").attrib == {"id": "5", "version": "9", "changeset": "123"}
    assert [
        (m.get("type"), m.get("ref"), m.get("role"))
        for m in root.find("create/relation").findall("member")
    ] == [("way", "-1", "outer")]


def test_special_characters_survive():
    xml = build(sample(), 1)
    tag = etree.fromstring(xml).find("create/node[@id='-1']/tag")
    assert tag.get("v") == 'a "b" <c> & d\te\nf'


def _lxml_document(changes, changeset):
    """The same document built as a tree with lxml and pretty-printed: the reference."""
    root = etree.Element("osmChange", version="0.6", generator="gen & <co>")
    block_kind = block = None
    for change in ordered(changes):
        element = change.element
        kind = (change.action, change.action == DELETE and change.if_unused)
        if kind != block_kind:
            block = etree.SubElement(root, change.action)
            if kind[1]:
                block.set("if-unused", "true")
            block_kind = kind
        attrs = {"id": str(element.id)}
        if change.action != CREATE:
            attrs["version"] = str(element.version)
        if changeset is not None:
            attrs["changeset"] = str(changeset)
        if element.type == "node" and change.action != DELETE:
            attrs["lat"], attrs["lon"] = f"{element.lat:.7f}", f"{element.lon:.7f}"
        item = etree.SubElement(block, element.type, attrs)
        if change.action == DELETE:
            continue
        for ref in getattr(element, "nodes", ()):
            etree.SubElement(item, "nd", ref=str(ref))
        for m in getattr(element, "members", ()):
            etree.SubElement(item, "member", type=m.type, ref=str(m.ref), role=m.role)
        for k in sorted(element.tags):
            etree.SubElement(item, "tag", k=k, v=element.tags[k])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\ufffe\uffff"))
_XML_TEXT = _TEXT.filter(lambda s: not any(c < " " and c not in "\t\n\r" for c in s))
_TAGS = st.dictionaries(_XML_TEXT, _XML_TEXT, max_size=3)
_COORD = st.floats(-90, 90, allow_nan=False)


@st.composite
def _changes(draw):
    ids = st.integers(-(10**12), 10**12).filter(bool)
    elements = st.one_of(
        st.builds(Node, ids, _COORD, _COORD, st.integers(1, 99), _TAGS),
        st.builds(Way, ids, st.lists(ids, max_size=4), st.integers(1, 99), _TAGS),
        st.builds(
            Relation,
            ids,
            st.lists(
                st.builds(Member, st.sampled_from(["node", "way", "relation"]), ids, _XML_TEXT),
                max_size=3,
            ),
            st.integers(1, 99),
            _TAGS,
        ),
    )
    changes = OsmChanges()
    for action, group in ((CREATE, changes.creates), (MODIFY, changes.modifies)):
        group.extend(Change(action, e) for e in draw(st.lists(elements, max_size=4)))
    for element in draw(st.lists(elements, max_size=4)):
        changes.deletes.append(Change(DELETE, element, if_unused=draw(st.booleans())))
    return changes


@settings(max_examples=150, deadline=None)
@given(_changes(), st.one_of(st.none(), st.integers(1, 10**9)))
def test_build_writes_what_lxml_serialises_for_the_same_tree(changes, changeset):
    assert build(changes, changeset, "gen & <co>") == _lxml_document(changes, changeset)


def test_build_of_nothing_is_an_empty_document():
    assert build(OsmChanges(), None, "g") == _lxml_document(OsmChanges(), None).replace(
        b"gen &amp; &lt;co&gt;", b"g"
    )


@pytest.mark.parametrize("text", ["\x00", "a\x1fb", "\ud800", "\uffff"], ids=repr)
def test_build_refuses_what_xml_cannot_hold_as_lxml_does(text):
    with pytest.raises(ValueError):
        etree.Element("tag", v=text)
    for tags in ({"k": text}, {text: "v"}):
        with pytest.raises(ValueError):
            build(OsmChanges(creates=[Change(CREATE, Node(-1, 1.0, 2.0, tags=tags))]), None)


def test_export_has_no_changeset_and_reads_back(tmp_path):
    path = tmp_path / "edits.osc"
    write_osc(sample(), path)
    assert b"changeset=" not in path.read_bytes()
    back = parse_osc(path.read_bytes())

    def comparable(c):  # a delete carries only id and version
        element = c.element if c.action != DELETE else None
        return (c.action, c.element.key, c.element.version, c.if_unused, element)

    assert [comparable(c) for c in ordered(back)] == [comparable(c) for c in ordered(sample())]


def test_osmium_reads_the_export(tmp_path):
    path = tmp_path / "edits.osc"
    write_osc(sample(), path)
    result = subprocess.run(
        ["osmium", "fileinfo", "-e", "-g", "data.count.nodes", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "6"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<osm/>", "Not an osmChange"),
        (b"<osmChange><ping/></osmChange>", "Unknown osmChange"),
        (b"<osmChange", "cannot be read"),
        (b"<osmChange><create><node lat='1' lon='2'/></create></osmChange>", "id"),
    ],
    ids=["wrong-root", "wrong-action", "malformed", "missing-id"],
)
def test_parse_osc_refuses(data, message):
    with pytest.raises(BadPayload, match=message):
        parse_osc(data)


def _one(change):
    return OsmChanges(*([change] if change.action == a else [] for a in (CREATE, MODIFY, DELETE)))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (Change(CREATE, Node(-1, 1, 1, tags={"": "x"})), "empty key"),
        (Change(CREATE, Node(-1, 1, 1, tags={"k" * 256: "x"})), "key is 256 characters"),
        (Change(CREATE, Node(-1, 1, 1, tags={"name": "é" * 256})), "value of name is 256"),
        (Change(CREATE, Node(-1, 1, 1, tags={"name": "a\x07b"})), "control characters"),
        (Change(CREATE, Node(-1, 91, 1)), "invalid coordinates"),
        (Change(CREATE, Node(-1, 1, float("nan"))), "invalid coordinates"),
        (Change(CREATE, Node(5, 1, 1)), "negative id"),
        (Change(MODIFY, Node(5, 1, 1, version=0)), "version is missing"),
        (Change(DELETE, Way(5, [1, 2], version=0)), "version is missing"),
        (Change(MODIFY, Way(5, [1], version=1)), "at least 2"),
        (Change(MODIFY, Way(5, list(range(1, 12)), version=1)), "11 nodes; the server allows 10"),
        (Change(MODIFY, Way(5, [1, -7], version=1)), "node -7, which is not created"),
        (
            Change(MODIFY, Relation(5, [Member("way", 1, "")] * 4, version=1)),
            "4 members; the server allows 3",
        ),
        (Change(MODIFY, Relation(5, [Member("area", 1, "")], version=1)), "unknown type area"),
        (Change(MODIFY, Relation(5, [Member("way", -3, "")], version=1)), "way -3, which is not"),
        (Change(MODIFY, Relation(5, [Member("way", 3, "r" * 300)], version=1)), "member role"),
    ],
    ids=[
        "empty-key",
        "long-key",
        "long-value-unicode",
        "control-char",
        "lat-range",
        "nan",
        "create-positive",
        "modify-no-version",
        "delete-no-version",
        "one-node",
        "long-way",
        "unknown-placeholder-node",
        "too-many-members",
        "member-type",
        "unknown-placeholder-way",
        "long-role",
    ],
)
def test_validate_lists_the_problem(change, message):
    with pytest.raises(ChangesInvalid, match=message) as info:
        validate(_one(change), Limits(waynodes=10, relationmembers=3), comment="Fix")
    assert len(info.value.problems) == 1
    assert isinstance(info.value, ValidationError)


@pytest.mark.parametrize("comment", ["", "   "], ids=["empty", "blank"])
def test_validate_requires_a_comment(comment):
    with pytest.raises(ChangesInvalid, match="comment is required"):
        validate(sample(), comment=comment)


def test_validate_accepts_good_changes_and_lists_all_problems_at_once():
    validate(sample(), Limits(), comment="Benches in Vaduz")
    validate(sample(), comment=None)
    bad = OsmChanges([Change(CREATE, Node(-1, 100, 1, tags={"": "x"}))])
    with pytest.raises(ChangesInvalid) as info:
        validate(bad, comment="")
    assert len(info.value.problems) == 3
    assert "(3 problems)" in str(info.value)
    assert info.value.translated(lambda ctx, text, *plural: "~" + text).startswith("~The changes")


DIFF_RESULT = b"""<?xml version="1.0" encoding="UTF-8"?>
<diffResult version="0.6" generator="openstreetmap-cgimap 2.1.0">
  <node old_id="-1" new_id="9000000001" new_version="1"/>
  <way old_id="2001" new_id="2001" new_version="6"/>
  <relation old_id="3001"/>
  <way old_id="2002" new_id="2002" new_version="1"/>
</diffResult>"""


def test_parse_diff_result():
    assert parse_diff_result(DIFF_RESULT) == [
        DiffEntry("node", -1, 9000000001, 1),
        DiffEntry("way", 2001, 2001, 6),
        DiffEntry("relation", 3001, None, None),
        DiffEntry("way", 2002, 2002, 1),
    ]


@pytest.mark.parametrize(
    "data",
    [b"<html>oops</html>", b"<diffResult><node old_id='x'/></diffResult>", b"<diff"],
    ids=["html", "bad-number", "malformed"],
)
def test_parse_diff_result_refuses(data):
    with pytest.raises(BadPayload):
        parse_diff_result(data)


def test_apply_diff_result_maps_ids_versions_and_deletes():
    chunk = OsmChanges(
        [Change(CREATE, Node(-1, 1, 1))],
        [Change(MODIFY, Way(2001, [1, -1], 5))],
        [
            Change(DELETE, Relation(3001, [], 2)),
            Change(DELETE, Way(2002, [1, 2], 1), if_unused=True),
        ],
    )
    later = OsmChanges(
        [Change(CREATE, Way(-5, [-1, 7]))],
        [
            Change(MODIFY, Way(2001, [-1, 8], 5)),
            Change(MODIFY, Relation(9, [Member("node", -1, "x")], 3)),
        ],
    )
    id_map = apply_diff_result(chunk, parse_diff_result(DIFF_RESULT), [later])
    assert id_map.ids == {("node", -1): 9000000001}
    assert id_map.versions == {("node", 9000000001): 1, ("way", 2001): 6, ("way", 2002): 1}
    assert id_map.deleted == {("relation", 3001)}
    assert id_map.skipped == {("way", 2002)}
    assert later.creates[0].element.nodes == [9000000001, 7]
    assert later.modifies[0].element.version == 6
    assert later.modifies[0].element.nodes == [9000000001, 8]
    assert later.modifies[1].element.members == [Member("node", 9000000001, "x")]


@pytest.mark.parametrize(
    "entries",
    [
        [DiffEntry("node", -1, 5, 1)],
        [DiffEntry("way", -1, 5, 1)],
        [DiffEntry("node", -1, None, None)],
    ],
    ids=["too-few", "wrong-element", "create-without-id"],
)
def test_apply_diff_result_refuses_a_result_that_does_not_match(entries):
    chunk = OsmChanges(
        [Change(CREATE, Node(-1, 1, 1))]
        + (
            [Change(CREATE, Node(-2, 1, 1))]
            if entries[0].type == "node" and entries[0].new_id
            else []
        )
    )
    with pytest.raises(BadPayload):
        apply_diff_result(chunk, entries)


# -- chunks against a small in-memory server ------------------------------------------------


class FakeServer:
    """Applies uploads like the API: placeholders must be created earlier in the same upload or
    already be real ids; answers a diffResult."""

    def __init__(self):
        self.data = DataSet()
        self.next = {"node": 1000, "way": 1000, "relation": 1000}
        self.uploads = 0

    def upload(self, xml: bytes) -> bytes:
        self.uploads += 1
        root = etree.fromstring(xml)
        placeholders = {}
        out = etree.Element("diffResult", version="0.6")
        for block in root:
            for item in block:
                kind, old = item.tag, int(item.get("id"))
                if block.tag == "delete":
                    self.data.table(kind).pop(old)
                    etree.SubElement(out, kind, old_id=str(old))
                    continue
                element = _element(block.tag, item)
                self._check_refs(element, placeholders)
                if old < 0:
                    assert (kind, old) not in placeholders, "placeholder created twice"
                    new = self.next[kind] = self.next[kind] + 1
                    placeholders[(kind, old)] = new
                    element.id, element.version = new, 1
                else:
                    element.version += 1
                self.data.table(kind)[element.id] = element
                etree.SubElement(
                    out,
                    kind,
                    old_id=str(old),
                    new_id=str(element.id),
                    new_version=str(element.version),
                )
        return etree.tostring(out)

    def _check_refs(self, element, placeholders):
        refs = []
        if element.type == "way":
            refs = [("node", r) for r in element.nodes]
        elif element.type == "relation":
            refs = [(m.type, m.ref) for m in element.members]
        resolved = []
        for kind, ref in refs:
            if ref < 0:
                assert (kind, ref) in placeholders, f"{kind} {ref} not created before use"
                ref = placeholders[(kind, ref)]
            assert ref in self.data.table(kind), f"{kind} {ref} missing"
            resolved.append(ref)
        if element.type == "way":
            element.nodes = resolved
        elif element.type == "relation":
            element.members = [Member(m.type, r, m.role) for m, r in zip(element.members, resolved)]


def _element(action, item):
    doc = etree.Element("osmChange")
    block = etree.SubElement(doc, action)
    block.append(etree.fromstring(etree.tostring(item)))
    changes = parse_osc(etree.tostring(doc))
    return next(iter(changes)).element


def big_changes(n_ways=7, nodes_per_way=4):
    creates = []
    nid = 0
    for w in range(1, n_ways + 1):
        refs = []
        for _ in range(nodes_per_way):
            nid -= 1
            creates.append(Change(CREATE, Node(nid, 47 + nid * 1e-5, 9.5)))
            refs.append(nid)
        creates.append(Change(CREATE, Way(-w, refs, tags={"n": str(w)})))
    creates.append(
        Change(
            CREATE,
            Relation(
                -1,
                [Member("way", -1, "outer"), Member("way", -n_ways, "inner")],
                tags={"type": "multipolygon"},
            ),
        )
    )
    modifies = [Change(MODIFY, Way(1, [1, -2], 1))]
    return OsmChanges(creates, modifies)


@pytest.mark.parametrize("max_elements", [5, 6, 11, 13, 100], ids=str)
def test_chunks_are_small_self_contained_and_upload_in_sequence(max_elements):
    changes = big_changes()
    server = FakeServer()
    server.data.nodes[1] = Node(1, 47, 9, 1)
    server.data.ways[1] = Way(1, [1, 1], 1)
    chunks = split_chunks(changes, max_elements)
    assert sum(len(c) for c in chunks) == len(changes)
    assert all(len(c) <= max_elements for c in chunks)
    id_map = IdMap()
    for index, chunk in enumerate(chunks):
        result = server.upload(build(chunk, 77))
        apply_diff_result(chunk, parse_diff_result(result), chunks[index + 1 :], id_map)
    assert server.uploads == len(chunks)
    assert len(server.data.nodes) == 1 + 28 and len(server.data.ways) == 8
    assert server.data.ways[1].nodes == [1, id_map.ids[("node", -2)]]
    rel = next(iter(server.data.relations.values()))
    assert [m.ref for m in rel.members] == [id_map.ids[("way", -1)], id_map.ids[("way", -7)]]
    # the original changes are untouched by the rewriting
    assert changes.modifies[0].element.nodes == [1, -2]


def test_new_way_travels_with_its_new_nodes():
    chunks = split_chunks(big_changes(), 5)
    for chunk in chunks:
        ways = [c.element for c in chunk.creates if c.element.type == "way"]
        created = {c.element.id for c in chunk.creates if c.element.type == "node"}
        for way in ways:
            assert set(way.nodes) <= created


def test_one_chunk_when_small_and_none_when_empty():
    assert len(split_chunks(sample(), 10_000)) == 1
    assert split_chunks(OsmChanges(), 10) == []


def test_deletes_stay_after_modifies_across_chunks():
    changes = OsmChanges(
        modifies=[Change(MODIFY, Way(i, [1, 2], 1)) for i in range(1, 5)],
        deletes=[Change(DELETE, Node(i, 0, 0, 1), if_unused=True) for i in range(10, 14)],
    )
    chunks = split_chunks(changes, 3)
    flat = [c.action for chunk in chunks for c in ordered(chunk)]
    assert flat == [MODIFY] * 4 + [DELETE] * 4


def test_a_document_built_before_its_changeset_is_the_same_document():
    changes = OsmChanges(
        [Change(CREATE, Node(-1, 47.1, 9.5, 0, {"note": 'changeset="1" \x7f'}))],
        [Change(MODIFY, Way(5, [1, -1], 3, {"changeset": "0"}))],
        [Change(DELETE, Node(7, 0, 0, 2), if_unused=True)],
    )
    document = build_for_changeset(changes)
    for changeset in (1, 42, 10**10):
        assert document(changeset) == build(changes, changeset)
    with pytest.raises(ValueError):  # NUL, which marks the changeset's place, is refused
        build_for_changeset(OsmChanges([Change(CREATE, Node(-1, 0, 0, 0, {"a": "\x00"}))]))
