"""Oracle: osmium applying our osmChange to the base gives the edited state.

Hypothesis draws edit scripts the way a mapper edits in QGIS (move vertices a little, insert a
vertex between two others or snapped onto an existing node, remove a vertex, retag, delete
features, draw new points/lines/polygons, add or remove a multipolygon hole) and applies them to
a copy of the base at OSM level, following the documented rules (orphaned untagged nodes and
member ways go, deleted elements leave their relations). The layers of that edited data set are
what the user sees; the differ only gets those features. pyosmium then applies our .osc to the
base (in the form the server stores it: each modify and delete one version up), and the features
of its result must be those of the edited state.
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

import osmium
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from osm_roundtrip.plugin.core.osm.diff import (
    _canonical_cycle,
    compute_changes,
    coord_key,
    loaded_features,
)
from osm_roundtrip.plugin.core.osm.features import POINTS
from osm_roundtrip.plugin.core.osm.model import DataSet, Member, Node, Relation, Way
from osm_roundtrip.plugin.core.osm.osmchange import build, validate

STEP = 0.001


def grid(x, y):
    return (round(9.5 + x * STEP, 7), round(47.1 + y * STEP, 7))


def make_base() -> DataSet:
    ds = DataSet()
    ds.bounds.append((9.499, 47.099, 9.52, 47.12))
    nid = 0

    def node(x, y, tags=None):
        nonlocal nid
        nid += 1
        lon, lat = grid(x, y)
        ds.add(Node(nid, lat, lon, version=1 + nid % 3, tags=tags or {}))
        return nid

    road = [node(x, 0) for x in range(6)]
    ds.nodes[road[2]].tags = {"highway": "crossing"}
    side = [node(3, y) for y in range(1, 4)]
    ds.add(Way(1, road, 2, {"highway": "residential", "name": "Feldweg"}))
    ds.add(Way(2, [road[3], *side], 1, {"highway": "service"}))
    square = [node(8, 1), node(10, 1), node(10, 3), node(8, 3)]
    ds.add(Way(3, [*square, square[0]], 4, {"building": "yes"}))
    outer_a = [node(0, 6), node(2, 6), node(4, 6), node(6, 6), node(6, 8)]
    outer_b = [node(6, 10), node(6, 12), node(3, 12), node(0, 12), node(0, 9)]
    hole = [node(2, 8), node(3, 8), node(3, 9), node(2, 9)]
    ds.add(Way(4, [*outer_a], 1))
    ds.add(Way(5, [outer_a[-1], *outer_b, outer_a[0]], 1))
    ds.add(Way(6, [*hole, hole[0]], 1))
    ds.add(
        Relation(
            10,
            [Member("way", 4, "outer"), Member("way", 5, "outer"), Member("way", 6, "inner")],
            3,
            {"type": "multipolygon", "landuse": "meadow"},
        )
    )
    bench = node(12, 5, {"amenity": "bench"})
    node(13, 5, {"amenity": "waste_basket", "name": "Kübel"})
    ds.add(
        Relation(
            20,
            [Member("way", 1, ""), Member("node", bench, "stop")],
            1,
            {"type": "route", "route": "bus"},
        )
    )
    return ds


VALUES = st.sampled_from(["A", "Bäckerei", 'quote " & <tag>', "tab\there", "x" * 40, "ß→∑"])


class Script:
    """Edits applied to a copy of the base, as the differ's rules define their meaning."""

    def __init__(self, base: DataSet, data) -> None:
        self.ds = copy.deepcopy(base)
        self.data = data
        self.next_id = -1000
        self.used = {(n.lon, n.lat) for n in self.ds.nodes.values()}
        self.geometry_edited = set()  # ways that already had a vertex inserted/removed
        self.hole_slots = set()

    def draw(self, strategy):
        return self.data.draw(strategy)

    def fresh(self, lon, lat):
        """A coordinate near (lon, lat) used by no node."""
        while True:
            dx, dy = self.draw(st.integers(-40, 40)), self.draw(st.integers(-40, 40))
            c = (round(lon + dx * 1e-7 + 3e-7, 7), round(lat + dy * 1e-7 + 3e-7, 7))
            if c not in self.used:
                self.used.add(c)
                return c

    def new_node(self, lon, lat, tags=None) -> int:
        self.next_id -= 1
        self.ds.add(Node(self.next_id, lat, lon, tags=tags or {}))
        return self.next_id

    def ways_using(self, nid):
        return [w for w in self.ds.ways.values() if nid in w.nodes]

    def in_relations(self, kind, ref):
        return [
            r
            for r in self.ds.relations.values()
            if any(m.type == kind and m.ref == ref for m in r.members)
        ]

    def drop_member(self, kind, ref):
        for r in self.in_relations(kind, ref):
            r.members = [m for m in r.members if not (m.type == kind and m.ref == ref)]

    def cleanup_nodes(self, candidates):
        for nid in candidates:
            node = self.ds.nodes.get(nid)
            if (
                node is not None
                and not node.tags
                and not self.ways_using(nid)
                and not self.in_relations("node", nid)
            ):
                del self.ds.nodes[nid]

    def feature_ways(self):
        return sorted(w.id for w in self.ds.ways.values() if w.tags)

    # -- operations ------------------------------------------------------------------------
    def move(self):
        nid = self.draw(st.sampled_from(sorted(self.ds.nodes)))
        node = self.ds.nodes[nid]
        node.lon, node.lat = self.fresh(node.lon, node.lat)

    def retag(self):
        candidates = [("node", n.id) for n in self.ds.nodes.values() if n.tags]
        candidates += [("way", w) for w in self.feature_ways()]
        candidates += [("relation", r) for r in sorted(self.ds.relations)]
        kind, oid = self.draw(st.sampled_from(candidates))
        element = self.ds.get(kind, oid)
        tags = dict(element.tags)
        action = self.draw(st.sampled_from(["set", "drop"]))
        if action == "set":
            tags[self.draw(st.sampled_from(["name", "note", "surface"]))] = self.draw(VALUES)
        else:
            optional = sorted(k for k in tags if k in ("name", "note", "surface"))
            if optional:
                del tags[self.draw(st.sampled_from(optional))]
        element.tags = tags

    def editable_ways(self):
        return [w for w in sorted(self.ds.ways) if w not in self.geometry_edited]

    def insert(self):
        ways = self.editable_ways()
        if not ways:
            return
        way = self.ds.ways[self.draw(st.sampled_from(ways))]
        i = self.draw(st.integers(1, len(way.nodes) - 1))
        a, b = self.ds.nodes[way.nodes[i - 1]], self.ds.nodes[way.nodes[i]]
        snap = [
            n
            for n in sorted(self.ds.nodes)
            if n not in way.nodes
            and not self.geometry_edited.intersection(w.id for w in self.ways_using(n))
        ]
        if snap and self.draw(st.booleans()):
            nid = self.draw(st.sampled_from(snap))
        else:
            nid = self.new_node(*self.fresh((a.lon + b.lon) / 2, (a.lat + b.lat) / 2))
        way.nodes.insert(i, nid)
        self.geometry_edited.add(way.id)

    def remove(self):
        options = []
        for wid in self.editable_ways():
            way = self.ds.ways[wid]
            closed = way.nodes[0] == way.nodes[-1]
            if len(way.nodes) <= (4 if closed else 2):
                continue
            member_of_ring = bool(self.in_relations("way", wid))
            lo, hi = (
                (1, len(way.nodes) - 2) if (closed or member_of_ring) else (0, len(way.nodes) - 1)
            )
            for i in range(lo, hi + 1):
                nid = way.nodes[i]
                if (
                    way.nodes.count(nid) == 1
                    and not self.ds.nodes[nid].tags
                    and len(self.ways_using(nid)) == 1
                ):
                    options.append((wid, i))
        if not options:
            return
        wid, i = self.draw(st.sampled_from(options))
        nid = self.ds.ways[wid].nodes.pop(i)
        self.geometry_edited.add(wid)
        self.cleanup_nodes([nid])

    def delete_way(self):
        ways = self.feature_ways()
        if not ways:
            return
        wid = self.draw(st.sampled_from(ways))
        way = self.ds.ways.pop(wid)
        self.drop_member("way", wid)
        self.cleanup_nodes(way.nodes)

    def delete_point(self):
        points = [n.id for n in self.ds.nodes.values() if n.tags and not self.ways_using(n.id)]
        if not points:
            return
        nid = self.draw(st.sampled_from(sorted(points)))
        del self.ds.nodes[nid]
        self.drop_member("node", nid)

    def new_point(self):
        lon, lat = grid(self.draw(st.integers(0, 15)), self.draw(st.integers(0, 15)))
        self.new_node(*self.fresh(lon, lat), tags={"amenity": "post_box"})

    def new_line(self):
        count = self.draw(st.integers(2, 4))
        refs = []
        x, y = self.draw(st.integers(0, 15)), self.draw(st.integers(0, 15))
        for k in range(count):
            existing = sorted(n for n in self.ds.nodes if n not in refs)
            if self.draw(st.integers(0, 3)) == 0 and existing:
                refs.append(self.draw(st.sampled_from(existing)))
            else:
                refs.append(self.new_node(*self.fresh(*grid(x + k * 0.3, y + k * 0.2))))
        self.next_id -= 1
        self.ds.add(Way(self.next_id, refs, tags={"highway": "footway"}))
        self.geometry_edited.add(self.next_id)

    def new_polygon(self):
        x, y = self.draw(st.integers(0, 15)), self.draw(st.integers(0, 15))
        refs = [
            self.new_node(*self.fresh(*grid(x + dx, y + dy)))
            for dx, dy in ((0, 0), (0.5, 0), (0.5, 0.5), (0, 0.5))
        ]
        self.next_id -= 1
        self.ds.add(Way(self.next_id, [*refs, refs[0]], tags={"building": "shed"}))
        self.geometry_edited.add(self.next_id)

    def hole(self):
        rel = self.ds.relations.get(10)
        if rel is None:
            return
        holes = [m.ref for m in rel.members if m.role == "inner"]
        if holes and self.draw(st.booleans()):
            wid = self.draw(st.sampled_from(holes))
            rel.members = [m for m in rel.members if m.ref != wid]
            way = self.ds.ways.pop(wid)
            self.cleanup_nodes(way.nodes)
            return
        free = [x for x in (1.5, 3.5) if x not in self.hole_slots]
        if not free:
            return
        x = self.draw(st.sampled_from(free))  # inside the outer ring whatever else is edited
        self.hole_slots.add(x)
        refs = [
            self.new_node(*self.fresh(*grid(x + dx, 9.5 + dy)))
            for dx, dy in ((0, 0), (0.5, 0), (0.5, 0.5), (0, 0.5))
        ]
        self.next_id -= 1
        self.ds.add(Way(self.next_id, [*refs, refs[0]]))
        rel.members.append(Member("way", self.next_id, "inner"))
        self.geometry_edited.add(self.next_id)

    def delete_multipolygon(self):
        rel = self.ds.relations.pop(10, None)
        if rel is None:
            return
        for m in rel.members:
            way = self.ds.ways.get(m.ref)
            if way is not None and not way.tags and not self.in_relations("way", m.ref):
                del self.ds.ways[m.ref]
                self.cleanup_nodes(way.nodes)

    OPS = (
        "move",
        "move",
        "retag",
        "insert",
        "remove",
        "delete_way",
        "delete_point",
        "new_point",
        "new_line",
        "new_polygon",
        "hole",
        "delete_multipolygon",
    )


