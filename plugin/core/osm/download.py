"""Download the OSM data of a bounding box from an OSM API 0.6 server (``GET /api/0.6/map``).

* :meth:`Capabilities.fetch` reads the server's limits and status, and falls back to the
  production server's defaults when the server does not serve ``capabilities``.
* :func:`validate_bbox` checks a box client-side before anything is sent.
* :func:`plan_tiles` cuts a box larger than the area limit into tiles of at most that area.
* :func:`download_bbox` fetches the tiles with bounded concurrency (never more than two at a time
  to the public server), splits a tile the server refuses with "too many nodes" into quadrants
  (bounded depth), waits ``Retry-After`` on 429/509 (bounded attempts, cancellable), reports
  progress per tile, and merges the tiles by id and version.

Bounding boxes are ``(min_lon, min_lat, max_lon, max_lat)`` in WGS84 degrees, as in
:attr:`DataSet.bounds`.
"""

from __future__ import annotations

import heapq
import math
import threading
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Callable, List, Optional, Sequence, Tuple
from urllib.parse import urlsplit

from lxml import etree

from ..errors import (
    CONTEXT,
    QT_TRANSLATE_NOOP,
    BadPayload,
    Cancelled,
    HttpError,
    RateLimited,
    TransportError,
    ValidationError,
)
from ..http import wait_cancellable
from .model import DataSet
from .xmlreader import parse_osm_bytes

BBox = Tuple[float, float, float, float]
CancelCheck = Callable[[], bool]
ProgressCallback = Callable[[int, int, str], None]

PRODUCTION_API = "https://api.openstreetmap.org"
PUBLIC_HOSTS = frozenset({"api.openstreetmap.org", "www.openstreetmap.org", "openstreetmap.org"})
PUBLIC_MAX_WORKERS = 2
DEFAULT_RETRY_WAIT = 10.0  # seconds, when a 429/509 answer has no Retry-After
MAX_RETRY_WAIT = 600.0  # a longer Retry-After is reported instead of waited for
MAX_RATE_LIMIT_RETRIES = 5
MAX_SPLIT_DEPTH = 6
MAX_SPLIT_REQUESTS = 64  # requests for the parts of refused tiles, in all
MAX_TILES = 400
MIN_MAP_BYTES = 64_000_000


def api_base(api_url: str) -> str:
    """``https://host/api/0.6`` for ``https://host``, ``https://host/`` or ``.../api/0.6``."""
    base = (api_url or PRODUCTION_API).rstrip("/")
    if base.endswith("/api/0.6"):
        return base
    if base.endswith("/api"):
        return base + "/0.6"
    return base + "/api/0.6"


