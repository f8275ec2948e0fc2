"""Load: a bounding box of the OSM API (or a local ``.osm``/``.osm.pbf`` file) into a
download's GeoPackage.

Two ways in, one implementation:

* :func:`download_to_gpkg` / :func:`osm_file_to_gpkg` -- synchronous, for Processing (which runs
  them in its own worker thread) and for scripts;
* :func:`start_download` / :func:`start_file_load` -- run the same functions in a
  :class:`~.tasks.CoreTask` with progress and cancel, then open the layers in the project, report
  in the message bar and call ``on_done(layers, error)`` on the GUI thread.

Bounding boxes are ``(min_lon, min_lat, max_lon, max_lat)`` in WGS84 degrees.
"""

from __future__ import annotations

import datetime
import logging
import os
from dataclasses import dataclass, field
from typing import Callable, Dict, Optional, Sequence, Tuple

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core import gpkg
from ..core.errors import QT_TRANSLATE_NOOP, Cancelled, ValidationError
from ..core.gpkg_target import TargetHoldsWork, check_target
from ..core.http import HttpTransport
from ..core.osm import download
from ..core.osm.features import LINES, POINTS, POLYGONS, RELATIONS
from ..core.osm.reader import FILE_SUFFIXES, read_osm_file
from . import map_view, osm_layers
from .i18n import error_text
from .network import make_transport
from .tasks import CoreTask

logger = logging.getLogger("osm_roundtrip")

BBox = Tuple[float, float, float, float]
Progress = Callable[[float, float], None]  # (done, total)
OnDone = Callable[[Optional[Dict[str, QgsVectorLayer]], Optional[BaseException]], None]

# Above this area the dialog asks before downloading (a dense town of this size is ~10^6 nodes).
LARGE_AREA_KM2 = 20.0
# Share of the progress bar for the network part; the rest is writing the GeoPackage.
DOWNLOAD_SHARE = 0.85

TITLE = "OSM Roundtrip"  # product name, not translated
_running: set = set()  # tasks alive until finished (QgsTaskManager does not keep Python objects)


# ---------------------------------------------------------------------------------------------
# Synchronous work (no project, no widgets: safe in a worker thread)
# ---------------------------------------------------------------------------------------------


def _scaled(progress: Optional[Progress], start: float, share: float):
    """A core ``progress(done, total, message)`` mapped onto ``[start, start + share]`` of 100."""

    def report(done, total, _message="") -> None:
        if progress is not None and total:
            progress(100.0 * (start + share * min(1.0, done / total)), 100.0)

    return report


def download_to_gpkg(
    bbox: Sequence[float],
    api_url: str,
    gpkg_path,
    *,
    transport: Optional[HttpTransport] = None,
    cancel: Optional[Callable[[], bool]] = None,
    progress: Optional[Progress] = None,
    replace: bool = False,
) -> gpkg.WriteSummary:
    """Download ``bbox`` from the API at ``api_url`` (tiled as needed) into ``gpkg_path``.

    An existing file that holds work (edits not uploaded, other data) is replaced only with
    ``replace``; else :class:`~..core.gpkg_target.TargetHoldsWork` before anything is fetched.
    """
    box = download.validate_bbox(bbox)
    check_target(gpkg_path, replace=replace)
    transport = transport or make_transport(api_url)
    dataset = download.download_bbox(
        api_url,
        box,
        transport,
        cancel=cancel,
        progress=_scaled(progress, 0.0, DOWNLOAD_SHARE),
    )
    _check(cancel)
    return gpkg.write_dataset(
        dataset,
        gpkg_path,
        api_url=download.api_base(api_url),
        progress=_scaled(progress, DOWNLOAD_SHARE, 1.0 - DOWNLOAD_SHARE),
    )


def osm_file_to_gpkg(
    osm_path,
    gpkg_path,
    *,
    cancel: Optional[Callable[[], bool]] = None,
    progress: Optional[Progress] = None,
    replace: bool = False,
) -> gpkg.WriteSummary:
    """Read a local OSM file (XML or PBF) into ``gpkg_path`` (an existing file: as
    :func:`download_to_gpkg`).

    The snapshot records no API URL: uploading edits of a file needs the data to exist on the
    server chosen at upload time with the same ids and versions.
    """
    check_target(gpkg_path, replace=replace)
    dataset = read_osm_file(osm_path, progress=_scaled(progress, 0.0, 0.6), cancel=cancel)
    _check(cancel)
    return gpkg.write_dataset(dataset, gpkg_path, progress=_scaled(progress, 0.6, 0.4))


def _check(cancel) -> None:
    if cancel is not None and cancel():
        raise Cancelled()


