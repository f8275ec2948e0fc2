"""`make zip` gives an archive that installs and starts in a fresh QGIS profile."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def plugin_zip() -> Path:
    subprocess.run(
        ["make", "--no-print-directory", "zip"], cwd=ROOT, check=True, capture_output=True
    )
    return ROOT / "dist" / "osm_roundtrip.zip"


def test_zip_holds_the_plugin_and_no_dev_files(plugin_zip):
    names = zipfile.ZipFile(plugin_zip).namelist()
    assert all(n.startswith("osm_roundtrip/") for n in names)
    for needed in (
        "metadata.txt",
        "__init__.py",
        "plugin/main.py",
        "ui/search_dock.ui",
        "i18n/osm_roundtrip_de.qm",
        "i18n/osm_roundtrip_fr.qm",
        "icons/osm_roundtrip.svg",
    ):
        assert f"osm_roundtrip/{needed}" in names
    forbidden = ("tests/", "tools/", "bench/", ".ci/", "Makefile", ".ts", "__pycache__", ".venv")
    assert [n for n in names if any(f in n for f in forbidden)] == []


def test_zip_installs_and_starts_in_a_fresh_profile(plugin_zip, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).with_name("zip_install_check.py")),
            str(plugin_zip),
            str(tmp_path / "profile"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["module_file"].startswith(str(tmp_path)), (
        "loaded from the repository, not the ZIP"
    )
    assert report["available"] and report["loaded"] and report["started"]
    assert report["provider"]
    assert report["unloaded"]
    assert report["errors"] == []
