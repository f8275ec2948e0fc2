"""Map tool for reverse geocoding: a click on the map gives the position in WGS 84."""

from __future__ import annotations

import math

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject
from qgis.gui import QgsMapToolEmitPoint
from qgis.PyQt.QtCore import Qt, pyqtSignal

from ..plugin.core.nominatim import MAX_ZOOM

#: Scale of zoom level 0 of the web-map tile pyramid (at the equator, 96 dpi).
_ZOOM0_SCALE = 559082264.028


def zoom_for_scale(scale: float) -> int:
    """The Nominatim detail level (3 country … 18 building) matching a map scale."""
    if not scale or not math.isfinite(scale) or scale <= 0:
        return MAX_ZOOM
    return max(3, min(MAX_ZOOM, round(math.log2(_ZOOM0_SCALE / scale))))


class ReverseGeocodeTool(QgsMapToolEmitPoint):
    """Emits ``positionPicked(lat, lon, zoom)`` for each click; the zoom follows the map scale."""

    positionPicked = pyqtSignal(float, float, int)

    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self.setCursor(Qt.CursorShape.WhatsThisCursor)
        self.canvasClicked.connect(self._clicked)

    def _clicked(self, point, button) -> None:
        if button != Qt.MouseButton.LeftButton:
            return
        canvas = self.canvas()
        transform = QgsCoordinateTransform(
            canvas.mapSettings().destinationCrs(),
            QgsCoordinateReferenceSystem("EPSG:4326"),
            QgsProject.instance(),
        )
        wgs84 = transform.transform(point)
        self.positionPicked.emit(wgs84.y(), wgs84.x(), zoom_for_scale(canvas.scale()))