def _hardened_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@dataclass
class Capabilities:
    """Limits and status of an API server (defaults: the production server's)."""

    max_area: float = 0.25  # square degrees per map request
    max_nodes: int = 50000  # nodes per map request (not advertised by the API)
    max_way_nodes: int = 2000
    max_members: int = 32000
    max_changes: int = 10000  # elements per changeset
    timeout: int = 300
    database_status: str = "online"
    api_status: str = "online"
    gpx_status: str = "online"
    served: bool = False  # True when read from the server, False for the defaults

    @property
    def map_bytes(self) -> int:
        """The largest ``/map`` answer accepted: about 2 kB per node of the node limit (real
        answers take a few hundred bytes per node, ways and relations included)."""
        return max(MIN_MAP_BYTES, self.max_nodes * 2000)

    @property
    def readable(self) -> bool:
        return self.api_status in ("online", "readonly") and self.database_status in (
            "online",
            "readonly",
        )

    @property
    def writable(self) -> bool:
        return self.api_status == "online" and self.database_status == "online"

    @classmethod
    def parse(cls, content: bytes, source: str = "") -> Capabilities:
        try:
            root = etree.fromstring(content, _hardened_parser())
        except etree.XMLSyntaxError as exc:
            raise BadPayload(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "The capabilities from {source} are not valid XML: {reason}"
                ),
                source=source,
                reason=str(exc),
            ) from None
        api = root.find("api")
        if root.tag != "osm" or api is None:
            raise BadPayload(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "The answer from {source} is not an API capabilities document."
                ),
                source=source,
            )
        caps = cls(served=True)

        def number(path: str, attribute: str, convert, default):
            element = api.find(path)
            value = element.get(attribute) if element is not None else None
            try:
                return convert(value) if value is not None else default
            except ValueError:
                return default

        caps.max_area = number("area", "maximum", float, caps.max_area)
        caps.max_nodes = number("nodes", "maximum", int, caps.max_nodes)
        caps.max_way_nodes = number("waynodes", "maximum", int, caps.max_way_nodes)
        caps.max_members = number("relationmembers", "maximum", int, caps.max_members)
        caps.max_changes = number("changesets", "maximum_elements", int, caps.max_changes)
        caps.timeout = number("timeout", "seconds", int, caps.timeout)
        status = api.find("status")
        if status is not None:
            caps.database_status = status.get("database", caps.database_status)
            caps.api_status = status.get("api", caps.api_status)
            caps.gpx_status = status.get("gpx", caps.gpx_status)
        return caps

    @classmethod
    def fetch(cls, transport, api_url: str, *, cancel: Optional[CancelCheck] = None):
        """Read ``/api/capabilities``; production defaults when the server does not serve it.

        Connection failures, timeouts, rate limiting and server errors (5xx) are raised: the
        server is not usable then anyway.
        """
        base = api_base(api_url)
        root = base[: -len("/0.6")]
        for url in (root + "/capabilities", base + "/capabilities"):
            try:
                response = transport.request("GET", url, cancel=cancel)
                return cls.parse(response.content, url)
            except RateLimited:
                raise
            except HttpError as exc:
                if exc.status >= 500 and exc.status != 501:
                    raise
            except BadPayload:
                pass
        return cls()


def validate_bbox(bbox: Sequence[float], max_area: Optional[float] = None) -> BBox:
    """Check ``(min_lon, min_lat, max_lon, max_lat)`` and return it as floats.

    With ``max_area`` the box must also not be larger than that (square degrees).
    """
    names = ("min_lon", "min_lat", "max_lon", "max_lat")
    try:
        values = list(bbox)
    except TypeError:
        values = []
    if len(values) != 4:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "A bounding box needs four numbers (min_lon, min_lat, max_lon, max_lat), "
                "got {value}.",
            ),
            value=repr(bbox),
        )
    numbers = []
    for name, value in zip(names, values):
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if not math.isfinite(number):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "The bounding box value {name} is not a number: {value}"
                ),
                name=name,
                value=value,
            )
        numbers.append(number)
    min_lon, min_lat, max_lon, max_lat = numbers
    for name, value in (("min_lon", min_lon), ("max_lon", max_lon)):
        if not -180.0 <= value <= 180.0:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "The longitude {name} = {value} is outside the range -180 to 180."
                ),
                name=name,
                value=value,
            )
    for name, value in (("min_lat", min_lat), ("max_lat", max_lat)):
        if not -90.0 <= value <= 90.0:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "The latitude {name} = {value} is outside the range -90 to 90."
                ),
                name=name,
                value=value,
            )
    for low_name, low, high_name, high in (
        ("min_lon", min_lon, "max_lon", max_lon),
        ("min_lat", min_lat, "max_lat", max_lat),
    ):
        if not low < high:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "The bounding box is empty: {low_name} ({low}) must be smaller than "
                    "{high_name} ({high}).",
                ),
                low_name=low_name,
                low=low,
                high_name=high_name,
                high=high,
            )
    area = (max_lon - min_lon) * (max_lat - min_lat)
    if max_area is not None and area > max_area:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "The bounding box covers {area:.4f} square degrees; the server allows at most "
                "{max_area} per request.",
            ),
            area=area,
            max_area=max_area,
        )
    return (min_lon, min_lat, max_lon, max_lat)


