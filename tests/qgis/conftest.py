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
