"""Every action of the plugin has an icon of its own, drawn for it (no shared or borrowed ones)."""

from __future__ import annotations

import pytest
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice

from .test_plugin_lifecycle import RecordingIface


def _pixels(icon) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    icon.pixmap(24, 24).toImage().save(buffer, "PNG")
    return bytes(data)


@pytest.fixture
def plugin(qgis_iface, qgis_processing):
    from osm_roundtrip import classFactory

    plugin = classFactory(RecordingIface(qgis_iface))
    plugin.initGui()
    yield plugin
    plugin.unload()


def test_each_action_has_its_own_drawn_icon(plugin):
    from osm_roundtrip.plugin.adapters.icons import ICONS, NAMES
    from osm_roundtrip.plugin.adapters.processing.provider import ICON

    by_name = {
        "search": plugin.dock.toggleViewAction(),
        "reverse": plugin.dock.reverse_action,
    }
    for action in plugin.actions:
        by_name.setdefault(
            {
                "OsmRoundtripDownload": "download",
                "OsmRoundtripOpenOsmFile": "open_osm",
                "OsmRoundtripUpload": "upload",
                "OsmRoundtripUpdate": "update",
            }.get(action.objectName(), action.objectName()),
            action,
        )
    pixels = {}
    for name in NAMES:
        assert (ICONS / f"{name}.svg").exists()
        icon = by_name[name].icon()
        assert not icon.isNull(), name
        pixels[name] = _pixels(icon)
        assert pixels[name] == _pixels(type(icon)(str(ICONS / f"{name}.svg"))), name
    assert len(set(pixels.values())) == len(NAMES)  # no two the same
    assert _pixels(type(icon)(str(ICON))) not in pixels.values()  # not the plugin's logo
    assert plugin.dock.panel.reverseButton.icon().cacheKey() == by_name["reverse"].icon().cacheKey()


def test_the_icons_are_small_flat_svgs():
    from lxml import etree

    from osm_roundtrip.plugin.adapters.icons import ICONS, NAMES

    for name in NAMES:
        root = etree.parse(str(ICONS / f"{name}.svg")).getroot()
        assert (root.get("width"), root.get("height"), root.get("viewBox")) == (
            "24",
            "24",
            "0 0 24 24",
        ), name
        assert not root.findall(".//{http://www.w3.org/2000/svg}image"), name  # drawn, no bitmap
