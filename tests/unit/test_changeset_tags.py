"""The changeset tags the community expects: hashtags, imagery, review, import/mechanical edits."""

from __future__ import annotations

import pytest

from osm_roundtrip.plugin.core import changeset_tags as ct
from osm_roundtrip.plugin.core.changeset_tags import ChangesetInput, ChangesetTagsInvalid
from osm_roundtrip.plugin.core.osm import upload


@pytest.mark.parametrize(
    "text, expected",
    [
        ("#a #b", ["#a", "#b"]),
        ("a, b", ["#a", "#b"]),
        ("#a;#b", ["#a", "#b"]),
        ("  #hotosm-project-123   #Mapathon_2026 ", ["#hotosm-project-123", "#Mapathon_2026"]),
        ("#a #A #a", ["#a"]),
        ("# ## ,;", []),
        ("", []),
        ("#tag! #other.", ["#tag", "#other"]),
    ],
    ids=["spaces", "no-hash", "semicolons", "dash-underscore", "duplicates", "empty-tags", "empty",
         "punctuation"],
)  # fmt: skip
def test_hashtags_field_is_parsed(text, expected):
    assert ct.parse_hashtags(text) == expected


def test_hashtags_are_appended_to_the_comment_when_absent_and_tagged():
    tags = ct.build(ChangesetInput("Benches #mapathon", hashtags="#Mapathon #hotosm-1"))
    assert tags["comment"] == "Benches #mapathon #hotosm-1"
    assert tags["hashtags"] == "#Mapathon;#hotosm-1"
    only_comment = ct.build(ChangesetInput("Roads #missingmaps"))
    assert only_comment["comment"] == "Roads #missingmaps"
    assert only_comment["hashtags"] == "#missingmaps"
    assert "hashtags" not in ct.build(ChangesetInput("No tags"))


def test_plain_tags_keep_created_by_and_drop_empty_values():
    tags = ct.build(ChangesetInput("  Fix names ", "  "))
    assert tags == {"comment": "Fix names", "created_by": ct.created_by()}
    assert tags["created_by"].startswith("OSM Roundtrip ")
    assert upload.changeset_tags("Fix names", " survey ", {"review_requested": "yes"}) == {
        "comment": "Fix names",
        "created_by": ct.created_by(),
        "source": "survey",
        "review_requested": "yes",
    }


def test_imagery_and_review_requested():
    tags = ct.build(
        ChangesetInput(
            "Buildings",
            imagery=["Esri World Imagery", " ", "OpenTopoMap; tiles", "Esri World Imagery"],
            review_requested=True,
        )
    )
    assert tags["imagery_used"] == "Esri World Imagery;OpenTopoMap, tiles"
    assert tags["review_requested"] == "yes"
    many = ct.imagery_value([f"Layer {i:03d} " + "x" * 20 for i in range(40)])
    assert len(many) <= ct.MAX_VALUE and many.count(";") == 7  # 8 names of 30 characters


@pytest.mark.parametrize("mode", [ct.IMPORT, ct.MECHANICAL])
def test_import_or_mechanical_edit_needs_a_web_address(mode):
    with pytest.raises(ChangesetTagsInvalid, match="needs the address of the wiki page"):
        ct.build(ChangesetInput("Import", mode=mode))
    for bad in ("wiki.openstreetmap.org/wiki/X", "ftp://example.org/x", "https://", "http://a b"):
        with pytest.raises(ChangesetTagsInvalid, match="must be a web address"):
            ct.build(ChangesetInput("Import", mode=mode, url=bad))
    url = "https://wiki.openstreetmap.org/wiki/Import/Catalogue/Vaduz_addresses"
    tags = ct.build(ChangesetInput("Import", mode=mode, url=f" {url} "))
    assert tags[mode] == "yes" and tags["url"] == url
    assert ({ct.IMPORT, ct.MECHANICAL} - {mode}).isdisjoint(tags)


def test_an_unknown_mode_is_a_programming_error():
    with pytest.raises(ValueError):
        ct.problems(ChangesetInput("x", mode="bot"))


@pytest.mark.parametrize(
    "url, ok",
    [
        ("https://wiki.openstreetmap.org/wiki/Automated_Edits", True),
        ("http://example.org", True),
        ("HTTPS://EXAMPLE.ORG/x", True),
        ("javascript:alert(1)", False),
        ("mailto:a@b.org", False),
        ("//example.org", False),
        ("", False),
    ],
    ids=["https", "http", "upper", "javascript", "mailto", "no-scheme", "empty"],
)
def test_url_check(url, ok):
    assert ct.is_http_url(url) is ok


def test_comment_is_required_and_limited_with_its_hashtags():
    assert [p.message for p in ct.problems(ChangesetInput("  ", hashtags="#a"))] == [
        "A changeset comment is required."
    ]
    long = ChangesetInput("x" * 250, hashtags="#mapathon")
    (problem,) = ct.problems(long)
    assert "260 characters" in problem.message
    with pytest.raises(ChangesetTagsInvalid):
        ct.build(long)


def test_last_changeset_is_remembered_in_the_geopackage(tmp_path):
    from osm_roundtrip.plugin.core.gpkg import read_meta, write_dataset
    from osm_roundtrip.plugin.core.osm.model import DataSet, Node

    data = DataSet()
    data.add(Node(1, 47.1, 9.5, 1, {"amenity": "bench"}))
    path = tmp_path / "d.gpkg"
    write_dataset(data, path)
    assert ct.remembered(path) == {}
    assert ct.remembered(tmp_path / "missing.gpkg") == {}
    ct.remember(path, ChangesetInput("Benches", "survey", hashtags="a b"))
    assert ct.remembered(path) == {"comment": "Benches", "source": "survey", "hashtags": "#a #b"}
    ct.remember(path, ChangesetInput("Bins", ""))
    assert ct.remembered(path) == {"comment": "Bins"}
    assert read_meta(path)["last_comment"] == "Bins"
