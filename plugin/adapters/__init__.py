"""QGIS adapters: settings, logging, translation, tasks, layers and Processing."""
