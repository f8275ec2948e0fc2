"""Opening an ``.osm.pbf`` file: the "Open .osm file…" action and the Processing load.

The layers of a PBF file carry the same identity as those of a download: every node keeps its id
and version, untagged way nodes included, so moving a vertex of a way diffs to a modify of that
node with its version, ready for upload.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from qgis.core import Qgis, QgsFeatureRequest, QgsProject

ROOT = Path(__file__).resolve().parents[2]
PBF = ROOT / "tests" / "data" / "liechtenstein.osm.pbf"
BOX = "9.515,47.135,9.535,47.145"  # Vaduz centre


@pytest.fixture
def vaduz(tmp_path):
    """A zlib-compressed PBF of Vaduz cut by osmium, and the same data as XML (the oracle)."""
    if not shutil.which("osmium"):
        pytest.skip("osmium-tool (Debian package osmium-tool) is not installed")
    pbf = tmp_path / "vaduz.osm.pbf"
    subprocess.run(
        ["osmium", "extract", "-b", BOX, str(PBF), "-o", str(pbf), "-O", "--no-progress",
         "-f", "pbf,pbf_compression=zlib"],
        check=True,
    )  # fmt: skip
    xml = tmp_path / "oracle" / "vaduz.osm"
    xml.parent.mkdir()
    subprocess.run(["osmium", "cat", str(pbf), "-o", str(xml), "--no-progress"], check=True)
    return pbf, xml


def free_way_vertex(dataset):
    """(way id, vertex index, node id): an untagged inner node of a highway used by no other way."""
    users: dict = {}
    for way in dataset.ways.values():
        for node_id in set(way.nodes):
            users[node_id] = users.get(node_id, 0) + 1
    for way in sorted(dataset.ways.values(), key=lambda w: w.id):
        if way.tags.get("highway") != "residential" or way.is_closed or len(way.nodes) < 3:
            continue
        for index, node_id in enumerate(way.nodes[1:-1], start=1):
            node = dataset.nodes.get(node_id)
            if node is not None and not node.tags and users[node_id] == 1:
                return way.id, index, node_id
    raise AssertionError("no free vertex in the test area")


def test_open_pbf_keeps_node_identity_and_a_moved_vertex_diffs_to_a_node_modify(
    project, qgis_iface, qtbot, vaduz
):
    from osm_roundtrip.plugin.adapters import osm_layers
    from osm_roundtrip.plugin.core import gpkg
    from osm_roundtrip.plugin.core.osm.upload import changes_of_geopackage
    from osm_roundtrip.plugin.core.osm.xmlreader import load_osm_file
    from osm_roundtrip.ui.download_dialog import open_osm_file

    pbf, xml = vaduz
    oracle = load_osm_file(xml)
    task = open_osm_file(qgis_iface, str(pbf))
    assert task is not None
    path = pbf.parent / "vaduz.gpkg"  # "<name>.osm.pbf" gives "<name>.gpkg"
    qtbot.waitUntil(lambda: bool(osm_layers.download_layers(path)), timeout=60_000)
    assert not qgis_iface.messageBar().get_messages(Qgis.Critical)

    base = gpkg.read_base(path)
    assert base == oracle  # every node, untagged ones included, with its version
    untagged = [n for n in base.nodes.values() if not n.tags]
    assert len(untagged) > 1000 and all(n.version > 0 for n in untagged)

    layers = osm_layers.download_layers(path)
    points = {f["osm_id"]: f["osm_version"] for f in layers["osm_points"].getFeatures()}
    tagged = {i: n.version for i, n in oracle.nodes.items() if n.tags}
    assert points == tagged

    way_id, index, node_id = free_way_vertex(oracle)
    lines = layers["osm_lines"]
    request = QgsFeatureRequest().setFilterExpression(f'"osm_id" = {way_id}')
    feature = next(lines.getFeatures(request))
    assert feature["osm_version"] == oracle.ways[way_id].version
    vertex = feature.geometry().vertexAt(index)
    node = oracle.nodes[node_id]
    assert (vertex.x(), vertex.y()) == pytest.approx((node.lon, node.lat), abs=1e-9)
    assert lines.startEditing()
    assert lines.moveVertex(vertex.x() + 0.00004, vertex.y() - 0.00002, feature.id(), index)
    assert lines.commitChanges(), lines.commitErrors()

    changes = changes_of_geopackage(path)
    assert not changes.creates and not changes.deletes
    [modify] = changes.modifies
    assert (modify.element.type, modify.element.id) == ("node", node_id)
    assert modify.element.version == node.version
    assert (modify.element.lat, modify.element.lon) == pytest.approx(
        (node.lat - 0.00002, node.lon + 0.00004), abs=1e-7
    )


def test_processing_load_reads_pbf_like_xml(provider, project, vaduz):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer

    from osm_roundtrip.plugin.core import gpkg

    pbf, xml = vaduz

    def run(source, output):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        return processing.run(
            "osmroundtrip:loadosmfile",
            {"INPUT": str(source), "OUTPUT": str(output)},
            context=context,
            feedback=QgsProcessingFeedback(),
        )

    from_pbf = run(pbf, pbf.parent / "from_pbf.gpkg")
    from_xml = run(xml, pbf.parent / "from_xml.gpkg")
    assert gpkg.read_base(from_pbf["OUTPUT"]) == gpkg.read_base(from_xml["OUTPUT"])
    for key in ("POINTS", "LINES", "POLYGONS", "RELATIONS"):
        assert QgsVectorLayer(from_pbf[key]).featureCount() == (
            QgsVectorLayer(from_xml[key]).featureCount()
        )
        assert QgsVectorLayer(from_pbf[key]).featureCount() > 0


def test_processing_load_names_a_damaged_pbf(provider, project, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    broken = tmp_path / "cut.osm.pbf"
    broken.write_bytes(PBF.read_bytes()[:100_000])
    with pytest.raises(QgsProcessingException, match=r"cut\.osm\.pbf is truncated"):
        processing.run(
            "osmroundtrip:loadosmfile", {"INPUT": str(broken), "OUTPUT": str(tmp_path / "c.gpkg")}
        )
    assert not (tmp_path / "c.gpkg").exists()
