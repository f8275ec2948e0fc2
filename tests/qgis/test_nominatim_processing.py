"""Nominatim Processing algorithms against the real local Nominatim, in QGIS and qgis_process."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

ROOT = Path(__file__).resolve().parents[2]
TEMP = "TEMPORARY_OUTPUT"


@pytest.fixture
def url(nominatim_server, provider):
    """The server's URL; the settings' default interval is 0 s for it (a local server)."""
    from qgis.core import QgsSettings

    store = QgsSettings()
    key = "osm_roundtrip/nominatim_interval"
    old = store.value(key)
    store.setValue(key, 0.0)
    yield nominatim_server.url
    if old is None:
        store.remove(key)
    else:
        store.setValue(key, old)


def run(algorithm: str, params: dict, feedback=None) -> tuple:
    import processing

    context = QgsProcessingContext()
    return processing.run(
        f"osmroundtrip:{algorithm}", params, context=context, feedback=feedback
    ), context


def layer(result, context, key) -> QgsVectorLayer:
    value = result[key]
    if isinstance(value, QgsVectorLayer):
        return value
    found = context.getMapLayer(value) if isinstance(value, str) else None
    return found or QgsVectorLayer(value, key, "ogr")


def features(vector: QgsVectorLayer) -> list:
    return list(vector.getFeatures())


def table(rows: list, fields: list, geometry: str = "None", crs: str = "") -> QgsVectorLayer:
    uri = geometry + (f"?crs={crs}" if crs else "")
    vector = QgsVectorLayer(uri, "input", "memory")
    vector.dataProvider().addAttributes([QgsField(name, QVariant.String) for name in fields])
    vector.updateFields()
    out = []
    for row in rows:
        feature = QgsFeature(vector.fields())
        values, point = (row[0], row[1]) if geometry != "None" else (row, None)
        feature.setAttributes(list(values))
        if point is not None:
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*point)))
        out.append(feature)
    vector.dataProvider().addFeatures(out)
    return vector


# -- nominatimsearch -----------------------------------------------------------------------------


def test_search_free_form_with_outlines(url):
    result, context = run(
        "nominatimsearch",
        {
            "ENDPOINT": url,
            "QUERY": "Vaduz",
            "OUTLINES": True,
            "EXTRATAGS": True,
            "OUTPUT_POINTS": TEMP,
            "OUTPUT_OUTLINES": TEMP,
        },
    )

    assert result["COUNT"] == 1
    points, outlines = (layer(result, context, k) for k in ("OUTPUT_POINTS", "OUTPUT_OUTLINES"))
    assert points.crs().authid() == outlines.crs().authid() == "EPSG:4326"
    [point] = features(points)
    [outline] = features(outlines)
    assert point["name"] == "Vaduz" and point["osm_id"] == 1155956
    assert point["addr_country_code"] == "li" and point["extra_capital"] == "yes"
    assert json.loads(point["raw_json"])["place_id"] == point["place_id"]
    assert outline.geometry().wkbType() == QgsWkbTypes.MultiPolygon
    assert outline.geometry().contains(point.geometry())


def test_search_structured_gives_lines_for_streets(url):
    result, context = run(
        "nominatimsearch",
        {
            "ENDPOINT": url,
            "CITY": "Vaduz",
            "STREET": "Städtle",
            "OUTPUT_POINTS": TEMP,
            "OUTPUT_OUTLINES": TEMP,
            "OUTPUT_LINES": TEMP,
        },
    )

    lines = features(layer(result, context, "OUTPUT_LINES"))
    assert result["COUNT"] == 2 and len(lines) == 2
    assert {f["category"] for f in lines} == {"highway"}
    assert all(f.geometry().type() == QgsWkbTypes.GeometryType.LineGeometry for f in lines)
    assert features(layer(result, context, "OUTPUT_OUTLINES")) == []


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"QUERY": "Vaduz", "COUNTRYCODES": "ch"}, lambda rows: rows == []),
        ({"QUERY": "Vaduz", "COUNTRYCODES": "li"}, lambda rows: rows[0]["name"] == "Vaduz"),
        ({"QUERY": "Schaan", "FEATURE_TYPE": 0}, lambda rows: rows == []),
        ({"QUERY": "Liechtenstein", "FEATURE_TYPE": 0}, lambda rows: rows[0]["place_rank"] == 4),
        (
            {"QUERY": "Schule", "LAYER": [1]},  # poi
            lambda rows: rows and all(r["type"] != "residential" for r in rows),
        ),
        (
            {"QUERY": "Schule", "LAYER": [0]},  # address
            lambda rows: any(r["type"] == "residential" for r in rows),
        ),
        ({"QUERY": "Vaduz", "FEATURE_TYPE": "city"}, lambda rows: rows[0]["name"] == "Vaduz"),
        ({"QUERY": "Vaduz", "FEATURE_TYPE": "State"}, lambda rows: rows == []),
        (
            {"QUERY": "Schule", "LAYER": ["poi", "address"]},
            lambda rows: {"residential", "bus_stop"} <= {r["type"] for r in rows},
        ),
        (
            {"QUERY": "Schule", "LAYER": "POI,address"},
            lambda rows: {"residential", "bus_stop"} <= {r["type"] for r in rows},
        ),
        (
            {"QUERY": "Schule", "LAYER": ["poi", 0]},
            lambda rows: {"residential", "bus_stop"} <= {r["type"] for r in rows},
        ),
        ({"QUERY": "Schule", "LAYER": "natural"}, lambda rows: rows == []),
        (
            {
                "QUERY": "Restaurant",
                "LIMIT": 40,
                "VIEWBOX": "9.50,9.55,47.20,47.25 [EPSG:4326]",
                "BOUNDED": True,
            },
            lambda rows: (
                0 < len(rows) < 20
                and all(9.50 <= r["lon"] <= 9.55 and 47.20 <= r["lat"] <= 47.25 for r in rows)
            ),
        ),
        (
            {"QUERY": "Restaurant", "LIMIT": 2, "EXCLUDE_PLACE_IDS": "102266,100458"},
            lambda rows: len(rows) == 2 and not {r["place_id"] for r in rows} & {102266, 100458},
        ),
    ],
    ids=[
        "country-excludes",
        "country-includes",
        "featuretype-excludes",
        "featuretype-country",
        "layer-poi",
        "layer-address",
        "featuretype-by-name",
        "featuretype-by-name-any-case",
        "layers-by-name",
        "layers-by-name-comma-separated",
        "layers-by-name-and-number",
        "layer-by-name-excludes",
        "bounded-viewbox",
        "exclude-place-ids",
    ],
)
def test_search_filters(url, params, check):
    result, context = run(
        "nominatimsearch",
        {"ENDPOINT": url, "OUTLINES": False, "OUTPUT_POINTS": TEMP, **params},
    )

    assert check(features(layer(result, context, "OUTPUT_POINTS")))


def test_search_errors_become_processing_errors(url):
    base = {"ENDPOINT": url, "QUERY": "Vaduz", "OUTPUT_POINTS": TEMP}
    with pytest.raises(QgsProcessingException, match="“xyz” is not a country code"):
        run("nominatimsearch", {**base, "COUNTRYCODES": "xyz"})
    with pytest.raises(QgsProcessingException, match="cannot be combined with structured"):
        run("nominatimsearch", {**base, "CITY": "Vaduz"})
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(QgsProcessingException, match=f"Could not connect to 127.0.0.1:{port}"):
        run("nominatimsearch", {**base, "ENDPOINT": f"http://127.0.0.1:{port}"})


# -- geocodetable --------------------------------------------------------------------------------


def test_geocode_table_free_form_keeps_every_row(url):
    rows = [("1", "Vaduz"), ("2", "Schaan"), ("3", ""), ("4", "Xyzzy Nowhere 999")]
    source = table(rows, ["id", "address"])

    result, context = run(
        "geocodetable",
        {"INPUT": source, "QUERY_FIELD": "address", "ENDPOINT": url, "INTERVAL": 0, "OUTPUT": TEMP},
    )

    out = features(layer(result, context, "OUTPUT"))
    assert [(f["id"], f["address"]) for f in out] == rows
    assert [f["status"] for f in out] == ["ok", "ok", "empty", "not_found"]
    assert out[0]["osm_id"] == 1155956 and out[0]["osm_type"] == "relation"
    assert out[1]["display_name"].startswith("Schaan")
    assert out[2]["status_text"] and out[3]["status_text"]
    assert not out[0].geometry().isNull() and out[2].geometry().isNull()
    assert (result["GEOCODED"], result["FAILED"]) == (2, 2)


class SlowDownProxy:
    """Forwards to the real Nominatim, but answers every other request "429, Retry-After: 1"."""

    def __init__(self, target: str) -> None:
        import http.server
        import threading
        import urllib.request

        proxy = self
        self.refused = 0

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                proxy.count = getattr(proxy, "count", 0) + 1
                if proxy.count % 2:
                    proxy.refused += 1
                    body, status, headers = b"Too Many Requests", 429, {"Retry-After": "1"}
                else:
                    with urllib.request.urlopen(target + self.path, timeout=20) as reply:
                        body, status = reply.read(), reply.status
                        headers = {"Content-Type": reply.headers["Content-Type"]}
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_geocode_table_waits_out_slow_down_answers_and_geocodes_every_row(url):
    proxy = SlowDownProxy(url)
    feedback = QgsProcessingFeedback()
    said = []
    feedback.pushInfo = said.append
    try:
        rows = [("1", "Vaduz"), ("2", "Schaan"), ("3", "Triesen"), ("4", "Balzers")]
        result, context = run(
            "geocodetable",
            {
                "INPUT": table(rows, ["id", "address"]),
                "QUERY_FIELD": "address",
                "ENDPOINT": proxy.url,
                "INTERVAL": 0,
                "OUTPUT": TEMP,
            },
            feedback,
        )
    finally:
        proxy.stop()
    out = features(layer(result, context, "OUTPUT"))
    assert [f["status"] for f in out] == ["ok"] * 4
    assert (result["GEOCODED"], result["FAILED"]) == (4, 0)
    assert proxy.refused == 4
    waits = [t for t in said if "asks to slow down: waiting 1 s" in t]
    assert len(waits) == 4


def test_geocode_table_structured(url):
    source = table([("Städtle", "Vaduz"), ("", "Schaan")], ["street", "city"])

    result, context = run(
        "geocodetable",
        {
            "INPUT": source,
            "STREET_FIELD": "street",
            "CITY_FIELD": "city",
            "COUNTRYCODES": "li",
            "ENDPOINT": url,
            "INTERVAL": 0,
            "OUTPUT": TEMP,
        },
    )

    out = features(layer(result, context, "OUTPUT"))
    assert [f["status"] for f in out] == ["ok", "ok"]
    assert out[0]["category"] == "highway" and "Städtle" in out[0]["display_name"]
    assert out[1]["display_name"].startswith("Schaan")


def test_geocode_table_needs_an_address_field(url):
    source = table([("Vaduz",)], ["address"])
    with pytest.raises(QgsProcessingException, match=r"free-form\) or at least one structured"):
        run("geocodetable", {"INPUT": source, "ENDPOINT": url, "INTERVAL": 0, "OUTPUT": TEMP})


def test_geocode_table_is_throttled(url):
    source = table([(name,) for name in ("Vaduz", "Schaan", "Triesen", "Balzers")], ["address"])
    started = time.monotonic()

    result, _ = run(
        "geocodetable",
        {
            "INPUT": source,
            "QUERY_FIELD": "address",
            "ENDPOINT": url,
            "INTERVAL": 0.25,
            "OUTPUT": TEMP,
        },
    )

    assert result["GEOCODED"] == 4
    assert time.monotonic() - started >= 0.7  # three waits between four requests


class CancelAfterFirstRow(QgsProcessingFeedback):
    def setProgress(self, progress):
        super().setProgress(progress)
        if progress > 0:
            self.cancel()


def test_geocode_table_can_be_cancelled(url):
    source = table([(f"Vaduz {i}",) for i in range(20)], ["address"])
    feedback = CancelAfterFirstRow()

    result, context = run(
        "geocodetable",
        {"INPUT": source, "QUERY_FIELD": "address", "ENDPOINT": url, "INTERVAL": 0, "OUTPUT": TEMP},
        feedback=feedback,
    )

    assert feedback.isCanceled()
    assert len(features(layer(result, context, "OUTPUT"))) == 1


# -- reversegeocode ------------------------------------------------------------------------------


def test_reverse_geocode_adds_address_columns(url):
    from qgis.core import QgsCoordinateTransform, QgsProject

    to_mercator = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsCoordinateReferenceSystem("EPSG:3857"),
        QgsProject.instance(),
    )
    building = to_mercator.transform(QgsPointXY(9.5199871, 47.1396562))
    ocean = to_mercator.transform(QgsPointXY(-30.0, 0.0))
    source = table(
        [(("a",), (building.x(), building.y())), (("b",), (ocean.x(), ocean.y()))],
        ["label"],
        geometry="Point",
        crs="EPSG:3857",
    )

    result, context = run(
        "reversegeocode",
        {"INPUT": source, "ZOOM": 18, "ENDPOINT": url, "INTERVAL": 0, "OUTPUT": TEMP},
    )

    out = layer(result, context, "OUTPUT")
    assert out.crs().authid() == "EPSG:3857"
    first, second = features(out)
    assert first["label"] == "a" and first["status"] == "ok"
    assert first["addr_road"] == "Badwegli" and first["addr_house_number"] == "5"
    assert first["osm_type"] == "way" and first["category"] == "building"
    assert first.geometry().asPoint() == building
    assert second["label"] == "b" and second["status"] == "not_found"


# -- qgis_process ----------------------------------------------------------------------------------


@pytest.fixture
def qgis_process(tmp_path):
    """Runs ``qgis_process.bin`` with the plugin enabled in a fresh profile; returns
    ``run(*arguments) -> CompletedProcess``."""
    binary = shutil.which("qgis_process.bin") or "/usr/bin/qgis_process.bin"
    if not Path(binary).exists():
        pytest.fail("qgis_process.bin is not installed (Debian package qgis)")
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "osm_roundtrip").symlink_to(ROOT, target_is_directory=True)
    config = tmp_path / "profile"  # a fresh QGIS profile: the plugin starts disabled
    env = dict(
        os.environ,
        QGIS_PLUGINPATH=str(plugins),
        QGIS_CUSTOM_CONFIG_PATH=str(config),
        QGIS_OPTIONS_PATH=str(config),
        HOME=str(tmp_path),
        QT_QPA_PLATFORM="offscreen",
    )
    enabled = subprocess.run(
        [binary, "plugins", "enable", "osm_roundtrip"], env=env, capture_output=True, text=True
    )
    assert enabled.returncode == 0, enabled.stdout[-2000:] + enabled.stderr[-2000:]

    def run_process(*arguments: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [binary, *arguments], env=env, capture_output=True, text=True, timeout=120
        )

    return run_process


def report(done: subprocess.CompletedProcess) -> dict:
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout[done.stdout.index("{") :])


def test_search_runs_in_qgis_process(url, tmp_path, qgis_process):
    points = tmp_path / "points.gpkg"

    done = qgis_process(
        "--json",
        "run",
        "osmroundtrip:nominatimsearch",
        "--",
        f"ENDPOINT={url}",
        "QUERY=Vaduz",
        "OUTLINES=true",
        f"OUTPUT_POINTS={points}",
        f"OUTPUT_OUTLINES={tmp_path / 'outlines.gpkg'}",
    )

    assert report(done)["results"]["COUNT"] == 1
    vector = QgsVectorLayer(str(points), "points", "ogr")
    [feature] = features(vector)
    assert feature["name"] == "Vaduz" and feature["osm_type"] == "relation"
    outlines = QgsVectorLayer(str(tmp_path / "outlines.gpkg"), "outlines", "ogr")
    assert outlines.featureCount() == 1
    assert outlines.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry


def test_qgis_process_takes_enum_names(url, tmp_path, qgis_process):
    points = tmp_path / "points.gpkg"
    base = [
        "--json",
        "run",
        "osmroundtrip:nominatimsearch",
        f"--ENDPOINT={url}",
        "--OUTLINES=false",
    ]

    by_name = qgis_process(
        *base,
        "--QUERY=Vaduz",
        "--FEATURE_TYPE=city",
        "--LAYER=poi,address",
        f"--OUTPUT_POINTS={points}",
    )
    unknown = qgis_process(*base, "--QUERY=Vaduz", "--LAYER=poi,shop", f"--OUTPUT_POINTS={points}x")

    assert report(by_name)["results"]["COUNT"] == 1
    [feature] = features(QgsVectorLayer(str(points), "points", "ogr"))
    assert feature["name"] == "Vaduz"
    assert unknown.returncode != 0
    assert "“shop” is not a value of LAYER" in unknown.stdout + unknown.stderr
    assert "address, poi, railway, natural, manmade" in unknown.stdout + unknown.stderr
