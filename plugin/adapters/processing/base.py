"""Shared base of all OSM Roundtrip algorithms: translation, instance creation, error mapping,
and enum parameters that take their option names as well as their numbers.

QGIS accepts only the numbers of an enum's options (``"FEATURE_TYPE": 2``) unless the parameter
uses static strings, and then only the strings, which would break saved models and scripts. Here
every enum parameter takes both: ``"FEATURE_TYPE": "city"``, ``"LAYER": ["poi", "address"]`` or
``--LAYER=poi,address`` in ``qgis_process`` (names case-insensitive), and the numbers as before.
Names are turned into numbers before QGIS checks the values (``checkParameterValues``, which
``processing.run``, ``qgis_process`` and models call) and again before ``process`` runs, so the
algorithms keep reading enums with ``parameterAsEnum``/``parameterAsEnums``. The options of an
enum are therefore its stable names (API values such as ``poi``), never translated text.
"""

from __future__ import annotations

import re

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProperty,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..i18n import error_text

_NUMBER = re.compile(r"\s*[+-]?\d+\s*")


def _index(definition: QgsProcessingParameterEnum, value):
    """The number of one option given by name or number; a number is left to QGIS to check."""
    if not isinstance(value, str) or _NUMBER.fullmatch(value):
        return value
    options = definition.options()
    wanted = value.strip().casefold()
    for index, option in enumerate(options):
        if option.casefold() == wanted:
            return index
    raise QgsProcessingException(
        QCoreApplication.translate(
            "OsmRoundtripAlgorithm",
            "“{value}” is not a value of {parameter}. Valid values: {names} "
            "(or their numbers 0 to {last}).",
        ).format(
            value=value,
            parameter=definition.name(),
            names=", ".join(options),
            last=len(options) - 1,
        )
    )


def enum_indices(algorithm: QgsProcessingAlgorithm, parameters: dict) -> dict:
    """``parameters`` with the option names of every enum parameter replaced by their numbers.

    Raises ``QgsProcessingException`` naming the valid values for a name that is no option."""
    result = dict(parameters)
    for definition in algorithm.parameterDefinitions():
        if definition.type() != QgsProcessingParameterEnum.typeName():
            continue
        if definition.usesStaticStrings():
            continue
        value = result.get(definition.name())
        if value is None or value == "" or isinstance(value, QgsProperty):
            continue
        if isinstance(value, (list, tuple)):
            result[definition.name()] = [_index(definition, item) for item in value]
        elif isinstance(value, str) and definition.allowMultiple():
            result[definition.name()] = [_index(definition, part) for part in value.split(",")]
        else:
            result[definition.name()] = _index(definition, value)
    return result


class OsmRoundtripAlgorithm(QgsProcessingAlgorithm):
    """Subclasses define ``NAME``, ``displayName``, ``initAlgorithm`` and ``process``."""

    NAME = ""
    GROUP_ID = ""

    def tr(self, text: str, disambiguation=None, n: int = -1) -> str:
        """``text`` translated in the context of the class that wrote it: the algorithm's own
        class, or a shared base class of this module (whose name pylupdate5 records). With a
        count ``n`` the text is a plural message and ``%n`` becomes the count."""
        untranslated = text.replace("%n", str(n)) if n >= 0 else text
        for cls in type(self).__mro__:
            if cls is OsmRoundtripAlgorithm:
                break
            translated = QCoreApplication.translate(cls.__name__, text, disambiguation, n)
            if translated != untranslated:
                return translated
        return untranslated

    def name(self) -> str:
        return self.NAME

    def createInstance(self):
        return type(self)()

    def checkParameterValues(self, parameters, context):
        try:
            parameters = enum_indices(self, parameters)
        except QgsProcessingException as exc:
            return False, str(exc)
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        parameters = enum_indices(self, parameters)
        try:
            return self.process(parameters, context, feedback)
        except QgsProcessingException:
            raise
        except Exception as exc:
            raise QgsProcessingException(error_text(exc)) from exc

    def process(self, parameters, context, feedback):  # pragma: no cover - abstract
        raise NotImplementedError
