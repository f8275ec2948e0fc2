"""Fixtures shared by the tests that run Processing algorithms in QGIS."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication


@pytest.fixture(scope="module")
def provider(qgis_app, qgis_processing):
    """The ``osmroundtrip`` provider, registered for the module (unless it already is)."""
    from osm_roundtrip.plugin.adapters.processing.provider import OsmRoundtripProvider

    registry = QgsApplication.processingRegistry()
    added = None
    if registry.providerById("osmroundtrip") is None:
        added = OsmRoundtripProvider()
        registry.addProvider(added)
    yield registry.providerById("osmroundtrip")
    if added is not None:
        registry.removeProvider(added)


@pytest.fixture
def wait_for_map(qgis_iface):
    """``wait_for_map()``: let the map canvas draw what was just added to the project, as a user
    sees it before editing. Starting to edit a download while the map draws it can lose QGIS' first
    reads after the start (see ``osm_layers.start_editing``); tests that edit right after loading
    a download wait first."""
    import time

    from qgis.PyQt.QtCore import QCoreApplication

    canvas = qgis_iface.mapCanvas()

    def wait(start_within: float = 0.2) -> None:
        deadline = time.monotonic() + start_within
        while not canvas.isDrawing() and time.monotonic() < deadline:
            QCoreApplication.processEvents()
        canvas.waitWhileRendering()

    return wait


@pytest.fixture
def project(qgis_new_project, qgis_iface):
    """A new project with an empty message bar; afterwards edits are rolled back and every layer
    and group is removed."""
    from qgis.core import QgsProject

    qgis_iface.messageBar().clear_messages()
    yield QgsProject.instance()
    for layer in QgsProject.instance().mapLayers().values():
        if layer.isEditable():
            layer.rollBack()
    QgsProject.instance().removeAllMapLayers()
    QgsProject.instance().layerTreeRoot().removeAllChildren()
