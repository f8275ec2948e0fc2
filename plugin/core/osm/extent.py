"""Where a data set is: the box the map shows once it is loaded.

A download's layers reach far beyond the box that was downloaded: the API sends every way that
crosses the box with all its nodes, so a country border or a river drawn as one long way, and
the member ways of a boundary relation partly in the box, run tens of kilometres out. The
layers' extent then makes the downloaded area a speck in the middle of the map.

:func:`view_box` is therefore

* the box (or the union of the boxes) the data was downloaded for, its ``bounds``: what the user
  asked for, and what the API download and most ``.osm``/``.pbf`` files (JOSM, osmium,
  osmosis, the API's own ``<bounds>``) record;
* for a file without bounds (an Overpass answer, for instance), the box of the data that stands
  on its own: nodes used by ways that are members of no relation, and nodes used by no way that
  are members of no relation. A relation's members (a boundary, a bus route with its stops, a
  river) reach as far as the relation does, which is why they are left out; the data of its own
  lies where the file's author took it from. Only when every node belongs to relation members
  (a file of one boundary) is the box that of all nodes.

Boxes are ``(min_lon, min_lat, max_lon, max_lat)`` in WGS84 degrees.
"""

from __future__ import annotations

from typing import Iterable, Optional, Sequence, Tuple

from .model import NODE, WAY, DataSet

BBox = Tuple[float, float, float, float]


def union(boxes: Iterable[Sequence[float]]) -> Optional[BBox]:
    """The smallest box around ``boxes``; ``None`` when there are none."""
    boxes = list(boxes)
    if not boxes:
        return None
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def view_box(dataset: DataSet) -> Optional[BBox]:
    """The box to show for ``dataset`` (see the module's docstring); ``None`` without nodes."""
    if dataset.bounds:
        return union(dataset.bounds)
    member_ways, member_nodes = set(), set()
    for relation in dataset.relations.values():
        for member in relation.members:
            if member.type == WAY:
                member_ways.add(member.ref)
            elif member.type == NODE:
                member_nodes.add(member.ref)
    in_ways, own = set(), set()
    for way in dataset.ways.values():
        in_ways.update(way.nodes)
        if way.id not in member_ways:
            own.update(way.nodes)
    own.update(n for n in dataset.nodes if n not in in_ways and n not in member_nodes)
    nodes = [n for n in (dataset.nodes.get(i) for i in own) if n is not None and n.visible]
    if not nodes:
        nodes = [n for n in dataset.nodes.values() if n.visible]
    if not nodes:
        return None
    lons = [n.lon for n in nodes]
    lats = [n.lat for n in nodes]
    return (min(lons), min(lats), max(lons), max(lats))
