"""Chunks and the review's changes, and resuming an upload the journal left half done (pure)."""

from __future__ import annotations

import json

from osm_roundtrip.plugin.core.errors import ConnectionFailed
from osm_roundtrip.plugin.core.osm import upload
from osm_roundtrip.plugin.core.osm.api import (
    Capabilities,
    ChangedElement,
    ChangesetClosed,
    ChangesetInfo,
)
from osm_roundtrip.plugin.core.osm.diff import CREATE, DELETE, MODIFY, Change, OsmChanges
from osm_roundtrip.plugin.core.osm.model import Member, Node, Relation, Way
from osm_roundtrip.plugin.core.osm.osmchange import (
    IdMap,
    apply_diff_result,
    build,
    ordered,
    parse_diff_result,
    parse_osc,
    split_chunks,
)


class FakeApi:
    """Applies uploads like the API (ids in document order) and keeps the changeset contents."""

    api_url = "http://x/api/0.6"

    def __init__(self, lose_answer_of=()):
        self.next_id = {"node": 5000, "way": 6000, "relation": 7000}
        self.uploads = []  # (changeset, payload)
        self.downloads = 0
        self.contents = {}  # changeset → [ChangedElement]
        self.changesets = 0
        self.lose_answer_of = set(lose_answer_of)  # upload numbers (1-based) whose answer is lost
        self.closed_changesets = set()

    server_timeout = 0.0  # the request a lost answer belonged to is over at once

    def check_write_permission(self, cancel=None):
        pass

    def capabilities(self, cancel=None):
        return Capabilities(timeout=self.server_timeout)

    def create_changeset(self, tags, cancel=None):
        self.changesets += 1
        return self.changesets

    def changeset(self, changeset, cancel=None):
        return ChangesetInfo(
            changeset,
            open=changeset not in self.closed_changesets,
            changes_count=len(self.contents.get(changeset, [])),
        )

    def close_changeset(self, changeset, cancel=None):
        if changeset in self.closed_changesets:
            raise ChangesetClosed(409, "closed", changeset=changeset)
        self.closed_changesets.add(changeset)

    def upload(self, changeset, payload, cancel=None):
        if changeset in self.closed_changesets:
            raise ChangesetClosed(409, "closed", changeset=changeset)
        self.uploads.append((changeset, payload))
        ids = {}
        lines = ["<diffResult version='0.6'>"]
        for change in ordered(parse_osc(payload)):
            element = change.element
            kind = element.type
            if change.action == CREATE:
                self.next_id[kind] += 1
                new_id = ids[(kind, element.id)] = self.next_id[kind]
                lines.append(f"<{kind} old_id='{element.id}' new_id='{new_id}' new_version='1'/>")
                self.contents.setdefault(changeset, []).append(
                    ChangedElement(
                        "create",
                        kind,
                        new_id,
                        1,
                        tags=dict(element.tags),
                        lat=getattr(element, "lat", None),
                        lon=getattr(element, "lon", None),
                        nodes=[ids.get(("node", r), r) for r in getattr(element, "nodes", [])],
                        members=[
                            (m.type, ids.get((m.type, m.ref), m.ref), m.role)
                            for m in getattr(element, "members", [])
                        ],
                    )
                )
            elif change.action == MODIFY:
                version = element.version + 1
                lines.append(
                    f"<{kind} old_id='{element.id}' new_id='{element.id}' new_version='{version}'/>"
                )
                self.contents.setdefault(changeset, []).append(
                    ChangedElement("modify", kind, element.id, version, tags=dict(element.tags))
                )
            else:
                lines.append(f"<{kind} old_id='{element.id}'/>")
                self.contents.setdefault(changeset, []).append(
                    ChangedElement("delete", kind, element.id, element.version + 1, visible=False)
                )
        lines.append("</diffResult>")
        if len(self.uploads) in self.lose_answer_of:
            raise ConnectionFailed("connection reset")
        return "\n".join(lines).encode()

    def download_changeset(self, changeset, cancel=None):
        self.downloads += 1
        return list(self.contents.get(changeset, []))

    def element_versions(self, keys, cancel=None):
        return {}


