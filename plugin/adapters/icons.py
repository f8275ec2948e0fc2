"""The plugin's own icons (``icons/*.svg``, 24×24 in QGIS's flat style), one per action."""

from __future__ import annotations

from pathlib import Path

from qgis.PyQt.QtGui import QIcon

ICONS = Path(__file__).resolve().parents[2] / "icons"
NAMES = ("search", "download", "open_osm", "upload", "update", "reverse")


def icon(name: str) -> QIcon:
    """The icon ``icons/<name>.svg``."""
    return QIcon(str(ICONS / f"{name}.svg"))
