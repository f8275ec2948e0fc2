"""Exactly once, whatever the answer: faults at every step of an upload against the sandbox.

A GeoPackage with a mix of edits (new points, a new line, renamed and deleted points) is
uploaded in chunks of 3 through a proxy (``tests/fault_proxy.py``) that spoils one answer
after the server committed (502/503/504 pages, HTML with 200, garbage, a truncated or empty
diffResult, one with the wrong count, a dropped connection, an answer slower than the client
waits) or before the server saw the request. The step is the first, a middle or the last chunk,
or opening or closing a changeset. After the upload (and, when it stopped, one more run):

* the server's history — the downloads of every changeset of the user — holds each change
  exactly once;
* the GeoPackage holds every edit: nothing is left to upload, the new features have the ids the
  server gave them, the journal is gone.

The sandbox announces a request timeout of 2 s, so an unknown outcome is settled within that.
The property test samples the matrix with hypothesis; ``test_fault_matrix`` runs every fault at
every step (about a minute and a half), on every QGIS version of the matrix.
"""

from __future__ import annotations

import os
import shutil
import time

import pytest
from fault_proxy import AFTER, BEFORE, FaultProxy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from upload_scenario import (
    assert_every_edit_kept,
    assert_exactly_once,
    download_template,
    edit,
)

from osm_roundtrip.plugin.core.errors import OsmRoundtripError
from osm_roundtrip.plugin.core.http import HttpTransport
from osm_roundtrip.plugin.core.osm import upload
from osm_roundtrip.plugin.core.osm.api import OsmApi
from osm_roundtrip.plugin.core.osm.osmchange import split_chunks
from tools.osm_sandbox.launch import DEFAULT_SEED

SERVER_TIMEOUT = 2
CHUNK = 3
UPLOAD_MODES = (*AFTER, *BEFORE, "slow")
CHANGESET_MODES = ("502", "html200", "drop", "502_before")
STEPS = {
    # step: (method, path, which request: "first" | "middle" | "last")
    "chunk-first": ("POST", r"/upload$", "first"),
    "chunk-middle": ("POST", r"/upload$", "middle"),
    "chunk-last": ("POST", r"/upload$", "last"),
    "open-first": ("PUT", r"/changeset/create$", "first"),
    "open-middle": ("PUT", r"/changeset/create$", "middle"),
    "close-last": ("PUT", r"/close$", "last"),
}


@pytest.fixture(scope="module")
def sandbox(osm_sandbox_factory):
    return osm_sandbox_factory(DEFAULT_SEED, "--api-timeout", str(SERVER_TIMEOUT))


@pytest.fixture(scope="module")
def proxy(sandbox):
    with FaultProxy(sandbox.url, idle=120) as running:
        yield running


@pytest.fixture(scope="module")
def template(sandbox, tmp_path_factory):
    return download_template(sandbox, tmp_path_factory.mktemp("template") / "vaduz.gpkg")


@pytest.fixture(scope="module")
def token(sandbox):
    return sandbox.token("alice")


def request_number(which: str, method: str, path: str, count: dict) -> int:
    total = count[(method, path)]
    return {"first": 1, "middle": max(1, (total + 1) // 2), "last": total}[which]


def run_scenario(sandbox, proxy, template, token, tmp_path, step, mode):
    """Upload with one spoiled answer; returns the report of the run."""
    sandbox.reset()
    proxy.clear()
    path = tmp_path / f"{step}-{mode}.gpkg"
    shutil.copy(template, path)
    expected = edit(path)
    changes = upload.changes_of_geopackage(path)
    chunks = len(split_chunks(changes, CHUNK))
    count = {
        ("POST", r"/upload$"): chunks,
        ("PUT", r"/changeset/create$"): chunks,  # one changeset per chunk of CHUNK elements
        ("PUT", r"/close$"): chunks,
    }
    method, pattern, which = STEPS[step]
    nth = request_number(which, method, pattern, count)
    rule = proxy.spoil(method, pattern, nth, mode, seconds=1.0)
    slow = mode == "slow"
    api = OsmApi(
        proxy.url + "/api/0.6", token, HttpTransport(timeout=20), upload_timeout=0.5 if slow else 20
    )
    caps = api.capabilities()
    assert caps.timeout == SERVER_TIMEOUT  # the wait is the server's, from its capabilities
    caps.max_elements = CHUNK
    try:
        report = upload.upload_geopackage(path, api, comment="Faults", capabilities=caps)
        stopped = None
    except OsmRoundtripError as exc:  # what a user does next: upload again
        stopped = exc
        proxy.quiet()
        report = upload.upload_geopackage(path, api, comment="Again", capabilities=caps)
    assert rule.fired == 1, "the answer to spoil never came"
    proxy.quiet()  # a request the client gave up on has reached the server by now
    assert_exactly_once(sandbox, expected)
    assert_every_edit_kept(path, sandbox)
    # settled (or a changeset asked for again) within the run: nothing for the user to do
    assert stopped is None, f"the upload stopped: {stopped}"
    assert report.complete
    return report


MATRIX = [(step, mode) for step in STEPS if step.startswith("chunk") for mode in UPLOAD_MODES]
MATRIX += [
    (step, mode) for step in STEPS if not step.startswith("chunk") for mode in CHANGESET_MODES
]


@settings(
    max_examples=int(os.environ.get("OSM_ROUNDTRIP_FAULT_EXAMPLES", "6")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=st.sampled_from(MATRIX))
def test_every_change_exactly_once_whatever_answer_is_lost(
    sandbox, proxy, template, token, tmp_path, case
):
    step, mode = case
    run_scenario(sandbox, proxy, template, token, tmp_path, step, mode)


@pytest.mark.parametrize(("step", "mode"), MATRIX, ids=[f"{s}:{m}" for s, m in MATRIX])
def test_fault_matrix(sandbox, proxy, template, token, tmp_path, step, mode):
    started = time.monotonic()
    report = run_scenario(sandbox, proxy, template, token, tmp_path, step, mode)
    print(
        f"MATRIX {step} {mode} settled={report.settled} waited={report.waited:.1f} "
        f"changesets={len(report.changesets)} seconds={time.monotonic() - started:.1f}"
    )


@pytest.mark.parametrize(
    ("step", "mode"),
    [("chunk-middle", "502"), ("chunk-last", "slow"), ("chunk-last", "drop_before")],
    ids=["502-after-commit", "client-timeout-server-finishes", "dropped-before-the-server"],
)
def test_named_faults(sandbox, proxy, template, token, tmp_path, step, mode):
    """The three faults of the issue, every run (the property test samples the rest)."""
    report = run_scenario(sandbox, proxy, template, token, tmp_path, step, mode)
    assert report.settled == 1
