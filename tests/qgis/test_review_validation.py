"""The review before upload, driven through "Upload changes…" on a real download of the sandbox:
validation problems (errors block, warnings need acknowledgement, a click shows the problem,
Fix edits the layer), the remembered comment and the changeset tags that reach the server.

The review is a dock beside the map: the test works the real dock, then presses "Upload" or closes
it, as the user would.
"""

from __future__ import annotations

import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsSettings,
)
from qgis.PyQt.QtWidgets import QApplication, QDialog

from osm_roundtrip.plugin.adapters import auth, download_service, osm_layers
from osm_roundtrip.plugin.adapters import settings as plugin_settings
from osm_roundtrip.plugin.core.osm.features import POINTS
from osm_roundtrip.ui import review_dock
from osm_roundtrip.ui.upload_action import UploadAction

BBOX = (9.518, 47.138, 9.524, 47.142)
LOCKERS = QgsPointXY(9.5211, 47.1402)  # amenity=lockers: outdated, fixed to amenity=locker
UNTAGGED = QgsPointXY(9.5215, 47.1404)  # no tags: an error
SETTINGS = ("recent_comments", "last_source", "last_hashtags")
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture
def clean_settings(auth_db):
    store = QgsSettings()
    saved = {key: store.value(plugin_settings.PREFIX + key) for key in SETTINGS}
    for key in SETTINGS:
        store.remove(plugin_settings.PREFIX + key)
    yield store
    for key, value in saved.items():
        if value is None:
            store.remove(plugin_settings.PREFIX + key)
        else:
            store.setValue(plugin_settings.PREFIX + key, value)


@pytest.fixture
def download(osm_sandbox, tmp_path, qgis_new_project, qgis_iface, clean_settings):
    osm_sandbox.reset()
    path = tmp_path / "review.gpkg"
    download_service.download_to_gpkg(BBOX, osm_sandbox.api, path)
    layers = osm_layers.open_download(path)
    qgis_iface.setActiveLayer(layers[POINTS])
    auth.remember(osm_sandbox.token(), osm_sandbox.api)
    yield path, layers
    auth.forget(osm_sandbox.api)
    osm_layers.remove_download(path)


def add_points(layer, *points) -> list:
    """New points ``(position, {tags})``, saved; their feature ids."""
    assert layer.startEditing()
    added = []
    for position, tags in points:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(position))
        for key, value in tags.items():
            feature[key] = value
        assert layer.addFeature(feature)
        added.append(feature)
    assert layer.commitChanges(), layer.commitErrors()
    return [f.id() for f in layer.getFeatures() if not f["osm_id"]]


