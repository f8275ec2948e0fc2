"""The core workflow in a real QGIS window: search a place → download its area → fix a tag → upload.

QGIS runs with the plugin installed from ``make zip`` in a throw-away profile (under Xvfb when
there is no display), pointed at the local Nominatim and the OSM API sandbox on 127.0.0.1; the
user logged in to the sandbox once before. ``tests/workflow_in_qgis.py`` does what a user does,
with clicks and key presses on the widgets on screen, and checks what is on screen after each
step. Here the report is read and the server is asked, independently, what it now holds.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tests" / "workflow_in_qgis.py"
TOWN_HALL = 28712183  # way "Rathaus Vaduz" in the bundled extract
MAX_CLICKS = 9


@pytest.fixture(scope="module")
def plugin_zip() -> Path:
    subprocess.run(
        ["make", "--no-print-directory", "zip"], cwd=ROOT, check=True, capture_output=True
    )
    return ROOT / "dist" / "osm_roundtrip.zip"


def _way(api: str, way_id: int) -> tuple:
    with urllib.request.urlopen(f"{api}/way/{way_id}", timeout=30) as response:
        way = ET.fromstring(response.read()).find("way")
    return int(way.get("version")), {t.get("k"): t.get("v") for t in way.iter("tag")}


@pytest.mark.skipif(shutil.which("qgis") is None, reason="needs the qgis program")
@pytest.mark.parametrize("locale", ["en_US", "de_DE"])
def test_search_download_fix_a_tag_upload_in_nine_clicks(
    plugin_zip, nominatim_server, osm_sandbox, tmp_path, locale
):
    from tools.demo import make_profile, run_qgis

    osm_sandbox.reset()
    version_before, tags_before = _way(osm_sandbox.api, TOWN_HALL)
    value = "Mo-Fr 08:00-12:00,14:00-17:00"
    assert tags_before.get("opening_hours") != value
    out = tmp_path / "out"
    out.mkdir()
    settings = {
        "nominatim_url": nominatim_server.url,
        "nominatim_interval": "0",
        "osm_server": "sandbox",
        "sandbox_url": osm_sandbox.url,
        "oauth_client_id": "osm-sandbox",
        "contact_email": "",
        "download_folder": str(tmp_path),
    }
    with tempfile.TemporaryDirectory(prefix="osm-roundtrip-workflow-") as profiles:
        profile = make_profile(Path(profiles), plugin_zip, settings)
        with open(profile / "QGIS" / "QGIS3.ini", "a", encoding="utf-8") as ini:
            ini.write(f"[locale]\noverrideFlag=true\nuserLocale={locale}\nglobalLocale={locale}\n")
        env = {
            "OSM_ROUNDTRIP_WORKFLOW_OUT": str(out),
            "OSM_ROUNDTRIP_WORKFLOW_TOKEN": osm_sandbox.token("alice"),
            "OSM_ROUNDTRIP_WORKFLOW_VALUE": value,
            "HOME": profiles,  # no file lands in the real home folder
        }
        code = run_qgis(Path(profiles), out, env, 300, SCRIPT)
    report_file = out / "report.json"
    assert report_file.exists(), (
        f"QGIS ended with {code} and no report:\n"
        + ((out / "qgis.log").read_text(errors="replace")[-3000:])
    )
    report = json.loads(report_file.read_text(encoding="utf-8"))
    keep = os.environ.get("OSM_ROUNDTRIP_WORKFLOW_KEEP")
    if keep:  # the screenshots of each step, to look at
        shutil.copytree(out, Path(keep) / locale, dirs_exist_ok=True)
    assert report["ok"], (report["error"], report["steps"])
    assert report["scrolled"] == []
    assert len(report["clicks"]) <= MAX_CLICKS, report["clicks"]
    # the server, asked independently, holds the fix once
    version_after, tags_after = _way(osm_sandbox.api, TOWN_HALL)
    assert tags_after["opening_hours"] == value
    assert version_after == version_before + 1
    assert {k: v for k, v in tags_after.items() if k != "opening_hours"} == {
        k: v for k, v in tags_before.items() if k != "opening_hours"
    }
