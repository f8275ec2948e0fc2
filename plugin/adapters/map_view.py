"""Show a WGS84 box on the map canvas once a load has added its layers."""

from __future__ import annotations

import logging
from typing import Optional, Sequence

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QTimer

logger = logging.getLogger("osm_roundtrip")

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
MARGIN = 0.05  # of the box's width and height, on every side
POINT_SIZE = 0.002  # degrees (about 200 m) shown around a box without width or height


def canvas_extent(canvas, box: Sequence[float], project: Optional[QgsProject] = None):
    """``box`` ``(min_lon, min_lat, max_lon, max_lat)`` with its margin, in the canvas's CRS
    (the project's); ``None`` when it cannot be transformed."""
    project = project or QgsProject.instance()
    rect = QgsRectangle(*box)
    if rect.width() == 0 or rect.height() == 0:
        rect.grow(POINT_SIZE / 2)
    rect.scale(1 + 2 * MARGIN)
    crs = canvas.mapSettings().destinationCrs()
    if not crs.isValid():
        return None
    try:
        target = QgsCoordinateTransform(WGS84, crs, project).transformBoundingBox(rect)
    except QgsCsException:
        logger.warning("The box %s cannot be shown in %s", tuple(box), crs.authid())
        return None
    return None if target.isEmpty() else target


def show_box(canvas, box: Sequence[float], project: Optional[QgsProject] = None) -> bool:
    """Zoom ``canvas`` to ``box`` (WGS84) with a small margin; False when it cannot.

    When the layers just added are the project's first, QGIS zooms to their whole extent (and
    may set the project's CRS) on its next turn of the event loop, after this call: the zoom is
    then done again on that turn. A canvas that nothing moved is left alone (one step in its
    zoom history, not two).
    """
    target = canvas_extent(canvas, box, project)
    if target is None:
        return False
    canvas.setExtent(target)
    canvas.refresh()
    shown = (canvas.extent(), canvas.mapSettings().destinationCrs())

    def again() -> None:
        try:
            if (canvas.extent(), canvas.mapSettings().destinationCrs()) == shown:
                return
        except RuntimeError:  # the canvas is gone (QGIS is closing)
            return
        retarget = canvas_extent(canvas, box, project)
        if retarget is not None:
            canvas.setExtent(retarget)
            canvas.refresh()

    QTimer.singleShot(0, again)
    return True
