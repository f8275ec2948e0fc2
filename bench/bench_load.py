"""Benchmark: load an .osm file into the download GeoPackage, against GDAL's ogr2ogr.

Usage: python bench/bench_load.py [--rounds 3] [--keep DIR]

Inputs, cut from ``tests/data/liechtenstein.osm.pbf`` with osmium-tool and written as .osm:

* small: ``osmium extract -b 9.50,47.12,9.54,47.16 -s smart -S types=multipolygon,boundary``
  (about 6.9 MB, 36k nodes);
* large: the same for ``9.47,47.10,9.57,47.20`` (about 118k nodes).

For each input and each contender, every round runs in a fresh process; printed are the best
wall time over the rounds and the peak resident memory of that process:

* ours: ``load_osm_file`` + ``write_dataset`` (reader, geometry assembly, the four layers with
  their R*Tree spatial indexes, base snapshot), timed in the process (``load``) and for the whole
  process including interpreter start and imports (``process``);
* GDAL: ``ogr2ogr -f GPKG out.gpkg in.osm`` (OSM driver with its default osmconf.ini, spatial
  indexes included), whole process.

Targets: ours ≤ 1.0x GDAL's time and ≤ 3x its peak memory, linear growth small → large.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PBF = ROOT / "tests" / "data" / "liechtenstein.osm.pbf"
INPUTS = {
    "small": "9.50,47.12,9.54,47.16",
    "large": "9.47,47.10,9.57,47.20",
}

# Runs in a fresh interpreter: our load, then its figures as JSON on stdout.
OURS = r"""
import json, resource, sys, time
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
start = time.perf_counter()
sys.path[:0] = [sys.argv[3], sys.argv[4]]
from osm_roundtrip.plugin.core.gpkg import write_dataset
from osm_roundtrip.plugin.core.osm.xmlreader import load_osm_file
imported = time.perf_counter()
cpu_start = cpu()
dataset = load_osm_file(sys.argv[1])
parsed = time.perf_counter()
summary = write_dataset(dataset, sys.argv[2])
done = time.perf_counter()
print(json.dumps({
    "load": done - imported, "parse": parsed - imported, "write": done - parsed,
    "cpu": cpu() - cpu_start,
    "imports": imported - start, "nodes": len(dataset.nodes), "ways": len(dataset.ways),
    "relations": len(dataset.relations), "counts": summary.counts,
    "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
}))
"""

# Runs in a fresh interpreter: one child process, its peak memory (the only child's maximum).
CHILD = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_kb": usage.ru_maxrss}))
"""


def package_parent() -> Path:
    import hashlib

    digest = hashlib.sha1(str(ROOT).encode()).hexdigest()[:10]
    parent = Path(tempfile.gettempdir()) / f"osm_roundtrip_pkg_{digest}"
    parent.mkdir(exist_ok=True)
    link = parent / "osm_roundtrip"
    if not link.is_symlink():
        with contextlib.suppress(FileExistsError):
            link.symlink_to(ROOT, target_is_directory=True)
    return parent


def prepare(folder: Path) -> dict:
    files = {}
    for name, box in INPUTS.items():
        path = folder / f"{name}.osm"
        if not path.exists():
            subprocess.run(
                ["osmium", "extract", "-b", box, "-s", "smart", "-S",
                 "types=multipolygon,boundary", str(PBF), "-o", str(path), "-O", "--no-progress"],
                check=True,
            )  # fmt: skip
        files[name] = path
    return files


def run_json(args) -> dict:
    result = subprocess.run(args, check=True, capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def bench_ours(osm: Path, out: Path) -> dict:
    if out.exists():
        out.unlink()
    start = time.perf_counter()
    figures = run_json(
        [sys.executable, "-c", OURS, str(osm), str(out), str(package_parent()), str(ROOT)]
    )
    figures["process"] = time.perf_counter() - start
    return figures


def bench_gdal(osm: Path, out: Path) -> dict:
    if out.exists():
        out.unlink()
    return run_json([sys.executable, "-c", CHILD, "ogr2ogr", "-f", "GPKG", str(out), str(osm)])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="folder for the inputs and outputs (kept)")
    options = parser.parse_args()
    for tool in ("osmium", "ogr2ogr"):
        if not shutil.which(tool):
            print(f"{tool} is needed for this benchmark", file=sys.stderr)
            return 2
    folder = options.keep or Path(tempfile.mkdtemp(prefix="bench-load-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        files = prepare(folder)
        results = {}
        for name, osm in files.items():
            ours_runs = [
                bench_ours(osm, folder / f"{name}.ours.gpkg") for _ in range(options.rounds)
            ]
            gdal_runs = [
                bench_gdal(osm, folder / f"{name}.gdal.gpkg") for _ in range(options.rounds)
            ]
            results[name] = (
                min(ours_runs, key=lambda r: r["load"]),
                min(ours_runs, key=lambda r: r["process"]),
                min(gdal_runs, key=lambda r: r["wall"]),
                osm.stat().st_size,
                min(r["cpu"] for r in ours_runs),
                min(r["cpu"] for r in gdal_runs),
            )
        print(f"{'input':6} {'size':>8} {'nodes':>7} | {'ours load':>9} {'parse':>6} {'write':>6}"
              f" {'process':>8} {'peak':>7} | {'ogr2ogr':>8} {'peak':>7} | {'time x':>6}"
              f" {'proc x':>6} {'mem x':>5}")  # fmt: skip
        for name, (ours, ours_process, gdal, size, _, _) in results.items():
            print(
                f"{name:6} {size / 1e6:6.1f}MB {ours['nodes']:7d} | {ours['load']:8.3f}s"
                f" {ours['parse']:5.3f}s {ours['write']:5.3f}s {ours_process['process']:7.3f}s"
                f" {ours['rss_kb'] / 1024:5.0f}MB | {gdal['wall']:7.3f}s"
                f" {gdal['rss_kb'] / 1024:5.0f}MB | {ours['load'] / gdal['wall']:5.2f}x"
                f" {ours_process['process'] / gdal['wall']:5.2f}x"
                f" {ours['rss_kb'] / gdal['rss_kb']:4.2f}x"
            )
        print("CPU time (user+system, best round; less sensitive to other load on the machine):")
        for name, (*_, ours_cpu, gdal_cpu) in results.items():
            print(
                f"  {name:6} ours {ours_cpu:6.3f}s  ogr2ogr {gdal_cpu:6.3f}s"
                f"  ratio {ours_cpu / gdal_cpu:4.2f}x"
            )
        small, _, small_gdal, *_ = results["small"]
        large, _, large_gdal, *_ = results["large"]
        growth_nodes = large["nodes"] / small["nodes"]
        growth_gdal = large_gdal["wall"] / small_gdal["wall"]
        print(
            f"growth small→large: nodes x{growth_nodes:.2f}, our load x"
            f"{large['load'] / small['load']:.2f}, ogr2ogr x{growth_gdal:.2f};"
            f" our µs per node: {small['load'] / small['nodes'] * 1e6:.1f} →"
            f" {large['load'] / large['nodes'] * 1e6:.1f}"
        )
        print("layers (large):", json.dumps(large["counts"]))
    finally:
        if options.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
