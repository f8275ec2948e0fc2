"""The search dock against the real local Nominatim: search, paging, filters, layers, reverse."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsSettings,
    QgsWkbTypes,
)
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt, QVariant
from qgis.PyQt.QtWidgets import QApplication

SHOTS = Path("/tmp") / "osm_roundtrip_search_shots"
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
MERCATOR = QgsCoordinateReferenceSystem("EPSG:3857")
VADUZ = QgsPointXY(9.5228, 47.1392)


def _set(values: dict):
    store = QgsSettings()
    old = {key: store.value(key) for key in values}
    for key, value in values.items():
        store.setValue(key, value)
    return old


def _restore(old: dict) -> None:
    store = QgsSettings()
    for key, value in old.items():
        if value is None:
            store.remove(key)
        else:
            store.setValue(key, value)


@pytest.fixture
def server_settings(nominatim_server):
    old = _set(
        {
            "osm_roundtrip/nominatim_url": nominatim_server.url,
            "osm_roundtrip/nominatim_interval": 0.0,
            "osm_roundtrip/nominatim_params": "",
            "osm_roundtrip/timeout": 5.0,
        }
    )
    yield nominatim_server
    _restore(old)


@pytest.fixture
def dock(qgis_iface, qgis_new_project, server_settings, qtbot):
    from osm_roundtrip.ui.search_dock import SearchDock

    canvas = qgis_iface.mapCanvas()
    canvas.resize(600, 400)
    canvas.setDestinationCrs(MERCATOR)
    widget = SearchDock(qgis_iface)
    widget.resize(380, 720)
    widget.show()
    yield widget
    widget.shutdown()
    widget.deleteLater()


def run(qtbot, dock, start, timeout=15000):
    """Start a request with ``start()`` and wait until the dock has shown its outcome."""
    with qtbot.waitSignal(dock.searchFinished, timeout=timeout):
        task = start()
        assert task is not None, dock.panel.statusLabel.text()
    return dock.places


def shot(widget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()  # let the layout follow the latest texts
    path = SHOTS / f"{name}.png"
    widget.grab().save(str(path))
    return path


def to_canvas(point: QgsPointXY) -> QgsPointXY:
    return QgsCoordinateTransform(WGS84, MERCATOR, QgsProject.instance()).transform(point)


def rows(dock) -> list:
    tree = dock.panel.resultsTree
    return [
        [tree.topLevelItem(i).text(c) for c in range(3)] for i in range(tree.topLevelItemCount())
    ]


def test_free_form_search_shows_results_and_adds_outline_layers(dock, qtbot):
    places = run(qtbot, dock, lambda: dock.search_text("Vaduz", outlines=True))

    assert dock.last_error is None
    assert places[0].osm_type == "relation" and places[0].name == "Vaduz"
    assert rows(dock)[0][:2] == ["Vaduz", "Town"]
    assert "Liechtenstein" in rows(dock)[0][2]
    assert dock.panel.attributionLabel.isVisible()
    assert "OpenStreetMap" in dock.panel.attributionLabel.text()
    shot(dock, "vaduz")

    counts = dock.add_all_to_map()

    assert counts == {"points": 1, "polygons": 1, "lines": 0}
    layers = {layer.name(): layer for layer in QgsProject.instance().mapLayers().values()}
    points, outlines = layers["Nominatim points"], layers["Nominatim outlines"]
    assert points.crs().authid() == outlines.crs().authid() == "EPSG:4326"
    assert points.featureCount() == outlines.featureCount() == 1
    assert outlines.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry
    outline = next(outlines.getFeatures())
    assert outline.geometry().contains(VADUZ)
    feature = next(points.getFeatures())
    fields = points.fields()
    assert fields.field("osm_id").type() == QVariant.LongLong
    assert fields.field("importance").type() == QVariant.Double
    assert fields.field("place_rank").type() == QVariant.Int
    assert feature["osm_id"] == 1155956 and feature["osm_type"] == "relation"
    assert feature["addr_country_code"] == "li"
    assert feature["extra_capital"] == "yes"
    assert '"place_id":105863' in feature["raw_json"]
    assert "geojson" not in feature["raw_json"]  # the outline is the geometry, not an attribute


def test_structured_search_uses_the_address_fields(dock, qtbot):
    panel = dock.panel
    panel.modeTabs.setCurrentWidget(panel.structuredTab)
    panel.cityEdit.setText("Vaduz")
    panel.streetEdit.setText("Städtle")

    places = run(qtbot, dock, dock.search)

    assert places and all(p.category == "highway" for p in places)
    assert all(p.address.get("town") == "Vaduz" for p in places)
    assert {row[0] for row in rows(dock)} == {"Städtle"}


def test_more_results_pages_without_repeating_places(dock, qtbot):
    dock.panel.limitSpin.setValue(3)
    first = list(run(qtbot, dock, lambda: dock.search_text("Restaurant")))
    assert len(first) == 3 and dock.panel.moreButton.isEnabled()

    everything = run(qtbot, dock, dock.more_results)

    ids = [p.place_id for p in everything]
    assert len(ids) == 6 and len(set(ids)) == 6
    assert ids[:3] == [p.place_id for p in first]
    assert len(rows(dock)) == 6
    assert dock.query.exclude_place_ids == tuple(ids[:3])


@pytest.mark.parametrize(
    ("text", "option", "value", "check"),
    [
        ("Vaduz", "countries", "ch", lambda places: places == []),
        ("Vaduz", "countries", "li", lambda places: places[0].name == "Vaduz"),
        ("Schaan", "feature_type", "country", lambda places: places == []),
        (
            "Liechtenstein",
            "feature_type",
            "country",
            lambda places: [p.place_rank for p in places] == [4],
        ),
        (
            "Schule",
            "layer",
            "poi",
            lambda places: (
                places and all(p.category != "highway" or p.place_rank == 30 for p in places)
            ),
        ),
    ],
    ids=[
        "country-excludes",
        "country-includes",
        "featuretype-excludes",
        "featuretype-country",
        "layer-poi",
    ],
)
def test_filters(dock, qtbot, text, option, value, check):
    panel = dock.panel
    if option == "countries":
        panel.countriesEdit.setText(value)
    elif option == "feature_type":
        panel.featureTypeCombo.setCurrentIndex(panel.featureTypeCombo.findData(value))
    else:
        panel.layersCombo.setCheckedItems(
            [panel.layersCombo.itemText(panel.layersCombo.findData(value))]
        )

    places = run(qtbot, dock, lambda: dock.search_text(text))

    assert dock.last_error is None
    assert check(places)
    if not places:
        assert "No results" in panel.statusLabel.text()


def test_bounded_to_the_map_extent(dock, qtbot, qgis_iface):
    box = QgsRectangle(9.50, 47.20, 9.55, 47.25)
    qgis_iface.mapCanvas().setExtent(
        QgsCoordinateTransform(WGS84, MERCATOR, QgsProject.instance()).transformBoundingBox(box)
    )
    panel = dock.panel
    panel.extentCombo.setCurrentIndex(panel.extentCombo.findData("bounded"))
    panel.limitSpin.setValue(40)
    visible = qgis_iface.mapCanvas().extent()

    places = run(qtbot, dock, lambda: dock.search_text("Restaurant"))

    assert places
    assert qgis_iface.mapCanvas().extent() == visible  # a search never moves the map
    for place in places:
        assert visible.contains(to_canvas(QgsPointXY(place.lon, place.lat))), place.display_name
    panel.extentCombo.setCurrentIndex(panel.extentCombo.findData(""))
    everywhere = run(qtbot, dock, lambda: dock.search_text("Restaurant"))
    assert len(everywhere) > len(places)


def test_typing_does_not_search_only_enter_does(dock, qtbot):
    qtbot.keyClicks(dock.panel.queryEdit, "Vaduz")
    qtbot.wait(50)
    assert dock.task is None and dock.places == []

    with qtbot.waitSignal(dock.searchFinished, timeout=15000):
        qtbot.keyClick(dock.panel.queryEdit, Qt.Key.Key_Return)

    assert dock.places[0].name == "Vaduz"


def test_adding_again_appends_to_the_same_layers_and_adds_columns(dock, qtbot):
    run(qtbot, dock, lambda: dock.search_text("Vaduz", outlines=True))
    dock.add_all_to_map()
    points = next(
        layer
        for layer in QgsProject.instance().mapLayers().values()
        if layer.name() == "Nominatim points"
    )
    columns_before = set(points.fields().names())

    run(qtbot, dock, lambda: dock.search_text("Restaurant Da Teresa"))
    dock.panel.resultsTree.topLevelItem(0).setSelected(True)
    counts = dock.add_selected_to_map()

    assert counts["points"] == 1
    assert len(QgsProject.instance().mapLayersByName("Nominatim points")) == 1
    assert points.featureCount() == 2
    new_columns = set(points.fields().names()) - columns_before
    assert "addr_house_number" in new_columns
    teresa = [f for f in points.getFeatures() if f["name"] == "Restaurant Da Teresa"]
    assert teresa and teresa[0]["addr_house_number"] == "73"


def test_selecting_a_result_highlights_and_zooms_to_it(dock, qtbot, qgis_iface):
    qgis_iface.mapCanvas().setExtent(QgsRectangle(0, 0, 1000, 1000))
    run(qtbot, dock, lambda: dock.search_text("Vaduz", outlines=True))

    dock.panel.resultsTree.setCurrentItem(dock.panel.resultsTree.topLevelItem(0))

    [geometry] = dock.highlight_geometries
    assert geometry.type() == QgsWkbTypes.GeometryType.PolygonGeometry
    assert geometry.contains(to_canvas(VADUZ))
    assert qgis_iface.mapCanvas().extent().contains(to_canvas(VADUZ))


def test_reverse_tool_click_shows_the_place_and_its_outline(dock, qtbot, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    centre = to_canvas(QgsPointXY(9.5199871, 47.1396562))  # a building in Vaduz
    canvas.setExtent(
        QgsRectangle(centre.x() - 15, centre.y() - 10, centre.x() + 15, centre.y() + 10)
    )
    canvas.refresh()
    dock.reverse_action.trigger()
    assert canvas.mapTool() is dock.reverse_tool
    pixel = canvas.getCoordinateTransform().transform(centre)
    event = QgsMapMouseEvent(
        canvas,
        QEvent.Type.MouseButtonPress,
        QPoint(round(pixel.x()), round(pixel.y())),
        Qt.MouseButton.LeftButton,
    )

    with qtbot.waitSignal(dock.searchFinished, timeout=15000):
        dock.reverse_tool.canvasPressEvent(event)

    assert dock.last_error is None
    assert len(dock.places) == 1
    place = dock.places[0]
    assert "Vaduz" in place.display_name
    assert place.category == "building"  # zoomed in this far, the tool asks for buildings
    assert place.outline is not None
    assert dock.panel.statusLabel.text() == place.display_name
    assert rows(dock)[0][:2] == ["Badwegli 5", "Building"]
    [geometry] = dock.highlight_geometries
    assert geometry.type() == QgsWkbTypes.GeometryType.PolygonGeometry
    shot(dock, "reverse")


def test_invalid_input_is_reported_before_sending(dock, qtbot):
    dock.panel.countriesEdit.setText("xyz")

    assert dock.search_text("Vaduz") is None

    assert dock.task is None
    assert "“xyz” is not a country code" in dock.panel.statusLabel.text()


def test_errors_appear_in_the_dock_and_the_message_bar(dock, qtbot, qgis_iface):
    """... and the results of the search before are cleared with their highlight: they would
    pass for the failed search's answer."""
    run(qtbot, dock, lambda: dock.search_text("Vaduz"))
    assert rows(dock) and dock.highlight_geometries  # the best match is shown at once
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    QgsSettings().setValue("osm_roundtrip/nominatim_url", f"http://127.0.0.1:{port}")

    run(qtbot, dock, lambda: dock.search_text("Vaduz"))

    message = f"Could not connect to 127.0.0.1:{port}"
    assert message in dock.panel.statusLabel.text()
    warnings = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert any(message in text for text in warnings)
    assert dock.panel.searchButton.isEnabled() and not dock.panel.cancelButton.isEnabled()
    assert rows(dock) == [] and dock.places == [] and dock.highlight_geometries == []
    assert not dock.panel.addAllButton.isEnabled()


