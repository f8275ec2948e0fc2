"""A forwarding proxy on 127.0.0.1 that spoils chosen answers of the server behind it.

The sandbox's own faults answer *instead of* the server (or drop the connection after it); this
proxy forwards the request, lets the server commit it, and then replaces the answer the client
gets — as a gateway, a broken proxy or a flaky network does in production::

    with FaultProxy("http://127.0.0.1:8111") as proxy:
        proxy.spoil("POST", r"/upload$", nth=2, mode="502")   # the 2nd upload's answer
        api = OsmApi(proxy.url + "/api/0.6", token)

Modes, after the server answered (it has committed): ``502``/``503``/``504`` (a gateway's HTML
page), ``html200`` (an HTML page with 200), ``garbage``, ``truncated`` (the first half of the
answer), ``empty`` (200 without a body), ``wrong_count`` (the diffResult without its last
element), ``drop`` (the connection closed without an answer). Before the server saw the request
(nothing is committed): ``502_before``, ``drop_before``. ``slow``: wait ``seconds`` before
forwarding (the client gives up first, the server still commits). While a slow request of a
changeset is on its way, the changeset is locked as production's database locks it: another
upload to it gets CGImap's 409 ``Changeset N is currently locked by another process.``, and
closing it waits until the slow request is done.

The server thread is a daemon and stops at :meth:`stop` (the context manager's exit), or by
itself after ``idle`` seconds without a request.
"""

from __future__ import annotations

import contextlib
import http.client
import re
import socket
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

AFTER = ("502", "503", "504", "html200", "garbage", "truncated", "empty", "wrong_count", "drop")
BEFORE = ("502_before", "drop_before")
MODES = (*AFTER, *BEFORE, "slow")
HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


@dataclass
class Rule:
    method: str
    path: str
    nth: int
    mode: str
    seconds: float = 0.0
    seen: int = 0
    fired: int = 0


class FaultProxy:
    def __init__(self, target: str, idle: float = 300.0) -> None:
        parts = urlsplit(target)
        self.target = (parts.hostname, parts.port)
        self.rules: list[Rule] = []
        self.lock = threading.Lock()
        self.last_request = time.monotonic()
        self.idle = idle
        self.log: list[tuple[str, str, int]] = []  # (method, path, status or -1: dropped)
        self.active = 0  # requests being handled (a slow one may still be on its way)
        self.busy: set[str] = set()  # changesets with a slow request on its way
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                proxy._handle(self)

            do_PUT = do_POST = do_DELETE = do_GET

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.handle_error = lambda request, address: None  # a client that gave up
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()
        self._watch = threading.Thread(target=self._watchdog, daemon=True)
        self._watch.start()

    # -- control -------------------------------------------------------------------------------
    def spoil(self, method: str, path: str, nth: int, mode: str, seconds: float = 0.0) -> Rule:
        """Spoil the ``nth`` (1-based) request matching ``method`` and ``path`` (a regex)."""
        if mode not in MODES:
            raise ValueError(mode)
        rule = Rule(method, path, nth, mode, seconds)
        with self.lock:
            self.rules.append(rule)
        return rule

    def quiet(self, timeout: float = 30.0) -> None:
        """Wait until no request is being handled (a slow one has reached the server)."""
        end = time.monotonic() + timeout
        while self.active and time.monotonic() < end:
            time.sleep(0.05)
        assert not self.active, "a request through the proxy never finished"

    def clear(self) -> None:
        with self.lock:
            self.rules.clear()
            self.log.clear()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def _watchdog(self) -> None:
        while True:
            time.sleep(1.0)
            if time.monotonic() - self.last_request > self.idle:
                with contextlib.suppress(Exception):
                    self.stop()
                return

    # -- the proxy -----------------------------------------------------------------------------
    def _rule_for(self, method: str, path: str):
        with self.lock:
            for rule in self.rules:
                if rule.method == method and re.search(rule.path, path):
                    rule.seen += 1
                    if rule.seen == rule.nth:
                        rule.fired += 1
                        return rule
        return None

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        with self.lock:
            self.active += 1
        try:
            self._forward(handler)
        finally:
            with self.lock:
                self.active -= 1

    def _forward(self, handler: BaseHTTPRequestHandler) -> None:
        self.last_request = time.monotonic()
        method, path = handler.command, handler.path
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        rule = self._rule_for(method, urlsplit(path).path)
        mode = rule.mode if rule else None
        changeset = re.search(r"/changeset/(\d+)/", path)
        changeset = changeset.group(1) if changeset else None
        if changeset in self.busy and path.endswith("/upload"):
            text = f"Changeset {changeset} is currently locked by another process."
            return self._answer(handler, method, path, 409, text.encode(), "text/plain")
        while changeset in self.busy and path.endswith("/close"):
            time.sleep(0.02)
        if mode == "drop_before":
            return self._drop(handler, method, path)
        if mode == "502_before":
            return self._answer(handler, method, path, 502, _page(502), "text/html")
        locks = mode == "slow" and changeset is not None
        if locks:
            self.busy.add(changeset)
        try:
            self._pass_on(handler, method, path, body, mode, rule)
        finally:
            if locks:
                self.busy.discard(changeset)

    def _pass_on(self, handler, method, path, body, mode, rule) -> None:
        if mode == "slow":
            time.sleep(rule.seconds)
        headers = {k: v for k, v in handler.headers.items() if k.lower() not in HOP}
        connection = http.client.HTTPConnection(*self.target, timeout=120)
        try:
            connection.request(method, path, body=body, headers=headers)
            reply = connection.getresponse()
            status, content = reply.status, reply.read()
            reply_headers = [(k, v) for k, v in reply.getheaders() if k.lower() not in HOP]
        finally:
            connection.close()
        if mode in ("502", "503", "504"):
            return self._answer(handler, method, path, int(mode), _page(int(mode)), "text/html")
        if mode == "html200":
            return self._answer(handler, method, path, 200, _page(200), "text/html")
        if mode == "garbage":
            return self._answer(handler, method, path, 200, b"\x00\x01 not xml {", "text/xml")
        if mode == "truncated":
            return self._answer(handler, method, path, 200, content[: len(content) // 2], None)
        if mode == "empty":
            return self._answer(handler, method, path, 200, b"", "application/xml")
        if mode == "wrong_count":
            spoiled = re.sub(rb"\s*<(node|way|relation) [^>]*/>\s*</diffResult>", b"</diffResult>",
                             content)  # fmt: skip
            return self._answer(handler, method, path, 200, spoiled, "application/xml")
        if mode == "drop":
            return self._drop(handler, method, path)
        handler.send_response(status)
        for key, value in reply_headers:
            handler.send_header(key, value)
        handler.send_header("Content-Length", str(len(content)))
        handler.end_headers()
        handler.wfile.write(content)
        self.log.append((method, path, status))

    def _answer(self, handler, method, path, status, content: bytes, ctype) -> None:
        handler.send_response(status)
        if ctype:
            handler.send_header("Content-Type", ctype)
        handler.send_header("Content-Length", str(len(content)))
        handler.end_headers()
        handler.wfile.write(content)
        self.log.append((method, path, status))

    def _drop(self, handler, method, path) -> None:
        handler.close_connection = True
        with contextlib.suppress(OSError):
            handler.connection.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
            )
        self.log.append((method, path, -1))


def _page(status: int) -> bytes:
    return (
        f"<!DOCTYPE html><html><head><title>{status}</title></head><body><h1>{status}</h1>"
        "<p>The gateway could not get an answer in time.</p></body></html>"
    ).encode()
