"""Changesets opened in the background: while the journal is written, and ahead of a chunk."""

from __future__ import annotations

import threading

import pytest

from osm_roundtrip.plugin.core.errors import Cancelled
from osm_roundtrip.plugin.core.osm import upload, upload_journal
from osm_roundtrip.plugin.core.osm import uploader as uploader_module
from osm_roundtrip.plugin.core.osm.api import NotAuthorized
from osm_roundtrip.plugin.core.osm.diff import CREATE, Change, OsmChanges
from osm_roundtrip.plugin.core.osm.model import Node, Way
from osm_roundtrip.plugin.core.osm.osmchange import parse_osc

from .test_upload_resume import FakeApi, changes_for_chunks


class RecordingApi(FakeApi):
    """Records the order of changeset calls; ``opened`` is set by the first changeset."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.calls = []
        self.closed = []
        self.opened = threading.Event()
        self.denied = False

    def check_write_permission(self, cancel=None):
        self.calls.append(("permissions",))
        if self.denied:
            raise NotAuthorized("no write_api", 403, "read_prefs")

    def create_changeset(self, tags, cancel=None):
        changeset = super().create_changeset(tags, cancel)
        self.calls.append(("create", changeset))
        self.opened.set()
        return changeset

    def close_changeset(self, changeset, cancel=None):
        self.calls.append(("close", changeset))
        self.closed.append(changeset)

    def upload(self, changeset, payload, cancel=None):
        self.calls.append(("upload", changeset))
        return super().upload(changeset, payload, cancel)


def test_the_first_changeset_is_opened_while_the_journal_is_written(tmp_path, monkeypatch):
    api = RecordingApi()
    write = upload_journal._write_durable
    seen = []

    def write_when_opened(path, data):
        if path.name == upload.PENDING_FILE:  # the journal's first file: the changeset is asked
            seen.append(api.opened.wait(timeout=10))  # for meanwhile, in another thread
        write(path, data)

    monkeypatch.setattr(upload_journal, "_write_durable", write_when_opened)
    report = upload.start_upload(
        api, changes_for_chunks(), tmp_path / "j", comment="c", max_elements=4
    )
    assert seen == [True]
    assert report.complete and report.uploaded == len(changes_for_chunks())
    assert api.calls[:3] == [("permissions",), ("create", 1), ("upload", 1)]
    # every changeset opened was used and closed
    used = {changeset for changeset, _ in api.uploads}
    assert used == set(range(1, api.changesets + 1)) == set(api.closed)


def test_no_changeset_is_opened_without_write_permission(tmp_path):
    api = RecordingApi()
    api.denied = True
    with pytest.raises(NotAuthorized):
        upload.start_upload(api, changes_for_chunks(), tmp_path / "j", comment="c", max_elements=4)
    assert api.changesets == 0 and not api.uploads


def test_a_journal_that_cannot_be_written_closes_the_changeset_opened_meanwhile(tmp_path):
    (tmp_path / "j").mkdir()
    (tmp_path / "j" / upload.JOURNAL).write_text("{}")  # an upload left there
    api = RecordingApi()
    with pytest.raises(FileExistsError):
        upload.start_upload(api, changes_for_chunks(), tmp_path / "j", comment="c", max_elements=4)
    assert api.changesets == 1 and api.closed == [1] and not api.uploads


def new_journal(tmp_path, api):
    return upload.Journal.create(
        tmp_path / "j", changes_for_chunks(), api_url=api.api_url, tags={"comment": "c"},
        max_elements=4,
    )  # fmt: skip


def test_the_next_changeset_is_opened_after_closing_the_full_one(tmp_path):
    api = RecordingApi()
    journal = new_journal(tmp_path, api)
    upload.Uploader(api, journal, on_applied=lambda *args: None).run()
    sizes = [chunk["elements"] for chunk in journal.chunks]
    assert len(sizes) >= 3 and api.changesets == len(sizes)  # each chunk fills its changeset
    for changeset in range(2, api.changesets + 1):  # closed before the next one is created
        assert api.calls.index(("close", changeset - 1)) < api.calls.index(("create", changeset))
        assert api.calls.index(("create", changeset)) < api.calls.index(("upload", changeset))
    assert sorted(api.closed) == list(range(1, api.changesets + 1))
    assert journal.data["changesets"] == list(range(1, api.changesets + 1))


def test_a_changeset_opened_ahead_is_closed_when_the_upload_stops(tmp_path):
    api = RecordingApi()
    journal = new_journal(tmp_path, api)
    uploader = upload.Uploader(
        api, journal, on_applied=lambda *args: None, cancel=lambda: len(api.uploads) >= 1
    )
    with pytest.raises(Cancelled):
        uploader.run()
    assert [c for c in api.calls if c[0] == "upload"] == [("upload", 1)]
    assert api.changesets == 2  # the second one was opened ahead of the second chunk
    assert sorted(set(api.closed)) == [1, 2]
    assert journal.data["status"] == upload.STOPPED
    assert journal.chunks[0]["state"] == upload.APPLIED
    assert journal.chunks[1]["state"] == upload.PENDING


def upload_counting_builds(tmp_path, monkeypatch, changes, max_elements=4):
    """Upload ``changes``; the number of chunks built by this thread (not ahead of their turn)."""
    built_here = []
    build = uploader_module.build

    def counted(chunk, changeset, *args):
        if changeset is not None and threading.current_thread() is threading.main_thread():
            built_here.append(changeset)  # (the journal's pending document has none)
        return build(chunk, changeset, *args)

    monkeypatch.setattr(uploader_module, "build", counted)
    api = RecordingApi()
    report = upload.start_upload(
        api, changes, tmp_path / "j", comment="c", max_elements=max_elements
    )
    assert report.complete and report.uploaded == len(changes)
    return api, built_here


def test_chunks_that_need_nothing_from_the_last_answer_are_built_ahead(tmp_path, monkeypatch):
    nodes = [Change(CREATE, Node(-i, 47 + i * 1e-4, 9.5, 0, {"n": str(i)})) for i in range(1, 13)]
    api, built_here = upload_counting_builds(tmp_path, monkeypatch, OsmChanges(nodes, [], []))
    assert len(api.uploads) == 3 and len(built_here) == 1  # the first one only
    for changeset, payload in api.uploads:  # what was sent is what build() gives
        assert payload == uploader_module.build(parse_osc(payload), changeset)
        assert f'changeset="{changeset}"'.encode() in payload


def test_a_chunk_that_uses_ids_from_the_last_answer_waits_for_it(tmp_path, monkeypatch):
    refs = [-i for i in range(1, 7)]
    creates = [Change(CREATE, Node(r, 47 + r * 1e-4, 9.5)) for r in refs]
    creates.append(Change(CREATE, Way(-1, refs, 0, {"highway": "path"})))
    api, built_here = upload_counting_builds(tmp_path, monkeypatch, OsmChanges(creates, [], []))
    assert len(api.uploads) == 2 and len(built_here) == 2
    first, second = (parse_osc(payload) for _, payload in api.uploads)
    assert len(first.creates) == 4  # the way's first nodes, then the rest and the way
    way = next(c.element for c in second.creates if c.element.type == "way")
    assert way.nodes[:4] == [5001, 5002, 5003, 5004]  # the ids the first upload gave
    assert way.nodes[4:] == [-5, -6]
