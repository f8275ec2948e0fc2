"""Pure Python core of OSM Roundtrip: no Qt and no QGIS imports allowed in this package."""
