"""The review dock and the conflict dialog, rendered offscreen (PNGs in ``build/screenshots``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import QgsPointXY
from qgis.PyQt.QtCore import Qt

from osm_roundtrip.plugin.core.osm.diff import CREATE, DELETE, MODIFY, Change, Note, OsmChanges
from osm_roundtrip.plugin.core.osm.model import DataSet, Node, Way
from osm_roundtrip.plugin.core.osm.osmchange import build

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def sample() -> tuple:
    base = DataSet()
    base.nodes[101] = Node(101, 47.1400, 9.5200, 3, {"amenity": "bench"})
    base.nodes[102] = Node(102, 47.1410, 9.5210, 1)
    base.nodes[103] = Node(103, 47.1420, 9.5220, 1)
    base.ways[201] = Way(201, [102, 103], 4, {"highway": "footway"})
    changes = OsmChanges(
        creates=[
            Change(
                CREATE,
                Node(-1, 47.1405, 9.5205, 0, {"amenity": "waste_basket"}),
                sources=[("osm_points", 17)],
                notes=[Note("new point")],
            ),
            Change(CREATE, Node(-2, 47.1406, 9.5206)),
            Change(
                CREATE,
                Way(-1, [-2, 102], 0, {"highway": "path"}),
                sources=[("osm_lines", 9)],
                notes=[Note("new line")],
            ),
        ],
        modifies=[
            Change(
                MODIFY,
                Node(101, 47.1400, 9.5200, 3, {"amenity": "bench", "backrest": "yes"}),
                sources=[("osm_points", 1)],
                notes=[Note("tags: {changes}", changes="+backrest=yes")],
            ),
        ],
        deletes=[
            Change(
                DELETE,
                Node(103, 47.1420, 9.5220, 1),
                if_unused=True,
                notes=[Note("vertex removed")],
            )
        ],
    )
    return base, changes


def sample_review(qgis_iface, server: str, logged_in: bool):
    """The review dock on :func:`sample`'s changes, with their osmChange."""
    from osm_roundtrip.ui.review_dock import ReviewDock

    base, changes = sample()
    osc = build(changes, None).decode()
    return ReviewDock(qgis_iface, changes, osc, base=base, server=server, logged_in=logged_in)


