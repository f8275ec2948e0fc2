"""The one HTTP seam of the plugin, built on ``requests`` (pure Python, no Qt).

Callers get a :class:`Response` or a typed :mod:`.errors` exception. Inside QGIS the adapters pass
the proxies configured in QGIS and a ``cancel`` callable bound to the running task. Every request
is bounded in size, time and memory (see :class:`HttpTransport`), and cancel takes effect within
a tenth of a second, whatever phase the request is in.
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Mapping
from urllib.parse import urlsplit

import requests

from .errors import (
    QT_TRANSLATE_NOOP,
    BadPayload,
    Cancelled,
    ConnectionFailed,
    HttpError,
    RateLimited,
    RequestTimeout,
    TransportError,
)
from .version import USER_AGENT

CancelCheck = Callable[[], bool]
CHUNK = 16 * 1024  # a gzip chunk this size inflates to at most ~16 MB before it is counted
POLL = 0.1  # seconds between the caller's checks of cancel and the deadline
DEFAULT_MAX_BYTES = 32_000_000  # JSON and small XML answers
DEFAULT_DEADLINE = 300.0  # production's own request time-out


@dataclass
class Response:
    status: int
    headers: Mapping[str, str]
    content: bytes
    url: str

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";")[0].strip().lower()

    def json(self):
        """Decode JSON, naming HTML error pages and broken JSON precisely."""
        if self.content_type == "text/html" or self.content.lstrip()[:1] == b"<":
            raise BadPayload(
                QT_TRANSLATE_NOOP(
                    "OsmRoundtripErrors",
                    "The server at {url} answered with a web page instead of data: {snippet}",
                ),
                url=self.url,
                snippet=snippet(strip_tags(self.text)),
            )
        try:
            return json.loads(self.content)
        except ValueError as exc:
            raise BadPayload(
                QT_TRANSLATE_NOOP(
                    "OsmRoundtripErrors", "The server at {url} sent invalid JSON ({error})."
                ),
                url=self.url,
                error=str(exc),
            ) from None


def snippet(text: str, limit: int = 200) -> str:
    """First ``limit`` characters of a server text, whitespace collapsed (for messages)."""
    collapsed = " ".join(text.split())
    return collapsed if len(collapsed) <= limit else collapsed[: limit - 1] + "…"


def retry_after_seconds(headers: Mapping[str, str]) -> float | None:
    value = headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


class Throttle:
    """At most one request per ``interval`` seconds (thread-safe); interval 0 disables it."""

    def __init__(self, interval: float, clock=time.monotonic, sleep=time.sleep) -> None:
        self.interval = interval
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next = 0.0

    def wait(self, cancel: CancelCheck | None = None) -> None:
        if self.interval <= 0:
            return
        with self._lock:
            now = self._clock()
            start = max(now, self._next)
            self._next = start + self.interval
        while True:
            remaining = start - self._clock()
            if remaining <= 0:
                return
            if cancel is not None and cancel():
                raise Cancelled()
            self._sleep(min(remaining, 0.1))


def wait_cancellable(
    seconds: float, cancel: CancelCheck | None, sleep=time.sleep, step: float = 0.25
) -> None:
    """Sleep ``seconds`` in small steps, raising :class:`Cancelled` as soon as asked."""
    remaining = seconds
    while remaining > 0:
        if cancel is not None and cancel():
            raise Cancelled()
        chunk = min(step, remaining)
        sleep(chunk)
        remaining -= chunk
    if cancel is not None and cancel():
        raise Cancelled()


class ResponseTooLarge(TransportError):
    """The answer grew past the limit for its kind of request (counted after decompression)."""


class _Exchange:
    """One request carried out by a worker thread; the caller waits, checking cancel/deadline."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.stopped = False
        self.reply = None
        self.response: Response | None = None
        self.error: BaseException | None = None

    def stop(self) -> None:
        """Stop the worker: it ends at its next chunk, or now if its socket can be closed."""
        self.stopped = True
        reply = self.reply
        if reply is not None:
            _shutdown(reply)


def _shutdown(reply) -> None:
    """Close the socket of a streaming reply, which ends a read blocked on it."""
    raw = getattr(reply, "raw", None)
    sock = getattr(getattr(raw, "_connection", None), "sock", None)
    if sock is None:  # urllib3 1.x keeps the http.client response
        fp = getattr(getattr(raw, "_fp", None), "fp", None)
        sock = getattr(getattr(fp, "raw", None), "_sock", None)
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


