"""Upload: the edited layers of a download → osmChange → changeset on the OSM API.

* :func:`edited_features` reads QGIS layers into :class:`~..core.osm.features.EditedFeature`
  records in EPSG:4326 (any layer CRS is transformed);
* :func:`compute_changes` / :func:`export_osc` — the review and "Save as .osc…";
* :func:`upload_edits` — synchronous (Processing, scripts, the demo): journal, changeset,
  chunks, results written back into the GeoPackage;
* :func:`start_upload` — the same in a :class:`~.tasks.CoreTask`, then the layers are reloaded
  and ``on_done(report, error)`` runs on the GUI thread;
* :func:`settle_interrupted` / :func:`start_settle` — an interrupted upload of the file is
  settled and written back before anything else (the review runs it first).

Both upload only to the server the download came from (:func:`upload_server`): another
``api_url`` is refused before any request, and with ``token=None`` the token kept for that
server is used (:func:`.auth.token_for`). Every upload settles the journal an interrupted upload
left first and then computes what is left from the GeoPackage as the settle left it
(:mod:`..core.upload_resume`): features read before are not trusted after a settle. The layers
must have no unsaved edits: the results are written into the saved GeoPackage.
"""

from __future__ import annotations

import json
import logging
from typing import Callable, Dict, List, Mapping, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core.errors import QT_TRANSLATE_NOOP, ValidationError
from ..core.osm import upload as core_upload
from ..core.osm.api import Capabilities, OsmApi
from ..core.osm.diff import OsmChanges
from ..core.osm.features import (
    FID,
    GEOM,
    INCOMPLETE,
    LAYERS,
    MEMBERS,
    OSM_ID,
    OSM_TYPE,
    OSM_VERSION,
    OTHER_TAGS,
    RELATIONS,
    EditedFeature,
)
from ..core.osm.osmchange import build, validate, write_osc
from ..core.servers import NotLoggedIn, check_resume_server, recorded_server
from ..core.servers import upload_server as _bound_server
from ..core.upload_resume import has_interrupted_upload
from . import compat, osm_layers
from .network import make_transport
from .tasks import CoreTask

logger = logging.getLogger("osm_roundtrip")
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
NOT_TAGS = {FID, GEOM, OSM_TYPE, OSM_ID, OSM_VERSION, OTHER_TAGS, MEMBERS, INCOMPLETE}
Progress = Callable[[float, float], None]
_running: set = set()


class UnsavedEdits(ValidationError):
    def __init__(self, layers: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "Save the edits of {layers} before uploading: the results are written into "
                "the saved layers.",
            ),
            layers=layers,
        )


# ---------------------------------------------------------------------------------------------
# Layers → EditedFeature
# ---------------------------------------------------------------------------------------------


def _text(value) -> Optional[str]:
    if value is None:
        return None
    if hasattr(value, "isNull") and value.isNull():  # QVariant NULL
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    return text if text != "" and text != "NULL" else None


def _osm_id(text: Optional[str]):
    """The ``osm_id`` as a number; anything else is left for the upload to refuse clearly."""
    if text is None:
        return None
    return int(text) if text.lstrip("-").isdigit() else text


def _coords(points, transform) -> list:
    result = []
    for point in points:
        if transform is not None:
            point = transform.transform(point)
        result.append((point.x(), point.y()))
    return result


def _geometry(feature, transform):
    geometry = feature.geometry()
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    kind = QgsWkbTypes.geometryType(geometry.wkbType())
    if kind == compat.GEOMETRY_POINT:
        points = geometry.asMultiPoint() if geometry.isMultipart() else [geometry.asPoint()]
        return _coords(points, transform)[0] if points else None
    if kind == compat.GEOMETRY_LINE:
        if geometry.isMultipart():
            parts = geometry.asMultiPolyline()
            if len(parts) == 1:
                return _coords(parts[0], transform)
            return [_coords(part, transform) for part in parts]
        return _coords(geometry.asPolyline(), transform)
    if kind == compat.GEOMETRY_POLYGON:
        polygons = geometry.asMultiPolygon() if geometry.isMultipart() else [geometry.asPolygon()]
        return [[_coords(ring, transform) for ring in polygon] for polygon in polygons]
    return None


def tag_columns(layer: QgsVectorLayer) -> List[str]:
    """The fields of an OSM layer that hold one tag each (the field's name is the key)."""
    return [n for n in layer.fields().names() if n.lower() not in NOT_TAGS]


