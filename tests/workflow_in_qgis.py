"""Start-up code run inside a real QGIS window by ``tests/qgis/test_core_workflow.py``.

Drives the installed plugin through the core workflow the way a user does it — with mouse clicks
and key presses on the widgets on screen, never by calling the plugin's functions:

    search a place → download its area → fix a tag → upload

Every click is counted, every typed text too; after each step what is on screen is checked (the
widgets the user looks at, the map, the message bar) and the main window is saved as a PNG.
Whatever the user needs must be visible without scrolling: a widget clicked is checked to lie
inside its scroll area's viewport and every scroll bar it sits in to be at its start.
The report goes to ``$OSM_ROUNDTRIP_WORKFLOW_OUT/report.json``.
"""

import json
import os
import time
import traceback
from pathlib import Path

import qgis.utils
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QPoint, Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QMessageBox,
    QToolButton,
)
from qgis.utils import iface

OUT = Path(os.environ["OSM_ROUNDTRIP_WORKFLOW_OUT"])
PLACE = os.environ.get("OSM_ROUNDTRIP_WORKFLOW_PLACE", "Rathaus Vaduz")
TAG_KEY = os.environ.get("OSM_ROUNDTRIP_WORKFLOW_KEY", "opening_hours")
TAG_VALUE = os.environ.get("OSM_ROUNDTRIP_WORKFLOW_VALUE", "Mo-Fr 08:00-12:00,14:00-17:00")
COMMENT = "Fix the town hall's opening hours"
TOWN_HALL = 28712183  # way "Rathaus Vaduz" in the bundled extract
report = {"clicks": [], "texts": [], "steps": [], "scrolled": [], "ok": False, "error": ""}
shots = [0]


class Failed(Exception):
    pass


# -- what the user does --------------------------------------------------------------------------
def click(widget, what, pos=None, button=Qt.MouseButton.LeftButton, double=False):
    """One mouse click (a double click counts as one) on ``widget``, which must be on screen."""
    if widget is None:
        raise Failed(f"nothing to click for: {what}")
    wait_until(widget.isVisible, 10, f"{what} to be visible")
    if not widget.isEnabled():
        raise Failed(f"{what} is disabled")
    assert_not_scrolled(widget, what)
    report["clicks"].append(what)
    if QApplication.activeWindow() is not widget.window():
        # what a window manager does on a click: the clicked window gets the keyboard
        QApplication.setActiveWindow(widget.window())
    point = pos if pos is not None else widget.rect().center()
    if double:
        QTest.mouseDClick(widget, button, Qt.KeyboardModifier.NoModifier, point)
    else:
        QTest.mouseClick(widget, button, Qt.KeyboardModifier.NoModifier, point)
    settle(0.2)


def type_text(widget, text, what):
    report["texts"].append(f"{what}: {text}")
    QTest.keyClicks(widget, text)


def press(widget, key):
    QTest.keyClick(widget, key)
    settle(0.2)


