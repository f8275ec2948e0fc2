"""Benchmark: searches through the plugin's Nominatim client vs raw ``requests`` on the same URLs.

Usage: python bench/bench_nominatim.py [--url http://127.0.0.1:8088] [-n 100] [--rounds 3]

Without ``--url`` it starts the local Nominatim (``tools/nominatim``) on a free loopback port and
stops it at the end. Both sides use a keep-alive ``requests.Session``; the client runs with the
cache disabled and no throttle (a self-hosted endpoint), on distinct queries. The target is a
median ratio (client / raw GET) of at most 1.1.

``time_calls()``, ``distinct_queries()`` and ``local_server()`` are reusable by other benches
(e.g. the geocode-table Processing algorithm).
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator, List

ROOT = Path(__file__).resolve().parents[1]
TOWNS = (
    "Vaduz", "Schaan", "Triesen", "Balzers", "Eschen", "Mauren", "Triesenberg", "Ruggell",
    "Gamprin", "Schellenberg", "Planken",
)  # fmt: skip
AMENITIES = (
    "restaurant", "cafe", "bank", "school", "parking", "pharmacy", "place_of_worship", "bench",
    "post_office", "townhall", "toilets", "recycling", "fuel", "kindergarten", "library",
)  # fmt: skip
POI_NAMES = (
    "Restaurant Alte Eiche", "Restaurant Riet", "Restaurant Da Teresa", "Café Restaurant Guflina",
    "Restaurant Walserhof", "Restaurant Heusträffl", "ALTENBACH Restaurant & Bar",
    "Restaurant Edelweiss", "Restaurant Fiorini", "Restaurant Kainer", "Restaurant Forum",
    "Hotel Restaurant Krone", "Restaurant Jägerstube Zum Kreuz", "Restaurant Weinstube",
    "Restaurant Specki", "Restaurant Rössle", "Restaurant Pur", "Restaurant Da Dona",
    "Restaurant Njord", "Restaurant Adler", "Restaurant Engel", "Restaurant Torkel",
    "Restaurant Amarone", "Restaurant New Castle", "Restaurant Luce", "Restaurant Schneeflucht",
    "Restaurant Gitzihöll", "Restaurant Seeblick", "Restaurant Kulm", "Restaurant Vivid",
    "Restaurant Schaefle", "Hoi Liechtenstein", "Oehri Kristall", "Kunstmuseum Liechtenstein",
)  # fmt: skip


sys.path.insert(0, str(ROOT))
from tools.plugin_package import use_plugin_package  # noqa: E402

use_plugin_package()

from osm_roundtrip.plugin.core.http import HttpTransport  # noqa: E402
from osm_roundtrip.plugin.core.nominatim import (  # noqa: E402
    Endpoint,
    NominatimClient,
    SearchQuery,
)


def distinct_queries(n: int = 100) -> List[SearchQuery]:
    """``n`` distinct, realistic searches over the Liechtenstein extract (towns, streets, POIs)."""
    out: List[SearchQuery] = [SearchQuery(q=town) for town in TOWNS]
    out += [SearchQuery(q=name) for name in POI_NAMES]
    out += [SearchQuery(amenity=amenity, limit=20) for amenity in AMENITIES]
    out += [SearchQuery(q=f"Städtle {number}, Vaduz") for number in range(1, 41)]
    if n > len(out):
        raise ValueError(f"at most {len(out)} distinct queries")
    return out[:n]


def time_calls(fn: Callable[[object], object], items: Iterable) -> List[float]:
    """Seconds taken by ``fn(item)`` for each item."""
    times = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        times.append(time.perf_counter() - start)
    return times


@contextlib.contextmanager
def local_server(url: str | None = None) -> Iterator[str]:
    """Yield ``url``, or start the local Nominatim (building it if needed) and yield its URL."""
    if url:
        yield url.rstrip("/")
        return
    from tools.nominatim.server import NominatimServer, ensure_built

    with NominatimServer(ensure_built()) as server:
        yield server.url


def _ms(values: List[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)]
    return f"median {statistics.median(values) * 1000:6.2f} ms, p95 {p95 * 1000:6.2f} ms"


def run(url: str, n: int = 100, rounds: int = 3) -> float:
    import requests

    client = NominatimClient(
        Endpoint.self_hosted(url, min_interval=0.0), HttpTransport(timeout=30), cache=None
    )
    session = requests.Session()
    session.headers["User-Agent"] = client.transport.user_agent
    queries = distinct_queries(n)
    urls = [client.search_url(q) for q in queries]

    def raw(url: str):
        reply = session.get(url, timeout=30)
        reply.raise_for_status()
        return reply.content

    def raw_json(url: str):
        return session.get(url, timeout=30).json()

    empty = sum(1 for q in queries if not client.search(q))  # warm-up, both connections open
    for u in urls[:5]:
        raw(u)
    ours: List[float] = []
    theirs: List[float] = []
    theirs_json: List[float] = []
    for _ in range(rounds):  # interleaved so that drift affects both sides alike
        for query, u in zip(queries, urls):
            ours += time_calls(client.search, [query])
            theirs += time_calls(raw, [u])
            theirs_json += time_calls(raw_json, [u])
    ratio = statistics.median(ours) / statistics.median(theirs)
    print(f"Nominatim at {url}: {n} distinct searches x {rounds} rounds ({empty} empty answers)")
    print(f"  plugin client (search -> Places)  {_ms(ours)}")
    print(f"  raw requests.get (bytes)          {_ms(theirs)}")
    print(f"  raw requests.get + .json()        {_ms(theirs_json)}")
    print(f"  ratio client / raw GET (median)   {ratio:.3f}  (target <= 1.10)")
    return ratio


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running Nominatim (default: start the local one)")
    parser.add_argument("-n", type=int, default=100, help="number of distinct searches")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    with local_server(args.url) as url:
        ratio = run(url, args.n, args.rounds)
    return 0 if ratio <= 1.10 else 1


if __name__ == "__main__":
    sys.exit(main())
