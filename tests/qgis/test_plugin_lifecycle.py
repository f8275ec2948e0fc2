"""initGui() adds the plugin's pieces and unload() removes every one of them."""

from __future__ import annotations

import logging

import pytest
from pytest_qgis.qgis_interface import QgisInterface
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QEvent
from qgis.PyQt.QtWidgets import QApplication, QDockWidget, QToolBar


class RecordingIface(QgisInterface):
    """pytest-qgis' interface, plus the calls it only stubs, recorded so they can be checked."""

    def __init__(self, base: QgisInterface) -> None:
        super().__init__(base.canvas, base._messageBar, base._mainWindow)
        self.web_menu: list = []
        self.options_factories: list = []
        self.locator_filters: list = []

    def addDockWidget(self, area, dock):
        self._mainWindow.addDockWidget(area, dock)

    def removeDockWidget(self, dock):
        self._mainWindow.removeDockWidget(dock)

    def addPluginToWebMenu(self, menu, action):
        self.web_menu.append((menu, action))

    def removePluginWebMenu(self, menu, action):
        self.web_menu.remove((menu, action))

    def registerOptionsWidgetFactory(self, factory):
        self.options_factories.append(factory)

    def unregisterOptionsWidgetFactory(self, factory):
        self.options_factories.remove(factory)

    def registerLocatorFilter(self, locator_filter):
        self.locator_filters.append(locator_filter)

    def deregisterLocatorFilter(self, locator_filter):
        self.locator_filters.remove(locator_filter)


def provider_ids() -> set[str]:
    return {p.id() for p in QgsApplication.processingRegistry().providers()}


def docks(window) -> list[str]:
    return [d.objectName() for d in window.findChildren(QDockWidget) if d.parent() is window]


def toolbars(window) -> list[str]:
    return [t.objectName() for t in window.findChildren(QToolBar)]


@pytest.fixture
def iface(qgis_iface):
    return RecordingIface(qgis_iface)


def test_initgui_then_unload_leaves_nothing_behind(iface, qgis_processing):
    from osm_roundtrip import classFactory

    window = iface.mainWindow()
    handlers_before = list(logging.getLogger("osm_roundtrip").handlers)
    providers_before = provider_ids()
    docks_before, toolbars_before = docks(window), toolbars(window)

    plugin = classFactory(iface)
    plugin.initGui()

    assert "osmroundtrip" in provider_ids() - providers_before
    assert "OsmRoundtripSearchDock" in docks(window)
    assert "OsmRoundtripToolbar" in toolbars(window)
    assert len(iface.options_factories) == 1
    assert [f.prefix() for f in iface.locator_filters] == ["osm"]
    assert len(iface.web_menu) == len(plugin.actions) >= 2
    assert len(logging.getLogger("osm_roundtrip").handlers) == len(handlers_before) + 1

    plugin.unload()
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)  # run deleteLater()

    assert provider_ids() == providers_before
    assert docks(window) == docks_before
    assert toolbars(window) == toolbars_before
    assert iface.options_factories == []
    assert iface.locator_filters == []
    assert iface.web_menu == []
    assert logging.getLogger("osm_roundtrip").handlers == handlers_before


def test_processing_only_start_registers_provider_once(qgis_processing):
    """qgis_process calls initProcessing() without initGui(); calling both must not duplicate."""
    from osm_roundtrip.plugin.main import OsmRoundtripPlugin

    plugin = OsmRoundtripPlugin(iface=None)
    plugin.initProcessing()
    plugin.initProcessing()
    ids = [p.id() for p in QgsApplication.processingRegistry().providers()]
    assert ids.count("osmroundtrip") == 1
    QgsApplication.processingRegistry().removeProvider(plugin.provider)


def test_unload_cancels_a_download_in_flight(iface, qgis_processing, qtbot, tmp_path):
    """Unloading (also what QGIS does when it quits) stops the plugin's requests at once."""
    import http.server
    import threading
    import time

    from osm_roundtrip import classFactory
    from osm_roundtrip.plugin.adapters import download_service
    from osm_roundtrip.plugin.core.errors import Cancelled

    asked = threading.Event()

    class Silent(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # capabilities and map alike: no answer for 20 s
            asked.set()
            ends = time.monotonic() + 20
            while time.monotonic() < ends and not server.closing:
                time.sleep(0.05)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Silent)
    server.daemon_threads, server.closing = True, False
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        plugin = classFactory(iface)
        plugin.initGui()
        calls = []
        download_service.start_download(
            iface,
            (9.515, 47.135, 9.535, 47.145),
            f"http://127.0.0.1:{server.server_address[1]}/api/0.6",
            tmp_path / "held.gpkg",
            lambda *args: calls.append(args),
        )
        assert asked.wait(15)
        started = time.monotonic()
        plugin.unload()
        qtbot.waitUntil(lambda: bool(calls), timeout=5_000)
        assert time.monotonic() - started < 1.0
        assert isinstance(calls[0][1], Cancelled)
    finally:
        server.closing = True
        server.shutdown()
        server.server_close()
        thread.join(5)
