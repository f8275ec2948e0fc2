"""Central Vaduz from the bundled extract (cut by osmium), as the tests' download GeoPackage."""

from __future__ import annotations

import subprocess
from pathlib import Path

PBF = Path(__file__).resolve().parent / "data" / "liechtenstein.osm.pbf"
VADUZ = (9.515, 47.135, 9.535, 47.145)
API_URL = "http://127.0.0.1:1/api/0.6"  # a download's server: never asked by these tests


def vaduz_osm(folder: Path) -> Path:
    """The Vaduz box as an ``.osm`` file in ``folder``."""
    osm = Path(folder) / "vaduz.osm"
    subprocess.run(
        ["osmium", "extract", "-b", ",".join(map(str, VADUZ)), str(PBF), "-o", str(osm), "-O"],
        check=True,
        capture_output=True,
    )
    return osm


def write_vaduz_gpkg(folder: Path):
    """The Vaduz box written by the core as a download's GeoPackage: ``(path, summary)``."""
    from osm_roundtrip.plugin.core import gpkg
    from osm_roundtrip.plugin.core.osm.xmlreader import load_osm_file

    path = Path(folder) / "vaduz.gpkg"
    summary = gpkg.write_dataset(load_osm_file(vaduz_osm(folder)), path, api_url=API_URL)
    return path, summary
