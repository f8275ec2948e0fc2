import json
import sqlite3
import struct
import subprocess

import pytest

from osm_roundtrip.plugin.core import gpkg
from osm_roundtrip.plugin.core.gpkg import (
    decode_geometry,
    encode_linestring,
    encode_multipolygon,
    encode_point,
    plan_columns,
    read_base,
    read_features,
    read_loaded,
    read_meta,
    write_dataset,
)
from osm_roundtrip.plugin.core.osm.diff import compute_changes, loaded_keys
from osm_roundtrip.plugin.core.osm.features import LAYERS, LINES, POINTS, POLYGONS, RELATIONS
from osm_roundtrip.plugin.core.osm.geometry import build_features, resolve
from osm_roundtrip.plugin.core.osm.model import DataSet, Member, Node, Relation, Way

ogr = pytest.importorskip("osgeo.ogr")
gdal = pytest.importorskip("osgeo.gdal")


def sample() -> DataSet:
    ds = DataSet()
    ds.bounds = [(9.5, 47.1, 9.6, 47.2)]
    ds.add(Node(1, 47.1, 9.5, 2, {"amenity": "bench", "addr:street": "Städtle", "FID": "x"}))
    ds.add(Node(2, 47.1, 9.6, 1))
    ds.add(Node(3, 47.2, 9.6, 1))
    ds.add(Node(4, 47.2, 9.5, 1, {"name": "A", "Name": "B", "rowid": "r", "osm_id": "z"}))
    ds.add(Node(5, 47.15, 9.55, 1, {'we"ird': "q", "note": "a&b <c>"}))
    ds.add(Node(6, 47.12, 9.52, 1))
    ds.add(Node(7, 47.12, 9.58, 1))
    ds.add(Node(8, 47.18, 9.58, 1))
    ds.add(Node(9, 47.18, 9.52, 1))
    ds.add(Way(10, [1, 2, 3, 4, 1], 4, {"building": "yes", "addr:street": "Städtle"}))
    ds.add(Way(11, [1, 3], 1, {"highway": "path"}))
    ds.add(Way(12, [6, 7, 8], 1))
    ds.add(Way(13, [8, 9, 6], 1))
    members = [
        Member("way", 10, "outer"),
        Member("way", 12, "inner"),
        Member("way", 13, "inner"),
        Member("node", 5, "label"),
    ]
    ds.add(Relation(20, members, 7, {"type": "multipolygon", "landuse": "grass"}))
    ds.add(Relation(21, [Member("way", 11, ""), Member("way", 999, "")], 1, {"type": "route"}))
    return ds


@pytest.fixture
def written(tmp_path):
    ds = sample()
    path = tmp_path / "dl.gpkg"
    summary = write_dataset(ds, path, api_url="http://127.0.0.1:1/api/0.6")
    return ds, path, summary


def test_base_snapshot_round_trip_is_exact(written):
    ds, path, _ = written
    base = read_base(path)
    assert base == ds
    assert base.bounds == ds.bounds


def test_meta(written):
    _, path, _ = written
    meta = read_meta(path)
    assert meta["api_url"] == "http://127.0.0.1:1/api/0.6"
    assert json.loads(meta["bounds"]) == [[9.5, 47.1, 9.6, 47.2]]
    assert meta["format_version"] == gpkg.FORMAT_VERSION
    assert meta["downloaded_at"].endswith("Z")


def test_written_features_are_listed_in_the_base_features_table(written):
    ds, path, _ = written
    rows = {
        (layer, f.osm_type, f.osm_id)
        for layer, features in read_features(path).items()
        for f in features
    }
    assert (POLYGONS, "relation", 20) in rows and (RELATIONS, "relation", 21) in rows
    assert read_loaded(path) == rows == set(loaded_keys(ds))
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM osm_base_features").fetchone()[0] == len(rows)
    con.close()


