"""Benchmark: load an .osm file into the download GeoPackage, against GDAL's ogr2ogr.

Usage: python bench/bench_load.py [--rounds 5] [--keep DIR]

Inputs, cut from ``tests/data/liechtenstein.osm.pbf`` with osmium-tool and written as .osm:

* small: ``osmium extract -b 9.50,47.12,9.54,47.16 -s smart -S types=multipolygon,boundary``
  (about 6.9 MB, 36k nodes);
* large: the same for ``9.47,47.10,9.57,47.20`` (about 21 MB, 118k nodes).

Contenders, each run in a fresh process and measured the same way (a small wrapper process
starts it and reads its wall time, user+system CPU time and peak resident memory with
``getrusage(RUSAGE_CHILDREN)``):

* ours: ``load_osm_file`` + ``write_dataset`` (reader, geometry assembly, the four layers with
  their R*Tree spatial indexes, base snapshot). Besides the whole process (interpreter start,
  imports, load, exit), the load itself is timed inside the process (``load``: what a user waits
  for in QGIS, where the interpreter and the plugin are already loaded);
* GDAL: ``ogr2ogr -f GPKG out.gpkg in.osm`` (OSM driver with its default osmconf.ini, spatial
  indexes included), whole process. Its fixed cost (start-up, driver registration, an empty
  GeoPackage) is measured on a one-node file and shown too.

Rounds are interleaved (small/large, ours/GDAL alternating which goes first) and the medians are
printed, as the machine may be shared. Ratios: ours/GDAL for the in-process load and for the
whole process (wall), CPU time and peak memory. Growth: µs per node of each input, and the
marginal µs per node between the two inputs (linear growth: marginal ≈ average).

Targets: ours ≤ 1.0x GDAL's time and ≤ 3x its peak memory, linear growth small → large.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Dict, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.plugin_package import package_parent  # noqa: E402

PBF = ROOT / "tests" / "data" / "liechtenstein.osm.pbf"
INPUTS = {
    "small": "9.50,47.12,9.54,47.16",
    "large": "9.47,47.10,9.57,47.20",
}

# Runs in a fresh interpreter: our load, then its in-process figures as JSON on stdout.
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
    "load_cpu": cpu() - cpu_start, "imports": imported - start,
    "nodes": len(dataset.nodes), "ways": len(dataset.ways), "relations": len(dataset.relations),
    "counts": summary.counts,
}))
"""

# Runs in a fresh interpreter: one child process; its wall time, CPU time and peak memory (the
# only child's maximum), with the child's own JSON line (if any) merged in.
CHILD = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
result = subprocess.run(sys.argv[1:], check=True, stdout=subprocess.PIPE, text=True)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
figures = {}
lines = result.stdout.strip().splitlines()
if lines and lines[-1].startswith("{"):
    figures = json.loads(lines[-1])
figures.update(wall=wall, cpu=usage.ru_utime + usage.ru_stime, rss_kb=usage.ru_maxrss)
print(json.dumps(figures))
"""

TINY = b"""<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6"><node id="1" version="1" lat="47.1" lon="9.5"><tag k="a" v="b"/></node></osm>
"""


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


def measured(args) -> dict:
    """Run ``args`` in a fresh process: wall, CPU, peak memory (+ the process's own JSON)."""
    return run_json([sys.executable, "-c", CHILD, *args])


def bench_ours(osm: Path, out: Path) -> dict:
    if out.exists():
        out.unlink()
    return measured(
        [sys.executable, "-c", OURS, str(osm), str(out), str(package_parent()), str(ROOT)]
    )


def bench_gdal(osm: Path, out: Path) -> dict:
    if out.exists():
        out.unlink()
    return measured(["ogr2ogr", "-f", "GPKG", str(out), str(osm)])


def median_of(runs: list, key: str) -> float:
    return statistics.median(run[key] for run in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
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
        tiny = folder / "tiny.osm"
        tiny.write_bytes(TINY)
        runs: Dict[Tuple[str, str], list] = {}
        for round_ in range(options.rounds):
            names = list(files) if round_ % 2 == 0 else list(reversed(files))
            for name in names:
                contenders = [("ours", bench_ours), ("gdal", bench_gdal)]
                if round_ % 2:
                    contenders.reverse()
                for who, bench in contenders:
                    out = folder / f"{name}.{who}.gpkg"
                    runs.setdefault((name, who), []).append(bench(files[name], out))
            runs.setdefault(("tiny", "gdal"), []).append(
                bench_gdal(tiny, folder / "tiny.gdal.gpkg")
            )
        gdal_fixed = median_of(runs[("tiny", "gdal")], "wall")
        gdal_fixed_rss = median_of(runs[("tiny", "gdal")], "rss_kb")
        print(
            f"median of {options.rounds} interleaved rounds; ogr2ogr's fixed cost (one-node file):"
            f" {gdal_fixed:.3f}s, {gdal_fixed_rss / 1024:.0f}MB"
        )
        print(f"{'input':6} {'size':>7} {'nodes':>7} | {'load':>6} {'parse':>6} {'write':>6}"
              f" {'cpu':>6} | {'process':>7} {'cpu':>6} {'peak':>6} | {'ogr2ogr':>7} {'cpu':>6}"
              f" {'peak':>6} | {'load x':>6} {'proc x':>6} {'cpu x':>5} {'mem x':>5}")  # fmt: skip
        table = {}
        for name, osm in files.items():
            ours, gdal = runs[(name, "ours")], runs[(name, "gdal")]
            row = {key: median_of(ours, key) for key in
                   ("load", "parse", "write", "load_cpu", "wall", "cpu", "rss_kb")}  # fmt: skip
            row.update({f"gdal_{key}": median_of(gdal, key) for key in ("wall", "cpu", "rss_kb")})
            row["nodes"] = ours[-1]["nodes"]
            table[name] = row
            print(
                f"{name:6} {osm.stat().st_size / 1e6:5.1f}MB {row['nodes']:7d} |"
                f" {row['load']:5.3f}s {row['parse']:5.3f}s {row['write']:5.3f}s"
                f" {row['load_cpu']:5.3f}s | {row['wall']:6.3f}s {row['cpu']:5.3f}s"
                f" {row['rss_kb'] / 1024:4.0f}MB | {row['gdal_wall']:6.3f}s"
                f" {row['gdal_cpu']:5.3f}s {row['gdal_rss_kb'] / 1024:4.0f}MB |"
                f" {row['load'] / row['gdal_wall']:5.2f}x {row['wall'] / row['gdal_wall']:5.2f}x"
                f" {row['cpu'] / row['gdal_cpu']:4.2f}x {row['rss_kb'] / row['gdal_rss_kb']:4.2f}x"
            )
        small, large = table["small"], table["large"]
        extra = large["nodes"] - small["nodes"]
        print("µs per node (small → large; marginal = extra time / extra nodes):")
        for label, key in (
            ("ours load", "load"),
            ("ours process", "wall"),
            ("ogr2ogr", "gdal_wall"),
        ):
            print(
                f"  {label:13} {small[key] / small['nodes'] * 1e6:5.1f} →"
                f" {large[key] / large['nodes'] * 1e6:5.1f}, marginal"
                f" {(large[key] - small[key]) / extra * 1e6:5.1f}"
            )
        print("layers (large):", json.dumps(runs[("large", "ours")][-1]["counts"]))
    finally:
        if options.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
