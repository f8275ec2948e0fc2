"""XML and JSON writers shaped like production's (CGImap for data, Rails for the rest)."""

from __future__ import annotations

import json
import time
from typing import Any, Iterable

CGIMAP_GENERATOR = "openstreetmap-cgimap 2.1.0 (osm-sandbox)"
RAILS_GENERATOR = "OpenStreetMap server"
COPYRIGHT = "OpenStreetMap and contributors"
ATTRIBUTION = "http://www.openstreetmap.org/copyright"
LICENSE = "http://opendatacommons.org/licenses/odbl/1-0/"
XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'

_ESCAPE = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;",
     "\t": "&#9;"}
)  # fmt: skip


def esc(value: Any) -> str:
    return str(value).translate(_ESCAPE)


def iso(ts: int | None) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts or 0))


def ruby_time(ts: int) -> str:
    """``Time#to_s`` of a UTC time, as in ``The changeset 1 was closed at ...``."""
    return time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(ts))


def coord(value: int) -> str:
    """Scaled integer coordinate as ``%.7f`` without float rounding."""
    sign = "-" if value < 0 else ""
    whole, frac = divmod(abs(value), 10_000_000)
    return f"{sign}{whole}.{frac:07d}"


def coord_json(value: int) -> float:
    return round(value / 10_000_000, 7)


def root_attrs(generator: str = CGIMAP_GENERATOR, version: bool = True) -> str:
    v = 'version="0.6" ' if version else ""
    return (
        f'{v}generator="{esc(generator)}" copyright="{COPYRIGHT}" '
        f'attribution="{ATTRIBUTION}" license="{LICENSE}"'
    )


def root_json(generator: str = CGIMAP_GENERATOR) -> dict[str, Any]:
    return {
        "version": "0.6",
        "generator": generator,
        "copyright": COPYRIGHT,
        "attribution": ATTRIBUTION,
        "license": LICENSE,
    }


def element_xml(el: dict, users: dict[int, str], indent: str = " ") -> str:
    kind = el["type"]
    attrs = (
        f'id="{el["id"]}" visible="{"true" if el["visible"] else "false"}" '
        f'version="{el["version"]}" changeset="{el["changeset"]}" timestamp="{iso(el["ts"])}"'
    )
    uid = el.get("uid")
    if uid:
        attrs += f' user="{esc(users.get(uid, f"user_{uid}"))}" uid="{uid}"'
    if kind == "node" and el["visible"] and el.get("lat") is not None:
        attrs += f' lat="{coord(el["lat"])}" lon="{coord(el["lon"])}"'
    children = []
    inner = indent + " "
    if kind == "way" and el["visible"]:
        children.extend(f'{inner}<nd ref="{ref}"/>' for ref in el["nds"])
    if kind == "relation" and el["visible"]:
        children.extend(
            f'{inner}<member type="{t}" ref="{ref}" role="{esc(role)}"/>'
            for t, ref, role in el["members"]
        )
    children.extend(
        f'{inner}<tag k="{esc(k)}" v="{esc(v)}"/>' for k, v in sorted(el["tags"].items())
    )
    if not children:
        return f"{indent}<{kind} {attrs}/>"
    return f"{indent}<{kind} {attrs}>\n" + "\n".join(children) + f"\n{indent}</{kind}>"


def element_json(el: dict, users: dict[int, str]) -> dict[str, Any]:
    kind = el["type"]
    out: dict[str, Any] = {"type": kind, "id": el["id"]}
    if not el["visible"]:
        out["visible"] = False
    if kind == "node" and el["visible"] and el.get("lat") is not None:
        out["lat"] = coord_json(el["lat"])
        out["lon"] = coord_json(el["lon"])
    out["timestamp"] = iso(el["ts"])
    out["version"] = el["version"]
    out["changeset"] = el["changeset"]
    uid = el.get("uid")
    if uid:
        out["user"] = users.get(uid, f"user_{uid}")
        out["uid"] = uid
    if kind == "way" and el["visible"] and el["nds"]:
        out["nodes"] = list(el["nds"])
    if kind == "relation" and el["visible"] and el["members"]:
        out["members"] = [{"type": t, "ref": r, "role": role} for t, r, role in el["members"]]
    if el["tags"]:
        out["tags"] = dict(sorted(el["tags"].items()))
    return out


def sort_elements(elements: Iterable[dict]) -> list[dict]:
    order = {"node": 0, "way": 1, "relation": 2}
    return sorted(elements, key=lambda e: (order[e["type"]], e["id"], e["version"]))