def test_a_running_search_can_be_cancelled(dock, qtbot):
    with socket.socket() as listener:  # accepts connections but never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen(5)
        QgsSettings().setValue(
            "osm_roundtrip/nominatim_url", f"http://127.0.0.1:{listener.getsockname()[1]}"
        )
        task = dock.search_text("Vaduz")
        assert task is not None
        qtbot.wait(200)
        assert not dock.panel.searchButton.isEnabled() and dock.panel.cancelButton.isEnabled()

        qtbot.mouseClick(dock.panel.cancelButton, Qt.MouseButton.LeftButton)

        assert dock.task is None
        assert "cancelled" in dock.panel.statusLabel.text()
        assert dock.panel.searchButton.isEnabled() and not dock.panel.cancelButton.isEnabled()
        assert task.isCanceled()
    qtbot.waitUntil(lambda: QgsApplication.taskManager().countActiveTasks() == 0, timeout=10000)


def test_result_language_defaults_to_the_users(server_settings, qgis_iface):
    from osm_roundtrip.ui.search_dock import SearchDock

    old = _set({"osm_roundtrip/language": "fr"})
    try:
        widget = SearchDock(qgis_iface)
        assert widget.panel.languageEdit.text() == "fr"
        widget.panel.queryEdit.setText("Vaduz")
        assert widget.build_query().accept_language == "fr"
        widget.shutdown()
    finally:
        _restore(old)


