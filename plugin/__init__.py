"""OSM Roundtrip plugin package: pure core (``core``), QGIS adapters (``adapters``)."""
