"""``osmroundtrip:validate`` and the validation inside ``uploadedits``, on sandbox downloads edited
with SQL as a GIS writes them: an untagged new point is an error, an outdated tag a warning."""

from __future__ import annotations

import pytest
import requests
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
)

from osm_roundtrip.plugin.adapters import auth, download_service
from osm_roundtrip.plugin.core.gpkg import encode_point
from osm_roundtrip.plugin.core.gpkg_update import connect

BBOX = (9.518, 47.138, 9.524, 47.142)


@pytest.fixture
def download(osm_sandbox, tmp_path, qgis_new_project):
    osm_sandbox.reset()
    path = tmp_path / "vaduz.gpkg"
    download_service.download_to_gpkg(BBOX, osm_sandbox.api, path)
    return path


def add_points(path, *rows):
    with connect(path) as db:
        for (lon, lat), amenity in rows:
            db.execute(
                "INSERT INTO osm_points (geom, amenity) VALUES (?, ?)",
                (encode_point(lon, lat), amenity),
            )


def run(name, parameters, feedback=None):
    import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing.run(
        f"osmroundtrip:{name}",
        parameters,
        context=context,
        feedback=feedback or QgsProcessingFeedback(),
    )
    return result, context


def issues(result, context):
    from qgis.core import QgsProcessingUtils

    layer = result["OUTPUT"]  # processing.run gives the layer itself
    if isinstance(layer, str):
        layer = QgsProcessingUtils.mapLayerFromString(layer, context)
    return [
        {name: feature[name] for name in ("rule", "severity", "message", "elements", "fix")}
        | {"point": feature.geometry().asPoint() if feature.hasGeometry() else None}
        for feature in layer.getFeatures()
    ]


def test_an_unedited_download_validates_clean(provider, download):
    result, context = run("validate", {"INPUT": str(download), "OUTPUT": "memory:"})
    assert (result["ERRORS"], result["WARNINGS"]) == (0, 0)
    assert issues(result, context) == []


def test_the_issues_layer_has_a_point_per_issue(provider, download):
    add_points(download, ((9.5210, 47.1400), None), ((9.5215, 47.1405), "lockers"))
    result, context = run("validate", {"INPUT": str(download), "OUTPUT": "memory:"})
    rows = issues(result, context)
    assert (result["ERRORS"], result["WARNINGS"]) == (1, 1)
    by_rule = {row["rule"]: row for row in rows}
    untagged = by_rule["missing_tag"]
    assert untagged["severity"] == "error" and "has no tags" in untagged["message"]
    assert (round(untagged["point"].x(), 4), round(untagged["point"].y(), 4)) == (9.521, 47.14)
    outdated = by_rule["outdated_tags"]
    assert outdated["severity"] == "warning"
    assert "amenity=lockers → amenity=locker" in outdated["message"] and outdated["fix"]


def test_fail_on_errors_fails_with_the_count(provider, download):
    add_points(download, ((9.5210, 47.1400), None))
    with pytest.raises(QgsProcessingException, match="1 error"):
        run("validate", {"INPUT": str(download), "FAIL_ON_ERRORS": True, "OUTPUT": "memory:"})


def test_uploadedits_refuses_edits_with_errors_and_sends_nothing(
    provider, download, osm_sandbox, auth_db
):
    add_points(download, ((9.5210, 47.1400), None))
    config_id = auth.store_token(osm_sandbox.token(), osm_sandbox.api)
    before = requests.get(f"{osm_sandbox.api}/changesets", timeout=20).content
    try:
        with pytest.raises(QgsProcessingException, match="Nothing was uploaded") as caught:
            run(
                "uploadedits",
                {"INPUT": str(download), "AUTH": config_id, "COMMENT": "A model's edits"},
            )
    finally:
        auth.remove_token(config_id)
    assert "has no tags" in str(caught.value)
    assert requests.get(f"{osm_sandbox.api}/changesets", timeout=20).content == before