# ---------------------------------------------------------------------------------------------
# Helpers for the dialog and the algorithms
# ---------------------------------------------------------------------------------------------


def bbox_area_km2(bbox: Sequence[float]) -> float:
    """Area of a WGS84 box on the ellipsoid, in km²."""
    calculator = QgsDistanceArea()
    calculator.setSourceCrs(
        QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance().transformContext()
    )
    calculator.setEllipsoid("WGS84")
    area = calculator.measureArea(QgsGeometry.fromRect(QgsRectangle(*bbox)))
    return area / 1e6


def request_count(bbox: Sequence[float], max_area: float = 0.25) -> int:
    """Requests needed at least for ``bbox`` with the production server's area limit."""
    return len(download.plan_tiles(bbox, max_area))


def is_large(bbox: Sequence[float]) -> bool:
    return bbox_area_km2(bbox) > LARGE_AREA_KM2


def default_name(now: Optional[datetime.datetime] = None) -> str:
    """File stem of a download named after its time, e.g. ``osm_2024-05-01_1430``."""
    return "osm_" + (now or datetime.datetime.now()).strftime("%Y-%m-%d_%H%M")


def centre_name(bbox: Sequence[float]) -> str:
    """File stem (and group name) of a download named after its centre, e.g.
    ``osm_47.140N_9.520E``: readable, the same for the same area, a place to a few hundred
    metres."""
    lon = (bbox[0] + bbox[2]) / 2.0
    lat = (bbox[1] + bbox[3]) / 2.0
    return "osm_{:.3f}{}_{:.3f}{}".format(
        abs(lat), "N" if lat >= 0 else "S", abs(lon), "E" if lon >= 0 else "W"
    )


def default_folder(project: Optional[QgsProject] = None, download_folder: str = "") -> str:
    """The project's folder when the project is saved, else ``download_folder`` (the setting)
    when it exists, else ``""``: there is no good place and the user must choose one."""
    project = project or QgsProject.instance()
    home = project.homePath() if project.fileName() else ""
    if home and os.path.isdir(home):
        return home
    if download_folder and os.path.isdir(download_folder):
        return download_folder
    return ""


def default_gpkg_path(
    stem: str, project: Optional[QgsProject] = None, download_folder: str = ""
) -> str:
    """``<folder>/<stem>.gpkg`` (see :func:`default_folder`), numbered (``_2``, ``_3``…) when
    the file exists; ``""`` when there is no folder to put it in."""
    folder = default_folder(project, download_folder)
    if not folder:
        return ""
    return next_free_path(os.path.join(folder, f"{stem}.gpkg"))


def next_free_path(path: str) -> str:
    """``path`` if no file is there, else the first free ``<stem>_2.gpkg``, ``_3``… beside it."""
    stem, extension = os.path.splitext(os.fspath(path))
    candidate, number = os.fspath(path), 2
    while os.path.exists(candidate):
        candidate = f"{stem}_{number}{extension}"
        number += 1
    return candidate


def group_name_for(gpkg_path) -> str:
    return os.path.splitext(os.path.basename(os.fspath(gpkg_path)))[0]


def release_target(gpkg_path, project: Optional[QgsProject] = None) -> Optional[str]:
    """Make ``gpkg_path`` writable: remove its layers from the project (GUI thread only).

    Returns the name of the group the layers were in (to reopen them if the new download fails),
    ``None`` when the file was not loaded. Raises :class:`ValidationError` when the layers have
    unsaved edits: those must be saved or discarded by the user first.
    """
    project = project or QgsProject.instance()
    layers = osm_layers.download_layers(gpkg_path, project)
    if not layers:
        return None
    if osm_layers.has_unsaved_edits(list(layers.values())):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "The layers of {path} have unsaved edits. Save or discard them, or choose "
                "another file.",
            ),
            path=os.fspath(gpkg_path),
        )
    group = _group_of(project, next(iter(layers.values())))
    osm_layers.remove_download(gpkg_path, project)
    return group


def _group_of(project: QgsProject, layer: QgsVectorLayer) -> Optional[str]:
    node = project.layerTreeRoot().findLayer(layer.id())
    parent = node.parent() if node is not None else None
    return parent.name() if parent is not None and parent.parent() is not None else None


# ---------------------------------------------------------------------------------------------
# Background tasks
# ---------------------------------------------------------------------------------------------


@dataclass
class LoadJob:
    """What a running task needs on the GUI thread when it finishes."""

    iface: object
    gpkg_path: str
    group_name: str
    on_done: Optional[OnDone]
    project: QgsProject
    previous_group: Optional[str] = None
    layers: Dict[str, QgsVectorLayer] = field(default_factory=dict)


