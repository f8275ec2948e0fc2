"""The search dock: Nominatim search (free-form or structured), results, reverse geocoding.

Every request runs in a :class:`CoreTask`; the dock only reads its inputs, starts the task and
shows what comes back. Searches start on Enter or the Search button, never while typing.

Scripted use (e.g. a demo)::

    dock.searchFinished.connect(lambda: dock.add_all_to_map())
    dock.search_text("Vaduz", outlines=True)
"""

from __future__ import annotations

import contextlib
import os
from typing import Callable, List, Optional

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
)
from qgis.gui import QgsDockWidget, QgsRubberBand
from qgis.PyQt.QtCore import QEvent, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QSizePolicy, QTreeWidgetItem, QWidget

from ..plugin.adapters import nominatim_layers, nominatim_service
from ..plugin.adapters.compat import QAction
from ..plugin.adapters.i18n import error_text
from ..plugin.adapters.icons import icon
from ..plugin.adapters.tasks import CoreTask
from ..plugin.core.errors import Cancelled, ValidationError
from ..plugin.core.nominatim import (
    FEATURE_TYPES,
    LAYERS,
    STRUCTURED_FIELDS,
    Place,
    ReverseQuery,
    SearchQuery,
    Viewbox,
)
from . import load_ui
from .reverse_tool import ReverseGeocodeTool

FORM = load_ui("search_dock")
WGS84 = "EPSG:4326"
PLACE_ROLE = Qt.ItemDataRole.UserRole
HIGHLIGHT = QColor(230, 40, 90)
#: Rows the result list shows at least, whatever the options above it take.
MIN_VISIBLE_ROWS = 12


class SearchPanel(QWidget, FORM):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setupUi(self)