def osm_document(
    elements: Iterable[dict],
    users: dict[int, str],
    fmt: str = "xml",
    bounds: tuple[float, float, float, float] | None = None,
    generator: str = CGIMAP_GENERATOR,
) -> tuple[bytes, str]:
    """An ``<osm>`` document (or its JSON equivalent); ``bounds`` is (minlat, minlon, maxlat,
    maxlon) in degrees as requested."""
    if fmt == "json":
        doc = root_json(generator)
        if bounds is not None:
            doc["bounds"] = dict(zip(("minlat", "minlon", "maxlat", "maxlon"), bounds))
        doc["elements"] = [element_json(e, users) for e in elements]
        return json.dumps(doc, ensure_ascii=False).encode(), "application/json; charset=utf-8"
    parts = [XML_DECL, f"<osm {root_attrs(generator)}>\n"]
    if bounds is not None:
        minlat, minlon, maxlat, maxlon = bounds
        parts.append(
            f' <bounds minlat="{minlat:.7f}" minlon="{minlon:.7f}" '
            f'maxlat="{maxlat:.7f}" maxlon="{maxlon:.7f}"/>\n'
        )
    for el in elements:
        parts.append(element_xml(el, users))
        parts.append("\n")
    parts.append("</osm>\n")
    return "".join(parts).encode(), "application/xml; charset=utf-8"


def changeset_xml_attrs(cs: dict, users: dict[int, str], now: int) -> str:
    open_ = changeset_is_open(cs, now)
    attrs = [
        f'id="{cs["id"]}"',
        f'created_at="{iso(cs["created_at"])}"',
        f'open="{"true" if open_ else "false"}"',
        'comments_count="0"',
        f'changes_count="{cs["num_changes"]}"',
        f'created_count="{cs["num_created"]}"',
        f'modified_count="{cs["num_modified"]}"',
        f'deleted_count="{cs["num_deleted"]}"',
    ]
    if not open_:
        attrs.append(f'closed_at="{iso(cs["closed_at"])}"')
    if cs["min_lat"] is not None:
        attrs.append(
            f'min_lat="{coord(cs["min_lat"])}" min_lon="{coord(cs["min_lon"])}" '
            f'max_lat="{coord(cs["max_lat"])}" max_lon="{coord(cs["max_lon"])}"'
        )
    attrs.append(f'uid="{cs["uid"]}" user="{esc(users.get(cs["uid"], ""))}"')
    return " ".join(attrs)


MAX_CHANGES = 10_000


def changeset_is_open(cs: dict, now: int) -> bool:
    return cs["closed_at"] > now and cs["num_changes"] <= MAX_CHANGES


def changeset_document(cs: dict, users: dict[int, str], now: int, fmt: str) -> tuple[bytes, str]:
    if fmt == "json":
        body: dict[str, Any] = {
            "id": cs["id"],
            "created_at": iso(cs["created_at"]),
            "open": changeset_is_open(cs, now),
            "comments_count": 0,
            "changes_count": cs["num_changes"],
            "created_count": cs["num_created"],
            "modified_count": cs["num_modified"],
            "deleted_count": cs["num_deleted"],
        }
        if not body["open"]:
            body["closed_at"] = iso(cs["closed_at"])
        if cs["min_lat"] is not None:
            body["min_lat"] = coord_json(cs["min_lat"])
            body["min_lon"] = coord_json(cs["min_lon"])
            body["max_lat"] = coord_json(cs["max_lat"])
            body["max_lon"] = coord_json(cs["max_lon"])
        body["uid"] = cs["uid"]
        body["user"] = users.get(cs["uid"], "")
        if cs["tags"]:
            body["tags"] = dict(sorted(cs["tags"].items()))
        doc = root_json(RAILS_GENERATOR)
        doc["changeset"] = body
        return json.dumps(doc, ensure_ascii=False).encode(), "application/json; charset=utf-8"
    tags = "".join(f'    <tag k="{esc(k)}" v="{esc(v)}"/>\n' for k, v in sorted(cs["tags"].items()))
    inner = f"  <changeset {changeset_xml_attrs(cs, users, now)}"
    inner += f">\n{tags}  </changeset>\n" if tags else "/>\n"
    text = f"{XML_DECL}<osm {root_attrs(RAILS_GENERATOR)}>\n{inner}</osm>\n"
    return text.encode(), "application/xml; charset=utf-8"