def assert_not_scrolled(widget, what):
    """The widget lies inside every scroll area around it, which shows its start."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            viewport = parent.viewport()
            if widget is not viewport and viewport.isAncestorOf(widget):
                top_left = widget.mapTo(viewport, QPoint(0, 0))
                inside = viewport.rect().contains(top_left) and viewport.rect().contains(
                    top_left + QPoint(widget.width() - 1, widget.height() - 1)
                )
                if not inside:
                    report["scrolled"].append(f"{what}: outside the visible part")
            for bar in (parent.verticalScrollBar(), parent.horizontalScrollBar()):
                if bar.isVisible() and bar.value() != bar.minimum():
                    report["scrolled"].append(f"{what}: a scroll bar moved")
        parent = parent.parentWidget()


def assert_area_visible(widget, rect, what):
    """``rect`` of ``widget`` is on screen: inside ``widget`` and every scroll area around it."""
    parent = widget
    while parent is not None:
        top_left = widget.mapTo(parent, rect.topLeft())
        bottom_right = widget.mapTo(parent, rect.bottomRight())
        area = parent.rect()
        if not (area.contains(top_left) and area.contains(bottom_right)):
            report["scrolled"].append(f"{what}: outside {type(parent).__name__}")
            return
        parent = parent.parentWidget() if not parent.isWindow() else None


# -- waiting and looking ---------------------------------------------------------------------------
def settle(seconds=0.5):
    end = time.monotonic() + seconds
    while time.monotonic() < end or iface.mapCanvas().isDrawing():
        QCoreApplication.processEvents()
        time.sleep(0.02)


def wait_until(predicate, timeout=60.0, what="the plugin"):
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise Failed(f"timed out waiting for {what}")
        QCoreApplication.processEvents()
        time.sleep(0.02)


def check(name, ok, detail=""):
    report["steps"].append({"name": name, "ok": bool(ok), "detail": str(detail)})
    if not ok:
        raise Failed(f"{name}: {detail}")


def shot(name, widget=None):
    settle(0.6)
    shots[0] += 1
    path = OUT / f"{shots[0]:02d}-{name}.png"
    (widget or iface.mainWindow()).grab().save(str(path))


def message_texts():
    """The texts of the message bar's items, as the user reads them."""
    from qgis.PyQt.QtWidgets import QLabel, QTextBrowser, QTextEdit

    texts = []
    bar = iface.messageBar()
    items = bar.items() if hasattr(bar, "items") else []
    for item in items:
        parts = [item.title(), item.text()]
        for child in item.findChildren((QLabel, QTextEdit, QTextBrowser)):
            parts.append(child.toPlainText() if hasattr(child, "toPlainText") else child.text())
        texts.append(" ".join(p for p in parts if p))
    return texts


def modal_dialog(timeout=30.0):
    found = []
    wait_until(
        lambda: found.append(QApplication.activeModalWidget()) or found[-1] is not None,
        timeout,
        "a dialog",
    )
    return found[-1]


def button(parent, text):
    """The visible button of ``parent`` whose text (without '&') is ``text``."""
    for candidate in parent.findChildren(QAbstractButton):
        if candidate.isVisible() and candidate.text().replace("&", "") == text:
            return candidate
    raise Failed(f"no button “{text}” in {parent.objectName() or type(parent).__name__}")


def toolbar_button(action):
    """The tool button the user clicks for ``action`` (in the plugin's toolbar)."""
    for widget in action.associatedWidgets() if hasattr(action, "associatedWidgets") else []:
        if isinstance(widget, QToolButton) and widget.isVisible():
            return widget
    for toolbar in iface.mainWindow().findChildren(QToolButton):
        if toolbar.defaultAction() is action and toolbar.isVisible():
            return toolbar
    raise Failed(f"no visible button for “{action.text()}”")


def plugin():
    return qgis.utils.plugins["osm_roundtrip"]


def osm_layers():
    return {
        layer.customProperty("osm_roundtrip/role"): layer
        for layer in QgsProject.instance().mapLayers().values()
        if layer.customProperty("osm_roundtrip/role")
    }


# -- the steps ---------------------------------------------------------------------------------
def step_search():
    dock = plugin().dock
    check("the search dock is open at start", dock.isVisible(), dock.windowTitle())
    field = dock.panel.queryEdit
    click(field, "the search field")
    type_text(field, PLACE, "place")
    press(field, Qt.Key.Key_Return)
    wait_until(lambda: dock.places and dock.task is None, 30, "the search results")
    tree = dock.panel.resultsTree
    first = tree.topLevelItem(0)
    check(
        "the place is the first result, selected and highlighted",
        first is not None and PLACE.split()[0] in first.text(0) and first.isSelected()
        and dock.highlight_geometries,
        first.text(0) if first else "no result",
    )  # fmt: skip
    extent = iface.mapCanvas().extent()
    shot("search")
    return dock, extent


