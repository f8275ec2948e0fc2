"""Start-up code run inside QGIS by ``tools/screens.py`` (``qgis --code``).

Opens every screen of the installed plugin the way a user gets there, shows each one without
blocking (``show()``, never ``exec()``), saves a PNG of it (and of the main window when it is
docked), closes it and writes ``screens.json`` (file, window title, error) for the host script.
"""

import contextlib
import copy
import json
import os
import sys
import tempfile
import threading
import time
import traceback
import xml.etree.ElementTree as ET
from pathlib import Path

import processing
import qgis.utils
import requests
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QCoreApplication, QTimer
from qgis.PyQt.QtWidgets import QApplication, QWidget
from qgis.utils import iface

OUT = Path(os.environ["OSM_ROUNDTRIP_SCREENS_OUT"])
ONLY = set(filter(None, os.environ.get("OSM_ROUNDTRIP_SCREENS_ONLY", "").split(",")))
SANDBOX = os.environ["OSM_ROUNDTRIP_SCREENS_SANDBOX"]
BOX = (9.515, 47.135, 9.535, 47.145)  # central Vaduz
DIR = OUT / Qgis.QGIS_VERSION.split("-")[0] / os.environ["OSM_ROUNDTRIP_SCREENS_LANG"]
SCREENS = []  # (name, function) in the order of the numbering
results = []
cache = {}
python_errors = []


class Failed(Exception):
    pass


def screen(function):
    SCREENS.append((function.__name__.replace("_", "-"), function))
    return function


def wait_until(predicate, timeout=120.0, what="the plugin"):
    deadline = time.monotonic() + timeout
    while not predicate():
        if python_errors:
            raise Failed(f"Python error in {what}: {python_errors.pop()}")
        if time.monotonic() > deadline:
            raise Failed(f"timed out waiting for {what}")
        QCoreApplication.processEvents()
        time.sleep(0.02)


def settle(seconds=0.6):
    end = time.monotonic() + seconds
    while time.monotonic() < end or iface.mapCanvas().isDrawing():
        QCoreApplication.processEvents()
        time.sleep(0.02)


def save(widget, stem, suffix="", note=""):
    """A PNG of ``widget`` (its window title goes into the index)."""
    settle()
    path = DIR / f"{stem}{suffix}.png"
    if not widget.grab().save(str(path)):
        raise Failed(f"could not write {path}")
    title = widget.windowTitle() or widget.window().windowTitle()
    results.append({"file": str(path.relative_to(OUT)), "title": title + note, "error": ""})


def save_window(stem):
    save(iface.mainWindow(), stem, "-window")


def module(name):
    package = type(qgis.utils.plugins["osm_roundtrip"]).__module__.rsplit(".", 2)[0]
    import importlib

    return importlib.import_module(f"{package}.{name}")


def plugin():
    return qgis.utils.plugins["osm_roundtrip"]


# -- the sandbox: tokens for two users and edits as someone else ---------------------------------


def token(user):
    reply = requests.post(f"{SANDBOX}/__sandbox__/token", json={"user": user}, timeout=30)
    return reply.raise_for_status() or reply.json()["token"]


def api(method, path, user_token, body=None):
    reply = requests.request(method, f"{SANDBOX}/api/0.6/{path}", data=body, timeout=30,
                             headers={"Authorization": f"Bearer {user_token}",
                                      "Content-Type": "text/xml"})  # fmt: skip
    if reply.status_code != 200:
        raise Failed(f"sandbox {method} {path}: {reply.status_code} {reply.text[:200]}")
    return reply.text


def edit_as_bob(rename_id, delete_id):
    """Bob renames one node and deletes another, in a changeset of his own."""
    bob = token("bob")
    comment = '<osm><changeset><tag k="comment" v="Fix names"/></changeset></osm>'
    changeset = api("PUT", "changeset/create", bob, comment)
    change = ET.Element("osmChange", version="0.6")
    for node_id, action in ((rename_id, "modify"), (delete_id, "delete")):
        node = ET.fromstring(api("GET", f"node/{node_id}", bob)).find("node")
        node.set("changeset", changeset)
        for tag in node.findall("tag"):
            if tag.get("k") == "name":
                tag.set("v", tag.get("v") + " (Bob)")
        ET.SubElement(change, action).append(node)
    api("POST", f"changeset/{changeset}/upload", bob, ET.tostring(change))
    api("PUT", f"changeset/{changeset}/close", bob)


# -- the download and the edits, shared by the screens that need them ---------------------------


