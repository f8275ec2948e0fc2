"""Upload algorithms: ``osmroundtrip:buildosmchange`` and ``osmroundtrip:uploadosmchange``.

Both call the services of the GUI: the differ on the saved GeoPackage of a download, and the
journaled, chunked upload of :mod:`...core.osm.upload`.
"""

from __future__ import annotations

import json

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ...core.errors import OsmRoundtripError
from ...core.osm import upload as core_upload
from ...core.osm.api import OsmApi
from ...core.osm.osmchange import parse_osc, validate, write_osc
from ...core.servers import check_resume_server
from .. import auth, upload_service
from .. import settings as plugin_settings
from ..i18n import error_text
from ..network import make_transport
from .base import OsmRoundtripAlgorithm


def _counts(changes) -> dict:
    return {
        "CREATED": len(changes.creates),
        "MODIFIED": len(changes.modifies),
        "DELETED": len(changes.deletes),
    }


class _UploadAlgorithm(OsmRoundtripAlgorithm):
    GROUP_ID = "upload"

    def group(self) -> str:
        return self.tr("Upload")

    def groupId(self) -> str:
        return self.GROUP_ID

    def _changeset_parameters(self) -> None:
        """AUTH, COMMENT, SOURCE, the OUTPUT report and the CHANGESETS output of an upload."""
        self.addParameter(
            QgsProcessingParameterAuthConfig(
                "AUTH", self.tr("Login (OAuth 2.0 token)"), optional=True
            )
        )
        self.addParameter(QgsProcessingParameterString("COMMENT", self.tr("Changeset comment")))
        self.addParameter(QgsProcessingParameterString("SOURCE", self.tr("Source"), optional=True))
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUTPUT", self.tr("Report"), self.tr("JSON (*.json)"), optional=True
            )
        )
        self.addOutput(QgsProcessingOutputString("CHANGESETS", self.tr("Changesets")))

    def _count_outputs(self) -> None:
        self.addOutput(QgsProcessingOutputNumber("CREATED", self.tr("Elements created")))
        self.addOutput(QgsProcessingOutputNumber("MODIFIED", self.tr("Elements modified")))
        self.addOutput(QgsProcessingOutputNumber("DELETED", self.tr("Elements deleted")))


class BuildOsmChangeAlgorithm(_UploadAlgorithm):
    NAME = "buildosmchange"

    def displayName(self) -> str:
        return self.tr("Build osmChange from edited layers")

    def shortHelpString(self) -> str:
        return self.tr(
            "Compares the saved layers of a download's GeoPackage with the data downloaded "
            "(the base snapshot kept in the same file) and writes the changes as an osmChange "
            "(.osc) file, ordered for upload: creates, modifies, deletes. Nothing is uploaded. "
            "Unsaved edits of open layers are not included: save them first."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFile(
                "INPUT", self.tr("GeoPackage of a download"), extension="gpkg"
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUTPUT", self.tr("osmChange file"), self.tr("osmChange (*.osc)")
            )
        )
        self._count_outputs()

    def process(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, "INPUT", context)
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        if not output.lower().endswith(".osc"):
            output += ".osc"
        changes = upload_service.compute_changes(path, None)
        write_osc(changes, output)
        counts = _counts(changes)
        feedback.pushInfo(
            self.tr("{created} created, {modified} modified, {deleted} deleted").format(
                created=counts["CREATED"], modified=counts["MODIFIED"], deleted=counts["DELETED"]
            )
        )
        if not changes:
            feedback.pushWarning(self.tr("The layers have no changes: the file is empty."))
        return {"OUTPUT": output, **counts}


class UploadOsmChangeAlgorithm(_UploadAlgorithm):
    NAME = "uploadosmchange"

    def displayName(self) -> str:
        return self.tr("Upload osmChange")

    def shortHelpString(self) -> str:
        return self.tr(
            "Uploads an osmChange (.osc) file to an OSM API 0.6 server in a new changeset "
            "with the given comment (required) and source, in chunks within the server's "
            "limits. ENDPOINT is the API base URL (…/api/0.6); empty uses the server of the "
            "plugin settings (or, for an interrupted upload, the server it was going to). AUTH "
            "is the QGIS authentication configuration that holds the OAuth 2.0 token (empty: "
            "the one the plugin's login keeps for that server); its URL must be the same server "
            "as ENDPOINT, or nothing is sent. A journal is kept next to the file: an "
            "interrupted upload continues where it stopped when run again, after checking on "
            "the server what was applied. The GeoPackage the file was built from is not "
            "updated; download the area again before editing further."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFile("INPUT", self.tr("osmChange file"), extension="osc")
        )
        self.addParameter(
            QgsProcessingParameterString(
                "ENDPOINT", self.tr("OSM API URL (…/api/0.6)"), optional=True
            )
        )
        self._changeset_parameters()
        self._count_outputs()

    def process(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, "INPUT", context)
        comment = (self.parameterAsString(parameters, "COMMENT", context) or "").strip()
        source = (self.parameterAsString(parameters, "SOURCE", context) or "").strip()
        endpoint = (self.parameterAsString(parameters, "ENDPOINT", context) or "").strip()
        folder = core_upload.journal_dir_for(path)
        journal = core_upload.Journal.load(folder)
        config_id = self.parameterAsString(parameters, "AUTH", context)
        api_url, token = self._server_and_token(endpoint, config_id, journal)
        if not comment:
            raise QgsProcessingException(
                self.tr("A changeset comment is required: describe your changes.")
            )
        api = OsmApi(api_url, token, make_transport(api_url))

        def progress(done, total, _message="") -> None:
            if total:
                feedback.setProgress(100.0 * done / total)

        options = {"progress": progress, "cancel": feedback.isCanceled}
        if journal is not None:
            feedback.pushInfo(
                self.tr("Continuing the interrupted upload of {path}").format(path=path)
            )
            report = core_upload.resume_upload(api, folder, **options)
        else:
            with open(path, "rb") as handle:
                changes = parse_osc(handle.read())
            caps = api.capabilities(feedback.isCanceled)
            validate(changes, caps, comment)
            report = core_upload.start_upload(
                api,
                changes,
                folder,
                comment=comment,
                source=source,
                max_elements=caps.max_elements,
                **options,
            )
        feedback.pushInfo(report.summary())
        results = {
            "CHANGESETS": ",".join(str(c) for c in report.changesets),
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
                        "created": report.created,
                        "modified": report.modified,
                        "deleted": report.deleted,
                        "skipped": [list(k) for k in report.skipped],
                        "already_deleted": [list(k) for k in report.gone],
                        "chunks": report.chunks,
                    },
                    handle,
                    indent=1,
                )
            results["OUTPUT"] = output
        return results

    def _server_and_token(self, endpoint: str, config_id: str, journal):
        """The API and the token, checked before any request: an interrupted upload continues
        only on its own server, and a token goes only to the server it was issued for."""
        values = plugin_settings.load()
        started = (journal.data.get("api_url") or "") if journal is not None else ""
        api_url = endpoint or started or values.api_url()
        try:
            check_resume_server(started, api_url)
            token = auth.token_for_request(api_url, config_id)
        except OsmRoundtripError as exc:
            raise QgsProcessingException(error_text(exc)) from None
        if not token:
            raise QgsProcessingException(
                self.tr(
                    "No login for {server}: log in from the plugin with that server chosen in "
                    "the settings, or choose an authentication configuration whose URL is that "
                    "server."
                ).format(server=api_url)
            )
        return api_url, token


ALGORITHMS = [BuildOsmChangeAlgorithm, UploadOsmChangeAlgorithm]
