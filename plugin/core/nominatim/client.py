"""Nominatim endpoints and the client that sends queries, honouring the usage policy.

Usage policy, built in:
- the transport sends the plugin's User-Agent (name and version); an optional contact e-mail is
  added to every request of an endpoint that has one;
- at most one request per second to ``nominatim.openstreetmap.org`` (a shared throttle per host,
  whatever the configured interval); self-hosted endpoints choose their own interval;
- identical requests are answered from an in-memory cache;
- there is deliberately no incremental ("as you type") API: one explicit call, one request.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Callable, Dict, List, Optional, Sequence, Tuple
from urllib.parse import quote, urlencode, urlsplit

from ..errors import CONTEXT, QT_TRANSLATE_NOOP, BadPayload, HttpError, RateLimited
from ..http import (
    HttpTransport,
    Response,
    Throttle,
    raise_for_status,
    retry_after_seconds,
    snippet,
    wait_cancellable,
)
from .places import Place, parse_geojson, parse_jsonv2, parse_xml
from .query import Params, Query, ReverseQuery, SearchQuery

CancelCheck = Callable[[], bool]

PUBLIC_HOST = "nominatim.openstreetmap.org"
PUBLIC_URL = f"https://{PUBLIC_HOST}"
#: The public server's usage policy: an absolute maximum of 1 request per second.
PUBLIC_MIN_INTERVAL = 1.0
MAX_RATE_LIMIT_WAIT = 120.0  # a longer Retry-After is reported instead of waited for


@dataclass(frozen=True)
class Endpoint:
    """A Nominatim-compatible service.

    ``base_url``: the folder that holds ``search`` and ``reverse`` (e.g. ``https://host/nominatim``).
    ``extra_params``: fixed parameters sent with every request, such as a provider's ``key``.
    ``min_interval``: seconds between two requests; ``None`` means 1.0 for the public OSM server
    and 0 (no throttle) elsewhere. The public server never goes below 1.0.
    ``email``: contact address sent as ``email`` unless the query has its own.
    """

    base_url: str
    name: str = ""
    extra_params: Tuple[Tuple[str, str], ...] = ()
    min_interval: Optional[float] = None
    email: Optional[str] = None
    search_path: str = "search"
    reverse_path: str = "reverse"

    def __post_init__(self) -> None:
        object.__setattr__(self, "base_url", self.base_url.strip().rstrip("/"))
        params = self.extra_params
        if isinstance(params, dict):
            params = params.items()
        object.__setattr__(self, "extra_params", tuple((str(k), str(v)) for k, v in params))

    @classmethod
    def public_osm(cls, email: Optional[str] = None) -> Endpoint:
        return cls(PUBLIC_URL, name="OpenStreetMap Nominatim", email=email)

    @classmethod
    def self_hosted(cls, base_url: str, min_interval: float = 0.0, **kwargs) -> Endpoint:
        return cls(base_url, min_interval=min_interval, **kwargs)

    @classmethod
    def with_key(cls, base_url: str, key: str, min_interval: float = 0.0, **kwargs) -> Endpoint:
        """A key-based provider (e.g. MapQuest Open): ``key`` is sent with every request."""
        return cls(base_url, extra_params=(("key", key),), min_interval=min_interval, **kwargs)

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).netloc.lower()

    @property
    def is_public_osm(self) -> bool:
        return self.host.split(":")[0] == PUBLIC_HOST

    @property
    def interval(self) -> float:
        """Effective minimum seconds between requests."""
        configured = self.min_interval
        if self.is_public_osm:
            return max(PUBLIC_MIN_INTERVAL, configured or 0.0)
        return max(0.0, configured or 0.0)

    def url(self, path: str, params: Params) -> str:
        """Exact request URL: ``base/path?params`` with the endpoint's fixed parameters last."""
        pairs = list(params) + list(self.extra_params)
        query = urlencode(pairs, quote_via=quote, safe=",")
        return f"{self.base_url}/{path}?{query}" if query else f"{self.base_url}/{path}"

    def search_url(self, query: SearchQuery) -> str:
        return self.url(self.search_path, self._with_email(query).params())

    def reverse_url(self, query: ReverseQuery) -> str:
        return self.url(self.reverse_path, self._with_email(query).params())

    def _with_email(self, query):
        if self.email and not query.email:
            return replace(query, email=self.email)
        return query


class ResponseCache:
    """In-memory LRU cache of parsed answers, keyed by the exact request URL (thread-safe)."""

    def __init__(self, max_entries: int = 256) -> None:
        self.max_entries = max_entries
        self._items: OrderedDict[str, Tuple[Place, ...]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> Optional[List[Place]]:
        with self._lock:
            value = self._items.get(key)
            if value is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return list(value)

    def put(self, key: str, places: Sequence[Place]) -> None:
        if self.max_entries <= 0:
            return
        with self._lock:
            self._items[key] = tuple(places)
            self._items.move_to_end(key)
            while len(self._items) > self.max_entries:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


_THROTTLES: Dict[Tuple[str, float], Throttle] = {}
_THROTTLES_LOCK = threading.Lock()


def shared_throttle(endpoint: Endpoint) -> Throttle:
    """One throttle per host and interval for the whole process (dock, Processing, …)."""
    key = (endpoint.host, endpoint.interval)
    with _THROTTLES_LOCK:
        throttle = _THROTTLES.get(key)
        if throttle is None:
            throttle = _THROTTLES[key] = Throttle(endpoint.interval)
        return throttle


_NEW_CACHE = object()


class NominatimClient:
    """Sends validated queries to one endpoint and returns typed :class:`Place` results.

    ``cache``: a :class:`ResponseCache` (a new one by default; ``None`` disables caching).
    ``throttle``: defaults to the process-wide throttle of the endpoint's host; a throttle with a
    shorter interval than the public server's policy is not accepted for it.
    ``rate_limit_waits``: how often a "slow down" answer (429/509 with ``Retry-After`` up to
    :data:`MAX_RATE_LIMIT_WAIT` seconds) is waited out before the request is given up — batch
    work (a geocoded table) waits, an interactive search reports at once; ``on_wait(seconds)``
    is told before each wait. A block (403) is never retried.
    """

    def __init__(
        self,
        endpoint: Endpoint,
        transport: Optional[HttpTransport] = None,
        cache=_NEW_CACHE,
        throttle: Optional[Throttle] = None,
        rate_limit_waits: int = 0,
        on_wait: Optional[Callable[[float], None]] = None,
        sleep=time.sleep,
    ) -> None:
        self.endpoint = endpoint
        self.rate_limit_waits = rate_limit_waits
        self.on_wait = on_wait
        self._sleep = sleep
        self.transport = transport or HttpTransport()
        self.cache: Optional[ResponseCache] = ResponseCache() if cache is _NEW_CACHE else cache
        if throttle is None:
            throttle = shared_throttle(endpoint)
        elif throttle.interval < endpoint.interval:
            raise ValueError(
                f"throttle interval {throttle.interval} s is below {endpoint.interval} s "
                f"required for {endpoint.host}"
            )
        self.throttle = throttle

    def search(self, query: SearchQuery, cancel: Optional[CancelCheck] = None) -> List[Place]:
        """Run ``/search``; an invalid query raises ValidationError before anything is sent."""
        url = self.endpoint.search_url(query)
        return self._fetch(url, query, cancel)

    def reverse(self, query: ReverseQuery, cancel: Optional[CancelCheck] = None) -> Optional[Place]:
        """Run ``/reverse``; ``None`` when there is nothing at that position."""
        url = self.endpoint.reverse_url(query)
        places = self._fetch(url, query, cancel)
        return places[0] if places else None

    def search_url(self, query: SearchQuery) -> str:
        return self.endpoint.search_url(query)

    def reverse_url(self, query: ReverseQuery) -> str:
        return self.endpoint.reverse_url(query)

    def _fetch(self, url: str, query: Query, cancel: Optional[CancelCheck]) -> List[Place]:
        if self.cache is not None:
            cached = self.cache.get(url)
            if cached is not None:
                return cached
        waits = 0
        while True:
            self.throttle.wait(cancel)
            response = self.transport.request("GET", url, cancel=cancel, check=False)
            try:
                check_response(response)
                break
            except RateLimited as exc:
                wait = exc.retry_after
                if (
                    waits >= self.rate_limit_waits
                    or response.status not in (429, 509)
                    or wait is None
                    or wait > MAX_RATE_LIMIT_WAIT
                ):
                    raise
                waits += 1
                if self.on_wait is not None:
                    self.on_wait(wait)
                wait_cancellable(wait, cancel, self._sleep)
        places = parse_response(response, query.format)
        if self.cache is not None:
            self.cache.put(url, places)
        return places


def parse_response(response: Response, fmt: str) -> List[Place]:
    """Parse a successful answer in format ``fmt`` into places (BadPayload when unreadable)."""
    try:
        if fmt == "xml":
            if _looks_like_html(response):
                response.json()  # raises the "web page instead of data" BadPayload
            return parse_xml(response.content)
        data = response.json()
        if fmt == "geojson":
            return parse_geojson(data)
        return parse_jsonv2(data)
    except BadPayload as exc:
        if "url" not in exc.params:
            raise BadPayload(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "The server at {url} sent an unreadable answer: {reason}"
                ),
                url=response.url,
                reason=exc.message,
            ) from None
        raise


def check_response(response: Response) -> None:
    """Raise the typed error for an error answer, with Nominatim's own message when it has one."""
    if response.status < 400:
        return
    message = _nominatim_error_message(response)
    if response.status == 403 and _is_block(response, message):
        raise RateLimited(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "The server blocked the request (HTTP {status}), usually because its usage policy "
                "was not respected: {body}",
            ),
            response.status,
            message or _plain_text(response),
            response.headers,
            retry_after=retry_after_seconds(response.headers),
        )
    if message and response.status not in (429, 509):
        raise HttpError(
            QT_TRANSLATE_NOOP(CONTEXT, "The server answered HTTP {status}: {body}"),
            response.status,
            message,
            response.headers,
        )
    raise_for_status(response)