def start_download(
    iface,
    bbox: Sequence[float],
    api_url: str,
    gpkg_path,
    on_done: Optional[OnDone] = None,
    group_name: Optional[str] = None,
    project: Optional[QgsProject] = None,
    replace: bool = False,
) -> CoreTask:
    """Download ``bbox`` in a background task, then add the layers to the project.

    ``on_done(layers, error)`` runs on the GUI thread: ``layers`` is ``{role: layer}`` on success,
    ``error`` the exception otherwise (:class:`Cancelled` when the user cancelled;
    :class:`~..core.gpkg_target.TargetHoldsWork` when the file holds work and ``replace`` was not
    confirmed: ``on_done`` then asks the user, the message bar stays silent). Invalid input
    and a target file with unsaved edits raise before any task starts.
    """
    box = download.validate_bbox(bbox)
    transport = make_transport(api_url)  # QGIS settings read here, on the GUI thread
    job = _job(iface, gpkg_path, group_name, on_done, project)
    description = QCoreApplication.translate(
        "DownloadService", "Downloading OpenStreetMap data into {name}"
    ).format(name=job.group_name)

    def work(task: CoreTask) -> gpkg.WriteSummary:
        return download_to_gpkg(
            box,
            api_url,
            job.gpkg_path,
            transport=transport,
            cancel=task.isCanceled,
            progress=task.report,
            replace=replace,
        )

    return _start(job, description, work)


def start_file_load(
    iface,
    osm_path,
    gpkg_path=None,
    on_done: Optional[OnDone] = None,
    group_name: Optional[str] = None,
    project: Optional[QgsProject] = None,
    replace: bool = False,
) -> CoreTask:
    """Read a local ``.osm`` or ``.osm.pbf`` file in a background task, then add the layers to
    the project.

    Without ``gpkg_path`` the GeoPackage is written next to the file (``<name>.gpkg``). An
    existing file is handled as by :func:`start_download`.
    """
    osm_path = os.fspath(osm_path)
    if gpkg_path is None:
        gpkg_path = gpkg_path_for_file(osm_path)
    job = _job(iface, gpkg_path, group_name, on_done, project)
    description = QCoreApplication.translate("DownloadService", "Reading {file}").format(
        file=os.path.basename(osm_path)
    )

    def work(task: CoreTask) -> gpkg.WriteSummary:
        return osm_file_to_gpkg(
            osm_path, job.gpkg_path, cancel=task.isCanceled, progress=task.report, replace=replace
        )

    return _start(job, description, work)


def gpkg_path_for_file(osm_path) -> str:
    """``<name>.gpkg`` next to an OSM file: ``a.osm``, ``a.osm.pbf``, ``a.pbf`` give ``a.gpkg``."""
    osm_path = os.fspath(osm_path)
    lower = osm_path.lower()
    for suffix in sorted(FILE_SUFFIXES, key=len, reverse=True):
        if lower.endswith(suffix):
            return osm_path[: -len(suffix)] + ".gpkg"
    return os.path.splitext(osm_path)[0] + ".gpkg"


def _job(iface, gpkg_path, group_name, on_done, project) -> LoadJob:
    project = project or QgsProject.instance()
    path = os.path.abspath(os.fspath(gpkg_path))
    job = LoadJob(iface, path, group_name or group_name_for(path), on_done, project)
    job.previous_group = release_target(path, project)
    return job


def _start(job: LoadJob, description: str, work) -> CoreTask:
    def finished(summary, error) -> None:
        _running.discard(task)
        _finish(job, summary, error)

    task = CoreTask(description, work, finished)
    _running.add(task)
    QgsApplication.taskManager().addTask(task)
    return task


def _finish(job: LoadJob, summary: Optional[gpkg.WriteSummary], error) -> None:
    """GUI thread: open the layers, tell the user, call back."""
    bar = job.iface.messageBar() if job.iface is not None else None
    layers: Optional[Dict[str, QgsVectorLayer]] = None
    if error is None and summary is not None:
        try:
            layers = osm_layers.open_download(job.gpkg_path, job.group_name, job.project)
        except ValueError as exc:
            error = exc
        else:
            show_loaded_area(job, summary)
    if error is not None and job.previous_group is not None and os.path.exists(job.gpkg_path):
        try:  # the old file is untouched (the writer replaces it only at the very end)
            osm_layers.open_download(job.gpkg_path, job.previous_group, job.project)
        except ValueError:
            logger.warning("Could not reopen %s", job.gpkg_path)
    if bar is not None:
        if isinstance(error, Cancelled):
            bar.pushMessage(
                TITLE,
                QCoreApplication.translate(
                    "DownloadService", "Download cancelled; nothing was changed."
                ),
                Qgis.MessageLevel.Info,
                5,
            )
        elif isinstance(error, TargetHoldsWork) and job.on_done is not None:
            pass  # on_done asks what to do with the file
        elif error is not None:
            bar.pushMessage(TITLE, failure_text(error), Qgis.MessageLevel.Critical, 0)
        else:
            push_summary(bar, summary, job.group_name)
    if error is not None and not isinstance(error, (Cancelled, TargetHoldsWork)):
        logger.error("Loading %s failed: %s", job.gpkg_path, error_text(error))
    if job.on_done is not None:
        job.on_done(layers, error)


