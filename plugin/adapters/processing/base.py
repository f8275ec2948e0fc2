"""Shared base of all OSM Roundtrip algorithms: translation, instance creation, error mapping."""

from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication

from ..i18n import error_text


class OsmRoundtripAlgorithm(QgsProcessingAlgorithm):
    """Subclasses define ``NAME``, ``displayName``, ``initAlgorithm`` and ``process``."""

    NAME = ""
    GROUP_ID = ""

    def tr(self, text: str) -> str:
        return QCoreApplication.translate(type(self).__name__, text)

    def name(self) -> str:
        return self.NAME

    def createInstance(self):
        return type(self)()

    def processAlgorithm(self, parameters, context, feedback):
        try:
            return self.process(parameters, context, feedback)
        except QgsProcessingException:
            raise
        except Exception as exc:
            raise QgsProcessingException(error_text(exc)) from exc

    def process(self, parameters, context, feedback):  # pragma: no cover - abstract
        raise NotImplementedError
