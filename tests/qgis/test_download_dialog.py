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
    assert dialog.gpkg_path() == ""  # no project folder, no download folder: the user chooses
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


BOX = (9.51, 47.13, 9.53, 47.15)  # centre 47.14 N, 9.52 E


def test_without_a_folder_the_file_field_starts_empty_and_download_asks_for_a_file(dialog):
    assert dialog.gpkg_path() == ""
    assert dialog.output.lineEdit().styleSheet()  # marked
    assert dialog.output.lineEdit().placeholderText()
    dialog.buttonBox.button(QDialogButtonBox.Ok).click()
    assert dialog.task is None
    texts = [item.text() for item in dialog.bar.items()]
    assert len(texts) == 1 and "Choose the GeoPackage" in texts[0]
    dialog.output.setFilePath("/tmp/x.gpkg")
    assert dialog.output.lineEdit().styleSheet() == ""


def test_the_file_goes_to_the_saved_project_folder_named_after_the_centre(
    project, qgis_iface, qtbot, tmp_path
):
    from osm_roundtrip.ui.download_dialog import DownloadDialog

    assert project.write(str(tmp_path / "work.qgz"))
    dialog = DownloadDialog(qgis_iface)
    qtbot.addWidget(dialog)
    dialog.set_bbox(BOX)
    assert dialog.gpkg_path() == str(tmp_path / "osm_47.140N_9.520E.gpkg")
    assert dialog.group_name(dialog.gpkg_path()) is None  # the group takes the file's name
    dialog.set_bbox((-71.0, -33.5, -70.0, -33.0))  # the name follows the area...
    assert dialog.gpkg_path() == str(tmp_path / "osm_33.250S_70.500W.gpkg")
    dialog.output.setFilePath(str(tmp_path / "mine.gpkg"))
    dialog.set_bbox(BOX)  # ...until the user chose a file
    assert dialog.gpkg_path() == str(tmp_path / "mine.gpkg")


def test_without_a_project_the_file_goes_to_the_download_folder_of_the_settings(
    project, qgis_iface, qtbot, tmp_path
):
    from osm_roundtrip.ui.download_dialog import DownloadDialog

    QgsSettings().setValue("osm_roundtrip/download_folder", str(tmp_path))
    try:
        (tmp_path / "osm_47.140N_9.520E.gpkg").write_bytes(b"")
        dialog = DownloadDialog(qgis_iface)
        qtbot.addWidget(dialog)
        dialog.set_bbox(BOX)
        assert dialog.gpkg_path() == str(tmp_path / "osm_47.140N_9.520E_2.gpkg")
        assert dialog.output.lineEdit().styleSheet() == ""
    finally:
        QgsSettings().remove("osm_roundtrip/download_folder")


def test_a_searched_place_names_the_file_and_the_group(project, qgis_iface, qtbot, tmp_path):
    from osm_roundtrip.ui.download_dialog import DownloadDialog

    assert project.write(str(tmp_path / "work.qgz"))
    dialog = DownloadDialog(qgis_iface)
    qtbot.addWidget(dialog)
    dialog.set_bbox(BOX)
    dialog.set_place("St. Gallen / Ost")
    assert dialog.gpkg_path() == str(tmp_path / "St_Gallen_Ost.gpkg")
    assert dialog.group_name(dialog.gpkg_path()) == "St. Gallen / Ost"
    assert dialog.group_name(str(tmp_path / "St_Gallen_Ost_2.gpkg")) == "St. Gallen / Ost"
    assert dialog.group_name(str(tmp_path / "other.gpkg")) is None


