"""Benchmark: a 25,000-change upload to the local sandbox, chunked (client side ≤ 20 % of total).

Usage: python bench/bench_upload.py [-n 25000]

A part of Vaduz is downloaded from a fresh sandbox into a GeoPackage; then, with SQL, every
tagged point is retagged and new points and 5-vertex lines are added until the edits make ``n``
changes. The changes are computed, checked and written as osmChange first, as the review
dialog does before the user presses "Upload" (the differ has its own benchmark). Timed:
:func:`upload_geopackage` with those changes, as the plugin runs it: journal on disk,
changesets, chunks of ``maximum_elements``, each diffResult written back into the GeoPackage,
close. The client-side time is everything but the HTTP calls (server and network).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BBOX = "9.515,47.135,9.530,47.145"
CLIENT_SHARE_TARGET = 0.20


def _import_plugin():
    """Import the repository as ``osm_roundtrip`` (its QGIS name), as the tests do."""
    digest = hashlib.sha1(str(ROOT).encode()).hexdigest()[:10]
    parent = Path(tempfile.gettempdir()) / f"osm_roundtrip_pkg_{digest}"
    parent.mkdir(exist_ok=True)
    link = parent / "osm_roundtrip"
    if not link.is_symlink():
        with contextlib.suppress(FileExistsError):
            link.symlink_to(ROOT, target_is_directory=True)
    for path in (str(parent), str(ROOT), str(ROOT / "tests")):
        if path not in sys.path:
            sys.path.insert(0, path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=25_000, help="number of changes")
    args = parser.parse_args()
    _import_plugin()
    import requests
    from sandbox_fixture import start_sandbox

    from osm_roundtrip.plugin.core.gpkg import encode_linestring, encode_point, write_dataset
    from osm_roundtrip.plugin.core.gpkg_update import connect
    from osm_roundtrip.plugin.core.http import HttpTransport
    from osm_roundtrip.plugin.core.osm import upload
    from osm_roundtrip.plugin.core.osm.api import OsmApi
    from osm_roundtrip.plugin.core.osm.osmchange import build, validate
    from osm_roundtrip.plugin.core.osm.xmlreader import parse_osm_bytes

    with tempfile.TemporaryDirectory() as folder, start_sandbox() as sandbox:
        path = Path(folder) / "bench.gpkg"
        reply = requests.get(sandbox.api + "/map", params={"bbox": BBOX}, timeout=120)
        reply.raise_for_status()
        write_dataset(parse_osm_bytes(reply.content), path, api_url=sandbox.api)
        with connect(path) as db:
            retagged = db.execute(
                'UPDATE osm_points SET other_tags = \'{"check_date":"2025-06-01"}\' '
                "WHERE osm_id IS NOT NULL"
            ).rowcount
            left = args.n - retagged
            lines = left // 12  # a new line = 1 way + 5 nodes, a new point = 1 node
            points = left - 6 * lines
            rows = []
            for i in range(points):
                x, y = 9.5155 + (i % 200) * 0.00007, 47.1355 + (i // 200) * 0.00007
                rows.append((encode_point(x, y), f"bench {i}"))
            db.executemany(
                "INSERT INTO osm_points (geom, amenity, name) VALUES (?, 'bench', ?)", rows
            )
            rows = []
            for i in range(lines):
                x, y = 9.5160 + (i % 100) * 0.0001, 47.1360 + (i // 100) * 0.00005
                coords = [(x + k * 0.00002, y + (k % 2) * 0.00002) for k in range(5)]
                rows.append((encode_linestring(coords)[0],))
            db.executemany("INSERT INTO osm_lines (geom, highway) VALUES (?, 'footway')", rows)
            shortfall = args.n - len(upload.changes_of_geopackage(path))
            db.executemany(
                "INSERT INTO osm_points (geom, amenity) VALUES (?, 'waste_basket')",
                [
                    (encode_point(9.5290 - (i % 100) * 0.00007, 47.1440 - (i // 100) * 0.00007),)
                    for i in range(max(0, shortfall))
                ],
            )
        # The review step computes the changes (the differ has its own benchmark).
        start = time.perf_counter()
        changes = upload.changes_of_geopackage(path)
        validate(changes, None, "Benchmark")
        pending = build(changes, None)  # the review dialog shows this document
        diff_seconds = time.perf_counter() - start
        api = OsmApi(sandbox.api, sandbox.token(), HttpTransport(timeout=600))
        start = time.perf_counter()
        report = upload.upload_geopackage(
            path,
            api,
            comment="Benchmark",
            source="bench",
            changes=changes,
            validated=True,
            pending=pending,
        )
        total = time.perf_counter() - start
        left_over = upload.changes_of_geopackage(path)
    client = total - report.request_seconds
    share = client / total
    print(
        f"changes uploaded:     {report.uploaded:,} ({report.created:,} created, "
        f"{report.modified:,} modified, {report.deleted:,} deleted)"
    )
    print(f"chunks / changesets:  {report.chunks} / {len(report.changesets)}")
    print(f"total time:           {total:.2f} s")
    print(f"server + network:     {report.request_seconds:.2f} s")
    print(
        f"client side:          {client:.2f} s ({share:.1%} of total, target ≤ "
        f"{CLIENT_SHARE_TARGET:.0%})"
    )
    print(f"left to upload after: {len(left_over)}")
    print(f"(review before the upload: diff, checks, osmChange text: {diff_seconds:.2f} s)")
    ok = share <= CLIENT_SHARE_TARGET and report.uploaded >= args.n and not left_over
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