def layers(ds: DataSet):
    """The layers a user would have: new elements (negative ids here) have no identity, and
    the members column of the relations layer is as loaded (the script never edits it)."""
    result = loaded_features(ds)
    for features in result.values():
        for f in features:
            if f.osm_id < 0:
                f.osm_type = f.osm_id = None
            elif f.members is not None:
                f.members = [tuple(m) for m in BASE.relations[f.osm_id].members]
    return result


# -- comparison at the level of what the user sees -------------------------------------------


def view(ds: DataSet):
    """Layers' content: existing features by identity, new ones as a sorted list, plus the
    coordinates of untagged nodes that nothing uses (leaks)."""
    result = {}
    for layer, features in loaded_features(ds).items():
        existing, new = {}, []
        for f in features:
            members = tuple(_member(ds, *m) for m in f.members or ())
            if f.tags.get("type") == "multipolygon":  # member order means nothing there
                members = tuple(sorted(members, key=repr))
            item = (tuple(sorted(f.tags.items())), _geometry(layer, f.geometry), members)
            if f.osm_id > 0:
                existing[(f.osm_type, f.osm_id)] = item
            else:
                new.append(item)
        result[layer] = (existing, sorted(new, key=repr))
    used = {n for w in ds.ways.values() for n in w.nodes}
    used |= {m.ref for r in ds.relations.values() for m in r.members if m.type == "node"}
    result["orphans"] = sorted(
        coord_key((n.lon, n.lat)) for n in ds.nodes.values() if not n.tags and n.id not in used
    )
    return result