def changes_for_chunks() -> OsmChanges:
    """New ways with new nodes, a new relation of new ways, a modified way that takes a new
    node, a modify and a delete: several chunks of at most 4 elements."""
    creates = []
    for w in range(1, 4):
        refs = [-(2 * w - 1), -(2 * w)]
        creates += [Change(CREATE, Node(r, 47 + r * 1e-4, 9.5)) for r in refs]
        creates.append(Change(CREATE, Way(-w, refs, 0, {"highway": "path"}), sources=[("l", w)]))
    creates.append(
        Change(
            CREATE,
            Relation(-1, [Member("way", -1, "outer"), Member("way", -3, "inner")], 0, {"a": "b"}),
        )
    )
    return OsmChanges(
        creates,
        [
            Change(MODIFY, Way(40, [41, -2], 3, {"highway": "track"})),
            Change(MODIFY, Node(42, 47.0, 9.0, 2, {"name": "x"})),
        ],
        [Change(DELETE, Node(43, 0, 0, 7), if_unused=True)],
    )


def snapshot(changes: OsmChanges):
    return build(changes, None), [(id(c), id(c.element)) for c in changes]


def test_rewriting_the_chunks_leaves_the_reviewed_changes_untouched():
    changes = changes_for_chunks()
    before = snapshot(changes)
    elements = {id(c.element) for c in changes}
    chunks = split_chunks(changes, 4)
    assert len(chunks) > 2
    api = FakeApi()
    id_map = IdMap()
    for index, chunk in enumerate(chunks):
        result = api.upload(1, build(chunk, 1))
        apply_diff_result(chunk, parse_diff_result(result), chunks[index + 1 :], id_map)
    assert snapshot(changes) == before  # same objects, same content
    sent = [parse_osc(payload) for _, payload in api.uploads]
    # no placeholder reaches the server for something created earlier
    for chunk in sent:
        created = {c.element.key for c in chunk.creates}
        for change in chunk:
            refs = [("node", r) for r in getattr(change.element, "nodes", [])]
            refs += [(m.type, m.ref) for m in getattr(change.element, "members", [])]
            assert all(ref[1] > 0 or ref in created for ref in refs)
    # what was rewritten is a copy; a chunk shares no element that was changed for it
    for chunk in chunks:
        for change in chunk:
            if id(change.element) in elements:
                original = next(c for c in changes if c.element is change.element)
                assert original is change


def test_rewrite_copies_only_what_changes():
    node = Change(CREATE, Node(-9, 1, 1))
    way = Change(MODIFY, Way(5, [1, -1], 2))
    later = OsmChanges([node], [way])
    id_map = IdMap(ids={("node", -1): 11}, versions={("way", 5): 3})
    apply_diff_result(OsmChanges(), [], [later], id_map)
    assert later.creates[0] is node  # nothing to rewrite
    assert later.modifies[0] is not way
    assert (later.modifies[0].element.nodes, later.modifies[0].element.version) == ([1, 11], 3)
    assert (way.element.nodes, way.element.version) == ([1, -1], 2)


def start(tmp_path, changes, max_elements=4):
    return upload.Journal.create(
        tmp_path / "j",
        changes,
        api_url=FakeApi.api_url,
        tags={"comment": "c"},
        max_elements=max_elements,
    )


def test_full_upload_sends_each_chunk_once_and_keeps_the_sent_bytes(tmp_path):
    changes = changes_for_chunks()
    before = snapshot(changes)
    journal = start(tmp_path, changes)
    api = FakeApi()
    applied = []
    uploader = upload.Uploader(api, journal, on_applied=lambda s, e, src: applied.append(len(s)))
    files = {}
    real_save = journal.save

    def save():  # the sent document is on disk, as sent, whenever the journal says "sending"
        for index, entry in enumerate(journal.chunks):
            if entry["state"] == upload.SENDING:
                files[index] = journal.sent_path(index).read_bytes()
        real_save()

    journal.save = save
    report = uploader.run()
    assert report.complete and len(api.uploads) == len(journal.chunks)
    assert [payload for _, payload in api.uploads] == [files[i] for i in range(len(files))]
    assert sum(applied) == len(changes)
    assert snapshot(changes) == before


