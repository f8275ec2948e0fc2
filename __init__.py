"""OSM Roundtrip: QGIS plugin entry point.

Kept import-free so that loading the package costs nothing; QGIS calls :func:`classFactory`.
"""


def classFactory(iface):  # the name QGIS calls
    from .plugin.main import OsmRoundtripPlugin

    return OsmRoundtripPlugin(iface)