def shot(widget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    widget.show()
    QApplication.processEvents()  # the layout settles as in a running QGIS
    widget.grab().save(str(path))
    return path


def review(monkeypatch, qgis_iface, answer, action=None):
    """Run "Upload changes…"; ``answer(dock)`` works the review dock and returns ``Accepted``
    (then "Upload" is pressed) or ``Rejected`` (then the dock is closed)."""
    action = action or UploadAction(qgis_iface)
    action.upload()  # the changes are computed in a task, then the review opens
    wait_for(lambda: action.task is None)
    dock = action.dock
    assert dock is not None, "no review"
    assert isinstance(dock, review_dock.ReviewDock)
    if answer(dock) == QDialog.DialogCode.Accepted:
        assert dock.upload_button.isEnabled(), dock.upload_button.toolTip()
        dock.upload_button.click()
    else:
        dock.close()
        assert action.dock is None
    return action, dock


def wait_for(condition, seconds: float = 60.0) -> None:
    import time

    from qgis.PyQt.QtCore import QCoreApplication

    ends = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < ends, "timed out"
        QCoreApplication.processEvents()
        time.sleep(0.01)


def rows(dialog) -> dict:
    """``{group title: [problem texts]}`` of the Problems tab."""
    tree = dialog.problemsTree
    result = {}
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        result[group.text(0)] = [group.child(j).text(0) for j in range(group.childCount())]
    return result


def find_row(dialog, text: str):
    tree = dialog.problemsTree
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        for j in range(group.childCount()):
            if text in group.child(j).text(0):
                return group.child(j)
    raise AssertionError(f"no problem {text!r} in {rows(dialog)}")


def test_errors_block_the_upload_and_warnings_need_the_checkbox(download, monkeypatch, qgis_iface):
    _path, layers = download
    points = layers[POINTS]
    add_points(points, (LOCKERS, {"amenity": "lockers"}), (UNTAGGED, {}))

    def with_error(dialog) -> int:
        problems = rows(dialog)
        assert list(problems) == ["Errors (1)", "Warnings (1)"], problems
        assert "has no tags" in problems["Errors (1)"][0]
        assert "amenity=lockers → amenity=locker" in problems["Warnings (1)"][0]
        assert dialog.tabs.currentWidget() is dialog.problemsTab
        assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Problems (2)"
        # the rows of the changes are marked too: the untagged point's with the error
        tree = dialog.changesTree
        marked = {
            tree.topLevelItem(i).toolTip(0)
            for i in range(tree.topLevelItemCount())
            if not tree.topLevelItem(i).icon(0).isNull()
        }
        assert len(marked) == 2 and any("has no tags" in t for t in marked), marked
        dialog.commentEdit.setText("Lockers")
        dialog.acknowledgeCheck.setChecked(True)
        assert not dialog.upload_button.isEnabled()
        assert "found 1 error" in dialog.upload_button.toolTip()
        assert not dialog.acknowledgeCheck.isEnabled()
        # the problems as a temporary layer to work through after the review
        assert dialog.issuesLayerButton.isEnabled()
        dialog.issuesLayerButton.click()
        layer = QgsProject.instance().mapLayer(dialog.issues_layer)
        assert layer is not None and layer.featureCount() == 2
        found = {f["severity"]: f for f in layer.getFeatures()}
        assert found["error"].geometry().asPoint() == UNTAGGED
        assert "has no tags" in found["error"]["message"] and layer.labelsEnabled()
        name = layer.name()
        dialog.issuesLayerButton.click()  # again: replaced, not doubled
        assert len(QgsProject.instance().mapLayersByName(name)) == 1
        dialog.resize(900, 800)
        shot(dialog, "review_dialog_problems")
        return QDialog.DialogCode.Rejected

    review(monkeypatch, qgis_iface, with_error)

    untagged = next(f for f in points.getFeatures() if f.geometry().asPoint() == UNTAGGED)
    assert points.startEditing() and points.deleteFeature(untagged.id())
    assert points.commitChanges()

    def with_warning(dialog) -> int:
        assert list(rows(dialog)) == ["Warnings (1)"]
        dialog.commentEdit.setText("Lockers")
        assert dialog.acknowledgeCheck.isVisibleTo(dialog)
        assert not dialog.upload_button.isEnabled()
        assert "I have checked the warnings" in dialog.upload_button.toolTip()
        dialog.acknowledgeCheck.setChecked(True)
        assert dialog.upload_button.isEnabled()
        dialog.commentEdit.setText("")
        assert not dialog.upload_button.isEnabled()  # the comment is still required
        return QDialog.DialogCode.Rejected

    review(monkeypatch, qgis_iface, with_warning)


def test_clicking_a_problem_shows_it_and_fix_edits_the_layer(
    download, monkeypatch, qgis_iface, qgis_canvas
):
    _path, layers = download
    points = layers[POINTS]
    (fid,) = add_points(points, (LOCKERS, {"amenity": "lockers", "name": "Station"}))
    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))

    def fix(dialog) -> int:
        row = find_row(dialog, "outdated tags")
        far = QgsRectangle(0, 0, 100_000, 100_000)  # the point far out of view: zoomed to it
        qgis_canvas.setExtent(far)
        assert not dialog.fixButton.isEnabled()
        dialog.problemsTree.setCurrentItem(row)
        assert dialog.highlights, "nothing highlighted"
        extent = qgis_canvas.extent()
        assert extent.width() < 1000  # metres: zoomed to the point
        center = qgis_canvas.mapSettings().layerToMapCoordinates(points, LOCKERS)
        assert extent.contains(center)
        assert "Upgrade the tags" in dialog.problemDetail.text()
        assert dialog.fixButton.isEnabled()
        dialog.resize(900, 800)
        shot(dialog, "review_dialog_fix")
        dialog.fixButton.click()
        assert rows(dialog) == {}
        assert dialog.problemsLabel.text() == "The validator found no problems."
        assert 'k="amenity" v="locker"' in dialog.oscText.toPlainText()
        assert not dialog.acknowledgeCheck.isVisibleTo(dialog)
        dialog.commentEdit.setText("Lockers")
        assert dialog.upload_button.isEnabled()
        return QDialog.DialogCode.Rejected

    review(monkeypatch, qgis_iface, fix)
    feature = points.getFeature(fid)
    assert feature["amenity"] == "locker" and feature["name"] == "Station"
    assert not points.isModified() and not points.isEditable()  # saved, as before the review