def test_the_best_match_is_shown_at_once_and_the_map_moves_only_when_it_is_out_of_view(
    dock, qtbot, qgis_iface
):
    canvas = qgis_iface.mapCanvas()
    far = QgsRectangle(2.30, 48.80, 2.40, 48.90)  # Paris
    canvas.setExtent(
        QgsCoordinateTransform(WGS84, MERCATOR, QgsProject.instance()).transformBoundingBox(far)
    )
    places = run(qtbot, dock, lambda: dock.search_text("Vaduz"))
    assert dock.highlight_geometries and dock.selected_places() == places[:1]
    assert canvas.extent().contains(to_canvas(QgsPointXY(places[0].lon, places[0].lat)))
    shown = canvas.extent()
    run(qtbot, dock, lambda: dock.search_text("Vaduz"))
    assert canvas.extent() == shown  # already in view: the map stays


def test_a_result_hands_its_area_to_the_download(dock, qtbot, qgis_iface, monkeypatch, tmp_path):
    """ "Download area…" opens the download dialog on the place's box, the file named after it."""
    from osm_roundtrip.ui import download_dialog

    assert QgsProject.instance().write(str(tmp_path / "work.qgz"))  # the file goes beside it

    places = run(qtbot, dock, lambda: dock.search_text("Vaduz"))
    assert dock.panel.downloadButton.isEnabled()  # the best match is selected
    requested = []
    dock.downloadRequested.connect(lambda box, name: requested.append((box, name)))
    shown = []
    monkeypatch.setattr(download_dialog.DownloadDialog, "exec", lambda d: shown.append(d) or 0)
    dock.panel.downloadButton.click()
    ((box, name),) = requested
    assert name == "Vaduz" and box == tuple(places[0].boundingbox.xy)
    dialog = download_dialog.show_download_dialog(qgis_iface, box, name)
    assert shown == [dialog]
    chosen = dialog.bbox()
    assert all(abs(a - b) < 1e-6 for a, b in zip(chosen, box))
    assert dialog.gpkg_path() == str(tmp_path / "Vaduz.gpkg")
    assert dialog.group_name(dialog.gpkg_path()) == "Vaduz"
    assert download_dialog.file_stem("St. Gallen / Ost") == "St_Gallen_Ost"


