"""Throughput of ``osmroundtrip:geocodetable``: 1,000 rows against a local Nominatim, throttle off.

Usage: ``python bench/bench_geocode_table.py [--url URL] [--rows N]``. Without ``--url`` the local
Liechtenstein server of the tests is started (and stopped) here. Every row is a distinct address,
so the answer cache never helps; prints rows/s.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

STREETS = ("Landstrasse", "Städtle", "Poststrasse", "Feldkircherstrasse", "Kirchstrasse")
TOWNS = ("Vaduz", "Schaan", "Triesen", "Balzers", "Eschen", "Mauren", "Ruggell", "Triesenberg")


def addresses(count: int) -> list:
    """``count`` distinct free-form addresses in Liechtenstein (some do not exist: real life)."""
    out = []
    number = 1
    while len(out) < count:
        for street in STREETS:
            for town in TOWNS:
                out.append(f"{street} {number}, {town}")
        number += 1
    return out[:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="Nominatim base URL (default: start the local server)")
    parser.add_argument("--rows", type=int, default=1000)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from tools.plugin_package import use_plugin_package

    use_plugin_package()
    from qgis.core import QgsApplication, QgsFeature, QgsField, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    import processing
    from processing.core.Processing import Processing

    from osm_roundtrip.plugin.adapters.processing.provider import OsmRoundtripProvider

    Processing.initialize()
    provider = OsmRoundtripProvider()  # kept referenced: the registry does not own Python objects
    QgsApplication.processingRegistry().addProvider(provider)

    server = None
    url = args.url
    if not url:
        from tools.nominatim.server import NominatimServer, ensure_built

        server = NominatimServer(ensure_built()).start(timeout=120)
        url = server.url
    try:
        table = QgsVectorLayer("None", "addresses", "memory")
        table.dataProvider().addAttributes(
            [QgsField("id", QVariant.Int), QgsField("address", QVariant.String)]
        )
        table.updateFields()
        rows = []
        for number, address in enumerate(addresses(args.rows)):
            feature = QgsFeature(table.fields())
            feature.setAttributes([number, address])
            rows.append(feature)
        table.dataProvider().addFeatures(rows)

        started = time.perf_counter()
        result = processing.run(
            "osmroundtrip:geocodetable",
            {
                "INPUT": table,
                "QUERY_FIELD": "address",
                "ENDPOINT": url,
                "INTERVAL": 0,
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )
        seconds = time.perf_counter() - started
    finally:
        if server is not None:
            server.stop()
    total = result["GEOCODED"] + result["FAILED"]
    print(
        f"geocodetable: {total} rows in {seconds:.2f} s = {total / seconds:.1f} rows/s "
        f"(found {result['GEOCODED']}, not found {result['FAILED']}; throttle off, {url})"
    )
    app.exitQgis()
    return 0 if total == args.rows else 1


if __name__ == "__main__":
    sys.exit(main())