def feature_tags(feature, names: List[str], tag_fields: List[str]) -> Dict[str, str]:
    """The OSM tags of a feature: ``other_tags`` merged with the tag columns (which win)."""
    tags: Dict[str, str] = {}
    if OTHER_TAGS in names:
        other = _text(feature[OTHER_TAGS])
        if other:
            for key, value in json.loads(other).items():
                if _text(value) is not None:
                    tags[key] = str(value)
    for name in tag_fields:
        value = _text(feature[name])
        if value is not None:
            tags[name] = value
    return tags


def edited_features(layers: Mapping[str, QgsVectorLayer]) -> Dict[str, List[EditedFeature]]:
    """The features of the OSM layers (``{role: layer}``) as the differ reads them, in WGS84."""
    result: Dict[str, List[EditedFeature]] = {}
    context = QgsProject.instance().transformContext()
    for role, layer in layers.items():
        if role not in LAYERS or layer is None:
            continue
        transform = None
        if role != RELATIONS and layer.crs().isValid() and layer.crs() != WGS84:
            transform = QgsCoordinateTransform(layer.crs(), WGS84, context)
        names = layer.fields().names()
        tag_fields = tag_columns(layer)
        features = []
        for feature in layer.getFeatures():
            tags = feature_tags(feature, names, tag_fields)
            osm_id = _osm_id(_text(feature[OSM_ID]) if OSM_ID in names else None)
            if isinstance(osm_id, int) and osm_id < 0:
                osm_id = None  # the placeholder of an upload: still a new feature
            members = None
            if role == RELATIONS and MEMBERS in names:
                members = [tuple(m) for m in json.loads(_text(feature[MEMBERS]) or "[]")]
            features.append(
                EditedFeature(
                    layer=role,
                    fid=feature.id(),
                    osm_type=_text(feature[OSM_TYPE])
                    if OSM_TYPE in names and osm_id is not None
                    else None,
                    osm_id=osm_id,
                    tags=tags,
                    geometry=_geometry(feature, transform) if role != RELATIONS else None,
                    members=members,
                )
            )
        result[role] = features
    return result


def check_saved(layers: Mapping[str, QgsVectorLayer]) -> None:
    unsaved = [
        layer.name() for layer in layers.values() if layer is not None and layer.isModified()
    ]
    if unsaved:
        raise UnsavedEdits(", ".join(unsaved))


# ---------------------------------------------------------------------------------------------
# Review and export
# ---------------------------------------------------------------------------------------------


def compute_changes(
    gpkg_path, layers: Optional[Mapping[str, QgsVectorLayer]] = None, max_way_nodes: int = 2000
) -> OsmChanges:
    """The changes of the layers (or of the saved GeoPackage) against the base snapshot."""
    edited = edited_features(layers) if layers else None
    return core_upload.changes_of_geopackage(gpkg_path, edited, max_way_nodes)


def reviewed_changes(gpkg_path, layers=None) -> OsmChanges:
    """The changes for the review, checked against the API's rules (raises ``ChangesInvalid``)."""
    changes = compute_changes(gpkg_path, layers)
    validate(changes, None, None)
    return changes


def review(gpkg_path) -> core_upload.Review:
    """The changes of the saved GeoPackage with the base and features they were computed from
    (only the edited part of a file with an edit log), checked against the API's rules (raises
    ``ChangesInvalid``). Reads the file only: runs in a background task."""
    result = core_upload.review_of_geopackage(gpkg_path)
    validate(result.changes, None, None)
    return result


def osmchange_text(changes: OsmChanges) -> str:
    return build(changes, None).decode("utf-8")


def export_osc(gpkg_path, layers: Optional[Mapping[str, QgsVectorLayer]], osc_path) -> OsmChanges:
    """ "Save as .osc…": the changes written to ``osc_path`` without uploading."""
    changes = compute_changes(gpkg_path, layers)
    write_osc(changes, osc_path)
    return changes


# ---------------------------------------------------------------------------------------------
# Upload
# ---------------------------------------------------------------------------------------------


def upload_server(gpkg_path, requested: str = "") -> str:
    """The API the edits of ``gpkg_path`` are uploaded to: the one the download came from.

    ``requested`` (the settings' server, a parameter) is used only by a file that records no
    server; naming another server than the recorded one raises
    :class:`~..core.servers.OtherServer`, and so does a journal of an interrupted upload that
    went to another server.
    """
    api_url = _bound_server(recorded_server(gpkg_path), requested)
    try:
        journal = core_upload.Journal.load(core_upload.journal_dir_for(gpkg_path))
    except (OSError, ValueError, KeyError):  # unreadable: the upload itself reports it
        journal = None
    if journal is not None:
        check_resume_server(journal.data.get("api_url") or "", api_url)
    return api_url


