"""``osmroundtrip:uploadedits``: the edits of a download's GeoPackage, uploaded and written back.

The same path as the plugin's *Upload changes…* (:func:`..upload_service.upload_edits`): an
interrupted upload of the file is settled first, then the changes are computed from the saved
layers against the base snapshot, checked against the server's rules, uploaded in a changeset
and written back into the GeoPackage (new ids, versions). A second run finds nothing left and
succeeds with zero changes, so a model can run it again safely.
"""

from __future__ import annotations

import json

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
)

from ...core.servers import recorded_server
from .. import auth, upload_service
from .. import settings as plugin_settings
from .upload_algorithms import _UploadAlgorithm


class UploadEditsAlgorithm(_UploadAlgorithm):
    NAME = "uploadedits"

    def displayName(self) -> str:
        return self.tr("Upload edits of a download")

    def shortHelpString(self) -> str:
        return self.tr(
            "Uploads the saved edits of a download's GeoPackage to the OSM API server it was "
            "downloaded from, in a new changeset with the given comment (required) and source, "
            "and writes the results back into the GeoPackage (ids of new elements, versions), "
            "as the plugin's Upload changes does. AUTH is the QGIS authentication configuration "
            "that holds the OAuth 2.0 token; its URL must be that server (empty: the login the "
            "plugin keeps for that server). An "
            "upload of the file that was interrupted is settled first: what the server applied "
            "is written back, and only what is left is sent. When nothing is left the "
            "algorithm succeeds with 0 changes. Unsaved edits of open layers are not included: "
            "save them first. The edits are validated first, as the review does: an error "
            "(see osmroundtrip:validate) refuses the upload before anything is sent; warnings "
            "are reported."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFile(
                "INPUT", self.tr("GeoPackage of a download"), extension="gpkg"
            )
        )
        self._changeset_parameters()
        self.addOutput(QgsProcessingOutputNumber("UPLOADED", self.tr("Changes uploaded")))
        self.addOutput(
            QgsProcessingOutputNumber(
                "SETTLED", self.tr("Changes of an interrupted upload found applied")
            )
        )
        self._count_outputs()

    def _validate(self, path, comment: str, feedback) -> None:
        """The review's validation: errors refuse the upload (nothing is sent), warnings are
        reported."""
        from .. import validation

        _review, report = validation.validate_download(path, comment)
        for issue in report.warnings:
            feedback.pushWarning(issue.message.translated(validation._translate))
        errors = report.errors
        if errors:
            listed = "\n".join(
                "- " + issue.message.translated(validation._translate) for issue in errors[:10]
            )
            raise QgsProcessingException(
                self.tr(
                    "Nothing was uploaded: the edits have %n errors (osmroundtrip:validate "
                    "lists them with their places):",
                    "",
                    len(errors),
                )
                + "\n"
                + listed
            )

    def process(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, "INPUT", context)
        comment = (self.parameterAsString(parameters, "COMMENT", context) or "").strip()
        source = (self.parameterAsString(parameters, "SOURCE", context) or "").strip()
        if not comment:
            raise QgsProcessingException(
                self.tr("A changeset comment is required: describe your changes.")
            )
        # the file's own server (the settings' only for a file that records none), and only
        # a token of that server: checked before any request
        recorded = recorded_server(path)
        api_url = upload_service.upload_server(
            path, "" if recorded else plugin_settings.load().api_url()
        )
        config_id = self.parameterAsString(parameters, "AUTH", context) or ""
        token = auth.token_for_request(api_url, config_id)
        if not token:
            raise QgsProcessingException(
                self.tr(
                    "No login for {server}: log in from the plugin with that server chosen in "
                    "the settings, or choose an authentication configuration whose URL is that "
                    "server."
                ).format(server=api_url)
            )

        def progress(done, total) -> None:
            if total:
                feedback.setProgress(100.0 * done / total)

        # settle first: what an interrupted upload applied is written back before the changes
        # are computed (the upload would do it too; here its figures are reported)
        resumed = upload_service.settle_interrupted(
            path, api_url, token, progress, feedback.isCanceled
        )
        if resumed is not None:
            feedback.pushInfo(
                self.tr(
                    "An upload of {path} was interrupted: it was settled with the server "
                    "first ({count} changes whose outcome was open were found applied and "
                    "written back)."
                ).format(path=path, count=resumed.uploaded)
            )
        self._validate(path, comment, feedback)
        report = upload_service.upload_edits(
            path, None, api_url, token, comment, source, progress, feedback.isCanceled
        )
        if report.uploaded or report.changesets:
            feedback.pushInfo(report.summary())
        else:
            feedback.pushInfo(
                self.tr("Nothing to upload: the GeoPackage has no changes left to send.")
            )
        results = {
            "CHANGESETS": ",".join(str(c) for c in report.changesets),
            "UPLOADED": report.uploaded,
            "SETTLED": resumed.uploaded if resumed is not None else 0,
            "CREATED": report.created,
            "MODIFIED": report.modified,
            "DELETED": report.deleted,
        }
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                json.dump(
                    {
                        "api_url": api_url,
                        "changesets": report.changesets,
                        "uploaded": report.uploaded,
                        "created": report.created,
                        "modified": report.modified,
                        "deleted": report.deleted,
                        "settled": results["SETTLED"],
                        "skipped": [list(k) for k in report.skipped],
                        "already_deleted": [list(k) for k in report.gone],
                        "chunks": report.chunks,
                    },
                    handle,
                    indent=1,
                )
            results["OUTPUT"] = output
        return results
