"""Test set-up shared by all tests.

The repository root is the plugin package, whatever the clone's folder is called; tests import it
as ``osm_roundtrip`` (see ``tools/plugin_package.py``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # for tools.* (servers used by the tests)

from tools.plugin_package import use_plugin_package  # noqa: E402

use_plugin_package()

DATA = ROOT / "tests" / "data"

# Fixture modules of the local servers (OSM API sandbox, Nominatim), registered for every test.
TESTS = ROOT / "tests"
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))
pytest_plugins = [
    name
    for name in ("sandbox_fixture", "nominatim_fixture", "qgis_auth_fixture")
    if (TESTS / f"{name}.py").exists()
]