def test_the_result_list_keeps_twelve_rows_with_structured_fields_and_options_open(
    qgis_iface, qgis_new_project, qtbot
):
    from qgis.PyQt.QtWidgets import QTreeWidgetItem

    from osm_roundtrip.ui.search_dock import SearchDock

    dock = SearchDock(qgis_iface)
    try:
        dock.resize(360, 640)  # the form's own size: a dock of default height
        dock.show()
        qtbot.waitExposed(dock)
        p = dock.panel
        p.modeTabs.setCurrentWidget(p.structuredTab)
        p.optionsGroup.setCollapsed(False)
        for number in range(30):
            p.resultsTree.addTopLevelItem(QTreeWidgetItem([f"Place {number}", "Town", "Here"]))
        QApplication.processEvents()
        tree, viewport = p.resultsTree, p.resultsTree.viewport().rect()
        visible = [
            i
            for i in range(tree.topLevelItemCount())
            if viewport.contains(tree.visualItemRect(tree.topLevelItem(i)))
        ]
        shot(dock, "structured-options-open")
        assert len(visible) >= 12, f"{len(visible)} rows visible"
        assert p.amenityEdit.isVisibleTo(dock) and p.limitSpin.isVisibleTo(dock)
        assert p.searchButton.isVisible() and p.addAllButton.isVisible()
        assert p.attributionLabel.isVisible()
        assert dock.panel.optionsGroup.saveCollapsedState()
    finally:
        dock.shutdown()
        dock.deleteLater()