def test_read_loaded_is_the_table_whatever_the_loader_rules_say_now(written, monkeypatch):
    _, path, _ = written
    written_rows = read_loaded(path)
    monkeypatch.setattr(gpkg, "loaded_keys", lambda base: iter([(LINES, "way", 12)]))
    assert read_loaded(path) == written_rows
    # a feature the rules of a later version would have written is not "deleted by the user"
    features = read_features(path)
    changes = compute_changes(read_base(path), features, loaded=read_loaded(path))
    assert changes.is_empty
    # a feature that is gone is still seen as deleted (node 1 stays a vertex: it loses its tags)
    features[POINTS] = [f for f in features[POINTS] if f.osm_id != 1]
    changes = compute_changes(read_base(path), features, loaded=read_loaded(path))
    assert [(c.action, *c.key, c.element.tags) for c in changes] == [("modify", "node", 1, {})]


def test_read_loaded_of_a_file_without_the_table_applies_the_loader_rules(written):
    ds, path, _ = written
    con = sqlite3.connect(path)
    con.execute("DROP TABLE osm_base_features")
    con.commit()
    con.close()
    assert read_loaded(path) == set(loaded_keys(ds))


def test_features_read_back_with_tags_and_geometries(written):
    ds, path, summary = written
    layers = read_features(path)
    assert set(layers) == set(LAYERS)
    built = build_features(ds)
    expected = {
        POINTS: built.points,
        LINES: built.lines,
        POLYGONS: built.polygons,
    }
    for layer, features in expected.items():
        got = {(f.osm_type, f.osm_id): f for f in layers[layer]}
        assert len(got) == len(features)
        for feature in features:
            edited = got[(feature.osm_type, feature.osm_id)]
            assert edited.tags == feature.tags
            assert edited.geometry == resolve(feature.geometry, ds.nodes)
            assert edited.layer == layer
    relations = {f.osm_id: f for f in layers[RELATIONS]}
    assert relations[20].members == [tuple(m) for m in ds.relations[20].members]
    assert relations[20].tags == ds.relations[20].tags
    assert summary.incomplete_relations == [21]
    assert summary.counts[POLYGONS] == 2  # way 10 and relation 20


def test_incomplete_flag_and_members_columns(written):
    _, path, _ = written
    con = sqlite3.connect(path)
    rows = dict(con.execute('SELECT osm_id, osm_incomplete FROM "osm_relations"'))
    members = json.loads(
        con.execute('SELECT osm_members FROM "osm_relations" WHERE osm_id=21').fetchone()[0]
    )
    assert rows == {20: 0, 21: 1}
    assert members == [["way", 11, ""], ["way", 999, ""]]


def test_reserved_and_case_colliding_keys_go_to_other_tags(written):
    _, path, summary = written
    con = sqlite3.connect(path)
    columns = [r[1] for r in con.execute('PRAGMA table_info("osm_points")')]
    assert columns[:5] == ["fid", "geom", "osm_type", "osm_id", "osm_version"]
    assert columns[-1] == "other_tags"
    assert "addr:street" in columns
    assert 'we"ird' in columns
    assert sum(c.lower() == "name" for c in columns) == 1
    other = json.loads(
        con.execute('SELECT other_tags FROM "osm_points" WHERE osm_id = 4').fetchone()[0]
    )
    assert set(other) == {"rowid", "osm_id", "Name"} or set(other) == {"rowid", "osm_id", "name"}
    assert "FID" in summary.other_tags_keys[POINTS]


