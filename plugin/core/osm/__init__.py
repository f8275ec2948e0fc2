"""OSM data model, reader, geometry, download, diff and upload (pure Python)."""
