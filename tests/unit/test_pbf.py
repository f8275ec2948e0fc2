"""The PBF reader against the XML reader, with osmium-tool as the independent converter.

osmium writes each test's data both as OSM XML and as OSM PBF (dense and plain nodes, zlib and
raw blocks, history files); the two readers must give the same data set, element by element,
metadata included. Hostile files, built block by block here, must each fail fast with their own
message.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import time
import zlib

import pytest
from conftest import DATA

from osm_roundtrip.plugin.core.errors import Cancelled
from osm_roundtrip.plugin.core.osm.pbf import OsmPbfError, load_pbf_file
from osm_roundtrip.plugin.core.osm.reader import is_pbf_file, read_osm_file
from osm_roundtrip.plugin.core.osm.xmlreader import OsmXmlError, load_osm_file

PBF = DATA / "liechtenstein.osm.pbf"
BOX = "9.52,47.115,9.54,47.135"  # Vaduz

needs_osmium = pytest.mark.skipif(
    not shutil.which("osmium"), reason="osmium-tool (Debian package osmium-tool) is not installed"
)

SMALL = """<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="hand">
  <bounds minlat="-33.9" minlon="-70.7" maxlat="47.2" maxlon="151.3"/>
  <node id="1" version="3" changeset="11" timestamp="2020-01-02T03:04:05Z" user="Zoë" uid="42"
        lat="-33.8688197" lon="151.2092955">
    <tag k="name" v="Café ☕ Sydney"/>
    <tag k="name:ja" v="シドニーのカフェ"/>
    <tag k="amenity" v="cafe"/>
  </node>
  <node id="2" version="1" changeset="12" timestamp="2019-12-31T23:59:59Z" user="a" uid="1"
        lat="-0.0000001" lon="-70.6693"/>
  <node id="3" version="7" changeset="13" timestamp="2021-06-01T00:00:00Z" user="a" uid="1"
        lat="47.1" lon="-0.0000001"/>
  <node id="4" version="2" changeset="13" timestamp="2021-06-01T00:00:00Z" user="a" uid="1"
        lat="-89.9999999" lon="-179.9999999"/>
  <node id="5" version="1" changeset="15" timestamp="2021-06-01T00:00:01Z" user="b" uid="2"
        lat="90" lon="180">
    <tag k="note" v="a &quot;quoted&quot; &amp; &lt;escaped&gt; value"/>
  </node>
  <node id="-5" version="1" changeset="14" timestamp="2021-06-01T00:00:00Z" lat="0" lon="0"/>
  <way id="10" version="4" changeset="16" timestamp="2022-02-02T02:02:02Z" user="Zoë" uid="42">
    <nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="1"/>
    <tag k="landuse" v="grass"/>
  </way>
  <way id="11" version="1" changeset="16" timestamp="2022-02-02T02:02:02Z" user="Zoë" uid="42">
    <nd ref="4"/><nd ref="5"/><nd ref="-5"/>
  </way>
  <way id="-12" version="1" changeset="16" timestamp="2022-02-02T02:02:02Z" user="Zoë" uid="42">
    <nd ref="5"/><nd ref="4"/><tag k="highway" v="path"/>
  </way>
  <relation id="20" version="2" changeset="17" timestamp="2023-03-03T03:03:03Z" user="a" uid="1">
    <member type="node" ref="1" role="admin_centre"/>
    <member type="way" ref="10" role="outer"/>
    <member type="way" ref="11" role=""/>
    <member type="relation" ref="21" role="subarea"/>
    <member type="node" ref="999" role="label"/>
    <member type="way" ref="-12" role="straße"/>
    <tag k="type" v="boundary"/><tag k="name" v="Ünïcødé"/>
  </relation>
  <relation id="21" version="1" changeset="18" timestamp="2023-03-03T03:03:04Z" user="a" uid="1">
    <member type="relation" ref="20" role=""/>
    <tag k="type" v="site"/>
  </relation>
  <relation id="22" version="1" changeset="18" timestamp="2023-03-03T03:03:04Z" user="a" uid="1"/>