def _member(ds, kind, ref, role):
    """A member as the user sees it: an untagged member way (a ring) by its shape, as the differ
    may move an old ring onto a new one instead of replacing it; ring roles are checked through
    the polygons layer."""
    way = ds.ways.get(ref) if kind == "way" else None
    if way is not None and not way.tags:
        keys = [coord_key((ds.nodes[n].lon, ds.nodes[n].lat)) for n in way.nodes]
        # roles of new rings follow the geometric nesting (as the loader's), not the script
        return (kind, _canonical_cycle(keys[:-1]) if keys[0] == keys[-1] else tuple(keys))
    return (kind, ref if ref > 0 else 0, role)


def _geometry(layer, geometry):
    if geometry is None:
        return None
    if layer == POINTS:
        return coord_key(geometry)
    if isinstance(geometry[0][0], float):
        return tuple(coord_key(c) for c in geometry)
    return tuple(
        sorted(
            _canonical_cycle([coord_key(c) for c in ring[:-1]])
            for polygon in geometry
            for ring in polygon
        )
    )


# -- osmium ---------------------------------------------------------------------------------


def write_osm(ds: DataSet, path: Path) -> None:
    root = etree.Element("osm", version="0.6", generator="test")
    for node in sorted(ds.nodes.values(), key=lambda n: n.id):
        e = etree.SubElement(
            root,
            "node",
            id=str(node.id),
            version=str(node.version),
            lat=f"{node.lat:.7f}",
            lon=f"{node.lon:.7f}",
        )
        for k, v in sorted(node.tags.items()):
            etree.SubElement(e, "tag", k=k, v=v)
    for way in sorted(ds.ways.values(), key=lambda w: w.id):
        e = etree.SubElement(root, "way", id=str(way.id), version=str(way.version))
        for ref in way.nodes:
            etree.SubElement(e, "nd", ref=str(ref))
        for k, v in sorted(way.tags.items()):
            etree.SubElement(e, "tag", k=k, v=v)
    for rel in sorted(ds.relations.values(), key=lambda r: r.id):
        e = etree.SubElement(root, "relation", id=str(rel.id), version=str(rel.version))
        for m in rel.members:
            etree.SubElement(e, "member", type=m.type, ref=str(m.ref), role=m.role)
        for k, v in sorted(rel.tags.items()):
            etree.SubElement(e, "tag", k=k, v=v)
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def read_osm(path: Path) -> DataSet:
    ds = DataSet()
    for e in etree.parse(str(path)).getroot():
        tags = {t.get("k"): t.get("v") for t in e.findall("tag")}
        oid = int(e.get("id"))
        if e.tag == "node":
            ds.add(Node(oid, float(e.get("lat")), float(e.get("lon")), tags=tags))
        elif e.tag == "way":
            ds.add(Way(oid, [int(n.get("ref")) for n in e.findall("nd")], tags=tags))
        elif e.tag == "relation":
            ds.add(
                Relation(
                    oid,
                    [
                        Member(m.get("type"), int(m.get("ref")), m.get("role"))
                        for m in e.findall("member")
                    ],
                    tags=tags,
                )
            )
    return ds