def test_changeset_tags_reach_the_server_and_the_comment_is_remembered(
    download, monkeypatch, qgis_iface, qtbot, osm_sandbox
):
    _path, layers = download
    points = layers[POINTS]
    xyz = QgsRasterLayer(
        "type=xyz&url=http://127.0.0.1:9/{z}/{x}/{y}.png&zmax=19&zmin=0", "Practice imagery", "wms"
    )
    assert xyz.isValid()
    QgsProject.instance().addMapLayer(xyz)
    (fid,) = add_points(points, (LOCKERS, {"amenity": "locker"}))

    def upload(dialog) -> int:
        assert dialog.commentEdit.text() == ""
        assert dialog.imageryEdit.text() == "Practice imagery"
        dialog.commentEdit.setText("Lockers at the station")
        dialog.hashtagsEdit.setText("mapathon")
        dialog.sourceCombo.setEditText("survey")
        dialog.reviewCheck.setChecked(True)
        dialog.importCheck.setChecked(True)
        assert dialog.importFrame.isVisibleTo(dialog)
        assert "Import Guidelines" in dialog.importHelp.text()
        assert not dialog.upload_button.isEnabled()
        assert "import or a mechanical edit" in dialog.upload_button.toolTip()
        dialog.mechanicalRadio.setChecked(True)
        dialog.urlEdit.setText("wiki.openstreetmap.org/wiki/Lockers")
        assert "must be a web address" in dialog.upload_button.toolTip()
        dialog.urlEdit.setText("https://wiki.openstreetmap.org/wiki/Lockers")
        assert dialog.upload_button.isEnabled(), dialog.upload_button.toolTip()
        shot(dialog, "review_dialog_changeset")  # at the size it opens with
        assert dialog.importFrame.height() >= dialog.importFrame.minimumSizeHint().height()
        return QDialog.DialogCode.Accepted

    qgis_iface.messageBar().clear_messages()
    action, _ = review(monkeypatch, qgis_iface, upload)
    qtbot.waitUntil(lambda: action.task is None, timeout=60000)
    node_id = points.getFeature(fid)["osm_id"]
    assert node_id and int(node_id) > 0, "not written back"
    with urllib.request.urlopen(f"{osm_sandbox.api}/node/{node_id}") as answer:
        changeset = ET.fromstring(answer.read()).find("node").get("changeset")
    # the success message links the changeset on the server the upload went to
    bar = qgis_iface.messageBar()
    qtbot.waitUntil(lambda: bool(bar.get_messages(Qgis.MessageLevel.Success)), timeout=5000)
    (text,) = bar.get_messages(Qgis.MessageLevel.Success)
    web = osm_sandbox.api.rsplit("/api/0.6", 1)[0]
    assert "Uploaded 1 change" in text  # the English plural form comes with the translations
    assert f' in changeset <a href="{web}/changeset/{changeset}">{changeset}</a>' in text, text
    assert action.dock is None  # the review of what is uploaded now is closed
    with urllib.request.urlopen(f"{osm_sandbox.api}/changeset/{changeset}") as answer:
        found = ET.fromstring(answer.read()).find("changeset")
    tags = {tag.get("k"): tag.get("v") for tag in found.findall("tag")}
    assert tags.pop("created_by").startswith("OSM Roundtrip ")
    assert tags == {
        "comment": "Lockers at the station #mapathon",
        "hashtags": "#mapathon",
        "source": "survey",
        "imagery_used": "Practice imagery",
        "review_requested": "yes",
        "mechanical": "yes",
        "url": "https://wiki.openstreetmap.org/wiki/Lockers",
    }

    # the next review of the same file offers the same comment again
    add_points(points, (UNTAGGED, {"amenity": "bench"}))
    offered = {}

    def again(dialog) -> int:
        offered["comment"] = dialog.commentEdit.text()
        offered["hashtags"] = dialog.hashtagsEdit.text()
        offered["source"] = dialog.sourceCombo.currentText()
        combo = dialog.commentCombo
        offered["recent"] = [combo.itemText(i) for i in range(combo.count())]
        return QDialog.DialogCode.Rejected

    review(monkeypatch, qgis_iface, again)
    assert offered == {
        "comment": "Lockers at the station",
        "hashtags": "#mapathon",
        "source": "survey",
        "recent": ["Lockers at the station"],
    }