</osm>
"""

HISTORY = """<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="hand">
  <node id="1" version="1" visible="true" changeset="1" timestamp="2020-01-01T00:00:00Z"
        user="a" uid="1" lat="1" lon="1"/>
  <node id="1" version="2" visible="true" changeset="2" timestamp="2020-01-02T00:00:00Z"
        user="a" uid="1" lat="1.5" lon="1"><tag k="v" v="2"/></node>
  <node id="2" version="1" visible="true" changeset="1" timestamp="2020-01-01T00:00:00Z"
        user="a" uid="1" lat="2" lon="2"/>
  <node id="2" version="2" visible="false" changeset="3" timestamp="2020-01-03T00:00:00Z"
        user="a" uid="1"/>
  <node id="3" version="1" visible="true" changeset="1" timestamp="2020-01-01T00:00:00Z"
        user="a" uid="1" lat="3" lon="3"/>
  <way id="7" version="1" visible="true" changeset="1" timestamp="2020-01-01T00:00:00Z"
       user="a" uid="1"><nd ref="1"/><nd ref="3"/></way>
  <way id="7" version="2" visible="false" changeset="4" timestamp="2020-01-04T00:00:00Z"
       user="a" uid="1"/>
</osm>
"""


def osmium(*args) -> None:
    subprocess.run(["osmium", *map(str, args), "--no-progress"], check=True)


def assert_same(pbf_set, xml_set) -> None:
    """Every element equal, metadata included, and the same bounding boxes."""
    for table in ("nodes", "ways", "relations"):
        ours, theirs = getattr(pbf_set, table), getattr(xml_set, table)
        assert set(ours) == set(theirs), table
        for element_id, expected in theirs.items():
            got = ours[element_id]
            assert got == expected, (table, element_id)
            assert (got.changeset, got.timestamp, got.user, got.uid) == (
                expected.changeset,
                expected.timestamp,
                expected.user,
                expected.uid,
            ), (table, element_id)
            if table == "nodes":  # identical doubles: the same 10^-7 degrees
                assert (got.lat, got.lon) == (expected.lat, expected.lon), element_id
    assert pbf_set.bounds == xml_set.bounds
    assert pbf_set == xml_set


def both(tmp_path, name: str, source_xml: str, *options: str, kind: str = "osm"):
    """Write ``source_xml`` as PBF with osmium's ``options``, and back to XML; read both.

    ``kind`` "osh": a history file (osmium keeps ``visible`` only in those)."""
    source = tmp_path / f"{name}.source.{kind}"
    source.write_text(source_xml, encoding="utf-8")
    pbf = tmp_path / f"{name}.{kind}.pbf"
    fmt = ",".join((f"{kind}.pbf", *options))
    osmium("cat", source, "-o", pbf, "-O", "-f", fmt)
    back = tmp_path / f"{name}.{kind}"
    osmium("cat", pbf, "-o", back, "-O", "-f", kind)
    return load_pbf_file(pbf), load_osm_file(back)


# --- same data as the XML reader --------------------------------------------------------------


@needs_osmium
@pytest.mark.parametrize(
    "options",
    [
        ("pbf_compression=zlib",),
        ("pbf_compression=none",),
        ("pbf_dense_nodes=false", "pbf_compression=zlib"),
        ("pbf_dense_nodes=false", "pbf_compression=none", "add_metadata=false"),
        ("add_metadata=false",),
    ],
)
def test_hand_written_data_same_as_xml(tmp_path, options):
    pbf_set, xml_set = both(tmp_path, "small", SMALL, *options)
    assert_same(pbf_set, xml_set)
    assert len(pbf_set.nodes) == 6 and len(pbf_set.ways) == 3 and len(pbf_set.relations) == 3
    relation = pbf_set.relations[20]
    assert [tuple(m) for m in relation.members] == [
        ("node", 1, "admin_centre"),
        ("way", 10, "outer"),
        ("way", 11, ""),
        ("relation", 21, "subarea"),
        ("node", 999, "label"),
        ("way", -12, "straße"),
    ]
    assert relation.tags == {"type": "boundary", "name": "Ünïcødé"}
    assert pbf_set.relations[22].members == [] and pbf_set.relations[22].tags == {}
    assert pbf_set.nodes[1].tags["name"] == "Café ☕ Sydney"
    assert pbf_set.nodes[2].tags == {} and pbf_set.nodes[2].lat == -0.0000001
    assert (pbf_set.nodes[4].lat, pbf_set.nodes[4].lon) == (-89.9999999, -179.9999999)
    assert pbf_set.ways[-12].nodes == [5, 4]
    assert pbf_set.bounds == [(-70.7, -33.9, 151.3, 47.2)]
    if "add_metadata=false" not in options:
        node = pbf_set.nodes[1]
        assert (node.version, node.changeset, node.user, node.uid) == (3, 11, "Zoë", 42)
        assert node.timestamp == "2020-01-02T03:04:05Z"


@needs_osmium
@pytest.mark.parametrize("options", [("pbf_compression=zlib",), ("pbf_dense_nodes=false",)])
def test_history_file_keeps_the_newest_live_versions(tmp_path, options):
    pbf_set, xml_set = both(tmp_path, "history", HISTORY, *options, kind="osh")
    assert_same(pbf_set, xml_set)
    assert set(pbf_set.nodes) == {1, 3} and pbf_set.nodes[1].version == 2
    assert pbf_set.ways == {}


@needs_osmium
def test_clipped_extract_same_as_xml(tmp_path):
    pbf = tmp_path / "vaduz.osm.pbf"
    osmium("extract", "-b", BOX, PBF, "-o", pbf, "-O", "-f", "pbf,pbf_compression=zlib")
    xml = tmp_path / "vaduz.osm"
    osmium("cat", pbf, "-o", xml, "-O")
    pbf_set = load_pbf_file(pbf)
    assert len(pbf_set.nodes) > 10_000 and pbf_set.ways and pbf_set.relations
    assert_same(pbf_set, load_osm_file(xml))


@needs_osmium
def test_locations_on_ways_are_ignored(tmp_path):
    """A file with node locations in its ways (optional feature LocationsOnWays) reads the same."""
    plain = tmp_path / "vaduz.osm.pbf"
    osmium("extract", "-b", BOX, PBF, "-o", plain, "-O")
    located = tmp_path / "located.osm.pbf"
    osmium(
        "add-locations-to-ways", "-n", plain, "-o", located, "-O", "-f", "pbf,pbf_compression=none"
    )
    assert b"LocationsOnWays" in located.read_bytes()[:200]
    assert_same(load_pbf_file(located), load_pbf_file(plain))


@needs_osmium
def test_whole_bundled_file_same_as_xml(tmp_path):
    xml = tmp_path / "liechtenstein.osm"
    osmium("cat", PBF, "-o", xml, "-O")
    start = time.perf_counter()
    pbf_set = load_pbf_file(PBF)
    seconds = time.perf_counter() - start
    assert (len(pbf_set.nodes), len(pbf_set.ways), len(pbf_set.relations)) == (383_352, 36_530, 911)
    assert_same(pbf_set, load_osm_file(xml))
    untagged = [node for node in pbf_set.nodes.values() if not node.tags]
    assert len(untagged) > 300_000
    assert sum(node.version > 0 for node in untagged) > 300_000
    assert seconds < 30  # a few seconds on a laptop; generous for a loaded test machine


def test_progress_and_cancel():
    seen = []
    dataset = load_pbf_file(PBF, progress=lambda done, total, _m: seen.append((done, total)))
    assert len(dataset.nodes) == 383_352
    size = PBF.stat().st_size
    assert seen[-1] == (size, size) and len(seen) > 10
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) >= 3

    with pytest.raises(Cancelled):
        load_pbf_file(PBF, cancel=cancel)
    assert len(calls) == 3


# --- the dispatcher ---------------------------------------------------------------------------


@needs_osmium
def test_dispatcher_chooses_by_content_not_name(tmp_path):
    source = tmp_path / "small.osm"
    source.write_text(SMALL, encoding="utf-8")
    pbf_named_osm = tmp_path / "really_pbf.osm"
    osmium("cat", source, "-o", pbf_named_osm, "-O", "-f", "pbf")
    xml_named_pbf = tmp_path / "really_xml.osm.pbf"
    xml_named_pbf.write_text(SMALL, encoding="utf-8")
    assert is_pbf_file(pbf_named_osm) and not is_pbf_file(xml_named_pbf)
    expected = load_osm_file(source)
    assert_same(read_osm_file(pbf_named_osm), expected)
    assert read_osm_file(xml_named_pbf) == expected
    assert read_osm_file(source) == expected
    seen = []
    read_osm_file(pbf_named_osm, progress=lambda *a: seen.append(a), cancel=lambda: False)
    assert seen


def test_dispatcher_reports_a_missing_file(tmp_path):
    with pytest.raises(OsmXmlError, match=r"Could not read the file nope.osm.pbf"):
        read_osm_file(tmp_path / "nope.osm.pbf")


# --- hostile files ----------------------------------------------------------------------------


def varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def field(number: int, value) -> bytes:
    if isinstance(value, int):
        return varint(number << 3) + varint(value)
    return varint(number << 3 | 2) + varint(len(value)) + value


def block(kind: str, blob: bytes, datasize=None) -> bytes:
    header = field(1, kind.encode()) + field(3, len(blob) if datasize is None else datasize)
    return struct.pack(">I", len(header)) + header + blob


def zlib_blob(data: bytes, raw_size=None) -> bytes:
    return field(2, len(data) if raw_size is None else raw_size) + field(3, zlib.compress(data))


HEADER = field(4, b"OsmSchema-V0.6") + field(4, b"DenseNodes")
# one dense node: id 7, lat 47.1, lon 9.5, tag name=x
DENSE = (
    field(1, varint(14))  # zigzag(7)
    + field(8, varint(942_000_000))  # zigzag(471_000_000)
    + field(9, varint(190_000_000))
    + field(10, bytes([1, 2, 0]))
)
DATA_BLOCK = field(1, field(1, b"") + field(1, b"name") + field(1, b"x")) + field(
    2, field(2, DENSE)
)
GOOD = block("OSMHeader", zlib_blob(HEADER)) + block("OSMData", zlib_blob(DATA_BLOCK))


def read(tmp_path, content: bytes, name: str = "bad.osm.pbf"):
    path = tmp_path / name
    path.write_bytes(content)
    start = time.perf_counter()
    try:
        return read_osm_file(path)
    finally:
        assert time.perf_counter() - start < 2


def test_hand_built_file_reads(tmp_path):
    dataset = read(tmp_path, GOOD, "good.osm.pbf")
    node = dataset.nodes[7]
    assert (node.lat, node.lon, node.tags, node.version) == (47.1, 9.5, {"name": "x"}, 0)
    assert load_pbf_file(tmp_path / "good.osm.pbf") == dataset


@pytest.mark.parametrize("cut", [2, 10, 30, len(GOOD) - 1])
def test_truncated_file(tmp_path, cut):
    with pytest.raises(OsmPbfError, match=r"is truncated|is not an OSM PBF file") as info:
        read(tmp_path, GOOD[:cut])
    if cut > 30:
        assert "bad.osm.pbf is truncated: its block at byte" in str(info.value)


def test_oversize_block_header(tmp_path):
    content = block("OSMHeader", zlib_blob(HEADER)) + struct.pack(">I", 70_000) + b"\0" * 100
    with pytest.raises(OsmPbfError, match=r"block header of 70000 bytes .* at most 64 KiB"):
        read(tmp_path, content)


def test_oversize_blob(tmp_path):
    content = block("OSMHeader", zlib_blob(HEADER)) + block("OSMData", b"", 40 << 20)
    with pytest.raises(OsmPbfError, match=r"data block of 41943040 bytes .* at most 32 MiB"):
        read(tmp_path, content)


def test_bad_zlib_stream(tmp_path):
    broken = field(2, 100) + field(3, b"x\x9c" + b"\xff" * 40)
    content = block("OSMHeader", zlib_blob(HEADER)) + block("OSMData", broken)
    with pytest.raises(OsmPbfError, match=r"damaged compressed block at byte"):
        read(tmp_path, content)


@pytest.mark.parametrize("declared", [10, len(DATA_BLOCK) + 5, 1_000_000])
def test_wrong_raw_size(tmp_path, declared):
    content = block("OSMHeader", zlib_blob(HEADER)) + block(
        "OSMData", zlib_blob(DATA_BLOCK, declared)
    )
    with pytest.raises(OsmPbfError, match=rf"instead of the {declared} it declares"):
        read(tmp_path, content)


def test_zlib_bomb_is_stopped_at_the_declared_size(tmp_path):
    bomb = field(2, 1000) + field(3, zlib.compress(b"\0" * (30 << 20)))
    content = block("OSMHeader", zlib_blob(HEADER)) + block("OSMData", bomb)
    with pytest.raises(OsmPbfError, match=r"more than 1000 bytes instead of the 1000"):
        read(tmp_path, content)


@pytest.mark.parametrize("number,name", [(4, "lzma"), (6, "lz4"), (7, "zstd")])
def test_other_compressions_are_refused_by_name(tmp_path, number, name):
    content = block("OSMHeader", zlib_blob(HEADER)) + block(
        "OSMData", field(2, 10) + field(number, b"\x28\xb5\x2f\xfd")
    )
    with pytest.raises(OsmPbfError, match=rf"uses {name} compression .* only zlib"):
        read(tmp_path, content)


def test_not_pbf_xml_renamed(tmp_path):
    """An XML file named .pbf is read as what it is; garbage named .pbf is "not PBF"."""
    assert read(tmp_path, SMALL.encode(), "renamed.osm.pbf").nodes[1].tags["amenity"] == "cafe"
    with pytest.raises(OsmPbfError, match=r"renamed.osm.pbf is not an OSM PBF file"):
        load_pbf_file(tmp_path / "renamed.osm.pbf")  # the PBF reader itself
    for content in (b"\x00\x00\x00\x05hello", b"PK\x03\x04" + b"\0" * 50, b"\xff" * 100):
        with pytest.raises(OsmPbfError, match=r"is not an OSM PBF file"):
            read(tmp_path, content, "renamed.pbf")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.osm.pbf"
    path.write_bytes(b"")
    with pytest.raises(OsmPbfError, match=r"empty.osm.pbf is empty"):
        load_pbf_file(path)


def test_unknown_required_feature_is_named(tmp_path):
    header = HEADER + field(4, b"LocationsOnWays") + field(5, b"Sort.Type_then_ID")
    content = block("OSMHeader", zlib_blob(header)) + block("OSMData", zlib_blob(DATA_BLOCK))
    with pytest.raises(OsmPbfError, match=r"requires the feature \u201cLocationsOnWays\u201d"):
        read(tmp_path, content)


def test_optional_features_and_unknown_blocks_are_fine(tmp_path):
    header = HEADER + field(4, b"HistoricalInformation") + field(5, b"Sort.Type_then_ID")
    content = (
        block("OSMHeader", zlib_blob(header))
        + block("OSMData", zlib_blob(DATA_BLOCK))
        + block("SomethingNew", field(1, b"ignored"))
    )
    assert list(read(tmp_path, content).nodes) == [7]


def test_overlong_varint_fails_fast(tmp_path):
    dense = field(1, b"\xff" * 1_000_000 + b"\x01")
    data = field(1, field(1, b"")) + field(2, field(2, dense))
    content = block("OSMHeader", zlib_blob(HEADER)) + block("OSMData", zlib_blob(data))
    with pytest.raises(OsmPbfError, match=r"invalid data in the block at byte"):
        read(tmp_path, content)


@pytest.mark.parametrize(
    "group",
    [
        field(2, field(1, varint(14)) + field(8, varint(2)) + field(10, bytes([5, 6, 0]))),
        field(2, field(1, varint(14)) + field(8, varint(2)) + field(9, varint(2) * 2)),
        field(3, field(1, 5) + field(2, bytes([1])) + field(8, varint(2))),
        field(4, field(1, 5) + field(8, bytes([1])) + field(9, varint(2)) + field(10, b"\x07")),
    ],
    ids=["string-index", "array-lengths", "keys-values", "member-type"],
)
def test_inconsistent_blocks(tmp_path, group):
    data = field(1, field(1, b"") + field(1, b"a")) + field(2, group)
    content = block("OSMHeader", zlib_blob(HEADER)) + block("OSMData", zlib_blob(data))
    with pytest.raises(OsmPbfError, match=r"invalid data in the block at byte"):
        read(tmp_path, content)


def test_impossible_position(tmp_path):
    dense = field(1, varint(14)) + field(8, varint(2 * 910_000_000)) + field(9, varint(0))
    data = field(1, field(1, b"")) + field(2, field(2, dense))
    content = block("OSMHeader", zlib_blob(HEADER)) + block("OSMData", zlib_blob(data))
    with pytest.raises(OsmPbfError, match=r"node 7 at an impossible position"):
        read(tmp_path, content)


def test_raw_block_with_wrong_raw_size(tmp_path):
    content = block("OSMHeader", zlib_blob(HEADER)) + block(
        "OSMData", field(1, DATA_BLOCK) + field(2, len(DATA_BLOCK) + 1)
    )
    with pytest.raises(OsmPbfError, match=rf"instead of the {len(DATA_BLOCK) + 1} it declares"):
        read(tmp_path, content)


@pytest.mark.parametrize(
    "data",
    [
        field(1, field(1, b"")) + field(2, field(2, field(1, 5))),  # ids as a number
        field(1, field(1, b"\xff\xfe")) + field(2, field(2, DENSE)),  # bad UTF-8
        field(1, field(1, b"") + field(1, b"name") + field(1, b"x"))
        + field(2, field(2, DENSE + field(5, field(2, varint(1 << 62))))),  # year 10^8
    ],
    ids=["wire-type", "utf-8", "timestamp"],
)
def test_malformed_primitives(tmp_path, data):
    content = block("OSMHeader", zlib_blob(HEADER)) + block("OSMData", zlib_blob(data))
    with pytest.raises(OsmPbfError, match=r"invalid data in the block at byte \d+"):
        read(tmp_path, content)


@needs_osmium
def test_damaged_bytes_give_an_error_or_data_never_a_crash(tmp_path):
    """Flip bytes of a small real file: each read ends with data or an OsmPbfError, quickly."""
    import random

    source = tmp_path / "small.osm"
    source.write_text(SMALL, encoding="utf-8")
    original = tmp_path / "small.osm.pbf"
    osmium("cat", source, "-o", original, "-O", "-f", "pbf,pbf_compression=none")
    content = original.read_bytes()
    rng = random.Random(20261206)
    outcomes = {"data": 0, "error": 0}
    for attempt in range(400):
        damaged = bytearray(content)
        for _ in range(rng.randint(1, 4)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        path = tmp_path / "damaged.osm.pbf"
        path.write_bytes(bytes(damaged))
        start = time.perf_counter()
        try:
            load_pbf_file(path)
            outcomes["data"] += 1
        except OsmPbfError:
            outcomes["error"] += 1
        assert time.perf_counter() - start < 1, attempt
    assert outcomes["data"] and outcomes["error"]