def step_download(dock):
    result = {}

    def in_dialog():
        try:
            dialog = modal_dialog()
            result["title"] = dialog.windowTitle()
            result["file"] = dialog.output.filePath()
            shot("download-dialog", dialog)
            ok = dialog.buttonBox.button(dialog.buttonBox.StandardButton.Ok)
            click(ok, "OK in the download dialog")
        except Exception as exc:  # the dialog would stay open: close it
            result["error"] = repr(exc)
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, QDialog):
                dialog.reject()

    QTimer.singleShot(300, in_dialog)
    click(dock.panel.downloadButton, "Download area…")
    if result.get("error"):
        raise Failed(result["error"])
    check(
        "the download dialog proposes a file named after the place",
        "Rathaus" in os.path.basename(result.get("file", "")),
        result.get("file"),
    )
    wait_until(lambda: len(osm_layers()) >= 4, 180, "the downloaded layers")
    settle(1.5)
    root = QgsProject.instance().layerTreeRoot()
    group = root.findLayer(next(iter(osm_layers().values())).id()).parent()
    check(
        "the layers are in a group named after the place",
        PLACE.split()[0] in group.name(),
        group.name(),
    )
    view = iface.layerTreeView()
    model = view.layerTreeModel() if hasattr(view, "layerTreeModel") else view.model()

    def unfolded():
        names = []
        for node in group.children():
            index = model.node2index(node)
            if hasattr(view, "proxyModel"):  # QGIS 3.18+: the view shows a filtering proxy
                index = view.proxyModel().mapFromSource(index)
            if view.isExpanded(index):
                names.append(node.name())
        return names

    check("the legends of the layers are folded in the layers panel", not unfolded(), unfolded())
    shot("downloaded")


def focused_editor(what, timeout=10.0):
    """The widget the keyboard types into now (an editor opened by a click or a key)."""
    if QApplication.activeWindow() is None and QApplication.activeModalWidget() is None:
        # a dialog closed: a window manager gives the keyboard back to the main window
        QApplication.setActiveWindow(iface.mainWindow())
    wait_until(lambda: QApplication.focusWidget() is not None, timeout, what)
    return QApplication.focusWidget()


def type_keys(text, what):
    """Type ``text`` on the keyboard: each key goes to the widget that has the focus then."""
    report["texts"].append(f"{what}: {text}")
    for char in text:
        QTest.keyClicks(focused_editor(what), char)
    QCoreApplication.processEvents()


def enter(what):
    QTest.keyClick(focused_editor(what), Qt.Key.Key_Return)
    settle(0.3)


def step_fix_tag():
    """In the OSM tags dock, which shows the place found: start editing, add the tag."""
    tags = plugin().tag_dock
    wait_until(lambda: tags.isVisible() and tags.fid is not None, 30, "the OSM tags dock")
    feature = tags.layer.getFeature(tags.fid)
    check(
        "the OSM tags dock shows the place found",
        feature["osm_type"] == "way" and int(feature["osm_id"]) == TOWN_HALL,
        f"{feature['osm_type']} {feature['osm_id']}",
    )
    check(
        "the tags are read-only until editing starts",
        tags.start_editing.isVisible() and tags.editor.read_only,
        tags.status.text(),
    )
    report["version_before"] = int(feature["osm_version"])
    shot("tags")
    click(tags.start_editing, "Start editing")
    check("the layer is in edit mode", tags.layer.isEditable(), tags.layer.name())
    table = tags.editor.table
    rows = [r for r in range(table.rowCount()) if table.item(r, 0).text() == TAG_KEY]
    keys = [table.item(r, 0).text() for r in range(table.rowCount())]
    check(f"the tags show {TAG_KEY}", rows, keys)
    cell = table.visualItemRect(table.item(rows[0], 1))
    assert_area_visible(table.viewport(), cell, f"the value of {TAG_KEY}")
    click(table.viewport(), f"the value of {TAG_KEY}", pos=cell.center())
    type_keys(TAG_VALUE, "value")
    enter("the value")
    settle(0.5)
    feature = tags.layer.getFeature(tags.fid)
    written = module("plugin.adapters.tag_form").read_tags(feature)
    check("the tag is in the feature", written.get(TAG_KEY) == TAG_VALUE, written)
    shown = {
        table.item(r, 0).text(): table.item(r, 1).text()
        for r in range(table.rowCount())
        if table.item(r, 0) and table.item(r, 0).text()
    }
    check("the tag is in the dock's table", shown.get(TAG_KEY) == TAG_VALUE, shown)
    shot("tag-fixed")


