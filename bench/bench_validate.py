"""Benchmark: validating 10,000 edited features (target < 1 s).

Usage: python bench/bench_validate.py [-n 10000] [--rounds 5]

The synthetic download and the bulk edits of ``bench_diff.py`` (retagged, moved and inserted
vertices, cleared tags, deletions, new points and footways), with the new features moved over the
existing roads and buildings so that the crossing, almost-junction and connectivity rules have
work to do. Timed: ``validate_changes`` with the iD tagging schema (loaded once, beforehand, as
the plugin does); the best and median of ``--rounds`` runs are printed, with the issues by rule.
"""

from __future__ import annotations

import argparse
import collections
import copy
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from tools.plugin_package import use_plugin_package  # noqa: E402

use_plugin_package()

from bench_diff import edit, make_base  # noqa: E402

from osm_roundtrip.plugin.core.osm.diff import compute_changes, loaded_features  # noqa: E402
from osm_roundtrip.plugin.core.osm.features import LINES, POINTS  # noqa: E402
from osm_roundtrip.plugin.core.validate import load_schema, validate_changes  # noqa: E402
from tools import id_schema  # noqa: E402

TARGET = 1.0
NEW_FID = 10**6  # bench_diff numbers its new features from here


def over_the_base(features) -> None:
    """Move the new features from their empty corner onto the existing map."""
    dx, dy = -0.5 + 0.0011, -0.8 + 0.00005
    for layer in (POINTS, LINES):
        for f in features[layer]:
            if f.fid < NEW_FID:
                continue
            if layer == POINTS:
                f.geometry = (round(f.geometry[0] + dx, 7), round(f.geometry[1] + dy, 7))
            else:
                f.geometry = [(round(x + dx, 7), round(y + dy, 7)) for x, y in f.geometry]


def run(n_edits: int, rounds: int) -> bool:
    start = time.perf_counter()
    schema = load_schema(id_schema.ensure())
    load_time = time.perf_counter() - start
    base = make_base(2 * n_edits)
    pristine = loaded_features(base)
    features = edit(copy.deepcopy(pristine), n_edits)
    over_the_base(features)
    changes = compute_changes(base, features)
    times, cpu_times = [], []
    report = None
    for _ in range(rounds):
        report = None
        cpu = time.process_time()
        begin = time.perf_counter()
        report = validate_changes(changes, base, features, schema=schema, comment="Bench")
        times.append(time.perf_counter() - begin)
        cpu_times.append(time.process_time() - cpu)
    by_rule = collections.Counter(f"{i.severity} {i.rule}" for i in report.issues)
    print(
        f"base: {len(base.nodes)} nodes, {len(base.ways)} ways; {n_edits} features edited; "
        f"changes: {changes.summary()}"
    )
    print("issues: " + ", ".join(f"{k}: {v}" for k, v in sorted(by_rule.items())))
    print(f"schema {schema.version} loaded in {load_time:.3f} s (once per session)")
    print(
        f"validate: best {min(times):.3f} s, median {statistics.median(times):.3f} s "
        f"(CPU time: best {min(cpu_times):.3f} s) over {rounds} rounds"
    )
    met = min(times) < TARGET
    print(f"target < {TARGET:g} s:", "met" if met else "NOT met")
    return met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000, help="edited features")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    sys.exit(0 if run(args.n, args.rounds) else 1)


if __name__ == "__main__":
    main()
