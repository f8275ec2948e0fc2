"""The outcome model of an upload request and the settling of unknown outcomes (pure).

The sandbox tests (``tests/integration/test_upload_outcomes.py``) prove the same against a real
server; these pin each rule down alone, with a fake API that applies uploads like the server.
"""

from __future__ import annotations

import threading

import pytest

from osm_roundtrip.plugin.core.errors import (
    BadPayload,
    Cancelled,
    ConnectionFailed,
    HttpError,
    RateLimited,
    RequestTimeout,
)
from osm_roundtrip.plugin.core.osm import upload
from osm_roundtrip.plugin.core.osm.api import ChangedElement, map_error
from osm_roundtrip.plugin.core.osm.diff import CREATE, DELETE, MODIFY, Change, OsmChanges
from osm_roundtrip.plugin.core.osm.model import Member, Node, Relation, Way
from osm_roundtrip.plugin.core.osm.osmchange import DiffEntry

from .test_upload_resume import FakeApi, changes_for_chunks, sent_element_keys

# -- what an answer means ---------------------------------------------------------------------


def http(status, body="", content_type="text/plain; charset=utf-8"):
    error = HttpError("x", status, body, {"Content-Type": content_type})
    return map_error(error)


def refused():
    error = ConnectionFailed("refused")
    error.not_sent = True
    return error


@pytest.mark.parametrize(
    ("error", "outcome"),
    [
        (http(400, "Placeholder node not found for reference -1 in way -1"), "not committed"),
        (http(401, "User is not authorized"), "not committed"),
        (http(404, "", "text/html; charset=utf-8"), "not committed"),  # CGImap's empty 404
        (http(409, "Version mismatch: Provided 1, server had: 2 of Node 5"), "not committed"),
        (http(409, "Changeset 5 is currently locked by another process."), "not committed"),
        (http(410, "The node with the id 5 has already been deleted"), "not committed"),
        (http(412, "Precondition failed: Node 5 is still used by ways 1."), "not committed"),
        (http(413, "Changeset bounding box size limit exceeded."), "not committed"),
        (RateLimited("x", 429, "Upload has been blocked due to rate limiting."), "not committed"),
        (RateLimited("x", 509, "You have downloaded too much data."), "not committed"),
        (refused(), "not committed"),
        (http(500, "PG::ConnectionBad"), "unknown"),
        (http(502, "<html>Bad Gateway</html>", "text/html"), "unknown"),
        (http(503, "Database offline for maintenance"), "unknown"),
        (http(504, "<html>Gateway Time-out</html>", "text/html"), "unknown"),
        (http(408, "Request timed out"), "unknown"),
        (http(400, "<html>Bad request from the proxy</html>", "text/html"), "unknown"),
        (ConnectionFailed("reset by peer"), "unknown"),
        (RequestTimeout("no answer within 300 s"), "unknown"),
        (BadPayload("not a diffResult"), "unknown"),
        (Cancelled(), "unknown"),
    ],
    ids=lambda value: value if isinstance(value, str) else type(value).__name__,
)
def test_only_the_servers_own_refusal_means_not_committed(error, outcome):
    assert upload.outcome_of_error(error) == outcome


def sample() -> OsmChanges:
    return OsmChanges(
        creates=[
            Change(CREATE, Node(-1, 47.1, 9.5, 0, {"amenity": "bench"})),
            Change(CREATE, Node(-2, 47.2, 9.6)),
            Change(CREATE, Way(-1, [-1, -2, 7], 0, {"highway": "path"})),
            Change(CREATE, Relation(-1, [Member("way", -1, "outer")], 0, {"type": "x"})),
        ],
        modifies=[Change(MODIFY, Node(10, 47.0, 9.4, 3, {"name": "X"}))],
        deletes=[Change(DELETE, Node(20, 0, 0, 5), if_unused=True)],
    )


GOOD = [
    DiffEntry("node", -1, 501, 1),
    DiffEntry("node", -2, 502, 1),
    DiffEntry("way", -1, 601, 1),
    DiffEntry("relation", -1, 701, 1),
    DiffEntry("node", 10, 10, 4),
    DiffEntry("node", 20, None, None),
]


def test_a_matching_diff_result_is_accepted():
    upload.check_diff_result(sample(), GOOD)
    skipped = [*GOOD[:5], DiffEntry("node", 20, 20, 5)]  # if-unused delete not done
    upload.check_diff_result(sample(), skipped)


@pytest.mark.parametrize(
    "entries",
    [
        GOOD[:-1],
        [],
        [GOOD[1], GOOD[0], *GOOD[2:]],
        [*GOOD[:4], DiffEntry("node", 10, 10, 3), GOOD[5]],
        [DiffEntry("node", -1, None, None), *GOOD[1:]],
        [*GOOD[:4], DiffEntry("node", 10, 11, 4), GOOD[5]],
    ],
    ids=["wrong-count", "empty", "wrong-order", "wrong-version", "create-without-id", "other-id"],
)
def test_a_diff_result_that_does_not_match_what_was_sent_is_unreadable(entries):
    with pytest.raises(BadPayload):
        upload.check_diff_result(sample(), entries)


