"""``kill -9`` at each step of an upload's journal, then resume from the GUI path and Processing.

A child process uploads a download's GeoPackage in chunks of four changes and kills itself at
one step (``tests/upload_kill_child.py``). The upload is then resumed in this QGIS process:

* ``task``: :func:`upload_service.start_upload` — the task the review starts — given the changes
  and features read from the layers *before* the journal was settled (what a review shows);
* ``review``: :func:`upload_service.start_settle` first (what *Upload changes…* does when it
  finds a journal), then the changes computed from the reloaded layers, then ``start_upload``;
* ``processing``: ``processing.run("osmroundtrip:uploadedits", …)``, twice;
* ``script``: :func:`upload_service.upload_edits` with the layers of the project.

Each ends with the server's history holding every change exactly once and the GeoPackage holding
every edit, with the server's ids and versions written back. A journal found next to a new
download of the area is refused and kept.
"""

from __future__ import annotations

import json
import time
from collections import Counter

import pytest
import requests
from lxml import etree
from qgis.core import QgsProcessingException, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication
from sandbox_fixture import DEFAULT_SEED
from upload_kill_child import STEPS, run_killed

from osm_roundtrip.plugin.adapters import auth, download_service, osm_layers, upload_service
from osm_roundtrip.plugin.core.gpkg import download_id, encode_linestring, encode_point
from osm_roundtrip.plugin.core.gpkg_target import TargetHoldsWork
from osm_roundtrip.plugin.core.gpkg_update import connect
from osm_roundtrip.plugin.core.http import HttpTransport
from osm_roundtrip.plugin.core.osm import upload
from osm_roundtrip.plugin.core.osm.api import OsmApi
from osm_roundtrip.plugin.core.osm.features import LAYERS, POINTS
from osm_roundtrip.plugin.core.upload_resume import JournalMismatch

BBOX = (9.518, 47.138, 9.524, 47.142)
BENCH = "Bench of the killed upload"
PATH = "Path of the killed upload"
RENAMED = "Renamed by the killed upload"
LINE = [(9.5191, 47.1391), (9.5194, 47.1393), (9.5197, 47.1392)]


@pytest.fixture(scope="module")
def osm_sandbox(osm_sandbox_factory):
    """A sandbox announcing a 2 s request time-out: a request lost by the kill is settled
    after that, as production's 300 s would be."""
    return osm_sandbox_factory(DEFAULT_SEED, "--api-timeout", "2")


@pytest.fixture
def edited(osm_sandbox, tmp_path, qgis_new_project):
    """A download with 7 changes: a new point, a new line (4 creates), a rename, a delete."""
    osm_sandbox.reset()
    path = tmp_path / "vaduz.gpkg"
    download_service.download_to_gpkg(BBOX, osm_sandbox.api, path)
    with connect(path) as db:
        used = set()
        for (text,) in db.execute("SELECT members FROM osm_base_relations"):
            used.update(ref for kind, ref, _ in json.loads(text) if kind == "node")
        rows = db.execute(
            "SELECT fid, osm_id, osm_version FROM osm_points WHERE osm_id IS NOT NULL ORDER BY fid"
        ).fetchall()
        renamed, deleted = [r for r in rows if r[1] not in used][:2]
        db.execute("UPDATE osm_points SET name = ? WHERE fid = ?", (RENAMED, renamed[0]))
        db.execute("DELETE FROM osm_points WHERE fid = ?", (deleted[0],))
        db.execute(
            "INSERT INTO osm_points (geom, amenity, name) VALUES (?, 'bench', ?)",
            (encode_point(9.5213, 47.1406), BENCH),
        )
        db.execute(
            "INSERT INTO osm_lines (geom, highway, name) VALUES (?, 'footway', ?)",
            (encode_linestring(LINE)[0], PATH),
        )
    yield {
        "path": path,
        "renamed": (renamed[1], renamed[2]),
        "deleted": (deleted[1], deleted[2]),
    }
    osm_layers.remove_download(path)


def open_layers(path) -> dict:
    """The layers of the download as QGIS opens them (the plugin's styling aside)."""
    layers = {role: QgsVectorLayer(f"{path}|layername={role}", role, "ogr") for role in LAYERS}
    assert all(layer.isValid() for layer in layers.values())
    QgsProject.instance().addMapLayers(list(layers.values()))
    return layers


# ---------------------------------------------------------------------------------------------
# What the server and the GeoPackage hold
# ---------------------------------------------------------------------------------------------


def history(sandbox) -> list:
    """Every element version the changesets of alice hold (the sandbox was reset before)."""
    reply = requests.get(f"{sandbox.api}/changesets", params={"user": 1}, timeout=20)
    reply.raise_for_status()
    ids = [int(cs.get("id")) for cs in etree.fromstring(reply.content).iter("changeset")]
    api = OsmApi(sandbox.api, None, HttpTransport(timeout=20))
    return [item for cs in ids for item in api.download_changeset(cs)]


