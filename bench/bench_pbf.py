"""Benchmark: read ``tests/data/liechtenstein.osm.pbf`` with the pure-Python PBF reader.

Usage: python bench/bench_pbf.py [--rounds 5] [--keep DIR]

Contenders, each run in a fresh process (a small wrapper process starts it and reads its wall
time, user+system CPU time and peak resident memory with ``getrusage(RUSAGE_CHILDREN)``), the
read itself also timed inside the process:

* pbf: ``load_pbf_file`` on the bundled file (3.1 MB, 383k nodes, 36.5k ways, 911 relations);
* xml: ``load_osm_file`` on the same data written as .osm by ``osmium cat`` (59 MB) -- what a
  user would have to do without the PBF reader (plus the conversion itself, not counted);
* empty: the interpreter and the imports alone, to show the fixed cost.

Rounds are interleaved (which contender goes first alternates) and the medians are printed, as
the machine may be shared. Also: CPU µs per element (nodes + ways + relations), MB of input per
CPU second and the peak memory above the empty process.

Targets: the PBF read takes at most 1.2x the CPU time of the XML read of the same data (CPU, not
wall time: steadier on a shared machine), and its peak memory is at most 1.0x the XML read's
(both build the same data set; the PBF reader holds one block at a time).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.plugin_package import package_parent  # noqa: E402

PBF = ROOT / "tests" / "data" / "liechtenstein.osm.pbf"
MAX_TIME_RATIO = 1.2
MAX_MEMORY_RATIO = 1.0

# Runs in a fresh interpreter: one read, then its in-process figures as JSON on stdout.
READ = r"""
import json, sys, time
sys.path[:0] = [sys.argv[3]]
from osm_roundtrip.plugin.core.osm.pbf import load_pbf_file
from osm_roundtrip.plugin.core.osm.xmlreader import load_osm_file
start, cpu_start = time.perf_counter(), time.process_time()
if sys.argv[1] == "pbf":
    dataset = load_pbf_file(sys.argv[2])
elif sys.argv[1] == "xml":
    dataset = load_osm_file(sys.argv[2])
else:
    dataset = None
read, read_cpu = time.perf_counter() - start, time.process_time() - cpu_start
counts = [len(dataset.nodes), len(dataset.ways), len(dataset.relations)] if dataset else [0, 0, 0]
print(json.dumps({"read": read, "read_cpu": read_cpu, "counts": counts}))
"""

CHILD = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
result = subprocess.run(sys.argv[1:], check=True, stdout=subprocess.PIPE, text=True)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
figures = json.loads(result.stdout.strip().splitlines()[-1])
figures.update(wall=wall, cpu=usage.ru_utime + usage.ru_stime, rss_kb=usage.ru_maxrss)
print(json.dumps(figures))
"""


def measured(kind: str, path: Path) -> dict:
    args = [sys.executable, "-c", READ, kind, str(path), str(package_parent())]
    result = subprocess.run(
        [sys.executable, "-c", CHILD, *args], check=True, capture_output=True, text=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="folder for the .osm copy (kept)")
    options = parser.parse_args()
    if not shutil.which("osmium"):
        print("osmium-tool is needed for this benchmark (the XML copy)", file=sys.stderr)
        return 2
    folder = options.keep or Path(tempfile.mkdtemp(prefix="bench-pbf-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        xml = folder / "liechtenstein.osm"
        if not xml.exists():
            subprocess.run(
                ["osmium", "cat", str(PBF), "-o", str(xml), "-O", "--no-progress"], check=True
            )
        inputs = {"pbf": PBF, "xml": xml, "empty": PBF}
        runs: dict = {name: [] for name in inputs}
        for round_ in range(options.rounds):
            names = list(inputs) if round_ % 2 == 0 else list(reversed(inputs))
            for name in names:
                runs[name].append(measured(name, inputs[name]))

        def median(name: str, key: str) -> float:
            return statistics.median(run[key] for run in runs[name])

        counts = runs["pbf"][-1]["counts"]
        assert counts == runs["xml"][-1]["counts"], (counts, runs["xml"][-1]["counts"])
        elements = sum(counts)
        base_rss = median("empty", "rss_kb")
        print(
            f"median of {options.rounds} interleaved rounds; {counts[0]} nodes, {counts[1]} ways,"
            f" {counts[2]} relations; empty process: {median('empty', 'wall'):.3f}s,"
            f" {base_rss / 1024:.0f}MB"
        )
        print(
            f"{'input':5} {'size':>7} | {'read':>6} {'cpu':>6} {'µs/elt':>6} {'MB/s':>6} |"
            f" {'process':>7} {'cpu':>6} {'peak':>6} {'+data':>6}"
        )
        for name in ("pbf", "xml"):
            size = inputs[name].stat().st_size / 1e6
            read = median(name, "read")
            read_cpu = median(name, "read_cpu")
            rss = median(name, "rss_kb")
            print(
                f"{name:5} {size:5.1f}MB | {read:5.2f}s {read_cpu:5.2f}s"
                f" {read_cpu / elements * 1e6:6.2f} {size / read_cpu:6.1f} |"
                f" {median(name, 'wall'):6.2f}s {median(name, 'cpu'):5.2f}s"
                f" {rss / 1024:4.0f}MB {(rss - base_rss) / 1024:4.0f}MB"
            )
        time_ratio = median("pbf", "read_cpu") / median("xml", "read_cpu")
        memory_ratio = median("pbf", "rss_kb") / median("xml", "rss_kb")
        print(
            f"pbf/xml: read CPU time {time_ratio:.2f}x (target ≤ {MAX_TIME_RATIO}x),"
            f" peak memory {memory_ratio:.2f}x (target ≤ {MAX_MEMORY_RATIO}x)"
        )
        missed = []
        if time_ratio > MAX_TIME_RATIO:
            missed.append("read time")
        if memory_ratio > MAX_MEMORY_RATIO:
            missed.append("peak memory")
        if missed:
            print("TARGET MISSED: " + ", ".join(missed))
            return 1
        return 0
    finally:
        if options.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
