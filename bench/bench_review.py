"""Benchmark: the review of one changed tag on a whole-country download (target < 1 s).

Usage: python bench/bench_review.py [--rounds 5]

The bundled extract (all of Liechtenstein: about 383,000 nodes) is written as a download's
GeoPackage, then one tag of one point is changed in the file, as QGIS saves an edit. Timed,
as the review runs it: the changes from the file (:func:`review_of_geopackage`, which reads the
edit log and the edits' surroundings), the validation with the iD tagging schema (loaded once,
beforehand, as the plugin does) and the osmChange text. For comparison, the same changes
computed from the whole file (every feature and the whole base snapshot) are timed once.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.plugin_package import use_plugin_package  # noqa: E402

use_plugin_package()

from osm_roundtrip.plugin.core import gpkg  # noqa: E402
from osm_roundtrip.plugin.core.gpkg_update import connect  # noqa: E402
from osm_roundtrip.plugin.core.osm import osmchange  # noqa: E402
from osm_roundtrip.plugin.core.osm.diff import compute_changes  # noqa: E402
from osm_roundtrip.plugin.core.osm.upload import review_of_geopackage  # noqa: E402
from osm_roundtrip.plugin.core.osm.xmlreader import load_osm_file  # noqa: E402
from osm_roundtrip.plugin.core.validate import load_schema, validate_changes  # noqa: E402
from tools import id_schema  # noqa: E402

TARGET = 1.0
PBF = ROOT / "tests" / "data" / "liechtenstein.osm.pbf"


def country(folder: Path) -> Path:
    osm = folder / "liechtenstein.osm"
    subprocess.run(["osmium", "cat", str(PBF), "-o", str(osm), "-O"], check=True)
    dataset = load_osm_file(osm)
    for table in (dataset.nodes, dataset.ways, dataset.relations):
        for element in table.values():  # the extract has no versions; a server's data has
            element.version = element.version or 1
    path = folder / "liechtenstein.gpkg"
    gpkg.write_dataset(dataset, path, api_url="http://127.0.0.1:1/api/0.6")
    print(f"download: {len(dataset.nodes):,} nodes, {len(dataset.ways):,} ways,", end=" ")
    print(f"{len(dataset.relations):,} relations")
    return path


def review(path: Path, schema):
    result = review_of_geopackage(path)
    report = validate_changes(result.changes, result.base, result.features, schema)
    text = osmchange.build(result.changes, None)
    return result, report, text


def run(rounds: int) -> bool:
    schema = load_schema(id_schema.ensure())
    with tempfile.TemporaryDirectory() as folder:
        path = country(Path(folder))
        with connect(path) as connection:
            (fid,) = connection.execute(
                "SELECT min(fid) FROM osm_points WHERE amenity IS NOT NULL"
            ).fetchone()
            connection.execute("UPDATE osm_points SET wheelchair = 'yes' WHERE fid = ?", (fid,))
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            result, report, text = review(path, schema)
            times.append(time.perf_counter() - start)
        start = time.perf_counter()
        full = compute_changes(
            gpkg.read_base(path), gpkg.read_features(path), loaded=gpkg.read_loaded(path)
        )
        whole = time.perf_counter() - start
    assert osmchange.build(full, None) == text, "the review must equal the whole-file changes"
    print(
        f"review of one changed tag: {len(result.changes)} change, "
        f"{len(result.base.nodes):,} base nodes read, {len(report.errors)} errors, "
        f"{len(report.warnings)} warnings"
    )
    print(f"best {min(times):.3f} s, median {statistics.median(times):.3f} s ({rounds} rounds)")
    print(f"the same changes from the whole file (without validation): {whole:.3f} s")
    met = min(times) < TARGET
    print(f"target < {TARGET:g} s:", "met" if met else "NOT met")
    return met


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    sys.exit(0 if run(args.rounds) else 1)