def step_upload():
    """Upload changes…: save the edits, read the review, upload with a comment."""
    qaction = module("plugin.adapters.compat").QAction
    action = iface.mainWindow().findChild(qaction, "OsmRoundtripUpload")
    answer = {}

    def in_question():
        try:
            box = modal_dialog()
            answer["text"] = box.text() if hasattr(box, "text") else box.windowTitle()
            answer["save"] = box.button(QMessageBox.StandardButton.Save) is not None
            shot("unsaved-question", box)
            click(box.button(QMessageBox.StandardButton.Save), "Save in the question")
        except Exception as exc:
            answer["error"] = repr(exc)
            box = QApplication.activeModalWidget()
            if isinstance(box, QDialog):
                box.reject()

    QTimer.singleShot(300, in_question)
    click(toolbar_button(action), "Upload changes…")
    if answer.get("error"):
        raise Failed(answer["error"])
    check("the user is asked to save the edits", answer.get("save"), answer)
    review = plugin().uploader
    wait_until(lambda: review.dock is not None and review.dock.isVisible(), 60, "the review")
    dock = review.dock
    wait_until(lambda: review_rows(dock), 60, "the review's changes")
    rows = review_rows(dock)
    check(
        "the review names the town hall and shows the tag's old → new value",
        any("Rathaus Vaduz" in row and str(TOWN_HALL) in row for row in rows)
        and any(row.startswith(f"{TAG_KEY}: ") and f"→ {TAG_VALUE}" in row for row in rows),
        rows,
    )
    check(
        "the changeset comment has the keyboard",
        focused_editor("the comment") in (dock.commentEdit, dock.commentCombo),
        type(QApplication.focusWidget()).__name__,
    )
    type_keys(COMMENT, "comment")
    check(
        "the review fits its dock (nothing to scroll sideways)",
        not dock.scrollArea.horizontalScrollBar().isVisible(),
        dock.scrollArea.viewport().width(),
    )
    shot("review")
    click(dock.uploadButton, "Upload")
    wait_until(lambda: any("/changeset/" in t for t in message_texts()), 120, "the upload")
    texts = message_texts()
    check("a message links the changeset", any("/changeset/" in t for t in texts), texts)
    tags = plugin().tag_dock
    wait_until(lambda: tags.fid is not None, 30, "the OSM tags dock after the upload")
    feature = tags.layer.getFeature(tags.fid)
    check(
        "the layer has the server's new version of the town hall",
        int(feature["osm_id"]) == TOWN_HALL
        and int(feature["osm_version"]) == report["version_before"] + 1,
        f"{feature['osm_id']} v{feature['osm_version']}",
    )
    shot("uploaded")


def review_rows(dock):
    """The review's rows as the user reads them (every column of every row)."""
    from qgis.PyQt.QtWidgets import QTreeWidget

    rows = []
    for tree in dock.findChildren(QTreeWidget):
        for index in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(index)
            stack = [item]
            while stack:
                node = stack.pop()
                rows.append(" ".join(node.text(c) for c in range(tree.columnCount())))
                stack.extend(node.child(i) for i in range(node.childCount()))
    return rows


def module(name):
    package = type(plugin()).__module__.rsplit(".", 2)[0]
    import importlib

    return importlib.import_module(f"{package}.{name}")


def logged_in_before():
    """The user logged in to the sandbox once before (the token is in QGIS's auth database)."""
    QgsApplication.authManager().setMasterPassword("workflow", True)
    url = module("plugin.adapters.settings").load().api_url()
    module("plugin.adapters.auth").remember(os.environ["OSM_ROUNDTRIP_WORKFLOW_TOKEN"], url)


def run():
    try:
        window = iface.mainWindow()
        window.showMaximized()
        window.setGeometry(QApplication.primaryScreen().availableGeometry())
        # the window the user works in has the keyboard (Xvfb has no window manager to give it)
        window.activateWindow()
        QApplication.setActiveWindow(window)
        logged_in_before()
        settle(2)
        dock, _ = step_search()
        step_download(dock)
        step_fix_tag()
        step_upload()
        report["ok"] = True
    except Failed as exc:
        report["error"] = str(exc)
    except Exception:
        report["error"] = traceback.format_exc()
    try:
        shot("end")
    finally:
        (OUT / "report.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
        QgsApplication.exit(0)


QTimer.singleShot(1000, run)
