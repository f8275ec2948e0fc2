"""No edit at all gives an empty diff on the whole Liechtenstein extract, through the GeoPackage."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from osm_roundtrip.plugin.core import gpkg
from osm_roundtrip.plugin.core.osm.diff import compute_changes
from osm_roundtrip.plugin.core.osm.features import LINES, POINTS, POLYGONS, RELATIONS
from osm_roundtrip.plugin.core.osm.xmlreader import load_osm_file

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def download(tmp_path_factory):
    if shutil.which("osmium") is None:
        pytest.skip("osmium-tool missing")
    folder = tmp_path_factory.mktemp("liechtenstein")
    osm = folder / "liechtenstein.osm"
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
    dataset = load_osm_file(osm)
    path = folder / "download.gpkg"
    gpkg.write_dataset(dataset, path)
    return dataset, path


@pytest.fixture(scope="module")
def layers(download):
    dataset, path = download
    return dataset, gpkg.read_base(path), gpkg.read_features(path)


def test_unedited_download_is_an_empty_diff(layers):
    dataset, base, features = layers
    assert len(base.nodes) == len(dataset.nodes) > 380_000
    assert all(features[layer] for layer in (POINTS, LINES, POLYGONS, RELATIONS))
    changes = compute_changes(base, features)
    assert changes.describe() == []


def test_one_tag_edit_in_the_whole_file_is_one_change(layers):
    _, base, features = layers
    index, line = next(
        (i, f) for i, f in enumerate(features[LINES]) if f.tags.get("highway") == "residential"
    )
    edited = dict(features)
    edited[LINES] = list(features[LINES])
    edited[LINES][index] = replace(line, tags={**line.tags, "name": "Test"})
    changes = compute_changes(base, edited)
    assert [(c.action, c.element.type, c.element.id) for c in changes] == [
        ("modify", "way", line.osm_id)
    ]
