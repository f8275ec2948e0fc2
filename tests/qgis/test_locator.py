"""The locator entry (Ctrl+K, prefix ``osm``): places from the local Nominatim as the user types;
with the public server one "search on Enter" entry and no request, as its policy asks."""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsFeedback, QgsLocatorContext, QgsSettings

from osm_roundtrip.plugin.adapters import compat


def settings(values):
    store = QgsSettings()
    old = {key: store.value(key) for key in values}
    for key, value in values.items():
        store.setValue(key, value)
    return old


def restore(old):
    store = QgsSettings()
    for key, value in old.items():
        if value is None:
            store.remove(key)
        else:
            store.setValue(key, value)


def fetch(locator_filter, text):
    results = []
    locator_filter.resultFetched.connect(results.append)
    locator_filter.fetchResults(text, QgsLocatorContext(), QgsFeedback())
    return results


@pytest.fixture
def calls():
    from osm_roundtrip.ui.locator import OsmLocatorFilter

    searched, zoomed = [], []
    return OsmLocatorFilter(searched.append, zoomed.append), searched, zoomed


def test_with_an_own_server_places_are_listed_and_shown(qgis_app, nominatim_server, calls):
    locator_filter, searched, zoomed = calls
    old = settings(
        {"osm_roundtrip/nominatim_url": nominatim_server.url, "osm_roundtrip/nominatim_interval": 0}
    )
    try:
        results = fetch(locator_filter, "Vaduz")
    finally:
        restore(old)
    assert results, "no place found"
    assert "Vaduz" in results[0].displayString
    assert fetch(locator_filter, "Va") == []  # too short to ask
    locator_filter.triggerResult(results[0])
    assert searched == []
    (box,) = zoomed
    assert len(box) == 4 and box[0] < 9.52 < box[2] and box[1] < 47.14 < box[3]


def test_with_the_public_server_nothing_is_asked_before_enter(qgis_app, calls, monkeypatch):
    from osm_roundtrip.plugin.adapters.settings import PUBLIC_NOMINATIM
    from osm_roundtrip.plugin.core.nominatim.client import NominatimClient

    def no_request(*args, **kwargs):
        raise AssertionError("the public server was asked while typing")

    monkeypatch.setattr(NominatimClient, "search", no_request)
    locator_filter, searched, zoomed = calls
    old = settings({"osm_roundtrip/nominatim_url": PUBLIC_NOMINATIM})
    try:
        results = fetch(locator_filter, "Vaduz Städtle")
    finally:
        restore(old)
    (entry,) = results
    assert "Vaduz Städtle" in entry.displayString and "Enter" in entry.displayString
    assert json.loads(compat.locator_data(entry)) == ["search", "Vaduz Städtle"]
    locator_filter.triggerResult(entry)
    assert searched == ["Vaduz Städtle"] and zoomed == []