class SearchDock(QgsDockWidget):
    OBJECT_NAME = "OsmRoundtripSearchDock"

    #: Emitted on the GUI thread when a search or reverse lookup has been shown (or failed).
    searchFinished = pyqtSignal()
    #: "Download area…" of a result: its box (WGS 84 xmin, ymin, xmax, ymax) and its name.
    downloadRequested = pyqtSignal(tuple, str)

    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.setObjectName(self.OBJECT_NAME)
        self.setWindowTitle(self.tr("OSM Roundtrip search"))
        self.panel = SearchPanel(self)
        self.setWidget(self.panel)

        self.places: List[Place] = []
        self.query: Optional[SearchQuery] = None
        self.task: Optional[CoreTask] = None
        self.last_error: Optional[BaseException] = None
        self._highlights: List[QgsRubberBand] = []
        self.download_focus = None
        self._warned_scratch = False  # told once per project that the results are temporary

        self._fill_choices()
        self._make_reverse_tool()
        self._connect()
        self._set_running(False)

    # -- set-up -----------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        p = self.panel
        p.extentCombo.addItem(self.tr("Search everywhere"), "")
        p.extentCombo.addItem(self.tr("Prefer results in the map extent"), "prefer")
        p.extentCombo.addItem(self.tr("Only results in the map extent"), "bounded")
        p.featureTypeCombo.addItem(self.tr("Any"), "")
        labels = {
            "country": self.tr("Country"),
            "state": self.tr("State"),
            "city": self.tr("City"),
            "settlement": self.tr("Settlement"),
        }
        for value in FEATURE_TYPES:
            p.featureTypeCombo.addItem(labels.get(value, value), value)
        layer_labels = {
            "address": self.tr("Addresses"),
            "poi": self.tr("Points of interest"),
            "railway": self.tr("Railway"),
            "natural": self.tr("Natural features"),
            "manmade": self.tr("Man-made features"),
        }
        for value in LAYERS:
            p.layersCombo.addItemWithCheckState(
                layer_labels.get(value, value), Qt.CheckState.Unchecked, value
            )
        p.layersCombo.setDefaultText(self.tr("All"))
        p.languageEdit.setText(nominatim_service.default_language())
        header = p.resultsTree.header()
        header.setStretchLastSection(True)
        p.resultsTree.setColumnWidth(0, 130)
        p.resultsTree.setColumnWidth(1, 90)
        self._keep_room_for_results()

    def _keep_room_for_results(self) -> None:
        """The result list keeps :data:`MIN_VISIBLE_ROWS` rows; the query form above it (mode
        tabs, options) scrolls when it needs more room than is left, and the splitter between
        them lets the user give either more."""
        p = self.panel
        tree = p.resultsTree
        probe = QTreeWidgetItem(["Vaduz", "Town", "Liechtenstein"])
        tree.addTopLevelItem(probe)
        row = max(tree.sizeHintForRow(0), tree.fontMetrics().height() + 4)
        tree.takeTopLevelItem(0)
        frame = 2 * tree.frameWidth()
        tree.setMinimumHeight(MIN_VISIBLE_ROWS * row + tree.header().sizeHint().height() + frame)
        p.formScroll.setMinimumHeight(tree.fontMetrics().height() * 4)
        # folded or not: kept across sessions (saved when hidden, read when first shown)
        p.optionsGroup.setSettingGroup(self.OBJECT_NAME)
        self._fit_form_width()

    def _fit_form_width(self, *_args) -> None:
        """The form scrolls up and down only: never narrower than its widest row."""
        p = self.panel
        bar = p.formScroll.verticalScrollBar().sizeHint().width()
        p.formScroll.setMinimumWidth(p.formWidget.minimumSizeHint().width() + bar)
        p.splitter.setStretchFactor(0, 0)
        p.splitter.setStretchFactor(1, 1)

    def _make_reverse_tool(self) -> None:
        canvas = self.iface.mapCanvas()
        self.reverse_tool = ReverseGeocodeTool(canvas)
        self.reverse_action = QAction(self.tr("Identify place on map"), self)
        self.reverse_action.setToolTip(
            self.tr("Click the map to get the address and outline of the place there")
        )
        self.reverse_action.setIcon(icon("reverse"))
        self.reverse_action.setCheckable(True)
        self.reverse_tool.setAction(self.reverse_action)
        self.reverse_action.toggled.connect(self._toggle_reverse_tool)
        self.reverse_tool.positionPicked.connect(self.reverse_at)
        self.panel.reverseButton.setDefaultAction(self.reverse_action)

    def _connect(self) -> None:
        p = self.panel
        p.searchButton.clicked.connect(self.search)
        p.cancelButton.clicked.connect(self.cancel)
        p.moreButton.clicked.connect(self.more_results)
        p.addSelectedButton.clicked.connect(self.add_selected_to_map)
        p.addAllButton.clicked.connect(self.add_all_to_map)
        p.downloadButton.clicked.connect(self.download_selected)
        p.clearButton.clicked.connect(self.clear)
        p.saveButton.clicked.connect(lambda: self.save_results())
        project = QgsProject.instance()
        project.projectSaved.connect(self._warn_about_scratch_results)
        project.cleared.connect(self._forget_warning)
        p.resultsTree.installEventFilter(self)
        self.closed.connect(self.clear_highlight)
        p.resultsTree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        p.resultsTree.customContextMenuRequested.connect(self._results_menu)
        for edit in self._line_edits():
            edit.returnPressed.connect(self.search)
        p.resultsTree.itemSelectionChanged.connect(self._selection_changed)
        p.modeTabs.currentChanged.connect(self._fit_mode_tabs)
        self._fit_mode_tabs()
        p.modeTabs.currentChanged.connect(self._balance_splitter_later)
        p.optionsGroup.collapsedStateChanged.connect(self._balance_splitter_later)

    def eventFilter(self, watched, event) -> bool:
        """Esc in the result list clears the highlights (as the Clear button)."""
        if (
            watched is self.panel.resultsTree
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
            and self._highlights
        ):
            self.clear()
            return True
        return super().eventFilter(watched, event)

    def clear(self) -> None:
        """Take the highlights off the map and unselect the results (the list stays)."""
        tree = self.panel.resultsTree
        blocked = tree.blockSignals(True)
        tree.clearSelection()
        tree.setCurrentItem(None)
        tree.blockSignals(blocked)
        self.clear_highlight()
        self._set_running(self.task is not None)

    def _line_edits(self):
        p = self.panel
        return [p.queryEdit, p.countriesEdit, p.languageEdit] + [
            getattr(p, f"{name}Edit") for name in STRUCTURED_FIELDS
        ]

    def _fit_mode_tabs(self, *_args) -> None:
        """Size the mode tabs to the page shown, not to the largest page."""
        tabs = self.panel.modeTabs
        for index in range(tabs.count()):
            page = tabs.widget(index)
            policy = (
                QSizePolicy.Policy.Preferred
                if index == tabs.currentIndex()
                else QSizePolicy.Policy.Ignored
            )
            page.setSizePolicy(policy, policy)
            page.adjustSize()
        tabs.adjustSize()
        tabs.updateGeometry()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._balance_splitter()

    def _balance_splitter_later(self, *_args) -> None:
        QTimer.singleShot(0, self._balance_splitter)  # once the form has its new size

    def _balance_splitter(self, *_args) -> None:
        """The form gets the room it needs as far as the result list keeps its rows; the list
        gets the rest (and any room the dock gains later)."""
        self._fit_form_width()
        p = self.panel
        total = sum(p.splitter.sizes())
        if total <= 0:
            return
        form = p.formWidget.sizeHint().height() + p.formScroll.frameWidth() * 2
        fixed = p.queryPane.sizeHint().height() - p.formScroll.sizeHint().height()
        wanted = form + max(0, fixed)
        top = max(
            p.queryPane.minimumSizeHint().height(),
            min(wanted, total - p.resultsTree.minimumHeight()),
        )
        p.splitter.setSizes([top, total - top])

    def _toggle_reverse_tool(self, checked: bool) -> None:
        canvas = self.iface.mapCanvas()
        if checked:
            canvas.setMapTool(self.reverse_tool)
        elif canvas.mapTool() is self.reverse_tool:
            canvas.unsetMapTool(self.reverse_tool)

    def shutdown(self) -> None:
        """Cancel the running request and take the highlight and the map tool off the canvas."""
        self.cancel()
        self.task = None
        self.clear_highlight()
        canvas = self.iface.mapCanvas()
        if canvas.mapTool() is self.reverse_tool:
            canvas.unsetMapTool(self.reverse_tool)
        project = QgsProject.instance()
        for signal, slot in (
            (project.projectSaved, self._warn_about_scratch_results),
            (project.cleared, self._forget_warning),
        ):
            with contextlib.suppress(TypeError, RuntimeError):  # disconnected already
                signal.disconnect(slot)

    # -- the query from the form -------------------------------------------------------------------
    def build_query(self) -> SearchQuery:
        """The query the form describes (raises ValidationError for bad input)."""
        p = self.panel
        values = {}
        if p.modeTabs.currentWidget() is p.structuredTab:
            for name in STRUCTURED_FIELDS:
                values[name] = getattr(p, f"{name}Edit").text()
        else:
            values["q"] = p.queryEdit.text()
        extent_mode = p.extentCombo.currentData()
        outlines = p.outlinesCheck.isChecked()
        query = SearchQuery(
            **values,
            limit=p.limitSpin.value(),
            countrycodes=p.countriesEdit.text(),
            feature_type=p.featureTypeCombo.currentData() or None,
            layer=tuple(p.layersCombo.checkedItemsData()),
            accept_language=p.languageEdit.text(),
            addressdetails=p.addressCheck.isChecked(),
            extratags=p.extratagsCheck.isChecked(),
            namedetails=p.namedetailsCheck.isChecked(),
            polygon_geojson=outlines,
            viewbox=self._canvas_viewbox() if extent_mode else None,
            bounded=extent_mode == "bounded",
        )
        query.validate()
        return query

    def _canvas_viewbox(self) -> Viewbox:
        canvas = self.iface.mapCanvas()
        transform = QgsCoordinateTransform(
            canvas.mapSettings().destinationCrs(),
            QgsCoordinateReferenceSystem(WGS84),
            QgsProject.instance(),
        )
        box = transform.transformBoundingBox(canvas.extent())
        return Viewbox.from_corners(
            max(-180.0, box.xMinimum()),
            max(-90.0, box.yMinimum()),
            min(180.0, box.xMaximum()),
            min(90.0, box.yMaximum()),
        )

    # -- actions -----------------------------------------------------------------------------------
    def search(self) -> Optional[CoreTask]:
        """Start a new search from the form; ``None`` when the input is invalid or one runs."""
        try:
            query = self.build_query()
        except ValidationError as exc:
            self._show_error(exc)
            return None
        return self._run_search(query, append=False)

    def search_text(self, text: str, outlines: bool = False) -> Optional[CoreTask]:
        """Free-form search for ``text`` as if typed in and confirmed (for scripts and demos)."""
        p = self.panel
        p.modeTabs.setCurrentWidget(p.freeFormTab)
        p.queryEdit.setText(text)
        p.outlinesCheck.setChecked(outlines)
        return self.search()

    def more_results(self) -> Optional[CoreTask]:
        """Next page of the current search: the same query excluding the places shown."""
        if self.query is None:
            return None
        return self._run_search(self.query.next_page(self.places), append=True)

    def reverse_at(self, lat: float, lon: float, zoom: Optional[int] = None) -> Optional[CoreTask]:
        """Look up the place at a WGS 84 position (with its outline) and show it as the result."""
        p = self.panel
        try:
            query = ReverseQuery(
                lat=lat,
                lon=lon,
                zoom=zoom,
                accept_language=p.languageEdit.text(),
                extratags=p.extratagsCheck.isChecked(),
                namedetails=p.namedetailsCheck.isChecked(),
                polygon_geojson=True,
            )
            query.validate()
        except ValidationError as exc:
            self._show_error(exc)
            return None

        if self.task is None:
            self.clear_highlight()

        def work(task):
            place = nominatim_service.client().reverse(query, cancel=task.isCanceled)
            return [place] if place else []

        status = self.tr("Looking up the place at {lat:.5f}, {lon:.5f}…").format(lat=lat, lon=lon)
        return self._start(status, work, lambda places: self._show_reverse(places, lat, lon))

    def cancel(self) -> None:
        """Stop the running request; the dock is ready again at once, a late answer is dropped."""
        task, self.task = self.task, None
        if task is None:
            return
        task.cancel()
        self._set_running(False)
        self._set_status(self.tr("Search cancelled."))
        self.searchFinished.emit()

    def download_selected(self) -> bool:
        """Ask for the download of the selected place's area (its bounding box)."""
        places = self.selected_places()
        if len(places) != 1:
            return False
        place = places[0]
        # the element found, selected in the layers once they are there
        self.download_focus = (place.osm_type, place.osm_id) if place.osm_id else None
        self.downloadRequested.emit(place.download_box(), _title(place))
        return True

    def _results_menu(self, position) -> None:
        from qgis.PyQt.QtWidgets import QMenu

        if not self.selected_places():
            return
        menu = QMenu(self.panel.resultsTree)
        download = menu.addAction(self.tr("Download area…"))
        download.setEnabled(len(self.selected_places()) == 1)
        download.triggered.connect(self.download_selected)
        menu.addAction(self.tr("Add selected")).triggered.connect(self.add_selected_to_map)
        menu.addSeparator()
        save = menu.addAction(self.tr("Save results to GeoPackage…"))
        save.setEnabled(bool(nominatim_layers.scratch_result_layers()))
        save.triggered.connect(lambda: self.save_results())
        menu.exec(self.panel.resultsTree.viewport().mapToGlobal(position))

    def save_results(self, path: Optional[str] = None) -> dict:
        """ "Save results…": the temporary result layers into a GeoPackage (asked for when
        ``path`` is not given), replaced in the project by the saved ones; ``{role: layer}``."""
        from qgis.PyQt.QtWidgets import QFileDialog

        from ..plugin.adapters import download_service, settings

        project = QgsProject.instance()
        if not nominatim_layers.scratch_result_layers(project):
            self._set_status(self.tr("No temporary result layers to save: add results first."))
            return {}
        if path is None:
            folder = download_service.default_folder(project, settings.load().download_folder)
            start = os.path.join(folder, "nominatim_results.gpkg") if folder else ""
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the results as"), start, self.tr("GeoPackage (*.gpkg)")
            )
            if not path:
                return {}
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        try:
            saved = nominatim_layers.save_results(path, project)
        except nominatim_layers.SaveError as exc:
            text = self.tr("The results could not be saved: {reason}").format(reason=exc)
            self.panel.statusLabel.setStyleSheet("color: #b00020;")
            self.panel.statusLabel.setText(text)
            self.iface.messageBar().pushMessage(
                self.tr("Nominatim"), text, level=Qgis.MessageLevel.Critical
            )
            return {}
        message = self.tr("Results saved to {path}; they stay with the project.").format(path=path)
        self._set_status(message)
        self.iface.messageBar().pushMessage(
            self.tr("Nominatim"), message, level=Qgis.MessageLevel.Success, duration=6
        )
        return saved

    def _warn_about_scratch_results(self) -> None:
        """Once per project: saved with temporary result layers, which it will not keep."""
        if self._warned_scratch or not nominatim_layers.scratch_result_layers():
            return
        self._warned_scratch = True
        from qgis.PyQt.QtWidgets import QPushButton

        bar = self.iface.messageBar()
        item = bar.createMessage(
            self.tr("Nominatim"),
            self.tr(
                "The search results on the map are temporary layers: the project does not keep "
                "them. Save them to a GeoPackage to keep them."
            ),
        )
        button = QPushButton(self.tr("Save results…"), item)
        button.setObjectName("OsmRoundtripSaveResults")
        button.clicked.connect(lambda: self.save_results() and bar.popWidget(item))
        item.layout().addWidget(button)
        bar.pushWidget(item, Qgis.MessageLevel.Warning, 0)

    def _forget_warning(self) -> None:
        self._warned_scratch = False

    def add_all_to_map(self) -> dict:
        return self._add_to_map(self.places)

    def add_selected_to_map(self) -> dict:
        return self._add_to_map(self.selected_places())

    def selected_places(self) -> List[Place]:
        items = self.panel.resultsTree.selectedItems()
        return [self.places[item.data(0, PLACE_ROLE)] for item in items]

    # -- running requests --------------------------------------------------------------------------
    def _run_search(self, query: SearchQuery, append: bool) -> Optional[CoreTask]:
        if not append and self.task is None:
            self.clear_highlight()  # the last search's highlight is not this one's answer

        def work(task):
            return nominatim_service.client().search(query, cancel=task.isCanceled)

        def show(places):
            self._show_search(query, places, append)

        text = query.q or ", ".join(query.structured.values())
        status = self.tr("Searching for “{text}”…").format(text=text)
        return self._start(status, work, show)

    def _start(self, status: str, work, show: Callable) -> Optional[CoreTask]:
        if self.task is not None:
            return None  # one request at a time; Cancel stops the running one
        self.last_error = None
        task = None

        def done(result, error):
            if task is not self.task:
                return  # the dock was shut down meanwhile
            self.task = None
            self._set_running(False)
            if error is not None:
                self._show_error(error)
            else:
                show(result)
            self.searchFinished.emit()

        task = CoreTask(self.tr("Nominatim request"), work, done)
        self.task = task
        self._set_running(True)
        self._set_status(status)
        QgsApplication.taskManager().addTask(task)
        return task

    def _set_running(self, running: bool) -> None:
        p = self.panel
        p.searchButton.setEnabled(not running)
        p.cancelButton.setEnabled(running)
        p.busyBar.setVisible(running)
        has_places = bool(self.places) and not running
        p.addAllButton.setEnabled(has_places)
        p.addSelectedButton.setEnabled(has_places and bool(p.resultsTree.selectedItems()))
        p.downloadButton.setEnabled(has_places and len(p.resultsTree.selectedItems()) == 1)
        p.moreButton.setEnabled(not running and self._may_have_more())

    def _may_have_more(self) -> bool:
        return (
            self.query is not None
            and self.query.limit is not None
            and getattr(self, "_last_page_size", 0) >= self.query.limit
        )

    # -- showing results ---------------------------------------------------------------------------
    def _show_search(self, query: SearchQuery, places: List[Place], append: bool) -> None:
        if not append:
            self.places = []
            self.panel.resultsTree.clear()
            self.clear_highlight()
        known = {p.place_id for p in self.places}
        new = [p for p in places if p.place_id is None or p.place_id not in known]
        self.query = query
        self._last_page_size = len(places)
        self._append_rows(new)
        total = len(self.places)
        if not total:
            self._set_status(self.tr("No results. Check the spelling or relax the options."))
        elif append and not new:
            self._set_status(self.tr("No further results."))
        else:
            self._set_status(self.tr("%n results", "", total))
        self._set_running(False)
        if new and not append:  # the best match is shown at once; the map moves only when
            tree = self.panel.resultsTree  # it is not in view already
            blocked = tree.blockSignals(True)
            tree.setCurrentItem(tree.topLevelItem(0))
            tree.blockSignals(blocked)
            self._set_running(False)
            self.highlight([new[0]], zoom=not self._in_view(new[0]))

    def _show_reverse(self, places: List[Place], lat: float, lon: float) -> None:
        self.places = []
        self.query = None
        self._last_page_size = 0
        self.panel.resultsTree.clear()
        self.clear_highlight()
        if not places:
            self._set_status(
                self.tr("Nothing found at {lat:.5f}, {lon:.5f}.").format(lat=lat, lon=lon)
            )
        else:
            self._append_rows(places)
            self._set_status(places[0].display_name)
            self.highlight(places, zoom=False)  # the user is looking there already
        self._set_running(False)

    def _append_rows(self, places: List[Place]) -> None:
        tree = self.panel.resultsTree
        for place in places:
            item = QTreeWidgetItem([_title(place), _kind(place), _address(place)])
            item.setData(0, PLACE_ROLE, len(self.places))
            item.setToolTip(0, place.display_name)
            item.setToolTip(2, place.display_name)
            item.setToolTip(1, "{}={}".format(place.category or "", place.type or ""))
            self.places.append(place)
            tree.addTopLevelItem(item)

    def _selection_changed(self) -> None:
        self._set_running(self.task is not None)
        places = self.selected_places()
        if places:
            self.highlight(places)

    def _add_to_map(self, places: List[Place]) -> dict:
        if not places:
            return {}
        counts = nominatim_layers.ResultLayers(QgsProject.instance()).add(places)
        message = self.tr("Added to the map: points {points}, outlines {outlines}.").format(
            points=counts[nominatim_layers.POINTS],
            outlines=counts[nominatim_layers.POLYGONS] + counts[nominatim_layers.LINES],
        )
        self._set_status(message)
        self.iface.messageBar().pushMessage(
            self.tr("Nominatim"), message, level=Qgis.MessageLevel.Success, duration=4
        )
        return counts

    def _set_status(self, text: str) -> None:
        self.panel.statusLabel.setStyleSheet("")
        self.panel.statusLabel.setText(text)

    def _show_error(self, error: BaseException) -> None:
        self.last_error = error
        if isinstance(error, Cancelled):
            self._set_status(self.tr("Search cancelled."))
            return
        text = error_text(error)
        if not isinstance(error, ValidationError):  # the search ran and failed: its old
            self.places = []  # results would pass for its answer
            self.panel.resultsTree.clear()
            self.clear_highlight()
            self._set_running(False)
        self.panel.statusLabel.setStyleSheet("color: #b00020;")
        self.panel.statusLabel.setText(text)
        if not isinstance(error, ValidationError):
            self.iface.messageBar().pushMessage(
                self.tr("Nominatim search failed"), text, level=Qgis.MessageLevel.Warning
            )

    # -- highlight ---------------------------------------------------------------------------------
    def highlight(self, places: List[Place], zoom: bool = True) -> None:
        """Show ``places`` (outline or point) on the canvas and zoom to them."""
        canvas = self.iface.mapCanvas()
        wgs84 = QgsCoordinateReferenceSystem(WGS84)
        self.clear_highlight()
        for place in places:
            geometry = (
                nominatim_layers.outline_geometry(place)
                if nominatim_layers.outline_kind(place)
                else nominatim_layers.point_geometry(place)
            )
            band = QgsRubberBand(canvas, geometry.type())
            band.setColor(HIGHLIGHT)
            band.setFillColor(QColor(HIGHLIGHT.red(), HIGHLIGHT.green(), HIGHLIGHT.blue(), 50))
            band.setWidth(3)
            band.setIcon(QgsRubberBand.IconType.ICON_CIRCLE)
            band.setIconSize(14)
            band.setToGeometry(geometry, wgs84)
            self._highlights.append(band)
        if zoom:
            self._zoom_to(places)

    def _zoom_to(self, places: List[Place]) -> None:
        canvas = self.iface.mapCanvas()
        wgs84 = QgsCoordinateReferenceSystem(WGS84)
        extent = QgsRectangle()
        for place in places:
            box = place.boundingbox
            rect = (
                QgsRectangle(*box.xy)
                if box
                else QgsRectangle(place.lon, place.lat, place.lon, place.lat)
            )
            if extent.isNull():
                extent = rect
            else:
                extent.combineExtentWith(rect)
        transform = QgsCoordinateTransform(
            wgs84, canvas.mapSettings().destinationCrs(), QgsProject.instance()
        )
        target = transform.transformBoundingBox(extent)
        if target.width() == 0 or target.height() == 0:
            target.grow(200 if not canvas.mapSettings().destinationCrs().isGeographic() else 0.002)
        else:
            target.scale(1.15)
        canvas.setExtent(target)
        canvas.refresh()

    def _in_view(self, place: Place) -> bool:
        canvas = self.iface.mapCanvas()
        transform = QgsCoordinateTransform(
            QgsCoordinateReferenceSystem(WGS84),
            canvas.mapSettings().destinationCrs(),
            QgsProject.instance(),
        )
        try:
            point = transform.transform(QgsPointXY(place.lon, place.lat))
        except Exception:  # outside the canvas CRS's area
            return False
        return canvas.extent().contains(point)

    def clear_highlight(self) -> None:
        scene = self.iface.mapCanvas().scene()
        for band in self._highlights:
            scene.removeItem(band)
        self._highlights = []

    @property
    def highlight_geometries(self) -> List[QgsGeometry]:
        """The highlighted geometries, in the canvas CRS."""
        return [band.asGeometry() for band in self._highlights]


def _title(place: Place) -> str:
    if place.name:
        return place.name
    road, number = place.address.get("road"), place.address.get("house_number")
    if road and number:
        return f"{road} {number}"
    return place.display_name.split(",")[0].strip()


def _kind(place: Place) -> str:
    value = place.type or ""
    if place.category in ("boundary", "place") and place.addresstype:
        value = place.addresstype
    elif value == "yes":  # building=yes, shop=yes, …: the key says more
        value = place.category or value
    return value.replace("_", " ").capitalize()


def _address(place: Place) -> str:
    """The display name without the parts the Name column already shows."""
    parts = [part.strip() for part in place.display_name.split(",")]
    shown = set(_title(place).split(" ")) | {_title(place)}
    while parts and parts[0] in shown:
        parts = parts[1:]
    return ", ".join(parts)
