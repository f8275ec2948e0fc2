"""Benchmark: memory of a download from a hostile server is bounded by the response cap.

Usage: python bench/bench_limits.py [--seconds 20]

A small server of our own on 127.0.0.1 answers ``/map`` with an endless body, or with a gzip
bomb that inflates to 1 GB from about 1 MB on the wire. Each case runs in a fresh Python process
(``download_bbox`` with the production limits: a 100 MB ``/map`` cap from the 50,000-node limit,
one tile) that reports its peak resident memory above what it had before the request. Printed:
the case, how long the server was willing to send, the error the download ended with, and the
peak. Target: every peak stays under twice the cap plus 40 MB (the received chunks and their
join), and the endless body's peak does not grow with how long the server keeps sending (the
two durations differ by less than 10 %).
"""

from __future__ import annotations

import argparse
import http.server
import json
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MB = 1_000_000
SLACK = 40 * MB

CHILD = r"""
import json, resource, sys
sys.path.insert(0, {root!r})
from tools.plugin_package import use_plugin_package
use_plugin_package()
from osm_roundtrip.plugin.core.http import HttpTransport
from osm_roundtrip.plugin.core.osm.download import Capabilities, download_bbox

def rss():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
capabilities = Capabilities(served=True)
before = rss()
error = ""
try:
    download_bbox({url!r}, (9.52, 47.13, 9.53, 47.14), HttpTransport(timeout=10),
                  max_workers=1, capabilities=capabilities)
except Exception as exc:
    error = type(exc).__name__
print(json.dumps({{"before": before, "peak": rss(), "error": error,
                  "cap": capabilities.map_bytes}}))
"""


def bomb(size: int) -> bytes:
    """``size`` zero bytes, gzip-compressed in pieces (never held inflated)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip container
    piece = bytes(MB)
    parts = [compressor.compress(piece) for _ in range(size // MB)]
    parts.append(compressor.flush())
    return b"".join(parts)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    send_for = 5.0
    bomb = b""

    def handle_error(self, request, client_address):
        pass  # the client hanging up at its cap is the expected end of every case


class Hostile(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        route = self.path.split("/")[1]
        ends = time.monotonic() + self.server.send_for
        try:
            if route == "endless":
                self.send_response(200)
                self.send_header("Content-Type", "application/xml")
                self.end_headers()
                chunk = b'<node id="1" lat="0" lon="0"/>' * 4000
                while time.monotonic() < ends:
                    self.wfile.write(chunk)
            else:
                self.send_response(200)
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(self.server.bomb)))
                self.end_headers()
                self.wfile.write(self.server.bomb)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


def measure(base: str) -> dict:
    code = CHILD.format(root=str(ROOT), url=base)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(seconds: float) -> bool:
    server = Server(("127.0.0.1", 0), Hostile)
    server.bomb = bomb(1000 * MB)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    port = server.server_address[1]
    results = []
    try:
        for route, send_for in (("endless", seconds / 4), ("endless", seconds), ("bomb", 0)):
            server.send_for = send_for
            figures = measure(f"http://127.0.0.1:{port}/{route}")
            figures["case"], figures["send_for"] = route, send_for
            results.append(figures)
    finally:
        server.send_for = 0
        server.shutdown()
        server.server_close()
        thread.join(5)
    print(f"gzip bomb: {len(server.bomb) / MB:.1f} MB on the wire, 1000 MB inflated")
    met = True
    for r in results:
        grown = r["peak"] - r["before"]
        limit = 2 * r["cap"] + SLACK
        ok = grown < limit and r["error"] == "ResponseTooLarge"
        met &= ok
        sending = f"server sends for {r['send_for']:g} s" if r["case"] == "endless" else ""
        print(
            f"{r['case']:8} {sending:24} -> {r['error'] or 'no error'}: peak +{grown / MB:.0f} MB"
            f" (cap {r['cap'] / MB:.0f} MB, bound {limit / MB:.0f} MB) {'ok' if ok else 'OVER'}"
        )
    short, long = (r["peak"] - r["before"] for r in results[:2])
    steady = abs(long - short) < 0.1 * max(short, long)
    print(
        f"endless body: peak after {seconds / 4:g} s vs {seconds:g} s of sending: "
        f"{short / MB:.0f} MB vs {long / MB:.0f} MB ({'steady' if steady else 'GROWS'})"
    )
    met &= steady
    print("target: peak < 2 x cap + 40 MB, independent of what the server sends:", end=" ")
    print("met" if met else "NOT met")
    return met


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    sys.exit(0 if run(args.seconds) else 1)
