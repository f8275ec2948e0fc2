"""NominatimClient against a small local HTTP server that answers like a (failing) Nominatim.

The server listens on 127.0.0.1 only; the first path segment of the endpoint's base URL picks
what it answers (``/ok/search``, ``/429/search``, …), and it records every request it receives.
"""

from __future__ import annotations

import contextlib
import http.server
import socket
import threading
import time
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from osm_roundtrip.plugin.core.errors import (
    BadPayload,
    Cancelled,
    ConnectionFailed,
    HttpError,
    RateLimited,
    RequestTimeout,
    ValidationError,
)
from osm_roundtrip.plugin.core.http import HttpTransport, Throttle
from osm_roundtrip.plugin.core.nominatim import (
    Endpoint,
    NominatimClient,
    ResponseCache,
    ReverseQuery,
    SearchQuery,
)
from osm_roundtrip.plugin.core.version import USER_AGENT

DATA = Path(__file__).resolve().parent / "data" / "nominatim"
JSON = "application/json; charset=utf-8"
HTML = "text/html; charset=utf-8"
XML = "text/xml; charset=utf-8"
BLOCK_PAGE = (
    b"<html><head><title>Access blocked</title></head><body><h1>Access blocked</h1>"
    b"<p>You have been blocked because you have violated the usage policy of OSM's Nominatim "
    b"geocoding service.</p></body></html>"
)

ROUTES = {
    "ok": (200, JSON, (DATA / "search_vaduz.jsonv2.json").read_bytes(), {}),
    "okxml": (200, XML, (DATA / "search_vaduz.xml").read_bytes(), {}),
    "okgeojson": (200, JSON, (DATA / "search_vaduz.geojson.json").read_bytes(), {}),
    "reverse": (200, JSON, (DATA / "reverse.jsonv2.json").read_bytes(), {}),
    "nothing": (200, JSON, (DATA / "reverse_nothing.jsonv2.json").read_bytes(), {}),
    "429": (429, "text/plain", b"Too Many Requests", {"Retry-After": "3"}),
    "429short": (429, "text/plain", b"Too Many Requests", {"Retry-After": "1"}),
    "429long": (429, "text/plain", b"Too Many Requests", {"Retry-After": "3600"}),
    "403block": (403, HTML, BLOCK_PAGE, {}),
    "403key": (403, "text/plain", b"The AppKey submitted with this request is invalid.", {}),
    "500": (500, "text/plain", b"Internal error: database went away", {}),
    "400": (400, JSON, (DATA / "error_400.jsonv2.json").read_bytes(), {}),
    "400xml": (400, XML, (DATA / "error_400.xml").read_bytes(), {}),
    "html": (200, HTML, b"<!DOCTYPE html><html><body>Welcome to our portal</body></html>", {}),
    "badjson": (200, JSON, b'[{"place_id": 1, "lat": ', {}),
    "badxml": (200, XML, b"<?xml version='1.0'?><searchresults><place", {}),
    "htmlxml": (200, HTML, b"<html><body>Maintenance</body></html>", {}),
    "shape": (200, JSON, b'{"results": []}', {}),
}


