"""``kill -9`` at each step of the journal, then resume: every change exactly once, no edit lost.

A child process (``tests/upload_child.py``) uploads the edits of ``upload_scenario.edit`` in
chunks of 3 against the sandbox and kills itself with SIGKILL at one step: the journal written,
a chunk marked sending, the server's answer received but not saved, saved but not written back,
written back but not marked applied, applied, all done. This process then resumes the upload as
the plugin does (:func:`upload_geopackage` settles the journal first) and checks the server's
history and the GeoPackage.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from upload_scenario import assert_every_edit_kept, assert_exactly_once, download_template, edit

from osm_roundtrip.plugin.core.http import HttpTransport
from osm_roundtrip.plugin.core.osm import upload
from osm_roundtrip.plugin.core.osm.api import OsmApi
from tools.osm_sandbox.launch import DEFAULT_SEED

CHILD = Path(__file__).resolve().parents[1] / "upload_child.py"
POINTS = [
    ("journal", "1"),
    ("sending", "1"),
    ("committed", "1"),
    ("uploaded", "1"),
    ("written", "1"),
    ("applied", "1"),
    ("sending", "last"),
    ("committed", "last"),
    ("written", "last"),
    ("done", "1"),
]


@pytest.fixture(scope="module")
def sandbox(osm_sandbox_factory):
    return osm_sandbox_factory(DEFAULT_SEED, "--api-timeout", "2")


@pytest.fixture(scope="module")
def template(sandbox, tmp_path_factory):
    return download_template(sandbox, tmp_path_factory.mktemp("template") / "vaduz.gpkg")


@pytest.mark.parametrize(("point", "chunk"), POINTS, ids=[f"{p}-{c}" for p, c in POINTS])
def test_killed_at_each_step_and_resumed(sandbox, template, tmp_path, point, chunk):
    sandbox.reset()
    path = tmp_path / "vaduz.gpkg"
    shutil.copy(template, path)
    expected = edit(path)
    token = sandbox.token("alice")
    child = subprocess.run(
        [sys.executable, str(CHILD), str(path), sandbox.api, token, point, chunk],
        capture_output=True,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()[-2000:]
    assert upload.journal_dir_for(path).exists()  # the journal outlived the process
    api = OsmApi(sandbox.api, token, HttpTransport(timeout=20))
    caps = api.capabilities()
    caps.max_elements = 3
    upload.upload_geopackage(path, api, comment="Resumed", capabilities=caps)
    assert_exactly_once(sandbox, expected)
    assert_every_edit_kept(path, sandbox)
    # a second run finds nothing to do and opens no changeset
    assert upload.upload_geopackage(path, api, comment="Again", capabilities=caps).uploaded == 0


@pytest.mark.parametrize("point", ["sending", "committed"])
def test_an_osmchange_upload_killed_is_resumed_like_processing_does(
    sandbox, template, tmp_path, point
):
    """``uploadosmchange`` resumes the journal of an ``.osc`` (no GeoPackage to write back)."""
    sandbox.reset()
    path = tmp_path / "vaduz.gpkg"
    shutil.copy(template, path)
    expected = edit(path)
    token = sandbox.token("alice")
    child = subprocess.run(
        [sys.executable, str(CHILD), str(path), sandbox.api, token, point, "last", "osc"],
        capture_output=True,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()[-2000:]
    folder = upload.journal_dir_for(str(path) + ".osc")
    api = OsmApi(sandbox.api, token, HttpTransport(timeout=20))
    report = upload.resume_upload(api, folder)
    assert report.complete and not folder.exists()
    assert_exactly_once(sandbox, expected)
