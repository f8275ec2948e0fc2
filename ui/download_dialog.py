"""The "Download OSM data…" dialog: area, server and output file, then one call to the service."""

from __future__ import annotations

import contextlib
import os
from typing import Callable, Optional, Tuple

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProject,
    QgsRectangle,
    QgsSettings,
)
from qgis.gui import QgsFileWidget, QgsMessageBar
from qgis.PyQt.QtCore import QCoreApplication, QLocale, Qt
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QGridLayout,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ..plugin.adapters import download_service
from ..plugin.adapters import settings as plugin_settings
from ..plugin.adapters.i18n import error_text
from ..plugin.core.errors import OsmRoundtripError
from ..plugin.core.gpkg_target import TargetHoldsWork
from . import load_ui

FORM = load_ui("download_dialog")
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
SERVERS = ("production", "dev", "sandbox", "custom")
#: The extent box's buttons shown first (two a row), then the others: QGIS's object names.
EXTENT_BUTTONS = (
    "mOriginalExtentButton",  # "Current Layer Extent"
    "mCurrentExtentButton",  # "Map Canvas Extent"
)
MISSING_FILE_STYLE = "QLineEdit { border: 1px solid #d97706; background: #fff7e6; }"


class DownloadDialog(QDialog, FORM):
    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent or iface.mainWindow())
        self.setupUi(self)
        self.iface = iface
        self.task = None
        self.settings = plugin_settings.load()
        self.place_name = ""  # the place searched, when the dialog comes from a search result
        self._auto_path = ""  # the file path the dialog chose (renamed with the area until edited)

        self.bar = QgsMessageBar(self)
        self.bar.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.layout().insertWidget(0, self.bar)

        canvas = iface.mapCanvas()
        canvas_crs = canvas.mapSettings().destinationCrs()
        self.extentBox.setTitleBase(self.tr("Area"))
        self.extentBox.setOutputCrs(WGS84)
        # "Current Layer Extent" is the original extent: the active layer's, or no such button
        # (given the map's extent it would only repeat "Map Canvas Extent")
        layer = iface.activeLayer()
        if layer is not None and layer.isSpatial() and not layer.extent().isEmpty():
            self.extentBox.setOriginalExtent(layer.extent(), layer.crs())
        self.extentBox.setCurrentExtent(canvas.extent(), canvas_crs)
        self.extentBox.setOutputExtentFromCurrent()
        self.extentBox.setMapCanvas(canvas)
        self._grid_extent_buttons()
        self.extentBox.extentChanged.connect(self.update_area)

        labels = {
            "production": self.tr("OpenStreetMap (production)"),
            "dev": self.tr("OpenStreetMap development server"),
            "sandbox": self.tr("Local sandbox"),
            "custom": self.tr("Custom URL"),
        }
        for key in SERVERS:
            self.server.addItem(labels[key], key)
        self.server.currentIndexChanged.connect(self.update_server)
        current = self.settings.osm_server if self.settings.osm_server in SERVERS else SERVERS[0]
        self.server.setCurrentIndex(SERVERS.index(current))
        self.update_server()

        self.output.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.output.setFilter(self.tr("GeoPackage (*.gpkg)"))
        self.output.setDialogTitle(self.tr("Save the download as"))
        self.output.setConfirmOverwrite(True)
        self.output.lineEdit().setPlaceholderText(self.tr("Choose where to save the download"))
        self.output.fileChanged.connect(self._mark_missing_file)

        ok = self.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Download"))
        self.buttonBox.accepted.connect(self.start)
        self.update_area()
        self._fit_to_contents()

    def _fit_to_contents(self) -> None:
        """The size the texts need in the user's language (within the screen)."""
        hint = self.sizeHint().expandedTo(self.minimumSizeHint())
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None and screen.isValid():
            hint = hint.boundedTo(screen.size())
        self.resize(hint)

    def _grid_extent_buttons(self) -> None:
        """Put the extent box's buttons two a row: QGIS puts them in one or two rows of three
        or four, cut off in German or French ("…aktuellen La", "uf Kartenansicht"). The buttons
        (and QGIS 3.40's "Calculate from" label) move into a grid that takes the old row's place."""
        anchor = self.extentBox.findChild(QPushButton, "mCurrentExtentButton")
        old = anchor.parentWidget() if anchor is not None else None
        outer = old.parentWidget().layout() if old is not None else None
        if outer is None or outer.indexOf(old) < 0 or old.layout() is None:  # pragma: no cover
            return  # another QGIS: leave its layout alone
        widgets = _widgets_in_order(old.layout())
        first = [w for name in EXTENT_BUTTONS for w in widgets if w.objectName() == name]
        ordered = first + [w for w in widgets if w not in first]
        hidden = {id(w) for w in ordered if w.isHidden()}
        box = QWidget(old.parentWidget())
        box.setObjectName("OsmRoundtripExtentButtons")
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        shown = [w for w in ordered if id(w) not in hidden]
        for index, widget in enumerate(shown):
            if isinstance(widget, QPushButton):
                widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
                widget.setMinimumWidth(widget.sizeHint().width())
            grid.addWidget(widget, index // 2, index % 2)
        for widget in ordered:
            if id(widget) in hidden:  # kept, hidden, below: QGIS may show them later
                grid.addWidget(widget, len(shown) // 2 + 1, 0)
                widget.setHidden(True)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        outer.insertWidget(outer.indexOf(old), box)
        old.hide()

    # -- inputs ---------------------------------------------------------------------------------
    def bbox(self) -> Optional[Tuple[float, float, float, float]]:
        """The chosen area in WGS84, ``None`` when none is set."""
        extent = self.extentBox.outputExtent()
        if extent.isNull() or extent.isEmpty():
            return None
        if self.extentBox.outputCrs() != WGS84:  # pragma: no cover - the output CRS is fixed
            transform = QgsCoordinateTransform(
                self.extentBox.outputCrs(), WGS84, QgsProject.instance()
            )
            extent = transform.transformBoundingBox(extent)
        return (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())

    def set_bbox(self, bbox) -> None:
        """Set the area (WGS84 ``(min_lon, min_lat, max_lon, max_lat)``) as the user would."""
        self.extentBox.setOutputExtentFromUser(QgsRectangle(*bbox), WGS84)

    def api_url(self) -> str:
        return self.apiUrl.text().strip()

    def gpkg_path(self) -> str:
        return self.output.filePath().strip()

    # -- reactions ------------------------------------------------------------------------------
    def update_server(self) -> None:
        key = self.server.currentData()
        custom = key == "custom"
        values = plugin_settings.Settings(
            osm_server=key,
            sandbox_url=self.settings.sandbox_url,
            custom_api_url=self.settings.custom_api_url,
        )
        if not custom or not self.apiUrl.text():
            self.apiUrl.setText(values.api_url())
        self.apiUrl.setReadOnly(not custom)

    def update_area(self, *_args) -> None:
        bbox = self.bbox()
        self._name_file()
        if bbox is None:
            self.areaLabel.setText(self.tr("Choose the area to download."))
            return
        try:
            area = download_service.bbox_area_km2(bbox)
            requests = download_service.request_count(bbox)
        except OsmRoundtripError as exc:
            self.areaLabel.setText(error_text(exc))
            return
        text = self.tr("About {area} km², at least %n requests to the server.", "", requests)
        text = text.format(area=QLocale().toString(area, "f", 1 if area < 100 else 0))
        if area > download_service.LARGE_AREA_KM2:
            text = '{} <span style="color:#b35900"><b>{}</b></span>'.format(
                text,
                self.tr("This is a large area: the download may take long and load the server."),
            )
        self.areaLabel.setText(text)

    def set_place(self, name: str) -> None:
        """Name the file and the layer group after the place searched."""
        self.place_name = name.strip()
        self._auto_path = ""
        self.output.setFilePath("")
        self._name_file()

    def _name_file(self) -> None:
        """Name the file after the place searched, else after the area's centre, in the
        project's folder or the download folder of the settings; while the user has not
        chosen a file himself, the name follows the area."""
        current = self.gpkg_path()
        if current and current != self._auto_path:
            return  # chosen by the user
        bbox = self.bbox()
        if self.place_name:
            stem = file_stem(self.place_name)
        elif bbox is not None:
            stem = download_service.centre_name(bbox)
        else:
            stem = download_service.default_name()
        path = download_service.default_gpkg_path(
            stem, download_folder=self.settings.download_folder
        )
        if path != current:
            self.output.setFilePath(path)
        self._auto_path = path
        self._mark_missing_file()

    def _mark_missing_file(self, *_args) -> None:
        """No folder for the file (project not saved, no download folder set): the field is
        empty and marked, and Download asks for a file."""
        self.output.lineEdit().setStyleSheet("" if self.gpkg_path() else MISSING_FILE_STYLE)

    def group_name(self, path: str) -> Optional[str]:
        """The layer group: the place's name while the file is named after it, else the file's."""
        if not self.place_name:
            return None
        stem = os.path.splitext(os.path.basename(path))[0]
        return self.place_name if stem.startswith(file_stem(self.place_name)) else None

    def confirm_large(self, bbox) -> bool:
        area = QLocale().toString(download_service.bbox_area_km2(bbox), "f", 0)
        answer = QMessageBox.warning(
            self,
            self.tr("Large download"),
            self.tr(
                "The area covers about {area} km². Downloading it takes long, puts load on the "
                "OpenStreetMap servers and gives layers that are slow to edit. Download anyway?"
            ).format(area=area),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def start(self) -> None:
        """Check the inputs, ask before a very large download, start the task and close."""
        self.bar.clearWidgets()
        bbox = self.bbox()
        if bbox is None:
            self.show_error(self.tr("Choose the area to download."))
            return
        if not self.api_url():
            self.show_error(self.tr("Enter the URL of the OSM API."))
            return
        path = self.gpkg_path()
        if not path:
            self.show_error(
                self.tr(
                    "Choose the GeoPackage to save the download in. (Downloads go to the "
                    "project's folder, or to the download folder set in the settings, when "
                    "there is one.)"
                )
            )
            self.output.lineEdit().setFocus()
            return
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            self.show_error(self.tr("The folder {folder} does not exist.").format(folder=folder))
            return
        if download_service.is_large(bbox) and not self.confirm_large(bbox):
            return
        iface, api_url, group = self.iface, self.api_url(), self.group_name(path)
        focus = getattr(self, "focus", None)

        def start(target: str, replace: bool):
            task = download_service.start_download(
                iface,
                bbox,
                api_url,
                target,
                on_done=ask_about_existing(iface, start, focus),
                group_name=group,
                replace=replace,
            )
            show_progress(iface, task)
            return task

        try:
            self.task = start(path, False)
        except OsmRoundtripError as exc:
            self.show_error(error_text(exc))
            return
        self.accept()

    def show_error(self, text: str) -> None:
        self.bar.pushMessage(text, Qgis.MessageLevel.Critical, 0)
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))


def _widgets_in_order(layout) -> list:
    """The widgets of ``layout`` and of the layouts in it, row by row, left to right."""
    items = [layout.itemAt(i) for i in range(layout.count())]
    if isinstance(layout, QGridLayout):
        positions = [layout.getItemPosition(i)[:2] for i in range(layout.count())]
        items = [item for _, item in sorted(zip(positions, items), key=lambda pair: pair[0])]
    widgets = []
    for item in items:
        if item.widget() is not None:
            widgets.append(item.widget())
        elif item.layout() is not None:
            widgets += _widgets_in_order(item.layout())
    return widgets


def show_download_dialog(iface, bbox=None, name: str = "", focus=None) -> Optional[DownloadDialog]:
    """The toolbar action, or "Download area…" of a search result (its box and name: the file
    and the layer group are named after the place; ``focus``, its ``(osm_type, osm_id)``, is
    selected in the layers once they are loaded); the download runs on after it closes."""
    dialog = DownloadDialog(iface)
    dialog.focus = focus
    if bbox is not None:
        dialog.set_bbox(bbox)
    if name:
        dialog.set_place(name)
    dialog.exec()
    return dialog


def show_progress(iface, task):
    """A message bar item with the task's progress and a Cancel button, removed when the task
    ends (its outcome is then the one message the service shows); returns the item."""
    bar = iface.messageBar() if iface is not None else None
    if bar is None:
        return None
    translate = QCoreApplication.translate
    item = bar.createMessage(download_service.TITLE, task.description())
    progress = QProgressBar(item)
    progress.setRange(0, 100)
    progress.setMaximumWidth(220)
    progress.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    cancel = QPushButton(translate("DownloadDialog", "Cancel"), item)
    cancel.setObjectName("OsmRoundtripCancelDownload")
    item.layout().addWidget(progress)
    item.layout().addWidget(cancel)
    bar.pushWidget(item, Qgis.MessageLevel.Info, 0)

    def set_progress(value: float) -> None:
        with contextlib.suppress(RuntimeError):  # the item was closed by the user
            progress.setValue(int(value))

    def cancel_task() -> None:
        cancel.setEnabled(False)
        task.cancel()

    def remove(*_args) -> None:
        with contextlib.suppress(RuntimeError):  # closed by the user already
            bar.popWidget(item)

    task.progressChanged.connect(set_progress)
    cancel.clicked.connect(cancel_task)
    task.taskCompleted.connect(remove)
    task.taskTerminated.connect(remove)
    return item


def file_stem(name: str) -> str:
    """A file name from a place name: letters and digits kept, the rest ``_``."""
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in name.strip())
    stem = "_".join(part for part in stem.split("_") if part)
    return stem[:60] or download_service.default_name()