def once(function):
    def wrapper():
        if function.__name__ not in cache:
            try:
                cache[function.__name__] = (function(), None)
            except Exception as exc:  # remembered: every screen that needs it fails the same way
                cache[function.__name__] = (None, exc)
        value, error = cache[function.__name__]
        if error is not None:
            raise Failed(f"{function.__name__}: {error}")
        return value

    return wrapper


@once
def downloaded():
    """Central Vaduz from the sandbox, through the plugin's download, logged in as alice."""
    settings = module("plugin.adapters.settings").load()
    path = str(Path(tempfile.mkdtemp(prefix="osm-roundtrip-screens-")) / "vaduz.gpkg")
    done = {}
    module("plugin.adapters.download_service").start_download(
        iface, BOX, settings.api_url(), path,
        on_done=lambda layers, error: done.update(layers=layers, error=error),
    )  # fmt: skip
    wait_until(lambda: done, 300, "the download")
    if done["error"] is not None:
        raise Failed(module("plugin.adapters.i18n").error_text(done["error"]))
    QgsApplication.authManager().setMasterPassword("screens", True)
    module("plugin.adapters.auth").remember(token("alice"), settings.api_url())
    iface.mapCanvas().setExtent(QgsRectangle(*BOX))
    return path, done["layers"]


def first(layer, expression):
    request = QgsFeatureRequest().setFilterExpression(expression).setLimit(1)
    feature = next(layer.getFeatures(request), None)
    if feature is None:
        raise Failed(f"no feature in {layer.name()} with {expression}")
    return feature


@once
def edited():
    """Rename, new point, delete, move a vertex: with the ordinary QGIS editing API."""
    path, layers = downloaded()
    points, lines = layers["osm_points"], layers["osm_lines"]
    points.startEditing()
    cafe = first(points, "\"amenity\" IN ('restaurant','cafe') AND \"name\" IS NOT NULL")
    points.changeAttributeValue(cafe.id(), points.fields().indexOf("name"), cafe["name"] + " 2")
    bench = QgsFeature(points.fields())
    bench.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(9.5251, 47.1405)))
    bench["amenity"] = "bench"
    points.addFeature(bench)
    points.deleteFeature(first(points, "\"amenity\" = 'waste_basket'").id())
    street = first(lines, "\"highway\" = 'residential'")
    lines.startEditing()
    vertex = street.geometry().vertexAt(1)
    lines.moveVertex(vertex.x() + 0.00005, vertex.y() + 0.00003, street.id(), 1)
    for layer in (points, lines):
        if not layer.commitChanges():
            raise Failed("; ".join(layer.commitErrors()))
    return path, layers


# -- the screens ----------------------------------------------------------------------------------


def search(stem, structured):
    with contextlib.suppress(Failed):  # a map behind the results when the download works
        downloaded()
    dock = plugin().dock
    panel = dock.panel
    dock.show()
    dock.raise_()
    panel.optionsGroup.setCollapsed(False)
    finished = []
    dock.searchFinished.connect(lambda: finished.append(True))
    if structured:
        panel.modeTabs.setCurrentWidget(panel.structuredTab)
        panel.streetEdit.setText("Städtle")
        panel.cityEdit.setText("Vaduz")
        panel.countryEdit.setText("Liechtenstein")
        dock.search()
    else:
        dock.search_text("Restaurant Vaduz", outlines=True)
    wait_until(lambda: finished, 60, "the Nominatim search")
    if dock.last_error is not None or not dock.places:
        raise Failed(f"no results: {dock.last_error or panel.statusLabel.text()}")
    panel.resultsTree.setCurrentItem(panel.resultsTree.topLevelItem(0))
    save(dock, stem)
    save_window(stem)


@screen
def search_freeform(stem):
    search(stem, structured=False)


@screen
def search_structured(stem):
    search(stem, structured=True)


@screen
def download_dialog(stem):
    with contextlib.suppress(Failed):  # an active layer: "Current Layer Extent" shown too
        _, layers = downloaded()
        iface.setActiveLayer(layers["osm_polygons"])
    dialog = module("ui.download_dialog").DownloadDialog(iface)
    dialog.set_bbox(BOX)
    dialog.show()
    try:
        save(dialog, stem)
    finally:
        dialog.close()


