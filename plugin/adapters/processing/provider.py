"""The ``osmroundtrip`` Processing provider."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ...core.version import PLUGIN_VERSION

ICON = Path(__file__).resolve().parents[3] / "icons" / "osm_roundtrip.svg"


def algorithm_classes() -> list:
    """Every algorithm of the provider, in display order: search, load, upload."""
    from .load_algorithms import DownloadBboxAlgorithm, LoadOsmFileAlgorithm
    from .nominatim_algorithms import ALGORITHMS as SEARCH_ALGORITHMS
    from .upload_algorithms import ALGORITHMS as UPLOAD_ALGORITHMS
    from .upload_edits_algorithm import UploadEditsAlgorithm
    from .validate_algorithm import ValidateAlgorithm

    return [
        *SEARCH_ALGORITHMS,
        DownloadBboxAlgorithm,
        LoadOsmFileAlgorithm,
        *UPLOAD_ALGORITHMS,
        ValidateAlgorithm,
        UploadEditsAlgorithm,
    ]


class OsmRoundtripProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "osmroundtrip"

    def name(self) -> str:
        return QCoreApplication.translate("OsmRoundtripProvider", "OSM Roundtrip")

    def longName(self) -> str:
        return f"{self.name()} {PLUGIN_VERSION}"

    def icon(self) -> QIcon:
        return QIcon(str(ICON))

    def loadAlgorithms(self) -> None:
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
