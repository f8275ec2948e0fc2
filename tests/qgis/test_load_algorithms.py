"""Processing: ``osmroundtrip:downloadbbox`` and ``osmroundtrip:loadosmfile``."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingUtils,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

VADUZ_EXTENT = "9.515,9.535,47.135,47.145 [EPSG:4326]"
TINY = Path(__file__).resolve().parents[1] / "sandbox" / "data" / "tiny.osm"
ROLES = {
    "POINTS": "osm_points",
    "LINES": "osm_lines",
    "POLYGONS": "osm_polygons",
    "RELATIONS": "osm_relations",
}


@pytest.fixture
def project(qgis_new_project):
    yield QgsProject.instance()
    QgsProject.instance().removeAllMapLayers()
    QgsProject.instance().layerTreeRoot().removeAllChildren()


def run(algorithm_id: str, parameters: dict, context=None):
    import processing

    context = context or QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return processing.run(
        algorithm_id, parameters, context=context, feedback=QgsProcessingFeedback()
    )


def test_algorithms_are_registered(provider):
    registry = QgsApplication.processingRegistry()
    download = registry.algorithmById("osmroundtrip:downloadbbox")
    load = registry.algorithmById("osmroundtrip:loadosmfile")
    assert download is not None and load is not None
    assert [p.name() for p in download.parameterDefinitions()] == [
        "EXTENT",
        "ENDPOINT",
        "OUTPUT",
        "OVERWRITE",
    ]
    assert [p.name() for p in load.parameterDefinitions()] == ["INPUT", "OUTPUT", "OVERWRITE"]
    assert {o.name() for o in download.outputDefinitions()} >= set(ROLES) | {"OUTPUT"}


def test_downloadbbox_writes_the_geopackage_and_returns_the_layers(
    provider, project, osm_sandbox, tmp_path
):
    path = tmp_path / "vaduz.gpkg"
    result = run(
        "osmroundtrip:downloadbbox",
        {"EXTENT": VADUZ_EXTENT, "ENDPOINT": osm_sandbox.api, "OUTPUT": str(path)},
    )
    assert result["OUTPUT"] == str(path)
    assert result["FEATURES"] > 1000
    for key, role in ROLES.items():
        layer = QgsVectorLayer(result[key], role, "ogr")
        assert layer.isValid(), key
        assert layer.featureCount() > 0, key


def test_downloadbbox_in_web_mercator_is_the_same_box(provider, project, osm_sandbox, tmp_path):
    from osm_roundtrip.plugin.core import gpkg

    path = tmp_path / "mercator.gpkg"
    to_mercator = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsCoordinateReferenceSystem("EPSG:3857"),
        QgsProject.instance(),
    )
    box = to_mercator.transformBoundingBox(QgsRectangle(9.515, 47.135, 9.535, 47.145))
    extent = (
        f"{box.xMinimum()!r},{box.xMaximum()!r},{box.yMinimum()!r},{box.yMaximum()!r} [EPSG:3857]"
    )
    run(
        "osmroundtrip:downloadbbox",
        {"EXTENT": extent, "ENDPOINT": osm_sandbox.api, "OUTPUT": str(path)},
    )
    (box,) = gpkg.read_base(path).bounds
    assert box == pytest.approx((9.515, 47.135, 9.535, 47.145), abs=1e-6)


def load_on_completion(context: QgsProcessingContext, feedback) -> None:
    """What the toolbox does after a run, through the public API: add each layer the run asked
    to load to its project, then let its post-processor finish it."""
    for uri, details in context.layersToLoadOnCompletion().items():
        layer = QgsProcessingUtils.mapLayerFromString(uri, context)
        assert layer is not None, uri
        details.setOutputLayerName(layer)
        owned = context.temporaryLayerStore().takeMapLayer(layer)
        details.project.addMapLayer(owned or layer)
        if details.postProcessor():
            details.postProcessor().postProcessLayer(layer, context, feedback)


def test_loaded_outputs_are_styled_and_grouped(provider, project, osm_sandbox, tmp_path):
    """As in the toolbox: the outputs load on completion into one group, styled."""
    from osm_roundtrip.plugin.adapters import osm_layers

    path = tmp_path / "toolbox.gpkg"
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("osmroundtrip:downloadbbox")
    parameters = {"EXTENT": VADUZ_EXTENT, "ENDPOINT": osm_sandbox.api, "OUTPUT": str(path)}
    _, ok = algorithm.run(parameters, context, feedback)
    assert ok
    assert len(context.layersToLoadOnCompletion()) == len(ROLES)
    load_on_completion(context, feedback)
    layers = osm_layers.download_layers(path)
    assert sorted(layers) == sorted(ROLES.values())
    groups = [g for g in QgsProject.instance().layerTreeRoot().children() if g.name() == "toolbox"]
    assert len(groups) == 1
    assert [n.layer().name() for n in groups[0].findLayers()] == [
        "osm_points",
        "osm_lines",
        "osm_polygons",
        "osm_relations",
    ]
    assert layers["osm_polygons"].renderer().type() == "categorizedSymbol"
    osm_id = layers["osm_points"].fields().indexOf("osm_id")
    assert layers["osm_points"].editFormConfig().readOnly(osm_id)


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"ENDPOINT": "http://127.0.0.1:9/api/0.6"}, "Could not connect"),
        (
            {
                "EXTENT": "9.515,9.515,47.135,47.145 [EPSG:4326]",
                "ENDPOINT": "http://127.0.0.1:9/api/0.6",
            },
            "empty",
        ),
    ],
    ids=["unreachable-server", "empty-extent"],
)
def test_downloadbbox_errors_are_processing_exceptions(
    provider, project, tmp_path, parameters, message
):
    values = {"EXTENT": VADUZ_EXTENT, "OUTPUT": str(tmp_path / "x.gpkg"), **parameters}
    with pytest.raises(QgsProcessingException, match=message):
        run("osmroundtrip:downloadbbox", values)
    assert not (tmp_path / "x.gpkg").exists()


def test_server_error_is_reported_with_the_server_text(provider, project, osm_sandbox, tmp_path):
    osm_sandbox.fault("status", path="/map", status=500, body="database exploded")
    try:
        with pytest.raises(QgsProcessingException, match="HTTP 500: database exploded"):
            run(
                "osmroundtrip:downloadbbox",
                {
                    "EXTENT": VADUZ_EXTENT,
                    "ENDPOINT": osm_sandbox.api,
                    "OUTPUT": str(tmp_path / "y.gpkg"),
                },
            )
    finally:
        osm_sandbox.clear_faults()


def test_an_open_geopackage_is_not_overwritten(provider, project, osm_sandbox, tmp_path):
    from osm_roundtrip.plugin.adapters import download_service, osm_layers

    path = tmp_path / "open.gpkg"
    download_service.download_to_gpkg((9.52, 47.14, 9.525, 47.142), osm_sandbox.api, path)
    osm_layers.open_download(path)
    with pytest.raises(QgsProcessingException, match="is open in the project"):
        run(
            "osmroundtrip:downloadbbox",
            {"EXTENT": VADUZ_EXTENT, "ENDPOINT": osm_sandbox.api, "OUTPUT": str(path)},
        )


def test_loadosmfile_gives_the_same_layers_as_a_download(provider, project, osm_sandbox, tmp_path):
    """The sandbox's own answer saved as .osm loads into the same features as the download."""
    import requests

    from osm_roundtrip.plugin.core import gpkg

    osm = tmp_path / "vaduz.osm"
    answer = requests.get(osm_sandbox.api + "/map", params={"bbox": "9.52,47.14,9.525,47.142"})
    osm.write_bytes(answer.content)
    from_file = run("osmroundtrip:loadosmfile", {"INPUT": str(osm), "OUTPUT": str(tmp_path / "f")})
    assert from_file["OUTPUT"] == str(tmp_path / "f.gpkg")
    downloaded = tmp_path / "d.gpkg"
    run(
        "osmroundtrip:downloadbbox",
        {
            "EXTENT": "9.52,9.525,47.14,47.142 [EPSG:4326]",
            "ENDPOINT": osm_sandbox.api,
            "OUTPUT": str(downloaded),
        },
    )
    assert gpkg.read_base(from_file["OUTPUT"]) == gpkg.read_base(downloaded)
    for key in ROLES:
        assert (
            QgsVectorLayer(from_file[key]).featureCount()
            == QgsVectorLayer(str(downloaded) + "|layername=" + ROLES[key]).featureCount()
        )


