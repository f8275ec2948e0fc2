"""Bbox download against the local OSM API sandbox seeded with the Liechtenstein extract.

Independent references: the raw ``/map`` answer read by pyosmium (elements) and by GDAL's OSM
driver (geometries); the seed file read by pyosmium (the node limit case).
"""

import sqlite3
import threading

import pytest
import requests
from conftest import DATA

from osm_roundtrip.plugin.core.errors import (
    Cancelled,
    ConnectionFailed,
    HttpError,
    RateLimited,
    RequestTimeout,
)
from osm_roundtrip.plugin.core.gpkg import read_features, write_dataset
from osm_roundtrip.plugin.core.http import HttpTransport
from osm_roundtrip.plugin.core.osm.download import (
    Capabilities,
    bbox_param,
    download_bbox,
    plan_tiles,
)
from osm_roundtrip.plugin.core.osm.features import POLYGONS
from osm_roundtrip.plugin.core.osm.geometry import build_features, resolve

osmium = pytest.importorskip("osmium")
ogr = pytest.importorskip("osgeo.ogr")

VADUZ = (9.518, 47.135, 9.526, 47.141)
MULTIPOLYGON = 1690526  # landuse=forest: outer ring of 3 ways, 1 hole
MULTIPOLYGON_BOX = (9.524, 47.1178, 9.5394, 47.134)
OVER_NODE_LIMIT = (9.49, 47.11, 9.56, 47.18)


@pytest.fixture
def sandbox(osm_sandbox):
    osm_sandbox.clear_faults()
    yield osm_sandbox
    osm_sandbox.clear_faults()


@pytest.fixture
def transport():
    return HttpTransport(timeout=30)


def raw_map(sandbox, bbox, path):
    response = requests.get(sandbox.api + "/map", params={"bbox": bbox_param(bbox)}, timeout=60)
    response.raise_for_status()
    path.write_bytes(response.content)
    return path


def pyosmium_elements(path):
    out = {}
    for obj in osmium.FileProcessor(str(path)):
        kind = "node" if obj.is_node() else "way" if obj.is_way() else "relation"
        out[(kind, obj.id)] = (obj.version, {t.k: t.v for t in obj.tags})
    return out


def our_elements(ds):
    return {(e.type, e.id): (e.version, e.tags) for e in ds.elements()}


def test_capabilities_served_by_the_sandbox(sandbox, transport):
    caps = Capabilities.fetch(transport, sandbox.url)
    assert caps.served
    assert (caps.max_area, caps.max_way_nodes, caps.max_members, caps.max_changes) == (
        0.25,
        2000,
        32000,
        10000,
    )
    assert caps.readable


def test_capabilities_fall_back_when_not_served(sandbox, transport):
    sandbox.fault("status", path="capabilities", status=404, body="", times=2)
    caps = Capabilities.fetch(transport, sandbox.api)
    assert not caps.served
    assert caps.max_area == 0.25 and caps.max_nodes == 50000


def test_vaduz_box_matches_pyosmium_on_the_raw_answer(sandbox, transport, tmp_path):
    ds = download_bbox(sandbox.url, VADUZ, transport)
    reference = pyosmium_elements(raw_map(sandbox, VADUZ, tmp_path / "vaduz.osm"))
    assert our_elements(ds) == reference
    assert len(ds.nodes) > 1000 and len(ds.ways) > 100 and ds.relations
    assert ds.bounds == [VADUZ]
    summary = write_dataset(ds, tmp_path / "vaduz.gpkg", api_url=sandbox.api)
    assert summary.counts["osm_base_nodes"] == len(ds.nodes)
    assert summary.counts["osm_points"] > 50


