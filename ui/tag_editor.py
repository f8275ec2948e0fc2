"""The tag editor (like JOSM's tag panel and iD's preset editor) and the "OSM tags" dock.

:class:`TagEditor` shows one feature's tags: its preset with a "Change…" picker (typing "bench"
lists the matching presets in the user's language), the preset's fields (a combo box with the
translated options, a check box for yes/no, a line for text and numbers) and below them every tag
as a key/value row, with an empty last row to add a key and a remove button per row. It knows
nothing of layers: it takes a ``{key: value}`` dict and emits :attr:`TagEditor.tagsEdited` with
the new dict. The dock (:class:`TagDock`) and the attribute form (``tag_editor_form.py``) connect
it to a feature.
"""

from __future__ import annotations

import contextlib
from typing import Dict, List, Optional, Tuple

from qgis.core import QgsApplication
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..plugin.adapters import osm_layers, tag_form
from ..plugin.adapters.i18n import element_label, language
from ..plugin.core.osm.features import OSM_ID, OSM_TYPE, OSM_VERSION
from ..plugin.core.tags import ADDRESS, CHECK, COMBO, NUMBER, SEMI, Field, TagSchema

PRESET_ROLE = Qt.ItemDataRole.UserRole
LONG_VALUE = 30  # characters: longer values get a tooltip with the whole text
KEY, VALUE, REMOVE = 0, 1, 2


