"""Plugin name and version, read once from metadata.txt (pure Python)."""

from __future__ import annotations

import configparser
from pathlib import Path

_METADATA = Path(__file__).resolve().parents[2] / "metadata.txt"


def _read() -> tuple[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(_METADATA, encoding="utf-8")
    return parser.get("general", "name"), parser.get("general", "version")


PLUGIN_NAME, PLUGIN_VERSION = _read()
USER_AGENT = (
    f"OSMRoundtrip/{PLUGIN_VERSION} (QGIS plugin; +https://github.com/osm-roundtrip/osm-roundtrip)"
)
