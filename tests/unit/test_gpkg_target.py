"""A download never silently replaces a file that holds work; replacing leaves no stale WAL."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from osm_roundtrip.plugin.core.gpkg import connect, read_base, write_dataset
from osm_roundtrip.plugin.core.gpkg_target import (
    TargetBusy,
    TargetHoldsWork,
    check_target,
    inspect,
    replace_file,
)
from osm_roundtrip.plugin.core.osm.model import DataSet, Node, Way
from osm_roundtrip.plugin.core.osm.upload import journal_dir_for


def dataset(name: str = "Bench") -> DataSet:
    ds = DataSet()
    ds.bounds = [(9.5, 47.1, 9.6, 47.2)]
    ds.add(Node(1, 47.1, 9.5, 2, {"amenity": "bench", "name": name}))
    ds.add(Node(2, 47.1, 9.6, 1))
    ds.add(Node(3, 47.2, 9.6, 1))
    ds.add(Way(10, [1, 2, 3], 4, {"highway": "path"}))
    return ds


@pytest.fixture
def download(tmp_path):
    path = tmp_path / "area.gpkg"
    write_dataset(dataset(), path, api_url="http://127.0.0.1:1/api/0.6")
    return path


def rename_bench(path, name="Renamed") -> None:
    connection = connect(path)  # with the GeoPackage functions its triggers call
    with connection:
        connection.execute("UPDATE osm_points SET name = ? WHERE osm_id = 1", (name,))
    connection.close()


def test_a_missing_file_and_an_untouched_download_may_be_replaced(tmp_path, download):
    assert not inspect(tmp_path / "nothing.gpkg").at_risk
    state = check_target(download)
    assert state.exists and state.ours and not state.at_risk
    assert state.pending_changes == 0 and state.foreign_tables == []


def test_saved_edits_not_uploaded_stop_the_replacement(download):
    rename_bench(download)
    with pytest.raises(TargetHoldsWork) as caught:
        check_target(download)
    assert caught.value.state.pending_changes == 1
    assert "edits not uploaded yet (1)" in str(caught.value)
    assert str(download) in str(caught.value)
    assert check_target(download, replace=True).pending_changes == 1


def test_tables_of_the_user_stop_the_replacement(download):
    with sqlite3.connect(download) as connection:
        connection.execute("CREATE TABLE survey_notes (id INTEGER PRIMARY KEY, text TEXT)")
    with pytest.raises(TargetHoldsWork) as caught:
        check_target(download)
    assert caught.value.state.foreign_tables == ["survey_notes"]
    assert "tables of your own (survey_notes)" in str(caught.value)


def test_data_of_another_program_stops_the_replacement(tmp_path):
    other = tmp_path / "roads.gpkg"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE gpkg_contents (table_name TEXT)")
        connection.execute("CREATE TABLE roads (fid INTEGER PRIMARY KEY)")
    text = tmp_path / "notes.gpkg"
    text.write_text("not a database")
    for path in (other, text):
        with pytest.raises(TargetHoldsWork, match="data not made by OSM Roundtrip"):
            check_target(path)


def test_an_unfinished_upload_stops_the_replacement(download):
    journal_dir_for(download).mkdir()
    with pytest.raises(TargetHoldsWork, match="an unfinished upload"):
        check_target(download)


def test_everything_at_risk_is_named_in_one_message(download):
    rename_bench(download)
    journal_dir_for(download).mkdir()
    with sqlite3.connect(download) as connection:
        connection.execute("CREATE TABLE mine (id INTEGER)")
    with pytest.raises(TargetHoldsWork) as caught:
        check_target(download)
    message = str(caught.value)
    assert "an unfinished upload; edits not uploaded yet (1); tables of your own (mine)" in message


def stale_wal(path) -> None:
    """Leave ``path`` as a crashed writer does: a ``-wal`` with frames not yet checkpointed."""
    keep = sqlite3.connect(path)
    keep.execute("PRAGMA journal_mode=WAL")
    keep.execute("PRAGMA wal_autocheckpoint=0")
    keep.execute("CREATE TABLE filler (x BLOB)")
    keep.executemany("INSERT INTO filler VALUES (?)", [(b"x" * 3000,) for _ in range(50)])
    keep.commit()
    saved = {side: (path.parent / (path.name + side)).read_bytes() for side in ("-wal", "-shm")}
    keep.close()  # checkpoints and removes the -wal; put the crash's copy back
    for side, data in saved.items():
        (path.parent / (path.name + side)).write_bytes(data)


def test_replacing_a_file_with_a_stale_wal_gives_the_new_file_intact(tmp_path, download):
    stale_wal(download)
    new = tmp_path / "new.gpkg"
    write_dataset(dataset("Fresh"), new, api_url="http://127.0.0.1:1/api/0.6")
    expected = new.read_bytes()
    replace_file(str(new), str(download))
    assert not (tmp_path / "area.gpkg-wal").exists()
    assert not (tmp_path / "area.gpkg-shm").exists()
    assert download.read_bytes() == expected
    with sqlite3.connect(download) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert read_base(download).nodes[1].tags["name"] == "Fresh"


def test_a_file_open_in_another_program_is_not_replaced(tmp_path, download):
    other = sqlite3.connect(download)
    other.execute("PRAGMA journal_mode=WAL")
    other.execute("BEGIN")
    other.execute("SELECT count(*) FROM osm_points").fetchone()  # a reader holds a snapshot
    before = shutil.copy(download, tmp_path / "before.gpkg")
    new = tmp_path / "new.gpkg"
    write_dataset(dataset("Fresh"), new)
    try:
        with pytest.raises(TargetBusy, match="is open in another program"):
            replace_file(str(new), str(download))
    finally:
        other.rollback()
        other.close()
    assert new.exists()
    assert read_base(download).nodes[1].tags["name"] == read_base(before).nodes[1].tags["name"]


def test_writing_a_download_over_an_edited_file_needs_the_check_first(tmp_path, download):
    """The writer itself replaces (it is the callers who ask); its replacement is clean."""
    rename_bench(download)
    stale_wal(download)
    write_dataset(dataset("Fresh"), download)
    assert read_base(download).nodes[1].tags["name"] == "Fresh"
    assert not (tmp_path / "area.gpkg-wal").exists()
