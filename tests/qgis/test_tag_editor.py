"""The tag editor on a real download of the bundled Liechtenstein data (Vaduz): tags read and
written through the edit buffer whatever their column, the "OSM tags" dock, the preset picker,
the attribute form of the OSM layers, German names, and the diff that follows."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
)
from qgis.gui import QgsAttributeEditorContext, QgsAttributeForm, QgsEditorWidgetWrapper, QgsGui
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QApplication, QComboBox, QWidget
from vaduz_data import write_vaduz_gpkg

from osm_roundtrip.plugin.adapters import osm_layers, tag_form, upload_service
from osm_roundtrip.plugin.core.osm.features import LINES, POINTS
from osm_roundtrip.ui.tag_editor import TagDock, TagEditor
from osm_roundtrip.ui.tag_editor_form import TagFormHook

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "build" / "screenshots"
RESTAURANT = "\"amenity\" = 'restaurant' AND \"name\" = 'Restaurant Engel'"


@pytest.fixture(scope="module")
def vaduz_gpkg(tmp_path_factory):
    return write_vaduz_gpkg(tmp_path_factory.mktemp("vaduz"))[0]


@pytest.fixture
def download(vaduz_gpkg, tmp_path, qgis_new_project):
    path = tmp_path / "vaduz.gpkg"
    shutil.copy(vaduz_gpkg, path)
    QgsGui.editorWidgetRegistry().initEditors()
    hook = TagFormHook(QgsProject.instance())
    hook.start()
    layers = osm_layers.open_download(path, "Vaduz")
    yield path, layers
    for layer in QgsProject.instance().mapLayers().values():
        if layer.isEditable():
            layer.rollBack()
    hook.stop()
    QgsProject.instance().removeAllMapLayers()
    QgsProject.instance().layerTreeRoot().removeAllChildren()


def restaurant(layer):
    return next(layer.getFeatures(RESTAURANT))


def shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(SHOTS / f"{name}.png"))


def changed_tags(path):
    """``{(type, id): (old tags, new tags)}`` of the saved edits, as the review computes them."""
    review = upload_service.review(path)
    out = {}
    for change in review.changes.modifies:
        element = change.element
        kind = type(element).__name__.lower()
        base = {"node": review.base.nodes, "way": review.base.ways}[kind][element.id]
        out[(kind, element.id)] = (dict(base.tags), dict(element.tags))
    return out, review.changes


def test_tags_are_read_and_written_through_the_edit_buffer(download):
    path, layers = download
    points = layers[POINTS]
    feature = restaurant(points)
    tags = tag_form.read_tags(feature)
    assert tags["amenity"] == "restaurant" and tags["addr:street"] == "Städtle"
    columns = set(points.fields().names())
    assert "cuisine" in columns and "Name" not in columns and "zzz:test" not in columns

    assert not tag_form.write_tags(points, feature.id(), {}, "x")  # not editable: refused
    assert points.startEditing()
    new = dict(tags, cuisine="pizza", **{"zzz:test": "1", "Name": "case"})
    del new["phone"]
    assert tag_form.write_tags(points, feature.id(), new, "Edit OSM tags")
    edited = points.getFeature(feature.id())
    assert tag_form.read_tags(edited) == new
    assert edited["cuisine"] == "pizza"  # its own column
    assert not edited["phone"]  # removed: NULL
    other = edited["other_tags"]
    assert '"zzz:test":"1"' in other and '"Name":"case"' in other  # no column, or only in case
    assert edited["name"] == "Restaurant Engel"
    # one undoable step, and nothing is in the file yet
    stack = points.undoStack()
    assert stack.text(stack.index() - 1) == "Edit OSM tags"
    stack.undo()
    assert tag_form.read_tags(points.getFeature(feature.id())) == tags
    stack.redo()
    assert points.commitChanges(), points.commitErrors()
    changes, _ = changed_tags(path)
    assert list(changes.values()) == [(tags, new)]


def test_the_dock_shows_the_selection_and_edits_a_combo_and_a_new_key(download, qgis_iface):
    path, layers = download
    points = layers[POINTS]
    feature = restaurant(points)
    before = tag_form.read_tags(feature)
    qgis_iface.setActiveLayer(points)
    dock = TagDock(qgis_iface)
    try:
        dock._layer_changed(points)  # pytest-qgis' interface emits no currentLayerChanged
        points.selectByIds([feature.id()])
        editor = dock.editor
        assert editor.isVisibleTo(dock) and editor.read_only
        assert dock.start_editing.isVisibleTo(dock)
        assert editor.identity.text().startswith(f"node {feature['osm_id']}, v")
        assert editor.preset_id == "amenity/restaurant"
        dock.start_editing.click()
        assert points.isEditable() and not editor.read_only
        shot(dock, "tag-dock")

        # the preset's combo box: choose "Italian" from the cuisines
        combo = editor.findChild(QComboBox, "field:cuisine")
        index = combo.findData("italian")
        assert index > 0 and combo.itemText(index) == "Italian"
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
        assert points.getFeature(feature.id())["cuisine"] == "italian"

        # a new key in the empty last row of the table, then its value
        table = editor.table
        last = table.rowCount() - 1
        table.item(last, 0).setText("outdoor_seating")
        table.item(last, 1).setText("yes")
        assert tag_form.read_tags(points.getFeature(feature.id())) == dict(
            before, cuisine="italian", outdoor_seating="yes"
        )
        assert editor.findChild(QWidget, "field:outdoor_seating").checkState() == (
            Qt.CheckState.Checked
        )
        # undo goes back step by step, and the dock follows
        points.undoStack().undo()
        assert "outdoor_seating" not in tag_form.read_tags(points.getFeature(feature.id()))
        assert "outdoor_seating" not in editor.tags()
        points.undoStack().redo()
        assert points.commitChanges(), points.commitErrors()
        changes, _ = changed_tags(path)
        assert list(changes.values()) == [
            (before, dict(before, cuisine="italian", outdoor_seating="yes"))
        ]
    finally:
        dock.shutdown()
        dock.deleteLater()


def test_a_long_value_has_a_tooltip_and_a_row_is_removed_by_its_button(download, qgis_iface):
    _, layers = download
    points = layers[POINTS]
    feature = restaurant(points)
    assert points.startEditing()
    editor = TagEditor(lang="en")
    long_text = "A long description of the restaurant that does not fit into its cell at all"
    editor.set_tags(dict(tag_form.read_tags(feature), description=long_text), "point")
    row = [editor.table.item(r, 0).text() for r in range(editor.table.rowCount())].index(
        "description"
    )
    assert editor.table.item(row, 1).toolTip() == long_text
    seen = []
    editor.tagsEdited.connect(seen.append)
    assert editor.table.item(row, 2).toolTip() == "Remove the tag description"
    editor.table.cellClicked.emit(row, 2)
    assert "description" not in seen[-1]


def test_the_preset_picker_applies_a_bench(download):
    _, _layers = download
    editor = TagEditor(lang="en")
    seen = []
    editor.tagsEdited.connect(seen.append)
    editor.set_tags({}, "point", "new")
    assert editor.picker.isVisibleTo(editor)  # a feature without tags starts with the picker
    editor.search.setText("bench")
    assert editor.results.item(0).text() == "Bench"
    editor.results.itemClicked.emit(editor.results.item(0))
    assert seen[-1] == {"amenity": "bench"}
    assert editor.preset_label.text() == "Bench"
    assert not editor.picker.isVisibleTo(editor)
    keys = [field.key for field, _ in editor._field_widgets]
    assert keys[:4] == ["backrest", "armrest", "material", "seats"]
    # changing the preset removes the old preset's tags
    editor.show_picker(True)
    editor.search.setText("restaurant")
    editor._choose_first()
    assert seen[-1] == {"amenity": "restaurant"}


def test_feature_labels_for_other_parts_of_the_plugin(download):
    _, layers = download
    feature = restaurant(layers[POINTS])
    tags = tag_form.read_tags(feature)
    assert tag_form.feature_label(tags, "point", "en") == "Restaurant Engel"
    assert tag_form.feature_label({"amenity": "bench"}, "point", "de") == "Sitzbank"
    assert tag_form.feature_label({"amenity": "bench"}, "point", "en") == "Bench"


def test_german_names_and_labels(download):
    editor = TagEditor(lang="de")
    editor.set_tags({"amenity": "bench", "backrest": "yes"}, "point")
    assert editor.preset_label.text() == "Sitzbank"
    labels = [editor.fields_layout.labelForField(w).text() for _, w in editor._field_widgets]
    assert labels[:3] == ["Rückenlehne", "Armlehnen", "Material"]
    editor.show_picker(True)
    editor.search.setText("Bank")
    names = [editor.results.item(i).text() for i in range(editor.results.count())]
    assert "Sitzbank" in names[:5]
    shot(editor, "tag-editor-de")


def test_the_form_of_an_osm_layer_is_the_tag_editor(download):
    _path, layers = download
    points = layers[POINTS]
    assert tag_form.uses_tag_form(points) and tag_form.uses_tag_form(layers[LINES])
    assert len(points.fields()) > 100
    feature = restaurant(points)
    assert points.startEditing()
    form = QgsAttributeForm(points, feature, QgsAttributeEditorContext())
    try:
        wrappers = [w for w in form.findChildren(QWidget) if QgsEditorWidgetWrapper.fromWidget(w)]
        assert len(wrappers) == 1  # not one row per column
        editor = form.findChild(TagEditor)
        assert editor.preset_label.text() == "Restaurant"
        editor.set_tag("cuisine", "pizza")
        assert form.save()
        assert points.getFeature(feature.id())["cuisine"] == "pizza"
        form.resize(420, 760)
        shot(form, "tag-form")
    finally:
        form.deleteLater()


def test_the_form_of_a_new_point_offers_the_preset_picker_and_saves_its_tags(download):
    path, layers = download
    points = layers[POINTS]
    assert points.startEditing()
    feature = QgsFeature(points.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(9.5215, 47.1404)))
    form = QgsAttributeForm(points, feature, QgsAttributeEditorContext())
    form.setMode(QgsAttributeEditorContext.Mode.AddFeatureMode)
    try:
        editor = form.findChild(TagEditor)
        assert editor.picker.isVisibleTo(form) and editor.identity.text() == "new"
        editor.search.setText("bench")
        editor._choose_first()
        editor.set_tag("backrest", "yes")
        editor.set_tag("zzz:test", "1")
        count = points.featureCount()
        assert form.save()
        assert points.featureCount() == count + 1
        added = [f for f in points.getFeatures() if f.id() < 0]
        assert [tag_form.read_tags(f) for f in added] == [
            {"amenity": "bench", "backrest": "yes", "zzz:test": "1"}
        ]
        assert points.commitChanges(), points.commitErrors()
        _, changes = changed_tags(path)
        assert [dict(c.element.tags) for c in changes.creates] == [
            {"amenity": "bench", "backrest": "yes", "zzz:test": "1"}
        ]
    finally:
        form.deleteLater()


def test_the_form_survives_a_project_reload(download, tmp_path):
    path, _layers = download
    project_file = tmp_path / "vaduz.qgz"
    assert QgsProject.instance().write(str(project_file))
    QgsProject.instance().clear()
    assert QgsProject.instance().read(str(project_file))
    reloaded = osm_layers.download_layers(path)
    assert reloaded and all(tag_form.uses_tag_form(layer) for layer in reloaded.values())
    # the attribute table still has every column
    points = reloaded[POINTS]
    assert "cuisine" in points.fields().names()
    feature = next(points.getFeatures(QgsFeatureRequest().setLimit(1)))
    assert feature.attributes()


def test_stopping_the_hook_gives_back_the_generated_form(download):
    _, layers = download
    hook = TagFormHook(QgsProject.instance())
    hook.start()
    hook.stop()
    assert not tag_form.uses_tag_form(layers[POINTS])
    form = QgsAttributeForm(layers[POINTS], restaurant(layers[POINTS]), QgsAttributeEditorContext())
    try:
        assert form.findChild(TagEditor) is None
    finally:
        form.deleteLater()


@pytest.mark.parametrize("lang, cuisine", [("en", "Cuisines"), ("de", "Küche")])
def test_the_dock_and_the_form_in_the_users_language(download, qgis_iface, lang, cuisine):
    from qgis.core import QgsSettings

    _, layers = download
    points = layers[POINTS]
    feature = restaurant(points)
    settings = QgsSettings()
    settings.setValue("osm_roundtrip/language", lang)
    dock = TagDock(qgis_iface)
    form = None
    try:
        dock._layer_changed(points)
        points.selectByIds([feature.id()])
        labels = [
            dock.editor.fields_layout.labelForField(w).text() for _, w in dock.editor._field_widgets
        ]
        assert cuisine in labels
        dock.resize(360, 720)
        shot(dock, f"tag-dock-{lang}")
        assert points.startEditing()
        form = QgsAttributeForm(points, feature, QgsAttributeEditorContext())
        assert form.findChild(TagEditor).lang == lang
        form.resize(420, 760)
        shot(form, f"tag-form-{lang}")
    finally:
        settings.remove("osm_roundtrip/language")
        dock.shutdown()
        dock.deleteLater()
        if form is not None:
            form.deleteLater()