def shot(widget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    widget.show()
    widget.grab().save(str(path))
    return path


def test_review_dialog_needs_a_comment_and_a_login(qgis_iface, qtbot):
    dialog = sample_review(qgis_iface, "http://127.0.0.1:8111/api/0.6", logged_in=False)
    qtbot.addWidget(dialog)
    assert dialog.countsTable.item(0, 0).text() == "2"  # create nodes
    assert dialog.countsTable.item(0, 3).text() == "3"
    assert dialog.countsTable.item(2, 3).text() == "1"
    assert dialog.changesTree.topLevelItemCount() == 5
    tree = dialog.changesTree
    rows = [[tree.topLevelItem(r).text(c) for c in range(3)] for r in range(5)]
    assert rows == [
        ["Create", "Trash Can", "new node"],
        ["Create", "vertex of Path", "new node"],
        ["Create", "Path", "new way"],
        ["Modify", "Bench", "node 101"],
        ["Delete", "vertex of Foot Path", "node 103"],
    ]
    assert dialog.details(0) == ["amenity=waste_basket", "new point"]
    assert dialog.details(2) == ["2 nodes", "highway=path", "new line"]
    assert dialog.details(3) == ["+ backrest=yes"]  # old → new, not the differ's summary
    assert dialog.details(4) == ["vertex removed", "only if unused"]
    assert not dialog.upload_button.isEnabled()
    dialog.set_server("http://127.0.0.1:8111/api/0.6", True)
    assert not dialog.upload_button.isEnabled()
    qtbot.keyClicks(dialog.commentEdit, "Benches in the park")
    assert dialog.upload_button.isEnabled()
    assert dialog.comment == "Benches in the park"
    assert "<osmChange" in dialog.oscText.toPlainText()
    assert not dialog.warningLabel.isVisibleTo(dialog)
    dialog.resize(900, 680)
    assert shot(dialog, "review_dialog").exists()


def test_review_dialog_warns_about_large_and_wide_uploads(qgis_iface, qtbot):
    from osm_roundtrip.ui.review_dock import ReviewDock

    changes = OsmChanges(
        creates=[
            Change(CREATE, Node(-i, 47.0 + i * 0.0015, 9.0 + i * 0.0015, 0, {"amenity": "bench"}))
            for i in range(1, 1202)
        ]
    )
    dialog = ReviewDock(qgis_iface, changes, "", server="sandbox", logged_in=True)
    qtbot.addWidget(dialog)
    text = dialog.warningLabel.text()
    assert dialog.warningLabel.isVisibleTo(dialog)
    assert "Automated Edits code of conduct" in text
    assert "spread over 1.80° × 1.80° (3.2 square degrees" in text
    dialog.resize(900, 680)
    shot(dialog, "review_dialog_warnings")


def test_clicking_a_change_zooms_to_it(qgis_iface, qtbot, qgis_canvas):
    from osm_roundtrip.ui.review_dock import ReviewDock

    base, changes = sample()
    dialog = ReviewDock(qgis_iface, changes, "", base=base, server="x", logged_in=True)
    qtbot.addWidget(dialog)
    qgis_canvas.setDestinationCrs(
        __import__("qgis.core").core.QgsCoordinateReferenceSystem("EPSG:4326")
    )
    dialog.changesTree.setCurrentItem(dialog.changesTree.topLevelItem(4))  # the deleted node
    from qgis.gui import QgsRubberBand

    dashed = [h for h in dialog.highlights if isinstance(h, QgsRubberBand)]
    assert len(dashed) == 2  # before: the node, and the footway it bent
    assert dashed[1].asGeometry().asPolyline()[-1] == QgsPointXY(9.5220, 47.1420)
    extent = qgis_canvas.extent()
    assert extent.contains(QgsPointXY(9.5220, 47.1420))
    assert extent.width() < 1
    assert dialog.highlight is not None
    dialog.close()
    assert dialog.highlight is None


@pytest.mark.parametrize("button", ["allMineButton", "allTheirsButton"], ids=["mine", "theirs"])
def test_conflict_dialog_asks_only_what_both_changed(qtbot, button):
    """The café: wheelchair (only mine) and internet_access (only theirs) merged already; the
    clash on cuisine and the moved position are asked, with download, yours and theirs."""
    from osm_roundtrip.plugin.core.osm.merge import POSITION, TAG, merge_element
    from osm_roundtrip.ui.conflict_dialog import KEEP_MINE, TAKE_THEIRS, ConflictDialog

    tags = {"amenity": "cafe", "name": "Café Central", "cuisine": "coffee", "internet_access": "no"}
    base = Node(101, 47.14, 9.52, 3, dict(tags))
    mine = Node(101, 47.1401, 9.52, 3, {**tags, "cuisine": "coffee_shop", "wheelchair": "yes"})
    theirs = Node(101, 47.1402, 9.52, 4, {**tags, "cuisine": "cake", "internet_access": "wlan"})
    bench = Node(55, 47.1, 9.5, 2, {"amenity": "bench"})
    gone = merge_element(bench, None, Node(55, 47.1, 9.5, 3, {"amenity": "bench", "x": "y"}))
    results = [merge_element(base, mine, theirs), gone]
    dialog = ConflictDialog(results)
    qtbot.addWidget(dialog)
    table = dialog.table
    rows = [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]
    assert rows == [
        ["node 101 (Café Central)", "tag cuisine", "coffee", "coffee_shop", "cake"],
        ["node 101 (Café Central)", "position", "47.1400000, 9.5200000",
         "47.1401000, 9.5200000", "47.1402000, 9.5200000"],
        ["node 55", "deleted or changed", "changed", "(deleted)", "changed"],
    ]  # fmt: skip
    assert dialog.choices()[("node", 101)] == {
        (TAG, "cuisine"): KEEP_MINE,
        (POSITION, ""): KEEP_MINE,
    }
    qtbot.mouseClick(getattr(dialog, button), Qt.LeftButton)
    expected = KEEP_MINE if button == "allMineButton" else TAKE_THEIRS
    assert {side for parts in dialog.choices().values() for side in parts.values()} == {expected}
    dialog.set_choice(("node", 101), TAG, "cuisine", TAKE_THEIRS)
    assert dialog.choices()[("node", 101)][(TAG, "cuisine")] == TAKE_THEIRS
    dialog.resize(900, 360)
    shot(dialog, "conflict_dialog")


def test_review_dialog_names_the_downloads_server_not_the_settings_one(qgis_iface, qtbot):
    from osm_roundtrip.ui.review_dock import ReviewDock

    base, changes = sample()
    dialog = ReviewDock(
        qgis_iface,
        changes,
        "",
        base=base,
        server="http://127.0.0.1:8111/api/0.6",
        logged_in=True,
        settings_server="https://api.openstreetmap.org/api/0.6",
    )
    qtbot.addWidget(dialog)
    text = dialog.serverLabel.text()
    assert text.startswith("Upload to <b>http://127.0.0.1:8111/api/0.6</b> (logged in)")
    assert "server of the settings (https://api.openstreetmap.org/api/0.6) is not used" in text
    dialog.set_server("http://127.0.0.1:8111/api/0.6", False)
    assert "(not logged in)" in dialog.serverLabel.text()
    assert "is not used" in dialog.serverLabel.text()
    dialog.resize(900, 680)
    shot(dialog, "review_dialog_other_server")
    same = ReviewDock(
        qgis_iface, changes, "", server="http://127.0.0.1:8111/api/0.6", logged_in=True,
        settings_server="http://127.0.0.1:8111",
    )  # fmt: skip
    qtbot.addWidget(same)
    assert "<br>" not in same.serverLabel.text()
    unbound = ReviewDock(
        qgis_iface, changes, "", server="http://127.0.0.1:8111/api/0.6", logged_in=True,
        settings_server="http://127.0.0.1:8111/api/0.6", recorded=False,
    )  # fmt: skip
    qtbot.addWidget(unbound)
    assert "does not record the server it came from" in unbound.serverLabel.text()


@pytest.mark.parametrize("import_checked", [False, True])
def test_the_review_fits_a_narrow_dock_without_scrolling_sideways(
    qgis_iface, qtbot, import_checked
):
    """Tabified beside the search and tags docks the review is about 340 px wide: nothing of it
    may stick out to the right (a horizontal scroll bar, a cut "Log in…" or comment field)."""
    from qgis.PyQt.QtWidgets import QMainWindow, QWidget

    dock = sample_review(qgis_iface, "http://127.0.0.1:42325/api/0.6", logged_in=True)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QWidget())
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.importCheck.setChecked(import_checked)
    window.resize(1000, 900)
    window.show()
    qtbot.waitExposed(window)
    window.resizeDocks([dock], [340], Qt.Orientation.Horizontal)
    qtbot.wait(100)
    viewport = dock.scrollArea.viewport()
    assert not dock.scrollArea.horizontalScrollBar().isVisible()
    outside = [
        widget.objectName() or type(widget).__name__
        for widget in dock.scrollContents.findChildren(QWidget)
        if widget.isVisible()
        and widget.mapTo(viewport, widget.rect().bottomRight()).x() >= viewport.width()
    ]
    assert outside == []
    assert dock.scrollContents.width() <= viewport.width()