# -- "was it applied?" ------------------------------------------------------------------------


def download_with(way_nodes):
    return [
        ChangedElement("create", "node", 501, 1, tags={"amenity": "bench"}, lat=47.1, lon=9.5),
        ChangedElement("create", "node", 502, 1, lat=47.2, lon=9.6),
        ChangedElement("create", "way", 601, 1, tags={"highway": "path"}, nodes=way_nodes),
        ChangedElement(
            "create", "relation", 701, 1, tags={"type": "x"}, members=[("way", 601, "outer")]
        ),
        ChangedElement("modify", "node", 10, 4, tags={"name": "X"}, lat=47.0, lon=9.4),
    ]


def test_creates_are_matched_by_their_content_in_document_order():
    entries = upload.settle_from_download(sample(), download_with([501, 502, 7]), set())
    assert entries == [*GOOD[:5], DiffEntry("node", 20, 20, 5)]


@pytest.mark.parametrize(
    "download",
    [
        download_with([502, 501, 7]),  # a way with other nodes than sent
        [*download_with([501, 502, 7])[:3], download_with([])[4]],  # a create missing
        [
            *download_with([501, 502, 7]),
            ChangedElement("create", "node", 503, 1, lat=1.0, lon=1.0),
        ],  # one create too many
    ],
    ids=["way-nodes-differ", "a-create-missing", "a-create-too-many"],
)
def test_settling_refuses_to_guess(download):
    with pytest.raises(upload.UploadInconsistent):
        upload.settle_from_download(sample(), download, set())


# -- unknown outcomes during an upload ---------------------------------------------------------


class SpoilingApi(FakeApi):
    """Applies every upload, then spoils the answer of the uploads numbered in ``spoil``."""

    def __init__(self, spoil, how, **kwargs):
        super().__init__(**kwargs)
        self.spoil = dict.fromkeys(spoil, how)

    def upload(self, changeset, payload, cancel=None):
        answer = super().upload(changeset, payload, cancel)
        how = self.spoil.pop(len(self.uploads), None)
        if how == "502":
            raise map_error(HttpError("x", 502, "<html>Bad Gateway</html>", {}))
        if how == "garbage":
            return b"<html><body>Service Unavailable</body></html>"
        if how == "wrong-count":
            return answer.rsplit(b"<", 2)[0] + b"</diffResult>"
        return answer


def start(tmp_path, changes=None):
    return upload.Journal.create(
        tmp_path / "j",
        changes or changes_for_chunks(),
        api_url=FakeApi.api_url,
        tags={"comment": "c"},
        max_elements=4,
    )


@pytest.mark.parametrize("how", ["502", "garbage", "wrong-count"])
def test_an_unreadable_or_gateway_answer_after_commit_is_settled_never_resent(tmp_path, how):
    changes = changes_for_chunks()
    api = SpoilingApi({1, 3}, how)
    report = upload.Uploader(api, start(tmp_path, changes)).run()
    assert report.complete and report.settled == 2 and api.downloads == 2
    keys = sent_element_keys(api)
    assert len(keys) == len(set(keys)) == len(changes)  # every element sent exactly once


def test_a_saved_diff_result_that_cannot_be_read_is_discarded_and_settled(tmp_path):
    changes = changes_for_chunks()
    journal = start(tmp_path, changes)
    api = FakeApi()
    chunk = journal.chunk_changes(0)
    changeset = api.create_changeset({})
    from osm_roundtrip.plugin.core.osm.osmchange import build

    payload = build(chunk, changeset)
    journal.sent_path(0).write_bytes(payload)
    api.upload(changeset, payload)  # applied on the server
    journal.diff_path(0).write_bytes(b"<html>502 Bad Gateway</html>")  # kept by an old version
    journal.chunks[0].update(state=upload.UPLOADED, changeset=changeset, attempt=1)
    journal.data.update(changeset=changeset, changesets=[changeset])
    journal.save()
    report = upload.Uploader(api, upload.Journal.load(tmp_path / "j")).run()
    assert report.complete and report.settled == 1
    keys = sent_element_keys(api)
    assert len(keys) == len(set(keys)) == len(changes)


class LateApi(FakeApi):
    """The server is still working when the client gives up: the first chunk is in the
    changeset only from the ``late``-th look at it on."""

    server_timeout = 30.0

    def __init__(self, late, **kwargs):
        super().__init__(**kwargs)
        self.late = late
        self.pending = None
        self.looks = 0

    def upload(self, changeset, payload, cancel=None):
        if self.pending is None and not self.uploads:
            self.pending = (changeset, payload)
            raise RequestTimeout("no answer")
        return super().upload(changeset, payload, cancel)

    def changeset(self, changeset, cancel=None):
        self.looks += 1
        if self.pending is not None and self.looks >= self.late:
            pending, self.pending = self.pending, None
            super().upload(*pending)  # the server finishes now
        return super().changeset(changeset, cancel)