def test_current_layer_extent_is_the_active_layer_and_stays_chosen(
    project, qgis_iface, qgis_canvas, qtbot
):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer
    from qgis.PyQt.QtWidgets import QPushButton

    from osm_roundtrip.ui.download_dialog import DownloadDialog

    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "far", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(9.40, 47.00, 9.45, 47.05)))
    layer.dataProvider().addFeatures([feature])
    layer.updateExtents()
    project.addMapLayer(layer)
    qgis_iface.setActiveLayer(layer)
    dialog = DownloadDialog(qgis_iface)
    qtbot.addWidget(dialog)
    layer_button = dialog.extentBox.findChild(QPushButton, "mOriginalExtentButton")
    assert not layer_button.isHidden()
    layer_button.click()
    expected = pytest.approx((9.40, 47.00, 9.45, 47.05), abs=1e-9)
    assert dialog.bbox() == expected
    qgis_canvas.setExtent(QgsRectangle(9.6, 47.2, 9.7, 47.3))  # the user moves the map
    dialog.show()
    QApplication.processEvents()
    assert dialog.bbox() == expected


def test_without_an_active_layer_there_is_no_current_layer_button(dialog):
    from qgis.PyQt.QtWidgets import QPushButton

    assert dialog.extentBox.findChild(QPushButton, "mOriginalExtentButton").isHidden()


def _translators(lang: str) -> list:
    """QGIS's own translation (the extent box's buttons) and the plugin's, as QGIS loads them."""
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from osm_roundtrip.plugin.adapters import i18n

    QgsSettings().setValue("osm_roundtrip/language", lang)
    installed = []
    if lang != "en":
        qgis = QTranslator()
        assert qgis.load(f"qgis_{lang}", QgsApplication.i18nPath()), f"qgis_{lang}.qm missing"
        QCoreApplication.installTranslator(qgis)
        installed.append(qgis)
    plugin = i18n.install_translator()
    if plugin is not None:
        installed.append(plugin)
    return installed


@pytest.mark.parametrize("lang", ["en", "de", "fr"])
@pytest.mark.parametrize("active_layer", [False, True], ids=["map", "layer"])
def test_every_button_label_fits_at_the_default_size(
    project, qgis_iface, qtbot, lang, active_layer
):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer
    from qgis.PyQt.QtCore import QCoreApplication, QPoint, QRect
    from qgis.PyQt.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

    from osm_roundtrip.ui.download_dialog import DownloadDialog

    if active_layer:  # "Current Layer Extent" shown too: the longest label in German
        layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "layer", "memory")
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(*VADUZ)))
        layer.dataProvider().addFeatures([feature])
        layer.updateExtents()
        project.addMapLayer(layer)
        qgis_iface.setActiveLayer(layer)
    installed = _translators(lang)
    try:
        dialog = DownloadDialog(qgis_iface)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        QApplication.processEvents()
        buttons = [
            b
            for b in dialog.findChildren(QPushButton)
            if b.isVisible() and b.text() and b.window() is dialog
        ]
        assert len(buttons) >= 5
        if lang == "de":
            assert any("Kartenansicht" in b.text() for b in buttons)
        cut = []
        for button in buttons:
            text = button.text().replace("&", "")
            needed = button.fontMetrics().horizontalAdvance(text)
            if not button.icon().isNull():
                needed += button.iconSize().width() + 4
            if needed + 8 > button.width():  # the frame and its padding: 4 px a side at least
                cut.append(f"{text!r}: {needed} px in {button.width()} px")
        assert cut == []
        extent_widgets = [  # the buttons, labels and fields of the extent box
            w
            for w in dialog.extentBox.findChildren(QWidget)
            if w.isVisible()
            and isinstance(w, (QPushButton, QLabel, QLineEdit))
            and w.objectName() != "collapseButton"
        ]

        def rect(widget):
            return QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())

        for i, first in enumerate(extent_widgets):
            for second in extent_widgets[i + 1 :]:
                if first.isAncestorOf(second) or second.isAncestorOf(first):
                    continue
                assert not rect(first).intersects(rect(second)), (
                    first.objectName(),
                    second.objectName(),
                )
        extent_buttons = [w for w in extent_widgets if isinstance(w, QPushButton)]
        for button in extent_buttons:  # inside the box, not cut at its right edge
            right = button.mapTo(dialog, button.rect().topRight()).x()
            assert right <= dialog.extentBox.mapTo(dialog, dialog.extentBox.rect().topRight()).x()
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)
        QgsSettings().remove("osm_roundtrip/language")


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
