"""The plugin object: wires actions, the dock, the options page and the Processing provider.

``initGui()`` and ``unload()`` mirror each other: everything added is removed again.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, Qt

from .adapters import i18n, log, tasks
from .adapters.compat import QAction
from .adapters.icons import icon
from .adapters.processing.provider import OsmRoundtripProvider
from .adapters.topology import TopologyGuard

MENU = "&OSM Roundtrip"


class OsmRoundtripPlugin:
    def __init__(self, iface) -> None:
        self.iface = iface
        # Before anything calls tr(): strings created from here on are translated.
        self.translator = i18n.install_translator()
        self.provider: OsmRoundtripProvider | None = None
        self.log_handler = None
        self.toolbar = None
        self.dock = None
        self.locator = None
        self.options_factory = None
        self.uploader = None
        self.topology = None
        self.tag_dock = None
        self.tag_form = None
        self.actions: list[QAction] = []

    @staticmethod
    def tr(text: str) -> str:
        return QCoreApplication.translate("OsmRoundtripPlugin", text)

    # -- Processing (also called alone by qgis_process) ---------------------------------------
    def initProcessing(self) -> None:
        if self.provider is None:
            self.provider = OsmRoundtripProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    # -- GUI ------------------------------------------------------------------------------------
    def initGui(self) -> None:
        from ..ui.search_dock import SearchDock
        from ..ui.settings_page import SettingsPageFactory

        self.log_handler = log.install()
        self.initProcessing()

        self.toolbar = self.iface.addToolBar(self.tr("OSM Roundtrip"))
        self.toolbar.setObjectName("OsmRoundtripToolbar")

        self.dock = SearchDock(self.iface)
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        search = self.dock.toggleViewAction()
        search.setIcon(icon("search"))
        search.setText(self.tr("Search OpenStreetMap (Nominatim)"))
        self._add_action(search)
        self._add_action(self.dock.reverse_action)

        from ..ui.locator import OsmLocatorFilter, zoom_to

        self.locator = OsmLocatorFilter(
            self._search_in_dock, lambda box: zoom_to(self.iface.mapCanvas(), box)
        )
        self.iface.registerLocatorFilter(self.locator)

        from ..ui.download_dialog import open_osm_file, show_download_dialog

        download = QAction(icon("download"), self.tr("Download OSM data…"), self.iface.mainWindow())
        download.setObjectName("OsmRoundtripDownload")
        download.triggered.connect(lambda: show_download_dialog(self.iface))
        self.dock.downloadRequested.connect(
            lambda box, name: show_download_dialog(
                self.iface, box, name, focus=self.dock.download_focus
            )
        )
        self._add_action(download)
        open_osm = QAction(
            icon("open_osm"),
            self.tr("Open .osm file…"),
            self.iface.mainWindow(),
        )
        open_osm.setObjectName("OsmRoundtripOpenOsmFile")
        open_osm.triggered.connect(lambda: open_osm_file(self.iface))
        self._add_action(open_osm, toolbar=False)

        from ..ui.upload_action import UploadAction

        self.uploader = UploadAction(self.iface)
        upload = QAction(
            icon("upload"),
            self.tr("Upload changes…"),
            self.iface.mainWindow(),
        )
        upload.setObjectName("OsmRoundtripUpload")
        upload.triggered.connect(self.uploader.upload)
        self._add_action(upload)
        update = QAction(
            icon("update"),
            self.tr("Update data"),
            self.iface.mainWindow(),
        )
        update.setObjectName("OsmRoundtripUpdate")
        update.setToolTip(
            self.tr(
                "Download the areas of the active download again: other mappers' changes come "
                "in, your edits stay"
            )
        )
        update.triggered.connect(self.uploader.update_data)
        self._add_action(update, toolbar=False)
        save_osc = QAction(
            QgsApplication.getThemeIcon("/mActionFileSaveAs.svg"),
            self.tr("Save changes as .osc…"),
            self.iface.mainWindow(),
        )
        save_osc.setObjectName("OsmRoundtripSaveOsc")
        save_osc.triggered.connect(lambda: self.uploader.save_osc())
        self._add_action(save_osc, toolbar=False)

        settings = QAction(self.tr("Settings…"), self.iface.mainWindow())
        settings.triggered.connect(self.show_settings)
        self._add_action(settings, toolbar=False)

        self.options_factory = SettingsPageFactory()
        self.iface.registerOptionsWidgetFactory(self.options_factory)

        self.topology = TopologyGuard(QgsProject.instance(), notify=self._tell)
        self._init_tag_editor()

    def _init_tag_editor(self) -> None:
        """The "OSM tags" dock (toggled from the menu and toolbar) and the tag editor form of
        the OSM layers."""
        from ..ui.tag_editor import TagDock
        from ..ui.tag_editor_form import TagFormHook

        self.tag_dock = TagDock(self.iface)
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.tag_dock)
        self.tag_dock.hide()
        tags = self.tag_dock.toggleViewAction()
        tags.setIcon(QgsApplication.getThemeIcon("/mActionOpenTable.svg"))
        tags.setText(self.tr("OSM tags"))
        tags.setObjectName("OsmRoundtripTags")
        self._add_action(tags)
        self.tag_form = TagFormHook(QgsProject.instance())
        self.tag_form.start()

    def _unload_tag_editor(self) -> None:
        if self.tag_form is not None:
            self.tag_form.stop()
            self.tag_form = None
        if self.tag_dock is not None:
            self.tag_dock.shutdown()
            self.iface.removeDockWidget(self.tag_dock)
            self.tag_dock.deleteLater()
            self.tag_dock = None

    def unload(self) -> None:
        tasks.cancel_running()  # requests in flight stop now, not when their server gives up
        if self.locator is not None:
            self.iface.deregisterLocatorFilter(self.locator)
            self.locator = None
        if self.topology is not None:
            self.topology.stop()
            self.topology = None
        self._unload_tag_editor()

        if self.options_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None

        if self.uploader is not None:
            self.uploader.unload()  # the review dock goes with the plugin
            self.uploader = None
        if self.dock is not None:
            self.dock.shutdown()

        for action in self.actions:
            self.iface.removePluginWebMenu(MENU, action)
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
        self.actions = []

        if self.dock is not None:
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None

        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None

        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None

        if self.log_handler is not None:
            log.uninstall(self.log_handler)
            self.log_handler = None

        i18n.remove_translator(self.translator)
        self.translator = None

    # -- helpers --------------------------------------------------------------------------------
    def _add_action(self, action: QAction, toolbar: bool = True) -> QAction:
        self.iface.addPluginToWebMenu(MENU, action)
        if toolbar:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def _tell(self, text: str) -> None:
        self.iface.messageBar().pushMessage(
            self.tr("OSM Roundtrip"), text, Qgis.MessageLevel.Info, 10
        )

    def _search_in_dock(self, text: str) -> None:
        """The locator's "search on Enter": the dock shows and runs the search."""
        if self.dock is None:
            return
        self.dock.show()
        self.dock.raise_()
        self.dock.search_text(text)

    def show_settings(self) -> None:
        self.iface.showOptionsDialog(self.iface.mainWindow(), "OSM Roundtrip")
