"""The tag editor in the attribute form of the OSM layers (identify, the attribute table's form
view, "Add feature").

The form of an OSM layer (:func:`..plugin.adapters.tag_form.use_tag_form`) holds one field,
``other_tags``, drawn by the editor widget registered here (:data:`WIDGET_TYPE`). Its wrapper
reads every tag of the form's feature and gives back the value of ``other_tags`` plus the values
of all tag columns (QGIS' "additional fields" of a widget): the form saves them with its own
undoable edit command, also for a feature being added, whose form opens on the preset picker.
In the attribute table's cells the widget is a plain line for the JSON text.

:class:`TagFormHook` (started by the plugin) registers the widget once, gives the OSM layers of
the project this form when they are added or a project is read, and gives them back the form QGIS
generates when the plugin unloads. QGIS has no way to unregister an editor widget: after the
plugin unloads, the registered factory hands out QGIS' own text editor.
"""

from __future__ import annotations

import json

from qgis.core import QgsProject
from qgis.gui import (
    QgsAttributeEditorContext,
    QgsAttributeForm,
    QgsEditorConfigWidget,
    QgsEditorWidgetFactory,
    QgsEditorWidgetWrapper,
    QgsGui,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QVBoxLayout

from ..plugin.adapters import osm_layers, tag_form
from ..plugin.adapters.tag_form import WIDGET_TYPE
from ..plugin.core.osm.features import OTHER_TAGS
from .tag_editor import TagEditor, identity_text


def _ancestor(widget, kind):
    while widget is not None:
        if isinstance(widget, kind):
            return widget
        widget = widget.parentWidget()
    return None


def _null(value) -> bool:
    return value is None or (hasattr(value, "isNull") and value.isNull())


class TagsWrapper(QgsEditorWidgetWrapper):
    """``other_tags`` and every tag column of the form's feature, edited as one dict."""

    def createWidget(self, parent):
        if _ancestor(parent, QAbstractItemView) is not None:  # a cell of the attribute table
            return QLineEdit(parent)
        return TagEditor(parent)

    def initWidget(self, editor) -> None:
        self.editor = editor
        self.columns = [
            name for name in tag_form.tag_fields(self.layer().fields()) if name != OTHER_TAGS
        ]
        self._tags = {}
        if isinstance(editor, TagEditor):
            editor.tagsEdited.connect(self._edited)
        else:
            editor.textEdited.connect(lambda _text: self.emitValueChanged())

    def valid(self) -> bool:
        return self.editor is not None

    # -- QGIS reads --------------------------------------------------------------------------------

    def value(self):
        if not isinstance(self.editor, TagEditor):
            return self.editor.text() or None
        return tag_form.column_values(self.layer().fields(), self._tags).get(OTHER_TAGS)

    def additionalFields(self):
        return self.columns if isinstance(self.editor, TagEditor) else []

    def additionalFieldValues(self):
        if not isinstance(self.editor, TagEditor):
            return []
        values = tag_form.column_values(self.layer().fields(), self._tags)
        return [values.get(name) for name in self.columns]

    # -- QGIS writes -------------------------------------------------------------------------------

    def setValue(self, value) -> None:
        if not isinstance(self.editor, TagEditor):
            self.editor.setText("" if _null(value) else str(value))
            return
        feature = self.formFeature()
        try:
            if feature.fields().count():
                self._tags = tag_form.read_tags(feature)
            else:
                self._tags = dict(json.loads(str(value))) if not _null(value) else {}
        except (ValueError, TypeError, AttributeError):  # other_tags is no JSON object
            self._tags = {}
        layer = self.layer()
        self.editor.set_tags(
            self._tags, tag_form.geometry_of(layer, self._tags), identity_text(feature)
        )

    def setEnabled(self, enabled: bool) -> None:
        if isinstance(self.editor, TagEditor):
            form = _ancestor(self.editor, QgsAttributeForm)
            multi = form is not None and (
                form.mode() == QgsAttributeEditorContext.Mode.MultiEditMode
            )
            self.editor.set_read_only(not enabled or multi)
        elif self.editor is not None:
            self.editor.setReadOnly(not enabled)

    def _edited(self, tags: dict) -> None:
        self._tags = dict(tags)
        self.emitValueChanged()


class TagsConfigWidget(QgsEditorConfigWidget):
    """The widget has nothing to configure."""

    def __init__(self, layer, field_index, parent) -> None:
        super().__init__(layer, field_index, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "TagEditorForm", "The OSM tag editor: presets, fields and all tags."
                ),
                self,
            )
        )

    def config(self):
        return {}

    def setConfig(self, config) -> None:
        pass


class TagsWidgetFactory(QgsEditorWidgetFactory):
    def __init__(self) -> None:
        super().__init__(QCoreApplication.translate("TagEditorForm", "OSM tags"))
        self.active = True

    def create(self, layer, field_index, editor, parent):
        if not self.active:  # the plugin is unloaded: QGIS' own text editor
            text_edit = QgsGui.editorWidgetRegistry().factory("TextEdit")
            return text_edit.create(layer, field_index, editor, parent)
        return TagsWrapper(layer, field_index, editor, parent)

    def configWidget(self, layer, field_index, parent):
        return TagsConfigWidget(layer, field_index, parent)

    def fieldScore(self, layer, field_index) -> int:
        return 0  # never chosen by itself


def _factory():
    """The registered factory (registered at the first call; kept for the process)."""
    registry = QgsGui.editorWidgetRegistry()
    if WIDGET_TYPE not in registry.factories():
        registry.registerWidget(WIDGET_TYPE, TagsWidgetFactory())
    return registry.factory(WIDGET_TYPE)


class TagFormHook:
    """Gives the OSM layers of the project the tag editor form while the plugin runs."""

    def __init__(self, project=None) -> None:
        self.project = project or QgsProject.instance()
        self.running = False

    def start(self) -> None:
        factory = _factory()
        if hasattr(factory, "active"):
            factory.active = True
        self.project.layersAdded.connect(self._apply)
        self.project.readProject.connect(self._apply_all)
        self.running = True
        self._apply_all()

    def stop(self) -> None:
        if not self.running:
            return
        self.running = False
        self.project.layersAdded.disconnect(self._apply)
        self.project.readProject.disconnect(self._apply_all)
        for layer in self.project.mapLayers().values():
            if osm_layers.layer_role(layer) is not None:
                tag_form.use_plain_form(layer)
        factory = QgsGui.editorWidgetRegistry().factory(WIDGET_TYPE)
        if hasattr(factory, "active"):
            factory.active = False

    def _apply_all(self, *args) -> None:
        self._apply(list(self.project.mapLayers().values()))

    def _apply(self, layers) -> None:
        for layer in layers:
            if osm_layers.layer_role(layer) is not None:
                tag_form.use_tag_form(layer)
