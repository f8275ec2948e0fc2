"""Properties on the whole Liechtenstein extract: an unedited download validates clean, and so does
an edit that only upgrades deprecated tags (whatever else is near the features it touches)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from osm_roundtrip.plugin.core.osm.diff import compute_changes, loaded_features
from osm_roundtrip.plugin.core.osm.features import LINES, POINTS, POLYGONS
from osm_roundtrip.plugin.core.osm.model import NODE, WAY
from osm_roundtrip.plugin.core.osm.xmlreader import load_osm_file
from osm_roundtrip.plugin.core.validate import validate_changes
from osm_roundtrip.plugin.core.validate.schema import AREA, LINE, POINT, VERTEX

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def download(tmp_path_factory):
    if shutil.which("osmium") is None:
        pytest.skip("osmium-tool missing")
    osm = tmp_path_factory.mktemp("liechtenstein") / "liechtenstein.osm"
    subprocess.run(
        [
            "osmium",
            "cat",
            "--no-progress",
            "-O",
            "-o",
            str(osm),
            str(DATA / "liechtenstein.osm.pbf"),
        ],
        check=True,
        capture_output=True,
    )
    base = load_osm_file(osm)
    return base, loaded_features(base)


@pytest.fixture(scope="module")
def outdated(download, schema):
    """``(layer, index, upgraded tags)`` of every node and way feature the schema would upgrade."""
    base, features = download
    vertices = {ref for way in base.ways.values() for ref in way.nodes}
    found = []
    for layer, geometry in ((POINTS, POINT), (LINES, LINE), (POLYGONS, AREA)):
        for index, f in enumerate(features[layer]):
            if f.osm_type not in (NODE, WAY) or not schema.deprecations(f.tags):
                continue
            if layer == POINTS and f.osm_id in vertices:
                geometry = VERTEX
            upgraded = schema.upgrade(f.tags, geometry)
            if upgraded != f.tags:
                found.append((layer, index, upgraded))
            geometry = POINT if layer == POINTS else geometry
    return found


def test_an_unedited_download_validates_clean(download, schema):
    base, features = download
    assert len(base.nodes) > 380_000
    changes = compute_changes(base, features)
    report = validate_changes(changes, base, features, schema=schema, comment="Test")
    assert report.describe() == []


def test_the_extract_has_outdated_tags_to_upgrade(outdated):
    assert len(outdated) > 20
    assert {layer for layer, _, _ in outdated} >= {POINTS, LINES}


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_upgrading_deprecated_tags_validates_clean(download, outdated, schema, data):
    base, features = download
    picked = data.draw(
        st.lists(st.sampled_from(outdated), min_size=1, max_size=5, unique_by=lambda o: o[:2])
    )
    edited = {layer: list(items) for layer, items in features.items()}
    for layer, index, upgraded in picked:
        edited[layer][index] = replace(edited[layer][index], tags=dict(upgraded))
    changes = compute_changes(base, edited)
    assert len(changes) == len(picked)
    report = validate_changes(changes, base, edited, schema=schema)
    assert report.describe() == []
