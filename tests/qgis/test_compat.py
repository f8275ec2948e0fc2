"""The compatibility module: each shim does the right thing on the QGIS that runs the tests.

The same file runs on QGIS 3.22 (Debian 12), 3.40 (Debian 13) and 3.44 (Debian sid); each test
checks behaviour (what QGIS does with the value), not which name was picked.
"""

from __future__ import annotations

import warnings

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPalLayerSettings,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsProject,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtWidgets import QMenu

from osm_roundtrip.plugin.adapters import compat


def _no_deprecation(caught) -> list:
    return [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)]


def test_qaction_is_the_class_that_menus_make(qgis_app):
    menu = QMenu()
    made = menu.addAction("made by the menu")
    ours = compat.QAction("ours", menu)
    menu.addAction(ours)
    assert type(made) is compat.QAction
    assert menu.actions() == [made, ours]


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        (compat.STRING, "Vaduz"),
        (compat.INT, 7),
        (compat.LONGLONG, 2**40 + 1),
        (compat.DOUBLE, 0.25),
    ],
    ids=["string", "int", "longlong", "double"],
)
def test_field_has_its_type_and_no_deprecated_constructor(qgis_app, kind, value):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        field = compat.field("value", kind)
    assert _no_deprecation(caught) == []
    assert field.name() == "value"
    assert field.type() == kind
    layer = QgsVectorLayer("Point?crs=EPSG:4326", "fields", "memory")
    assert layer.dataProvider().addAttributes([field])
    layer.updateFields()
    assert layer.fields().field("value").type() == kind
    feature = QgsFeature(layer.fields())
    feature.setAttribute("value", value)
    assert layer.dataProvider().addFeatures([feature])[0]
    assert next(layer.getFeatures())["value"] == value


@pytest.mark.parametrize("name", ["Point", "MultiLineString", "MultiPolygon"])
def test_wkb_type_names_a_layer_of_that_type(qgis_app, name):
    kind = getattr(compat.WkbType, name)
    layer = QgsVectorLayer(f"{QgsWkbTypes.displayString(kind)}?crs=EPSG:4326", name, "memory")
    assert layer.isValid()
    assert layer.wkbType() == kind


@pytest.mark.parametrize(
    ("wkt", "kind"),
    [
        ("POINT (9.52 47.14)", compat.GEOMETRY_POINT),
        ("LINESTRING (9.52 47.14, 9.53 47.15)", compat.GEOMETRY_LINE),
        ("POLYGON ((9.52 47.14, 9.53 47.14, 9.53 47.15, 9.52 47.14))", compat.GEOMETRY_POLYGON),
    ],
    ids=["point", "line", "polygon"],
)
def test_geometry_types_match_geometries(wkt, kind):
    geometry = QgsGeometry.fromWkt(wkt)
    assert geometry.type() == kind
    assert QgsWkbTypes.geometryType(geometry.wkbType()) == kind
    others = {compat.GEOMETRY_POINT, compat.GEOMETRY_LINE, compat.GEOMETRY_POLYGON} - {kind}
    assert geometry.type() not in others


def test_processing_source_types_select_their_layers(qgis_app):
    project = QgsProject()
    layers = {
        name: QgsVectorLayer(f"{uri}?crs=EPSG:4326" if uri != "None" else uri, name, "memory")
        for name, uri in (
            ("points", "Point"),
            ("lines", "LineString"),
            ("polygons", "Polygon"),
            ("table", "None"),
        )
    }
    project.addMapLayers(list(layers.values()))

    def compatible(kind):
        return sorted(
            layer.name() for layer in QgsProcessingUtils.compatibleVectorLayers(project, [kind])
        )

    assert compatible(compat.SOURCE_POINT) == ["points"]
    assert compatible(compat.SOURCE_LINE) == ["lines"]
    assert compatible(compat.SOURCE_POLYGON) == ["polygons"]
    assert compatible(compat.SOURCE_VECTOR) == ["lines", "points", "polygons", "table"]
    sink = QgsProcessingParameterFeatureSink("OUTPUT", "Output", compat.SOURCE_POINT)
    assert sink.dataType() == compat.SOURCE_POINT