@dataclass
class HttpTransport:
    """Sends requests with the plugin's User-Agent, timeouts, proxies, limits and cancel checks.

    Every request has a read ``timeout`` (seconds without a byte), an overall ``deadline`` for
    the whole answer and a ``max_bytes`` limit of its body after decompression (a request may
    ask for other values: a map download allows far more than a JSON answer). The exchange runs
    in a worker thread while the caller checks ``cancel`` and the deadline ten times a second,
    so cancelling works while the server has not answered yet and while it sends slowly;
    errors name the limit that was reached.
    """

    user_agent: str = USER_AGENT
    timeout: float = 30.0
    proxies: Mapping[str, str] | None = None
    session: requests.Session = field(default_factory=requests.Session)
    max_bytes: int = DEFAULT_MAX_BYTES
    deadline: float = DEFAULT_DEADLINE

    def request(
        self,
        method: str,
        url: str,
        *,
        params=None,
        data: bytes | str | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float | None = None,
        cancel: CancelCheck | None = None,
        check: bool = True,
        max_bytes: int | None = None,
        deadline: float | None = None,
        allow_redirects: bool = True,
    ) -> Response:
        if cancel is not None and cancel():
            raise Cancelled()
        all_headers = {"User-Agent": self.user_agent}
        all_headers.update(headers or {})
        host = urlsplit(url).netloc or url
        limit = max_bytes or self.max_bytes
        seconds = deadline or self.deadline
        exchange = _Exchange()
        worker = threading.Thread(
            target=self._exchange,
            args=(
                exchange,
                method,
                url,
                params,
                data,
                all_headers,
                timeout,
                host,
                limit,
                allow_redirects,
            ),
            name="osm-roundtrip-http",
            daemon=True,  # never keeps QGIS from quitting
        )
        worker.start()
        ends = time.monotonic() + seconds
        while not exchange.done.wait(POLL):
            if cancel is not None and cancel():
                exchange.stop()
                raise Cancelled()
            if time.monotonic() > ends:
                exchange.stop()
                raise RequestTimeout(
                    QT_TRANSLATE_NOOP(
                        "OsmRoundtripErrors",
                        "The server {host} did not finish its answer within {seconds} s.",
                    ),
                    host=host,
                    seconds=round(seconds),
                )
        if exchange.error is not None:
            raise exchange.error
        response = exchange.response
        if check:
            raise_for_status(response)
        return response

    def _exchange(self, exchange, method, url, params, data, headers, timeout, host, limit, follow):
        try:
            exchange.response = self._send(
                exchange, method, url, params, data, headers, timeout, host, limit, follow
            )
        except BaseException as exc:  # handed to the caller's thread
            exchange.error = exc
        finally:
            exchange.done.set()

    def _send(self, exchange, method, url, params, data, headers, timeout, host, limit, follow):
        try:
            with self.session.request(
                method,
                url,
                params=params,
                data=data,
                headers=headers,
                timeout=timeout or self.timeout,
                proxies=dict(self.proxies) if self.proxies else None,
                stream=True,
                allow_redirects=follow,
            ) as reply:
                exchange.reply = reply
                if exchange.stopped:
                    raise Cancelled()
                chunks, size = [], 0
                for chunk in reply.iter_content(CHUNK):  # decompressed
                    size += len(chunk)
                    if size > limit:
                        raise ResponseTooLarge(
                            QT_TRANSLATE_NOOP(
                                "OsmRoundtripErrors",
                                "The answer of {host} is larger than {megabytes} MB, the limit for "
                                "this kind of request; it was not used.",
                            ),
                            host=host,
                            megabytes=round(limit / 1_000_000, 1),
                        )
                    chunks.append(chunk)
                    if exchange.stopped:
                        raise Cancelled()
                return Response(reply.status_code, reply.headers, b"".join(chunks), reply.url)
        except requests.exceptions.ConnectTimeout as exc:
            error = ConnectionFailed(
                QT_TRANSLATE_NOOP("OsmRoundtripErrors", "Could not connect to {host}: {reason}"),
                host=host,
                reason=_reason(exc),
            )
            error.not_sent = True
            raise error from None
        except requests.exceptions.Timeout:
            raise RequestTimeout(
                QT_TRANSLATE_NOOP(
                    "OsmRoundtripErrors", "The server {host} did not answer within {seconds} s."
                ),
                host=host,
                seconds=round(timeout or self.timeout),
            ) from None
        except requests.exceptions.ConnectionError as exc:
            error = ConnectionFailed(
                QT_TRANSLATE_NOOP("OsmRoundtripErrors", "Could not connect to {host}: {reason}"),
                host=host,
                reason=_reason(exc),
            )
            error.not_sent = _never_connected(exc)
            raise error from None
        except requests.exceptions.RequestException as exc:
            raise ConnectionFailed(
                QT_TRANSLATE_NOOP("OsmRoundtripErrors", "The request to {host} failed: {reason}"),
                host=host,
                reason=_reason(exc),
            ) from None


def raise_for_status(response: Response) -> None:
    """Turn an error status into :class:`HttpError` / :class:`RateLimited` with the server text."""
    if response.status < 400:
        return
    body = response.text
    if response.content_type == "text/html":
        body = snippet(strip_tags(body))
    text = snippet(body) or response.headers.get("Error", "")
    if response.status in (429, 509):
        raise RateLimited(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "The server refused the request because of rate limiting (HTTP {status}). {body}",
            ),
            response.status,
            text,
            response.headers,
            retry_after=retry_after_seconds(response.headers),
        )
    raise HttpError(
        QT_TRANSLATE_NOOP("OsmRoundtripErrors", "The server answered HTTP {status}: {body}"),
        response.status,
        text,
        response.headers,
    )


def strip_tags(html: str) -> str:
    """The visible text of an HTML page (for error messages)."""
    html = re.sub(r"(?is)<(script|style).*?</\1>", " ", html)
    return re.sub(r"<[^>]+>", " ", html)


def _never_connected(exc: BaseException) -> bool:
    """Whether ``exc`` says the connection could not be made (refused, no route, unknown
    host), so that no byte of the request left; a reset or a closed connection is not that."""
    from urllib3.exceptions import NewConnectionError

    seen = set()
    stack = [exc]
    while stack:
        item = stack.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, NewConnectionError):
            return True
        stack.extend(getattr(item, "args", ()) if isinstance(item, BaseException) else ())
        stack.append(getattr(item, "reason", None))
        stack.append(getattr(item, "__cause__", None))
        stack.append(getattr(item, "__context__", None))
    return False


def _reason(exc: Exception) -> str:
    text = str(exc)
    for marker in ("Connection refused", "Name or service not known", "timed out", "reset by peer"):
        if marker in text:
            return marker
    return snippet(text, 160)
