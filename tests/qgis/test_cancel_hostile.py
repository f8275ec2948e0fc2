"""Cancel and quit against a server that holds the request: a download in the GUI's task and in
Processing stops within a second of Cancel, whether the server has not answered yet or drips its
answer, and QGIS quits promptly with a download in flight. The server is our own, on 127.0.0.1,
and stops sending by itself."""

from __future__ import annotations

import http.server
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

ROOT = Path(__file__).resolve().parents[2]
VADUZ = (9.515, 47.135, 9.535, 47.145)
HOLD_FOR = 20.0  # the longest any handler keeps a connection, whatever the test does
CAPABILITIES = (
    b'<?xml version="1.0"?><osm version="0.6"><api><area maximum="0.25"/>'
    b'<status database="online" api="online" gpx="online"/></api></osm>'
)


class Holding(http.server.BaseHTTPRequestHandler):
    """Capabilities answered at once; ``/map`` held: ``silent`` sends nothing, ``drip`` one
    byte every 0.2 s of a body that would never end."""

    protocol_version = "HTTP/1.1"

    def do_GET(self):
        server = self.server
        if self.path.endswith("/capabilities"):
            self._answer(CAPABILITIES)
            return
        server.requests.set()
        ends = time.monotonic() + HOLD_FOR
        try:
            if server.mode == "drip":
                self.send_response(200)
                self.send_header("Content-Type", "text/xml")
                self.send_header("Content-Length", "100000")
                self.end_headers()
                self.wfile.write(b"<osm>")
                while time.monotonic() < ends and not server.closing:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.2)
            else:
                while time.monotonic() < ends and not server.closing:
                    time.sleep(0.05)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _answer(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def holding():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Holding)
    server.daemon_threads = True
    server.closing = False
    server.mode = "silent"
    server.requests = threading.Event()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    server.api = f"http://127.0.0.1:{server.server_address[1]}/api/0.6"
    yield server
    server.closing = True
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.mark.parametrize("mode", ["silent", "drip"])
def test_cancel_stops_a_held_download_within_a_second(
    holding, mode, project, qgis_iface, qtbot, tmp_path
):
    from osm_roundtrip.plugin.adapters import download_service
    from osm_roundtrip.plugin.core.errors import Cancelled

    holding.mode = mode
    path = tmp_path / "held.gpkg"
    calls = []
    task = download_service.start_download(
        qgis_iface, VADUZ, holding.api, path, lambda *args: calls.append(args)
    )
    assert holding.requests.wait(15), "the download never asked for the map"
    time.sleep(0.5)  # well inside the phase: waiting for headers, or reading the slow body
    cancelled_at = time.monotonic()
    task.cancel()
    qtbot.waitUntil(lambda: bool(calls), timeout=5_000)
    elapsed = time.monotonic() - cancelled_at
    assert elapsed < 1.0, f"the download ended {elapsed:.2f} s after Cancel"
    layers, error = calls[0]
    assert layers is None and isinstance(error, Cancelled)
    assert not path.exists()
    assert not path.with_name(path.name + ".part").exists()


