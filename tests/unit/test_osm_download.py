import threading
import time

import pytest

from osm_roundtrip.plugin.core.errors import (
    BadPayload,
    Cancelled,
    ConnectionFailed,
    HttpError,
    RateLimited,
    TransportError,
    ValidationError,
)
from osm_roundtrip.plugin.core.http import Response, raise_for_status
from osm_roundtrip.plugin.core.osm.download import (
    Capabilities,
    api_base,
    bbox_param,
    download_bbox,
    max_workers_for,
    plan_tiles,
    quadrants,
    validate_bbox,
)

CAPS = b"""<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="test"><api><version minimum="0.6" maximum="0.6"/>
<area maximum="0.5"/><note_area maximum="25"/><tracepoints per_page="5000"/>
<waynodes maximum="1000"/><relationmembers maximum="500"/>
<changesets maximum_elements="300" default_query_limit="100" maximum_query_limit="100"/>
<timeout seconds="60"/><status database="online" api="readonly" gpx="offline"/></api></osm>"""


class FakeServer:
    """A transport answering /map from a grid of nodes (one node per 0.01° step, ids by cell).

    Nodes at (i*0.01 + 0.005, j*0.01 + 0.005) for i, j in 0..9, node limit configurable; a way
    joins each row of nodes, so ways cross tile borders and come back in several tiles.
    """

    def __init__(self, node_limit=1000, capabilities=CAPS, script=None, delay=0.0):
        self.node_limit = node_limit
        self.capabilities = capabilities
        self.script = list(script or [])  # answers served before the normal ones
        self.delay = delay
        self.requests = []
        self.active = 0
        self.max_active = 0
        self.lock = threading.Lock()

    def request(self, method, url, *, params=None, cancel=None, **kwargs):
        if cancel is not None and cancel():
            raise Cancelled()
        with self.lock:
            self.requests.append((url, dict(params or {})))
            self.active += 1
            self.max_active = max(self.max_active, self.active)
        try:
            if self.delay:
                time.sleep(self.delay)
            response = self.answer(url, params or {})
        finally:
            with self.lock:
                self.active -= 1
        raise_for_status(response)
        return response

    def answer(self, url, params):
        if url.endswith("capabilities"):
            if self.capabilities is None:
                return Response(404, {"Content-Type": "text/html"}, b"", url)
            return Response(200, {"Content-Type": "application/xml"}, self.capabilities, url)
        if self.script:
            step = self.script.pop(0)
            if isinstance(step, Exception):
                raise step
            return step
        box = [float(v) for v in params["bbox"].split(",")]
        nodes = [
            (j * 10 + i + 1, 0.005 + i * 0.01, 0.005 + j * 0.01)
            for i in range(10)
            for j in range(10)
            if box[0] <= 0.005 + i * 0.01 <= box[2] and box[1] <= 0.005 + j * 0.01 <= box[3]
        ]
        if len(nodes) > self.node_limit:
            text = (
                f"You requested too many nodes (limit is {self.node_limit}). "
                "Either request a smaller area, or use planet.osm"
            )
            return Response(400, {"Content-Type": "text/plain"}, text.encode(), url)
        rows = sorted({(node_id - 1) // 10 for node_id, _, _ in nodes})
        all_nodes = {n[0]: n for n in nodes}
        for row in rows:  # the complete ways, with all their nodes
            for i in range(10):
                node_id = row * 10 + i + 1
                all_nodes[node_id] = (node_id, 0.005 + i * 0.01, 0.005 + row * 0.01)
        parts = ['<osm version="0.6">']
        parts += [
            f'<node id="{n}" version="1" lat="{y:.7f}" lon="{x:.7f}"/>'
            for n, x, y in sorted(all_nodes.values())
        ]
        for row in rows:
            refs = "".join(f'<nd ref="{row * 10 + i + 1}"/>' for i in range(10))
            parts.append(f'<way id="{row + 1}" version="2">{refs}<tag k="highway" v="path"/></way>')
        parts.append("</osm>")
        return Response(200, {"Content-Type": "application/xml"}, "".join(parts).encode(), url)


GRID = (0.0, 0.0, 0.1, 0.1)


def caps(**kwargs):
    return Capabilities(served=True, **kwargs)


# --- capabilities ---------------------------------------------------------------------------


def test_capabilities_are_read_from_the_server():
    server = FakeServer()
    c = Capabilities.fetch(server, "http://127.0.0.1:1")
    assert c.served
    assert (c.max_area, c.max_way_nodes, c.max_members, c.max_changes, c.timeout) == (
        0.5,
        1000,
        500,
        300,
        60,
    )
    assert (c.database_status, c.api_status, c.gpx_status) == ("online", "readonly", "offline")
    assert c.readable and not c.writable
    assert server.requests[0][0] == "http://127.0.0.1:1/api/capabilities"


def test_capabilities_fall_back_to_production_defaults():
    server = FakeServer(capabilities=None)
    c = Capabilities.fetch(server, "http://127.0.0.1:1/api/0.6")
    assert not c.served
    assert (c.max_area, c.max_nodes, c.max_way_nodes, c.max_members, c.max_changes) == (
        0.25,
        50000,
        2000,
        32000,
        10000,
    )
    assert [url for url, _ in server.requests] == [
        "http://127.0.0.1:1/api/capabilities",
        "http://127.0.0.1:1/api/0.6/capabilities",
    ]


def test_capabilities_server_error_is_raised():
    class Broken(FakeServer):
        def answer(self, url, params):
            return Response(503, {"Content-Type": "text/plain"}, b"Database offline", url)

    with pytest.raises(HttpError, match="Database offline"):
        Capabilities.fetch(Broken(), "http://x")


def test_capabilities_garbage_is_bad_payload():
    with pytest.raises(BadPayload):
        Capabilities.parse(b"<osm><api", "x")
    with pytest.raises(BadPayload, match="not an API capabilities"):
        Capabilities.parse(b"<osm/>", "x")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://api.openstreetmap.org", "https://api.openstreetmap.org/api/0.6"),
        ("https://api.openstreetmap.org/", "https://api.openstreetmap.org/api/0.6"),
        ("http://127.0.0.1:8111/api/0.6/", "http://127.0.0.1:8111/api/0.6"),
        ("http://127.0.0.1:8111/api", "http://127.0.0.1:8111/api/0.6"),
        ("", "https://api.openstreetmap.org/api/0.6"),
    ],
    ids=["host", "slash", "versioned", "api", "default"],
)
def test_api_base(url, expected):
    assert api_base(url) == expected


