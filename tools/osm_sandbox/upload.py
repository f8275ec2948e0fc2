"""Applying an osmChange to the store, with CGImap's semantics and messages.

CGImap processes the document as a stream of *runs*: consecutive creates of one type, consecutive
deletes of one type, and consecutive modifies of any type (applied nodes, then ways, then
relations). Everything happens inside one transaction opened by the caller; any exception rolls
it all back. Results are returned in document order.
"""

from __future__ import annotations

import json
from typing import Any

from .errors import ApiError
from .formats import CGIMAP_GENERATOR, MAX_CHANGES, XML_DECL, root_attrs, ruby_time
from .osmchange import OsmObject, parse_osmchange
from .store import TABLE, TYPE_CODE, Store, dump_tags

KIND_ORDER = {"node": 0, "way": 1, "relation": 2}
SCALE = 10_000_000


def scale(value: float) -> int:
    """``round(value * 10^7)`` with C's rounding (half away from zero)."""
    v = value * SCALE
    return int(v + 0.5) if v >= 0 else -int(-v + 0.5)


def _chunks(seq: list, size: int = 500):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]


class Upload:
    def __init__(self, store: Store, cs: dict, uid: int, now: int):
        self.store = store
        self.conn = store.conn
        self.cs = cs
        self.uid = uid
        self.now = now
        self.placeholders: dict[str, dict[int, int]] = {k: {} for k in KIND_ORDER}
        self.results: list[str | None] = []
        self.state: str | None = None
        self.buffer: list[tuple[int, OsmObject, str, bool]] = []
        self.counts = {"created": 0, "modified": 0, "deleted": 0}
        self.bbox: list[int] | None = None
        self.changes: list[tuple[int, str, int, int]] = []

    # -- driver -------------------------------------------------------------------------------

    def run(self, payload: bytes) -> bytes:
        parse_osmchange(payload, self.process)
        self.flush()
        self.finish_changeset()
        return self.diff_result()

    def process(self, obj: OsmObject, op: str, if_unused: bool) -> None:
        if obj.changeset != self.cs["id"]:
            raise ApiError(
                409,
                f"Changeset mismatch: Provided {obj.changeset} but only {self.cs['id']} is allowed",
            )
        state = "modify" if op == "modify" else f"{op}-{obj.kind}"
        if state != self.state:
            self.flush()
            self.state = state
        self.buffer.append((len(self.results), obj, op, if_unused))
        self.results.append(None)

    def flush(self) -> None:
        batch, self.buffer = self.buffer, []
        if self.state == "modify":
            batch.sort(key=lambda item: KIND_ORDER[item[1].kind])
        for index, obj, op, if_unused in batch:
            self.results[index] = getattr(self, f"{op}_{obj.kind}")(obj, if_unused)

    def finish_changeset(self) -> None:
        cs = self.cs
        n = sum(self.counts.values())
        if cs["num_changes"] + n > MAX_CHANGES:
            raise ApiError(409, f"The changeset {cs['id']} was closed at {ruby_time(self.now)}")
        if cs["closed_at"] - cs["created_at"] > 23 * 3600:
            closed_at = cs["created_at"] + 24 * 3600
        else:
            closed_at = self.now + 3600
        box = [cs["min_lat"], cs["min_lon"], cs["max_lat"], cs["max_lon"]]
        if self.bbox is not None:
            if box[0] is None:
                box = list(self.bbox)
            else:
                box = [
                    min(box[0], self.bbox[0]),
                    min(box[1], self.bbox[1]),
                    max(box[2], self.bbox[2]),
                    max(box[3], self.bbox[3]),
                ]
        self.conn.execute(
            "UPDATE changesets SET closed_at = ?, num_changes = num_changes + ?,"
            " num_created = num_created + ?, num_modified = num_modified + ?,"
            " num_deleted = num_deleted + ?, min_lat = ?, min_lon = ?, max_lat = ?, max_lon = ?"
            " WHERE id = ?",
            (
                closed_at,
                n,
                self.counts["created"],
                self.counts["modified"],
                self.counts["deleted"],
                *box,
                cs["id"],
            ),
        )
        self.conn.executemany(
            "INSERT INTO changeset_changes(changeset, type, id, version) VALUES (?,?,?,?)",
            self.changes,
        )

    def diff_result(self) -> bytes:
        body = "\n".join(r for r in self.results if r is not None)
        if body:
            body += "\n"
        return (
            f"{XML_DECL}<diffResult {root_attrs(CGIMAP_GENERATOR)}>\n{body}</diffResult>\n"
        ).encode()

    # -- helpers ------------------------------------------------------------------------------

    def extend_bbox(self, points: list[tuple[int, int]]) -> None:
        points = [p for p in points if p[0] is not None and p[1] is not None]
        if not points:
            return
        lats = [p[0] for p in points]
        lons = [p[1] for p in points]
        box = [min(lats), min(lons), max(lats), max(lons)]
        if self.bbox is None:
            self.bbox = box
        else:
            b = self.bbox
            self.bbox = [min(b[0], box[0]), min(b[1], box[1]), max(b[2], box[2]), max(b[3], box[3])]

    def node_points(self, ids) -> list[tuple[int, int]]:
        out = []
        for chunk in _chunks(sorted(set(ids))):
            marks = ",".join("?" * len(chunk))
            out.extend(
                self.conn.execute(f"SELECT lat, lon FROM nodes WHERE id IN ({marks})", chunk)
            )
        return out

    def visible_ids(self, kind: str, ids) -> set[int]:
        found: set[int] = set()
        for chunk in _chunks(sorted(set(ids))):
            marks = ",".join("?" * len(chunk))
            found.update(
                r[0]
                for r in self.conn.execute(
                    f"SELECT id FROM {TABLE[kind]} WHERE id IN ({marks}) AND visible = 1", chunk
                )
            )
        missing = set(ids) - found
        if missing:
            found |= self.beyond_extract(kind, missing)
        return found

    def beyond_extract(self, kind: str, ids) -> set[int]:
        """Members of relations that lie outside the seed extract.

        An extract keeps relations whose members it cuts off; in production those members exist,
        so a relation can be modified with them. An id that a relation references but that the
        database never held (not even deleted) counts as existing beyond the extract.
        """
        beyond: set[int] = set()
        for chunk in _chunks(sorted(set(ids))):
            marks = ",".join("?" * len(chunk))
            beyond.update(
                r[0]
                for r in self.conn.execute(
                    f"SELECT DISTINCT ref FROM relation_members WHERE mtype = ? "
                    f"AND ref IN ({marks}) "
                    f"AND NOT EXISTS (SELECT 1 FROM {TABLE[kind]} e WHERE e.id = ref)",
                    [TYPE_CODE[kind], *chunk],
                )
            )
        return beyond

    def resolve(self, kind: str, ident: int) -> int:
        if ident < 0:
            real = self.placeholders[kind].get(ident)
            if real is None:
                raise ApiError(400, f"Placeholder id not found for {kind} reference {ident}")
            return real
        return ident

    def new_placeholder(self, kind: str, ident: int) -> int:
        if ident in self.placeholders[kind]:
            raise ApiError(400, "Placeholder IDs must be unique for created elements.")
        real = self.store.next_id(kind)
        self.placeholders[kind][ident] = real
        return real

    def existing(self, obj: OsmObject) -> tuple[int, dict[str, Any]]:
        real = self.resolve(obj.kind, obj.id)
        cur = self.store.current(obj.kind, real)
        if cur is None:
            raise ApiError(
                404, f"The following {obj.kind} ids are not known on the database: {real}"
            )
        return real, cur

    def check_version(self, obj: OsmObject, real: int, cur: dict) -> None:
        if obj.version != cur["version"]:
            raise ApiError(
                409,
                f"Version mismatch: Provided {obj.version}, server had: {cur['version']} of "
                f"{obj.kind.capitalize()} {real}",
            )

    def archive(self, kind: str, real: int) -> None:
        table = TABLE[kind]
        self.conn.execute(
            f"INSERT OR REPLACE INTO old_{table} SELECT * FROM {table} WHERE id = ?", (real,)
        )

    def record(self, kind: str, real: int, version: int, what: str) -> None:
        self.counts[what] += 1
        self.changes.append((self.cs["id"], kind, real, version))

    @staticmethod
    def ok(kind: str, old_id: int, new_id: int, version: int) -> str:
        return f' <{kind} old_id="{old_id}" new_id="{new_id}" new_version="{version}"/>'

    def resolve_nds(self, obj: OsmObject) -> list[int]:
        nds = []
        for ref in obj.nds:
            if ref < 0:
                real = self.placeholders["node"].get(ref)
                if real is None:
                    raise ApiError(
                        400, f"Placeholder node not found for reference {ref} in way {obj.id}"
                    )
                nds.append(real)
            else:
                nds.append(ref)
        return nds

    def check_nds(self, label_id: int, nds: list[int]) -> list[tuple[int, int]]:
        found: dict[int, tuple[int, int]] = {}
        for chunk in _chunks(sorted(set(nds))):
            marks = ",".join("?" * len(chunk))
            for nid, lat, lon in self.conn.execute(
                f"SELECT id, lat, lon FROM nodes WHERE id IN ({marks}) AND visible = 1", chunk
            ):
                found[nid] = (lat, lon)
        missing = sorted(set(nds) - set(found))
        if missing:
            raise ApiError(
                412,
                f"Precondition failed: Way {label_id} requires the nodes with id in "
                f"{','.join(map(str, missing))}, which either do not exist, or are not visible.",
            )
        return list(found.values())

    def resolve_members(self, obj: OsmObject) -> list[tuple[str, int, str]]:
        members = []
        for mtype, ref, role in obj.members:
            if ref < 0:
                real = self.placeholders[mtype].get(ref)
                if real is None:
                    raise ApiError(
                        400,
                        f"Placeholder {mtype} not found for reference {ref} in relation {obj.id}",
                    )
                members.append((mtype, real, role))
            else:
                members.append((mtype, ref, role))
        return members

    def check_members(self, label_id: int, members: list[tuple[str, int, str]]) -> None:
        for kind in KIND_ORDER:
            ids = {ref for t, ref, _ in members if t == kind}
            if not ids:
                continue
            missing = sorted(ids - self.visible_ids(kind, ids))
            if missing:
                raise ApiError(
                    412,
                    f"Precondition failed: Relation {label_id} requires the {kind}s with id in "
                    f"{','.join(map(str, missing))}, which either do not exist, or are not "
                    "visible.",
                )

    def member_points(self, members) -> list[tuple[int, int]]:
        node_ids = [ref for t, ref, _ in members if t == "node"]
        way_ids = sorted({ref for t, ref, _ in members if t == "way"})
        for chunk in _chunks(way_ids):
            marks = ",".join("?" * len(chunk))
            for (nds,) in self.conn.execute(
                f"SELECT nds FROM ways WHERE id IN ({marks})", chunk
            ).fetchall():
                node_ids.extend(json.loads(nds) if nds else [])
        return self.node_points(node_ids)

    # -- nodes --------------------------------------------------------------------------------

    def create_node(self, obj: OsmObject, if_unused: bool) -> str:
        real = self.new_placeholder("node", obj.id)
        lat, lon = scale(obj.lat), scale(obj.lon)
        self.conn.execute(
            "INSERT INTO nodes VALUES (?,?,?,?,?,?,?,?,?)",
            (real, 1, self.cs["id"], self.now, self.uid, 1, lat, lon, dump_tags(obj.tags)),
        )
        self.extend_bbox([(lat, lon)])
        self.record("node", real, 1, "created")
        return self.ok("node", obj.id, real, 1)

    def modify_node(self, obj: OsmObject, if_unused: bool) -> str:
        real, cur = self.existing(obj)
        self.check_version(obj, real, cur)
        lat, lon = scale(obj.lat), scale(obj.lon)
        version = cur["version"] + 1
        self.archive("node", real)
        self.conn.execute(
            "UPDATE nodes SET version=?, changeset=?, ts=?, uid=?, visible=1, lat=?, lon=?,"
            " tags=? WHERE id=?",
            (version, self.cs["id"], self.now, self.uid, lat, lon, dump_tags(obj.tags), real),
        )
        self.extend_bbox([(cur["lat"], cur["lon"]), (lat, lon)])
        self.record("node", real, version, "modified")
        return self.ok("node", obj.id, real, version)

    def delete_node(self, obj: OsmObject, if_unused: bool) -> str:
        real, cur = self.existing(obj)
        if not cur["visible"]:
            if if_unused:
                return self.ok("node", obj.id, real, cur["version"])
            raise ApiError(410, f"The node with the id {real} has already been deleted")
        self.check_version(obj, real, cur)
        ways = self.store.ways_of_node(real)
        rels = self.store.relations_of("node", real) if not ways else []
        if ways or rels:
            if if_unused:
                return self.ok("node", obj.id, real, cur["version"])
            what, ids = ("ways", ways) if ways else ("relations", rels)
            raise ApiError(
                412,
                f"Precondition failed: Node {real} is still used by {what} "
                f"{','.join(map(str, ids))}.",
            )
        version = cur["version"] + 1
        self.archive("node", real)
        self.conn.execute(
            "UPDATE nodes SET version=?, changeset=?, ts=?, uid=?, visible=0, tags=NULL WHERE id=?",
            (version, self.cs["id"], self.now, self.uid, real),
        )
        self.extend_bbox([(cur["lat"], cur["lon"])])
        self.record("node", real, version, "deleted")
        return f' <node old_id="{obj.id}"/>'

    # -- ways ---------------------------------------------------------------------------------

    def _write_way_nodes(self, way_id: int, old: list[int], new: list[int]) -> None:
        if old:
            self.conn.executemany(
                "DELETE FROM way_nodes WHERE node_id = ? AND way_id = ?",
                [(n, way_id) for n in set(old)],
            )
        if new:
            self.conn.executemany(
                "INSERT INTO way_nodes VALUES (?, ?)", [(n, way_id) for n in set(new)]
            )

    def create_way(self, obj: OsmObject, if_unused: bool) -> str:
        nds = self.resolve_nds(obj)
        points = self.check_nds(obj.id, nds)
        real = self.new_placeholder("way", obj.id)
        self.conn.execute(
            "INSERT INTO ways VALUES (?,?,?,?,?,?,?,?)",
            (real, 1, self.cs["id"], self.now, self.uid, 1, dump_tags(obj.tags), json.dumps(nds)),
        )
        self._write_way_nodes(real, [], nds)
        self.extend_bbox(points)
        self.record("way", real, 1, "created")
        return self.ok("way", obj.id, real, 1)

    def modify_way(self, obj: OsmObject, if_unused: bool) -> str:
        real, cur = self.existing(obj)
        self.check_version(obj, real, cur)
        nds = self.resolve_nds(obj)
        points = self.check_nds(real, nds)
        version = cur["version"] + 1
        self.archive("way", real)
        self.conn.execute(
            "UPDATE ways SET version=?, changeset=?, ts=?, uid=?, visible=1, tags=?, nds=?"
            " WHERE id=?",
            (
                version,
                self.cs["id"],
                self.now,
                self.uid,
                dump_tags(obj.tags),
                json.dumps(nds),
                real,
            ),
        )
        self._write_way_nodes(real, cur["nds"] if cur["visible"] else [], nds)
        self.extend_bbox(points + self.node_points(cur["nds"]))
        self.record("way", real, version, "modified")
        return self.ok("way", obj.id, real, version)

    def delete_way(self, obj: OsmObject, if_unused: bool) -> str:
        real, cur = self.existing(obj)
        if not cur["visible"]:
            if if_unused:
                return self.ok("way", obj.id, real, cur["version"])
            raise ApiError(410, f"The way with the id {real} has already been deleted")
        self.check_version(obj, real, cur)
        rels = self.store.relations_of("way", real)
        if rels:
            if if_unused:
                return self.ok("way", obj.id, real, cur["version"])
            raise ApiError(
                412,
                f"Precondition failed: Way {real} is still used by relations "
                f"{','.join(map(str, rels))}.",
            )
        version = cur["version"] + 1
        self.archive("way", real)
        self.conn.execute(
            "UPDATE ways SET version=?, changeset=?, ts=?, uid=?, visible=0, tags=NULL, nds=NULL"
            " WHERE id=?",
            (version, self.cs["id"], self.now, self.uid, real),
        )
        self._write_way_nodes(real, cur["nds"], [])
        self.extend_bbox(self.node_points(cur["nds"]))
        self.record("way", real, version, "deleted")
        return f' <way old_id="{obj.id}"/>'

    # -- relations ----------------------------------------------------------------------------

    def _write_members(self, rel_id: int, old, new) -> None:
        if old:
            self.conn.executemany(
                "DELETE FROM relation_members WHERE mtype = ? AND ref = ? AND rel_id = ?",
                [(TYPE_CODE[t], ref, rel_id) for t, ref in {(t, r) for t, r, _ in old}],
            )
        if new:
            self.conn.executemany(
                "INSERT INTO relation_members VALUES (?, ?, ?)",
                [(TYPE_CODE[t], ref, rel_id) for t, ref in {(t, r) for t, r, _ in new}],
            )

    def _relation_bbox(self, old, new, tags_changed: bool) -> None:
        old_set = {(t, r) for t, r, _ in old if t != "relation"}
        new_set = {(t, r) for t, r, _ in new if t != "relation"}
        rel_changed = {(t, r) for t, r, _ in old if t == "relation"} != {
            (t, r) for t, r, _ in new if t == "relation"
        }
        chosen = (old_set | new_set) if (tags_changed or rel_changed) else (old_set ^ new_set)
        self.extend_bbox(self.member_points([(t, r, "") for t, r in chosen]))

    def create_relation(self, obj: OsmObject, if_unused: bool) -> str:
        members = self.resolve_members(obj)
        self.check_members(obj.id, members)
        real = self.new_placeholder("relation", obj.id)
        self.conn.execute(
            "INSERT INTO relations VALUES (?,?,?,?,?,?,?,?)",
            (
                real,
                1,
                self.cs["id"],
                self.now,
                self.uid,
                1,
                dump_tags(obj.tags),
                json.dumps([list(m) for m in members]),
            ),
        )
        self._write_members(real, [], members)
        self._relation_bbox([], members, True)
        self.record("relation", real, 1, "created")
        return self.ok("relation", obj.id, real, 1)

    def modify_relation(self, obj: OsmObject, if_unused: bool) -> str:
        real, cur = self.existing(obj)
        self.check_version(obj, real, cur)
        members = self.resolve_members(obj)
        self.check_members(real, members)
        version = cur["version"] + 1
        self.archive("relation", real)
        self.conn.execute(
            "UPDATE relations SET version=?, changeset=?, ts=?, uid=?, visible=1, tags=?,"
            " members=? WHERE id=?",
            (
                version,
                self.cs["id"],
                self.now,
                self.uid,
                dump_tags(obj.tags),
                json.dumps([list(m) for m in members]),
                real,
            ),
        )
        old = cur["members"] if cur["visible"] else []
        self._write_members(real, old, members)
        self._relation_bbox(old, members, cur["tags"] != obj.tags)
        self.record("relation", real, version, "modified")
        return self.ok("relation", obj.id, real, version)

    def delete_relation(self, obj: OsmObject, if_unused: bool) -> str:
        real, cur = self.existing(obj)
        if not cur["visible"]:
            if if_unused:
                return self.ok("relation", obj.id, real, cur["version"])
            raise ApiError(410, f"The relation with the id {real} has already been deleted")
        self.check_version(obj, real, cur)
        parents = [r for r in self.store.relations_of("relation", real) if r != real]
        if parents:
            if if_unused:
                return self.ok("relation", obj.id, real, cur["version"])
            raise ApiError(
                412,
                f"Precondition failed: The relation {real} is used in relations "
                f"{','.join(map(str, parents))}.",
            )
        version = cur["version"] + 1
        self.archive("relation", real)
        self.conn.execute(
            "UPDATE relations SET version=?, changeset=?, ts=?, uid=?, visible=0, tags=NULL,"
            " members=NULL WHERE id=?",
            (version, self.cs["id"], self.now, self.uid, real),
        )
        self._write_members(real, cur["members"], [])
        self._relation_bbox(cur["members"], [], True)
        self.record("relation", real, version, "deleted")
        return f' <relation old_id="{obj.id}"/>'
