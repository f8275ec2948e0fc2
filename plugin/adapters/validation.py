"""The validator for QGIS: the tagging schema found once, a download's validation, and the
temporary "OSM issues" layer.

* :func:`tagging_schema` loads the iD tagging schema once per session (the plugin's bundled copy,
  else the build's cache of a development checkout); ``None`` when none is readable, and the
  validator then says itself that the tag checks did not run;
* :func:`validate_download` validates the saved edits of a download's GeoPackage (computed where
  the file was edited, :mod:`..core.gpkg_partial`), as the review and the upload see them;
* :func:`issues_layer` draws a report as a point layer: one point per issue (at its location;
  issues of the changeset as a whole have no geometry), its message as a field and a label,
  errors red and warnings orange.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsPointXY,
    QgsRendererCategory,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core.validate import (
    ERROR,
    Schema,
    SchemaUnavailable,
    ValidationReport,
    load_schema,
    validate_changes,
)
from ..core.validate.schema import BUNDLED_FOLDER
from . import compat

logger = logging.getLogger("osm_roundtrip")
PLUGIN_DIR = Path(__file__).resolve().parents[2]
_schema: Dict[str, Optional[Schema]] = {}
COLOURS = {"error": "#d1242f", "warning": "#e08a00"}


def schema_folders() -> List[Path]:
    """Where the schema is looked for: the plugin's copy, then the build's cache (a checkout)."""
    folders = [PLUGIN_DIR.joinpath(*BUNDLED_FOLDER)]
    try:
        from ...tools import id_schema  # only in a development checkout
    except ImportError:
        return folders
    folders.append(id_schema.schema_dir())
    return folders


def tagging_schema() -> Optional[Schema]:
    """The tagging schema, read at the first call; ``None`` when no folder holds a readable one."""
    if "schema" not in _schema:
        _schema["schema"] = None
        for folder in schema_folders():
            if not folder.is_dir():
                continue
            try:
                _schema["schema"] = load_schema(folder)
                break
            except SchemaUnavailable as error:
                logger.warning("%s", error)
    return _schema["schema"]


def validate_download(path, comment: Optional[str] = None) -> Tuple[object, ValidationReport]:
    """``(review, report)`` of the saved edits of the download at ``path`` (reads the file only:
    fit for a background task). Raises the review's errors (``ChangesInvalid`` for what the API
    refuses)."""
    from . import upload_service

    review = upload_service.review(path)
    report = validate_changes(
        review.changes, review.base, review.features, tagging_schema(), None, comment
    )
    return review, report


def _translate(context, text, disambiguation=None, n=-1) -> str:
    return QCoreApplication.translate(context, text, disambiguation, n)


def issue_fields() -> QgsFields:
    fields = QgsFields()
    for name in ("rule", "severity", "message", "elements", "fix"):
        fields.append(compat.field(name))
    return fields


def issue_features(report: ValidationReport, fields: QgsFields) -> List[QgsFeature]:
    """One feature per issue: rule, severity, translated message, elements, fix."""
    features = []
    for issue in report:
        feature = QgsFeature(fields)
        if issue.location is not None:
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*issue.location)))
        fix = issue.fixes[0].description.translated(_translate) if issue.fixes else ""
        feature.setAttributes(
            [
                issue.rule,
                issue.severity,
                issue.message.translated(_translate),
                ", ".join(f"{kind} {oid}" for kind, oid in issue.elements),
                fix,
            ]
        )
        features.append(feature)
    return features


def style_issues(layer: QgsVectorLayer) -> None:
    """Errors red, warnings orange, the message as a label."""
    renderer = QgsCategorizedSymbolRenderer("severity", [])
    labels = {
        "error": QCoreApplication.translate("OsmIssues", "Errors"),
        "warning": QCoreApplication.translate("OsmIssues", "Warnings"),
    }
    for severity, colour in COLOURS.items():
        symbol = QgsMarkerSymbol.createSimple(
            {
                "name": "circle" if severity == ERROR else "triangle",
                "color": colour,
                "size": "3.2",
                "outline_color": "#ffffff",
                "outline_width": "0.5",
            }
        )
        renderer.addCategory(QgsRendererCategory(severity, symbol, labels[severity]))
    layer.setRenderer(renderer)
    settings = QgsPalLayerSettings()
    settings.fieldName = "message"
    settings.placement = compat.LABEL_AROUND_POINT
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def issues_layer(report: ValidationReport, name: Optional[str] = None) -> QgsVectorLayer:
    """A temporary point layer ("OSM issues") of ``report``."""
    layer = QgsVectorLayer(
        "Point?crs=EPSG:4326",
        name or QCoreApplication.translate("OsmIssues", "OSM issues"),
        "memory",
    )
    fields = issue_fields()
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    layer.dataProvider().addFeatures(issue_features(report, layer.fields()))
    layer.updateExtents()
    style_issues(layer)
    return layer
