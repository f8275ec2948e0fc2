"""Install the plugin ZIP into a fresh QGIS profile and start it with qgis.utils (own process).

Usage: python zip_install_check.py ZIP PROFILE_DIR  -- prints a JSON report on the last line.
"""

from __future__ import annotations

import json
import os
import sys
import zipfile
from pathlib import Path

zip_path, profile = Path(sys.argv[1]), Path(sys.argv[2])
plugins = profile / "profiles" / "default" / "python" / "plugins"
plugins.mkdir(parents=True)
with zipfile.ZipFile(zip_path) as archive:
    archive.extractall(plugins)
os.environ["QGIS_CUSTOM_CONFIG_PATH"] = str(profile)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pytest_qgis.mock_qgis_classes import MockMessageBar  # noqa: E402
from pytest_qgis.qgis_interface import QgisInterface  # noqa: E402
from qgis.core import Qgis, QgsApplication  # noqa: E402
from qgis.gui import QgsMapCanvas  # noqa: E402
from qgis.PyQt.QtWidgets import QMainWindow  # noqa: E402

app = QgsApplication([], True)
app.initQgis()
messages = []
QgsApplication.messageLog().messageReceived.connect(
    lambda text, tag, level: messages.append((int(level), tag, text))
)
sys.path.append(str(Path(QgsApplication.pkgDataPath()) / "python" / "plugins"))  # Processing
from processing.core.Processing import Processing  # noqa: E402

Processing.initialize()
messages.clear()  # only what happens from here on concerns the plugin

import qgis.utils  # noqa: E402

window = QMainWindow()
qgis.utils.iface = QgisInterface(QgsMapCanvas(window), MockMessageBar(), window)
sys.path.insert(0, str(plugins))
qgis.utils.plugin_paths = [str(plugins)]
qgis.utils.updateAvailablePlugins()
report = {
    "available": "osm_roundtrip" in qgis.utils.available_plugins,
    "loaded": qgis.utils.loadPlugin("osm_roundtrip"),
    "started": qgis.utils.startPlugin("osm_roundtrip"),
}
report["module_file"] = sys.modules["osm_roundtrip"].__file__
report["provider"] = QgsApplication.processingRegistry().providerById("osmroundtrip") is not None
report["unloaded"] = qgis.utils.unloadPlugin("osm_roundtrip")
report["errors"] = [m for m in messages if m[0] >= int(Qgis.Warning)]
print(json.dumps(report))
Processing.deinitialize()
app.exitQgis()