def test_geopackage_structure(written):
    _, path, _ = written
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
    assert con.execute("PRAGMA user_version").fetchone()[0] == 10200
    contents = {
        r[0]: r[1:] for r in con.execute("SELECT table_name, data_type, srs_id FROM gpkg_contents")
    }
    assert contents == {
        POINTS: ("features", 4326),
        LINES: ("features", 4326),
        POLYGONS: ("features", 4326),
        RELATIONS: ("attributes", 0),
    }
    geometry_columns = set(
        con.execute("SELECT table_name, geometry_type_name FROM gpkg_geometry_columns")
    )
    assert geometry_columns == {
        (POINTS, "POINT"),
        (LINES, "LINESTRING"),
        (POLYGONS, "MULTIPOLYGON"),
    }
    assert con.execute("SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id=4326").fetchone()[0]
    triggers = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    for layer in (POINTS, LINES, POLYGONS):
        assert con.execute(f"SELECT rtreecheck('rtree_{layer}_geom')").fetchone()[0] == "ok"
        n = con.execute(f'SELECT count(*) FROM "{layer}"').fetchone()[0]
        assert con.execute(f'SELECT count(*) FROM "rtree_{layer}_geom"').fetchone()[0] == n
        for suffix in ("insert", "update1", "update2", "update3", "update4", "delete"):
            assert f"rtree_{layer}_geom_{suffix}" in triggers
    extensions = {r[0] for r in con.execute("SELECT table_name FROM gpkg_extensions")}
    assert extensions == {POINTS, LINES, POLYGONS}
    base_tables = {
        "osm_base_nodes",
        "osm_base_ways",
        "osm_base_relations",
        "osm_meta",
        "osm_base_features",
    }
    assert base_tables <= {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    assert not base_tables & set(contents)


def test_rtree_entries_contain_the_geometries(written):
    _ds, path, _ = written
    con = sqlite3.connect(path)
    fid = con.execute("SELECT fid FROM osm_lines WHERE osm_id = 11").fetchone()[0]
    minx, maxx, miny, maxy = con.execute(
        "SELECT minx, maxx, miny, maxy FROM rtree_osm_lines_geom WHERE id = ?", (fid,)
    ).fetchone()
    assert minx <= 9.5 and maxx >= 9.6 and miny <= 47.1 and maxy >= 47.2


def test_gdal_opens_without_warnings_and_agrees(written):
    _ds, path, _ = written
    messages = []
    gdal.PushErrorHandler(lambda cls, no, msg: messages.append(msg))
    try:
        source = ogr.Open(str(path))
        names = [source.GetLayer(i).GetName() for i in range(source.GetLayerCount())]
        assert sorted(names) == sorted(LAYERS)
        lines = source.GetLayerByName(LINES)
        assert lines.GetGeomType() == ogr.wkbLineString
        assert lines.GetSpatialRef().GetAuthorityCode(None) == "4326"
        feature = next(f for f in lines if f.GetField("osm_id") == 11)
        assert feature.GetGeometryRef().ExportToWkt() == "LINESTRING (9.5 47.1,9.6 47.2)"
        assert feature.GetField("highway") == "path"
        polygons = source.GetLayerByName(POLYGONS)
        assert polygons.GetFeatureCount() == 2
        relation = next(f for f in polygons if f.GetField("osm_type") == "relation")
        assert relation.GetGeometryRef().GetGeometryCount() == 1
        assert relation.GetGeometryRef().GetGeometryRef(0).GetGeometryCount() == 2  # one hole
        assert relation.GetGeometryRef().IsValid()
        points = source.GetLayerByName(POINTS)
        assert points.GetLayerDefn().GetFieldIndex("addr:street") >= 0
        assert source.GetLayerByName(RELATIONS).GetFeatureCount() == 2
        assert source.GetLayerByName(POINTS).TestCapability(ogr.OLCFastSpatialFilter)
        source = None
    finally:
        gdal.PopErrorHandler()
    assert messages == []


def test_ogrinfo_reports_no_warning(written):
    _, path, _ = written
    result = subprocess.run(
        ["ogrinfo", "-so", "-al", str(path)], capture_output=True, text=True, check=True
    )
    assert "Warning" not in result.stdout + result.stderr
    assert "ERROR" not in result.stdout + result.stderr
    assert "Layer name: osm_points" in result.stdout


def test_gdal_can_edit_and_the_index_follows(written):
    """GDAL registers ST_* functions, so the triggers keep the R*Tree in step."""
    _, path, _ = written
    messages = []
    gdal.PushErrorHandler(lambda cls, no, msg: messages.append(msg))
    try:
        source = ogr.Open(str(path), 1)
        layer = source.GetLayerByName(POINTS)
        new = ogr.Feature(layer.GetLayerDefn())
        new.SetGeometry(ogr.CreateGeometryFromWkt("POINT (9.7 47.3)"))
        new.SetField("amenity", "bench")
        assert layer.CreateFeature(new) == 0
        first = next(f for f in layer if f.GetField("osm_id") == 1)
        first.SetGeometry(ogr.CreateGeometryFromWkt("POINT (9.51 47.11)"))
        assert layer.SetFeature(first) == 0
        doomed = next(f for f in layer if f.GetField("osm_id") == 4).GetFID()
        assert layer.DeleteFeature(doomed) == 0
        source = None
    finally:
        gdal.PopErrorHandler()
    assert messages == []
    con = sqlite3.connect(path)
    assert con.execute("SELECT rtreecheck('rtree_osm_points_geom')").fetchone()[0] == "ok"
    assert (
        con.execute(
            "SELECT count(*) FROM rtree_osm_points_geom WHERE minx > 9.69 AND maxy > 47.29"
        ).fetchone()[0]
        == 1
    )
    points = {(f.osm_type, f.osm_id): f for f in read_features(path)[POINTS]}
    assert points[("node", 1)].geometry == pytest.approx((9.51, 47.11))
    assert ("node", 4) not in points
    created = points[(None, None)]
    assert created.tags == {"amenity": "bench"}


def test_overwrites_existing_file_and_leaves_no_partial_file(tmp_path):
    path = tmp_path / "x.gpkg"
    path.write_bytes(b"old")
    write_dataset(sample(), path)
    assert read_base(path) == sample()
    assert not (tmp_path / "x.gpkg.part").exists()


def test_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "x.gpkg"
    path.write_bytes(b"old")

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(gpkg, "_write_base", boom)
    with pytest.raises(RuntimeError):
        write_dataset(sample(), path)
    assert path.read_bytes() == b"old"
    assert not (tmp_path / "x.gpkg.part").exists()


def test_empty_dataset_is_a_valid_geopackage(tmp_path):
    path = tmp_path / "empty.gpkg"
    write_dataset(DataSet(), path)
    assert {k: len(v) for k, v in read_features(path).items()} == dict.fromkeys(LAYERS, 0)
    assert ogr.Open(str(path)).GetLayerCount() == 4


def test_progress_is_reported(tmp_path):
    seen = []
    write_dataset(sample(), tmp_path / "p.gpkg", progress=lambda *a: seen.append(a))
    assert seen[0][0] == 0
    assert seen[-1][0] == seen[-1][1]


# --- columns --------------------------------------------------------------------------------


def test_plan_columns_caps_rare_keys_into_other_tags():
    tags = [{"common": "1", f"rare{i}": "x"} for i in range(10)] + [{"second": "y"}] * 3
    columns, other = plan_columns(tags, max_columns=2)
    assert columns == ["common", "second"]
    assert other == sorted(f"rare{i}" for i in range(10))


def test_plan_columns_case_collisions_keep_the_most_used_spelling():
    tags = [{"name": "a"}, {"Name": "b"}, {"name": "c"}, {"NAME": "d"}, {"": "empty key"}]
    columns, other = plan_columns(tags)
    assert columns == ["name"]
    assert other == ["", "NAME", "Name"]


def test_rare_keys_round_trip_exactly_through_other_tags(tmp_path, monkeypatch):
    monkeypatch.setattr(gpkg, "MAX_TAG_COLUMNS", 3)
    monkeypatch.setattr(gpkg.plan_columns, "__defaults__", (3,))
    ds = DataSet()
    for i in range(20):
        tags = {"amenity": "bench", f"k{i}": f"v{i}", "Amenity": "x", "note": "é"}
        ds.add(Node(i + 1, 47.0 + i / 100, 9.0, 1, tags))
    path = tmp_path / "rare.gpkg"
    summary = write_dataset(ds, path)
    assert len(summary.columns[POINTS]) == 3
    for feature in read_features(path)[POINTS]:
        assert feature.tags == ds.nodes[feature.osm_id].tags


def test_empty_values_and_nulls_are_not_tags(tmp_path):
    path = tmp_path / "e.gpkg"
    write_dataset(sample(), path)
    con = gpkg.connect(path)
    con.execute("UPDATE osm_lines SET highway = '' WHERE osm_id = 11")
    con.execute(
        """UPDATE osm_points SET other_tags = '{"a": "", "b": null, "c": "1"}' WHERE osm_id = 5"""
    )
    con.commit()
    con.close()
    features = read_features(path)
    line = next(f for f in features[LINES] if f.osm_id == 11)
    assert "highway" not in line.tags
    point = next(f for f in features[POINTS] if f.osm_id == 5)
    assert point.tags == {'we"ird': "q", "note": "a&b <c>", "c": "1"}


# --- geometry blobs -------------------------------------------------------------------------


def test_point_blob_matches_gdal_layout():
    assert encode_point(1.0, 2.0).hex().upper() == (
        "47500001E61000000101000000000000000000F03F0000000000000040"
    )


def test_blob_round_trips():
    line = [(0.0, 1.0), (2.0, 3.5), (-1.0, 0.5)]
    blob, env = encode_linestring(line)
    assert env == (-1.0, 2.0, 0.5, 3.5)
    assert decode_geometry(blob) == line
    polygons = [[[(0, 0), (4, 0), (4, 4), (0, 0)], [(1, 1), (2, 1), (2, 2), (1, 1)]]]
    blob, env = encode_multipolygon(polygons)
    assert env == (0, 4, 0, 4)
    assert decode_geometry(blob) == polygons
    assert ogr.CreateGeometryFromWkb(blob[8 + 32 :]).ExportToWkt().startswith("MULTIPOLYGON")


def _gdal_blob(wkt: str, flags: int = 1) -> bytes:
    geometry = ogr.CreateGeometryFromWkt(wkt)
    order = ogr.wkbNDR if flags & 1 else ogr.wkbXDR
    return b"GP\x00" + bytes([flags]) + struct.pack("<i", 4326) + geometry.ExportToIsoWkb(order)


@pytest.mark.parametrize(
    ("wkt", "flags", "expected"),
    [
        ("POINT Z (1 2 3)", 1, (1.0, 2.0)),
        ("POINT (1 2)", 0, (1.0, 2.0)),
        ("LINESTRING M (1 2 5,3 4 6)", 1, [(1.0, 2.0), (3.0, 4.0)]),
        ("LINESTRING ZM (1 2 5 7,3 4 6 8)", 0, [(1.0, 2.0), (3.0, 4.0)]),
        ("POLYGON ((0 0,1 0,1 1,0 0))", 1, [[[(0, 0), (1, 0), (1, 1), (0, 0)]]]),
        ("MULTILINESTRING ((0 0,1 1))", 1, [[(0.0, 0.0), (1.0, 1.0)]]),
    ],
    ids=["point-z", "big-endian", "line-m", "line-zm-big-endian", "polygon", "multiline"],
)
def test_decode_foreign_blobs(wkt, flags, expected):
    assert decode_geometry(_gdal_blob(wkt, flags)) == expected


@pytest.mark.parametrize(
    "blob",
    [None, b"GP\x00\x11" + struct.pack("<i", 4326) + bytes.fromhex("0101000000") + b"\x00" * 16],
    ids=["null", "empty-flag"],
)
def test_decode_null_and_empty(blob):
    assert decode_geometry(blob) is None


def test_decode_rejects_non_gpkg_blob():
    with pytest.raises(ValueError, match="not a GeoPackage"):
        decode_geometry(b"\x01\x01\x00\x00\x00")


def test_plain_sqlite_edits_need_and_get_the_trigger_functions(tmp_path):
    path = tmp_path / "s.gpkg"
    write_dataset(sample(), path)
    plain = sqlite3.connect(path)
    with pytest.raises(sqlite3.OperationalError, match="ST_IsEmpty"):
        plain.execute("UPDATE osm_lines SET highway = 'track'")
    plain.close()
    con = gpkg.connect(path)
    blob, _ = encode_linestring([(9.0, 46.0), (9.1, 46.2)])
    con.execute("UPDATE osm_lines SET geom = ? WHERE osm_id = 11", (blob,))
    con.execute(
        "INSERT INTO osm_points (geom, amenity) VALUES (?, 'bench')", (encode_point(8, 45),)
    )
    con.execute("UPDATE osm_points SET geom = NULL WHERE osm_id = 1")
    con.execute("DELETE FROM osm_points WHERE osm_id = 4")
    con.commit()
    assert con.execute("SELECT rtreecheck('rtree_osm_lines_geom')").fetchone()[0] == "ok"
    line_box = con.execute(
        "SELECT r.minx, r.maxy FROM rtree_osm_lines_geom r JOIN osm_lines l ON l.fid = r.id "
        "WHERE l.osm_id = 11"
    ).fetchone()
    assert line_box == (pytest.approx(9.0), pytest.approx(46.2))
    ids = {r[0] for r in con.execute("SELECT id FROM rtree_osm_points_geom")}
    fids = dict(con.execute("SELECT fid, osm_id FROM osm_points"))
    assert ids == {fid for fid, osm_id in fids.items() if osm_id != 1}


@pytest.mark.parametrize(
    "count", [1, 51, 52, 3000], ids=["one", "full-root", "two-levels", "three-levels"]
)
def test_bulk_loaded_rtree_is_valid_and_answers_queries(count):
    import random

    rng = random.Random(count)
    boxes = []
    for fid in range(1, count + 1):
        x, y = rng.uniform(-10, 10), rng.uniform(40, 50)
        boxes.append((fid, x, x + rng.uniform(0, 0.5), y, y + rng.uniform(0, 0.5)))
    con = sqlite3.connect(":memory:")
    gpkg.bulk_load_rtree(con, "rt", boxes)
    assert con.execute("SELECT rtreecheck('rt')").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM rt").fetchone()[0] == count
    for _ in range(20):
        x, y = rng.uniform(-10, 10), rng.uniform(40, 50)
        window = (x, x + 1, y, y + 1)
        expected = {
            b[0]
            for b in boxes
            if b[1] <= window[1] and b[2] >= window[0] and b[3] <= window[3] and b[4] >= window[2]
        }
        found = {
            r[0]
            for r in con.execute(
                "SELECT id FROM rt WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?",
                (window[1], window[0], window[3], window[2]),
            )
        }
        assert expected <= found
        assert len(found - expected) <= 1  # float32 boxes are rounded outwards
    # SQLite's own inserts and deletes work on the packed tree
    con.execute("INSERT INTO rt VALUES (?, 0, 1, 0, 1)", (count + 1,))
    con.execute("DELETE FROM rt WHERE id = 1")
    assert con.execute("SELECT rtreecheck('rt')").fetchone()[0] == "ok"
    stored = (
        con.execute("SELECT minx, maxx, miny, maxy FROM rt WHERE id = 2").fetchone()
        if count > 1
        else None
    )
    if stored:
        _, minx, maxx, miny, maxy = boxes[1]
        assert stored[0] <= minx and stored[1] >= maxx and stored[2] <= miny and stored[3] >= maxy


def test_empty_rtree():
    con = sqlite3.connect(":memory:")
    gpkg.bulk_load_rtree(con, "rt", [])
    assert con.execute("SELECT rtreecheck('rt')").fetchone()[0] == "ok"


@pytest.mark.parametrize(
    ("width", "count"),
    [(5, 0), (5, 1), (5, 199), (5, 200), (5, 401), (600, 3), (999, 2)],
    ids=["none", "one", "one-short", "one-batch", "batches-and-rest", "wide", "widest"],
)
def test_insert_rows_in_batches_keeps_every_row_in_order(width, count):
    con = sqlite3.connect(":memory:")
    columns = ",".join(f"c{i}" for i in range(width))
    con.execute(f"CREATE TABLE t (n INTEGER PRIMARY KEY, {columns})")
    rows = [(n, *(f"{n}:{i}" for i in range(width))) for n in range(1, count + 1)]
    gpkg.insert_rows(con, "t", width + 1, rows)
    assert con.execute("SELECT * FROM t ORDER BY n").fetchall() == rows


def test_upload_diff_uses_the_features_the_download_wrote(written, monkeypatch):
    """The upload's diff takes the written features from the file, not from today's rules."""
    from osm_roundtrip.plugin.core.osm import diff
    from osm_roundtrip.plugin.core.osm.upload import changes_of_geopackage

    _, path, _ = written
    rules_now = set(read_loaded(path)) | {(LINES, "way", 12)}
    monkeypatch.setattr(diff, "loaded_keys", lambda base: iter(rules_now))
    assert changes_of_geopackage(path).is_empty