def _login_for(api_url: str, token: Optional[str]) -> str:
    if token:
        return token
    from . import auth

    token = auth.token_for(api_url)
    if not token:
        raise NotLoggedIn(api_url)
    return token


def upload_edits(
    gpkg_path,
    layers: Optional[Mapping[str, QgsVectorLayer]],
    api_url: str,
    token: Optional[str],
    comment: str,
    source: str = "",
    progress: Optional[Progress] = None,
    cancel: Optional[Callable[[], bool]] = None,
    *,
    changes: Optional[OsmChanges] = None,
    validated: bool = False,
    pending: Optional[bytes] = None,
    edited: Optional[Dict[str, List[EditedFeature]]] = None,
    capabilities: Optional[Capabilities] = None,
    max_wait: float = 60.0,
    extra_tags: Optional[Dict[str, str]] = None,
) -> core_upload.UploadReport:
    """Upload the edits of a download and write the results into its GeoPackage.

    ``layers`` (``{role: layer}``; ``None``: read the saved GeoPackage, or ``edited`` when the
    features were read before) must have no unsaved edits. Safe in a worker thread when
    ``layers`` is ``None``. ``api_url`` may be empty (the file's server; see
    :func:`upload_server`), ``token`` ``None`` (the one kept for that server). An interrupted
    upload of the file is settled first; ``changes``, ``edited`` and the layers' features are
    then ignored and the changes computed from the GeoPackage. Raises the typed errors of
    :mod:`..core.osm.upload` / :mod:`..core.osm.api` (the journal is another download's:
    :class:`~..core.upload_resume.JournalMismatch`). ``extra_tags`` are the changeset tags
    beyond comment and source (:func:`..core.changeset_tags.extra_tags`).
    """
    api_url = upload_server(gpkg_path, api_url)
    token = _login_for(api_url, token)
    if layers:
        check_saved(layers)
        edited = edited_features(layers)
    api = OsmApi(api_url, token, make_transport(api_url))

    def report(done, total, _message="") -> None:
        if progress is not None and total:
            progress(done, total)

    return core_upload.upload_geopackage(
        gpkg_path,
        api,
        comment=comment,
        source=source,
        edited=edited,
        changes=changes,
        validated=validated,
        pending=pending,
        capabilities=capabilities,
        progress=report,
        cancel=cancel,
        max_wait=max_wait,
        extra_tags=extra_tags,
    )


def settle_interrupted(
    gpkg_path,
    api_url: str,
    token: Optional[str],
    progress: Optional[Progress] = None,
    cancel: Optional[Callable[[], bool]] = None,
) -> Optional[core_upload.UploadReport]:
    """Settle the upload of ``gpkg_path`` that was interrupted and write its results back.

    ``None`` when there was none. Nothing new is sent: chunks whose outcome is unknown are
    checked against the changeset on the server, the changeset is closed, the journal removed.
    """
    if not has_interrupted_upload(gpkg_path):
        return None
    api = OsmApi(api_url, token, make_transport(api_url))

    def report(done, total, _message="") -> None:
        if progress is not None and total:
            progress(done, total)

    return core_upload.settle_journal(gpkg_path, api, progress=report, cancel=cancel)


def start_settle(
    gpkg_path,
    layers: Mapping[str, QgsVectorLayer],
    api_url: str,
    token: Optional[str],
    on_done: Optional[Callable[[object, Optional[BaseException]], None]] = None,
) -> CoreTask:
    """Run :func:`settle_interrupted` in a task; reload the layers afterwards."""

    def work(task: CoreTask):
        return settle_interrupted(gpkg_path, api_url, token, task.report, task.isCanceled)

    return _run(
        QCoreApplication.translate("UploadService", "Checking the interrupted upload"),
        work,
        layers,
        on_done,
    )


