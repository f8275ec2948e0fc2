"""Benchmark: diff + osmChange for 10,000 edited features (target < 0.3 s).

Usage: python bench/bench_diff.py [-n 10000] [--rounds 5]

A synthetic download (lines of 6 nodes sharing their end nodes, buildings, points) of about
``2n`` features; ``n`` of them are edited the way a mapper does it in bulk: a quarter retagged,
a quarter with a moved vertex, a quarter with an inserted vertex, a tenth deleted, plus new
points and lines. Timed: ``compute_changes`` then ``osmchange.build``; the best and median of
``--rounds`` runs are printed, with the element counts.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


sys.path.insert(0, str(ROOT))
from tools.plugin_package import use_plugin_package  # noqa: E402

use_plugin_package()

from osm_roundtrip.plugin.core.osm import osmchange  # noqa: E402
from osm_roundtrip.plugin.core.osm.diff import compute_changes, loaded_features  # noqa: E402
from osm_roundtrip.plugin.core.osm.features import (  # noqa: E402
    LINES,
    POINTS,
    POLYGONS,
    EditedFeature,
)
from osm_roundtrip.plugin.core.osm.model import DataSet, Node, Way  # noqa: E402


def make_base(n_features: int) -> DataSet:
    ds = DataSet()
    ds.bounds.append((9.0, 47.0, 10.0, 48.0))
    nid = 0

    def node(lon, lat, tags=None):
        nonlocal nid
        nid += 1
        ds.nodes[nid] = Node(nid, round(lat, 7), round(lon, 7), 1, tags or {})
        return nid

    per_kind = max(1, n_features // 3)
    previous_end = None
    for i in range(per_kind):
        x, y = 9.0 + (i % 300) * 0.003, 47.0 + (i // 300) * 0.003
        refs = [previous_end or node(x, y)] + [
            node(x + k * 0.0004, y + 0.0001 * k) for k in range(1, 6)
        ]
        previous_end = refs[-1] if i % 2 == 0 else None
        ds.ways[i + 1] = Way(i + 1, refs, 1, {"highway": "residential", "name": f"Weg {i}"})
    for i in range(per_kind):
        x, y = 9.0 + (i % 300) * 0.003 + 0.001, 47.0005 + (i // 300) * 0.003
        refs = [node(x, y), node(x + 0.0002, y), node(x + 0.0002, y + 0.0002), node(x, y + 0.0002)]
        wid = per_kind + i + 1
        ds.ways[wid] = Way(wid, [*refs, refs[0]], 1, {"building": "yes"})
    for i in range(per_kind):
        node(9.0 + (i % 300) * 0.003 + 0.002, 47.002 + (i // 300) * 0.003, {"amenity": "bench"})
    return ds


def edit(features, n_edits: int):
    """Edit ``n_edits`` features in place (retag, move, insert, delete) and add new ones."""
    lines, polygons, points = features[LINES], features[POLYGONS], features[POINTS]
    pool = [*lines, *polygons, *points]
    quarter = n_edits // 4
    for f in pool[:quarter]:
        f.tags = {**f.tags, "note": "checked"}
    for f in pool[quarter : 2 * quarter]:
        if f.layer == POINTS:
            lon, lat = f.geometry
            f.geometry = (lon + 2e-6, lat)
        elif f.layer == LINES:
            lon, lat = f.geometry[2]
            f.geometry[2] = (lon, lat + 3e-6)
        else:
            ring = f.geometry[0][0]
            lon, lat = ring[1]
            ring[1] = (lon + 1e-6, lat + 1e-6)
    for f in pool[2 * quarter : 3 * quarter]:
        if f.layer == LINES:
            (x1, y1), (x2, y2) = f.geometry[1], f.geometry[2]
            f.geometry.insert(2, ((x1 + x2) / 2, (y1 + y2) / 2 + 1e-6))
        elif f.layer == POLYGONS:
            ring = f.geometry[0][0]
            (x1, y1), (x2, y2) = ring[1], ring[2]
            ring.insert(2, ((x1 + x2) / 2 + 1e-6, (y1 + y2) / 2))
        else:
            f.tags = {}  # clear every tag column
    deleted = {id(f) for f in pool[3 * quarter : 3 * quarter + n_edits // 10]}
    for layer in (LINES, POLYGONS, POINTS):
        features[layer] = [f for f in features[layer] if id(f) not in deleted]
    remaining = n_edits - 3 * quarter - n_edits // 10
    for i in range(remaining):
        x, y = 9.5 + (i % 100) * 0.001 + 3e-7, 47.8 + (i // 100) * 0.001
        if i % 2:
            features[POINTS].append(
                EditedFeature(POINTS, 10**6 + i, None, None, {"amenity": "post_box"}, (x, y))
            )
        else:
            features[LINES].append(
                EditedFeature(
                    LINES,
                    10**6 + i,
                    None,
                    None,
                    {"highway": "footway"},
                    [(x, y), (x + 0.0003, y + 0.0001), (x + 0.0006, y)],
                )
            )
    return features


def run(n_edits: int, rounds: int) -> None:
    base = make_base(2 * n_edits)
    pristine = loaded_features(base)
    total = sum(len(v) for v in pristine.values())
    times, diff_times, cpu_times = [], [], []
    changes = None
    for _ in range(rounds):
        features = edit(copy.deepcopy(pristine), n_edits)
        changes = xml = None  # freeing the previous round's result is not part of this one
        cpu = time.process_time()
        start = time.perf_counter()
        changes = compute_changes(base, features)
        middle = time.perf_counter()
        xml = osmchange.build(changes, 1)
        end = time.perf_counter()
        times.append(end - start)
        diff_times.append(middle - start)
        cpu_times.append(time.process_time() - cpu)
    print(
        f"base: {len(base.nodes)} nodes, {len(base.ways)} ways, {total} features; "
        f"{n_edits} features edited"
    )
    print(f"changes: {changes.summary()} ({len(changes)} elements, {len(xml)} bytes of XML)")
    print(
        f"diff + osmChange: best {min(times):.3f} s, median {statistics.median(times):.3f} s "
        f"(diff alone: median {statistics.median(diff_times):.3f} s; CPU time: best "
        f"{min(cpu_times):.3f} s) over {rounds} rounds"
    )
    print("target < 0.3 s:", "met" if min(times) < 0.3 else "NOT met")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000, help="edited features")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    run(args.n, args.rounds)


if __name__ == "__main__":
    main()