def _band_count(qgis_iface) -> int:
    from qgis.gui import QgsRubberBand

    return sum(isinstance(i, QgsRubberBand) for i in qgis_iface.mapCanvas().scene().items())


def test_clear_esc_a_new_search_and_closing_take_the_highlights_off_the_map(
    dock, qtbot, qgis_iface
):
    from qgis.PyQt.QtTest import QTest

    bands = _band_count(qgis_iface)
    run(qtbot, dock, lambda: dock.search_text("Vaduz", outlines=True))
    tree = dock.panel.resultsTree
    assert dock.highlight_geometries and _band_count(qgis_iface) > bands

    dock.panel.clearButton.click()  # the button
    assert dock.highlight_geometries == [] and _band_count(qgis_iface) == bands
    assert tree.selectedItems() == [] and tree.topLevelItemCount() >= 1  # the list stays

    tree.topLevelItem(0).setSelected(True)
    assert dock.highlight_geometries
    QTest.keyClick(tree, Qt.Key.Key_Escape)  # Esc in the list
    assert dock.highlight_geometries == [] and _band_count(qgis_iface) == bands

    tree.topLevelItem(0).setSelected(True)
    assert dock.highlight_geometries
    with qtbot.waitSignal(dock.searchFinished, timeout=15000):
        assert dock.search_text("Schaan") is not None
        assert dock.highlight_geometries == []  # at once, not when the answer comes
    tree.topLevelItem(0).setSelected(True)
    assert dock.highlight_geometries
    dock.close()  # the dock closes
    assert dock.highlight_geometries == [] and _band_count(qgis_iface) == bands


def test_results_saved_to_a_geopackage_replace_the_temporary_layers(
    dock, qtbot, qgis_iface, tmp_path
):
    from osm_roundtrip.plugin.adapters import nominatim_layers

    project = QgsProject.instance()
    run(qtbot, dock, lambda: dock.search_text("Vaduz", outlines=True))
    dock.add_all_to_map()
    scratch = nominatim_layers.scratch_result_layers(project)
    assert sorted(scratch) == ["points", "polygons"]
    before = {
        role: (
            layer.name(),
            layer.featureCount(),
            layer.fields().names(),
            [f.attributes() for f in layer.getFeatures()],
            layer.renderer().symbol().color().name(),
        )
        for role, layer in scratch.items()
    }
    order = [node.name() for node in project.layerTreeRoot().children()]

    path = tmp_path / "results.gpkg"
    saved = dock.save_results(str(path))

    assert sorted(saved) == ["points", "polygons"] and path.exists()
    assert nominatim_layers.scratch_result_layers(project) == {}
    assert [node.name() for node in project.layerTreeRoot().children()] == order
    for role, layer in saved.items():
        name, count, names, rows_before, colour = before[role]
        assert layer.providerType() == "ogr" and layer.isValid()
        assert (layer.name(), layer.featureCount()) == (name, count)
        assert [n for n in layer.fields().names() if n != "fid"] == names
        fid = layer.fields().indexOf("fid")
        rows_after = [
            [v for i, v in enumerate(f.attributes()) if i != fid] for f in layer.getFeatures()
        ]
        assert rows_after == rows_before
        assert layer.renderer().symbol().color().name() == colour
        assert project.mapLayer(layer.id()) is layer
    assert "saved" in dock.panel.statusLabel.text()

    # the saved layers come back with the project, and later results are added to them
    assert project.write(str(tmp_path / "work.qgz"))
    assert project.read(str(tmp_path / "work.qgz"))
    points = nominatim_layers.ResultLayers(project).layer("points")
    assert points is not None and points.providerType() == "ogr" and points.featureCount() == 1
    run(qtbot, dock, lambda: dock.search_text("Vaduz", outlines=True))
    dock.add_all_to_map()
    assert nominatim_layers.ResultLayers(project).layer("points").featureCount() == 2
    assert nominatim_layers.scratch_result_layers(project) == {}


