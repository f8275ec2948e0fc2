"""A journal belongs to one download: the download identity, older files, and rows that already
stand for an element never take another element's identity."""

from __future__ import annotations

import os
import time
from contextlib import closing

import pytest

from osm_roundtrip.plugin.core import gpkg
from osm_roundtrip.plugin.core.gpkg import (
    download_id,
    ensure_download_id,
    read_base,
    read_features,
    read_loaded,
    write_dataset,
)
from osm_roundtrip.plugin.core.gpkg_update import apply_upload, mark_new_features
from osm_roundtrip.plugin.core.osm.diff import compute_changes
from osm_roundtrip.plugin.core.osm.model import DataSet, Node, Way
from osm_roundtrip.plugin.core.osm.osmchange import DiffEntry
from osm_roundtrip.plugin.core.osm.upload import PENDING_FILE, Journal, journal_dir_for
from osm_roundtrip.plugin.core.upload_resume import (
    JournalMismatch,
    belongs_to,
    check_binding,
    settle_previous,
)


def dataset() -> DataSet:
    ds = DataSet()
    ds.bounds = [(9.5, 47.1, 9.6, 47.2)]
    ds.add(Node(1, 47.15, 9.55, 1, {"amenity": "bench"}))
    ds.add(Node(2, 47.16, 9.56, 1, {"amenity": "waste_basket"}))
    ds.add(Node(3, 47.12, 9.52, 1))
    ds.add(Node(4, 47.13, 9.53, 1))
    ds.add(Way(10, [3, 4], 1, {"highway": "footway"}))
    return ds


@pytest.fixture
def path(tmp_path):
    target = tmp_path / "dl.gpkg"
    write_dataset(dataset(), target)
    return target


def new_point(path, amenity="post_box") -> None:
    with closing(gpkg.connect(path)) as con:
        con.execute(
            'INSERT INTO "osm_points" (geom, amenity) VALUES (?, ?)',
            (gpkg.encode_point(9.58, 47.18), amenity),
        )
        con.commit()


def changes_of(path):
    return compute_changes(read_base(path), read_features(path), loaded=read_loaded(path))


def journal_of(path, identity):
    changes = changes_of(path)
    return Journal.create(
        journal_dir_for(path),
        changes,
        api_url="http://127.0.0.1:1/api/0.6",
        tags={"comment": "x"},
        max_elements=100,
        download_id=identity,
    )


def forget_identity(path) -> None:
    """The file as a version of the plugin without download identities wrote it."""
    with closing(gpkg.connect(path)) as con:
        con.execute("DELETE FROM osm_meta WHERE key = 'download_id'")
        con.commit()


def set_downloaded_at(path, seconds: float) -> None:
    text = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(seconds))
    with closing(gpkg.connect(path)) as con:
        con.execute("UPDATE osm_meta SET value = ? WHERE key = 'downloaded_at'", (text,))
        con.commit()


def test_every_download_gets_an_identity_of_its_own(path, tmp_path):
    other = tmp_path / "again.gpkg"
    write_dataset(dataset(), other)
    assert download_id(path) and download_id(other)
    assert download_id(path) != download_id(other)
    assert ensure_download_id(path) == download_id(path)  # kept as it is


def test_an_older_file_gets_its_identity_at_its_first_upload(path):
    forget_identity(path)
    assert download_id(path) is None
    identity = ensure_download_id(path)
    assert identity and download_id(path) == identity
    assert ensure_download_id(path) == identity


def test_a_journal_belongs_to_the_download_it_was_written_from(path):
    new_point(path)
    journal = journal_of(path, download_id(path))
    assert journal.data["download_id"] == download_id(path)
    check_binding(journal, path)
    write_dataset(dataset(), path)  # downloaded again to the same file
    assert not belongs_to(journal, path)
    with pytest.raises(JournalMismatch, match="another download") as raised:
        check_binding(journal, path)
    assert str(journal.folder) in str(raised.value)


def test_a_journal_is_refused_before_any_request_and_kept(path):
    new_point(path)
    journal_of(path, "a-download-that-is-not-this-one")

    class NoServer:
        def __getattr__(self, name):
            raise AssertionError(f"nothing may be requested ({name})")

    before = read_features(path)
    with pytest.raises(JournalMismatch):
        settle_previous(path, NoServer())
    assert read_features(path) == before
    assert (journal_dir_for(path) / "journal.json").exists()