@pytest.mark.parametrize(
    "kind", [compat.NUMBER_INTEGER, compat.NUMBER_DOUBLE], ids=["integer", "double"]
)
def test_number_parameter_types(kind):
    parameter = QgsProcessingParameterNumber("N", "Number", type=kind)
    assert parameter.dataType() == kind
    assert compat.NUMBER_INTEGER != compat.NUMBER_DOUBLE


def test_set_advanced_adds_the_flag_and_keeps_the_others():
    parameter = QgsProcessingParameterString("S", "Text", optional=True)
    assert not parameter.flags() & compat.PARAMETER_ADVANCED
    assert compat.set_advanced(parameter) is parameter
    assert parameter.flags() & compat.PARAMETER_ADVANCED
    assert parameter.asScriptCode().startswith("##S=optional")


@pytest.mark.parametrize(
    ("uri", "placement"),
    [
        ("LineString", compat.LABEL_CURVED),
        ("Point", compat.LABEL_AROUND_POINT),
        ("Polygon", compat.LABEL_OVER_POINT),
    ],
    ids=["curved", "around-point", "over-point"],
)
def test_label_placements_are_accepted_and_kept(qgis_app, uri, placement):
    layer = QgsVectorLayer(f"{uri}?crs=EPSG:4326&field=name:string", uri, "memory")
    settings = QgsPalLayerSettings()
    settings.fieldName = "name"
    settings.placement = placement
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    assert layer.labeling().settings().placement == placement
    assert len({compat.LABEL_CURVED, compat.LABEL_AROUND_POINT, compat.LABEL_OVER_POINT}) == 3


def test_a_deprecation_warning_from_the_plugin_fails_the_test():
    """pyproject's filter: raised from a module of the plugin, the warning is an error."""
    code = compile("import warnings\nwarnings.warn('old', DeprecationWarning)", "x.py", "exec")
    with pytest.raises(DeprecationWarning):
        exec(code, {"__name__": "osm_roundtrip.plugin.adapters.example"})
    with pytest.warns(DeprecationWarning):  # elsewhere it stays a warning
        exec(code, {"__name__": "some_library"})


def test_nominatim_result_layers_are_typed(qgis_app, qgis_new_project):
    """The result layers' fields and geometry types, built without a deprecated call."""
    from osm_roundtrip.plugin.adapters import nominatim_layers
    from osm_roundtrip.plugin.core.nominatim import Place

    place = Place.from_jsonv2(
        {
            "place_id": 123456789012,
            "osm_type": "relation",
            "osm_id": 1155955,
            "lat": "47.1410",
            "lon": "9.5209",
            "category": "boundary",
            "type": "administrative",
            "place_rank": 16,
            "importance": 0.58,
            "addresstype": "town",
            "name": "Vaduz",
            "display_name": "Vaduz, Liechtenstein",
            "address": {"town": "Vaduz", "country": "Liechtenstein"},
            "geojson": {
                "type": "Polygon",
                "coordinates": [[[9.50, 47.12], [9.54, 47.12], [9.54, 47.16], [9.50, 47.12]]],
            },
        }
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        counts = nominatim_layers.ResultLayers(qgis_new_project).add([place])
    assert _no_deprecation(caught) == []
    assert counts[nominatim_layers.POINTS] == 1
    assert counts[nominatim_layers.POLYGONS] == 1
    results = nominatim_layers.ResultLayers(qgis_new_project)
    points = results.layer(nominatim_layers.POINTS)
    outlines = results.layer(nominatim_layers.POLYGONS)
    assert points.wkbType() == compat.WkbType.Point
    assert outlines.wkbType() == compat.WkbType.MultiPolygon
    fields = points.fields()
    assert fields.field("place_id").type() == compat.LONGLONG
    assert fields.field("place_rank").type() == compat.INT
    assert fields.field("importance").type() == compat.DOUBLE
    assert fields.field("addr_town").type() == compat.STRING
    assert next(points.getFeatures())["place_id"] == 123456789012