def test_box_that_needs_tiling_equals_one_request(sandbox, transport):
    whole = download_bbox(sandbox.url, VADUZ, transport)
    seen = []
    tiled = download_bbox(
        sandbox.url,
        VADUZ,
        transport,
        capabilities=Capabilities(max_area=0.00001),
        progress=lambda done, total, message: seen.append((done, total, message)),
    )
    tiles = len(plan_tiles(VADUZ, 0.00001))
    assert tiles == 5
    assert seen[0][:2] == (0, tiles)
    assert [done for done, _, _ in seen[1:]] == list(range(1, tiles + 1))
    assert tiled == whole  # merged by id/version, duplicates along tile borders removed


def test_box_over_the_node_limit_is_split(sandbox, transport):
    seen = []
    ds = download_bbox(
        sandbox.url,
        OVER_NODE_LIMIT,
        transport,
        progress=lambda done, total, message: seen.append((done, total, message)),
    )
    assert any("Too many nodes" in message for _, _, message in seen)
    assert seen[-1][1] >= 4
    # every node of the seed inside the box came back, and every way using one of them
    west, south, east, north = OVER_NODE_LIMIT
    inside, ways = set(), set()
    for obj in osmium.FileProcessor(str(DATA / "liechtenstein.osm.pbf")):
        if obj.is_node():
            location = obj.location
            if west <= location.lon <= east and south <= location.lat <= north:
                inside.add(obj.id)
        elif obj.is_way() and any(n.ref in inside for n in obj.nodes):
            ways.add(obj.id)
    assert len(inside) > 50000
    assert inside <= set(ds.nodes)
    assert ways <= set(ds.ways)


def test_multipolygon_with_hole_and_multiway_ring_equals_gdal(sandbox, transport, tmp_path):
    ds = download_bbox(sandbox.url, MULTIPOLYGON_BOX, transport)
    features = build_features(ds)
    (polygon,) = [f for f in features.polygons if f.osm_id == MULTIPOLYGON]
    rings = resolve(polygon.geometry, ds.nodes)
    assert len(rings) == 1 and len(rings[0]) == 2
    outers = [m for m in ds.relations[MULTIPOLYGON].members if m.role == "outer"]
    assert len(outers) == 3
    raw = raw_map(sandbox, MULTIPOLYGON_BOX, tmp_path / "mp.osm")
    source = ogr.Open(str(raw))  # keep the data source alive while its layer is used
    gdal = source.GetLayerByName("multipolygons")
    gdal.SetAttributeFilter(f"osm_id = '{MULTIPOLYGON}'")
    feature = gdal.GetNextFeature()
    assert feature is not None
    theirs = feature.GetGeometryRef().Clone()
    path = tmp_path / "mp.gpkg"
    write_dataset(ds, path)
    (mine,) = [f for f in read_features(path)[POLYGONS] if f.osm_id == MULTIPOLYGON]
    geometry = ogr.Geometry(ogr.wkbMultiPolygon)
    for part in mine.geometry:
        poly = ogr.Geometry(ogr.wkbPolygon)
        for ring in part:
            linear = ogr.Geometry(ogr.wkbLinearRing)
            for x, y in ring:
                linear.AddPoint_2D(x, y)
            poly.AddGeometry(linear)
        geometry.AddGeometry(poly)
    assert geometry.SymDifference(theirs).GetArea() < 1e-12
    assert geometry.GetArea() == pytest.approx(theirs.GetArea(), abs=1e-12)


def test_incomplete_relations_are_kept_and_flagged(sandbox, transport, tmp_path):
    ds = download_bbox(sandbox.url, VADUZ, transport)
    path = tmp_path / "inc.gpkg"
    summary = write_dataset(ds, path)
    assert summary.incomplete_relations
    con = sqlite3.connect(path)
    flagged = dict(con.execute("SELECT osm_id, osm_incomplete FROM osm_relations"))
    assert set(flagged) == set(ds.relations)
    for relation_id in summary.incomplete_relations:
        assert flagged[relation_id] == 1
        members = ds.relations[relation_id].members
        assert any(ds.get(m.type, m.ref) is None for m in members)
    polygons = {
        r[0] for r in con.execute("SELECT osm_id FROM osm_polygons WHERE osm_type='relation'")
    }
    boundaries = {
        r.id
        for r in ds.relations.values()
        if r.tags.get("type") == "boundary" and r.id in summary.incomplete_relations
    }
    assert boundaries  # the country and municipality boundaries reach far out of the box
    assert not boundaries & polygons