def _plain_text(response: Response) -> str:
    """The server's text, without markup when it sent a web page."""
    text = response.text
    if response.content_type == "text/html" or text.lstrip()[:1] == "<":
        text = re.sub(r"(?is)<(script|style|title).*?</\1>", " ", text)
        text = re.sub(r"<[^>]+>", " ", text)
    return snippet(text)


def _is_block(response: Response, message: str) -> bool:
    text = (message or response.text).lower()
    return any(word in text for word in ("block", "usage policy", "rate limit", "too many"))


def _nominatim_error_message(response: Response) -> str:
    """``{"error": {"message": …}}`` (JSON) or ``<error><message>…`` (XML), else ''."""
    content = response.content.strip()
    if content[:1] == b"{":
        try:
            data = json.loads(content)
        except ValueError:
            return ""
        error = data.get("error") if isinstance(data, dict) else None
        if isinstance(error, dict):
            return snippet(str(error.get("message") or ""))
        return snippet(str(error)) if error else ""
    if content[:5] == b"<?xml" or content[:6] == b"<error":
        from lxml import etree

        try:
            root = etree.fromstring(content, etree.XMLParser(resolve_entities=False))
        except etree.XMLSyntaxError:
            return ""
        node = root.find(".//message")
        return snippet(node.text or "") if node is not None else ""
    return ""


def _looks_like_html(response: Response) -> bool:
    head = response.content.lstrip()[:100].lower()
    return response.content_type == "text/html" or head.startswith((b"<!doctype html", b"<html"))


__all__ = [
    "PUBLIC_HOST",
    "PUBLIC_MIN_INTERVAL",
    "PUBLIC_URL",
    "Endpoint",
    "NominatimClient",
    "ResponseCache",
    "check_response",
    "parse_response",
    "shared_throttle",
]
