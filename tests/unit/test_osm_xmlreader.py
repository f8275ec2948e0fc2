import gc
import io

import pytest

from osm_roundtrip.plugin.core.errors import BadPayload, Cancelled
from osm_roundtrip.plugin.core.osm.model import Member, Node, Relation, Way
from osm_roundtrip.plugin.core.osm.xmlreader import (
    OsmXmlError,
    load_osm_file,
    parse_osm_bytes,
    parse_osm_stream,
)

DOC = b"""<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="test">
 <bounds minlat="47.1" minlon="9.5" maxlat="47.2" maxlon="9.6"/>
 <node id="1" visible="true" version="3" changeset="11" timestamp="2020-01-01T00:00:00Z"
       user="a" uid="7" lat="47.1234567" lon="9.5123456">
  <tag k="amenity" v="bench"/>
  <tag k="name" v="B&#228;nkli &amp; Co"/>
 </node>
 <node id="2" version="1" lat="-47.0000001" lon="-179.9999999"/>
 <node id="3" lat="47.123456789" lon="9.5"/>
 <way id="10" version="2">
  <nd ref="1"/><nd ref="2"/><nd ref="3"/>
  <tag k="highway" v="path"/>
 </way>
 <relation id="100" version="5">
  <member type="way" ref="10" role="outer"/>
  <member type="node" ref="1" role=""/>
  <member type="relation" ref="101" role="sub"/>
  <tag k="type" v="multipolygon"/>
 </relation>
</osm>
"""


def test_reads_every_element_with_versions_tags_nodes_and_members():
    ds = parse_osm_bytes(DOC, "test")
    assert ds.nodes[1] == Node(
        1, 47.1234567, 9.5123456, 3, {"amenity": "bench", "name": "Bänkli & Co"}
    )
    node = ds.nodes[1]
    assert (node.changeset, node.timestamp, node.user, node.uid) == (
        11,
        "2020-01-01T00:00:00Z",
        "a",
        7,
    )
    assert ds.nodes[2] == Node(2, -47.0000001, -179.9999999, 1, {})
    assert ds.ways[10] == Way(10, [1, 2, 3], 2, {"highway": "path"})
    assert ds.relations[100] == Relation(
        100,
        [Member("way", 10, "outer"), Member("node", 1, ""), Member("relation", 101, "sub")],
        5,
        {"type": "multipolygon"},
    )
    assert ds.bounds == [(9.5, 47.1, 9.6, 47.2)]


def test_missing_version_is_zero_and_extra_decimals_are_rounded_like_the_database():
    ds = parse_osm_bytes(DOC)
    assert ds.nodes[3].version == 0
    assert ds.nodes[3].lat == 47.1234568


def test_load_osm_file_and_progress(tmp_path):
    path = tmp_path / "x.osm"
    path.write_bytes(DOC)
    seen = []
    ds = load_osm_file(path, progress=lambda done, total, msg: seen.append((done, total)))
    assert len(ds) == 5
    assert seen[-1] == (len(DOC), len(DOC))


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(OsmXmlError, match=r"Could not read the file nope\.osm"):
        load_osm_file(tmp_path / "nope.osm")


def test_cancel_between_chunks():
    with pytest.raises(Cancelled):
        parse_osm_stream(io.BytesIO(DOC), "x", cancel=lambda: True)


def test_garbage_collector_state_is_restored():
    assert gc.isenabled()
    parse_osm_bytes(DOC)
    assert gc.isenabled()
    with pytest.raises(OsmXmlError):
        parse_osm_bytes(b"<osm><node")
    assert gc.isenabled()