def test_saving_the_project_with_temporary_results_warns_once(dock, qtbot, qgis_iface, tmp_path):
    from qgis.PyQt.QtWidgets import QPushButton

    bar = qgis_iface.messageBar()
    bar.clearWidgets()
    project = QgsProject.instance()
    assert project.write(str(tmp_path / "empty.qgz"))
    assert bar.items() == []  # no results: nothing to say

    run(qtbot, dock, lambda: dock.search_text("Vaduz", outlines=True))
    dock.add_all_to_map()
    assert project.write(str(tmp_path / "work.qgz"))
    warnings = [item for item in bar.items() if "temporary" in item.text()]
    assert len(warnings) == 1
    assert warnings[0].findChild(QPushButton, "OsmRoundtripSaveResults") is not None
    assert project.write(str(tmp_path / "work.qgz"))
    assert len([item for item in bar.items() if "temporary" in item.text()]) == 1  # once
    bar.clearWidgets()


def test_the_form_gets_the_room_the_list_does_not_need(qgis_iface, qgis_new_project, qtbot):
    from osm_roundtrip.ui.search_dock import SearchDock

    dock = SearchDock(qgis_iface)
    try:
        dock.resize(360, 1100)
        dock.show()
        qtbot.waitExposed(dock)
        p = dock.panel
        p.optionsGroup.setCollapsed(False)
        qtbot.wait(50)
        QApplication.processEvents()
        shot(dock, "options-open-tall")
        # a tall dock: the whole form is in view, the query field and the last option too
        scroll = p.formScroll.verticalScrollBar()
        assert scroll.maximum() == 0, "the form scrolls though there is room"
        assert p.resultsTree.height() >= p.resultsTree.minimumHeight()
        assert p.formScroll.viewport().width() >= p.formWidget.minimumSizeHint().width()
        assert p.namedetailsCheck.visibleRegion().boundingRect().width() == (
            p.namedetailsCheck.width()
        )  # the last option is not cut at the right
    finally:
        dock.shutdown()
        dock.deleteLater()


def test_the_options_open_or_folded_as_the_user_left_them(qgis_iface, qgis_new_project, qtbot):
    from osm_roundtrip.ui.search_dock import SearchDock

    def shown_dock():
        dock = SearchDock(qgis_iface)
        dock.show()
        qtbot.waitExposed(dock)
        return dock

    docks = [shown_dock()]
    docks[0].panel.optionsGroup.setCollapsed(True)  # other tests leave them open
    docks[0].panel.optionsGroup.saveState()
    try:
        docks.append(shown_dock())
        assert docks[1].panel.optionsGroup.isCollapsed()
        docks[1].panel.optionsGroup.setCollapsed(False)
        docks[1].panel.optionsGroup.saveState()  # as when the dock is hidden
        docks.append(shown_dock())
        assert not docks[2].panel.optionsGroup.isCollapsed()
        assert docks[2].panel.optionsGroup.settingGroup() == "OsmRoundtripSearchDock"
    finally:
        docks[-1].panel.optionsGroup.setCollapsed(True)
        docks[-1].panel.optionsGroup.saveState()
        for dock in docks:
            dock.shutdown()
            dock.deleteLater()