# --- bbox -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bbox", "match"),
    [
        ((1, 2, 3), "four numbers"),
        ("abcd", "not a number"),
        ((9.5, 47.1, "x", 47.2), "max_lon is not a number"),
        ((9.5, 47.1, float("nan"), 47.2), "not a number"),
        ((-181, 47.1, 9.6, 47.2), "longitude min_lon = -181.0 is outside"),
        ((9.5, 47.1, 9.6, 91), "latitude max_lat = 91.0 is outside"),
        ((9.6, 47.1, 9.5, 47.2), r"min_lon \(9.6\) must be smaller than max_lon \(9.5\)"),
        ((9.5, 47.2, 9.6, 47.2), "min_lat"),
    ],
    ids=["three", "string", "text", "nan", "lon-range", "lat-range", "lon-order", "lat-equal"],
)
def test_validate_bbox_errors(bbox, match):
    with pytest.raises(ValidationError, match=match):
        validate_bbox(bbox)


def test_validate_bbox_area_limit():
    assert validate_bbox(["9.5", 47.1, 9.6, 47.2]) == (9.5, 47.1, 9.6, 47.2)
    with pytest.raises(ValidationError, match=r"at most 0\.005"):
        validate_bbox((9.5, 47.1, 9.6, 47.2), max_area=0.005)