def open_osm_file(iface, path: Optional[str] = None):
    """The "Open .osm file…" action: pick an OSM XML or PBF file and load it next to itself as a
    GeoPackage (the reader is chosen by the file's content)."""
    store = QgsSettings()
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            iface.mainWindow(),
            QCoreApplication.translate("DownloadDialog", "Open an OSM file"),
            store.value("osm_roundtrip/last_osm_folder", os.path.expanduser("~")),
            QCoreApplication.translate(
                "DownloadDialog", "OpenStreetMap files (*.osm *.osm.pbf *.pbf *.xml)"
            ),
        )
        if not path:
            return None
    store.setValue("osm_roundtrip/last_osm_folder", os.path.dirname(path))

    def start(target: Optional[str], replace: bool):
        return download_service.start_file_load(
            iface, path, target, on_done=ask_about_existing(iface, start), replace=replace
        )

    try:
        return start(None, False)
    except OsmRoundtripError as exc:
        iface.messageBar().pushMessage(
            download_service.TITLE,
            download_service.failure_text(exc),
            Qgis.MessageLevel.Critical,
            0,
        )
        return None


def select_element(iface, layers, focus) -> bool:
    """Select the element ``focus`` (``(osm_type, osm_id)``) in the download's layers and make
    its layer the active one, so the OSM tags dock shows it; False when it is not there."""
    if not layers or not focus:
        return False
    osm_type, osm_id = focus
    expression = f'"osm_type" = \'{osm_type}\' AND "osm_id" = {int(osm_id)}'
    for layer in layers.values():
        if layer.fields().indexOf("osm_type") < 0:
            continue
        request = QgsFeatureRequest().setFilterExpression(expression).setLimit(1)
        feature = next(layer.getFeatures(request), None)
        if feature is not None:
            layer.selectByIds([feature.id()])
            if iface is not None:
                iface.setActiveLayer(layer)
                # the tag panel, as in JOSM: the element found is what the user came to edit
                window = iface.mainWindow()
                tags = window.findChild(QDockWidget, "OsmRoundtripTagDock")
                search = window.findChild(QDockWidget, "OsmRoundtripSearchDock")
                if tags is not None:
                    if tags.isHidden() and search is not None and search.isVisible():
                        # a tab beside the search, with the whole height for the tags
                        window.tabifyDockWidget(search, tags)
                    tags.show()
                    tags.raise_()
            return True
    return False