def test_without_the_tagging_schema_the_review_says_the_tag_checks_did_not_run(
    download, monkeypatch, qgis_iface, tmp_path
):
    from osm_roundtrip.plugin.adapters import validation

    _path, layers = download
    monkeypatch.setattr(validation, "schema_folders", lambda: [tmp_path / "no-schema"])
    monkeypatch.setattr(validation, "_schema", {})  # not loaded yet in this session
    add_points(layers[POINTS], (LOCKERS, {"amenity": "lockers"}))

    def shown(dialog) -> int:
        (warning,) = rows(dialog)["Warnings (1)"]
        assert "tag checks (outdated tags, tags for the wrong geometry) did not run" in warning
        return QDialog.DialogCode.Rejected

    review(monkeypatch, qgis_iface, shown)
    assert validation._schema == {"schema": None}  # looked for once, remembered


def test_the_review_is_computed_in_a_task_that_can_be_cancelled(download, monkeypatch, qgis_iface):
    """ "Upload changes…" returns at once: the changes are computed in a background task (with
    progress in QGIS's task manager); cancelling it says so and opens no review."""
    _path, layers = download
    add_points(layers[POINTS], (LOCKERS, {"amenity": "lockers"}))
    qgis_iface.messageBar().clear_messages()
    action = UploadAction(qgis_iface)
    action.upload()
    task = action.task
    assert task is not None and action.dock is None  # nothing computed on the GUI thread yet
    task.cancel()
    wait_for(lambda: action.task is None)
    assert action.dock is None
    texts = qgis_iface.messageBar().get_messages(0)
    assert any("The review was cancelled." in t for t in texts), texts


def test_update_data_brings_in_another_mappers_edit_and_keeps_mine(
    download, osm_sandbox, qgis_iface, tmp_path
):
    """*Update data* in QGIS: bob's new name of a café appears in alice's layer, her own edit
    of another point stays, and the message says what happened."""
    import requests

    from osm_roundtrip.plugin.core.http import HttpTransport
    from osm_roundtrip.plugin.core.osm import upload
    from osm_roundtrip.plugin.core.osm.api import OsmApi
    from osm_roundtrip.plugin.core.osm.diff import MODIFY, Change, OsmChanges
    from osm_roundtrip.plugin.core.osm.xmlreader import parse_osm_bytes

    _path, layers = download
    points = layers[POINTS]
    named = [f for f in points.getFeatures() if f["name"] and f["osm_id"]][:2]
    mine, theirs = named
    assert points.startEditing()
    points.changeAttributeValue(mine.id(), points.fields().indexOf("name"), "Alice's name")
    assert points.commitChanges()
    reply = requests.get(f"{osm_sandbox.api}/node/{theirs['osm_id']}", timeout=20)
    node = parse_osm_bytes(reply.content).nodes[theirs["osm_id"]]
    node.tags["name"] = "Bob's name"
    bob = OsmApi(osm_sandbox.api, osm_sandbox.token("bob"), HttpTransport(timeout=20))
    upload.start_upload(
        bob, OsmChanges(modifies=[Change(MODIFY, node)]), tmp_path / "bob", comment="Bob"
    )
    qgis_iface.messageBar().clear_messages()

    action = UploadAction(qgis_iface)
    action.update_data()
    wait_for(lambda: action.task is None)

    names = {f["osm_id"]: f["name"] for f in points.getFeatures()}
    assert names[theirs["osm_id"]] == "Bob's name"
    assert names[mine["osm_id"]] == "Alice's name"
    from qgis.core import Qgis

    texts = " ".join(qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success))
    assert "Updated from the server: 1 changed" in texts and "Your edits are kept" in texts


