"""A GeoPackage that is not a whole download gets one clear message, never SQLite's."""

from __future__ import annotations

import sqlite3

import pytest

from osm_roundtrip.plugin.core.gpkg import connect, read_meta, write_dataset
from osm_roundtrip.plugin.core.gpkg_check import DamagedDownload, NotADownload
from osm_roundtrip.plugin.core.osm.model import DataSet, Node, Way
from osm_roundtrip.plugin.core.osm.upload import changes_of_geopackage


@pytest.fixture
def download(tmp_path):
    ds = DataSet()
    ds.bounds = [(9.5, 47.1, 9.6, 47.2)]
    ds.add(Node(1, 47.1, 9.5, 2, {"amenity": "bench"}))
    ds.add(Node(2, 47.1, 9.6, 1))
    ds.add(Way(10, [1, 2], 4, {"highway": "path"}))
    path = tmp_path / "area.gpkg"
    write_dataset(ds, path)
    return path


def tamper(path, *statements) -> None:
    connection = connect(path)
    with connection:
        for statement in statements:
            connection.execute(statement)
    connection.close()


def test_a_whole_download_reads(download):
    assert changes_of_geopackage(download) is not None


def test_a_geopackage_of_another_program_is_named_as_such(tmp_path):
    other = tmp_path / "roads.gpkg"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE gpkg_contents (table_name TEXT)")
        connection.execute("CREATE TABLE roads (fid INTEGER PRIMARY KEY)")
    for read in (changes_of_geopackage, read_meta):
        with pytest.raises(NotADownload) as caught:
            read(other)
        assert str(caught.value) == (
            f"{other} was not made by a download of OSM Roundtrip. Download the area (or open "
            "the .osm file) with the plugin to edit and upload it."
        )


@pytest.mark.parametrize(
    ("statements", "detail"),
    [
        (["DROP TABLE osm_base_nodes"], "table osm_base_nodes is missing"),
        (
            ["ALTER TABLE osm_base_ways DROP COLUMN nodes"],
            "table osm_base_ways has no column nodes",
        ),
        (["DROP TABLE osm_relations"], "layer osm_relations is missing"),
        (
            [  # as a program that rebuilds the table does it (SQLite refuses to drop a column
                # the edit log's triggers read)
                'DROP TRIGGER "osm_edits_osm_points_update"',
                'DROP TRIGGER "osm_edits_osm_points_delete"',
                "ALTER TABLE osm_points DROP COLUMN osm_id",
            ],
            "layer osm_points has no column osm_id",
        ),
        (  # (the path is edited: its elements are read to compute the changes)
            [
                "UPDATE osm_base_nodes SET tags = '{broken' WHERE id = 1",
                "UPDATE osm_lines SET highway = 'footway' WHERE osm_id = 10",
            ],
            "JSONDecodeError: Expecting property name enclosed in double quotes",
        ),
        (
            [
                "UPDATE osm_base_ways SET nodes = '[1, \"x\"' WHERE id = 10",
                "UPDATE osm_lines SET highway = 'footway' WHERE osm_id = 10",
            ],
            "JSONDecodeError",
        ),
    ],
    ids=[
        "no-base-nodes",
        "no-way-refs",
        "no-relations-layer",
        "no-osm-id",
        "bad-tags",
        "bad-refs",
    ],
)
def test_a_damaged_download_says_what_is_damaged_and_what_to_do(download, statements, detail):
    tamper(download, *statements)
    with pytest.raises(DamagedDownload) as caught:
        changes_of_geopackage(download)
    message = str(caught.value)
    assert message.startswith(f"The GeoPackage {download} is damaged (")
    assert detail in message
    assert message.endswith(
        "Its edits cannot be matched to OpenStreetMap: download the area again."
    )


KILLED_WRITER = """
import os, signal, sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA cache_size=1")  # spill: the journal and the file are both written
connection.execute("BEGIN")
connection.execute("UPDATE osm_meta SET value = value || '-half-written'")
connection.execute("CREATE TABLE filler (x)")
connection.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,) for _ in range(2000)])
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_download_killed_in_the_middle_of_a_write_reads_as_before(download):
    """``kill -9`` during a write leaves a hot journal; reading rolls it back, as SQLite would."""
    import signal
    import subprocess
    import sys

    before = read_meta(download)
    child = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(download)], timeout=60)
    assert child.returncode == -signal.SIGKILL
    journal = download.with_name(download.name + "-journal")
    assert journal.stat().st_size > 0  # a hot journal, as the killed upload left it
    assert read_meta(download) == before
    assert changes_of_geopackage(download) is not None


def test_a_locked_download_is_not_called_foreign(download, monkeypatch):
    from osm_roundtrip.plugin.core import gpkg_check
    from osm_roundtrip.plugin.core.gpkg_check import UnreadableDownload, open_download

    monkeypatch.setattr(gpkg_check, "BUSY_SECONDS", 0.2)

    writer = sqlite3.connect(download, isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(UnreadableDownload) as caught:
            open_download(download)
        assert "cannot be read now (database is locked)" in str(caught.value)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
