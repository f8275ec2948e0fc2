"""The transport's hard limits against a hostile server on 127.0.0.1: endless and inflating
bodies, a server that drips its answer or never answers, and cancel in every phase."""

from __future__ import annotations

import gzip
import http.server
import threading
import time

import pytest

from osm_roundtrip.plugin.core.errors import Cancelled, RequestTimeout
from osm_roundtrip.plugin.core.http import HttpTransport, ResponseTooLarge

RUN_FOR = 30.0  # no handler loops longer than this, whatever happens to the test
BOMB = gzip.compress(b"\0" * 50_000_000, compresslevel=9)  # 50 MB inflated, ~50 kB sent


class Hostile(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        route = self.path.strip("/")
        ends = time.monotonic() + RUN_FOR
        try:
            if route == "endless":
                self._head({"Content-Type": "application/xml"})
                while time.monotonic() < ends:
                    self.wfile.write(b"<node/>" * 10_000)
            elif route == "bomb":
                self._head({"Content-Encoding": "gzip", "Content-Length": str(len(BOMB))})
                self.wfile.write(BOMB)
            elif route == "drip":
                self._head({"Content-Length": "100000"})
                while time.monotonic() < ends:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.2)
            elif route == "silent":
                while time.monotonic() < ends and not self.server.closing:
                    time.sleep(0.05)
            else:
                self._head({"Content-Length": "2"})
                self.wfile.write(b"ok")
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _head(self, headers):
        self.send_response(200)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def hostile():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    server.daemon_threads = True
    server.closing = False
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.closing = True
    server.shutdown()
    server.server_close()
    thread.join(5)


def workers() -> int:
    return sum(1 for t in threading.enumerate() if t.name == "osm-roundtrip-http")


def wait_for_workers(count: int, seconds: float = 3.0) -> bool:
    ends = time.monotonic() + seconds
    while workers() > count and time.monotonic() < ends:
        time.sleep(0.05)
    return workers() <= count


def test_a_normal_answer_passes(hostile):
    assert HttpTransport().request("GET", hostile + "/ok").content == b"ok"


def test_an_endless_body_stops_at_the_limit(hostile):
    started = time.monotonic()
    with pytest.raises(ResponseTooLarge, match=r"larger than 2\.0 MB, the limit"):
        HttpTransport(max_bytes=2_000_000).request("GET", hostile + "/endless")
    assert time.monotonic() - started < 5


def test_a_gzip_bomb_is_counted_after_decompression(hostile):
    assert len(BOMB) < 200_000
    with pytest.raises(ResponseTooLarge):
        HttpTransport(max_bytes=5_000_000).request("GET", hostile + "/bomb")
    # the same answer within a limit that holds it arrives whole
    body = HttpTransport(max_bytes=60_000_000).request("GET", hostile + "/bomb").content
    assert len(body) == 50_000_000


def test_a_dripping_server_meets_the_overall_deadline(hostile):
    before = workers()
    started = time.monotonic()
    with pytest.raises(RequestTimeout, match="did not finish its answer within 1 s"):
        HttpTransport(timeout=10).request("GET", hostile + "/drip", deadline=1.0)
    assert time.monotonic() - started < 1.6
    assert wait_for_workers(before)  # its socket was closed: the worker ended too


@pytest.mark.parametrize("route", ["silent", "drip"], ids=["waiting-for-headers", "slow-body"])
def test_cancel_takes_effect_within_a_fraction_of_a_second(hostile, route):
    asked = time.monotonic() + 0.5
    started = time.monotonic()
    with pytest.raises(Cancelled):
        HttpTransport(timeout=20).request(
            "GET", hostile + "/" + route, cancel=lambda: time.monotonic() > asked
        )
    assert time.monotonic() - started < 0.9
