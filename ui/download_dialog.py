"""The "Download OSM data…" dialog: area, server and output file, then one call to the service."""

from __future__ import annotations

import os
from typing import Callable, Optional, Tuple

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsRectangle,
    QgsSettings,
)
from qgis.gui import QgsFileWidget, QgsMessageBar
from qgis.PyQt.QtCore import QCoreApplication, QLocale
from qgis.PyQt.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QSizePolicy,
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


class DownloadDialog(QDialog, FORM):
    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent or iface.mainWindow())
        self.setupUi(self)
        # QGIS lets the extent buttons shrink below their text; keep their labels readable
        for button in self.extentBox.findChildren(QAbstractButton):
            button.setMinimumWidth(button.sizeHint().width())
        self.iface = iface
        self.task = None
        self.settings = plugin_settings.load()

        self.bar = QgsMessageBar(self)
        self.bar.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.layout().insertWidget(0, self.bar)

        canvas = iface.mapCanvas()
        canvas_crs = canvas.mapSettings().destinationCrs()
        self.extentBox.setTitleBase(self.tr("Area"))
        self.extentBox.setOutputCrs(WGS84)
        self.extentBox.setOriginalExtent(canvas.extent(), canvas_crs)
        self.extentBox.setCurrentExtent(canvas.extent(), canvas_crs)
        self.extentBox.setOutputExtentFromCurrent()
        self.extentBox.setMapCanvas(canvas)
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
        self.output.setFilePath(download_service.default_gpkg_path(download_service.default_name()))

        ok = self.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Download"))
        self.buttonBox.accepted.connect(self.start)
        self.update_area()

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
            self.show_error(self.tr("Choose the GeoPackage to save the download in."))
            return
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            self.show_error(self.tr("The folder {folder} does not exist.").format(folder=folder))
            return
        if download_service.is_large(bbox) and not self.confirm_large(bbox):
            return
        iface, api_url = self.iface, self.api_url()

        def start(target: str, replace: bool):
            return download_service.start_download(
                iface,
                bbox,
                api_url,
                target,
                on_done=ask_about_existing(iface, start),
                replace=replace,
            )

        try:
            self.task = start(path, False)
        except OsmRoundtripError as exc:
            self.show_error(error_text(exc))
            return
        self.accept()

    def show_error(self, text: str) -> None:
        self.bar.pushMessage(text, Qgis.MessageLevel.Critical, 0)
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))


def show_download_dialog(iface, bbox=None, name: str = "") -> Optional[DownloadDialog]:
    """The toolbar action, or "Download area…" of a search result (its box and name: the file
    and the layer group are named after the place); the download runs on after it closes."""
    dialog = DownloadDialog(iface)
    if bbox is not None:
        dialog.set_bbox(bbox)
    if name:
        dialog.output.setFilePath(download_service.default_gpkg_path(file_stem(name)))
    dialog.exec()
    return dialog


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


def ask_about_existing(iface, restart: Callable[[str, bool], object]):
    """``on_done`` for a load: when the target file holds work, ask and start again.

    The user writes into a new file next to it (the default), replaces the file after reading
    what it holds, or cancels; ``restart(path, replace)`` starts the load again.
    """

    def on_done(_layers, error) -> None:
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
