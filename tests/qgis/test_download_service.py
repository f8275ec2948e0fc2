"""Download through the QGIS task path against the local OSM API sandbox (Liechtenstein)."""

from __future__ import annotations

import sqlite3

import pytest
from qgis.core import Qgis, QgsTask

VADUZ = (9.515, 47.135, 9.535, 47.145)
# More than the server's 50 000 nodes: refused as a whole, downloaded in quadrants.
VADUZ_SCHAAN = (9.49, 47.12, 9.56, 47.18)
TOO_MANY_NODES = (
    "You requested too many nodes (limit is 50000). Either request a smaller area, or use "
    "planet.osm"
)


@pytest.fixture
def sandbox(osm_sandbox):
    osm_sandbox.clear_faults()
    yield osm_sandbox
    osm_sandbox.clear_faults()


class Outcome:
    """Collects ``on_done(layers, error)`` of a task."""

    def __init__(self) -> None:
        self.calls = []

    def __call__(self, layers, error) -> None:
        self.calls.append((layers, error))

    @property
    def done(self) -> bool:
        return bool(self.calls)


def run_download(qtbot, iface, bbox, api, path, timeout=60_000, **kwargs):
    from osm_roundtrip.plugin.adapters import download_service

    outcome = Outcome()
    task = download_service.start_download(iface, bbox, api, path, outcome, **kwargs)
    progress = []
    task.progressChanged.connect(progress.append)
    qtbot.waitUntil(lambda: outcome.done, timeout=timeout)
    return progress, outcome.calls[0]


def meta(path) -> dict:
    with sqlite3.connect(path) as connection:
        return dict(connection.execute("SELECT key, value FROM osm_meta"))


def test_vaduz_download_opens_the_layers(sandbox, project, qgis_iface, qtbot, tmp_path):
    from osm_roundtrip.plugin.adapters import osm_layers

    path = tmp_path / "vaduz.gpkg"
    progress, (layers, error) = run_download(qtbot, qgis_iface, VADUZ, sandbox.api, path)
    assert error is None
    assert progress == sorted(progress) and progress[-1] == 100
    assert sorted(layers) == ["osm_lines", "osm_points", "osm_polygons", "osm_relations"]
    assert layers["osm_polygons"].featureCount() > 500
    assert layers["osm_points"].featureCount() > 300
    group = project.layerTreeRoot().children()[0]
    assert group.name() == "vaduz"
    assert osm_layers.download_layers(path) == layers
    assert meta(path)["api_url"] == sandbox.api
    vaduz_castle = next(layers["osm_polygons"].getFeatures("\"name\" = 'Schloss Vaduz'"))
    assert vaduz_castle["osm_version"] >= 1
    success = qgis_iface.messageBar().get_messages(Qgis.Success)
    assert len(success) == 1 and "into “vaduz”" in success[0]


def test_a_box_over_the_node_limit_is_downloaded_in_tiles(
    sandbox, project, qgis_iface, qtbot, tmp_path
):
    from osm_roundtrip.plugin.core import gpkg

    path = tmp_path / "vaduz_schaan.gpkg"
    _, (layers, error) = run_download(qtbot, qgis_iface, VADUZ_SCHAAN, sandbox.api, path)
    assert error is None
    base = gpkg.read_base(path)
    assert len(base.nodes) > 50_000  # the server sends at most 50 000 per request
    assert base.bounds == [VADUZ_SCHAAN]
    ids = [f["osm_id"] for f in layers["osm_lines"].getFeatures()]
    assert len(ids) == len(set(ids))  # tiles merged: no way twice
    lons = [f.geometry().asPoint().x() for f in layers["osm_points"].getFeatures()]
    assert min(lons) < 9.5 and max(lons) > 9.55


def test_a_refused_tile_is_split_and_gives_the_same_data(
    sandbox, project, qgis_iface, qtbot, tmp_path
):
    from osm_roundtrip.plugin.core import gpkg

    whole = tmp_path / "whole.gpkg"
    run_download(qtbot, qgis_iface, VADUZ, sandbox.api, whole)
    sandbox.fault("status", path="/map", status=400, body=TOO_MANY_NODES, times=1)
    split = tmp_path / "split.gpkg"
    _, (_, error) = run_download(qtbot, qgis_iface, VADUZ, sandbox.api, split)
    assert error is None
    assert [fault["times"] for fault in sandbox.faults()] == [0]  # the refusal was sent
    assert gpkg.read_base(split) == gpkg.read_base(whole)