@pytest.mark.parametrize(
    ("cut", "line"),
    [(len(DOC) // 2, 9), (len(DOC) - 3, 21)],
    ids=["middle", "before-last-tag-closes"],
)
def test_truncated_document_names_the_position(cut, line):
    with pytest.raises(OsmXmlError) as info:
        parse_osm_bytes(DOC[:cut], "http://api/map")
    message = str(info.value)
    assert "http://api/map" in message
    assert f"line {line}" in message
    assert "column" in message
    assert isinstance(info.value, BadPayload)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE osm [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<osm><node id="1" lat="1" lon="1"><tag k="x" v="&b;"/></node></osm>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE osm [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<osm><node id="1" lat="1" lon="1"><tag k="x" v="&x;"/></node></osm>"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE osm SYSTEM "http://127.0.0.1:9/osm.dtd"><osm/>"""


@pytest.mark.parametrize(
    "document",
    [BILLION_LAUGHS, XXE, EXTERNAL_DTD],
    ids=["entity-expansion", "external-entity", "external-dtd"],
)
def test_documents_with_a_dtd_are_refused(document):
    with pytest.raises(OsmXmlError, match="document type"):
        parse_osm_bytes(document, "evil")


def test_undeclared_entity_is_an_error_not_an_expansion():
    with pytest.raises(OsmXmlError, match="line 1"):
        parse_osm_bytes(b'<osm><node id="1" lat="1" lon="1"><tag k="x" v="&x;"/></node></osm>')


@pytest.mark.parametrize(
    "document",
    [
        b"<!DOCTYPE html><html><body>Down for maintenance</body></html>",
        b"<html><body>Oops</body></html>",
    ],
    ids=["doctype", "bare"],
)
def test_html_page_is_named(document):
    with pytest.raises(OsmXmlError, match="web page"):
        parse_osm_bytes(document, "http://x")


def test_other_root_element_is_refused():
    with pytest.raises(OsmXmlError, match="not an OSM document"):
        parse_osm_bytes(b"<gpx/>")


@pytest.mark.parametrize(
    ("document", "match"),
    [
        (b'<osm><node id="x" lat="1" lon="1"/></osm>', "invalid value"),
        (b'<osm><node id="5" lat="north" lon="1"/></osm>', "node 5"),
        (b'<osm><way id="6"><nd/></way></osm>', "way 6: missing attribute 'ref'"),
    ],
    ids=["bad-id", "bad-lat", "nd-without-ref"],
)
def test_invalid_values_name_the_element(document, match):
    with pytest.raises(OsmXmlError, match=match):
        parse_osm_bytes(document)


@pytest.mark.parametrize("document", [b"", b"   "], ids=["empty", "blank"])
def test_empty_document(document):
    with pytest.raises(OsmXmlError):
        parse_osm_bytes(document)


def test_nodes_with_only_some_attributes_get_the_defaults_of_the_missing_ones():
    ds = parse_osm_bytes(
        b'<osm><node id="1" lat="47.1" lon="9.5"/><node id="2" lat="47.2" lon="0" version="4"/>'
        b'<node id="3" lat="0" lon="9.7" uid="8"/><node id="4" lat="1.123456789" lon="2"/></osm>'
    )
    plain = ds.nodes[1]
    assert (plain.version, plain.changeset, plain.uid, plain.visible) == (0, 0, 0, True)
    assert (plain.timestamp, plain.user, plain.tags) == ("", "", {})
    assert (ds.nodes[2].lat, ds.nodes[2].lon, ds.nodes[2].version) == (47.2, 0.0, 4)
    assert (ds.nodes[3].lat, ds.nodes[3].lon, ds.nodes[3].uid) == (0.0, 9.7, 8)
    assert ds.nodes[4].lat == 1.1234568


@pytest.mark.parametrize(
    ("node", "message"),
    [
        ('lat="95" lon="9.5"', "node 7 at an impossible position (lat 95, lon 9.5)"),
        ('lat="47" lon="200"', "node 7 at an impossible position (lat 47, lon 200)"),
        ('lat="-90.5" lon="0"', "node 7 at an impossible position (lat -90.5, lon 0)"),
        ('lat="nan" lon="9.5"', "node 7 at an impossible position (lat nan, lon 9.5)"),
        ('lat="47" lon="NaN" version="2"', "node 7 at an impossible position (lat 47, lon NaN)"),
        ('lat="47" version="2"', "node 7 without coordinates"),
        ('lon="9" version="2"', "node 7 without coordinates"),
        ('version="2" user="x"', "node 7 without coordinates"),
    ],
    ids=["lat-95", "lon-200", "lat-below", "lat-nan", "lon-nan", "no-lon", "no-lat", "none"],
)
def test_impossible_or_missing_coordinates_name_the_node(node, message):
    document = f'<osm><node id="1" lat="1" lon="1"/><node id="7" {node}/></osm>'.encode()
    with pytest.raises(OsmXmlError) as caught:
        parse_osm_bytes(document, "vaduz.osm")
    assert str(caught.value) == f"The OSM data from vaduz.osm has {message}."


def test_the_edges_of_the_world_are_valid():
    ds = parse_osm_bytes(
        b'<osm><node id="1" lat="-90" lon="-180"/><node id="2" lat="90.0000000" lon="180"/></osm>'
    )
    assert (ds.nodes[1].lat, ds.nodes[1].lon, ds.nodes[2].lat, ds.nodes[2].lon) == (
        -90,
        -180,
        90,
        180,
    )


@pytest.mark.parametrize("kind", ["node", "way", "relation"])
def test_ids_beyond_64_bits_are_named(kind):
    extra = ' lat="1" lon="1"' if kind == "node" else ""
    document = f'<osm><{kind} id="9223372036854775808" version="1"{extra}/></osm>'.encode()
    with pytest.raises(OsmXmlError, match=f"has {kind} 9223372036854775808, an id beyond 64 bits"):
        parse_osm_bytes(document, "big.osm")
    ok = f'<osm><{kind} id="9223372036854775807" version="1"{extra}/></osm>'.encode()
    assert parse_osm_bytes(ok).get(kind, 9223372036854775807) is not None


def test_deleted_elements_are_not_loaded_as_live():
    ds = parse_osm_bytes(
        b'<osm><node id="1" lat="1" lon="1" version="1"/>'
        b'<node id="2" version="3" visible="false"/>'
        b'<node id="3" lat="1" lon="1" version="2" visible="false"/>'
        b'<way id="5" version="2" visible="false"/>'
        b'<relation id="6" version="2" visible="false"/>'
        b'<way id="8" version="1"><nd ref="1"/></way></osm>'
    )
    assert sorted(ds.nodes) == [1]
    assert sorted(ds.ways) == [8]
    assert not ds.relations


@pytest.mark.parametrize("newest_first", [False, True], ids=["oldest-first", "newest-first"])
def test_of_duplicate_ids_the_highest_version_is_kept(newest_first):
    old = b'<node id="1" lat="1" lon="1" version="2"><tag k="name" v="old"/></node>'
    new = b'<node id="1" lat="2" lon="2" version="5"><tag k="name" v="new"/></node>'
    old_way = b'<way id="4" version="1"><nd ref="1"/><tag k="v" v="1"/></way>'
    new_way = b'<way id="4" version="3"><nd ref="1"/><tag k="v" v="3"/></way>'
    body = new + old + new_way + old_way if newest_first else old + new + old_way + new_way
    ds = parse_osm_bytes(b"<osm>" + body + b"</osm>")
    assert (ds.nodes[1].version, ds.nodes[1].tags, ds.nodes[1].lat) == (5, {"name": "new"}, 2)
    assert (ds.ways[4].version, ds.ways[4].tags) == (3, {"v": "3"})


def test_a_newer_deletion_removes_an_older_live_copy():
    ds = parse_osm_bytes(
        b'<osm><node id="1" lat="1" lon="1" version="2"/>'
        b'<node id="1" version="3" visible="false"/>'
        b'<node id="2" version="3" visible="false"/>'
        b'<node id="2" lat="1" lon="1" version="2"/></osm>'
    )
    assert not ds.nodes
