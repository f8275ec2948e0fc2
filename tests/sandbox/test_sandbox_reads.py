"""Discovery, /map and element reads of the sandbox against the spec (§2, §3, §4, §1.4)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import requests
from lxml import etree

TINY = Path(__file__).parent / "data" / "tiny.osm"


@pytest.fixture(scope="module")
def tiny(osm_sandbox_factory):
    return osm_sandbox_factory(TINY)


def ids(text: str, kind: str) -> list[int]:
    root = etree.fromstring(text.encode())
    return [int(e.get("id")) for e in root.findall(kind)]


# -- discovery ---------------------------------------------------------------------------------


def test_versions_xml_has_no_version_attribute(tiny):
    r = requests.get(tiny.url + "/api/versions", timeout=10)
    assert r.status_code == 200
    root = etree.fromstring(r.content)
    assert root.get("version") is None
    assert root.findtext("api/version") == "0.6"


def test_versions_json(tiny):
    r = requests.get(tiny.url + "/api/versions.json", timeout=10)
    assert r.status_code == 200
    assert r.json()["api"] == {"versions": ["0.6"]}


@pytest.mark.parametrize(
    "path", ["/api/capabilities", "/api/0.6/capabilities"], ids=["legacy", "v06"]
)
def test_capabilities_production_limits(tiny, path):
    r = requests.get(tiny.url + path, timeout=10)
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "application/xml; charset=utf-8"
    api = etree.fromstring(r.content).find("api")
    assert [c.tag for c in api] == [
        "version", "area", "note_area", "tracepoints", "waynodes", "relationmembers",
        "changesets", "notes", "timeout", "status",
    ]  # fmt: skip
    assert api.find("area").get("maximum") == "0.25"
    assert api.find("waynodes").get("maximum") == "2000"
    assert api.find("relationmembers").get("maximum") == "32000"
    assert api.find("changesets").get("maximum_elements") == "10000"
    assert api.find("timeout").get("seconds") == "300"
    assert dict(api.find("status").attrib) == {
        "database": "online",
        "api": "online",
        "gpx": "online",
    }


def test_capabilities_json(tiny):
    r = requests.get(tiny.api + "/capabilities.json", timeout=10)
    assert r.status_code == 200
    api = r.json()["api"]
    assert api["area"] == {"maximum": 0.25}
    assert api["changesets"]["maximum_elements"] == 10000


def test_permissions_anonymous_and_with_token(tiny):
    r = requests.get(tiny.api + "/permissions", timeout=10)
    assert r.status_code == 200
    assert etree.fromstring(r.content).findall("permissions/permission") == []
    token = tiny.token("alice", "read_prefs write_api")
    r = requests.get(
        tiny.api + "/permissions.json", headers={"Authorization": f"Bearer {token}"}, timeout=10
    )
    assert r.status_code == 200
    assert r.json()["permissions"] == ["allow_read_prefs", "allow_write_api"]


@pytest.mark.parametrize(
    ("accept", "status", "ctype"),
    [
        ("text/xml", 200, "application/xml; charset=utf-8"),
        ("*/*", 200, "application/xml; charset=utf-8"),
        ("text/plain, */*", 200, "application/xml; charset=utf-8"),
        ("application/json, */*", 200, "application/json; charset=utf-8"),
        ("application/json", 200, "application/json; charset=utf-8"),
        ("*; q=.2", 200, "application/xml; charset=utf-8"),
        ("text/json", 406, "text/plain; charset=utf-8"),
        ("image/jpeg", 406, "text/plain; charset=utf-8"),
    ],
    ids=["text-xml", "any", "plain-any", "json-any", "json", "josm", "text-json", "jpeg"],
)
def test_map_accept_header(tiny, accept, status, ctype):
    r = requests.get(tiny.api + "/map?bbox=0,0,0.01,0.01", headers={"Accept": accept}, timeout=10)
    assert r.status_code == status
    assert r.headers["Content-Type"] == ctype
    if status == 406:
        assert r.text == (
            "Acceptable formats for /api/0.6/map are: application/xml, application/json"
        )
    elif "json" in ctype:
        assert r.json()["elements"][0]["id"] == 1
    else:
        assert ids(r.text, "node") == [1, 2]  # node 2 completes way 1


# -- /map --------------------------------------------------------------------------------------


def test_map_selection(tiny):
    r = requests.get(tiny.api + "/map?bbox=0,0,0.035,0.035", timeout=10)
    assert r.status_code == 200
    assert r.headers["Content-Disposition"] == 'attachment; filename="map.osm"'
    root = etree.fromstring(r.content)
    assert dict(root.find("bounds").attrib) == {
        "minlat": "0.0000000",
        "minlon": "0.0000000",
        "maxlat": "0.0350000",
        "maxlon": "0.0350000",
    }
    assert [c.tag for c in root] == ["bounds"] + ["node"] * 5 + ["way"] * 2 + ["relation"] * 2
    assert ids(r.text, "node") == [1, 2, 3, 4, 7]
    assert ids(r.text, "way") == [1, 2]
    # relation 1 has node 7 and way 1; relation 2 is its parent; relation 3 (node 5) is outside
    assert ids(r.text, "relation") == [1, 2]
    node3 = root.find("node[@id='3']")
    assert list(node3.attrib) == [
        "id", "visible", "version", "changeset", "timestamp", "user", "uid", "lat", "lon",
    ]  # fmt: skip
    assert (node3.get("lat"), node3.get("version")) == ("0.0250000", "2")


def test_map_completes_ways_outside_the_box(tiny):
    r = requests.get(tiny.api + "/map?bbox=0.035,0.035,0.05,0.05", timeout=10)
    assert r.status_code == 200
    assert ids(r.text, "node") == [5, 6]  # 6 lies outside but belongs to way 3
    assert ids(r.text, "way") == [3]
    assert ids(r.text, "relation") == [3]


def test_map_inclusive_zero_area_box(tiny):
    r = requests.get(tiny.api + "/map?bbox=0.02,0.02,0.02,0.02", timeout=10)
    assert r.status_code == 200
    assert ids(r.text, "node") == [1, 2, 3, 4]
    assert ids(r.text, "way") == [1, 2]


def test_map_empty_area(tiny):
    r = requests.get(tiny.api + "/map?bbox=1,1,1.1,1.1", timeout=10)
    assert r.status_code == 200
    root = etree.fromstring(r.content)
    assert [c.tag for c in root] == ["bounds"]


def test_map_json(tiny):
    r = requests.get(tiny.api + "/map.json?bbox=0,0,0.035,0.035", timeout=10)
    assert r.status_code == 200
    doc = r.json()
    assert doc["bounds"] == {"minlat": 0.0, "minlon": 0.0, "maxlat": 0.035, "maxlon": 0.035}
    first = doc["elements"][0]
    assert first == {
        "type": "node",
        "id": 1,
        "lat": 0.01,
        "lon": 0.01,
        "timestamp": "2020-05-01T10:00:00Z",
        "version": 1,
        "changeset": 1,
        "user": "seed_mapper_a",
        "uid": 11,
    }
    way = next(e for e in doc["elements"] if e["type"] == "way")
    assert way["nodes"] == [1, 2] and way["tags"] == {"highway": "residential"}
    rel = next(e for e in doc["elements"] if e["type"] == "relation")
    assert rel["members"][0] == {"type": "way", "ref": 1, "role": "outer"}


SYNTAX = "The parameter bbox is required, and must be of the form min_lon,min_lat,max_lon,max_lat."
RANGE = (
    "The latitudes must be between -90 and 90, longitudes between -180 and 180 and the minima "
    "must be less than the maxima."
)
AREA = (
    "The maximum bbox size is 0.250000, and your request was too large. Either request a smaller "
    "area, or use planet.osm"
)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", SYNTAX),
        ("?bbox=-0.1", SYNTAX),
        ("?bbox=hello", SYNTAX),
        ("?bbox=10N2W10.1N2.1W", SYNTAX),
        ("?bbox=80,-0.1,70,0.1", RANGE),
        ("?bbox=0,0.1,0.1,0", RANGE),
        ("?bbox=-181,0,0,0.1", RANGE),
        ("?bbox=-0.1,-0.1,1.1,1.1", AREA),
        ("?bbox=10,10,11,11", AREA),
    ],
    ids=[
        "missing",
        "one-number",
        "word",
        "compass",
        "lon-mixed",
        "lat-mixed",
        "out-of-world",
        "too-big",
        "one-degree",
    ],
)
def test_map_bbox_errors(tiny, query, message):
    r = requests.get(tiny.api + "/map" + query, timeout=10)
    assert r.status_code == 400
    assert r.text == message
    assert r.headers["Error"] == message


def test_map_too_many_nodes(osm_sandbox):
    r = requests.get(osm_sandbox.api + "/map?bbox=9.45,47.05,9.95,47.55", timeout=60)
    assert r.status_code == 400
    assert r.text == (
        "You requested too many nodes (limit is 50000). Either request a smaller area, "
        "or use planet.osm"
    )


def test_map_liechtenstein_box_is_fast_and_complete(osm_sandbox):
    start = time.monotonic()
    r = requests.get(osm_sandbox.api + "/map?bbox=9.50,47.12,9.54,47.15", timeout=60)
    elapsed = time.monotonic() - start
    assert r.status_code == 200
    root = etree.fromstring(r.content)
    node_ids = {int(n.get("id")) for n in root.iter("node")}
    assert len(node_ids) > 10_000
    way_refs = {int(nd.get("ref")) for nd in root.iter("nd")}
    assert way_refs <= node_ids  # every way is complete
    ways = [int(w.get("id")) for w in root.iter("way")]
    assert ways == sorted(ways)
    assert elapsed < 10


# -- element reads -----------------------------------------------------------------------------


def test_read_node(tiny):
    r = requests.get(tiny.api + "/node/3", timeout=10)
    assert r.status_code == 200
    node = etree.fromstring(r.content).find("node")
    assert node.get("version") == "2"
    assert node.find("tag").attrib == {"k": "amenity", "v": "bench"}


def test_read_node_json(tiny):
    r = requests.get(tiny.api + "/node/7.json", timeout=10)
    assert r.status_code == 200
    assert r.json()["elements"][0]["tags"] == {"name": "Seven"}


@pytest.mark.parametrize(
    ("path", "status"),
    [("/node/999", 404), ("/node/9", 410), ("/way/999", 404), ("/relation/999/full", 404)],
    ids=["unknown-node", "deleted-node", "unknown-way", "unknown-relation-full"],
)
def test_read_missing_or_deleted(tiny, path, status):
    r = requests.get(tiny.api + path, timeout=10)
    assert r.status_code == status
    assert r.text == ""


def test_multi_fetch_includes_deleted(tiny):
    r = requests.get(tiny.api + "/nodes?nodes=9,1,3", timeout=10)
    assert r.status_code == 200
    root = etree.fromstring(r.content)
    assert ids(r.text, "node") == [1, 3, 9]
    deleted = root.find("node[@id='9']")
    assert deleted.get("visible") == "false" and deleted.get("lat") is None


def test_multi_fetch_versions(tiny):
    r = requests.get(tiny.api + "/ways?ways=2,1", timeout=10)
    assert r.status_code == 200
    assert ids(r.text, "way") == [1, 2]
    r = requests.get(tiny.api + "/nodes?nodes=3v1", timeout=10)
    assert r.status_code == 404  # the seed has no history of node 3
    assert r.text == ""


@pytest.mark.parametrize(
    ("query", "status", "body"),
    [
        ("", 400, "The parameter nodes is required, and must be of the form "
                  "nodes=ID[vVER][,ID[vVER][,ID[vVER]...]]."),
        ("?nodes=", 400, "The parameter nodes is required, and must be of the form "
                         "nodes=ID[vVER][,ID[vVER][,ID[vVER]...]]."),
        ("?nodes=1,abc", 400, "The parameter nodes is required, and must be of the form "
                              "nodes=ID[vVER][,ID[vVER][,ID[vVER]...]]."),
        ("?nodes=1,999", 404, ""),
    ],
    ids=["missing", "empty", "garbage", "unknown-id"],
)  # fmt: skip
def test_multi_fetch_errors(tiny, query, status, body):
    r = requests.get(tiny.api + "/nodes" + query, timeout=10)
    assert r.status_code == status
    assert r.text == body


def test_way_full(tiny):
    r = requests.get(tiny.api + "/way/2/full", timeout=10)
    assert r.status_code == 200
    root = etree.fromstring(r.content)
    assert [c.tag for c in root] == ["node", "node", "node", "way"]
    assert ids(r.text, "node") == [2, 3, 4]


def test_relation_full_one_level(tiny):
    r = requests.get(tiny.api + "/relation/2/full", timeout=10)
    assert r.status_code == 200
    # relation 2 contains relation 1 only: its members are not expanded
    assert ids(r.text, "relation") == [1, 2]
    assert ids(r.text, "node") == [] and ids(r.text, "way") == []
    r = requests.get(tiny.api + "/relation/1/full", timeout=10)
    assert r.status_code == 200
    assert ids(r.text, "node") == [1, 2, 7]
    assert ids(r.text, "way") == [1]
    assert ids(r.text, "relation") == [1]


def test_back_references(tiny):
    r = requests.get(tiny.api + "/node/2/ways", timeout=10)
    assert r.status_code == 200
    assert ids(r.text, "way") == [1, 2]
    r = requests.get(tiny.api + "/way/1/relations", timeout=10)
    assert r.status_code == 200
    assert ids(r.text, "relation") == [1]
    r = requests.get(tiny.api + "/node/999/ways", timeout=10)
    assert r.status_code == 200
    assert ids(r.text, "way") == []


def test_history_and_version_reads(tiny):
    r = requests.get(tiny.api + "/node/8/history", timeout=10)
    assert r.status_code == 200
    assert [n.get("version") for n in etree.fromstring(r.content).findall("node")] == ["3"]
    r = requests.get(tiny.api + "/node/8/3", timeout=10)
    assert r.status_code == 200
    assert etree.fromstring(r.content).find("node").get("lat") == "0.3000000"
    r = requests.get(tiny.api + "/node/8/2", timeout=10)
    assert r.status_code == 404
    assert r.text == ""
    r = requests.get(tiny.api + "/node/999/history", timeout=10)
    assert r.status_code == 404
    assert r.text == ""


def test_liechtenstein_seed_is_normalised(osm_sandbox):
    """Seed objects without timestamp get one; version 0 (never served by production) is 1."""
    r = requests.get(osm_sandbox.api + "/map?bbox=9.52,47.13,9.53,47.14", timeout=30)
    assert r.status_code == 200
    nodes = etree.fromstring(r.content).findall("node")
    assert nodes
    assert all(n.get("timestamp", "").endswith("Z") for n in nodes)
    assert all(int(n.get("version")) >= 1 for n in nodes)
    assert {n.get("user") for n in nodes} <= {"seed_mapper_a", "seed_mapper_b", "seed_mapper_c"}