def plan_tiles(bbox: Sequence[float], max_area: float) -> List[BBox]:
    """Cut ``bbox`` into the fewest equal tiles of at most ``max_area`` square degrees each.

    Tile edges are rounded to 7 decimals (as sent to the server) and shared exactly between
    neighbours; tiles cover the box and are listed row by row from the south-west. Among grids
    with the fewest tiles the one with the squarest tiles wins.
    """
    min_lon, min_lat, max_lon, max_lat = validate_bbox(bbox)
    if max_area <= 0:
        raise ValueError("max_area must be positive")
    width, height = max_lon - min_lon, max_lat - min_lat
    # Candidate grids, fewest tiles (then squarest tiles) first; the first whose rounded tiles
    # all fit wins. A grid that does not fit comes back with one more column.
    max_rows = max(1, math.ceil(height / math.sqrt(max_area)) * 2)
    heap = []
    for rows in range(1, max_rows + 1):
        columns = max(1, math.ceil(width * (height / rows) / max_area - 1e-9))
        heapq.heappush(heap, _grid_key(rows, columns, width, height))
    while True:
        _count, _aspect, rows, columns = heapq.heappop(heap)
        xs, ys = _edges(min_lon, max_lon, columns), _edges(min_lat, max_lat, rows)
        widest = max(b - a for a, b in zip(xs, xs[1:]))
        tallest = max(b - a for a, b in zip(ys, ys[1:]))
        if widest * tallest <= max_area:
            break
        heapq.heappush(heap, _grid_key(rows, columns + 1, width, height))
    return [
        (xs[i], ys[j], xs[i + 1], ys[j + 1]) for j in range(len(ys) - 1) for i in range(len(xs) - 1)
    ]


def _grid_key(rows: int, columns: int, width: float, height: float) -> tuple:
    tile_w, tile_h = width / columns, height / rows
    return (rows * columns, max(tile_w, tile_h) / min(tile_w, tile_h), rows, columns)


def _edges(low: float, high: float, parts: int) -> List[float]:
    inner = [round(low + (high - low) * i / parts, 7) for i in range(1, parts)]
    return [low, *inner, high]


def quadrants(bbox: BBox) -> List[BBox]:
    min_lon, min_lat, max_lon, max_lat = bbox
    mid_lon, mid_lat = (min_lon + max_lon) / 2.0, (min_lat + max_lat) / 2.0
    return [
        (min_lon, min_lat, mid_lon, mid_lat),
        (mid_lon, min_lat, max_lon, mid_lat),
        (min_lon, mid_lat, mid_lon, max_lat),
        (mid_lon, mid_lat, max_lon, max_lat),
    ]


def bbox_param(bbox: BBox) -> str:
    return ",".join(_decimal(value) for value in bbox)


def _decimal(value: float) -> str:
    text = f"{value:.7f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def is_too_many_nodes(error: HttpError) -> bool:
    """Does this 400 mean "make the box smaller" (node limit, or the area limit)?"""
    text = (error.body or "").lower()
    return error.status == 400 and (
        "too many nodes" in text or "bbox size" in text or "request was too large" in text
    )


def max_workers_for(api_url: str, max_workers: int) -> int:
    host = (urlsplit(api_base(api_url)).hostname or "").lower()
    workers = max(1, int(max_workers))
    if host in PUBLIC_HOSTS:
        workers = min(workers, PUBLIC_MAX_WORKERS)
    return workers


def _message(template: str, **params) -> str:
    return template.format(**params)


def _refused_area(tile: BBox, error: HttpError) -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "The server refuses the area {bbox} as too large even after splitting it: {reason} "
            "Choose a smaller area.",
        ),
        bbox=", ".join(f"{value:.5f}" for value in tile),
        reason=error.body.rstrip(".") + "." if error.body else str(error),
    )