class TagEditor(QWidget):
    """One feature's tags: preset, preset fields, all tags."""

    #: The user changed the tags: the whole new dict.
    tagsEdited = pyqtSignal(dict)

    def __init__(self, parent=None, schema: Optional[TagSchema] = None, lang: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("OsmRoundtripTagEditor")
        self.schema = schema if schema is not None else tag_form.tag_schema()
        self.lang = lang or language()
        self._tags: Dict[str, str] = {}
        self.geometry = "point"
        self.preset_id = ""
        self.read_only = False
        self._filling = False
        self._field_widgets: List[Tuple[Field, object]] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.identity = QLabel(self)
        self.identity.setObjectName("identity")
        self.identity.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.identity)

        preset_row = QHBoxLayout()
        self.preset_label = QLabel(self)
        self.preset_label.setObjectName("presetLabel")
        font = QFont(self.preset_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.preset_label.setFont(font)
        self.preset_label.setWordWrap(True)
        preset_row.addWidget(self.preset_label, 1)
        self.change_button = QPushButton(self.tr("Change…"), self)
        self.change_button.setObjectName("changePreset")
        self.change_button.setToolTip(self.tr("Choose another kind of feature (preset)"))
        self.change_button.clicked.connect(self.toggle_picker)
        preset_row.addWidget(self.change_button)
        layout.addLayout(preset_row)

        # The preset picker: a search line and the presets it finds.
        self.picker = QWidget(self)
        self.picker.setObjectName("presetPicker")
        picker_layout = QVBoxLayout(self.picker)
        picker_layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(self.picker)
        self.search.setObjectName("presetSearch")
        self.search.setPlaceholderText(self.tr("Search feature type, e.g. bench, restaurant"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        self.search.returnPressed.connect(self._choose_first)
        picker_layout.addWidget(self.search)
        self.results = QListWidget(self.picker)
        self.results.setObjectName("presetResults")
        self.results.itemActivated.connect(self._choose)
        self.results.itemClicked.connect(self._choose)
        picker_layout.addWidget(self.results)
        self.picker.setVisible(False)
        layout.addWidget(self.picker)

        # The preset's fields.
        self.fields_box = QWidget(self)
        self.fields_box.setObjectName("presetFields")
        self.fields_layout = QFormLayout(self.fields_box)
        self.fields_layout.setContentsMargins(0, 4, 0, 4)
        self.fields_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addWidget(self.fields_box)

        self.tags_title = QLabel(self)
        self.tags_title.setObjectName("tagsTitle")
        layout.addWidget(self.tags_title)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("tagTable")
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Value"), ""])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(KEY, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(VALUE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(REMOVE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(KEY, 130)
        header.resizeSection(REMOVE, 28)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setMinimumHeight(120)
        self.table.itemChanged.connect(self._table_edited)
        self.table.cellClicked.connect(self._cell_clicked)
        layout.addWidget(self.table, 1)
        self.set_tags({}, "point")

    # -- public --------------------------------------------------------------------------------

    def tags(self) -> Dict[str, str]:
        return dict(self._tags)

    def set_tags(self, tags, geometry: str, identity: str = "") -> None:
        """Show ``tags`` of a feature of ``geometry`` (``point``, ``line``, ``area``,
        ``relation``); the picker opens by itself for a feature without tags (a new one)."""
        self._tags = {str(k): str(v) for k, v in tags.items() if k and v not in (None, "")}
        self.geometry = geometry
        self.identity.setText(identity)
        self.identity.setVisible(bool(identity))
        self._refresh(rebuild=True)
        self.show_picker(not self._tags and not self.read_only)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.change_button.setEnabled(not read_only)
        if read_only:
            self.picker.setVisible(False)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self._refresh(rebuild=True)

    def show_picker(self, visible: bool = True) -> None:
        if self.schema is None or self.read_only:
            visible = False
        self.picker.setVisible(visible)
        self.change_button.setText(self.tr("Cancel") if visible else self.tr("Change…"))
        if visible:
            self._search(self.search.text())
            self.search.setFocus()

    def toggle_picker(self) -> None:
        self.show_picker(not self.picker.isVisible())

    def apply_preset(self, preset_id: str) -> None:
        """iD's preset change: the old preset's ``removeTags`` go, the new one's ``addTags``
        come (a ``*`` value becomes ``yes`` unless the key has a value)."""
        if self.schema is None or self.read_only:
            return
        new = self.schema.preset(preset_id, self.lang)
        if new is None:
            return
        tags = dict(self._tags)
        old = self.schema.preset(self.preset_id, self.lang) if self.preset_id else None
        if old is not None:
            for key, value in old.remove_tags.items():
                if key in tags and (value == "*" or tags[key] == value):
                    del tags[key]
        for key, value in new.add_tags.items():
            if value == "*":
                if not tags.get(key):
                    tags[key] = "yes"
            else:
                tags[key] = value
        self.show_picker(False)
        self._edited(tags)

    # -- picker --------------------------------------------------------------------------------

    def _search(self, text: str) -> None:
        self.results.clear()
        if self.schema is None:
            return
        if text.strip():
            found = self.schema.search_presets(text, self.geometry, self.lang, limit=30)
        else:
            found = self._defaults()
        for pid in found:
            item = QListWidgetItem(self.schema.preset_name(pid, self.lang))
            item.setData(PRESET_ROLE, pid)
            tags = self.schema.presets.get(pid, {}).get("tags") or {}
            item.setToolTip(" + ".join(f"{k}={v}" for k, v in tags.items()))
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def _defaults(self) -> List[str]:
        """What the picker offers before anything is typed (iD's defaults for the geometry)."""
        common = {
            "point": ["amenity/bench", "amenity/restaurant", "amenity/cafe", "shop/bakery"],
            "line": ["highway/residential", "highway/footway", "highway/service"],
            "area": ["building", "landuse/grass", "leisure/park", "amenity/parking"],
        }.get(self.geometry, [])
        return [pid for pid in common if pid in self.schema.presets]

    def _choose_first(self) -> None:
        item = self.results.currentItem() or self.results.item(0)
        if item is not None:
            self._choose(item)

    def _choose(self, item: QListWidgetItem) -> None:
        self.apply_preset(item.data(PRESET_ROLE))

    # -- drawing -------------------------------------------------------------------------------

    def _refresh(self, rebuild: bool = False) -> None:
        self._filling = True
        try:
            preset = ""
            if self.schema is not None:
                preset = self.schema.match_preset(self._tags, self.geometry)
            if preset != self.preset_id or rebuild:
                self.preset_id = preset
                self._build_fields()
            if self.schema is not None:
                self.preset_label.setText(self.schema.preset_name(preset, self.lang))
            else:
                self.preset_label.setText(self.tr("Presets unavailable (no tagging schema)"))
            self._fill_fields()
            self._fill_table()
        finally:
            self._filling = False

    def _build_fields(self) -> None:
        while self.fields_layout.rowCount():
            self.fields_layout.removeRow(0)
        self._field_widgets = []
        if self.schema is None or not self.preset_id:
            self.fields_box.setVisible(False)
            return
        for field in self.schema.fields_for(self.preset_id, self.geometry, self.lang):
            if field.more and not any(k in self._tags for k in field.keys):
                continue  # iD shows a "more" field only when the feature has its tag
            widget = self._field_widget(field)
            label = QLabel(field.label, self.fields_box)
            label.setToolTip(", ".join(field.keys))
            self.fields_layout.addRow(label, widget)
            self._field_widgets.append((field, widget))
        self.fields_box.setVisible(bool(self._field_widgets))

    def _field_widget(self, field: Field):
        parent = self.fields_box
        if field.widget == CHECK:
            box = QCheckBox(parent)
            box.setTristate(True)
            box.setToolTip(self.tr("Click: yes, no, not set"))
            box.setObjectName(f"field:{field.key}")
            box.stateChanged.connect(lambda _state, f=field, b=box: self._check_edited(f, b))
            box.setEnabled(not self.read_only)
            return box
        if field.widget in (COMBO, SEMI):
            combo = QComboBox(parent)
            combo.setObjectName(f"field:{field.key}")
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            combo.addItem("", "")
            for value, label in field.options:
                combo.addItem(label, value)
                combo.setItemData(combo.count() - 1, value, Qt.ItemDataRole.ToolTipRole)
            if field.placeholder:
                combo.lineEdit().setPlaceholderText(field.placeholder)
            combo.activated.connect(lambda _i, f=field, c=combo: self._combo_edited(f, c))
            combo.lineEdit().editingFinished.connect(
                lambda f=field, c=combo: self._combo_edited(f, c)
            )
            combo.setEnabled(not self.read_only)
            return combo
        if field.widget == ADDRESS:
            box = QWidget(parent)
            rows = QGridLayout(box)  # as iD: street | number, postcode | city
            rows.setContentsMargins(0, 0, 0, 0)
            rows.setColumnStretch(0, 3)
            rows.setColumnStretch(1, 2)
            lines = []
            for position, (key, label) in enumerate(zip(field.keys, field.key_labels)):
                line = QLineEdit(box)
                line.setObjectName(f"field:{key}")
                line.setPlaceholderText(label)
                line.setToolTip(f"{label} ({key})")
                line.setReadOnly(self.read_only)
                line.editingFinished.connect(lambda k=key, w=line: self._value_edited(k, w.text()))
                rows.addWidget(line, position // 2, position % 2)
                lines.append(line)
            box.lines = lines
            return box
        line = QLineEdit(parent)
        line.setObjectName(f"field:{field.key}")
        if field.placeholder:
            line.setPlaceholderText(field.placeholder)
        if field.widget == NUMBER:
            line.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        line.setReadOnly(self.read_only)
        line.editingFinished.connect(lambda k=field.key, w=line: self._value_edited(k, w.text()))
        return line

    def _fill_fields(self) -> None:
        for field, widget in self._field_widgets:
            value = self._tags.get(field.key, "")
            widget.blockSignals(True)
            try:
                if isinstance(widget, QCheckBox):
                    state = {"yes": Qt.CheckState.Checked, "no": Qt.CheckState.Unchecked}.get(
                        value, Qt.CheckState.PartiallyChecked
                    )
                    widget.setCheckState(state)
                    widget.setText(value or self.tr("not set"))
                elif isinstance(widget, QComboBox):
                    index = widget.findData(value) if value else 0
                    if index >= 0:
                        widget.setCurrentIndex(index)
                    else:
                        widget.setCurrentIndex(-1)
                        widget.setEditText(value)
                    widget.setToolTip(value if len(value) > LONG_VALUE else "")
                elif isinstance(widget, QLineEdit):
                    widget.setText(value)
                    widget.setToolTip(value if len(value) > LONG_VALUE else "")
                elif hasattr(widget, "lines"):
                    for key, line in zip(field.keys, widget.lines):
                        line.setText(self._tags.get(key, ""))
            finally:
                widget.blockSignals(False)

    def _fill_table(self) -> None:
        self.table.blockSignals(True)
        try:
            rows = sorted(self._tags.items())
            self.table.setRowCount(len(rows) + 1)
            for row, (key, value) in enumerate(rows):
                self._set_row(row, key, value)
            self._set_row(len(rows), "", "")
        finally:
            self.table.blockSignals(False)
        # every row visible up to a dozen, the key column as wide as its keys (within reason)
        shown = min(self.table.rowCount(), 12)
        height = self.table.horizontalHeader().height() + 4
        self.table.setMinimumHeight(
            height + shown * self.table.verticalHeader().defaultSectionSize()
        )
        self.table.resizeColumnToContents(KEY)
        header = self.table.horizontalHeader()
        header.resizeSection(KEY, max(90, min(header.sectionSize(KEY) + 8, 150)))
        self.tags_title.setText(self.tr("All tags (%n)", None, len(self._tags)))

    def _set_row(self, row: int, key: str, value: str) -> None:
        key_item = QTableWidgetItem(key)
        value_item = QTableWidgetItem(value)
        if len(value) > LONG_VALUE:
            value_item.setToolTip(value)
        if len(key) > LONG_VALUE / 2:
            key_item.setToolTip(key)
        if not key:
            key_item.setToolTip(self.tr("Type a key here to add a tag"))
        self.table.setItem(row, KEY, key_item)
        self.table.setItem(row, VALUE, value_item)
        remove = QTableWidgetItem()
        remove.setFlags(Qt.ItemFlag.ItemIsEnabled)
        if key and not self.read_only:  # a click on it removes the tag (see _cell_clicked)
            remove.setIcon(QgsApplication.getThemeIcon("/symbologyRemove.svg"))
            remove.setToolTip(self.tr("Remove the tag {key}").format(key=key))
        self.table.setItem(row, REMOVE, remove)

    # -- edits ---------------------------------------------------------------------------------

    def _cell_clicked(self, row: int, column: int) -> None:
        key_item = self.table.item(row, KEY)
        if column == REMOVE and key_item is not None and key_item.text():
            self.remove_tag(key_item.text())

    def remove_tag(self, key: str) -> None:
        if self.read_only or key not in self._tags:
            return
        tags = dict(self._tags)
        del tags[key]
        self._edited(tags)

    def set_tag(self, key: str, value: str) -> None:
        """Set (or with an empty value remove) one tag, as the user would."""
        self._value_edited(key, value)

    def _value_edited(self, key: str, value: str) -> None:
        if self._filling or self.read_only or not key:
            return
        value = value.strip()
        if self._tags.get(key, "") == value:
            return
        tags = dict(self._tags)
        if value:
            tags[key] = value
        else:
            tags.pop(key, None)
        self._edited(tags)

    def _check_edited(self, field: Field, box: QCheckBox) -> None:
        state = box.checkState()
        value = {Qt.CheckState.Checked: "yes", Qt.CheckState.Unchecked: "no"}.get(state, "")
        self._value_edited(field.key, value)

    def _combo_edited(self, field: Field, combo: QComboBox) -> None:
        text = combo.currentText().strip()
        index = combo.currentIndex()
        if index >= 0 and combo.itemText(index) == text:
            value = combo.itemData(index) or ""
        else:
            index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
            value = (combo.itemData(index) or "") if index >= 0 else text
        self._value_edited(field.key, value)

    def _table_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or self.read_only:
            return
        tags: Dict[str, str] = {}
        for row in range(self.table.rowCount()):
            key_item, value_item = self.table.item(row, KEY), self.table.item(row, VALUE)
            key = key_item.text().strip() if key_item else ""
            value = value_item.text().strip() if value_item else ""
            if key and value:
                tags[key] = value
        added = item.row() == self.table.rowCount() - 1
        if added and item.column() == KEY and item.text().strip():
            # a new key: wait for its value, keep the row being typed
            self.table.blockSignals(True)
            self.table.insertRow(self.table.rowCount())
            self._set_row(self.table.rowCount() - 1, "", "")
            self.table.blockSignals(False)
            self.table.setCurrentCell(item.row(), VALUE)
            self.table.editItem(self.table.item(item.row(), VALUE))
            return
        if tags != self._tags:
            self._edited(tags)

    def _edited(self, tags: Dict[str, str]) -> None:
        self._tags = tags
        self._refresh()
        self.tagsEdited.emit(dict(tags))


def identity_text(feature) -> str:
    """ "node 123, v4" for a downloaded feature, "new" for one the user added."""
    names = feature.fields().names()
    osm_id = feature.attribute(OSM_ID) if OSM_ID in names else None
    if osm_id in (None, "") or (hasattr(osm_id, "isNull") and osm_id.isNull()):
        return QCoreApplication.translate("TagEditor", "new")
    osm_type = feature.attribute(OSM_TYPE) if OSM_TYPE in names else ""
    version = feature.attribute(OSM_VERSION) if OSM_VERSION in names else None
    if version in (None, "") or (hasattr(version, "isNull") and version.isNull()):
        return element_label(osm_type, osm_id)
    return QCoreApplication.translate("TagEditor", "{element}, v{version}").format(
        element=element_label(osm_type, osm_id), version=version
    )


class TagDock(QgsDockWidget):
    """The tags of the selected feature of the active OSM layer (like JOSM's tag panel)."""

    OBJECT_NAME = "OsmRoundtripTagDock"

    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.setObjectName(self.OBJECT_NAME)
        self.setWindowTitle(self.tr("OSM tags"))
        self.layer = None
        self.fid: Optional[int] = None
        self._writing = False

        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.status = QLabel(body)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.start_editing = QPushButton(self.tr("Start editing"), body)
        self.start_editing.setObjectName("startEditing")
        self.start_editing.setIcon(QgsApplication.getThemeIcon("/mActionToggleEditing.svg"))
        self.start_editing.clicked.connect(self._start_editing)
        layout.addWidget(self.start_editing)
        self.editor = TagEditor(body)
        self.editor.tagsEdited.connect(self._write)
        scroll = QScrollArea(body)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.editor)
        scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout.addWidget(scroll, 1)
        self.setWidget(body)

        iface.currentLayerChanged.connect(self._layer_changed)
        self._layer_changed(iface.activeLayer())

    def shutdown(self) -> None:
        with contextlib.suppress(TypeError):
            self.iface.currentLayerChanged.disconnect(self._layer_changed)
        self._watch(None)

    # -- following the selection ---------------------------------------------------------------

    def _watch(self, layer) -> None:
        if self.layer is not None:
            for signal, slot in self._signals(self.layer):
                with contextlib.suppress(TypeError, RuntimeError):
                    signal.disconnect(slot)
        self.layer = layer
        if layer is not None:
            for signal, slot in self._signals(layer):
                signal.connect(slot)

    def _signals(self, layer):
        return [
            (layer.selectionChanged, self.refresh),
            (layer.editingStarted, self.refresh),
            (layer.editingStopped, self.refresh),
            (layer.attributeValueChanged, self._changed_elsewhere),
            (layer.featureDeleted, self._changed_elsewhere),
            (layer.willBeDeleted, self._layer_gone),
        ]

    def _layer_gone(self) -> None:
        self._watch(None)
        self.refresh()

    def _layer_changed(self, layer) -> None:
        self._watch(layer if osm_layers.layer_role(layer) is not None else None)
        self.refresh()

    def _changed_elsewhere(self, *args) -> None:
        if not self._writing:
            self.refresh()

    def refresh(self) -> None:
        layer = self.layer
        self.fid = None
        if layer is None:
            self._show_nothing(self.tr("Select a feature of an OSM layer to see its tags."))
            return
        selected = layer.selectedFeatureIds()
        if not selected:
            self._show_nothing(
                self.tr("Select a feature of {layer} to see its tags.").format(layer=layer.name())
            )
            return
        fid = sorted(selected)[0]
        feature = layer.getFeature(fid)
        if not feature.isValid():
            self._show_nothing(self.tr("The selected feature cannot be read."))
            return
        self.fid = fid
        tags = tag_form.read_tags(feature)
        editable = layer.isEditable()
        text = ""
        if len(selected) > 1:
            text = self.tr("%n features selected; the first is shown.", None, len(selected))
        if not editable:
            text = (text + " " if text else "") + self.tr(
                "The layer is not in edit mode: the tags are read-only."
            )
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self.start_editing.setVisible(not editable)
        self.editor.setVisible(True)
        self.editor.set_read_only(not editable)
        self.editor.set_tags(tags, tag_form.geometry_of(layer, tags), identity_text(feature))

    def _show_nothing(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(True)
        self.start_editing.setVisible(False)
        self.editor.setVisible(False)

    def _start_editing(self) -> None:
        if self.layer is not None and not self.layer.isEditable():
            osm_layers.start_editing(self.layer, self.iface.mapCanvas())
        self.refresh()

    def _write(self, tags: dict) -> None:
        layer = self.layer
        if layer is None or self.fid is None:
            return
        self._writing = True
        try:
            ok = tag_form.write_tags(layer, self.fid, tags, self.tr("Edit OSM tags"))
        finally:
            self._writing = False
        if not ok:
            self.iface.messageBar().pushWarning(
                self.tr("OSM tags"),
                self.tr("The tags could not be written to {layer}.").format(layer=layer.name()),
            )
            self.refresh()
        else:
            layer.triggerRepaint()