@screen
def download_message(stem):
    """What "Download" leaves: the map on the box (not on the far members of the boundary
    relations the box cuts), the message bar, and the window of its "Show more". Run alone
    (``--only download-message``) it is the project's first download, which QGIS zooms to."""
    settings = module("plugin.adapters.settings").load()
    path = str(Path(tempfile.mkdtemp(prefix="osm-roundtrip-screens-")) / "vaduz_message.gpkg")
    service = module("plugin.adapters.download_service")
    iface.messageBar().clearWidgets()
    done = {}
    task = service.start_download(
        iface, BOX, settings.api_url(), path,
        on_done=lambda layers, error: done.update(layers=layers, error=error),
    )  # fmt: skip
    module("ui.download_dialog").show_progress(iface, task)
    wait_until(lambda: done, 300, "the download")
    if done["error"] is not None:
        raise Failed(module("plugin.adapters.i18n").error_text(done["error"]))
    settle(1.5)
    save(iface.messageBar(), stem)
    save_window(stem)
    item = iface.messageBar().currentItem()
    more = item.widget() if item is not None else None
    if more is None:
        raise Failed("the message has no 'Show more'")
    viewer = []

    def grab_viewer():
        for window in QApplication.topLevelWidgets():
            if window.isVisible() and window.inherits("QDialog"):
                try:
                    save(window, stem, "-more")
                finally:
                    viewer.append(window)
                    window.close()

    QTimer.singleShot(800, grab_viewer)
    more.click()  # QGIS's message viewer, modal: grabbed and closed by the timer
    if not viewer:
        raise Failed("'Show more' opened no window")


@screen
def review(stem):
    """What "Upload changes…" shows: the review dock beside the map, opened by its action."""
    edited()
    uploader = plugin().uploader
    uploader.upload()
    wait_until(lambda: uploader.task is None and uploader.dock is not None, 120, "the review")
    dock = uploader.dock
    try:
        settle()
        dock.commentEdit.setText("Vaduz: renamed café, new bench, street geometry")
        tree = dock.changesTree
        rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        changed = [r for r in rows if any("→" in r.child(i).text(0) for i in range(r.childCount()))]
        shown = (changed or rows)[0]  # a tag change
        tree.setCurrentItem(shown)
        save(dock, stem)
        save_window(stem)
        dock.tabs.setCurrentWidget(dock.problemsTab)
        save(dock, stem, "-problems")
        dock.tabs.setCurrentWidget(dock.oscTab)
        save(dock, stem, "-osmchange")
    finally:
        uploader.close_review()


@screen
def upload_message(stem):
    """The message bar after the plugin's own upload of the edits."""
    path, layers = edited()
    uploader = plugin().uploader
    changes = module("plugin.adapters.upload_service").compute_changes(path, layers)
    iface.messageBar().clearWidgets()
    url = module("plugin.adapters.settings").load().api_url()
    uploader._start(path, layers, url, changes, "Vaduz: renamed café, new bench", "survey")
    wait_until(lambda: uploader.task is None, 120, "the upload")
    save(iface.messageBar(), stem)
    save_window(stem)


@screen
def update_message(stem):
    """*Update data* after Bob renamed a restaurant and deleted a bench in the area."""
    _, layers = downloaded()
    alice = token("alice")
    data = module("plugin.core.osm.xmlreader").parse_osm_bytes(
        api("GET", "map?bbox=" + ",".join(map(str, BOX)), alice).encode()
    )
    in_ways = {ref for way in data.ways.values() for ref in way.nodes}
    free = [n for n in data.nodes.values() if n.id not in in_ways and n.tags.get("name")]
    names = {f["osm_id"]: f["name"] for f in layers["osm_points"].getFeatures()}
    rename = next(n for n in free if names.get(n.id) == n.tags.get("name"))
    gone = next(n for n in free if n.id != rename.id and names.get(n.id) == n.tags.get("name"))
    edit_as_bob(rename.id, gone.id)
    uploader = plugin().uploader
    iface.messageBar().clearWidgets()
    uploader.update_data()
    wait_until(lambda: uploader.task is None, 120, "the update")
    save(iface.messageBar(), stem)
    save_window(stem)


