"""``kill -9`` in the middle of the writes that change a download's GeoPackage: replacing it with
a new download, and merging the server's state into it (*Update data*, conflict resolution).
Each time the file that is left opens, its base snapshot is wholly the old or wholly the new
one, and the user's saved edit is there."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from osm_roundtrip.plugin.core import gpkg
from osm_roundtrip.plugin.core.gpkg_update import connect
from osm_roundtrip.plugin.core.osm.upload import changes_of_geopackage
from osm_roundtrip.plugin.core.osm.xmlreader import load_osm_file

ROOT = Path(__file__).resolve().parents[2]
PBF = ROOT / "tests" / "data" / "liechtenstein.osm.pbf"
MARK = "Kill-proof edit"

CHILD = r"""
import sys
sys.path.insert(0, {root!r})
from tools.plugin_package import use_plugin_package
use_plugin_package()
from osm_roundtrip.plugin.core import gpkg
from osm_roundtrip.plugin.core.gpkg_refresh import update_from
from osm_roundtrip.plugin.core.osm.xmlreader import load_osm_file
data = load_osm_file({osm!r})
for table in (data.nodes, data.ways, data.relations):
    for element in table.values():
        element.version = (element.version or 1) + {bump}
print("loaded", flush=True)
if {mode!r} == "replace":
    gpkg.write_dataset(data, {path!r}, api_url="http://127.0.0.1:1/api/0.6")
else:
    update_from({path!r}, data)
print("done", flush=True)
"""


@pytest.fixture(scope="module")
def country(tmp_path_factory):
    folder = tmp_path_factory.mktemp("killed")
    osm = folder / "liechtenstein.osm"
    subprocess.run(["osmium", "cat", str(PBF), "-o", str(osm), "-O"], check=True)
    data = load_osm_file(osm)
    for table in (data.nodes, data.ways, data.relations):
        for element in table.values():
            element.version = element.version or 1
    path = folder / "country.gpkg"
    gpkg.write_dataset(data, path, api_url="http://127.0.0.1:1/api/0.6")
    with connect(path) as db:  # the user's saved edit
        db.execute(
            "UPDATE osm_points SET name = ? WHERE fid = (SELECT min(fid) FROM osm_points "
            "WHERE name IS NOT NULL)",
            (MARK,),
        )
    return osm, path


def run_and_kill(code: str, after: float) -> bool:
    """Run ``code``; kill -9 it ``after`` seconds into its write. True if it was killed."""
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        line = child.stdout.readline()  # "loaded": the write starts now
        assert line.strip() == "loaded", child.stderr.read()[-2000:]
        time.sleep(after)
        finished = child.poll() is not None
        if not finished:
            child.send_signal(signal.SIGKILL)
        child.wait(60)
        return not finished
    finally:
        if child.poll() is None:
            child.kill()


def assert_whole_with_the_edit(path) -> None:
    base = gpkg.read_base(path)  # opens, and every row reads
    assert base.nodes and base.ways
    features = gpkg.read_features(path)
    assert any(f.tags.get("name") == MARK for f in features["osm_points"])


@pytest.mark.parametrize("after", [0.4, 2.5])
def test_a_replace_killed_leaves_the_old_file_whole(country, tmp_path, after):
    osm, template = country
    path = tmp_path / "country.gpkg"
    shutil.copy(template, path)
    before = gpkg.read_base(path)
    code = CHILD.format(root=str(ROOT), osm=str(osm), bump=1, mode="replace", path=str(path))
    run_and_kill(code, after)
    now = gpkg.read_base(path)  # whole, whenever the kill came
    if now == before:  # killed before the new file was complete: the old one, with the edit
        assert_whole_with_the_edit(path)
    else:  # killed after the swap: the whole new download (its replacement was confirmed)
        assert {w.version - before.ways[w.id].version for w in now.ways.values()} == {1}
        assert len(now.nodes) == len(before.nodes)
    assert not Path(str(path) + "-wal").exists() or gpkg.read_features(path)


@pytest.mark.parametrize("after", [1.0])
def test_an_update_killed_leaves_old_or_new_never_half(country, tmp_path, after):
    osm, template = country
    path = tmp_path / "country.gpkg"
    shutil.copy(template, path)
    before = gpkg.read_base(path)
    code = CHILD.format(root=str(ROOT), osm=str(osm), bump=1, mode="update", path=str(path))
    run_and_kill(code, after)
    now = gpkg.read_base(path)
    steps = {w.version - before.ways[w.id].version for w in now.ways.values()}
    assert steps in ({0}, {1}), f"half an update in the base snapshot: {sorted(steps)}"
    assert_whole_with_the_edit(path)
    assert changes_of_geopackage(path)  # the edit is still to be uploaded
