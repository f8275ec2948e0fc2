"""Import the repository as ``osm_roundtrip``, the name QGIS installs the plugin under.

The repository root is the plugin package, whatever the clone's folder is called. Tests and
benchmarks import it through a symlink named ``osm_roundtrip`` in a temporary folder, so the
plugin's relative imports work exactly as they do inside QGIS.
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def package_parent() -> Path:
    """The folder holding the ``osm_roundtrip`` symlink to this repository (made once)."""
    digest = hashlib.sha1(str(ROOT).encode()).hexdigest()[:10]
    parent = Path(tempfile.gettempdir()) / f"osm_roundtrip_pkg_{digest}"
    parent.mkdir(exist_ok=True)
    link = parent / "osm_roundtrip"
    if not link.is_symlink():
        with contextlib.suppress(FileExistsError):
            link.symlink_to(ROOT, target_is_directory=True)
    return parent


def use_plugin_package() -> Path:
    """Put ``osm_roundtrip`` (and the repository, for ``tools.*``) on ``sys.path``."""
    parent = package_parent()
    for path in (str(ROOT), str(parent)):
        if path not in sys.path:
            sys.path.insert(0, path)
    return parent
