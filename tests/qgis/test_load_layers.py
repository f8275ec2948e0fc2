"""The layers of a download in QGIS: grouped, styled, found again, editable, identity read-only."""

from __future__ import annotations

import shutil

import pytest
from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsGeometry,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.gui import QgsAttributeEditorContext, QgsAttributeForm, QgsEditorWidgetWrapper, QgsGui
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QWidget
from vaduz_data import VADUZ, write_vaduz_gpkg

ROLES = ("osm_points", "osm_lines", "osm_polygons", "osm_relations")


@pytest.fixture(scope="module")
def vaduz_gpkg(tmp_path_factory):
    """The Vaduz box of the bundled extract, written by the core as a download's GeoPackage."""
    return write_vaduz_gpkg(tmp_path_factory.mktemp("vaduz"))


@pytest.fixture
def download(vaduz_gpkg, tmp_path, qgis_new_project):
    """A fresh copy of the Vaduz GeoPackage, opened in an empty project."""
    from osm_roundtrip.plugin.adapters import osm_layers

    source, summary = vaduz_gpkg
    path = tmp_path / "vaduz.gpkg"
    shutil.copy(source, path)
    layers = osm_layers.open_download(path, "Vaduz")
    yield path, layers, summary
    for layer in QgsProject.instance().mapLayers().values():
        if layer.isEditable():
            layer.rollBack()
    QgsProject.instance().removeAllMapLayers()
    QgsProject.instance().layerTreeRoot().removeAllChildren()


def test_open_download_groups_the_four_layers(download):
    _, layers, summary = download
    root = QgsProject.instance().layerTreeRoot()
    group = root.children()[0]
    assert group.name() == "Vaduz"
    assert [node.layer().name() for node in group.findLayers()] == list(ROLES)
    for role, layer in layers.items():
        assert layer.isValid(), role
        assert layer.featureCount() == summary.counts[role], role
    assert layers["osm_polygons"].crs().authid() == "EPSG:4326"
    assert layers["osm_relations"].isSpatial() is False


def test_layers_are_found_by_path_and_role(download):
    from osm_roundtrip.plugin.adapters import osm_layers

    path, layers, _ = download
    found = osm_layers.find_osm_layers()
    assert list(found) == [osm_layers.normalized_path(path)]
    assert found[osm_layers.normalized_path(path)] == layers
    assert osm_layers.download_layers(path) == layers
    for role, layer in layers.items():
        assert osm_layers.layer_gpkg(layer) == osm_layers.normalized_path(path)
        assert osm_layers.layer_role(layer) == role


def test_a_layer_opened_by_hand_is_recognised(download):
    from osm_roundtrip.plugin.adapters import osm_layers

    path, _, _ = download
    by_hand = QgsVectorLayer(f"{path}|layername=osm_lines", "streets", "ogr")
    other = QgsVectorLayer("Point?crs=EPSG:4326&field=osm_id:integer", "scratch", "memory")
    assert osm_layers.layer_gpkg(by_hand) == osm_layers.normalized_path(path)
    assert osm_layers.layer_role(by_hand) == "osm_lines"
    assert osm_layers.layer_gpkg(other) is None
    assert osm_layers.layer_role(other) is None


def test_the_project_remembers_the_download(download, tmp_path):
    from osm_roundtrip.plugin.adapters import osm_layers

    path, _, _ = download
    project_file = tmp_path / "vaduz.qgz"
    assert QgsProject.instance().write(str(project_file))
    QgsProject.instance().clear()
    assert osm_layers.find_osm_layers() == {}
    assert QgsProject.instance().read(str(project_file))
    found = osm_layers.download_layers(path)
    assert sorted(found) == sorted(ROLES)
    assert (
        found["osm_points"]
        .editFormConfig()
        .readOnly(found["osm_points"].fields().indexOf("osm_id"))
    )


def test_remove_download_removes_layers_and_group(download):
    from osm_roundtrip.plugin.adapters import osm_layers

    path, _, _ = download
    osm_layers.remove_download(path)
    assert osm_layers.find_osm_layers() == {}
    assert QgsProject.instance().layerTreeRoot().children() == []


def _form_editors(layer: QgsVectorLayer, feature) -> dict:
    QgsGui.editorWidgetRegistry().initEditors()
    form = QgsAttributeForm(layer, feature, QgsAttributeEditorContext())
    editors = {}
    for widget in form.findChildren(QWidget):
        wrapper = QgsEditorWidgetWrapper.fromWidget(widget)
        if wrapper is not None:
            editors[wrapper.field().name()] = widget
    return form, editors