def test_a_client_timeout_waits_for_the_server_and_reports_the_wait(tmp_path):
    changes = changes_for_chunks()
    api = LateApi(late=3)
    messages = []
    uploader = upload.Uploader(
        api,
        start(tmp_path, changes),
        progress=lambda done, total, message: messages.append(message),
        sleep=lambda s: None,
    )
    report = uploader.run()
    # looked at three times; downloaded when the changeset was new and when it had changed
    assert report.complete and report.settled == 1 and api.looks == 3 and api.downloads == 2
    assert any("waiting for the server" in m for m in messages)
    keys = sent_element_keys(api)
    assert len(keys) == len(set(keys)) == len(changes)


def test_cancel_while_waiting_keeps_the_outcome_unknown_and_sends_nothing(tmp_path):
    api = LateApi(late=10**6)
    calls = {"n": 0}

    def cancel():
        calls["n"] += 1
        return api.looks >= 3

    journal = start(tmp_path)
    with pytest.raises(Cancelled):
        upload.Uploader(api, journal, cancel=cancel, sleep=lambda s: None).run()
    journal = upload.Journal.load(tmp_path / "j")
    assert journal.chunks[0]["state"] == upload.UNKNOWN and journal.unsettled
    assert not api.uploads  # nothing was sent again


def test_an_unreachable_server_stops_with_outcome_unknown_and_nothing_resent(tmp_path):
    class Unreachable(FakeApi):
        def download_changeset(self, changeset, cancel=None):
            raise ConnectionFailed("no route")

    api = Unreachable(lose_answer_of={1})
    with pytest.raises(upload.UploadUnsettled, match="outcome of the upload is unknown"):
        upload.Uploader(api, start(tmp_path), sleep=lambda s: None, settle_attempts=2).run()
    assert len(api.uploads) == 1
    journal = upload.Journal.load(tmp_path / "j")
    assert journal.chunks[0]["state"] == upload.UNKNOWN
    # reachable again: settled as applied, the rest sent once
    api.__class__ = FakeApi
    report = upload.Uploader(api, journal).run()
    assert report.complete and report.settled == 1
    keys = sent_element_keys(api)
    assert len(keys) == len(set(keys)) == len(changes_for_chunks())


# -- refused before anything is sent ------------------------------------------------------------


def test_an_empty_upload_opens_no_changeset(tmp_path):
    api = FakeApi()
    with pytest.raises(upload.NothingToUpload):
        upload.start_upload(api, OsmChanges(), tmp_path / "j", comment="c", max_elements=4)
    assert api.changesets == 0 and not (tmp_path / "j").exists()


@pytest.mark.parametrize(
    "change",
    [
        Change(MODIFY, Node(10, 1, 1, "abc")),
        Change(MODIFY, Node(10, 1, 1, -3)),
        Change(DELETE, Node(10, 1, 1, 0)),
        Change(MODIFY, Node("abc", 1, 1, 2)),
        Change(DELETE, Node(-3, 1, 1, 1)),
        Change(CREATE, Node(5, 1, 1)),
        Change(MODIFY, Way(10, [1, "x"], 2)),
    ],
    ids=[
        "version-abc",
        "version-negative",
        "version-0",
        "id-abc",
        "id-negative",
        "create-id",
        "ref",
    ],
)
def test_ids_and_versions_that_are_not_positive_integers_are_refused(tmp_path, change):
    api = FakeApi()
    with pytest.raises(upload.InvalidIdentity):
        upload.start_upload(
            api, OsmChanges(modifies=[change]), tmp_path / "j", comment="c", max_elements=4
        )
    assert api.changesets == 0 and not api.uploads


def test_a_second_upload_of_the_same_file_is_refused_while_one_runs(tmp_path):
    class Blocking(FakeApi):
        def __init__(self):
            super().__init__()
            self.entered, self.go = threading.Event(), threading.Event()

        def upload(self, changeset, payload, cancel=None):
            self.entered.set()
            assert self.go.wait(10)
            return super().upload(changeset, payload, cancel)

    api = Blocking()
    results = []

    def first():
        results.append(
            upload.start_upload(
                api, changes_for_chunks(), tmp_path / "j", comment="a", max_elements=4
            )
        )

    thread = threading.Thread(target=first)
    thread.start()
    assert api.entered.wait(10)
    with pytest.raises(upload.UploadRunning, match="An upload of this file is running"):
        upload.start_upload(
            FakeApi(), changes_for_chunks(), tmp_path / "j", comment="b", max_elements=4
        )
    with pytest.raises(upload.UploadRunning):
        upload.resume_upload(FakeApi(), tmp_path / "j")
    api.go.set()
    thread.join(10)
    assert results and results[0].complete
    assert not upload.lock_path_for(tmp_path / "j").exists()
    # free again
    report = upload.start_upload(
        FakeApi(), changes_for_chunks(), tmp_path / "j", comment="c", max_elements=4
    )
    assert report.complete
