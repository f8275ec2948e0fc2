"""Load algorithms: ``osmroundtrip:downloadbbox`` and ``osmroundtrip:loadosmfile``.

Both write the download's GeoPackage with the same service as the GUI and return the four layers
(``POINTS``, ``LINES``, ``POLYGONS``, ``RELATIONS``) besides ``OUTPUT``. Run from the Processing
toolbox, the layers are loaded, styled and grouped like a download from the dialog.
"""

from __future__ import annotations

import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProject,
)

from ...core.gpkg_target import TargetHoldsWork
from ...core.osm.features import LINES, POINTS, POLYGONS, RELATIONS
from .. import compat, download_service, osm_layers
from .. import settings as plugin_settings
from ..i18n import error_text
from .base import OsmRoundtripAlgorithm

OUTPUTS = {"POINTS": POINTS, "LINES": LINES, "POLYGONS": POLYGONS, "RELATIONS": RELATIONS}
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")

_post_processors: list = []  # Processing keeps only C++ pointers: keep the Python objects alive


class OsmLayerPostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Styles a loaded output layer and moves it into the download's group."""

    def __init__(self, gpkg_path: str, role: str, group_name: str) -> None:
        super().__init__()
        self.gpkg_path = gpkg_path
        self.role = role
        self.group_name = group_name

    def postProcessLayer(self, layer, context, feedback) -> None:
        osm_layers.configure_layer(layer, self.gpkg_path, self.role)
        project = context.project() or QgsProject.instance()
        root = project.layerTreeRoot()
        node = root.findLayer(layer.id())
        if node is None:
            return
        group = next(
            (
                child
                for child in root.children()
                if child.customProperty(osm_layers.GROUP_PROPERTY)
                == osm_layers.normalized_path(self.gpkg_path)
            ),
            None,
        )
        if group is None:
            group = root.insertGroup(0, self.group_name)
            group.setCustomProperty(
                osm_layers.GROUP_PROPERTY, osm_layers.normalized_path(self.gpkg_path)
            )
        position = osm_layers.TREE_ORDER.index(self.role)
        index = sum(
            1
            for child in group.children()
            if osm_layers.TREE_ORDER.index(osm_layers.layer_role(child.layer()) or RELATIONS)
            < position
        )
        group.insertChildNode(index, node.clone())
        node.parent().removeChildNode(node)


class _LoadAlgorithm(OsmRoundtripAlgorithm):
    GROUP_ID = "load"

    def group(self) -> str:
        return self.tr("Load")

    def groupId(self) -> str:
        return self.GROUP_ID

    def _add_layer_outputs(self) -> None:
        self.addOutput(
            QgsProcessingOutputVectorLayer("POINTS", self.tr("Points"), compat.SOURCE_POINT)
        )
        self.addOutput(
            QgsProcessingOutputVectorLayer("LINES", self.tr("Lines"), compat.SOURCE_LINE)
        )
        self.addOutput(
            QgsProcessingOutputVectorLayer("POLYGONS", self.tr("Polygons"), compat.SOURCE_POLYGON)
        )
        self.addOutput(
            QgsProcessingOutputVectorLayer("RELATIONS", self.tr("Relations"), compat.SOURCE_VECTOR)
        )
        self.addOutput(QgsProcessingOutputNumber("FEATURES", self.tr("Number of features")))

    @staticmethod
    def _push_summary(feedback, summary, path) -> None:
        feedback.pushInfo(download_service.summary_text(summary, os.path.basename(path)))
        details = download_service.summary_details(summary)
        if details:
            feedback.pushInfo(details)

    def _output_path(self, parameters, context) -> str:
        path = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        if not path:
            raise QgsProcessingException(self.tr("Choose the GeoPackage to write."))
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        return path

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:
        """On the main thread: note whether the target GeoPackage is open in the project."""
        path = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        if path and not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        project = context.project() or QgsProject.instance()
        self._open_target = path if path and osm_layers.download_layers(path, project) else ""
        return True

    def _add_overwrite(self) -> None:
        self.addParameter(
            QgsProcessingParameterBoolean(
                "OVERWRITE",
                self.tr("Replace an existing GeoPackage even if it holds edits not uploaded"),
                defaultValue=False,
            )
        )

    def _write(self, write, parameters, context):
        """Run ``write(replace)``; a target holding work without OVERWRITE is a clear error."""
        try:
            return write(self.parameterAsBool(parameters, "OVERWRITE", context))
        except TargetHoldsWork as exc:
            raise QgsProcessingException(
                error_text(exc)
                + " "
                + self.tr("Set OVERWRITE to replace it, or choose another file.")
            ) from exc

    def _check_target(self) -> None:
        """Never overwrite a GeoPackage whose layers are open (their edits live in it)."""
        if getattr(self, "_open_target", ""):
            raise QgsProcessingException(
                self.tr(
                    "The GeoPackage {path} is open in the project. Remove its layers first or "
                    "choose another file."
                ).format(path=self._open_target)
            )

    def _results(self, path: str, summary, context) -> dict:
        results = {
            "OUTPUT": path,
            "FEATURES": sum(summary.counts.get(r, 0) for r in OUTPUTS.values()),
        }
        group_name = download_service.group_name_for(path)
        for key, role in OUTPUTS.items():
            uri = osm_layers.layer_uri(path, role)
            results[key] = uri
            details = QgsProcessingContext.LayerDetails(role, context.project(), key)
            processor = OsmLayerPostProcessor(path, role, group_name)
            _post_processors.append(processor)
            details.setPostProcessor(processor)
            context.addLayerToLoadOnCompletion(uri, details)
        return results

    def _feedback_progress(self, feedback):
        def progress(done, total) -> None:
            if total:
                feedback.setProgress(100.0 * done / total)

        return progress


