"""OSM Roundtrip: QGIS plugin entry point.

Kept import-free so that loading the package costs nothing; QGIS calls :func:`classFactory`.
"""


def classFactory(iface):  # noqa: N802 - name required by QGIS
    from .plugin.main import OsmRoundtripPlugin

    return OsmRoundtripPlugin(iface)
