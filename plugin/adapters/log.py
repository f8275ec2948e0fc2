"""Python ``logging`` routed to the QGIS message log under the plugin's tag."""

from __future__ import annotations

import contextlib
import logging

from qgis.core import Qgis, QgsMessageLog

TAG = "OSM Roundtrip"
LOGGER_NAME = "osm_roundtrip"
logger = logging.getLogger(LOGGER_NAME)


class QgsLogHandler(logging.Handler):
    """Writes records to ``QgsMessageLog`` with the matching level."""

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            level = Qgis.MessageLevel.Critical
        elif record.levelno >= logging.WARNING:
            level = Qgis.MessageLevel.Warning
        else:
            level = Qgis.MessageLevel.Info
        with contextlib.suppress(RuntimeError):  # application shutting down
            QgsMessageLog.logMessage(self.format(record), TAG, level, notifyUser=False)


def install() -> QgsLogHandler:
    handler = QgsLogHandler()
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler


def uninstall(handler: QgsLogHandler) -> None:
    logger.removeHandler(handler)
