"""Edits made with QGIS's own editing are in the download's edit log, and the review computed
from the log equals the one computed from the whole file."""

from __future__ import annotations

import shutil

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject
from vaduz_data import write_vaduz_gpkg

from osm_roundtrip.plugin.adapters import compat


@pytest.fixture(scope="module")
def vaduz(tmp_path_factory):
    return write_vaduz_gpkg(tmp_path_factory.mktemp("log"))[0]


@pytest.fixture
def layers(vaduz, tmp_path, qgis_new_project):
    from osm_roundtrip.plugin.adapters import osm_layers

    path = tmp_path / "vaduz.gpkg"
    shutil.copy(vaduz, path)
    opened = osm_layers.open_download(path, "Vaduz")
    yield path, opened
    for layer in opened.values():
        if layer.isEditable():
            layer.rollBack()
    QgsProject.instance().removeAllMapLayers()


def both(path):
    from osm_roundtrip.plugin.core import gpkg
    from osm_roundtrip.plugin.core.gpkg_partial import edited_part
    from osm_roundtrip.plugin.core.osm import osmchange
    from osm_roundtrip.plugin.core.osm.diff import compute_changes

    whole = compute_changes(
        gpkg.read_base(path), gpkg.read_features(path), loaded=gpkg.read_loaded(path)
    )
    part = edited_part(path)
    assert part is not None, "the edit log is incomplete"
    logged = compute_changes(part.base, part.features, loaded=part.loaded)
    return osmchange.build(whole, None), osmchange.build(logged, None), part


def test_qgis_edits_are_logged_and_reviewed_alike(layers):
    path, opened = layers
    points, lines = opened["osm_points"], opened["osm_lines"]
    for layer in (points, lines):
        assert layer.startEditing()
    point = next(points.getFeatures('"name" IS NOT NULL'))
    points.changeAttributeValue(point.id(), points.fields().indexOf("name"), "Neuer Name")
    street = next(lines.getFeatures("\"highway\" = 'residential'"))
    vertex = street.geometry().vertexAt(1)
    lines.moveVertex(vertex.x() + 0.00003, vertex.y(), street.id(), 1)
    gone = next(lines.getFeatures("\"highway\" = 'footway'"))
    lines.deleteFeature(gone.id())
    bench = QgsFeature(points.fields())
    bench.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(9.525, 47.14)))
    bench["amenity"] = "bench"
    points.addFeature(bench)
    for layer in (points, lines):
        assert layer.commitChanges(), layer.commitErrors()

    whole, logged, part = both(path)
    assert logged == whole
    assert b"Neuer Name" in logged and b"<delete" in logged and b'"bench"' in logged
    assert part.edited_rows >= 4


def test_a_new_tag_field_keeps_the_log_a_removed_one_sets_it_aside(layers):
    """A removed column removes its tag from every feature, which no trigger sees: the file is
    then read whole."""
    from osm_roundtrip.plugin.core.gpkg_partial import edited_part
    from osm_roundtrip.plugin.core.osm.upload import changes_of_geopackage

    path, opened = layers
    points = opened["osm_points"]
    assert points.startEditing()
    assert points.addAttribute(compat.field("survey:date"))
    assert points.commitChanges(), points.commitErrors()
    assert points.startEditing()
    index = points.fields().indexOf("survey:date")
    point = next(points.getFeatures())
    points.changeAttributeValue(point.id(), index, "2026-12-06")
    assert points.commitChanges(), points.commitErrors()
    whole, logged, _ = both(path)
    assert logged == whole and b"survey:date" in logged

    with_wheelchair = len(list(points.getFeatures('"wheelchair" IS NOT NULL')))
    assert with_wheelchair > 1
    assert points.startEditing()
    assert points.deleteAttribute(points.fields().indexOf("wheelchair"))
    assert points.commitChanges(), points.commitErrors()
    assert edited_part(path) is None
    removed = [c for c in changes_of_geopackage(path) if c.element.tags.get("wheelchair") is None]
    assert len(removed) >= with_wheelchair
