"""Editing a download turns on topological editing and snapping; the user's settings come back."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsSnappingConfig, QgsVectorLayer

TINY = Path(__file__).resolve().parents[1] / "sandbox" / "data" / "tiny.osm"


@pytest.fixture
def project(qgis_new_project):
    project = QgsProject.instance()
    project.setTopologicalEditing(False)
    config = QgsSnappingConfig(project)
    config.setEnabled(False)
    config.setTolerance(3)
    project.setSnappingConfig(config)
    yield project
    for layer in project.mapLayers().values():
        if layer.isEditable():
            layer.rollBack()
    project.removeAllMapLayers()
    project.layerTreeRoot().removeAllChildren()


@pytest.fixture
def guard(project):
    from osm_roundtrip.plugin.adapters.topology import TopologyGuard

    told = []
    guard = TopologyGuard(project, notify=told.append)
    guard.told = told
    yield guard
    guard.stop()


@pytest.fixture
def layers(project, tmp_path):
    from osm_roundtrip.plugin.adapters import download_service, osm_layers

    path = tmp_path / "tiny.gpkg"
    download_service.osm_file_to_gpkg(TINY, path)
    return osm_layers.open_download(path, "tiny", project)


def test_editing_a_download_turns_topology_and_snapping_on_until_the_last_layer_stops(
    project, guard, layers
):
    lines, points = layers["osm_lines"], layers["osm_points"]
    assert lines.startEditing()
    assert project.topologicalEditing()
    snapping = project.snappingConfig()
    assert snapping.enabled() and snapping.tolerance() == 12
    assert len(guard.told) == 1 and "Topological editing and snapping are on" in guard.told[0]
    assert points.startEditing()
    assert len(guard.told) == 1  # told once
    assert lines.rollBack()
    assert project.topologicalEditing()  # the points are still being edited
    assert points.rollBack()
    assert not project.topologicalEditing()
    assert not project.snappingConfig().enabled()
    assert project.snappingConfig().tolerance() == 3


def test_other_layers_are_left_alone(project, guard, layers):
    other = QgsVectorLayer("Point?crs=EPSG:4326", "mine", "memory")
    project.addMapLayer(other)
    assert other.startEditing()
    assert not project.topologicalEditing() and not guard.told
    other.rollBack()


def test_a_download_opened_later_is_watched_and_unload_restores(project, guard, tmp_path):
    from osm_roundtrip.plugin.adapters import download_service, osm_layers

    path = tmp_path / "later.gpkg"
    download_service.osm_file_to_gpkg(TINY, path)
    lines = osm_layers.open_download(path, "later", project)["osm_lines"]
    assert lines.startEditing()
    assert project.topologicalEditing()
    guard.stop()
    assert not project.topologicalEditing() and not project.snappingConfig().enabled()
    lines.rollBack()
    assert lines.startEditing()  # no longer watched
    assert not project.topologicalEditing()
    lines.rollBack()
    guard.stop = lambda: None  # stopped already


def test_removing_the_edited_layers_restores(project, guard, layers):
    assert layers["osm_polygons"].startEditing()
    assert project.topologicalEditing()
    project.removeMapLayers([layer.id() for layer in layers.values()])
    assert not project.topologicalEditing()