def test_cancel_stops_the_download(sandbox, project, qgis_iface, qtbot, tmp_path):
    from osm_roundtrip.plugin.adapters import download_service
    from osm_roundtrip.plugin.core.errors import Cancelled

    sandbox.fault("delay", path="/map", seconds=2, times=1)
    path = tmp_path / "cancelled.gpkg"
    outcome = Outcome()
    task = download_service.start_download(qgis_iface, VADUZ, sandbox.api, path, outcome)
    qtbot.waitUntil(lambda: task.status() == task.Running, timeout=10_000)
    statuses = []
    task.statusChanged.connect(statuses.append)
    task.cancel()
    qtbot.waitUntil(lambda: outcome.done, timeout=30_000)
    layers, error = outcome.calls[0]
    assert layers is None
    assert isinstance(error, Cancelled)
    assert not path.exists()
    assert not path.with_name(path.name + ".part").exists()
    assert project.mapLayers() == {}
    assert qgis_iface.messageBar().get_messages(Qgis.Info) == [
        "OSM Roundtrip:Download cancelled; nothing was changed."
    ]
    assert statuses[-1] == QgsTask.Complete  # a cancel is not reported as a failed task


FAILURES = [
    pytest.param(
        {"kind": "html", "path": "/map", "status": 503},
        "HTTP 503",
        id="server-error-page",
    ),
    pytest.param(
        {"kind": "status", "path": "/map", "status": 509, "retry_after": 3600},
        "rate limiting",
        id="bandwidth-limit",
    ),
    pytest.param(
        {"kind": "drop_before", "path": "/map"},
        "Could not connect",
        id="connection-dropped",
    ),
    pytest.param(
        {"kind": "status", "path": "/map", "status": 200, "body": "<osm><node id='x'/></osm>"},
        "has an invalid value",
        id="broken-osm-xml",
    ),
]


@pytest.mark.parametrize(("fault", "expected"), FAILURES)
def test_errors_are_shown_in_the_message_bar(
    sandbox, project, qgis_iface, qtbot, tmp_path, fault, expected
):
    sandbox.fault(**fault)
    path = tmp_path / "failed.gpkg"
    _, (layers, error) = run_download(qtbot, qgis_iface, VADUZ, sandbox.api, path)
    assert layers is None and error is not None
    critical = qgis_iface.messageBar().get_messages(Qgis.Critical)
    assert len(critical) == 1
    assert "The OSM data could not be loaded" in critical[0]
    assert expected in critical[0]
    assert not path.exists()
    assert project.mapLayers() == {}


def test_unreachable_server_is_reported(project, qgis_iface, qtbot, tmp_path):
    _, (layers, error) = run_download(
        qtbot, qgis_iface, VADUZ, "http://127.0.0.1:9/api/0.6", tmp_path / "x.gpkg"
    )
    assert layers is None and error is not None
    critical = qgis_iface.messageBar().get_messages(Qgis.Critical)
    assert "Could not connect to 127.0.0.1:9" in critical[0]


@pytest.mark.parametrize(
    "bbox",
    [(9.535, 47.135, 9.515, 47.145), (9.5, 47.1, 9.5, 47.2), (9.5, 91.0, 9.6, 92.0)],
    ids=["west-east-swapped", "empty", "latitude-out-of-range"],
)
def test_invalid_boxes_are_refused_before_any_task(project, qgis_iface, tmp_path, bbox):
    from qgis.core import QgsApplication

    from osm_roundtrip.plugin.adapters import download_service
    from osm_roundtrip.plugin.core.errors import ValidationError

    before = len(QgsApplication.taskManager().tasks())
    with pytest.raises(ValidationError):
        download_service.start_download(qgis_iface, bbox, "http://127.0.0.1:9/api/0.6", tmp_path)
    assert len(QgsApplication.taskManager().tasks()) == before


def test_downloading_again_into_the_same_file_replaces_the_layers(
    sandbox, project, qgis_iface, qtbot, tmp_path
):
    from osm_roundtrip.plugin.adapters import download_service, osm_layers
    from osm_roundtrip.plugin.core.errors import ValidationError

    path = tmp_path / "vaduz.gpkg"
    _, (first, _) = run_download(qtbot, qgis_iface, VADUZ, sandbox.api, path)
    points = first["osm_points"]
    assert points.startEditing()
    feature = next(points.getFeatures())
    assert points.changeAttributeValue(feature.id(), points.fields().indexOf("name"), "Neu")
    with pytest.raises(ValidationError, match="unsaved edits"):
        download_service.start_download(qgis_iface, VADUZ, sandbox.api, path)
    points.rollBack()

    _, (second, error) = run_download(qtbot, qgis_iface, VADUZ, sandbox.api, path)
    assert error is None
    assert len(project.mapLayers()) == 4
    assert len(project.layerTreeRoot().children()) == 1
    assert osm_layers.download_layers(path) == second


def test_failed_download_into_a_loaded_file_keeps_the_old_layers(
    sandbox, project, qgis_iface, qtbot, tmp_path
):
    from osm_roundtrip.plugin.adapters import osm_layers

    path = tmp_path / "vaduz.gpkg"
    _, (first, _) = run_download(qtbot, qgis_iface, VADUZ, sandbox.api, path)
    count = first["osm_points"].featureCount()
    sandbox.fault("html", path="/map", status=502)
    _, (layers, error) = run_download(qtbot, qgis_iface, VADUZ, sandbox.api, path)
    assert layers is None and error is not None
    reopened = osm_layers.download_layers(path)
    assert sorted(reopened) == ["osm_lines", "osm_points", "osm_polygons", "osm_relations"]
    assert reopened["osm_points"].featureCount() == count


