"""Property: for random valid osmChange documents, the sandbox's state after the upload equals
what osmium makes of the same base and the same changes (pyosmium's merge, the version pinned in
``requirements-dev.txt``, so that no Debian release's osmium-tool decides).

The base is a small real extract (``/map`` of a box of the Liechtenstein sandbox), the sandbox
under test is seeded from it. Hypothesis draws a sequence of valid operations against a model
(creates with placeholders, chained modifies, undeletes, deletes of unused elements); the
osmChange with placeholders and current versions goes to the sandbox, the same changes with
the final ids and versions (new ids are predicted as production assigns them: the next free id
of each type, in document order) go to osmium.
"""

from __future__ import annotations

from pathlib import Path

import osmium
import pytest
import requests
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from lxml import etree

BASE_BBOX = "9.5200,47.1350,9.5245,47.1390"
KINDS = ("node", "way", "relation")
TAG_TEXT = st.text(alphabet="abcxyz é&<>\"'=:_", min_size=1, max_size=8)


def esc(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def coord(value: int) -> str:
    sign = "-" if value < 0 else ""
    whole, frac = divmod(abs(value), 10_000_000)
    return f"{sign}{whole}.{frac:07d}"


def parse_state(xml: bytes) -> dict[tuple[str, int], dict]:
    """Elements of an .osm document: (type, id) -> comparable fields."""
    out = {}
    for el in etree.fromstring(xml):
        if el.tag not in KINDS:
            continue
        item = {
            "version": int(el.get("version")),
            "visible": el.get("visible", "true") == "true",
            "tags": {t.get("k"): t.get("v") for t in el.findall("tag")},
        }
        if el.tag == "node" and item["visible"]:
            item["lat"] = round(float(el.get("lat")) * 10_000_000)
            item["lon"] = round(float(el.get("lon")) * 10_000_000)
        if el.tag == "way":
            item["nds"] = [int(n.get("ref")) for n in el.findall("nd")]
        if el.tag == "relation":
            item["members"] = [
                (m.get("type"), int(m.get("ref")), m.get("role")) for m in el.findall("member")
            ]
        out[(el.tag, int(el.get("id")))] = item
    return out


def apply_with_osmium(base: Path, osc: Path, out: Path) -> bytes:
    """pyosmium (pinned in requirements-dev.txt) merges the changes into the base."""
    merger = osmium.MergeInputReader()
    merger.add_file(str(osc))
    reader = osmium.io.Reader(str(base))
    writer = osmium.io.Writer(str(out), overwrite=True)
    try:
        merger.apply_to_reader(reader, writer)
    finally:
        writer.close()
        reader.close()
    return out.read_bytes()


@pytest.fixture(scope="module")
def base_file(osm_sandbox, tmp_path_factory) -> Path:
    r = requests.get(f"{osm_sandbox.api}/map?bbox={BASE_BBOX}", timeout=60)
    assert r.status_code == 200
    path = tmp_path_factory.mktemp("property") / "base.osm"
    root = etree.fromstring(r.content)
    for bounds in root.findall("bounds"):
        root.remove(bounds)
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    return path


@pytest.fixture(scope="module")
def target(osm_sandbox_factory, base_file):
    sandbox = osm_sandbox_factory(base_file)
    return sandbox, {"Authorization": f"Bearer {sandbox.token('alice')}"}


@pytest.fixture(scope="module")
def base_state(base_file) -> dict:
    state = parse_state(base_file.read_bytes())
    assert sum(1 for k in state if k[0] == "node") > 50
    assert any(k[0] == "way" for k in state) and any(k[0] == "relation" for k in state)
    return state


class Model:
    """The data as the document goes on; element keys are (type, real id)."""

    def __init__(self, base: dict):
        self.el = {k: dict(v) for k, v in base.items()}
        self.next_id = {t: max([i for k, i in base if k == t], default=0) + 1 for t in KINDS}
        self.placeholder: dict[tuple[str, int], int] = {}  # (type, real id) -> placeholder
        self.upload: list[str] = []
        self.osmium: list[str] = []

    def ref(self, kind: str, real: int) -> int:
        return self.placeholder.get((kind, real), real)

    def visible(self, kind: str) -> list[int]:
        return sorted(i for (t, i), e in self.el.items() if t == kind and e["visible"])

    def referenced(self) -> set[tuple[str, int]]:
        """Everything a visible way or relation uses (a relation's use of itself aside)."""
        refs: set[tuple[str, int]] = set()
        for (t, i), e in self.el.items():
            if e["visible"] and t == "way":
                refs.update(("node", n) for n in e["nds"])
            elif e["visible"] and t == "relation":
                refs.update((m[0], m[1]) for m in e["members"] if (m[0], m[1]) != (t, i))
        return refs

    def body(self, kind: str, e: dict, real: int, for_upload: bool) -> str:
        inner = ""
        if kind == "way":
            refs = [self.ref("node", n) if for_upload else n for n in e["nds"]]
            inner += "".join(f'<nd ref="{n}"/>' for n in refs)
        if kind == "relation":
            for t, r, role in e["members"]:
                inner += f'<member type="{t}" ref="{self.ref(t, r) if for_upload else r}" '
                inner += f'role="{esc(role)}"/>'
        inner += "".join(f'<tag k="{esc(k)}" v="{esc(v)}"/>' for k, v in e["tags"].items())
        return inner

    def emit(self, action: str, kind: str, real: int, old_version: int | None) -> None:
        e = self.el[(kind, real)]
        ident = self.ref(kind, real)
        pos = ""
        if kind == "node" and action != "delete":
            pos = f' lat="{coord(e["lat"])}" lon="{coord(e["lon"])}"'
        version = "" if old_version is None else f' version="{old_version}"'
        inner = "" if action == "delete" else self.body(kind, e, real, True)
        self.upload.append(
            f'<{action}><{kind} id="{ident}"{version} changeset="CS"{pos}>{inner}</{kind}>'
            f"</{action}>"
        )
        visible = "false" if action == "delete" else "true"
        inner = "" if action == "delete" else self.body(kind, e, real, False)
        self.osmium.append(
            f'<{action}><{kind} id="{real}" version="{e["version"]}" visible="{visible}" '
            f'timestamp="2024-01-01T00:00:00Z"{pos}>{inner}</{kind}></{action}>'
        )


@st.composite
def tags(draw):
    return draw(st.dictionaries(TAG_TEXT, TAG_TEXT, max_size=3))


@st.composite
def coords(draw):
    return (
        draw(st.integers(471_300_000, 471_400_000)),
        draw(st.integers(95_150_000, 95_250_000)),
    )


def draw_operations(data, model: Model, steps: int) -> None:
    for _ in range(steps):
        op = data.draw(
            st.sampled_from(
                [
                    "create_node",
                    "create_way",
                    "create_relation",
                    "modify_node",
                    "modify_way",
                    "modify_relation",
                    "delete",
                ]
            )
        )
        nodes = model.visible("node")
        if op == "create_node":
            real = model.next_id["node"]
            model.next_id["node"] += 1
            model.placeholder[("node", real)] = -len(model.placeholder) - 1
            lat, lon = data.draw(coords())
            model.el[("node", real)] = {
                "version": 1, "visible": True, "tags": data.draw(tags()), "lat": lat, "lon": lon,
            }  # fmt: skip
            model.emit("create", "node", real, None)
        elif op in ("create_way", "modify_way") and nodes:
            nds = data.draw(st.lists(st.sampled_from(nodes), min_size=1, max_size=5))
            if op == "create_way":
                real = model.next_id["way"]
                model.next_id["way"] += 1
                model.placeholder[("way", real)] = -len(model.placeholder) - 1
                model.el[("way", real)] = {
                    "version": 1, "visible": True, "tags": data.draw(tags()), "nds": nds,
                }  # fmt: skip
                model.emit("create", "way", real, None)
            else:
                ways = [w for w in model.el if w[0] == "way"]
                _, real = data.draw(st.sampled_from(sorted(ways)))
                e = model.el[("way", real)]
                old = e["version"]
                e.update(version=old + 1, visible=True, nds=nds, tags=data.draw(tags()))
                model.emit("modify", "way", real, old)
        elif op in ("create_relation", "modify_relation"):
            choices = [(t, i) for t in KINDS for i in model.visible(t)]
            members = data.draw(
                st.lists(
                    st.tuples(st.sampled_from(choices), st.sampled_from(["", "outer", "a&b"])),
                    max_size=4,
                )
                if choices
                else st.just([])
            )
            members = [(t, i, role) for (t, i), role in members]
            if op == "create_relation":
                real = model.next_id["relation"]
                model.next_id["relation"] += 1
                model.placeholder[("relation", real)] = -len(model.placeholder) - 1
                model.el[("relation", real)] = {
                    "version": 1, "visible": True, "tags": data.draw(tags()), "members": members,
                }  # fmt: skip
                model.emit("create", "relation", real, None)
            else:
                rels = [r for r in model.el if r[0] == "relation"]
                _, real = data.draw(st.sampled_from(sorted(rels)))
                members = [m for m in members if (m[0], m[1]) != ("relation", real)]
                e = model.el[("relation", real)]
                old = e["version"]
                e.update(version=old + 1, visible=True, members=members, tags=data.draw(tags()))
                model.emit("modify", "relation", real, old)
        elif op == "modify_node":
            all_nodes = sorted(k for k in model.el if k[0] == "node")
            _, real = data.draw(st.sampled_from(all_nodes))  # deleted ones are undeleted
            e = model.el[("node", real)]
            old = e["version"]
            lat, lon = data.draw(coords())
            e.update(version=old + 1, visible=True, lat=lat, lon=lon, tags=data.draw(tags()))
            model.emit("modify", "node", real, old)
        elif op == "delete":
            used = model.referenced()
            unused = [(t, i) for t in KINDS for i in model.visible(t) if (t, i) not in used]
            if not unused:
                continue
            kind, real = data.draw(st.sampled_from(unused))
            e = model.el[(kind, real)]
            old = e["version"]
            e.update(version=old + 1, visible=False, tags={})
            e.pop("lat", None)
            e.pop("lon", None)
            if kind == "way":
                e["nds"] = []
            if kind == "relation":
                e["members"] = []
            model.emit("delete", kind, real, old)


def sandbox_state(sandbox, keys) -> dict:
    state = {}
    for kind in KINDS:
        ids = sorted(i for t, i in keys if t == kind)
        for start in range(0, len(ids), 200):
            chunk = ",".join(map(str, ids[start : start + 200]))
            r = requests.get(f"{sandbox.api}/{kind}s?{kind}s={chunk}", timeout=30)
            assert r.status_code == 200, r.text
            state.update(parse_state(r.content))
    return state


@settings(
    max_examples=25,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking: bounded run time
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_upload_matches_osmium_apply_changes(target, base_file, base_state, tmp_path, data):
    sandbox, headers = target
    sandbox.reset()
    model = Model(base_state)
    draw_operations(data, model, data.draw(st.integers(1, 25)))
    r = requests.post(
        sandbox.api + "/changesets", data="<osm><changeset/></osm>", headers=headers, timeout=10
    )
    assert r.status_code == 200
    cs = r.text
    upload = "<osmChange>" + "".join(model.upload).replace('"CS"', f'"{cs}"') + "</osmChange>"
    r = requests.post(
        f"{sandbox.api}/changeset/{cs}/upload", data=upload.encode(), headers=headers, timeout=60
    )
    assert r.status_code == 200, (r.text, upload)
    assert len(etree.fromstring(r.content)) == len(model.upload)

    osc = tmp_path / "change.osc"
    osc.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<osmChange version="0.6">'
        + "".join(model.osmium)
        + "</osmChange>\n",
        encoding="utf-8",
    )
    expected = parse_state(apply_with_osmium(base_file, osc, tmp_path / "result.osm"))
    actual = sandbox_state(sandbox, model.el.keys())

    assert {k: v for k, v in actual.items() if v["visible"]} == expected
    assert all(k not in expected for k, v in actual.items() if not v["visible"])
