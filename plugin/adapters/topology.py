"""While a download's layers are edited, QGIS edits the way OSM stores the data.

In OSM, two streets that meet share one node: moving it moves both. QGIS shows that only with
*topological editing* on (off by default), and new vertices land on existing ones only with
snapping. So when the user starts editing a layer of a download, :class:`TopologyGuard` turns on
topological editing and snapping (vertices and segments of all layers, 12 pixels) for the
project, tells the user once, and puts the user's own settings back when the last of those
layers stops editing (or the plugin unloads). The review still names every other way a moved
node bends (:mod:`..core.osm.shared_nodes`) for edits made otherwise.
"""

from __future__ import annotations

import logging
from typing import Callable, Optional

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from ..core.osm.features import LINES, POINTS, POLYGONS
from . import compat, osm_layers

logger = logging.getLogger("osm_roundtrip")
TOLERANCE = 12
EDITABLE_ROLES = (POINTS, LINES, POLYGONS)


class TopologyGuard:
    """Topological editing and snapping on while a download is edited; the user's back after."""

    def __init__(self, project: QgsProject, notify: Optional[Callable[[str], None]] = None):
        self.project = project
        self.notify = notify
        self.saved = None  # (topological editing, snapping config) while active
        self.watched = {}  # layer id -> (layer, started slot, stopped slot)
        self.project.layersAdded.connect(self._watch_all)
        self.project.layersWillBeRemoved.connect(self._forget)
        self._watch_all(self.project.mapLayers().values())

    @property
    def active(self) -> bool:
        return self.saved is not None

    def _watch_all(self, layers) -> None:
        for layer in layers:
            if (
                isinstance(layer, QgsVectorLayer)
                and layer.id() not in self.watched
                and osm_layers.layer_role(layer) in EDITABLE_ROLES
            ):
                started, stopped = (lambda: self._started()), (lambda: self._stopped())
                layer.editingStarted.connect(started)
                layer.editingStopped.connect(stopped)
                self.watched[layer.id()] = (layer, started, stopped)
                if layer.isEditable():
                    self._started()

    def _forget(self, layer_ids) -> None:
        for layer_id in layer_ids:
            entry = self.watched.pop(layer_id, None)
            if entry is not None:
                self._disconnect(entry)
        self._stopped(ignore=set(layer_ids))

    @staticmethod
    def _disconnect(entry) -> None:
        layer, started, stopped = entry
        try:
            layer.editingStarted.disconnect(started)
            layer.editingStopped.disconnect(stopped)
        except (TypeError, RuntimeError):
            pass  # the layer is being deleted

    def _started(self) -> None:
        if self.active:
            return
        config = self.project.snappingConfig()
        self.saved = (self.project.topologicalEditing(), config)
        snapping = type(config)(config)
        snapping.setEnabled(True)
        snapping.setMode(compat.SNAP_ALL_LAYERS)
        snapping.setTypeFlag(compat.SNAP_VERTEX_AND_SEGMENT)
        snapping.setTolerance(TOLERANCE)
        snapping.setUnits(compat.TOLERANCE_PIXELS)
        self.project.setTopologicalEditing(True)
        self.project.setSnappingConfig(snapping)
        logger.info("Topological editing and snapping on while OSM layers are edited")
        if self.notify is not None:
            self.notify(
                QCoreApplication.translate(
                    "TopologyGuard",
                    "Topological editing and snapping are on while you edit OSM layers: a vertex "
                    "that streets share moves in all of them, as it will in OpenStreetMap. Your "
                    "own settings come back when you stop editing.",
                )
            )

    def _stopped(self, ignore=frozenset()) -> None:
        if not self.active:
            return
        if any(
            layer.isEditable()
            for layer_id, (layer, _s, _t) in self.watched.items()
            if layer_id not in ignore
        ):
            return
        self.restore()

    def restore(self) -> None:
        """Put the user's topological editing and snapping back (when they were changed)."""
        if self.saved is None:
            return
        topological, snapping = self.saved
        self.saved = None
        self.project.setTopologicalEditing(topological)
        self.project.setSnappingConfig(snapping)

    def stop(self) -> None:
        """Unload: the user's settings back, every connection gone."""
        self.restore()
        for entry in self.watched.values():
            self._disconnect(entry)
        self.watched.clear()
        self.project.layersAdded.disconnect(self._watch_all)
        self.project.layersWillBeRemoved.disconnect(self._forget)