def test_saved_edits_are_never_replaced_without_the_users_word(
    sandbox, project, qgis_iface, qtbot, tmp_path
):
    """Saved, not uploaded: the file stays, its layers come back, the sandbox is not asked."""
    from osm_roundtrip.plugin.adapters import osm_layers
    from osm_roundtrip.plugin.core.gpkg_target import TargetHoldsWork
    from osm_roundtrip.plugin.core.osm.upload import changes_of_geopackage

    path = tmp_path / "vaduz.gpkg"
    _, (first, _) = run_download(qtbot, qgis_iface, VADUZ, sandbox.api, path)
    points = first["osm_points"]
    assert points.startEditing()
    feature = next(f for f in points.getFeatures() if f["name"])
    assert points.changeAttributeValue(feature.id(), points.fields().indexOf("name"), "Neu")
    assert points.commitChanges()
    sandbox.fault("html", path="/map", status=502)  # asking the server would fail differently

    _, (layers, error) = run_download(qtbot, qgis_iface, VADUZ, sandbox.api, path)
    assert layers is None and isinstance(error, TargetHoldsWork)
    assert error.state.pending_changes == 1
    assert len(changes_of_geopackage(path)) == 1
    sandbox.clear_faults()
    reopened = osm_layers.download_layers(path)
    assert [f["name"] for f in reopened["osm_points"].getFeatures() if f["name"] == "Neu"]
    assert not qgis_iface.messageBar().get_messages(Qgis.Critical)

    _, (layers, error) = run_download(qtbot, qgis_iface, VADUZ, sandbox.api, path, replace=True)
    assert error is None
    assert not [f for f in layers["osm_points"].getFeatures() if f["name"] == "Neu"]


def test_ways_whose_nodes_are_missing_are_named_in_the_summary():
    from osm_roundtrip.plugin.adapters.download_service import summary_details, summary_text
    from osm_roundtrip.plugin.core.gpkg import WriteSummary

    summary = WriteSummary(path="x.gpkg", incomplete_ways=[41, 42])
    assert summary_text(summary, "x").endswith(" 2 ways lack some of their nodes.")
    details = summary_details(summary)
    assert "2 ways use nodes that are not in the data (for example way 41)" in details
    assert "marked incomplete" in details


def test_the_message_is_one_short_line_and_the_explanations_are_behind_show_more(qtbot):
    """The message bar shows one line of text and cuts the rest at its width: the line names
    the incomplete elements, QGIS's "Show more" opens the whole text in a window."""
    from qgis.gui import QgsMessageBar
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QApplication, QDialog, QTextBrowser, QToolButton

    from osm_roundtrip.plugin.adapters.download_service import push_summary
    from osm_roundtrip.plugin.core.gpkg import WriteSummary
    from osm_roundtrip.plugin.core.osm.features import LINES, POLYGONS

    bar = QgsMessageBar()
    qtbot.addWidget(bar)
    summary = WriteSummary(
        path="x.gpkg", counts={LINES: 2, POLYGONS: 4}, incomplete_relations=[7, 8, 9]
    )
    push_summary(bar, summary, "Vaduz")
    item = bar.currentItem()
    short = "Downloaded 2 lines and 4 polygons into “Vaduz”. 3 relations reach outside the area."
    assert item.text() == short
    assert item.level() == Qgis.MessageLevel.Success
    more = item.widget()
    assert isinstance(more, QToolButton)
    seen = []

    def read_and_close():
        for window in QApplication.topLevelWidgets():
            if isinstance(window, QDialog) and window.isVisible():
                seen.append(" ".join(b.toPlainText() for b in window.findChildren(QTextBrowser)))
                window.close()

    QTimer.singleShot(200, read_and_close)
    more.click()  # QGIS opens its message viewer modally
    assert seen and seen[0].startswith(short)
    assert (
        "3 relations reach outside the area and are marked incomplete; areas among them"
        in (seen[0])
    )

    assert seen[0].endswith("The layers are saved in x.gpkg.")

    complete = WriteSummary(path="y.gpkg", counts={LINES: 2})
    push_summary(bar, complete, "Schaan")
    assert bar.currentItem().text() == "Downloaded 2 lines into “Schaan”."
    assert isinstance(bar.currentItem().widget(), QToolButton)  # the whole text, the file


def test_the_summary_names_only_the_counts_that_are_there():
    from osm_roundtrip.plugin.adapters.download_service import summary_text
    from osm_roundtrip.plugin.core.gpkg import WriteSummary
    from osm_roundtrip.plugin.core.osm.features import LINES, POLYGONS

    summary = WriteSummary(path="x.gpkg", counts={LINES: 2, POLYGONS: 4})
    assert summary_text(summary, "Rathaus Vaduz") == (
        "Downloaded 2 lines and 4 polygons into “Rathaus Vaduz”."
    )
    assert "no OSM data" in summary_text(WriteSummary(path="x.gpkg"), "x")