def test_a_409_is_merged_and_only_the_clash_is_asked(
    download, osm_sandbox, monkeypatch, qgis_iface, tmp_path
):
    """Through QGIS: alice adds wheelchair and changes cuisine of a point, bob changed its
    internet_access and cuisine first. Upload → 409 → the merge asks only about cuisine (alice
    takes bob's); her wheelchair and his internet_access both reach the server."""
    import requests

    from osm_roundtrip.plugin.core.http import HttpTransport
    from osm_roundtrip.plugin.core.osm import upload
    from osm_roundtrip.plugin.core.osm.api import OsmApi
    from osm_roundtrip.plugin.core.osm.diff import MODIFY, Change, OsmChanges
    from osm_roundtrip.plugin.core.osm.merge import TAG, THEIRS
    from osm_roundtrip.plugin.core.osm.xmlreader import parse_osm_bytes
    from osm_roundtrip.ui import conflict_dialog

    _path, layers = download
    points = layers[POINTS]
    point = next(f for f in points.getFeatures() if f["name"] and f["osm_id"])
    node_id = point["osm_id"]
    assert points.startEditing()
    for key in ("wheelchair", "cuisine"):
        if points.fields().indexOf(key) < 0:
            from osm_roundtrip.plugin.adapters import compat

            points.addAttribute(compat.field(key))
    points.changeAttributeValue(point.id(), points.fields().indexOf("wheelchair"), "yes (alice)")
    points.changeAttributeValue(point.id(), points.fields().indexOf("cuisine"), "coffee (alice)")
    assert points.commitChanges(), points.commitErrors()
    reply = requests.get(f"{osm_sandbox.api}/node/{node_id}", timeout=20)
    theirs = parse_osm_bytes(reply.content).nodes[node_id]
    theirs.tags.update({"internet_access": "wlan (bob)", "cuisine": "cake (bob)"})
    bob = OsmApi(osm_sandbox.api, osm_sandbox.token("bob"), HttpTransport(timeout=20))
    upload.start_upload(
        bob, OsmChanges(modifies=[Change(MODIFY, theirs)]), tmp_path / "b", comment="Bob"
    )

    asked = []

    def review_answer(dock) -> int:
        dock.commentEdit.setText("Alice's café")
        return QDialog.DialogCode.Accepted

    def conflict_exec(dialog) -> int:
        asked.append([(c.kind, c.key) for _, c, _ in dialog.rows])
        dialog.set_choice(("node", node_id), TAG, "cuisine", THEIRS)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(conflict_dialog.ConflictDialog, "exec", conflict_exec)
    qgis_iface.messageBar().clear_messages()
    action, dock = review(monkeypatch, qgis_iface, review_answer)
    wait_for(lambda: asked and action.task is None)
    assert asked == [[(TAG, "cuisine")]]
    # the review stays open with the merged edits and the comment the user typed
    assert action.dock is dock and not dock.isHidden()
    assert dock.commentEdit.text() == "Alice's café"
    assert not dock.busy and not dock.stale
    (row,) = [
        i
        for i in range(dock.changesTree.topLevelItemCount())
        if dock.changesTree.topLevelItem(i).text(2) == f"node {node_id}"
    ]
    # against the server's version now: bob's cuisine is the base, alice's wheelchair the change
    assert dock.details(row) == ["wheelchair: yes → yes (alice)"]
    # the retry from the same review sends the merge, with the same comment
    dock.upload_button.click()
    wait_for(lambda: action.task is None and action.dock is None)
    now = parse_osm_bytes(
        requests.get(f"{osm_sandbox.api}/node/{node_id}", timeout=20).content
    ).nodes[node_id]
    assert now.tags["wheelchair"] == "yes (alice)"
    assert now.tags["internet_access"] == "wlan (bob)"
    assert now.tags["cuisine"] == "cake (bob)"
    changeset = ET.fromstring(
        requests.get(f"{osm_sandbox.api}/changeset/{now.changeset}", timeout=20).content
    ).find("changeset")
    tags = {tag.get("k"): tag.get("v") for tag in changeset.findall("tag")}
    assert tags["comment"] == "Alice's café"


