"""Rules of the changeset as a whole: many deletions, and the API's limits as issues."""

from __future__ import annotations

import pytest
from validate_support import Scene, add_point, rules, validate

from osm_roundtrip.plugin.core.osm.features import POINTS
from osm_roundtrip.plugin.core.validate.changeset_rules import MANY_DELETIONS


@pytest.mark.parametrize(
    "count, expected",
    [(MANY_DELETIONS - 1, []), (MANY_DELETIONS, [("warning", "many_deletions")])],
    ids=["below", "at-threshold"],
)
def test_many_deleted_features(count, expected):
    scene = Scene()
    for i in range(MANY_DELETIONS + 5):
        scene.node(i * 3, 0, {"amenity": "bench"})
    feats = scene.features()
    feats[POINTS] = feats[POINTS][count:]
    report = validate(scene, feats)
    assert rules(report) == expected
    if expected:
        assert len(report.issues[0].elements) == count


def test_the_api_limits_are_errors():
    scene = Scene()
    feats = scene.features()
    add_point(scene, feats, (10, 10), {"amenity": "bench", "note": "x" * 256})
    report = validate(scene, feats, comment="")
    assert rules(report, "api_limits") == [("error", "api_limits")] * 2
    assert report.blocking
    assert any("comment" in i.message.message for i in report.errors)
    report = validate(scene, feats, comment=None)  # the comment is not checked
    assert rules(report, "api_limits") == [("error", "api_limits")]
