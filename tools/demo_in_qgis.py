"""Start-up code run inside QGIS by ``tools/demo.py`` (``qgis --code``).

Drives the installed plugin the way a user would — search, download, edit with the ordinary QGIS
editing API, upload through OAuth 2.0, download again and compare — records every step in
``report.json``, saves a screenshot of the main window and quits QGIS. Background work runs in the
plugin's tasks; this script only waits for them while keeping the event loop running.
"""

import json
import os
import tempfile
import time
import traceback
from pathlib import Path

import qgis.utils
import requests
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QCoreApplication, QTimer
from qgis.utils import iface

OUT = Path(os.environ["OSM_ROUNDTRIP_DEMO_OUT"])
VADUZ = (9.515, 47.135, 9.535, 47.145)
steps = []


class StepFailed(Exception):
    pass


def step(name, ok, detail=""):
    steps.append({"name": name, "ok": bool(ok), "detail": str(detail)})
    if not ok:
        raise StepFailed(f"{name}: {detail}")


def wait_until(predicate, timeout=120.0):
    """Keep QGIS responsive (tasks report on the event loop) until ``predicate()`` holds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise StepFailed("timed out")
        QCoreApplication.processEvents()
        time.sleep(0.02)


def plugin_modules():
    package = type(qgis.utils.plugins["osm_roundtrip"]).__module__.rsplit(".", 2)[0]
    import importlib

    def load(name):
        return importlib.import_module(f"{package}.{name}")

    return load


def search(plugin):
    dock = plugin.dock
    dock.show()
    done = []
    dock.searchFinished.connect(lambda: done.append(True))
    dock.search_text("Vaduz", outlines=True)
    wait_until(lambda: done)
    added = dock.add_all_to_map()
    layers = {layer.name(): layer for layer in QgsProject.instance().mapLayers().values()}
    outlines = layers.get("Nominatim outlines")
    step(
        "Nominatim search “Vaduz” with outlines",
        outlines is not None and outlines.featureCount() > 0,
        f"added {added}; outline layer has {outlines.featureCount() if outlines else 0} features",
    )


def download(load, gpkg_path, name):
    download_service = load("plugin.adapters.download_service")
    settings = load("plugin.adapters.settings").load()
    result = {}
    download_service.start_download(
        iface, VADUZ, settings.api_url(), gpkg_path,
        on_done=lambda layers, error: result.update(layers=layers, error=error),
        group_name=name,
    )  # fmt: skip
    wait_until(lambda: result, timeout=300)
    if result["error"] is not None:
        step(f"download {name}", False, result["error"])
    return result["layers"]


def first(layer, expression):
    from qgis.core import QgsFeatureRequest

    request = QgsFeatureRequest().setFilterExpression(expression).setLimit(1)
    return next(layer.getFeatures(request), None)


def edit(load, layers):
    """A scripted set of edits, made with the ordinary QGIS editing API."""
    field = load("plugin.adapters.compat").field  # a text column on every QGIS version
    points, lines, polygons = layers["osm_points"], layers["osm_lines"], layers["osm_polygons"]
    done = {}
    # 1. a tag edit in the attribute table: rename a restaurant/café and add a new tag column
    for layer in (points,):
        feature = first(layer, "\"amenity\" IN ('restaurant','cafe') AND \"name\" IS NOT NULL")
        layer.startEditing()
        field = layer.fields().indexOf("name")
        layer.changeAttributeValue(feature.id(), field, feature["name"] + " (demo)")
        if layer.fields().indexOf("wheelchair") < 0:
            layer.addAttribute(field("wheelchair"))
        layer.changeAttributeValue(feature.id(), layer.fields().indexOf("wheelchair"), "yes")
        done["renamed"] = (int(feature["osm_id"]), feature["name"] + " (demo)")
        # 2. a new point
        bench = QgsFeature(layer.fields())
        bench.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(9.5251, 47.1405)))
        bench["amenity"] = "bench"
        bench["backrest"] = "yes" if layer.fields().indexOf("backrest") >= 0 else None
        layer.addFeature(bench)
        # 3. delete a point that is not a vertex of any way
        victim = first(layer, "\"amenity\" = 'waste_basket'")
        if victim is not None:
            layer.deleteFeature(victim.id())
            done["deleted"] = int(victim["osm_id"])
        step("edit points", layer.commitChanges(), layer.commitErrors())
    # 4. move one vertex of a residential street
    street = first(lines, "\"highway\" = 'residential'")
    lines.startEditing()
    vertex = street.geometry().vertexAt(1)
    lines.moveVertex(vertex.x() + 0.00005, vertex.y() + 0.00003, street.id(), 1)
    # 5. a new footway between two free positions
    path = QgsFeature(lines.fields())
    path.setGeometry(
        QgsGeometry.fromPolylineXY([QgsPointXY(9.5262, 47.1381), QgsPointXY(9.5270, 47.1386)])
    )
    path["highway"] = "footway"
    lines.addFeature(path)
    done["moved_street"] = int(street["osm_id"])
    step("edit lines", lines.commitChanges(), lines.commitErrors())
    # 6. a tag on a building
    building = first(polygons, '"building" IS NOT NULL AND "osm_type" = \'way\'')
    polygons.startEditing()
    if polygons.fields().indexOf("building:levels") < 0:
        polygons.addAttribute(field("building:levels"))
    polygons.changeAttributeValue(building.id(), polygons.fields().indexOf("building:levels"), "3")
    step("edit polygons", polygons.commitChanges(), polygons.commitErrors())
    return done


def login(load, settings):
    oauth = load("plugin.core.oauth")

    # The sandbox approves for its demo user at once: "opening the browser" is one GET that
    # follows the redirect to the plugin's loopback listener.
    def browser(url):
        requests.get(url, timeout=30)

    token = oauth.login(settings.oauth_url(), settings.oauth_client_id, open_browser=browser)
    permissions = requests.get(
        settings.api_url() + "/permissions.json",
        headers={"Authorization": f"Bearer {token.access_token}"},
        timeout=30,
    ).json()["permissions"]
    step("OAuth 2.0 login (PKCE, loopback redirect)", "allow_write_api" in permissions,
         f"scopes {token.scope}; permissions {', '.join(permissions)}")  # fmt: skip
    return token.access_token


def upload(load, gpkg_path, layers, settings, token):
    upload_service = load("plugin.adapters.upload_service")
    changes = upload_service.compute_changes(gpkg_path, layers)
    counts = {f"{a} {t}": n for (a, t), n in sorted(changes.counts().items()) if n}
    step("diff of the edits", not changes.is_empty, counts)
    (OUT / "demo.osc").write_text(upload_service.osmchange_text(changes), encoding="utf-8")
    result = {}
    upload_service.start_upload(
        gpkg_path, layers, settings.api_url(), token,
        comment="OSM Roundtrip demo: rename, new bench, moved street vertex, new footway",
        source="survey",
        on_done=lambda report, error: result.update(report=report, error=error),
        changes=changes,
    )  # fmt: skip
    wait_until(lambda: result, timeout=300)
    report = result["report"]
    step("upload in a changeset", result["error"] is None and report.complete,
         result["error"] or report.summary())  # fmt: skip
    return report


def compare(load, edited_path, fresh_path):
    gpkg = load("plugin.core.gpkg")

    def rounded(value):
        # the database stores coordinates as integers of 1e-7 degrees
        if isinstance(value, float):
            return round(value * 10_000_000)
        return [rounded(v) for v in value] if isinstance(value, (list, tuple)) else value

    def canonical(path):
        rows = set()
        for layer, features in gpkg.read_features(path).items():
            for f in features:
                geometry = json.dumps(rounded(f.geometry))
                rows.add((layer, f.osm_type, f.osm_id, tuple(sorted(f.tags.items())), geometry))
        return rows

    edited, fresh = canonical(edited_path), canonical(fresh_path)
    only_edited, only_fresh = edited - fresh, fresh - edited
    (OUT / "compare.json").write_text(
        json.dumps({"only_edited": sorted(map(str, only_edited)),
                    "only_fresh": sorted(map(str, only_fresh))}, indent=1),
    )  # fmt: skip
    step("re-download equals the edited layers", not only_edited and not only_fresh,
         f"{len(edited)} features compared; {len(only_edited)} only in the edited layers, "
         f"{len(only_fresh)} only in the new download")  # fmt: skip


def run():
    work = Path(tempfile.mkdtemp(prefix="osm-roundtrip-demo-data-"))
    try:
        plugin = qgis.utils.plugins.get("osm_roundtrip")
        step("plugin started from the ZIP", plugin is not None, "osm_roundtrip")
        provider = QgsApplication.processingRegistry().providerById("osmroundtrip")
        step("Processing provider", provider is not None,
             ", ".join(a.id() for a in provider.algorithms()))  # fmt: skip
        load = plugin_modules()
        settings = load("plugin.adapters.settings").load()
        search(plugin)
        edited_path = str(work / "vaduz.gpkg")
        layers = download(load, edited_path, "Vaduz")
        counts = {k: v.featureCount() for k, v in layers.items()}
        step("download Vaduz from the sandbox", layers, counts)
        done = edit(load, layers)
        token = login(load, settings)
        upload(load, edited_path, layers, settings, token)
        fresh = download(load, str(work / "vaduz-again.gpkg"), "Vaduz (downloaded again)")
        step("download again", fresh, {k: v.featureCount() for k, v in fresh.items()})
        compare(load, edited_path, str(work / "vaduz-again.gpkg"))
        name = first(fresh["osm_points"], f'"osm_id" = {done["renamed"][0]}')
        step("the renamed place is on the server", name and name["name"] == done["renamed"][1],
             name["name"] if name else "missing")  # fmt: skip
        # the fresh download is what the analyst sees now; the edited copy is hidden
        root = QgsProject.instance().layerTreeRoot()
        group = root.findGroup("Vaduz")
        if group is not None:
            group.setItemVisibilityChecked(False)
    except StepFailed:
        pass
    except Exception:
        steps.append({"name": "demo script", "ok": False, "detail": traceback.format_exc()})
    canvas = iface.mapCanvas()
    canvas.setExtent(QgsRectangle(9.517, 47.136, 9.533, 47.144))
    canvas.refresh()
    QTimer.singleShot(3000, finish)


def finish():
    iface.mainWindow().grab().save(str(OUT / "screenshot.png"))
    ok = bool(steps) and all(s["ok"] for s in steps)
    (OUT / "report.json").write_text(json.dumps({"ok": ok, "steps": steps}, indent=1))
    QgsApplication.exit(0)


iface.mainWindow().showMaximized()
QTimer.singleShot(2000, run)