class DockingIface:
    """The test interface, with the docks placed in its main window as QGIS does."""

    def __init__(self, base) -> None:
        self._base = base

    def __getattr__(self, name):
        return getattr(self._base, name)

    def addDockWidget(self, area, dock):
        self._base.mainWindow().addDockWidget(area, dock)

    def removeDockWidget(self, dock):
        self._base.mainWindow().removeDockWidget(dock)


def test_the_review_is_a_dock_beside_the_map_and_rows_say_what_changes(
    download, qgis_iface, qgis_canvas, qgis_processing, qtbot
):
    """The review opens in the right dock area, modeless: the map can be moved and features
    selected while it is open. Rows name the feature (name, else preset) and say what changes;
    long values are cut with the whole text in the tooltip. Unloading the plugin removes it."""
    from qgis.PyQt.QtCore import QEvent, Qt
    from qgis.PyQt.QtWidgets import QDockWidget

    from osm_roundtrip import classFactory
    from osm_roundtrip.plugin.adapters import compat

    _path, layers = download
    points = layers[POINTS]
    named = next(f for f in points.getFeatures() if f["name"] and f["osm_id"])
    long_name = "Café " + "x" * 240
    assert points.startEditing()
    points.changeAttributeValue(named.id(), points.fields().indexOf("name"), long_name)
    assert points.commitChanges()
    (bench,) = add_points(points, (LOCKERS, {"amenity": "bench"}))
    iface = DockingIface(qgis_iface)
    window = qgis_iface.mainWindow()
    plugin = classFactory(iface)
    plugin.initGui()
    try:
        action = plugin.uploader
        action.upload()
        task = action.task
        if compat.TASK_SILENT is not None:  # no "Task complete" over the plugin's messages
            assert task.flags() & compat.TASK_SILENT
        wait_for(lambda: action.task is None)
        dock = action.dock
        assert isinstance(dock, QDockWidget) and dock.parent() is window
        assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
        assert QApplication.activeModalWidget() is None  # nothing blocks the map
        tree = dock.changesTree
        found = {
            tree.topLevelItem(i).text(2): tree.topLevelItem(i)
            for i in range(tree.topLevelItemCount())
        }
        new = found["new node"]
        assert [new.text(c) for c in range(3)] == ["Create", "Bench", "new node"]
        assert dock.details(tree.indexOfTopLevelItem(new)) == ["amenity=bench"]  # its tags
        assert "osm_points #" in new.toolTip(2)
        changed = found[f"node {named['osm_id']}"]
        assert changed.text(0) == "Modify"
        assert changed.text(1) == changed.toolTip(1) == long_name
        width = tree.fontMetrics().horizontalAdvance(long_name)
        assert tree.columnWidth(1) < width / 4  # elided in the view, whole in the tooltip
        line = changed.child(0)
        assert line.toolTip(0) == f"name: {named['name']} → {long_name}"
        assert line.isFirstColumnSpanned() and not line.isHidden() and changed.isExpanded()
        # the map stays usable: a click on the new bench shows it, then the user pans away and
        # selects a feature while the review is open
        qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
        qgis_canvas.setExtent(QgsRectangle(0, 0, 100_000, 100_000))  # far away: zoomed to it
        tree.setCurrentItem(new)
        assert dock.highlights
        center = qgis_canvas.mapSettings().layerToMapCoordinates(points, LOCKERS)
        assert qgis_canvas.extent().contains(center) and qgis_canvas.extent().width() < 1000
        # the user zooms out a little around the named café: a click on it keeps that scale
        there = qgis_canvas.mapSettings().layerToMapCoordinates(points, named.geometry().asPoint())
        size = qgis_canvas.mapSettings().outputSize()  # 2 km across, whatever the map's shape
        tall = 2000 * size.height() / max(size.width(), 1)
        view = QgsRectangle(
            there.x() - 300, there.y() - tall * 0.6, there.x() + 1700, there.y() + tall * 0.4
        )
        qgis_canvas.setExtent(view)
        width = qgis_canvas.extent().width()
        points.selectByIds([bench])
        assert points.selectedFeatureIds() == [bench] and action.dock is dock
        tree.setCurrentItem(found[f"node {named['osm_id']}"])
        assert qgis_canvas.extent().contains(there)
        assert abs(qgis_canvas.extent().width() - width) < width * 0.01  # not zoomed
        iface.messageBar().clear_messages()
        # saving the layers computes the review again
        assert points.startEditing()
        points.changeAttributeValue(bench, points.fields().indexOf("amenity"), "waste_basket")
        assert points.commitChanges()
        assert dock.stale and not dock.upload_button.isEnabled()
        wait_for(lambda: not dock.stale and action.task is None)
        found = {
            tree.topLevelItem(i).text(2): tree.topLevelItem(i)
            for i in range(tree.topLevelItemCount())
        }
        assert found["new node"].text(1) == "Trash Can"  # iD's English name
        dock.resize(460, 860)
        shot(dock, "review_dock")
    finally:
        plugin.unload()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert plugin.uploader is None
    assert "OsmRoundtripReviewDock" not in [
        d.objectName() for d in window.findChildren(QDockWidget)
    ]


