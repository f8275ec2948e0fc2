"""Scenes for the validator's tests: a base DataSet drawn in metres around (9.5, 47.1), the
features the loader makes from it, edits on those features as a user makes them in QGIS, and the
validation of the diff between the two.

The ``schema`` fixture (tests/unit/conftest.py) fetches the pinned iD tagging schema into the
cache the build uses (the copy ``make schema`` makes); a test that needs it fails with the reason
if it cannot be fetched.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from osm_roundtrip.plugin.core.osm.diff import compute_changes, loaded_features  # noqa: E402
from osm_roundtrip.plugin.core.osm.features import (  # noqa: E402
    LINES,
    POINTS,
    POLYGONS,
    EditedFeature,
)
from osm_roundtrip.plugin.core.osm.model import DataSet, Node, Way  # noqa: E402
from osm_roundtrip.plugin.core.validate import load_schema, validate_changes  # noqa: E402

LON0, LAT0 = 9.5, 47.1
M_LAT = 1 / 111_320.0
M_LON = 1 / (111_320.0 * math.cos(math.radians(LAT0)))


def at(x: float, y: float):
    """``(lon, lat)`` of a point ``x`` metres east and ``y`` metres north of the origin."""
    return (round(LON0 + x * M_LON, 7), round(LAT0 + y * M_LAT, 7))


class Scene:
    """A base data set built in metres, then its features to edit."""

    def __init__(self) -> None:
        self.base = DataSet()
        lo, hi = at(-1000, -1000), at(1000, 1000)
        self.base.bounds.append((lo[0], lo[1], hi[0], hi[1]))
        self._ids = {"node": 0, "way": 0}
        self._fid = 100_000

    def node(self, x: float, y: float, tags=None) -> int:
        self._ids["node"] += 1
        nid = self._ids["node"]
        lon, lat = at(x, y)
        self.base.add(Node(nid, lat, lon, version=1, tags=dict(tags or {})))
        return nid

    def way(self, points, tags, closed: bool = False) -> int:
        """A way through ``points`` (``(x, y)`` in metres or existing node ids)."""
        refs = [p if isinstance(p, int) else self.node(*p) for p in points]
        if closed:
            refs.append(refs[0])
        self._ids["way"] += 1
        wid = self._ids["way"]
        self.base.add(Way(wid, refs, version=1, tags=dict(tags)))
        return wid

    def features(self):
        return loaded_features(self.base)

    def fid(self) -> int:
        self._fid += 1
        return self._fid


def find(feats, layer, osm_id):
    for f in feats[layer]:
        if f.osm_id == osm_id:
            return f
    raise KeyError((layer, osm_id))


def add_point(scene: Scene, feats, xy, tags) -> EditedFeature:
    f = EditedFeature(POINTS, scene.fid(), None, None, dict(tags), at(*xy))
    feats[POINTS].append(f)
    return f


def add_line(scene: Scene, feats, points, tags) -> EditedFeature:
    f = EditedFeature(LINES, scene.fid(), None, None, dict(tags), [at(*p) for p in points])
    feats[LINES].append(f)
    return f


def add_polygon(scene: Scene, feats, points, tags) -> EditedFeature:
    ring = [at(*p) for p in points] + [at(*points[0])]
    f = EditedFeature(POLYGONS, scene.fid(), None, None, dict(tags), [[ring]])
    feats[POLYGONS].append(f)
    return f


def validate(scene: Scene, feats, schema=None, **kw):
    changes = compute_changes(scene.base, feats)
    return validate_changes(changes, scene.base, feats, schema=schema, **kw)


def rules(report, rule=None):
    """The issues of the report (of one rule) as ``(severity, rule)`` pairs."""
    return [(i.severity, i.rule) for i in report.issues if rule is None or i.rule == rule]


def fetch_schema():
    """The pinned iD tagging schema from the build's cache (fetched into it when missing)."""
    from tools import id_schema

    try:
        folder = id_schema.ensure()
    except Exception as error:
        pytest.fail(f"the iD tagging schema cannot be fetched: {error}", pytrace=False)
    return load_schema(folder)