def show_loaded_area(job: LoadJob, summary: gpkg.WriteSummary) -> None:
    """Zoom the map to the box that was downloaded (a file: its bounds, else where its data of
    its own is; see :func:`..core.osm.extent.view_box`), not to the layers' extent, which the
    ways and relations that cross the box stretch far beyond it."""
    canvas = job.iface.mapCanvas() if job.iface is not None else None
    if canvas is not None and summary.view_box is not None:
        map_view.show_box(canvas, summary.view_box, job.project)


def push_summary(bar, summary: gpkg.WriteSummary, name: str) -> None:
    """The outcome of a load in the message bar: a short line (the bar shows one line and cuts
    the rest at its width, which a narrow map makes short), and behind QGIS's own "Show more"
    button, which opens the whole text in a window, the explanations of the incomplete elements
    and the file the layers are saved in."""
    text, details = summary_text(summary, name), summary_details(summary)
    saved = QCoreApplication.translate("DownloadService", "The layers are saved in {path}.")
    more = "\n\n".join(part for part in (details, saved.format(path=summary.path)) if part)
    bar.pushMessage(TITLE, text, more, Qgis.MessageLevel.Success, 20 if details else 10)


def failure_text(error: BaseException) -> str:
    return QCoreApplication.translate(
        "DownloadService", "The OSM data could not be loaded: {reason}"
    ).format(reason=error_text(error))


def summary_text(summary: gpkg.WriteSummary, name: str) -> str:
    """A short line for the message bar: the counts that are not zero and the group, and how
    many elements are incomplete (explained by :func:`summary_details`)."""
    counts = summary.counts
    translate = QCoreApplication.translate
    n_points, n_lines = counts.get(POINTS, 0), counts.get(LINES, 0)
    n_polygons, n_relations = counts.get(POLYGONS, 0), counts.get(RELATIONS, 0)
    # literal texts, one call each: pylupdate finds only those
    parts = [
        text
        for n, text in (
            (n_points, translate("DownloadService", "%n points", "", n_points)),
            (n_lines, translate("DownloadService", "%n lines", "", n_lines)),
            (n_polygons, translate("DownloadService", "%n polygons", "", n_polygons)),
            (n_relations, translate("DownloadService", "%n relations", "", n_relations)),
        )
        if n
    ]
    if not parts:
        text = translate(
            "DownloadService", "The area holds no OSM data; the group “{name}” is empty."
        ).format(name=name)
    else:
        listed = (
            parts[0]
            if len(parts) == 1
            else QCoreApplication.translate("DownloadService", "{list} and {last}").format(
                list=", ".join(parts[:-1]), last=parts[-1]
            )
        )
        text = QCoreApplication.translate(
            "DownloadService", "Downloaded {counts} into “{name}”."
        ).format(counts=listed, name=name)
    if summary.incomplete_relations:
        text += " " + translate(
            "DownloadService",
            "%n relations reach outside the area.",
            "",
            len(summary.incomplete_relations),
        )
    if summary.incomplete_ways:
        text += " " + translate(
            "DownloadService",
            "%n ways lack some of their nodes.",
            "",
            len(summary.incomplete_ways),
        )
    return text


def summary_details(summary: gpkg.WriteSummary) -> str:
    """What the incomplete elements of :func:`summary_text` are and how they are drawn and
    uploaded; ``""`` when there are none."""
    notes = []
    if summary.incomplete_relations:
        notes.append(
            QCoreApplication.translate(
                "DownloadService",
                "%n relations reach outside the area and are marked incomplete; areas among them "
                "are drawn from the rings that are complete.",
                "",
                len(summary.incomplete_relations),
            )
        )
    if summary.incomplete_ways:
        notes.append(
            QCoreApplication.translate(
                "DownloadService",
                "%n ways use nodes that are not in the data (for example way {example}): they "
                "are drawn through the nodes that are there, marked incomplete, and uploaded "
                "with all their nodes.",
                "",
                len(summary.incomplete_ways),
            ).format(example=summary.incomplete_ways[0])
        )
    return "\n\n".join(notes)