def test_loadosmfile_names_the_broken_line(provider, project, tmp_path):
    broken = tmp_path / "broken.osm"
    broken.write_text("<osm version='0.6'>\n<node id='1' lat='47' lon='9'>\n<tag k='a'", "utf-8")
    with pytest.raises(QgsProcessingException, match=r"broken\.osm is not valid XML at line 3"):
        run("osmroundtrip:loadosmfile", {"INPUT": str(broken), "OUTPUT": str(tmp_path / "b.gpkg")})


def test_a_geopackage_with_edits_is_replaced_only_with_overwrite(provider, project, tmp_path):
    from osm_roundtrip.plugin.core import gpkg
    from osm_roundtrip.plugin.core.osm.upload import changes_of_geopackage

    osm = tmp_path / "tiny.osm"
    osm.write_bytes(TINY.read_bytes())
    path = tmp_path / "tiny.gpkg"
    run("osmroundtrip:loadosmfile", {"INPUT": str(osm), "OUTPUT": str(path)})
    connection = gpkg.connect(path)
    with connection:
        connection.execute("UPDATE osm_points SET amenity = 'table' WHERE osm_id = 3")
    connection.close()
    saved = path.read_bytes()
    with pytest.raises(
        QgsProcessingException,
        match=r"edits not uploaded yet \(1\)\. It was not replaced\. Set OVERWRITE",
    ):
        run("osmroundtrip:loadosmfile", {"INPUT": str(osm), "OUTPUT": str(path)})
    assert path.read_bytes() == saved
    run("osmroundtrip:loadosmfile", {"INPUT": str(osm), "OUTPUT": str(path), "OVERWRITE": True})
    assert not changes_of_geopackage(path)
