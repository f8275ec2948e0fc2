"""The search dock."""

from __future__ import annotations

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtWidgets import QWidget

from . import load_ui

FORM = load_ui("search_dock")


class SearchPanel(QWidget, FORM):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setupUi(self)


class SearchDock(QgsDockWidget):
    OBJECT_NAME = "OsmRoundtripSearchDock"

    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.setObjectName(self.OBJECT_NAME)
        self.setWindowTitle(self.tr("OSM Roundtrip search"))
        self.panel = SearchPanel(self)
        self.setWidget(self.panel)