@screen
def conflict(stem):
    """Bob changes and deletes two nodes we edited since our download: a real conflict from the
    plugin's upload, or (when the download fails) the conflicts built the way the upload does."""
    with contextlib.suppress(Failed):  # our download comes before Bob's edits
        downloaded()
    url = module("plugin.adapters.settings").load().api_url()
    parse = module("plugin.core.osm.xmlreader").parse_osm_bytes
    alice = token("alice")
    data = parse(api("GET", "map?bbox=" + ",".join(map(str, BOX)), alice).encode())
    in_ways = {ref for way in data.ways.values() for ref in way.nodes}
    free = [n for n in data.nodes.values() if n.id not in in_ways]  # not a vertex of a way
    mine = next(n for n in free if n.tags.get("amenity") == "restaurant" and "name" in n.tags)
    gone = next(n for n in free if n.tags.get("amenity") == "bench")
    edit_as_bob(mine.id, gone.id)
    try:
        (conflicts, ours), note = real_conflict(mine.id, gone.id, alice), ""
    except Failed as exc:
        make = module("plugin.core.osm.upload").Conflict
        conflicts = [
            make("node", mine.id, "modify", mine.version, mine.version + 1),
            make("node", gone.id, "modify", gone.version, gone.version + 1, False),
        ]
        ours, note = {c.key: data.get(*c.key) for c in conflicts}, f" (constructed: {exc})"
    # what UploadAction._resolve fetches before it opens the dialog
    transport = module("plugin.adapters.network").make_transport(url)
    server = module("plugin.core.osm.api").OsmApi(url, alice, transport)
    theirs = {}
    for item in conflicts:
        xml = server.element_full(item.type, item.id)
        theirs[item.key] = parse(xml).get(*item.key) if xml else None
    # the three-way merge the upload action runs: mine is the base renamed, as alice did
    merge = module("plugin.core.osm.merge")
    results = []
    for item in conflicts:
        base = ours.get(item.key)
        mine = None
        if base is not None:
            mine = copy.deepcopy(base)
            mine.tags["name"] = (mine.tags.get("name") or "") + " (mine)"
        results.append(merge.merge_element(base, mine, theirs.get(item.key)))
    dialog = module("ui.conflict_dialog").ConflictDialog(
        [r for r in results if r.conflicts], iface.mainWindow()
    )
    dialog.show()
    try:
        save(dialog, stem, note=note)
    finally:
        dialog.reject()


def real_conflict(mine_id, gone_id, alice):
    """Edit both nodes in the downloaded layer and upload: ``(conflicts, base elements)``."""
    path, layers = downloaded()
    points = layers["osm_points"]
    points.startEditing()
    name = points.fields().indexOf("name")
    for osm_id, text in ((mine_id, " (mine)"), (gone_id, " (mine)")):
        feature = first(points, f'"osm_type" = \'node\' AND "osm_id" = {osm_id}')
        points.changeAttributeValue(feature.id(), name, (feature["name"] or "") + text)
    if not points.commitChanges():
        raise Failed("; ".join(points.commitErrors()))
    done = {}
    url = module("plugin.adapters.settings").load().api_url()
    module("plugin.adapters.upload_service").start_upload(
        path, layers, url, alice, "Names", "", lambda report, error: done.update(error=error)
    )
    wait_until(lambda: done, 120, "the upload")
    if not hasattr(done["error"], "conflicts"):
        raise Failed(f"the upload did not conflict: {done['error']}")
    base = module("plugin.core.gpkg").read_base(path)
    return done["error"].conflicts, {c.key: base.get(*c.key) for c in done["error"].conflicts}


@screen
def login(stem):
    """The login dialog: waiting for the browser, logged in (name from /user/details), timed out."""
    dialogs = module("ui.login_dialog")
    url = module("plugin.adapters.settings").load().api_url()
    QgsApplication.authManager().setMasterPassword("screens", True)
    dialog = dialogs.LoginDialog(url, iface.mainWindow(), open_url=lambda page: None)
    dialog.start()
    save(dialog, stem, "-waiting")
    # the browser, beside QGIS: the sandbox approves alice and redirects to the listener
    threading.Thread(
        target=requests.get, args=(dialog.login.authorize_url,), kwargs={"timeout": 30},
        daemon=True,
    ).start()  # fmt: skip
    wait_until(lambda: dialog.account, 60, "the login")
    save(dialog, stem, "-done")
    dialog.close()
    late = dialogs.LoginDialog(url, iface.mainWindow(), open_url=lambda page: None)
    late.timeout_s = 1
    late.start()
    wait_until(lambda: not late.running, 30, "the login's timeout")
    save(late, stem, "-timeout")
    late.close()


@screen
def tag_dock(stem):
    """The "OSM tags" dock on a selected restaurant, in edit mode."""
    _, layers = downloaded()
    points = layers["osm_points"]
    restaurant = first(points, '"amenity" = \'restaurant\' AND "name" IS NOT NULL')
    iface.setActiveLayer(points)
    points.startEditing()
    points.selectByIds([restaurant.id()])
    dock = plugin().tag_dock
    dock.show()
    dock.raise_()
    settle()
    try:
        save(dock, stem)
        save_window(stem)
    finally:
        points.removeSelection()
        points.rollBack()


