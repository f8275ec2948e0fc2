"""Test set-up shared by all tests.

The repository root is the plugin package, whatever the clone's folder is called. Tests import it
as ``osm_roundtrip`` through a symlink in a temporary folder, exactly the name QGIS installs it
under, so that the plugin's relative imports work as they do inside QGIS.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _package_parent() -> Path:
    digest = hashlib.sha1(str(ROOT).encode()).hexdigest()[:10]
    parent = Path(tempfile.gettempdir()) / f"osm_roundtrip_pkg_{digest}"
    parent.mkdir(exist_ok=True)
    link = parent / "osm_roundtrip"
    if not link.is_symlink():
        with contextlib.suppress(FileExistsError):
            link.symlink_to(ROOT, target_is_directory=True)
    return parent


sys.path.insert(0, str(_package_parent()))
if str(ROOT) not in sys.path:
    sys.path.insert(1, str(ROOT))  # for tools.* (servers used by the tests)

DATA = ROOT / "tests" / "data"

# Fixture modules of the local servers (OSM API sandbox, Nominatim), registered for every test.
TESTS = ROOT / "tests"
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))
pytest_plugins = [
    name for name in ("sandbox_fixture", "nominatim_fixture") if (TESTS / f"{name}.py").exists()
]
