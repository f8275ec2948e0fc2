"""``osmroundtrip:validate``: the saved edits of a download checked as the review checks them.

The same rules as *Upload changes…* (:mod:`...core.validate`): the result is a point layer of
the issues (rule, severity, message, elements, fix) and their counts; with *Fail on errors* the
algorithm fails when there is an error, so a model stops before an upload.
"""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSink,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
)

from .. import compat, validation
from .base import OsmRoundtripAlgorithm


class ValidateAlgorithm(OsmRoundtripAlgorithm):
    NAME = "validate"
    GROUP_ID = "upload"

    def displayName(self) -> str:
        return self.tr("Validate edits of a download")

    def group(self) -> str:
        return self.tr("Upload")

    def groupId(self) -> str:
        return self.GROUP_ID

    def shortHelpString(self) -> str:
        return self.tr(
            "Checks the saved edits of a download's GeoPackage as the review before an upload "
            "does, with the rules of JOSM's and iD's validators: untagged or unconnected new "
            "features, crossing ways without a junction, almost-junctions, duplicate and close "
            "nodes, self-intersections, unclosed areas, tags meant for another geometry, "
            "deprecated tags (iD tagging schema), many deletions and the API's limits. Only "
            "what was edited and what it touches is judged. The output layer has a point per "
            "issue with its rule, severity (error or warning), message, elements and fix. With "
            "“Fail on errors” the algorithm fails when the edits have an error, so that a model "
            "stops before it uploads them."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFile(
                "INPUT", self.tr("GeoPackage of a download"), extension="gpkg"
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "FAIL_ON_ERRORS", self.tr("Fail on errors"), defaultValue=False
            )
        )
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", self.tr("OSM issues")))
        self.addOutput(QgsProcessingOutputNumber("ERRORS", self.tr("Errors")))
        self.addOutput(QgsProcessingOutputNumber("WARNINGS", self.tr("Warnings")))

    def process(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, "INPUT", context)
        _review, report = validation.validate_download(path)
        fields = validation.issue_fields()
        sink, dest = self.parameterAsSink(
            parameters,
            "OUTPUT",
            context,
            fields,
            compat.WkbType.Point,
            QgsCoordinateReferenceSystem("EPSG:4326"),
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        for feature in validation.issue_features(report, fields):
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        errors, warnings = len(report.errors), len(report.warnings)
        for issue in report:
            text = issue.message.translated(validation._translate)
            if issue.severity == "error":
                feedback.reportError(text)
            else:
                feedback.pushWarning(text)
        feedback.pushInfo(
            self.tr("%n errors", "", errors) + ", " + self.tr("%n warnings", "", warnings)
        )
        if errors and self.parameterAsBool(parameters, "FAIL_ON_ERRORS", context):
            raise QgsProcessingException(
                self.tr(
                    "The edits have %n errors: fix them before uploading (see the issues).",
                    "",
                    errors,
                )
            )
        return {"OUTPUT": dest, "ERRORS": errors, "WARNINGS": warnings}