def test_cancelled_download(sandbox, transport):
    done = []
    with pytest.raises(Cancelled):
        download_bbox(
            sandbox.url,
            VADUZ,
            transport,
            capabilities=Capabilities(max_area=0.000005),
            progress=lambda d, total, message: done.append(d),
            cancel=lambda: len(done) >= 3,
        )
    assert len(done) < 8


def test_cancel_while_waiting_for_the_rate_limit(sandbox, transport):
    sandbox.fault("status", path="/map", status=509, retry_after=30)
    stop = threading.Event()
    waited = []

    def sleep(seconds):
        waited.append(seconds)
        if sum(waited) >= 1:
            stop.set()

    with pytest.raises(Cancelled):
        download_bbox(sandbox.url, VADUZ, transport, cancel=stop.is_set, sleep=sleep)
    assert sum(waited) < 30


@pytest.mark.parametrize(
    ("status", "retry_after", "waited"),
    [(429, 2, 4), (509, None, 120)],
    ids=["429-retry-after", "509-default-60"],
)
def test_rate_limits_wait_then_succeed(sandbox, transport, status, retry_after, waited):
    options = {"retry_after": retry_after} if retry_after is not None else {}
    sandbox.fault("status", path="/map", status=status, times=2, **options)
    slept = []
    ds = download_bbox(sandbox.url, VADUZ, transport, sleep=slept.append)
    assert sum(slept) == pytest.approx(waited)
    assert ds.nodes


def test_rate_limit_that_does_not_end(sandbox, transport):
    sandbox.fault("status", path="/map", status=429, retry_after=1, times=-1)
    with pytest.raises(RateLimited) as info:
        download_bbox(sandbox.url, VADUZ, transport, sleep=lambda s: None, max_retries=3)
    assert info.value.status == 429
    assert "rate limiting" in str(info.value)


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (400, "The parameter bbox is required, and must be of the form min_lon,..."),
        (401, "Couldn't authenticate you"),
        (403, "Forbidden"),
        (404, "Not Found"),
        (405, "Method Not Allowed"),
        (410, "Gone"),
        (500, "Internal Server Error"),
        (502, "Bad Gateway"),
        (503, "Service Unavailable"),
        (504, "Gateway Timeout"),
    ],
    ids=lambda value: str(value)[:12],
)  # fmt: skip
def test_error_statuses_keep_the_server_text(sandbox, transport, status, body):
    sandbox.fault("status", path="/map", status=status, body=body)
    with pytest.raises(HttpError) as info:
        download_bbox(sandbox.url, VADUZ, transport)
    assert info.value.status == status
    assert body[:40] in str(info.value)
    assert not isinstance(info.value, RateLimited)


def test_html_error_page_is_readable(sandbox, transport):
    sandbox.fault("html", path="/map", status=503)
    with pytest.raises(HttpError, match="Service Unavailable"):
        download_bbox(sandbox.url, VADUZ, transport)


@pytest.mark.parametrize("kind", ["drop_before", "drop_after"], ids=["before", "after"])
def test_dropped_connection(sandbox, transport, kind):
    sandbox.fault(kind, path="/map")
    with pytest.raises(ConnectionFailed):
        download_bbox(sandbox.url, VADUZ, transport)


def test_slow_server_times_out(sandbox):
    sandbox.fault("delay", path="/map", seconds=3)
    with pytest.raises(RequestTimeout):
        download_bbox(sandbox.url, VADUZ, HttpTransport(timeout=0.5))