def ask_about_existing(iface, restart: Callable[[str, bool], object], focus=None):
    """``on_done`` for a load: when the target file holds work, ask and start again; when it
    loaded, select ``focus`` (see :func:`select_element`).

    The user writes into a new file next to it (the default), replaces the file after reading
    what it holds, or cancels; ``restart(path, replace)`` starts the load again.
    """

    def on_done(layers, error) -> None:
        if error is None:
            select_element(iface, layers, focus)
        if not isinstance(error, TargetHoldsWork):
            return
        parent = iface.mainWindow() if iface is not None else None
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(download_service.TITLE)
        box.setText(error_text(error))
        box.setInformativeText(
            QCoreApplication.translate(
                "DownloadDialog",
                "Write the data into a new file, or replace the file and lose what it holds?",
            )
        )
        new_file = box.addButton(
            QCoreApplication.translate("DownloadDialog", "Write a new file"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        replace = box.addButton(
            QCoreApplication.translate("DownloadDialog", "Replace"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(new_file)
        box.exec()
        path = error.state.path
        try:
            if box.clickedButton() is new_file:
                restart(download_service.next_free_path(path), False)
            elif box.clickedButton() is replace:
                restart(path, True)
        except OsmRoundtripError as exc:
            iface.messageBar().pushMessage(
                download_service.TITLE,
                download_service.failure_text(exc),
                Qgis.MessageLevel.Critical,
                0,
            )

    return on_done
