"""Uploads to an API served by CGImap alone: no ``capabilities``, no ``permissions`` (404).

The sandbox runs with ``--no-discovery``. The upload goes on with production's limits after a
log line; a changeset the server refuses to open is reported with its precise reason.
"""

from __future__ import annotations

import logging

import pytest
import requests

from osm_roundtrip.plugin.core.gpkg import write_dataset
from osm_roundtrip.plugin.core.gpkg_update import connect
from osm_roundtrip.plugin.core.http import HttpTransport
from osm_roundtrip.plugin.core.osm import upload
from osm_roundtrip.plugin.core.osm.api import (
    Capabilities,
    ChangesetRefused,
    NotAuthorized,
    OsmApi,
)
from osm_roundtrip.plugin.core.osm.xmlreader import parse_osm_bytes
from tools.osm_sandbox.launch import DEFAULT_SEED

BBOX = "9.518,47.138,9.524,47.142"


@pytest.fixture(scope="module")
def cgimap_only(osm_sandbox_factory):
    return osm_sandbox_factory(DEFAULT_SEED, "--no-discovery")


@pytest.fixture
def sandbox(cgimap_only):
    cgimap_only.reset()
    return cgimap_only


@pytest.fixture
def gpkg(sandbox, tmp_path):
    path = tmp_path / "vaduz.gpkg"
    reply = requests.get(sandbox.api + "/map", params={"bbox": BBOX}, timeout=60)
    reply.raise_for_status()
    write_dataset(parse_osm_bytes(reply.content), path, api_url=sandbox.api)
    with connect(path) as db:
        fid = db.execute(
            "SELECT fid FROM osm_points WHERE osm_id IS NOT NULL AND amenity IS NOT NULL LIMIT 1"
        ).fetchone()[0]
        db.execute("UPDATE osm_points SET name = 'Without Rails' WHERE fid = ?", (fid,))
    return path


def api_for(sandbox, scopes="read_prefs write_api") -> OsmApi:
    return OsmApi(sandbox.api, sandbox.token("alice", scopes), HttpTransport(timeout=20))


@pytest.mark.parametrize(
    "path", ["/api/capabilities", "/api/0.6/capabilities", "/api/0.6/permissions"]
)
def test_the_switch_hides_the_rails_endpoints(sandbox, path):
    reply = requests.get(sandbox.url + path, timeout=20)
    assert reply.status_code == 404 and reply.content == b""
    assert requests.get(sandbox.api + "/node/1", timeout=20).status_code in (200, 404, 410)


def test_upload_goes_on_with_production_limits_and_a_log_line(sandbox, gpkg, caplog):
    api = api_for(sandbox)
    with caplog.at_level(logging.WARNING, logger="osm_roundtrip"):
        report = upload.upload_geopackage(gpkg, api, comment="CGImap alone")
    assert report.modified == 1 and len(report.changesets) == 1
    logged = [r.getMessage() for r in caplog.records]
    assert any("capabilities is not served (HTTP 404)" in m for m in logged), logged
    assert any("permissions is not served (HTTP 404)" in m for m in logged), logged
    assert api.capabilities() == Capabilities()  # production's limits


def test_a_login_without_write_permission_is_told_precisely(sandbox, gpkg):
    api = api_for(sandbox, scopes="read_prefs")
    with pytest.raises(NotAuthorized, match="permission write_api is missing"):
        upload.upload_geopackage(gpkg, api, comment="No permission")


def test_a_server_that_opens_no_changesets_is_told_precisely(sandbox, gpkg):
    sandbox.fault("status", path="/changeset/create", status=404, body="", times=-1)
    with pytest.raises(ChangesetRefused, match="does not open changesets") as caught:
        upload.upload_geopackage(gpkg, api_for(sandbox), comment="No changesets here")
    assert sandbox.api in str(caught.value)