def applied_form(base: DataSet, osc: bytes) -> bytes:
    """Our upload document as the server records it once applied.

    An upload names the version each modify or delete is based on (the OSM API rejects any
    other with 409); the server then stores version + 1, a delete as an invisible version, and
    a changeset's download carries those. Applying that form leaves nothing to a tie-break
    between two copies of one version (osmium releases differ there)."""
    root = etree.fromstring(osc)
    kinds = {"node": base.nodes, "way": base.ways, "relation": base.relations}
    for action in root:
        for element in action:
            oid = int(element.get("id"))
            if action.tag == "create":
                assert oid < 0, etree.tostring(element)
                element.set("version", "1")
                continue
            current = kinds[element.tag][oid].version
            assert int(element.get("version")) == current, etree.tostring(element)
            element.set("version", str(current + 1))
            element.set("visible", "false" if action.tag == "delete" else "true")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def apply_with_osmium(base: DataSet, osc: bytes, folder: Path) -> DataSet:
    """pyosmium (pinned in requirements-dev.txt) merges the applied changes into the base."""
    write_osm(base, folder / "base.osm")
    (folder / "change.osc").write_bytes(applied_form(base, osc))
    merger = osmium.MergeInputReader()
    merger.add_file(str(folder / "change.osc"))
    reader = osmium.io.Reader(str(folder / "base.osm"))
    writer = osmium.io.Writer(str(folder / "out.osm"))
    try:
        merger.apply_to_reader(reader, writer)
    finally:
        writer.close()
        reader.close()
    return read_osm(folder / "out.osm")


BASE = make_base()


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.data())
def test_osmium_applies_our_changes_to_the_edited_state(data):
    script = Script(BASE, data)
    for _ in range(data.draw(st.integers(1, 8), label="edits")):
        getattr(script, data.draw(st.sampled_from(Script.OPS), label="op"))()
    edited = script.ds
    changes = compute_changes(BASE, layers(edited))
    validate(changes, comment="test")
    with tempfile.TemporaryDirectory() as folder:
        result = apply_with_osmium(BASE, build(changes, None), Path(folder))
    got, expected = view(result), view(edited)
    assert {k: v for k, v in got.items() if v != expected[k]} == {
        k: v for k, v in expected.items() if v != got[k]
    }
    # nothing is left to change: diffing the result against itself is empty
    assert compute_changes(result, loaded_features(result)).is_empty


def test_unedited_base_gives_an_empty_osmchange(tmp_path):
    changes = compute_changes(BASE, loaded_features(BASE))
    assert changes.is_empty
    assert view(apply_with_osmium(BASE, build(changes, None), tmp_path)) == view(BASE)