def test_cancel_in_the_message_bar_gives_one_message_and_no_failed_task(
    holding, project, qgis_iface, qtbot, tmp_path
):
    """The dialog's download shows its progress with a Cancel button in the message bar; after
    Cancel the item is gone, one message says what happened, and the task did not fail (QGIS
    would announce a failed task itself)."""
    from qgis.core import Qgis, QgsSettings, QgsTask
    from qgis.PyQt.QtWidgets import QDialogButtonBox, QProgressBar, QPushButton

    from osm_roundtrip.ui.download_dialog import DownloadDialog

    QgsSettings().setValue("osm_roundtrip/osm_server", "custom")
    QgsSettings().setValue("osm_roundtrip/custom_api_url", holding.api)
    try:
        dialog = DownloadDialog(qgis_iface)
    finally:
        QgsSettings().remove("osm_roundtrip/osm_server")
        QgsSettings().remove("osm_roundtrip/custom_api_url")
    qtbot.addWidget(dialog)
    assert dialog.api_url() == holding.api
    dialog.set_bbox(VADUZ)
    path = tmp_path / "held.gpkg"
    dialog.output.setFilePath(str(path))
    dialog.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    task = dialog.task
    assert task is not None
    bar = qgis_iface.messageBar()
    assert len(bar.items()) == 1
    item = bar.items()[0]
    assert item.findChild(QProgressBar) is not None
    cancel = item.findChild(QPushButton, "OsmRoundtripCancelDownload")
    assert cancel is not None and cancel.isVisible() is not None
    statuses = []
    task.statusChanged.connect(statuses.append)
    assert holding.requests.wait(15), "the download never asked for the map"
    cancel.click()
    ended = (QgsTask.Complete, QgsTask.Terminated)
    qtbot.waitUntil(lambda: any(status in ended for status in statuses), timeout=5_000)
    qtbot.waitUntil(lambda: not bar.items(), timeout=5_000)
    assert QgsTask.Complete in statuses  # not "terminated": QGIS says "Task failed" then
    assert QgsTask.Terminated not in statuses
    messages = {level: bar.get_messages(level) for level in bar.messages}
    assert messages[Qgis.MessageLevel.Info] == [
        "OSM Roundtrip:Download cancelled; nothing was changed."
    ]
    assert sum(len(texts) for texts in messages.values()) == 1
    assert not path.exists()


def test_processing_download_is_cancelled_within_a_second(holding, provider, project, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    holding.mode = "drip"
    feedback = QgsProcessingFeedback()
    cancelled = []

    def cancel_when_held():
        if holding.requests.wait(15):
            time.sleep(0.5)
            cancelled.append(time.monotonic())
            feedback.cancel()

    canceller = threading.Thread(target=cancel_when_held)
    canceller.start()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    path = tmp_path / "held.gpkg"
    with pytest.raises(QgsProcessingException):
        processing.run(
            "osmroundtrip:downloadbbox",
            {
                "EXTENT": "9.515,9.535,47.135,47.145 [EPSG:4326]",
                "ENDPOINT": holding.api,
                "OUTPUT": str(path),
            },
            context=context,
            feedback=feedback,
        )
    ended = time.monotonic()
    canceller.join(5)
    assert cancelled, "the download never asked for the map"
    assert ended - cancelled[0] < 1.0, f"ended {ended - cancelled[0]:.2f} s after Cancel"
    assert not path.exists()


QUIT = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {root!r})
    from tools.plugin_package import use_plugin_package
    use_plugin_package()
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QTimer
    app = QgsApplication([], False)
    app.initQgis()
    from osm_roundtrip.plugin.adapters import download_service
    task = download_service.start_download(None, {bbox!r}, {api!r}, {path!r}, lambda *a: None)
    marks = {{}}

    def quit_when_running():
        if task.status() != task.Running:
            QTimer.singleShot(50, quit_when_running)
            return
        print("quitting", flush=True)
        marks["quit"] = time.monotonic()
        app.quit()

    QTimer.singleShot(1000, quit_when_running)
    (getattr(app, "exec_", None) or app.exec)()  # Qt5 names it exec_, Qt6 exec
    app.exitQgis()  # as QGIS's main() does after its event loop ends
    print("quit after %.2f s" % (time.monotonic() - marks["quit"]), flush=True)
    """
)


def test_qgis_quits_promptly_with_a_download_in_flight(holding, tmp_path):
    code = QUIT.format(
        root=str(ROOT), bbox=VADUZ, api=holding.api, path=str(tmp_path / "held.gpkg")
    )
    started = time.monotonic()
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert holding.requests.is_set(), child.stderr[-2000:]
    assert "quitting" in child.stdout, child.stderr[-2000:]
    line = child.stdout.strip().splitlines()[-1]
    assert line.startswith("quit after"), child.stdout + child.stderr[-2000:]
    seconds = float(line.split()[2])
    assert seconds < 3.0, line
    assert time.monotonic() - started < 45
