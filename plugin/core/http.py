"""The one HTTP seam of the plugin, built on ``requests`` (pure Python, no Qt).

Callers get a :class:`Response` or a typed :mod:`.errors` exception. Inside QGIS the adapters pass
the proxies configured in QGIS and a ``cancel`` callable bound to the running task; the body is read
in chunks and ``cancel`` is checked between chunks.
"""

from __future__ import annotations

import json
import re
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
)
from .version import USER_AGENT

CancelCheck = Callable[[], bool]
CHUNK = 64 * 1024


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


@dataclass
class HttpTransport:
    """Sends requests with the plugin's User-Agent, timeouts, proxies and cancel checks."""

    user_agent: str = USER_AGENT
    timeout: float = 30.0
    proxies: Mapping[str, str] | None = None
    session: requests.Session = field(default_factory=requests.Session)

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
    ) -> Response:
        if cancel is not None and cancel():
            raise Cancelled()
        all_headers = {"User-Agent": self.user_agent}
        all_headers.update(headers or {})
        host = urlsplit(url).netloc or url
        try:
            with self.session.request(
                method,
                url,
                params=params,
                data=data,
                headers=all_headers,
                timeout=timeout or self.timeout,
                proxies=dict(self.proxies) if self.proxies else None,
                stream=True,
            ) as reply:
                chunks = []
                for chunk in reply.iter_content(CHUNK):
                    chunks.append(chunk)
                    if cancel is not None and cancel():
                        raise Cancelled()
                response = Response(reply.status_code, reply.headers, b"".join(chunks), reply.url)
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
        if check:
            raise_for_status(response)
        return response


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