class DownloadBboxAlgorithm(_LoadAlgorithm):
    NAME = "downloadbbox"

    def displayName(self) -> str:
        return self.tr("Download OSM data (bounding box)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Downloads every node, way and relation of the extent from an OSM API 0.6 server "
            "into a GeoPackage with the layers osm_points, osm_lines, osm_polygons and "
            "osm_relations and the base snapshot needed to upload edits. Large extents are "
            "split into several requests within the server's limits. ENDPOINT is the API base "
            "URL (…/api/0.6); empty uses the server chosen in the plugin settings."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterExtent("EXTENT", self.tr("Extent")))
        self.addParameter(
            QgsProcessingParameterString(
                "ENDPOINT", self.tr("OSM API URL (…/api/0.6)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUTPUT", self.tr("GeoPackage"), self.tr("GeoPackage (*.gpkg)")
            )
        )
        self._add_overwrite()
        self._add_layer_outputs()

    def process(self, parameters, context, feedback):
        extent = self.parameterAsExtent(parameters, "EXTENT", context, WGS84)
        crs = self.parameterAsExtentCrs(parameters, "EXTENT", context)
        if crs.isValid() and crs != WGS84:
            transform = QgsCoordinateTransform(crs, WGS84, context.transformContext())
            extent = transform.transformBoundingBox(
                self.parameterAsExtent(parameters, "EXTENT", context)
            )
        bbox = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
        endpoint = (self.parameterAsString(parameters, "ENDPOINT", context) or "").strip()
        api_url = endpoint or plugin_settings.load().api_url()
        self._check_target()
        path = self._output_path(parameters, context)
        feedback.pushInfo(
            self.tr("Downloading {bbox} from {url}").format(
                bbox=", ".join(f"{value:.6f}" for value in bbox), url=api_url
            )
        )
        summary = self._write(
            lambda replace: download_service.download_to_gpkg(
                bbox,
                api_url,
                path,
                cancel=feedback.isCanceled,
                progress=self._feedback_progress(feedback),
                replace=replace,
            ),
            parameters,
            context,
        )
        self._push_summary(feedback, summary, path)
        return self._results(path, summary, context)


class LoadOsmFileAlgorithm(_LoadAlgorithm):
    NAME = "loadosmfile"

    def displayName(self) -> str:
        return self.tr("Load .osm file")

    def shortHelpString(self) -> str:
        return self.tr(
            "Reads an OSM file (OSM XML .osm or OSM PBF .osm.pbf) into a GeoPackage with the "
            "layers osm_points, osm_lines, osm_polygons and osm_relations and the base snapshot, "
            "exactly like a download from the API."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFile(
                "INPUT",
                self.tr("OSM file"),
                fileFilter=self.tr("OpenStreetMap files (*.osm *.osm.pbf *.pbf *.xml)"),
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUTPUT", self.tr("GeoPackage"), self.tr("GeoPackage (*.gpkg)")
            )
        )
        self._add_overwrite()
        self._add_layer_outputs()

    def process(self, parameters, context, feedback):
        source = self.parameterAsFile(parameters, "INPUT", context)
        if not source or not os.path.isfile(source):
            raise QgsProcessingException(
                self.tr("The file {path} does not exist.").format(path=source)
            )
        self._check_target()
        path = self._output_path(parameters, context)
        summary = self._write(
            lambda replace: download_service.osm_file_to_gpkg(
                source,
                path,
                cancel=feedback.isCanceled,
                progress=self._feedback_progress(feedback),
                replace=replace,
            ),
            parameters,
            context,
        )
        self._push_summary(feedback, summary, path)
        return self._results(path, summary, context)
