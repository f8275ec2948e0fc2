"""Our reader and layers against independent readers on the same Liechtenstein extract.

* pyosmium reads the elements: counts, versions, tags, coordinates, node lists and members must
  be identical.
* GDAL's OSM driver (``ogr2ogr -f GPKG`` with its default osmconf.ini) builds layers: every
  feature both have must have the same geometry, and every feature only one of them has must be
  explained by a documented difference of the rules (asserted below, one test per difference).
"""

import shutil
import subprocess

import pytest
from conftest import DATA

from osm_roundtrip.plugin.core.gpkg import read_features, write_dataset
from osm_roundtrip.plugin.core.osm.features import LINES, POINTS, POLYGONS, RELATIONS
from osm_roundtrip.plugin.core.osm.geometry import AREA_KEYS, AREA_VALUES, build_features
from osm_roundtrip.plugin.core.osm.xmlreader import load_osm_file

osmium = pytest.importorskip("osmium")
ogr = pytest.importorskip("osgeo.ogr")

BOX = "9.52,47.115,9.54,47.135"  # Vaduz; contains multipolygon 1690526 (3-way outer ring, hole)
MULTIWAY_WITH_HOLE = 1690526

# GDAL osmconf.ini: keys that do not make a feature (points/lines: "ignore"; polygons also "area")
GDAL_IGNORED = {
    "created_by",
    "converted_by",
    "source",
    "time",
    "ele",
    "note",
    "todo",
    "openGeoDB:",
    "fixme",
    "FIXME",
}
GDAL_POLYGON_KEYS = {
    "aeroway", "amenity", "boundary", "building", "craft", "geological", "historic", "landuse",
    "leisure", "military", "natural", "office", "place", "shop", "sport", "tourism",
}  # fmt: skip
GDAL_POLYGON_TAGS = {("highway", "platform"), ("public_transport", "platform")}


def gdal_area(tags):
    return any(k in GDAL_POLYGON_KEYS for k in tags) or any(
        i in GDAL_POLYGON_TAGS for i in tags.items()
    )


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    if not shutil.which("osmium") or not shutil.which("ogr2ogr"):
        pytest.skip("osmium-tool and ogr2ogr are needed")
    folder = tmp_path_factory.mktemp("compare")
    osm = folder / "vaduz.osm"
    subprocess.run(
        ["osmium", "extract", "-b", BOX, "-s", "smart", "-S", "types=multipolygon,boundary",
         str(DATA / "liechtenstein.osm.pbf"), "-o", str(osm), "-O", "--no-progress"],
        check=True,
    )  # fmt: skip
    gdal_path = folder / "gdal.gpkg"
    subprocess.run(["ogr2ogr", "-f", "GPKG", str(gdal_path), str(osm)], check=True)
    dataset = load_osm_file(osm)
    ours_path = folder / "ours.gpkg"
    summary = write_dataset(dataset, ours_path)
    return {
        "osm": osm,
        "dataset": dataset,
        "features": build_features(dataset),
        "ours": read_features(ours_path),
        "summary": summary,
        "gdal": ogr.Open(str(gdal_path)),
    }


def gdal_features(data, layer):
    out = {}
    for feature in data["gdal"].GetLayerByName(layer):
        geometry = feature.GetGeometryRef()
        if layer == "multipolygons":
            way = feature.GetField("osm_way_id")
            key = ("way", int(way)) if way else ("relation", int(feature.GetField("osm_id")))
        else:
            key = int(feature.GetField("osm_id"))
        out[key] = geometry.Clone() if geometry is not None else None
    return out


def ours_by_id(data, layer):
    return {(f.osm_type, f.osm_id): f for f in data["ours"][layer]}


# --- pyosmium: the elements -----------------------------------------------------------------


def test_elements_identical_to_pyosmium(data):
    ds = data["dataset"]
    seen = {"n": 0, "w": 0, "r": 0}
    for obj in osmium.FileProcessor(str(data["osm"])):
        tags = {t.k: t.v for t in obj.tags}
        if obj.is_node():
            node = ds.nodes[obj.id]
            assert (node.version, node.tags) == (obj.version, tags)
            assert node.lat == pytest.approx(obj.location.lat, abs=5e-8)
            assert node.lon == pytest.approx(obj.location.lon, abs=5e-8)
            seen["n"] += 1
        elif obj.is_way():
            way = ds.ways[obj.id]
            assert (way.version, way.tags, way.nodes) == (
                obj.version,
                tags,
                [n.ref for n in obj.nodes],
            )
            seen["w"] += 1
        else:
            relation = ds.relations[obj.id]
            kinds = {"n": "node", "w": "way", "r": "relation"}
            members = [(kinds[m.type], m.ref, m.role) for m in obj.members]
            assert (relation.version, relation.tags) == (obj.version, tags)
            assert [tuple(m) for m in relation.members] == members
            seen["r"] += 1
    assert (seen["n"], seen["w"], seen["r"]) == (len(ds.nodes), len(ds.ways), len(ds.relations))
    assert seen["n"] > 10000


# --- GDAL: points ---------------------------------------------------------------------------


def test_points_match_gdal_except_nodes_with_only_ignored_keys(data):
    ds = data["dataset"]
    ours = ours_by_id(data, POINTS)
    gdal = gdal_features(data, "points")
    only_ours = {osm_id for (_, osm_id) in ours} - set(gdal)
    # GDAL skips nodes whose keys are all in its ignore list (created_by=JOSM ...); we keep every
    # tagged node, since its tags are data the user may edit.
    assert only_ours
    for osm_id in only_ours:
        assert set(ds.nodes[osm_id].tags) <= GDAL_IGNORED
    assert set(gdal) <= {osm_id for (_, osm_id) in ours}
    for osm_id, geometry in gdal.items():
        assert ours[("node", osm_id)].geometry == (geometry.GetX(), geometry.GetY())