@pytest.mark.parametrize("role", ["osm_points", "osm_lines", "osm_polygons", "osm_relations"])
def test_identity_fields_are_read_only_in_the_form(download, role):
    _, layers, _ = download
    layer = layers[role]
    feature = next(layer.getFeatures(QgsFeatureRequest().setLimit(1)))
    assert layer.startEditing()
    form, editors = _form_editors(layer, feature)
    for name in ("fid", "osm_type", "osm_id", "osm_version"):
        assert editors[name].isReadOnly(), name
    tags = [name for name in editors if not name.startswith("osm_") and name != "fid"]
    assert tags, "the layer has tag columns"
    assert all(not editors[name].isReadOnly() for name in tags if name != "other_tags")
    form.deleteLater()


def test_edit_a_tag_and_move_a_vertex_then_commit(download):
    """Ordinary QGIS editing writes into the GeoPackage; the base snapshot stays as it was."""
    from osm_roundtrip.plugin.core import gpkg

    path, layers, _ = download
    lines = layers["osm_lines"]
    request = QgsFeatureRequest().setFilterExpression("\"highway\" = 'residential'")
    feature = next(lines.getFeatures(request))
    way_id = feature["osm_id"]
    first = feature.geometry().vertexAt(0)
    assert lines.startEditing()
    name_index = lines.fields().indexOf("name")
    assert lines.changeAttributeValue(feature.id(), name_index, "Neue Gasse")
    assert lines.moveVertex(first.x() + 0.0001, first.y() + 0.0001, feature.id(), 0)
    assert lines.commitChanges(), lines.commitErrors()

    points = layers["osm_points"]
    point = next(points.getFeatures("\"amenity\" = 'restaurant'"))
    assert points.startEditing()
    assert points.changeAttributeValue(point.id(), points.fields().indexOf("cuisine"), "pizza")
    assert points.changeGeometry(point.id(), QgsGeometry.fromPointXY(QgsPointXY(9.5249, 47.1399)))
    assert points.commitChanges(), points.commitErrors()

    edited = {(f.osm_type, f.osm_id): f for f in gpkg.read_features(path)["osm_lines"]}
    way = edited[("way", way_id)]
    assert way.tags["name"] == "Neue Gasse"
    assert way.geometry[0] == pytest.approx((first.x() + 0.0001, first.y() + 0.0001))
    nodes = {(f.osm_type, f.osm_id): f for f in gpkg.read_features(path)["osm_points"]}
    assert nodes[("node", point["osm_id"])].tags["cuisine"] == "pizza"
    assert nodes[("node", point["osm_id"])].geometry == pytest.approx((9.5249, 47.1399))
    base = gpkg.read_base(path)
    assert base.ways[way_id].tags.get("name") != "Neue Gasse"


def test_editing_starts_once_the_map_has_drawn_the_download(download, qgis_iface):
    """Editing a layer while the map canvas draws the download lost the first reads after the
    start now and then (QGIS reopens the file for writing then): the plugin's start waits for
    the drawing in progress, and the layer reads its features at once."""
    import time

    from qgis.core import QgsCoordinateReferenceSystem
    from qgis.PyQt.QtCore import QCoreApplication

    from osm_roundtrip.plugin.adapters import osm_layers

    _, layers, _ = download
    points = layers["osm_points"]
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(*VADUZ))
    canvas.refresh()
    deadline = time.monotonic() + 10
    while not canvas.isDrawing():
        assert time.monotonic() < deadline, "the map did not start drawing"
        QCoreApplication.processEvents()
    drawing_at_start = []
    points.beforeEditingStarted.connect(lambda: drawing_at_start.append(canvas.isDrawing()))
    assert osm_layers.start_editing(points, canvas)
    assert drawing_at_start == [False]
    assert next(points.getFeatures(), None) is not None
    points.rollBack()
    lines = layers["osm_lines"]
    assert osm_layers.start_editing(lines)  # without a map: at once
    assert lines.isEditable()
    lines.rollBack()


def test_styles_classify_the_vaduz_features(download):
    _, layers, _ = download
    polygons = layers["osm_polygons"]
    renderer = polygons.renderer()
    labels = [category.value() for category in renderer.categories()]
    assert {"Buildings", "Forest", "other"} <= set(labels)
    classify = QgsExpression(renderer.classAttribute())
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(polygons))
    cases = {
        "Buildings": "\"building\" = 'yes'",
        "Forest": '"landuse" = \'forest\' AND "building" IS NULL',
        "Parks": '"leisure" = \'park\' AND "building" IS NULL',
    }
    for label, expression in cases.items():
        context.setFeature(next(polygons.getFeatures(expression)))
        assert classify.evaluate(context) == label
    building = renderer.categories()[renderer.categoryIndexForValue("Buildings")]
    assert building.symbol().color().name() == "#d9d0c9"
    lines = layers["osm_lines"].renderer()
    assert lines.usingSymbolLevels()
    assert "Local streets" in [category.value() for category in lines.categories()]


