"""The review in the user's language: counts with Qt's plural forms ("1 Mitglied hinzugefügt",
"1 nœud ajouté", "1 node added") and features named by their preset in that language ("Sitzbank"),
with the real translator of the plugin's .qm files and the bundled schema's translations."""

from __future__ import annotations

import pytest
from qgis.core import QgsSettings

from osm_roundtrip.plugin.adapters import i18n, tag_form
from osm_roundtrip.plugin.core.osm.diff import CREATE, MODIFY, Change, OsmChanges
from osm_roundtrip.plugin.core.osm.model import DataSet, Member, Node, Relation, Way


@pytest.fixture
def language(qgis_iface):
    """``language(code)`` runs the plugin in that language (its setting and its translator)."""
    settings = QgsSettings()
    installed = []

    def use(code: str) -> None:
        while installed:  # one language at a time
            i18n.remove_translator(installed.pop())
        settings.setValue("osm_roundtrip/language", code)
        translator = i18n.install_translator()
        assert translator is not None, f"the {code} .qm was not loaded (make transcompile)"
        installed.append(translator)

    yield use
    for translator in installed:
        i18n.remove_translator(translator)
    settings.remove("osm_roundtrip/language")


def sample():
    """A footway with one node added (and moved), a route with one member added, a new bench
    and a new relation of one member."""
    base = DataSet()
    for ref in (1, 2, 3):
        base.add(Node(ref, 47.14 + ref / 1000, 9.52, 1))
    base.add(Way(10, [1, 2], 2, {"highway": "footway"}))
    base.add(Relation(20, [Member("way", 10, "")], 3, {"type": "route", "route": "hiking"}))
    route = {"type": "route", "route": "hiking"}
    changes = OsmChanges(
        creates=[
            Change(CREATE, Node(-1, 47.1405, 9.5205, 0, {"amenity": "bench"})),
            Change(CREATE, Relation(-2, [Member("node", -1, "")], 0, {"type": "site"})),
        ],
        modifies=[
            Change(MODIFY, Node(3, 47.1431, 9.52, 1)),  # moved: a vertex of the footway
            Change(MODIFY, Way(10, [1, 2, 3], 2, {"highway": "footway"})),
            Change(MODIFY, Relation(20, [Member("way", 10, ""), Member("node", 3, "")], 3, route)),
        ],
    )
    return base, changes


def review_rows(qgis_iface, qtbot) -> dict:
    """``{element: (feature label, [the lines under it])}`` of the review of :func:`sample`."""
    from osm_roundtrip.ui.review_dock import ReviewDock

    base, changes = sample()
    dock = ReviewDock(qgis_iface, changes, "", base=base, server="x", logged_in=True)
    qtbot.addWidget(dock)
    tree = dock.changesTree
    return {
        tree.topLevelItem(row).text(2): (tree.topLevelItem(row).text(1), dock.details(row))
        for row in range(tree.topLevelItemCount())
    }


def test_counts_of_one_read_in_the_singular(language, qgis_iface, qtbot):
    language("de")
    rows = review_rows(qgis_iface, qtbot)
    assert "1 Knoten hinzugefügt" in rows["Weg 10"][1]
    assert "1 Mitglied hinzugefügt" in rows["Relation 20"][1]
    assert "1 Mitglied" in rows["Relation (neu)"][1]


def test_counts_of_one_read_in_the_singular_in_french_and_english(language, qgis_iface, qtbot):
    language("fr")
    rows = review_rows(qgis_iface, qtbot)
    assert "1 nœud ajouté" in rows["chemin 10"][1]
    assert "1 membre ajouté" in rows["relation 20"][1]
    language("en")
    rows = review_rows(qgis_iface, qtbot)
    assert "1 node added" in rows["way 10"][1]
    assert "1 member added" in rows["relation 20"][1]
    assert "1 member" in rows["new relation"][1]


def test_features_are_named_by_their_preset_in_the_users_language(language, qgis_iface, qtbot):
    assert tag_form.tag_schema() is not None, "no tagging schema (make schema)"
    language("de")
    rows = review_rows(qgis_iface, qtbot)
    assert rows["Knoten (neu)"][0] == "Sitzbank"
    assert rows["Weg 10"][0] == "Fußweg"
    assert rows["Relation 20"][0] == "Wanderweg"
    assert rows["Knoten 3"][0] == "Stützpunkt von Fußweg"
    language("fr")
    rows = review_rows(qgis_iface, qtbot)
    assert rows["nœud à créer"][0] == "Banc"
    language("en")
    rows = review_rows(qgis_iface, qtbot)
    assert rows["new node"][0] == "Bench"
    assert rows["way 10"][0] == "Foot Path"
    assert rows["relation 20"][0] == "Hiking Route"
    assert rows["node 3"][0] == "vertex of Foot Path"
