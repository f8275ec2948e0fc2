"""Thin widgets: each reads its inputs, calls one service and shows the result."""

from __future__ import annotations

from pathlib import Path

from qgis.PyQt import uic

UI_DIR = Path(__file__).resolve().parent


def load_ui(name: str):
    """The form class generated at runtime from ``ui/<name>.ui``."""
    return uic.loadUiType(str(UI_DIR / f"{name}.ui"))[0]
