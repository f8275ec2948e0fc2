"""The "Download OSM data…" dialog and the "Open .osm file…" action, driven like a user would."""

from __future__ import annotations

import pytest
from qgis.core import Qgis, QgsCoordinateReferenceSystem, QgsProject, QgsRectangle, QgsSettings
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

VADUZ = (9.515, 47.135, 9.535, 47.145)
SMALL_OSM = """<?xml version='1.0' encoding='UTF-8'?>
<osm version="0.6" generator="test">
  <bounds minlat="47.13" minlon="9.51" maxlat="47.14" maxlon="9.52"/>
  <node id="1" version="3" lat="47.1350000" lon="9.5150000">
    <tag k="amenity" v="cafe"/><tag k="name" v="Café Test"/>
  </node>
  <node id="2" version="1" lat="47.1360000" lon="9.5160000"/>
  <node id="3" version="1" lat="47.1370000" lon="9.5150000"/>
  <node id="4" version="1" lat="47.1360000" lon="9.5140000"/>
  <way id="10" version="2">
    <nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="2"/><tag k="building" v="yes"/>
  </way>
  <way id="11" version="1">
    <nd ref="1"/><nd ref="2"/><tag k="highway" v="footway"/>
  </way>
</osm>
"""


@pytest.fixture
def project(qgis_new_project, qgis_iface, qgis_canvas):
    qgis_iface.messageBar().clear_messages()
    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    qgis_canvas.setExtent(QgsRectangle(*VADUZ))
    settings = QgsSettings()
    settings.setValue("osm_roundtrip/osm_server", "sandbox")
    yield QgsProject.instance()
    settings.remove("osm_roundtrip/osm_server")
    settings.remove("osm_roundtrip/sandbox_url")
    QgsProject.instance().removeAllMapLayers()
    QgsProject.instance().layerTreeRoot().removeAllChildren()


@pytest.fixture
def dialog(project, qgis_iface, qtbot):
    from osm_roundtrip.ui.download_dialog import DownloadDialog

    widget = DownloadDialog(qgis_iface)
    qtbot.addWidget(widget)
    return widget


def test_dialog_defaults_to_the_map_view_and_the_server_of_the_settings(dialog, tmp_path):
    dialog.show()
    bbox = dialog.bbox()
    assert bbox[0] <= VADUZ[0] and bbox[2] >= VADUZ[2]
    assert bbox[1] <= VADUZ[1] and bbox[3] >= VADUZ[3]
    assert dialog.server.currentData() == "sandbox"
    assert dialog.api_url() == "http://127.0.0.1:8111/api/0.6"
    assert dialog.apiUrl.isReadOnly()
    assert dialog.gpkg_path().endswith(".gpkg")
    assert "km²" in dialog.areaLabel.text()
    dialog.grab().save(str(tmp_path / "dialog.png"))


def test_custom_server_makes_the_url_editable(dialog):
    dialog.server.setCurrentIndex(dialog.server.findData("custom"))
    assert not dialog.apiUrl.isReadOnly()
    dialog.server.setCurrentIndex(dialog.server.findData("production"))
    assert dialog.api_url() == "https://api.openstreetmap.org/api/0.6"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.output.setFilePath(""), "Choose the GeoPackage"),
        (lambda d: d.output.setFilePath("/nonexistent/folder/x.gpkg"), "does not exist"),
        (
            lambda d: (
                d.server.setCurrentIndex(d.server.findData("custom")),
                d.apiUrl.setText(""),
            ),
            "Enter the URL",
        ),
    ],
    ids=["no-output", "missing-folder", "no-url"],
)
def test_invalid_input_is_shown_in_the_dialog(dialog, change, message):
    change(dialog)
    dialog.buttonBox.button(QDialogButtonBox.Ok).click()
    assert dialog.task is None
    texts = [item.text() for item in dialog.bar.items()]
    assert len(texts) == 1 and message in texts[0]


def answer_next_message_box(button) -> list:
    """Click ``button`` in the next modal message box; returns the texts it showed."""
    seen = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, click)
    return seen


def test_a_large_area_asks_first_and_no_means_no_download(dialog, tmp_path):
    dialog.set_bbox((9.47, 47.05, 9.64, 47.27))
    assert "large area" in dialog.areaLabel.text()
    dialog.output.setFilePath(str(tmp_path / "big.gpkg"))
    seen = answer_next_message_box(QMessageBox.No)
    dialog.buttonBox.button(QDialogButtonBox.Ok).click()
    assert seen and "km²" in seen[0]
    assert dialog.task is None
    assert dialog.result() != dialog.Accepted