# --- tiling ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bbox", "max_area", "count"),
    [
        ((9.5, 47.1, 9.6, 47.2), 0.25, 1),
        ((0, 0, 1, 1), 0.25, 4),
        ((0, 0, 2, 0.1), 0.25, 1),
        ((0, 0, 3, 0.1), 0.25, 2),
        ((0, 0, 0.1, 0.1), 0.0025, 5),  # 0.05 * 0.05 is just above 0.0025 in floating point
        ((-180, -90, 180, 90), 0.25, 259200),
    ],
    ids=["fits", "square", "long-fits", "long", "float-edge", "world"],
)
def test_plan_tiles_cover_the_box_within_the_limit(bbox, max_area, count):
    tiles = plan_tiles(bbox, max_area)
    assert len(tiles) == count
    area = sum((t[2] - t[0]) * (t[3] - t[1]) for t in tiles)
    total = (bbox[2] - bbox[0]) * (bbox[3] - bbox[1])
    assert area == pytest.approx(total)
    assert all((t[2] - t[0]) * (t[3] - t[1]) <= max_area for t in tiles)
    assert min(t[0] for t in tiles) == bbox[0] and max(t[2] for t in tiles) == bbox[2]
    assert min(t[1] for t in tiles) == bbox[1] and max(t[3] for t in tiles) == bbox[3]


def test_quadrants_and_bbox_param():
    assert quadrants((0, 0, 2, 2)) == [(0, 0, 1, 1), (1, 0, 2, 1), (0, 1, 1, 2), (1, 1, 2, 2)]
    assert bbox_param((9.5, 47.0, -0.00000001, 1 / 3)) == "9.5,47,0,0.3333333"


@pytest.mark.parametrize(
    ("url", "asked", "expected"),
    [
        ("https://api.openstreetmap.org", 8, 2),
        ("https://api.openstreetmap.org/api/0.6", 1, 1),
        ("http://127.0.0.1:8111", 8, 8),
        ("http://127.0.0.1:8111", 0, 1),
    ],
    ids=["public-capped", "public-one", "local", "at-least-one"],
)
def test_concurrency_cap(url, asked, expected):
    assert max_workers_for(url, asked) == expected


# --- download -------------------------------------------------------------------------------


def test_single_request_download():
    server = FakeServer()
    ds = download_bbox("http://s", GRID, server, capabilities=caps())
    assert len(ds.nodes) == 100 and len(ds.ways) == 10
    assert ds.bounds == [GRID]
    assert server.requests == [("http://s/api/0.6/map", {"bbox": "0,0,0.1,0.1"})]


def test_tiles_are_merged_and_deduplicated_with_progress():
    server = FakeServer()
    single = download_bbox("http://s", GRID, FakeServer(), capabilities=caps())
    seen = []
    ds = download_bbox(
        "http://s",
        GRID,
        server,
        capabilities=caps(max_area=0.0026),
        progress=lambda done, total, message: seen.append((done, total)),
    )
    assert len(server.requests) == 4
    assert ds == single
    assert seen[0] == (0, 4)
    assert sorted(seen[1:]) == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_too_many_nodes_splits_into_quadrants_recursively():
    server = FakeServer(node_limit=10)
    ds = download_bbox("http://s", GRID, server, capabilities=caps())
    assert ds == download_bbox("http://s", GRID, FakeServer(), capabilities=caps())
    # 1 refused, 4 refused (25 nodes each), 16 answered (<= 9 nodes each)
    assert len(server.requests) == 21


def test_split_depth_is_bounded():
    server = FakeServer(node_limit=0)
    with pytest.raises(ValidationError, match=r"refuses the area .* too many nodes"):
        download_bbox("http://s", GRID, server, capabilities=caps(), max_split_depth=1)
    assert 2 <= len(server.requests) <= 5  # stops at the first quadrant refused again


def test_a_server_that_always_refuses_gets_a_bounded_number_of_requests():
    server = FakeServer(node_limit=0)
    with pytest.raises(ValidationError) as info:
        download_bbox("http://s", GRID, server, capabilities=caps())
    # 1 refused, 4 refused, 16 refused: the next split would pass 64 requests for parts
    assert len(server.requests) <= 21
    message = str(info.value)
    assert message.startswith("The server refuses the area ")
    assert "as too large even after splitting it" in message
    assert message.endswith("Choose a smaller area.")


@pytest.mark.parametrize("status", [429, 509], ids=["429", "509"])
def test_rate_limit_waits_retry_after_then_succeeds(status):
    limited = Response(status, {"Retry-After": "3", "Content-Type": "text/plain"}, b"slow", "u")
    server = FakeServer(script=[limited, limited])
    slept = []
    ds = download_bbox("http://s", GRID, server, capabilities=caps(), sleep=slept.append)
    assert len(ds.nodes) == 100
    assert sum(slept) == pytest.approx(6)


