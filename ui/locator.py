"""The locator (Ctrl+K) entry: ``osm <place>`` finds places with Nominatim.

It uses the plugin's client (same endpoint, cache, rate limit and User-Agent as the dock). The
public server's usage policy forbids searching as the user types, so with it the locator offers
one entry, "Search … on OpenStreetMap", and the search runs when the user confirms it (Enter or
a click), in the search dock. With another server (an own Nominatim) the places are listed as
the user types, after a pause.
"""

from __future__ import annotations

import json
from typing import Callable, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsLocatorFilter,
    QgsLocatorResult,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..plugin.adapters import compat

MIN_CHARACTERS = 3
TYPING_PAUSE_MS = 600  # an own server is asked once the user stops typing for this long
SEARCH = "search"  # userData of the "search on Enter" entry: ("search", text)
PLACE = "place"  # userData of a place: ("place", (xmin, ymin, xmax, ymax) or (lon, lat))


class OsmLocatorFilter(QgsLocatorFilter):
    """``osm Vaduz``: places from Nominatim. ``search(text)`` runs a search in the dock;
    ``zoom(box)`` shows a place on the map."""

    def __init__(
        self,
        search: Callable[[str], object],
        zoom: Callable[[tuple], None],
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._zoom = zoom
        if hasattr(self, "setFetchResultsDelay"):  # QGIS 3.18+
            self.setFetchResultsDelay(TYPING_PAUSE_MS)

    def clone(self) -> OsmLocatorFilter:
        return OsmLocatorFilter(self._search, self._zoom)

    def name(self) -> str:
        return "osm_roundtrip_places"

    def displayName(self) -> str:
        return QCoreApplication.translate("OsmLocatorFilter", "OpenStreetMap places (Nominatim)")

    def prefix(self) -> str:
        return "osm"

    def useWithoutPrefix(self) -> bool:
        return False

    def priority(self):
        return QgsLocatorFilter.Priority.Medium

    # runs in a worker thread: no widgets here, only the client
    def fetchResults(self, string, context, feedback) -> None:
        from ..plugin.adapters import nominatim_service
        from ..plugin.core.errors import OsmRoundtripError
        from ..plugin.core.nominatim.query import SearchQuery

        text = (string or "").strip()
        if len(text) < MIN_CHARACTERS or feedback.isCanceled():
            return
        client = nominatim_service.client()
        if client.endpoint.is_public_osm:
            self._emit(
                QCoreApplication.translate(
                    "OsmLocatorFilter", "Search “{text}” on OpenStreetMap (press Enter)"
                ).format(text=text),
                QCoreApplication.translate("OsmLocatorFilter", "in the OSM Roundtrip search panel"),
                (SEARCH, text),
                1.0,
            )
            return
        try:
            places = client.search(
                SearchQuery(q=text, limit=8, accept_language=nominatim_service.default_language()),
                cancel=feedback.isCanceled,
            )
        except OsmRoundtripError:
            return  # the locator has no room for errors: the dock shows them when asked there
        for rank, place in enumerate(places):
            box = place.boundingbox.xy if place.boundingbox else (place.lon, place.lat)
            kind = " ".join(filter(None, (place.category, place.type)))
            self._emit(place.display_name, kind, (PLACE, box), 1.0 - rank / 100.0)

    def _emit(self, text: str, group: str, data, score: float) -> None:
        result = QgsLocatorResult()
        result.filter = self
        result.displayString = text
        result.description = group
        compat.set_locator_data(result, json.dumps(data))  # a string: safe in a QVariant
        result.score = score
        self.resultFetched.emit(result)

    def triggerResult(self, result) -> None:
        data = compat.locator_data(result)
        if not data:
            return
        kind, value = json.loads(data)
        if kind == SEARCH:
            self._search(value)
        elif kind == PLACE:
            self._zoom(tuple(value))


def zoom_to(canvas, value: tuple, project: Optional[QgsProject] = None) -> None:
    """Show a WGS 84 box ``(xmin, ymin, xmax, ymax)`` or point ``(lon, lat)`` on ``canvas``."""
    project = project or QgsProject.instance()
    if len(value) == 4:
        box = QgsRectangle(*value)
    else:
        point = QgsPointXY(*value)
        box = QgsRectangle(
            point.x() - 0.002, point.y() - 0.002, point.x() + 0.002, point.y() + 0.002
        )
    transform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), canvas.mapSettings().destinationCrs(), project
    )
    canvas.setExtent(transform.transformBoundingBox(box))
    canvas.refresh()
