"""Enum parameters of every algorithm take their option names as well as their numbers.

End to end (``processing.run`` and ``qgis_process`` against the local Nominatim) in
``test_nominatim_processing.py``; here the mapping itself, for every enum of every algorithm, and
a model that passes names to its child.
"""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingParameterEnum,
)


def enum_parameters(provider) -> list:
    return [
        (algorithm, definition)
        for algorithm in provider.algorithms()
        for definition in algorithm.parameterDefinitions()
        if definition.type() == QgsProcessingParameterEnum.typeName()
    ]


def test_every_enum_takes_names_in_any_case_and_numbers(provider):
    from osm_roundtrip.plugin.adapters.processing.base import enum_indices

    found = enum_parameters(provider)
    assert {(a.name(), d.name()) for a, d in found} >= {
        ("nominatimsearch", "LAYER"),
        ("nominatimsearch", "FEATURE_TYPE"),
    }
    for algorithm, definition in found:
        name, many = definition.name(), definition.allowMultiple()
        for index, option in enumerate(definition.options()):
            # names become numbers; numbers (also as text) are left as they are
            for given, expected in (
                (option, index),
                (option.upper(), index),
                (index, index),
                (str(index), str(index)),
            ):
                value = [given] if many else given
                converted = enum_indices(algorithm, {name: value})[name]
                assert converted == ([expected] if many else expected), (algorithm.name(), given)
                assert definition.checkValueIsAcceptable(converted), (algorithm.name(), given)
        if many:
            options = definition.options()
            text = ",".join(reversed(options))
            assert enum_indices(algorithm, {name: text})[name] == list(
                reversed(range(len(options)))
            )


def test_an_unknown_name_is_refused_with_the_valid_names(provider):
    algorithm = provider.algorithm("nominatimsearch")
    context = QgsProcessingContext()
    base = {"QUERY": "Vaduz", "OUTPUT_POINTS": "TEMPORARY_OUTPUT"}

    ok, message = algorithm.checkParameterValues({**base, "FEATURE_TYPE": "town"}, context)

    assert not ok
    assert message == (
        "“town” is not a value of FEATURE_TYPE. Valid values: country, state, city, settlement "
        "(or their numbers 0 to 3)."
    )
    assert algorithm.checkParameterValues({**base, "FEATURE_TYPE": "city"}, context) == (True, "")
    assert not algorithm.checkParameterValues({**base, "FEATURE_TYPE": 4}, context)[0]
    assert not algorithm.checkParameterValues({**base, "LAYER": ["poi", "shop"]}, context)[0]


@pytest.mark.parametrize(
    ("given", "layers", "feature_type"),
    [
        ({"LAYER": ["poi", "address"], "FEATURE_TYPE": "city"}, ["poi", "address"], "city"),
        ({"LAYER": "Natural,RAILWAY", "FEATURE_TYPE": "State"}, ["natural", "railway"], "state"),
        ({"LAYER": [4, "poi"], "FEATURE_TYPE": 3}, ["manmade", "poi"], "settlement"),
        ({"LAYER": "2", "FEATURE_TYPE": "0"}, ["railway"], "country"),
    ],
    ids=["names", "names-any-case", "numbers-and-names", "numbers-as-text"],
)
def test_search_query_gets_the_named_options(provider, given, layers, feature_type):
    """The algorithm reads what the names mean: the Nominatim values of the query."""
    from osm_roundtrip.plugin.adapters.processing.base import enum_indices

    algorithm = provider.algorithm("nominatimsearch")
    parameters = enum_indices(algorithm, {"QUERY": "Vaduz", **given})

    query = algorithm.build_query(parameters, QgsProcessingContext())

    assert (list(query.layer), query.feature_type) == (layers, feature_type)


class Transcript(QgsProcessingFeedback):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list = []

    def pushInfo(self, info) -> None:
        self.lines.append(info)

    def reportError(self, error, fatal_error=False) -> None:
        self.lines.append(error)


def test_a_model_passes_names_to_its_child(provider):
    """A model's static values are names too: the child sends what they mean."""
    model = QgsProcessingModelAlgorithm("names", "tests")
    child = QgsProcessingModelChildAlgorithm("osmroundtrip:nominatimsearch")
    child.setChildId("search")
    static = QgsProcessingModelChildParameterSource.fromStaticValue
    for name, value in {
        "ENDPOINT": "http://127.0.0.1:9",  # nothing listens: the run stops after the request
        "QUERY": "Vaduz",
        "FEATURE_TYPE": "city",
        "LAYER": ["poi", "address"],
    }.items():
        child.addParameterSources(name, [static(value)])
    model.addChildAlgorithm(child)
    feedback = Transcript()

    _, ok = model.run({}, QgsProcessingContext(), feedback)

    assert not ok and any("Could not connect to 127.0.0.1:9" in line for line in feedback.lines)
    [request] = [line for line in feedback.lines if line.startswith("Request: ")]
    assert "&layer=poi,address&featureType=city&" in request