def download_bbox(
    api_url: str,
    bbox: Sequence[float],
    transport,
    *,
    max_workers: int = 2,
    cancel: Optional[CancelCheck] = None,
    progress: Optional[ProgressCallback] = None,
    sleep=time.sleep,
    capabilities: Optional[Capabilities] = None,
    max_tiles: int = MAX_TILES,
    max_split_depth: int = MAX_SPLIT_DEPTH,
    max_split_requests: int = MAX_SPLIT_REQUESTS,
    max_retries: int = MAX_RATE_LIMIT_RETRIES,
) -> DataSet:
    """Download every element in ``bbox``; tiles as needed and merges them.

    ``progress(done_tiles, total_tiles, message)`` is called when the plan is made and after each
    tile; ``total_tiles`` grows when a tile is split. ``cancel()`` is checked between tiles, while
    waiting for a rate limit, and between chunks of each answer; it raises :class:`Cancelled`.

    A tile refused with "too many nodes" is split into quadrants, at most ``max_split_depth``
    times and for at most ``max_split_requests`` requests in all; beyond that the download stops
    with :class:`ValidationError` naming the area the server keeps refusing.
    """
    box = validate_bbox(bbox)
    if cancel is not None and cancel():
        raise Cancelled()
    if capabilities is None:
        capabilities = Capabilities.fetch(transport, api_url, cancel=cancel)
    if not capabilities.readable:
        raise TransportError(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "The OSM API at {url} is not available for reading (api: {api}, database: "
                "{database}).",
            ),
            url=api_url,
            api=capabilities.api_status,
            database=capabilities.database_status,
        )
    tiles = plan_tiles(box, capabilities.max_area)
    if len(tiles) > max_tiles:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "The area is too large: it needs {tiles} requests to the server (at most "
                "{max_tiles}). Choose a smaller area.",
            ),
            tiles=len(tiles),
            max_tiles=max_tiles,
        )
    url = api_base(api_url) + "/map"
    workers = max_workers_for(api_url, max_workers)
    stop = threading.Event()

    def stopped() -> bool:
        return stop.is_set() or (cancel is not None and bool(cancel()))

    def fetch(tile: BBox):
        attempt = 0
        while True:
            if stopped():
                raise Cancelled()
            try:
                response = transport.request(
                    "GET",
                    url,
                    params={"bbox": bbox_param(tile)},
                    cancel=stopped,
                    max_bytes=capabilities.map_bytes,
                )
            except RateLimited as exc:
                attempt += 1
                wait_for = exc.retry_after if exc.retry_after is not None else DEFAULT_RETRY_WAIT
                if attempt > max_retries or wait_for > MAX_RETRY_WAIT:
                    raise
                wait_cancellable(wait_for, stopped, sleep)
                continue
            except HttpError as exc:
                if is_too_many_nodes(exc):
                    return exc
                raise
            return parse_osm_bytes(response.content, url)

    def report(done: int, total: int, message: str) -> None:
        if progress is not None:
            progress(done, total, message)

    result = DataSet()
    queue = deque((tile, 0) for tile in tiles)
    total, done = len(tiles), 0
    report(0, total, _message(QT_TRANSLATE_NOOP(CONTEXT, "Requests planned: {total}"), total=total))
    pending = {}
    split_requests = 0
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="osm-download")
    try:
        while queue or pending:
            while queue and len(pending) < workers:
                if stopped():
                    raise Cancelled()
                tile, depth = queue.popleft()
                pending[pool.submit(fetch, tile)] = (tile, depth)
            finished, _ = wait(list(pending), timeout=0.1, return_when=FIRST_COMPLETED)
            if cancel is not None and cancel():
                raise Cancelled()
            for future in finished:
                tile, depth = pending.pop(future)
                value = future.result()
                if isinstance(value, HttpError):
                    split_requests += 4
                    if depth >= max_split_depth or split_requests > max_split_requests:
                        raise _refused_area(tile, value)
                    queue.extend((quarter, depth + 1) for quarter in quadrants(tile))
                    total += 3
                    report(
                        done,
                        total,
                        _message(
                            QT_TRANSLATE_NOOP(
                                CONTEXT, "Too many nodes: splitting an area into {parts} parts"
                            ),
                            parts=4,
                        ),
                    )
                    continue
                result.merge(value)
                done += 1
                report(
                    done,
                    total,
                    _message(
                        QT_TRANSLATE_NOOP(CONTEXT, "Downloaded area {done} of {total}"),
                        done=done,
                        total=total,
                    ),
                )
    except BaseException:
        stop.set()
        for future in pending:
            future.cancel()
        raise
    finally:
        pool.shutdown(wait=True)
    result.bounds = [box]
    return result