def crash_while(tmp_path, state, *, sent: bool, diff: bool, applied_on_server: bool):
    """The journal as a crash leaves it: chunk 1 in ``state``, with or without its files."""
    changes = changes_for_chunks()
    journal = start(tmp_path, changes)
    api = FakeApi()
    first = journal.chunk_changes(0)
    changeset = api.create_changeset({})
    payload = build(first, changeset)
    entry = journal.chunks[0]
    entry.update(state=state, changeset=changeset, attempt=1)
    journal.data.update(changeset=changeset, changesets=[changeset])
    if sent:
        journal.sent_path(0).write_bytes(payload)
    if applied_on_server:
        result = api.upload(changeset, payload)
        if diff:
            journal.diff_path(0).write_bytes(result)
    journal.save()
    return changes, api


def resume(tmp_path, api):
    journal = upload.Journal.load(tmp_path / "j")
    return upload.Uploader(api, journal).run()


def sent_element_keys(api):
    return [c.element.key for _, payload in api.uploads for c in parse_osc(payload)]


def test_resume_after_a_crash_while_sending_does_not_send_twice(tmp_path):
    changes, api = crash_while(
        tmp_path, upload.SENDING, sent=True, diff=False, applied_on_server=True
    )
    report = resume(tmp_path, api)
    assert api.downloads == 1 and report.settled == 1 and report.complete
    keys = sent_element_keys(api)
    assert len(keys) == len(set(keys)) == len(changes)  # every element sent exactly once


def test_resume_when_the_sent_chunk_did_not_reach_the_server(tmp_path):
    changes, api = crash_while(
        tmp_path, upload.SENDING, sent=True, diff=False, applied_on_server=False
    )
    report = resume(tmp_path, api)
    # not in the download: the changeset is closed (so that nothing can still arrive in it),
    # the download asked again, and only then the chunk sent again, into a new changeset
    assert api.downloads == 2 and report.complete
    assert 1 in api.closed_changesets and 1 not in {cs for cs, _ in api.uploads}
    assert sorted(sent_element_keys(api)) == sorted(c.element.key for c in changes)


def test_resume_when_the_sent_document_never_reached_the_disk(tmp_path):
    # journal.json says "sending" but the crash came before the directory fsync that the
    # request waits for: nothing was sent, so no download is needed to know
    changes, api = crash_while(
        tmp_path, upload.SENDING, sent=False, diff=False, applied_on_server=False
    )
    report = resume(tmp_path, api)
    assert api.downloads == 0 and report.complete
    assert sorted(sent_element_keys(api)) == sorted(c.element.key for c in changes)


def test_resume_when_the_result_never_reached_the_disk(tmp_path):
    # "uploaded" without its diffResult on disk: the result is rebuilt from the changeset
    changes, api = crash_while(
        tmp_path, upload.UPLOADED, sent=True, diff=False, applied_on_server=True
    )
    report = resume(tmp_path, api)
    assert api.downloads == 1 and report.complete
    keys = sent_element_keys(api)
    assert len(keys) == len(set(keys)) == len(changes)


def test_lost_answer_is_settled_and_not_sent_again(tmp_path):
    changes = changes_for_chunks()
    journal = start(tmp_path, changes)
    api = FakeApi(lose_answer_of={2})
    report = upload.Uploader(api, journal).run()
    assert report.complete and report.settled == 1 and api.downloads == 1
    keys = sent_element_keys(api)
    assert len(keys) == len(set(keys)) == len(changes)


def test_journal_files_are_written_without_temporary_leftovers(tmp_path):
    journal = start(tmp_path, changes_for_chunks())
    upload.Uploader(FakeApi(), journal).run()
    names = sorted(p.name for p in (tmp_path / "j").iterdir())
    assert not [n for n in names if n.endswith(".tmp")]
    data = json.loads((tmp_path / "j" / "journal.json").read_text())
    assert data["status"] == upload.DONE
    assert all((tmp_path / "j" / (c["file"] + ".diff.xml")).exists() for c in data["chunks"])
