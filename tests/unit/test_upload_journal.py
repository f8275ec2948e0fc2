"""The upload journal on disk and "was it applied?" from a changeset download (pure)."""

from __future__ import annotations

import json

import pytest

from osm_roundtrip.plugin.core.osm import upload
from osm_roundtrip.plugin.core.osm.api import ChangedElement
from osm_roundtrip.plugin.core.osm.diff import CREATE, DELETE, MODIFY, Change, OsmChanges
from osm_roundtrip.plugin.core.osm.model import Node, Way
from osm_roundtrip.plugin.core.osm.osmchange import DiffEntry


def sample() -> OsmChanges:
    return OsmChanges(
        creates=[
            Change(
                CREATE, Node(-1, 47.1, 9.5, 0, {"amenity": "bench"}), sources=[("osm_points", 7)]
            ),
            Change(CREATE, Node(-2, 47.2, 9.6)),
            Change(CREATE, Way(-1, [-1, -2], 0, {"highway": "path"}), sources=[("osm_lines", 3)]),
        ],
        modifies=[Change(MODIFY, Node(10, 47.0, 9.4, 3, {"name": "X"}))],
        deletes=[Change(DELETE, Node(20, 0, 0, 5), if_unused=True)],
    )


def test_journal_is_written_before_anything_is_sent_and_reads_back(tmp_path):
    upload.Journal.create(
        tmp_path / "j",
        sample(),
        api_url="http://x/api/0.6",
        tags={"comment": "c"},
        max_elements=2,
    )
    names = {p.name for p in (tmp_path / "j").iterdir()}
    assert names == {"journal.json", "pending.osc", "chunks.json", "sources.json"}
    data = json.loads((tmp_path / "j" / "journal.json").read_text())
    assert [c["state"] for c in data["chunks"]] == ["pending"] * len(data["chunks"])
    assert sum(c["elements"] for c in data["chunks"]) == 5
    assert all(c["elements"] <= 2 for c in data["chunks"])
    again = upload.Journal.load(tmp_path / "j")
    keys = [c.element.key for i in range(len(again.chunks)) for c in again.chunk_changes(i)]
    assert sorted(keys) == sorted(c.element.key for c in sample())
    assert again.sources() == {("node", -1): [("osm_points", 7)], ("way", -1): [("osm_lines", 3)]}
    assert not again.in_flight and again.status == upload.RUNNING


def download_of(applied: bool):
    if not applied:
        return [ChangedElement("modify", "node", 99, 2)]  # something else of the changeset
    return [
        ChangedElement("create", "node", 501, 1, tags={"amenity": "bench"}, lat=47.1, lon=9.5),
        ChangedElement("create", "node", 502, 1, lat=47.2, lon=9.6),
        ChangedElement("create", "way", 601, 1, tags={"highway": "path"}, nodes=[501, 502]),
        ChangedElement("modify", "node", 10, 4, tags={"name": "X"}, lat=47.0, lon=9.4),
    ]


def test_settle_rebuilds_the_diff_result_when_applied():
    entries = upload.settle_from_download(sample(), download_of(True), set())
    assert entries == [
        DiffEntry("node", -1, 501, 1),
        DiffEntry("node", -2, 502, 1),
        DiffEntry("way", -1, 601, 1),
        DiffEntry("node", 10, 10, 4),
        DiffEntry("node", 20, 20, 5),  # if-unused delete the server skipped
    ]


def test_settle_says_not_applied():
    assert upload.settle_from_download(sample(), download_of(False), set()) is None


def test_settle_ignores_elements_created_by_earlier_chunks():
    download = [*download_of(False), ChangedElement("create", "node", 400, 1, lat=1, lon=1)]
    assert upload.settle_from_download(sample(), download, {("node", 400)}) is None


@pytest.mark.parametrize(
    "download",
    [
        # the modify is there but the creates are not
        [ChangedElement("modify", "node", 10, 4, lat=47.0, lon=9.4)],
        # a created node with other coordinates than sent
        [
            ChangedElement("create", "node", 501, 1, lat=1.0, lon=1.0),
            ChangedElement("create", "node", 502, 1, lat=47.2, lon=9.6),
            ChangedElement("create", "way", 601, 1, nodes=[501, 502]),
            ChangedElement("modify", "node", 10, 4, lat=47.0, lon=9.4),
        ],
    ],
    ids=["mixed-evidence", "different-content"],
)
def test_settle_refuses_to_guess(download):
    with pytest.raises(upload.UploadInconsistent):
        upload.settle_from_download(sample(), download, set())


def test_comment_is_required_before_the_journal_is_written(tmp_path):
    with pytest.raises(upload.CommentRequired):
        upload.start_upload(None, sample(), tmp_path / "j", comment="   ")
    assert not (tmp_path / "j").exists()


def test_changeset_tags():
    tags = upload.changeset_tags("  Fix names ", " survey ")
    assert tags["comment"] == "Fix names" and tags["source"] == "survey"
    assert tags["created_by"].startswith("OSM Roundtrip ")
    assert "source" not in upload.changeset_tags("c", "  ")