@screen
def tag_form(stem):
    """The attribute form of an OSM layer: the tag editor, as identify and "Add feature" open it."""
    _, layers = downloaded()
    points = layers["osm_points"]
    restaurant = first(points, '"amenity" = \'restaurant\' AND "name" IS NOT NULL')
    points.startEditing()
    dialog = iface.getFeatureForm(points, restaurant)
    dialog.resize(440, 780)
    dialog.show()
    try:
        save(dialog, stem)
    finally:
        dialog.close()
        points.rollBack()


@screen
def settings_page(stem):
    """Settings › Options › OSM Roundtrip (QGIS opens its options modally: grabbed from a timer)."""
    grabbed = []

    def grab():
        dialog = QApplication.activeModalWidget()
        try:
            if dialog is None:
                raise Failed("the options dialog did not open")
            save(dialog, stem)
            pages = [w for w in dialog.findChildren(QWidget) if type(w).__name__ == "SettingsPage"]
            if not pages:
                raise Failed("the options dialog has no OSM Roundtrip page")
            save(pages[0], stem, "-page")
            grabbed.append(None)
        except Exception as exc:
            grabbed.append(exc)
        if dialog is not None:
            dialog.reject()

    QTimer.singleShot(2500, grab)
    plugin().show_settings()
    wait_until(lambda: grabbed, 30, "the options dialog")
    if grabbed[0] is not None:
        raise grabbed[0]


@screen
def settings_logout_failed(stem):
    """The account of the settings page after *Log out* when the server could not be told
    (nothing listens at the custom server's address)."""
    auth = module("plugin.adapters.auth")
    settings = module("plugin.adapters.settings")
    api_url = "http://127.0.0.1:9/api/0.6"
    QgsApplication.authManager().setMasterPassword("screens", True)
    auth.remember("screenshot-token", api_url)
    form = module("ui.settings_page").SettingsForm()
    form.set_values(
        settings.Settings(osm_server="custom", custom_api_url=api_url, oauth_client_id="my-app")
    )
    form.resize(760, form.sizeHint().height())
    form.show()
    try:
        form.logoutButton.click()
        wait_until(lambda: not form.accountMessage.isHidden(), 60, "the log out")
        form.resize(760, form.sizeHint().height())
        save(form, stem)
    finally:
        form.close()
        auth.forget(api_url)


def algorithm_screen(algorithm_id):
    def show(stem):
        dialog = processing.createAlgorithmDialog(f"osmroundtrip:{algorithm_id}")
        if dialog is None:
            raise Failed(f"no dialog for osmroundtrip:{algorithm_id}")
        dialog.show()
        try:
            save(dialog, stem)
        finally:
            dialog.close()

    SCREENS.append((f"processing-{algorithm_id}", show))


# -- running them ----------------------------------------------------------------------------------


def run():
    try:
        run_screens()
    finally:  # QGIS always quits; without a report the host script shows the log
        QgsApplication.exit(0)


def run_screens():
    DIR.mkdir(parents=True, exist_ok=True)
    for old in () if ONLY else DIR.glob("*.png"):
        old.unlink()
    provider = QgsApplication.processingRegistry().providerById("osmroundtrip")
    if provider is None:
        results.append({"file": "processing", "title": "", "error": "no osmroundtrip provider"})
    for algorithm in sorted(a.name() for a in provider.algorithms()) if provider else ():
        algorithm_screen(algorithm)
    previous_hook = sys.excepthook
    sys.excepthook = lambda kind, value, tb: python_errors.append(f"{kind.__name__}: {value}")
    for number, (name, function) in enumerate(SCREENS, start=1):
        if ONLY and name not in ONLY:
            continue
        stem = f"{number:02d}-{name}"
        python_errors.clear()
        try:
            function(stem)
        except Exception as exc:
            detail = str(exc) if isinstance(exc, Failed) else traceback.format_exc(limit=3)
            results.append({"file": stem, "title": "", "error": detail or repr(exc)})
        for widget in QApplication.topLevelWidgets():  # nothing may stay open for the next one
            if widget.isVisible() and widget.isWindow() and widget.inherits("QDialog"):
                widget.close()
    sys.excepthook = previous_hook
    names = [name for name, _ in SCREENS]
    for name in sorted(ONLY - set(names)):
        results.append({"file": name, "title": "", "error": "no such screen: " + ", ".join(names)})
    report = {"dir": str(DIR.relative_to(OUT)), "qgis": Qgis.QGIS_VERSION, "results": results}
    Path(os.environ["OSM_ROUNDTRIP_SCREENS_REPORT"]).write_text(json.dumps(report, indent=1))


iface.mainWindow().showMaximized()
QTimer.singleShot(2000, run)