def assert_each_change_once(sandbox, case) -> dict:
    items = history(sandbox)
    keys = Counter((i.type, i.id) for i in items)
    assert all(n == 1 for n in keys.values()), [k for k, n in keys.items() if n > 1]
    actions = Counter((i.action, i.type) for i in items)
    assert actions == {
        ("create", "node"): 4,
        ("create", "way"): 1,
        ("modify", "node"): 1,
        ("delete", "node"): 1,
    }, actions
    by_key = {(i.type, i.id): i for i in items}
    renamed_id, renamed_version = case["renamed"]
    assert by_key[("node", renamed_id)].version == renamed_version + 1
    assert by_key[("node", renamed_id)].tags["name"] == RENAMED
    deleted_id, deleted_version = case["deleted"]
    assert by_key[("node", deleted_id)].version == deleted_version + 1
    assert not by_key[("node", deleted_id)].visible
    bench = [i for i in items if i.tags.get("name") == BENCH]
    way = [i for i in items if i.type == "way"]
    assert len(bench) == 1 and len(way) == 1 and way[0].tags["name"] == PATH
    return {"bench": bench[0].id, "way": way[0].id, "renamed": renamed_version + 1}


def assert_every_edit_kept(path, case, server) -> None:
    assert not upload_service.compute_changes(path, None), "edits left or lost"
    with connect(path) as db:
        rows = db.execute(
            "SELECT osm_type, osm_id, osm_version FROM osm_points WHERE name = ?", (BENCH,)
        ).fetchall()
        assert rows == [("node", server["bench"], 1)]
        rows = db.execute(
            "SELECT osm_type, osm_id, osm_version FROM osm_lines WHERE name = ?", (PATH,)
        ).fetchall()
        assert rows == [("way", server["way"], 1)]
        renamed_id = case["renamed"][0]
        rows = db.execute(
            "SELECT name, osm_version FROM osm_points WHERE osm_type = 'node' AND osm_id = ?",
            (renamed_id,),
        ).fetchall()
        assert rows == [(RENAMED, server["renamed"])]
        gone = db.execute(
            "SELECT COUNT(*) FROM osm_points WHERE osm_type = 'node' AND osm_id = ?",
            (case["deleted"][0],),
        ).fetchone()[0]
        assert gone == 0
    assert not upload.journal_dir_for(path).exists()


# ---------------------------------------------------------------------------------------------
# Resuming
# ---------------------------------------------------------------------------------------------