def test_multipolygons_cut_by_the_box_are_drawn_flagged_and_styled_apart(download):
    """The Vaduz box cuts forests and the Rhine: their complete rings are drawn, flagged
    ``osm_incomplete`` and classed apart; the whole relation stays in the base snapshot."""
    from osm_roundtrip.plugin.adapters.osm_layers import INCOMPLETE_CLASS
    from osm_roundtrip.plugin.core import gpkg

    path, layers, _ = download
    polygons = layers["osm_polygons"]
    cut = list(polygons.getFeatures('"osm_incomplete" = 1'))
    assert cut, "the Vaduz box cuts multipolygons: some must be drawn"
    base = gpkg.read_base(path)
    for feature in cut:
        assert feature["osm_type"] == "relation"
        assert feature.hasGeometry() and not feature.geometry().isEmpty()
        relation = base.relations[feature["osm_id"]]
        missing = [m for m in relation.members if m.type == "way" and m.ref not in base.ways]
        assert missing, relation.id  # flagged because members lie outside
    complete = next(polygons.getFeatures('"osm_incomplete" = 0'))
    renderer = polygons.renderer()
    classify = QgsExpression(renderer.classAttribute())
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(polygons))
    context.setFeature(cut[0])
    assert classify.evaluate(context) == INCOMPLETE_CLASS
    context.setFeature(complete)
    assert classify.evaluate(context) != INCOMPLETE_CLASS
    assert INCOMPLETE_CLASS in [c.value() for c in renderer.categories()]


def test_the_styled_layers_render(download, tmp_path):
    """Rendered like the user sees them: building fill and street casing colours on the map."""
    _, layers, _ = download
    settings = QgsMapSettings()
    settings.setLayers([layers[role] for role in ("osm_points", "osm_lines", "osm_polygons")])
    settings.setDestinationCrs(layers["osm_polygons"].crs())
    settings.setExtent(QgsRectangle(*VADUZ))
    settings.setOutputSize(QSize(600, 400))
    settings.setBackgroundColor(QColor("#f2efe9"))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    image.save(str(tmp_path / "vaduz.png"))
    colours = {image.pixelColor(x, y).name() for x in range(0, 600, 3) for y in range(0, 400, 3)}
    assert "#d9d0c9" in colours  # buildings
    assert "#add19e" in colours  # forest
    assert "#ffffff" in colours  # street fill


def test_legends_start_collapsed_and_details_appear_when_zoomed_in(download, tmp_path):
    """About 40 legend rows are folded away; points (but places) and minor ways are drawn
    from 1:25,000 in, so a town seen from afar is not a blob of dots."""
    from qgis.core import QgsLayerTreeLayer, QgsProject

    _, layers, _ = download
    nodes = [
        QgsProject.instance().layerTreeRoot().findLayer(layer.id()) for layer in layers.values()
    ]
    assert nodes and all(isinstance(n, QgsLayerTreeLayer) and not n.isExpanded() for n in nodes)

    points = layers["osm_points"]

    def drawn_pixels(extent_width_degrees: float):
        settings = QgsMapSettings()
        settings.setLayers([points])
        settings.setDestinationCrs(points.crs())
        centre = QgsPointXY(9.525, 47.14)
        half = extent_width_degrees / 2
        settings.setExtent(
            QgsRectangle(centre.x() - half, centre.y() - half, centre.x() + half, centre.y() + half)
        )
        settings.setOutputSize(QSize(400, 400))
        settings.setBackgroundColor(QColor("#ffffff"))
        context = QgsExpressionContext()  # what the map canvas and print layouts give
        context.appendScope(QgsExpressionContextUtils.mapSettingsScope(settings))
        settings.setExpressionContext(context)
        job = QgsMapRendererSequentialJob(settings)
        job.start()
        job.waitForFinished()
        image = job.renderedImage()
        assert settings.scale() > 0
        return sum(
            1
            for x in range(0, 400, 2)
            for y in range(0, 400, 2)
            if image.pixelColor(x, y).name() != "#ffffff"
        ), settings.scale()

    near, near_scale = drawn_pixels(0.004)
    far, far_scale = drawn_pixels(0.06)
    assert near_scale < 25000 < far_scale
    assert near > 0
    assert far < near / 4, (far, near)
