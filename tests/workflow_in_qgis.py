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
    QToolButton,
)
from qgis.utils import iface

OUT = Path(os.environ["OSM_ROUNDTRIP_WORKFLOW_OUT"])
PLACE = os.environ.get("OSM_ROUNDTRIP_WORKFLOW_PLACE", "Rathaus Vaduz")
TAG_KEY = os.environ.get("OSM_ROUNDTRIP_WORKFLOW_KEY", "opening_hours")
TAG_VALUE = os.environ.get("OSM_ROUNDTRIP_WORKFLOW_VALUE", "Mo-Fr 08:00-12:00,14:00-17:00")
COMMENT = "Fix the town hall's opening hours"
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


def run():
    try:
        iface.mainWindow().showMaximized()
        settle(2)
        dock, _ = step_search()
        step_download(dock)
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
