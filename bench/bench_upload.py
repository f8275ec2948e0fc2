"""Benchmark: a 25,000-change upload to the local sandbox, chunked (client side ≤ 20 % of total).

Usage: python bench/bench_upload.py [-n 25000] [-r 5]

A part of Vaduz is downloaded from a fresh sandbox into a GeoPackage; then, with SQL, every
tagged point is retagged and new points and 5-vertex lines are added until the edits make ``n``
changes. The changes are computed, checked and written as osmChange first, as the review
dialog does before the user presses "Upload" (the differ has its own benchmark). Timed:
:func:`upload_geopackage` with those changes, as the plugin runs it: journal on disk,
changesets, chunks of ``maximum_elements``, each diffResult written back into the GeoPackage,
close. The client-side time is everything but the HTTP calls (server and network).

Each of ``-r`` rounds starts from the sandbox's pristine data (``.reset()``) and a new
GeoPackage; the figures printed are medians over the rounds (the share is the median of the
rounds' shares), with the CPU time of this process (both threads) during the upload. The exit
status is 1 when the median share misses the target or a round left changes behind.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BBOX = "9.515,47.135,9.530,47.145"
CLIENT_SHARE_TARGET = 0.20


def _import_plugin():
    """Import the repository as ``osm_roundtrip`` (its QGIS name), as the tests do."""
    sys.path.insert(0, str(ROOT))
    from tools.plugin_package import use_plugin_package

    use_plugin_package()


def _prepare(sandbox, path: Path, n: int, modules, capabilities) -> tuple:
    """Download into ``path``, edit it to ``n`` changes, review them; ``(changes, osmChange,
    review seconds)``."""
    import requests

    gpkg, connect, upload, build, validate, parse_osm_bytes = modules
    reply = requests.get(sandbox.api + "/map", params={"bbox": BBOX}, timeout=120)
    reply.raise_for_status()
    gpkg.write_dataset(parse_osm_bytes(reply.content), path, api_url=sandbox.api)
    with connect(path) as db:
        retagged = db.execute(
            'UPDATE osm_points SET other_tags = \'{"check_date":"2025-06-01"}\' '
            "WHERE osm_id IS NOT NULL"
        ).rowcount
        left = n - retagged
        lines = left // 12  # a new line = 1 way + 5 nodes, a new point = 1 node
        points = left - 6 * lines
        rows = []
        for i in range(points):
            x, y = 9.5155 + (i % 200) * 0.00007, 47.1355 + (i // 200) * 0.00007
            rows.append((gpkg.encode_point(x, y), f"bench {i}"))
        db.executemany("INSERT INTO osm_points (geom, amenity, name) VALUES (?, 'bench', ?)", rows)
        rows = []
        for i in range(lines):
            x, y = 9.5160 + (i % 100) * 0.0001, 47.1360 + (i // 100) * 0.00005
            coords = [(x + k * 0.00002, y + (k % 2) * 0.00002) for k in range(5)]
            rows.append((gpkg.encode_linestring(coords)[0],))
        db.executemany("INSERT INTO osm_lines (geom, highway) VALUES (?, 'footway')", rows)
        shortfall = n - len(upload.changes_of_geopackage(path))
        db.executemany(
            "INSERT INTO osm_points (geom, amenity) VALUES (?, 'waste_basket')",
            [
                (gpkg.encode_point(9.5290 - (i % 100) * 0.00007, 47.1440 - (i // 100) * 0.00007),)
                for i in range(max(0, shortfall))
            ],
        )
    # The review step computes the changes (the differ has its own benchmark) and checks them
    # against the server's limits, which the upload is then given, as the plugin does.
    start = time.perf_counter()
    changes = upload.changes_of_geopackage(path)
    validate(changes, capabilities, "Benchmark")
    pending = build(changes, None)  # the review dialog shows this document
    return changes, pending, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=25_000, help="number of changes")
    parser.add_argument("-r", "--rounds", type=int, default=5, help="rounds (medians are shown)")
    args = parser.parse_args()
    _import_plugin()
    from osm_roundtrip.plugin.core import gpkg
    from osm_roundtrip.plugin.core.gpkg_update import connect
    from osm_roundtrip.plugin.core.http import HttpTransport
    from osm_roundtrip.plugin.core.osm import upload
    from osm_roundtrip.plugin.core.osm.api import OsmApi
    from osm_roundtrip.plugin.core.osm.osmchange import build, validate
    from osm_roundtrip.plugin.core.osm.xmlreader import parse_osm_bytes
    from tools.osm_sandbox.launch import start_sandbox

    modules = (gpkg, connect, upload, build, validate, parse_osm_bytes)
    rounds = []
    complete = True
    with start_sandbox() as sandbox:
        for number in range(max(1, args.rounds)):
            if number:
                sandbox.reset()
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "bench.gpkg"
                api = OsmApi(sandbox.api, sandbox.token(), HttpTransport(timeout=600))
                capabilities = api.capabilities()
                changes, pending, review = _prepare(sandbox, path, args.n, modules, capabilities)
                gc.collect()
                cpu = time.process_time()
                start = time.perf_counter()
                report = upload.upload_geopackage(
                    path,
                    api,
                    comment="Benchmark",
                    source="bench",
                    changes=changes,
                    validated=True,
                    pending=pending,
                    capabilities=capabilities,
                )
                total = time.perf_counter() - start
                cpu = time.process_time() - cpu
                left_over = upload.changes_of_geopackage(path)
                del changes, pending
            client = total - report.request_seconds
            rounds.append((total, report.request_seconds, client, client / total, cpu, review))
            print(
                f"round {number + 1}: total {total:.2f} s, server + network "
                f"{report.request_seconds:.2f} s, client {client:.2f} s "
                f"({client / total:.1%}), CPU {cpu:.2f} s"
            )
            complete = complete and report.uploaded >= args.n and not left_over
    total, server, client, share, cpu, review = (
        statistics.median(column) for column in zip(*rounds)
    )
    print(
        f"changes uploaded:     {report.uploaded:,} ({report.created:,} created, "
        f"{report.modified:,} modified, {report.deleted:,} deleted)"
    )
    print(f"chunks / changesets:  {report.chunks} / {len(report.changesets)}")
    print(f"medians of {len(rounds)} rounds:")
    print(f"total time:           {total:.2f} s")
    print(f"server + network:     {server:.2f} s")
    print(
        f"client side:          {client:.2f} s ({share:.1%} of total, target ≤ "
        f"{CLIENT_SHARE_TARGET:.0%})"
    )
    print(f"CPU time (process):   {cpu:.2f} s")
    print(f"left to upload after: {len(left_over)}")
    print(f"(review before the upload: diff, checks, osmChange text: {review:.2f} s)")
    ok = share <= CLIENT_SHARE_TARGET and complete
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