def wait_for(task_done: dict, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while "result" not in task_done:
        assert time.monotonic() < deadline, "the task did not finish"
        QCoreApplication.processEvents()
        time.sleep(0.01)


def run_task(start, *args, **kwargs):
    done: dict = {}

    def on_done(result, error) -> None:
        done["result"], done["error"] = result, error

    start(*args, on_done=on_done, **kwargs)
    wait_for(done)
    if done["error"] is not None:
        raise done["error"]
    return done["result"]


def resume_task(path, sandbox, token) -> None:
    layers = open_layers(path)
    stale = upload_service.compute_changes(path, layers)  # read before anything is settled
    run_task(
        upload_service.start_upload,
        path,
        layers,
        sandbox.api,
        token,
        "Resumed from the review",
        changes=stale,
    )


def resume_review(path, sandbox, token) -> None:
    layers = open_layers(path)
    assert upload_service.has_interrupted_upload(path)
    run_task(upload_service.start_settle, path, layers, sandbox.api, token)
    assert not upload_service.has_interrupted_upload(path)
    changes = upload_service.reviewed_changes(path, layers)
    if changes:
        run_task(
            upload_service.start_upload,
            path,
            layers,
            sandbox.api,
            token,
            "Resumed after the settle",
            changes=changes,
        )


def resume_processing(path, sandbox, token) -> None:
    import processing

    config_id = auth.store_token(token, sandbox.api)
    try:
        params = {"INPUT": str(path), "AUTH": config_id, "COMMENT": "Resumed in a model"}
        processing.run("osmroundtrip:uploadedits", params)
        again = processing.run("osmroundtrip:uploadedits", params)
    finally:
        auth.remove_token(config_id)
    assert again["UPLOADED"] == 0 and again["CHANGESETS"] == ""
    assert (again["CREATED"], again["MODIFIED"], again["DELETED"], again["SETTLED"]) == (0,) * 4


def resume_script(path, sandbox, token) -> None:
    layers = open_layers(path)
    upload_service.upload_edits(path, layers, sandbox.api, token, "Resumed from a script")


ROUTES = {
    "task": resume_task,
    "review": resume_review,
    "processing": resume_processing,
    "script": resume_script,
}


@pytest.mark.parametrize("route", sorted(ROUTES))
@pytest.mark.parametrize("step", STEPS)
def test_killed_upload_is_resumed_exactly_once(osm_sandbox, auth_db, provider, edited, step, route):
    path = edited["path"]
    token = osm_sandbox.token()
    run_killed(path, osm_sandbox.api, token, step, max_elements=4)
    assert upload.journal_dir_for(path).exists()
    ROUTES[route](path, osm_sandbox, token)
    server = assert_each_change_once(osm_sandbox, edited)
    assert_every_edit_kept(path, edited, server)


def test_uploadedits_twice_uploads_once(osm_sandbox, auth_db, provider, edited, tmp_path):
    import processing

    token = osm_sandbox.token()
    config_id = auth.store_token(token, osm_sandbox.api)
    report = tmp_path / "report.json"
    params = {
        "INPUT": str(edited["path"]),
        "AUTH": config_id,
        "COMMENT": "Edits from a model",
        "SOURCE": "survey",
        "OUTPUT": str(report),
    }
    try:
        first = processing.run("osmroundtrip:uploadedits", params)
        second = processing.run("osmroundtrip:uploadedits", {**params, "OUTPUT": None})
    finally:
        auth.remove_token(config_id)
    assert (first["UPLOADED"], first["CREATED"], first["MODIFIED"], first["DELETED"]) == (
        7,
        5,
        1,
        1,
    )
    assert json.loads(report.read_text())["changesets"] == [int(first["CHANGESETS"])]
    assert second["UPLOADED"] == 0 and second["CHANGESETS"] == ""
    server = assert_each_change_once(osm_sandbox, edited)
    assert_every_edit_kept(edited["path"], edited, server)
    cs = requests.get(f"{osm_sandbox.api}/changeset/{first['CHANGESETS']}", timeout=20).content
    tags = {t.get("k"): t.get("v") for t in etree.fromstring(cs).iter("tag")}
    assert tags["comment"] == "Edits from a model" and tags["source"] == "survey"


# ---------------------------------------------------------------------------------------------
# A journal next to a new download of the area
# ---------------------------------------------------------------------------------------------


def test_journal_is_not_settled_into_a_new_download(osm_sandbox, auth_db, provider, edited):
    import processing

    path = edited["path"]
    token = osm_sandbox.token()
    run_killed(path, osm_sandbox.api, token, "committed", max_elements=4)
    first = download_id(path)
    before = history(osm_sandbox)
    # the area downloaded again to the same file (the user confirmed replacing it although it
    # holds an unfinished upload): the first chunk is on the server, the new file has it with
    # other feature ids
    with pytest.raises(TargetHoldsWork, match="an unfinished upload"):
        download_service.download_to_gpkg(BBOX, osm_sandbox.api, path)
    download_service.download_to_gpkg(BBOX, osm_sandbox.api, path, replace=True)
    assert download_id(path) != first
    with connect(path) as db:
        snapshot = db.execute("SELECT * FROM osm_points ORDER BY fid").fetchall()
    journal = upload.journal_dir_for(path)
    with pytest.raises(JournalMismatch, match="another download"):
        upload_service.upload_edits(path, None, osm_sandbox.api, token, "Again")
    layers = open_layers(path)
    with pytest.raises(JournalMismatch):
        run_task(upload_service.start_settle, path, layers, osm_sandbox.api, token)
    config_id = auth.store_token(token, osm_sandbox.api)
    try:
        with pytest.raises(QgsProcessingException, match="another download"):
            processing.run(
                "osmroundtrip:uploadedits",
                {"INPUT": str(path), "AUTH": config_id, "COMMENT": "Again"},
            )
    finally:
        auth.remove_token(config_id)
    assert (journal / "journal.json").exists()  # kept: it is the only record of that upload
    assert len(history(osm_sandbox)) == len(before)  # nothing sent
    with connect(path) as db:
        assert db.execute("SELECT * FROM osm_points ORDER BY fid").fetchall() == snapshot


def test_upload_changes_settles_before_the_review(osm_sandbox, edited, qgis_iface, monkeypatch):
    """*Upload changes…* finds the journal, settles it and reviews only what is left."""
    from osm_roundtrip.ui.upload_action import UploadAction

    path = edited["path"]
    token = osm_sandbox.token()
    run_killed(path, osm_sandbox.api, token, "uploaded", max_elements=4)
    layers = open_layers(path)
    qgis_iface.setActiveLayer(layers[POINTS])
    reviewed = []
    action = UploadAction(qgis_iface)
    action.upload()
    deadline = time.monotonic() + 60
    while action.dock is None or action.task is not None:
        assert time.monotonic() < deadline, "no review after the settle"
        QCoreApplication.processEvents()
        time.sleep(0.01)
    reviewed.append(action.dock.changes)
    action.close_review()
    assert not upload_service.has_interrupted_upload(path)
    on_server = history(osm_sandbox)
    assert on_server  # the first chunk, written back before the review
    (changes,) = reviewed
    assert len(changes) == 7 - len(on_server)
    assert {(c.action, *c.key) for c in changes} == {
        (c.action, *c.key) for c in upload_service.compute_changes(path, layers)
    }
    assert not {c.key for c in changes} & {(i.type, i.id) for i in on_server}
    run_task(
        upload_service.start_upload, path, layers, osm_sandbox.api, token, "Rest", changes=changes
    )
    server = assert_each_change_once(osm_sandbox, edited)
    assert_every_edit_kept(path, edited, server)