def test_download_from_the_dialog_loads_the_layers(
    project, osm_sandbox, qgis_iface, qtbot, tmp_path
):
    from osm_roundtrip.plugin.adapters import osm_layers
    from osm_roundtrip.ui.download_dialog import DownloadDialog

    QgsSettings().setValue("osm_roundtrip/sandbox_url", osm_sandbox.url)
    dialog = DownloadDialog(qgis_iface)
    qtbot.addWidget(dialog)
    assert dialog.api_url() == osm_sandbox.api
    dialog.set_bbox(VADUZ)
    dialog.output.setFilePath(str(tmp_path / "vaduz"))
    dialog.show()
    dialog.buttonBox.button(QDialogButtonBox.Ok).click()
    assert dialog.task is not None
    assert dialog.result() == dialog.Accepted
    bar = qgis_iface.messageBar()
    qtbot.waitUntil(
        lambda: bool(bar.get_messages(Qgis.Success) or bar.get_messages(Qgis.Critical)),
        timeout=60_000,
    )
    assert bar.get_messages(Qgis.Critical) == []
    assert sorted(osm_layers.download_layers(tmp_path / "vaduz.gpkg")) == [
        "osm_lines",
        "osm_points",
        "osm_polygons",
        "osm_relations",
    ]
    assert QgsProject.instance().layerTreeRoot().children()[0].name() == "vaduz"


def test_open_osm_file_gives_the_same_layers(project, qgis_iface, qtbot, tmp_path):
    from osm_roundtrip.plugin.adapters import osm_layers
    from osm_roundtrip.ui.download_dialog import open_osm_file

    source = tmp_path / "small.osm"
    source.write_text(SMALL_OSM, encoding="utf-8")
    task = open_osm_file(qgis_iface, str(source))
    assert task is not None
    path = tmp_path / "small.gpkg"
    qtbot.waitUntil(lambda: bool(osm_layers.download_layers(path)), timeout=30_000)
    layers = osm_layers.download_layers(path)
    cafe = next(layers["osm_points"].getFeatures())
    assert (cafe["osm_type"], cafe["osm_id"], cafe["osm_version"]) == ("node", 1, 3)
    assert cafe["name"] == "Café Test"
    assert layers["osm_polygons"].featureCount() == 1
    assert layers["osm_lines"].featureCount() == 1


def test_open_a_broken_osm_file_says_where_it_is_broken(project, qgis_iface, qtbot, tmp_path):
    from osm_roundtrip.ui.download_dialog import open_osm_file

    source = tmp_path / "broken.osm"
    source.write_text(SMALL_OSM[:400], encoding="utf-8")
    open_osm_file(qgis_iface, str(source))
    qtbot.waitUntil(
        lambda: bool(qgis_iface.messageBar().get_messages(Qgis.Critical)), timeout=30_000
    )
    message = qgis_iface.messageBar().get_messages(Qgis.Critical)[0]
    assert "broken.osm" in message and "line" in message
    assert QgsProject.instance().mapLayers() == {}
    assert not (tmp_path / "broken.gpkg").exists()


def click_in_next_message_box(text: str) -> list:
    """Click the button labelled ``text`` in the next modal message box; returns its texts."""
    seen = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == text).click()

    QTimer.singleShot(0, click)
    return seen


def test_opening_over_saved_edits_asks_and_writes_a_new_file_or_replaces(
    project, qgis_iface, qtbot, tmp_path
):
    from osm_roundtrip.plugin.adapters import osm_layers
    from osm_roundtrip.plugin.core.osm.upload import changes_of_geopackage
    from osm_roundtrip.ui.download_dialog import open_osm_file

    source = tmp_path / "small.osm"
    source.write_text(SMALL_OSM, encoding="utf-8")
    path = tmp_path / "small.gpkg"
    open_osm_file(qgis_iface, str(source))
    qtbot.waitUntil(lambda: bool(osm_layers.download_layers(path)), timeout=30_000)
    points = osm_layers.download_layers(path)["osm_points"]
    assert points.startEditing()
    cafe = next(points.getFeatures())
    assert points.changeAttributeValue(cafe.id(), points.fields().indexOf("name"), "Café Neu")
    assert points.commitChanges()

    seen = click_in_next_message_box("Write a new file")
    open_osm_file(qgis_iface, str(source))
    second = tmp_path / "small_2.gpkg"
    qtbot.waitUntil(lambda: bool(osm_layers.download_layers(second)), timeout=30_000)
    assert seen and "edits not uploaded yet (1)" in seen[0]
    assert len(changes_of_geopackage(path)) == 1
    assert bool(osm_layers.download_layers(path))  # the edited file is back on the map

    seen = click_in_next_message_box("Replace")
    open_osm_file(qgis_iface, str(source))
    qtbot.waitUntil(lambda: bool(seen) and not changes_of_geopackage(path), timeout=30_000)
    qtbot.waitUntil(lambda: bool(osm_layers.download_layers(path)), timeout=30_000)
    cafe = next(osm_layers.download_layers(path)["osm_points"].getFeatures())
    assert cafe["name"] == "Café Test"
    assert not qgis_iface.messageBar().get_messages(Qgis.Critical)