def test_rate_limit_attempts_are_bounded():
    limited = Response(429, {"Retry-After": "1", "Content-Type": "text/plain"}, b"later", "u")
    server = FakeServer(script=[limited] * 10)
    with pytest.raises(RateLimited, match="later"):
        download_bbox(
            "http://s", GRID, server, capabilities=caps(), sleep=lambda s: None, max_retries=2
        )
    assert len(server.requests) == 3


def test_rate_limit_wait_is_cancellable():
    limited = Response(509, {"Retry-After": "30", "Content-Type": "text/plain"}, b"bw", "u")
    server = FakeServer(script=[limited])
    flag = threading.Event()

    def sleep(seconds):
        flag.set()

    with pytest.raises(Cancelled):
        download_bbox(
            "http://s", GRID, server, capabilities=caps(), sleep=sleep, cancel=flag.is_set
        )


def test_cancel_between_tiles():
    server = FakeServer()
    done = []

    def progress(d, total, message):
        done.append(d)

    with pytest.raises(Cancelled):
        download_bbox(
            "http://s",
            GRID,
            server,
            capabilities=caps(max_area=0.0001),
            progress=progress,
            cancel=lambda: len(done) >= 3,
            max_workers=1,
        )
    assert len(server.requests) < 100


def test_cancel_before_start_sends_nothing():
    server = FakeServer()
    with pytest.raises(Cancelled):
        download_bbox("http://s", GRID, server, cancel=lambda: True)
    assert server.requests == []


@pytest.mark.parametrize(
    ("workers", "url", "expected"),
    [(2, "http://s", 2), (4, "http://s", 4), (8, "https://api.openstreetmap.org", 2)],
    ids=["two", "four", "public-capped"],
)
def test_bounded_concurrency(workers, url, expected):
    server = FakeServer(delay=0.02)
    download_bbox(url, GRID, server, capabilities=caps(max_area=0.00041), max_workers=workers)
    assert len(server.requests) == 25
    assert server.max_active == expected


def text(status, body, content_type="text/plain"):
    return Response(status, {"Content-Type": content_type}, body, "u")


@pytest.mark.parametrize(
    ("answer", "error", "match"),
    [
        (text(400, b"The parameter bbox is required"), HttpError, "bbox is required"),
        (text(500, b"Internal failure"), HttpError, "HTTP 500"),
        (text(503, b"<html><body><h1>Down</h1></body></html>", "text/html"), HttpError, "Down"),
        (text(410, b""), HttpError, "HTTP 410"),
        (text(200, b"<!DOCTYPE html><html>x</html>", "text/html"), BadPayload, "web page"),
        (text(200, b'<osm><node id="1" lat="1"', "application/xml"), BadPayload, "line 1"),
        (
            ConnectionFailed("Could not connect to {host}: {reason}", host="h", reason="refused"),
            ConnectionFailed,
            "refused",
        ),
    ],
    ids=["400", "500", "503-html", "410", "200-html", "truncated", "connection"],
)
def test_errors_are_typed_with_the_server_text(answer, error, match):
    server = FakeServer(script=[answer])
    with pytest.raises(error, match=match):
        download_bbox("http://s", GRID, server, capabilities=caps())


def test_offline_api_is_refused_before_download():
    server = FakeServer()
    with pytest.raises(TransportError, match="not available for reading"):
        download_bbox("http://s", GRID, server, capabilities=caps(api_status="offline"))
    assert server.requests == []


def test_too_many_tiles_is_a_validation_error():
    with pytest.raises(ValidationError, match="needs 4 requests"):
        download_bbox(
            "http://s", (0, 0, 1, 1), FakeServer(), capabilities=caps(max_area=0.25), max_tiles=3
        )


def test_capabilities_fetched_when_not_given():
    server = FakeServer()
    download_bbox("http://s", GRID, server)
    assert server.requests[0][0] == "http://s/api/capabilities"
    assert server.requests[1][0] == "http://s/api/0.6/map"