class FakeNominatim(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.requests: list[tuple[str, str, str]] = []  # (route, path, user-agent)
        self.lock = threading.Lock()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def count(self, route: str) -> int:
        with self.lock:
            return sum(1 for r in self.requests if r[0] == route)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        route = self.path.split("/")[1]
        with self.server.lock:
            self.server.requests.append((route, self.path, self.headers.get("User-Agent", "")))
        if route == "slow":
            time.sleep(1.0)
            route = "ok"
        if route == "429once":  # every other request with the same path is refused
            with self.server.lock:
                seen = sum(1 for r in self.server.requests if r[1] == self.path)
            route = "429short" if seen % 2 else "ok"
        status, ctype, body, headers = ROUTES[route]
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def fake():
    server = FakeNominatim()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


def client_for(fake, route, timeout=5.0, **kwargs) -> NominatimClient:
    endpoint = Endpoint(f"{fake.base}/{route}")
    return NominatimClient(endpoint, HttpTransport(timeout=timeout), **kwargs)


def test_search_sends_exact_url_and_user_agent(fake):
    client = client_for(fake, "ok", cache=None)
    places = client.search(SearchQuery(q="Städtle 35, Vaduz", limit=3))
    assert [p.osm_key for p in places] == ["R1155956"]
    _route, path, agent = fake.requests[-1]
    assert path == "/ok/search?q=St%C3%A4dtle%2035,%20Vaduz&format=jsonv2&limit=3"
    assert agent == USER_AGENT and agent.startswith("OSMRoundtrip/")


def test_key_based_provider_sends_its_key(fake):
    client = NominatimClient(Endpoint.with_key(f"{fake.base}/ok", "s3cret"), cache=None)
    client.search(SearchQuery(city="Vaduz", format="jsonv2"))
    assert dict(parse_qsl(urlsplit(fake.requests[-1][1]).query))["key"] == "s3cret"


@pytest.mark.parametrize(
    ("route", "fmt"), [("okxml", "xml"), ("okgeojson", "geojson")], ids=["xml", "geojson"]
)
def test_other_formats(fake, route, fmt):
    (place,) = client_for(fake, route).search(SearchQuery(q="Vaduz", format=fmt))
    assert place.place_id == 105863


def test_reverse(fake):
    place = client_for(fake, "reverse").reverse(ReverseQuery(lat=47.14, lon=9.52))
    assert place.address["road"] == "Badwegli"
    assert fake.requests[-1][1] == "/reverse/reverse?lat=47.14&lon=9.52&format=jsonv2"
    assert client_for(fake, "nothing").reverse(ReverseQuery(lat=0, lon=-150)) is None


@pytest.mark.parametrize(
    ("route", "fmt", "error", "message"),
    [
        ("429", "jsonv2", RateLimited, r"rate limiting \(HTTP 429\)\. Too Many Requests"),
        (
            "403block",
            "jsonv2",
            RateLimited,
            r"blocked the request \(HTTP 403\), usually because its usage policy was not "
            r"respected: Access blocked You have been blocked because",
        ),
        ("403key", "jsonv2", HttpError, "HTTP 403: The AppKey submitted with this request is"),
        ("500", "jsonv2", HttpError, "HTTP 500: Internal error: database went away"),
        ("400", "jsonv2", HttpError, "HTTP 400: Parameter 'limit' must be a number."),
        ("400xml", "xml", HttpError, "HTTP 400: Parameter 'limit' must be a number."),
        ("html", "jsonv2", BadPayload, "web page instead of data:.*Welcome to our portal"),
        ("htmlxml", "xml", BadPayload, "web page instead of data"),
        ("badjson", "jsonv2", BadPayload, "sent invalid JSON"),
        ("badxml", "xml", BadPayload, r"/badxml/search.*invalid XML"),
        ("shape", "jsonv2", BadPayload, "cannot be read"),
    ],
    ids=[
        "429",
        "403-blocked",
        "403-bad-key",
        "500",
        "400-json",
        "400-xml",
        "html",
        "html-for-xml",
        "invalid-json",
        "invalid-xml",
        "wrong-shape",
    ],
)
def test_failures_become_clear_errors(fake, route, fmt, error, message):
    with pytest.raises(error, match=message) as info:
        client_for(fake, route).search(SearchQuery(q="Vaduz", format=fmt))
    if route == "429":
        assert info.value.retry_after == 3
    if route == "403key":
        assert not isinstance(info.value, RateLimited)


def test_timeout(fake):
    with pytest.raises(RequestTimeout, match=r"did not answer within 0 s"):
        client_for(fake, "slow", timeout=0.2).search(SearchQuery(q="slow"))


def test_connection_refused():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    client = NominatimClient(Endpoint(f"http://127.0.0.1:{port}"), HttpTransport(timeout=2))
    with pytest.raises(ConnectionFailed, match=f"Could not connect to 127.0.0.1:{port}"):
        client.search(SearchQuery(q="Vaduz"))


def test_invalid_query_sends_nothing(fake):
    before = fake.count("ok")
    with pytest.raises(ValidationError):
        client_for(fake, "ok").search(SearchQuery(q="Vaduz", city="Vaduz"))
    assert fake.count("ok") == before


def test_cancel_before_sending(fake):
    before = len(fake.requests)
    with pytest.raises(Cancelled):
        client_for(fake, "ok", cache=None).search(SearchQuery(q="Vaduz"), cancel=lambda: True)
    assert len(fake.requests) == before


def test_cache_answers_identical_requests(fake):
    cache = ResponseCache()
    client = client_for(fake, "ok", cache=cache)
    before = fake.count("ok")
    first = client.search(SearchQuery(q="cached", addressdetails=True))
    second = client.search(SearchQuery(q="cached", addressdetails=True))
    assert fake.count("ok") == before + 1
    assert first == second and (cache.hits, cache.misses) == (1, 1)
    client.search(SearchQuery(q="cached", addressdetails=False))  # another URL
    assert fake.count("ok") == before + 2
    # A second client sharing the cache (e.g. the dock and a Processing algorithm).
    client_for(fake, "ok", cache=cache).search(SearchQuery(q="cached", addressdetails=True))
    assert fake.count("ok") == before + 2


def test_cache_disabled_sends_every_time(fake):
    client = client_for(fake, "ok", cache=None)
    before = fake.count("ok")
    client.search(SearchQuery(q="uncached"))
    client.search(SearchQuery(q="uncached"))
    assert fake.count("ok") == before + 2


def test_cache_is_bounded():
    cache = ResponseCache(max_entries=2)
    for key in ("a", "b", "c"):
        cache.put(key, [])
    assert len(cache) == 2 and cache.get("a") is None and cache.get("c") == []


def test_failures_are_not_cached(fake):
    client = client_for(fake, "500")
    before = fake.count("500")
    for _ in range(2):
        with pytest.raises(HttpError):
            client.search(SearchQuery(q="Vaduz"))
    assert fake.count("500") == before + 2


class RecordingTransport:
    """Stands in for the network to the public server (tests never reach the internet)."""

    def __init__(self, clock):
        self.clock = clock
        self.sent: list[tuple[float, str]] = []
        self.payload = (DATA / "search_vaduz.jsonv2.json").read_bytes()

    def request(self, method, url, *, cancel=None, check=True, **kwargs):
        from osm_roundtrip.plugin.core.http import Response

        self.sent.append((self.clock(), url))
        return Response(200, {"Content-Type": JSON}, self.payload, url)


def test_public_server_gets_at_most_one_request_per_second():
    now = [100.0]

    def sleep(seconds):
        now[0] += seconds

    endpoint = Endpoint.public_osm()
    transport = RecordingTransport(lambda: now[0])
    throttle = Throttle(endpoint.interval, clock=lambda: now[0], sleep=sleep)
    client = NominatimClient(endpoint, transport, cache=ResponseCache(), throttle=throttle)
    for name in ("Vaduz", "Schaan", "Balzers", "Vaduz", "Triesen"):
        client.search(SearchQuery(q=name))
    times = [t for t, _ in transport.sent]
    assert len(times) == 4  # the repeated "Vaduz" came from the cache
    assert all(b - a >= 1.0 - 1e-9 for a, b in zip(times, times[1:]))
    assert times[-1] - times[0] == pytest.approx(3.0)
    assert transport.sent[0][1].startswith("https://nominatim.openstreetmap.org/search?q=Vaduz")


def test_public_server_refuses_a_faster_throttle():
    with pytest.raises(ValueError, match=r"below 1\.0 s"):
        NominatimClient(Endpoint.public_osm(), throttle=Throttle(0.2))


def test_default_throttle_is_shared_per_host():
    first = NominatimClient(Endpoint.public_osm())
    second = NominatimClient(Endpoint("https://nominatim.openstreetmap.org/", email="a@b.org"))
    local = NominatimClient(Endpoint("http://127.0.0.1:1"))
    assert first.throttle is second.throttle and first.throttle.interval == 1.0
    assert local.throttle.interval == 0.0


def test_batch_work_waits_out_a_short_retry_after_and_goes_on(fake):
    waited, slept = [], []
    client = client_for(
        fake, "429once", cache=None, rate_limit_waits=2, on_wait=waited.append, sleep=slept.append
    )
    before = fake.count("429once")
    for number in range(3):
        (place,) = client.search(SearchQuery(q=f"Vaduz {number}", limit=1))
        assert place.place_id == 105863
    assert waited == [1.0, 1.0, 1.0]
    assert sum(slept) == pytest.approx(3.0)
    assert fake.count("429once") - before == 6


@pytest.mark.parametrize(
    ("route", "waits"),
    [("429", 0), ("429long", 3), ("403block", 3)],
    ids=["interactive", "retry-after-too-long", "blocked"],
)
def test_a_refusal_that_is_not_waited_out_is_reported_at_once(fake, route, waits):
    waited = []
    client = client_for(fake, route, cache=None, rate_limit_waits=waits, on_wait=waited.append)
    before = fake.count(route)
    with pytest.raises(RateLimited):
        client.search(SearchQuery(q="Vaduz"))
    assert waited == [] and fake.count(route) - before == 1


def test_waiting_is_cancellable(fake):
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 3

    client = client_for(fake, "429once", cache=None, rate_limit_waits=1)
    with pytest.raises(Cancelled):
        client.search(SearchQuery(q="cancelled while waiting"), cancel=cancel)