def _selected_elements(layer: QgsVectorLayer) -> Dict[str, List[int]]:
    """The OSM elements selected in ``layer``, by type (features not uploaded yet excluded)."""
    fields = layer.fields()
    if fields.indexOf(OSM_TYPE) < 0 or fields.indexOf(OSM_ID) < 0:
        return {}
    if not layer.selectedFeatureCount():
        return {}
    selected: Dict[str, List[int]] = {}
    request = QgsFeatureRequest().setSubsetOfAttributes([OSM_TYPE, OSM_ID], fields)
    for feature in layer.getSelectedFeatures(request):
        osm_type, osm_id = feature[OSM_TYPE], feature[OSM_ID]
        if isinstance(osm_type, str) and isinstance(osm_id, int) and osm_id > 0:
            selected.setdefault(osm_type, []).append(osm_id)
    return selected


def _select_elements(layer: QgsVectorLayer, selected: Dict[str, List[int]]) -> None:
    if not selected:
        return
    parts = [
        f'("{OSM_TYPE}" = \'{osm_type}\' AND "{OSM_ID}" IN ({",".join(map(str, ids))}))'
        for osm_type, ids in selected.items()
        if osm_type in ("node", "way", "relation")
    ]
    if parts:
        layer.selectByExpression(" OR ".join(parts))


def reload_layers(layers: Mapping[str, QgsVectorLayer]) -> None:
    """Read the layers again from their file; what was selected stays selected (a reload clears
    QGIS's selection, and the user still looks at what was just uploaded)."""
    for layer in layers.values():
        if layer is None:
            continue
        selected = _selected_elements(layer)
        provider = layer.dataProvider()
        if provider is not None:
            provider.reloadData()
        layer.reload()
        layer.updateExtents()
        _select_elements(layer, selected)
        layer.triggerRepaint()


def start_upload(
    gpkg_path,
    layers: Mapping[str, QgsVectorLayer],
    api_url: str,
    token: Optional[str],
    comment: str,
    source: str = "",
    on_done: Optional[Callable[[object, Optional[BaseException]], None]] = None,
    changes: Optional[OsmChanges] = None,
    pending: Optional[bytes] = None,
    extra_tags: Optional[Dict[str, str]] = None,
) -> CoreTask:
    """Run :func:`upload_edits` in a task with progress; reload the layers afterwards.

    ``changes`` (reviewed) and the layers' features are read before the task; when the task
    finds an interrupted upload of the file, it settles it first and uploads what is left
    according to the GeoPackage instead (see :func:`upload_edits`).
    """
    check_saved(layers)
    api_url = upload_server(gpkg_path, api_url)
    token = _login_for(api_url, token)
    # The features are read here, on the GUI thread; the task only talks to the server and
    # writes the GeoPackage.
    edited = edited_features(layers)

    def work(task: CoreTask):
        return upload_edits(
            gpkg_path,
            None,
            api_url,
            token,
            comment,
            source,
            task.report,
            task.isCanceled,
            changes=changes,
            validated=changes is not None,
            pending=pending,
            edited=edited,
            extra_tags=extra_tags,
        )

    return _run(
        QCoreApplication.translate("UploadService", "Uploading changes to OpenStreetMap"),
        work,
        layers,
        on_done,
    )


def _run(description: str, work, layers, on_done) -> CoreTask:
    """Run ``work`` in a task; on the GUI thread afterwards reload ``layers``, then ``on_done``."""
    from qgis.core import QgsApplication

    def finished(result, error) -> None:
        _running.discard(task)
        reload_layers(layers)
        if on_done is not None:
            on_done(result, error)

    task = CoreTask(description, work, finished, compat.task_flags())
    _running.add(task)
    QgsApplication.taskManager().addTask(task)
    return task


def layers_for(gpkg_path) -> Dict[str, QgsVectorLayer]:
    return osm_layers.download_layers(gpkg_path)


def is_large(changes: OsmChanges, limit: int = 1000) -> bool:
    return len(changes) > limit


def changes_bbox(changes: OsmChanges, base=None):
    """(min_lon, min_lat, max_lon, max_lat) of the nodes the changes touch (new and old)."""
    xs: List[float] = []
    ys: List[float] = []
    nodes = base.nodes if base is not None else {}
    for change in changes:
        element = change.element
        if element.type == "node":
            if change.action != "delete":
                xs.append(element.lon)
                ys.append(element.lat)
            old = nodes.get(element.id)
            if old is not None:
                xs.append(old.lon)
                ys.append(old.lat)
        elif element.type == "way":
            for ref in element.nodes:
                node = nodes.get(ref)
                if node is not None:
                    xs.append(node.lon)
                    ys.append(node.lat)
    if not xs:
        return None
    return (min(xs), min(ys), max(xs), max(ys))
