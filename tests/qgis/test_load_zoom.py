"""After a download or an opened file the map shows the area, not the layers' whole extent.

The ways that cross a downloaded box come with all their nodes, and the boundary relations they
belong to are incomplete: the layers of central Vaduz (1 km high) span 16 km. QGIS's own
layer-tree bridge (the one of its main window, built here on the test canvas) zooms to that
extent when the layers are the project's first; the load zooms to the box after it.
"""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsRectangle,
)
from qgis.gui import QgsLayerTreeMapCanvasBridge

VADUZ = (9.515, 47.135, 9.535, 47.145)
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
MERCATOR = QgsCoordinateReferenceSystem("EPSG:3857")
FAR_AWAY = QgsRectangle(1_000_000, 6_000_000, 1_100_000, 6_100_000)  # in Mercator: not Vaduz

# A small town without <bounds> (as Overpass writes it): a street, a café, and a border way of
# an incomplete boundary relation that runs some 50 km out.
TOWN = """<?xml version='1.0' encoding='UTF-8'?>
<osm version="0.6" generator="test">
  {bounds}
  <node id="1" version="1" lat="47.1400" lon="9.5200"/>
  <node id="2" version="1" lat="47.1410" lon="9.5220"/>
  <node id="3" version="1" lat="47.1405" lon="9.5210"><tag k="amenity" v="cafe"/></node>
  <node id="10" version="1" lat="47.1390" lon="9.5190"/>
  <node id="11" version="1" lat="47.6000" lon="9.9000"/>
  <way id="100" version="1"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/></way>
  <way id="200" version="1"><nd ref="10"/><nd ref="11"/></way>
  <relation id="300" version="1">
    <member type="way" ref="200" role="outer"/>
    <member type="way" ref="201" role="outer"/>
    <tag k="type" v="boundary"/><tag k="boundary" v="administrative"/>
  </relation>
</osm>
"""


@pytest.fixture
def canvas(project, qgis_iface, qtbot):
    """The test canvas in Web Mercator, looking elsewhere, with QGIS's layer-tree bridge."""
    canvas = qgis_iface.mapCanvas()
    canvas.resize(800, 600)
    canvas.setDestinationCrs(MERCATOR)
    canvas.setExtent(FAR_AWAY)
    bridge = QgsLayerTreeMapCanvasBridge(project.layerTreeRoot(), canvas)
    yield canvas
    del bridge
    canvas.setLayers([])


def shown(canvas) -> QgsRectangle:
    """What the canvas shows, in WGS84."""
    transform = QgsCoordinateTransform(
        canvas.mapSettings().destinationCrs(), WGS84, QgsProject.instance()
    )
    return transform.transformBoundingBox(canvas.extent())


def assert_shows(canvas, box, margin=0.25):
    """``box`` fills the view: inside it, and the side that fits is at most ``margin`` larger."""
    view = shown(canvas)
    rect = QgsRectangle(*box)
    assert view.contains(rect), (view.toString(5), rect.toString(5))
    fit = min(view.width() / rect.width(), view.height() / rect.height())
    assert fit <= 1 + margin, (view.toString(5), rect.toString(5))


def layers_extent(layers) -> QgsRectangle:
    extent = QgsRectangle()
    for layer in layers.values():
        if layer.isSpatial() and not layer.extent().isEmpty():
            extent.combineExtentWith(layer.extent())
    return extent


def settle(qtbot):
    qtbot.wait(200)  # the bridge's and the load's turns of the event loop


def test_a_download_shows_the_box_not_the_far_members(
    osm_sandbox, canvas, qgis_iface, qtbot, tmp_path
):
    from osm_roundtrip.plugin.adapters import download_service

    done = []
    download_service.start_download(
        qgis_iface,
        VADUZ,
        osm_sandbox.api,
        tmp_path / "vaduz.gpkg",
        on_done=lambda layers, error: done.append((layers, error)),
    )
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    layers, error = done[0]
    assert error is None
    settle(qtbot)
    # the premise: members of incomplete boundary relations stretch the layers far out
    stretched = layers_extent(layers)
    assert stretched.height() > 5 * (VADUZ[3] - VADUZ[1]), stretched.toString(4)
    assert canvas.mapSettings().destinationCrs() == MERCATOR
    assert_shows(canvas, VADUZ)


@pytest.mark.parametrize(
    "bounds, expected",
    [
        ('<bounds minlat="47.130" minlon="9.510" maxlat="47.150" maxlon="9.530"/>', None),
        ("", (9.520, 47.140, 9.522, 47.141)),  # the street: the border is a relation member
    ],
    ids=["file-bounds", "no-bounds-own-data"],
)
def test_an_opened_file_shows_its_bounds_or_its_own_data(
    bounds, expected, canvas, qgis_iface, qtbot, tmp_path
):
    from osm_roundtrip.plugin.adapters import osm_layers
    from osm_roundtrip.ui.download_dialog import open_osm_file

    path = tmp_path / "town.osm"
    path.write_text(TOWN.format(bounds=bounds), encoding="utf-8")
    assert open_osm_file(qgis_iface, str(path)) is not None
    gpkg = tmp_path / "town.gpkg"
    qtbot.waitUntil(lambda: bool(osm_layers.download_layers(gpkg)), timeout=30_000)
    settle(qtbot)
    assert_shows(canvas, expected or (9.510, 47.130, 9.530, 47.150))