def test_a_closed_review_stays_closed_and_offers_its_comment_again(download, qgis_iface):
    """Closing the review while it computes again leaves it closed; the comment typed in it is
    offered by the next review of the file. Removing the download's layers closes the review."""
    path, layers = download
    add_points(layers[POINTS], (LOCKERS, {"amenity": "bench"}))
    action = UploadAction(qgis_iface)
    action.upload()
    wait_for(lambda: action.task is None)
    dock = action.dock
    dock.commentEdit.setText("Benches by the station")
    dock.refreshButton.click()
    assert action.task is not None and dock.busy and not dock.upload_button.isEnabled()
    dock.close()
    wait_for(lambda: action.task is None)
    assert action.dock is None  # not opened again by the computation that ended
    action.upload()
    wait_for(lambda: action.task is None)
    assert action.dock is not dock
    assert action.dock.commentEdit.text() == "Benches by the station"
    osm_layers.remove_download(path)
    assert action.dock is None


def test_closing_the_review_during_the_upload_cancels_nothing(download, qgis_iface, qtbot):
    """The upload started from the review goes on when the review is closed, and says so."""
    _path, layers = download
    points = layers[POINTS]
    (fid,) = add_points(points, (LOCKERS, {"amenity": "bench"}))
    action = UploadAction(qgis_iface)
    action.upload()
    wait_for(lambda: action.task is None)
    dock = action.dock
    dock.commentEdit.setText("A bench")
    dock.upload_button.click()
    assert action.task is not None and dock.busy
    dock.close()
    assert action.dock is None
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    qtbot.waitUntil(lambda: bool(bar.get_messages(Qgis.MessageLevel.Success)), timeout=60000)
    assert int(points.getFeature(fid)["osm_id"]) > 0  # uploaded and written back
    assert action.dock is None
