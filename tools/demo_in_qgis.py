"""Start-up code run inside QGIS by ``tools/demo.py`` (``qgis --code``).

Drives the installed plugin like a user would, records every step in ``report.json`` and saves a
screenshot of the main window, then quits QGIS.
"""

import json
import os
import traceback
from pathlib import Path

import qgis.utils
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface

OUT = Path(os.environ["OSM_ROUNDTRIP_DEMO_OUT"])
steps = []


def step(name, ok, detail=""):
    steps.append({"name": name, "ok": bool(ok), "detail": str(detail)})


def finish():
    window = iface.mainWindow()
    window.grab().save(str(OUT / "screenshot.png"))
    ok = bool(steps) and all(s["ok"] for s in steps)
    (OUT / "report.json").write_text(json.dumps({"ok": ok, "steps": steps}, indent=1))
    QgsApplication.exit(0)


def run():
    try:
        plugin = qgis.utils.plugins.get("osm_roundtrip")
        step("plugin started", plugin is not None, "osm_roundtrip loaded from the ZIP")
        provider = QgsApplication.processingRegistry().providerById("osmroundtrip")
        step("processing provider", provider is not None, "osmroundtrip registered")
        if plugin is not None:
            plugin.dock.show()
            plugin.dock.raise_()
            step("search dock visible", plugin.dock.isVisible(), plugin.dock.windowTitle())
    except Exception:
        step("demo script", False, traceback.format_exc())
    QTimer.singleShot(1500, finish)


iface.mainWindow().showMaximized()
QTimer.singleShot(2000, run)