# --- GDAL: ways -----------------------------------------------------------------------------


def way_sets(data):
    ours_lines = {i for (_, i) in ours_by_id(data, LINES)}
    ours_polygons = {i for (t, i) in ours_by_id(data, POLYGONS) if t == "way"}
    gdal_lines = set(gdal_features(data, "lines"))
    gdal_polygons = {i for (t, i) in gdal_features(data, "multipolygons") if t == "way"}
    return ours_lines, ours_polygons, gdal_lines, gdal_polygons


def test_areas_by_our_table_only_are_lines_in_gdal(data):
    """building:part, waterway=riverbank ... are areas in our table, not in GDAL's list."""
    ds = data["dataset"]
    _, ours_polygons, gdal_lines, _ = way_sets(data)
    moved = ours_polygons & gdal_lines
    assert moved
    for way_id in moved:
        tags = ds.ways[way_id].tags
        assert not gdal_area(tags)
        assert any(k in AREA_KEYS or tags[k] in AREA_VALUES.get(k, ()) for k in tags)


def test_exceptions_of_our_table_are_polygons_in_gdal(data):
    """leisure=track (a running track) is a line for us; GDAL takes any leisure=* as an area."""
    ds = data["dataset"]
    ours_lines, _, _, gdal_polygons = way_sets(data)
    moved = ours_lines & gdal_polygons
    for way_id in moved:
        tags = ds.ways[way_id].tags
        assert gdal_area(tags)
        assert any(tags.get(k) in exceptions for k, exceptions in AREA_KEYS.items())


def test_ways_gdal_leaves_out(data):
    """Ways only we report: closed outer ways of a multipolygon/boundary relation (GDAL counts
    them as part of the relation), and ways whose only keys GDAL ignores (area=yes, source...)."""
    ds = data["dataset"]
    ours_lines, ours_polygons, gdal_lines, gdal_polygons = way_sets(data)
    gone = (ours_lines | ours_polygons) - gdal_lines - gdal_polygons
    outer_of_relation = {
        m.ref
        for r in ds.relations.values()
        if r.tags.get("type") in ("multipolygon", "boundary")
        for m in r.members
        if m.type == "way" and m.role == "outer"
    }
    assert gone
    for way_id in gone:
        keys = set(ds.ways[way_id].tags)
        assert way_id in outer_of_relation or keys <= GDAL_IGNORED | {"area"}
    assert not (gdal_lines | gdal_polygons) - ours_lines - ours_polygons


def test_line_geometries_identical(data):
    ours = ours_by_id(data, LINES)
    gdal = gdal_features(data, "lines")
    common = [i for i in gdal if ("way", i) in ours]
    assert len(common) > 300
    for way_id in common:
        assert ours[("way", way_id)].geometry == gdal[way_id].GetPoints()


def to_ogr(polygons):
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for rings in polygons:
        polygon = ogr.Geometry(ogr.wkbPolygon)
        for ring in rings:
            linear = ogr.Geometry(ogr.wkbLinearRing)
            for x, y in ring:
                linear.AddPoint_2D(x, y)
            polygon.AddGeometry(linear)
        multi.AddGeometry(polygon)
    return multi


def test_polygon_geometries_equal_to_gdal(data):
    ours = ours_by_id(data, POLYGONS)
    gdal = gdal_features(data, "multipolygons")
    common = [key for key in gdal if key in ours]
    assert sum(t == "relation" for t, _ in common) >= 10
    for key in common:
        mine = to_ogr(ours[key].geometry)
        theirs = gdal[key]
        # same rings; GDAL may start or orient a ring differently, so compare as areas
        assert mine.SymDifference(theirs).GetArea() < 1e-12, key
        assert abs(mine.GetArea() - theirs.GetArea()) < 1e-12, key


def test_relation_polygons_same_set_as_gdal(data):
    ours = {i for (t, i) in ours_by_id(data, POLYGONS) if t == "relation"}
    gdal = {i for (t, i) in gdal_features(data, "multipolygons") if t == "relation"}
    assert ours == gdal


def test_multipolygon_with_multiway_outer_ring_and_hole(data):
    ds = data["dataset"]
    relation = ds.relations[MULTIWAY_WITH_HOLE]
    outers = [m for m in relation.members if m.role == "outer"]
    assert len(outers) >= 2 and not any(ds.ways[m.ref].is_closed for m in outers)
    feature = ours_by_id(data, POLYGONS)[("relation", MULTIWAY_WITH_HOLE)]
    assert len(feature.geometry) == 1
    assert len(feature.geometry[0]) == 2  # outer + one hole
    assert to_ogr(feature.geometry).IsValid()


def test_relations_table_lists_every_relation_and_flags_incomplete_ones(data):
    ds = data["dataset"]
    rows = {f.osm_id: f for f in data["ours"][RELATIONS]}
    assert set(rows) == set(ds.relations)
    incomplete = set(data["summary"].incomplete_relations)
    for relation_id, relation in ds.relations.items():
        missing = any(ds.get(m.type, m.ref) is None for m in relation.members)
        assert (relation_id in incomplete) == missing
        assert rows[relation_id].members == [tuple(m) for m in relation.members]
    assert incomplete  # route and site relations reach out of the box


def test_other_relations_count_like_gdal(data):
    """GDAL splits relations into multilinestrings (routes) and other_relations; together with
    the multipolygons they are every relation GDAL could build, all of which we list too."""
    ours = {f.osm_id for f in data["ours"][RELATIONS]}
    gdal = set()
    for layer in ("multilinestrings", "other_relations"):
        gdal |= set(gdal_features(data, layer))
    assert gdal <= ours