def test_older_journal_and_file_belong_together_when_the_file_is_older(path):
    forget_identity(path)
    new_point(path)
    journal = journal_of(path, None)
    assert "download_id" not in journal.data
    written = os.stat(journal.folder / PENDING_FILE).st_mtime
    set_downloaded_at(path, written - 3600)
    assert belongs_to(journal, path)
    # downloaded after the journal was written: another download of the area
    set_downloaded_at(path, written + 60)
    assert not belongs_to(journal, path)
    # a file with an identity was downloaded by a version that writes identities into its
    # journals: a journal without one is not from it
    set_downloaded_at(path, written - 3600)
    ensure_download_id(path)
    assert not belongs_to(journal, path)


def test_new_features_are_found_by_placeholder_not_by_fid(path):
    new_point(path, "post_box")
    new_point(path, "bicycle_parking")
    changes = changes_of(path)
    mark_new_features(path, changes)
    # marked rows are still new features for the differ and the readers
    assert {(c.action, *c.key) for c in changes_of(path)} == {(c.action, *c.key) for c in changes}
    assert all(
        f.osm_id is None
        for f in read_features(path)["osm_points"]
        if f.tags.get("amenity") in ("post_box", "bicycle_parking")
    )
    # the rows get other fids (the table rewritten by another program), in another order
    with closing(gpkg.connect(path)) as con:
        rows = con.execute(
            "SELECT fid, amenity, osm_type, osm_id FROM osm_points WHERE osm_id < 0"
        ).fetchall()
        assert len(rows) == 2
        for fid, *_ in rows:
            con.execute(
                "INSERT INTO osm_points (geom, amenity, osm_type, osm_id) "
                "SELECT geom, amenity, osm_type, osm_id FROM osm_points WHERE fid = ?",
                (fid,),
            )
            con.execute("DELETE FROM osm_points WHERE fid = ?", (fid,))
        con.commit()
    new_ids = {c.element.id: 700 + n for n, c in enumerate(changes.creates)}
    entries = [DiffEntry("node", old, new, 1) for old, new in new_ids.items()]
    apply_upload(path, changes, entries)
    amenity = {c.element.id: c.element.tags["amenity"] for c in changes.creates}
    with closing(gpkg.connect(path)) as con:
        got = dict(
            con.execute(
                "SELECT amenity, osm_id FROM osm_points "
                "WHERE amenity IN ('bicycle_parking', 'post_box')"
            ).fetchall()
        )
    assert got == {amenity[old]: new for old, new in new_ids.items()}
    assert changes_of(path).is_empty


def test_marking_again_clears_the_placeholders_of_an_upload_that_did_not_finish(path):
    new_point(path, "post_box")
    first = changes_of(path)
    mark_new_features(path, first)
    new_point(path, "bicycle_parking")  # edited after the upload stopped
    second = changes_of(path)
    mark_new_features(path, second)
    with closing(gpkg.connect(path)) as con:
        marks = sorted(
            con.execute(
                "SELECT amenity, osm_type, osm_id FROM osm_points WHERE osm_id < 0"
            ).fetchall()
        )
    by_amenity = {c.element.tags["amenity"]: c.element.id for c in second.creates}
    assert marks == sorted((a, "node", i) for a, i in by_amenity.items())


def test_a_row_that_stands_for_an_element_never_takes_another_identity(path):
    """A journal written before rows carried placeholders names the feature a new element came
    from by fid; if that row is another element's now, it keeps its identity."""
    new_point(path)
    changes = changes_of(path)
    (create,) = changes.creates
    ((layer, fid),) = create.sources
    with closing(gpkg.connect(path)) as con:
        other = con.execute(
            "SELECT fid FROM osm_points WHERE osm_type = 'node' AND osm_id = 2"
        ).fetchone()[0]
    entries = [DiffEntry("node", create.element.id, 500, 1)]
    apply_upload(path, changes, entries, {create.key: [(layer, other)]})
    with closing(gpkg.connect(path)) as con:
        row = con.execute(
            "SELECT osm_type, osm_id, osm_version FROM osm_points WHERE fid = ?", (other,)
        ).fetchone()
        mine = con.execute("SELECT osm_id FROM osm_points WHERE fid = ?", (fid,)).fetchone()
    assert row == ("node", 2, 1)
    assert mine == (None,)
