"""Every difference between the QGIS versions the plugin runs on, in one place.

The plugin runs on QGIS 3.22 (Debian 12) to 3.44 (Debian sid) with Qt5 and is kept ready for Qt6
(QGIS 4). Newer QGIS moved many enums into ``Qgis.*`` and keeps the old names only as deprecated
aliases (gone in QGIS 4); ``QgsField`` takes a ``QMetaType.Type`` from QGIS 3.38 on and deprecates
the ``QVariant.Type`` constructor; Qt6 moved ``QAction`` to ``QtGui`` and has no ``QVariant``
type constants. Each shim below picks the form the running QGIS has by looking for it, never by
comparing version numbers, and the rest of the plugin takes these names from here
(``tools/qt6_check.py`` reports any other use of the old ones).
"""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsEditFormConfig,
    QgsField,
    QgsPalLayerSettings,
    QgsProcessing,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterNumber,
    QgsSnappingConfig,
    QgsTolerance,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QMetaType

try:
    from qgis.PyQt.QtGui import QAction  # Qt6 (newer QGIS also re-export it here for Qt5)
except ImportError:
    from qgis.PyQt.QtWidgets import QAction  # Qt5

__all__ = [
    "DOUBLE",
    "FIELD_TAKES_METATYPE",
    "FORM_DRAG_AND_DROP",
    "FORM_GENERATED",
    "GEOMETRY_LINE",
    "GEOMETRY_POINT",
    "GEOMETRY_POLYGON",
    "INT",
    "LABEL_AROUND_POINT",
    "LABEL_CURVED",
    "LABEL_OVER_POINT",
    "LONGLONG",
    "NUMBER_DOUBLE",
    "NUMBER_INTEGER",
    "PARAMETER_ADVANCED",
    "SNAP_ALL_LAYERS",
    "SNAP_VERTEX_AND_SEGMENT",
    "SOURCE_LINE",
    "SOURCE_POINT",
    "SOURCE_POLYGON",
    "SOURCE_VECTOR",
    "STRING",
    "TOLERANCE_PIXELS",
    "QAction",
    "WkbType",
    "field",
    "locator_data",
    "set_advanced",
    "set_locator_data",
]

# ---------------------------------------------------------------------------------------------
# Attribute fields: QgsField(name, QMetaType.Type) from QGIS 3.38, QgsField(name, QVariant.Type)
# before. Both enums give these types the same numbers, so one set of constants serves both.
# ---------------------------------------------------------------------------------------------

STRING = QMetaType.Type.QString
INT = QMetaType.Type.Int
LONGLONG = QMetaType.Type.LongLong
DOUBLE = QMetaType.Type.Double


def _field_takes_metatype() -> bool:
    try:
        QgsField("probe", QMetaType.Type.QString)
    except TypeError:
        return False
    return True


FIELD_TAKES_METATYPE = _field_takes_metatype()


def field(name: str, kind=STRING) -> QgsField:
    """A ``QgsField`` of type ``kind`` (:data:`STRING`, :data:`INT`, :data:`LONGLONG`, ...).

    ``field.type() == kind`` holds on every version.
    """
    if FIELD_TAKES_METATYPE:
        return QgsField(name, kind)
    return QgsField(name, int(kind))  # the QVariant.Type of the same number


# ---------------------------------------------------------------------------------------------
# Geometry types: Qgis.WkbType / Qgis.GeometryType, before QGIS 3.30 QgsWkbTypes.*. The members
# of WkbType (Point, MultiPolygon, ...) have the same names in both.
# ---------------------------------------------------------------------------------------------

if hasattr(Qgis, "WkbType"):
    WkbType = Qgis.WkbType
    GEOMETRY_POINT = Qgis.GeometryType.Point
    GEOMETRY_LINE = Qgis.GeometryType.Line
    GEOMETRY_POLYGON = Qgis.GeometryType.Polygon
else:
    WkbType = QgsWkbTypes.Type
    GEOMETRY_POINT = QgsWkbTypes.GeometryType.PointGeometry
    GEOMETRY_LINE = QgsWkbTypes.GeometryType.LineGeometry
    GEOMETRY_POLYGON = QgsWkbTypes.GeometryType.PolygonGeometry

# ---------------------------------------------------------------------------------------------
# Processing: layer types, number types and parameter flags moved to Qgis.* in QGIS 3.36.
# ---------------------------------------------------------------------------------------------

if hasattr(Qgis, "ProcessingSourceType"):
    SOURCE_VECTOR = Qgis.ProcessingSourceType.Vector  # any vector layer, tables included
    SOURCE_POINT = Qgis.ProcessingSourceType.VectorPoint
    SOURCE_LINE = Qgis.ProcessingSourceType.VectorLine
    SOURCE_POLYGON = Qgis.ProcessingSourceType.VectorPolygon
else:
    SOURCE_VECTOR = QgsProcessing.SourceType.TypeVector
    SOURCE_POINT = QgsProcessing.SourceType.TypeVectorPoint
    SOURCE_LINE = QgsProcessing.SourceType.TypeVectorLine
    SOURCE_POLYGON = QgsProcessing.SourceType.TypeVectorPolygon

if hasattr(Qgis, "ProcessingNumberParameterType"):
    NUMBER_INTEGER = Qgis.ProcessingNumberParameterType.Integer
    NUMBER_DOUBLE = Qgis.ProcessingNumberParameterType.Double
else:
    NUMBER_INTEGER = QgsProcessingParameterNumber.Type.Integer
    NUMBER_DOUBLE = QgsProcessingParameterNumber.Type.Double

if hasattr(Qgis, "ProcessingParameterFlag"):
    PARAMETER_ADVANCED = Qgis.ProcessingParameterFlag.Advanced
else:
    PARAMETER_ADVANCED = QgsProcessingParameterDefinition.Flag.FlagAdvanced


# ---------------------------------------------------------------------------------------------
# Snapping: Qgis.SnappingType / SnappingMode from QGIS 3.26, Qgis.MapToolUnit from 3.32;
# QgsSnappingConfig's and QgsTolerance's own enums before.
# ---------------------------------------------------------------------------------------------

if hasattr(Qgis, "SnappingType"):
    SNAP_VERTEX_AND_SEGMENT = Qgis.SnappingType.Vertex | Qgis.SnappingType.Segment
    SNAP_ALL_LAYERS = Qgis.SnappingMode.AllLayers
else:
    SNAP_VERTEX_AND_SEGMENT = (
        QgsSnappingConfig.SnappingTypes.VertexFlag | QgsSnappingConfig.SnappingTypes.SegmentFlag
    )
    SNAP_ALL_LAYERS = QgsSnappingConfig.SnappingMode.AllLayers
if hasattr(Qgis, "MapToolUnit"):
    TOLERANCE_PIXELS = Qgis.MapToolUnit.Pixels
else:
    TOLERANCE_PIXELS = QgsTolerance.UnitType.Pixels


def set_advanced(parameter):
    """Show a Processing parameter under "Advanced parameters"; returns it."""
    parameter.setFlags(parameter.flags() | PARAMETER_ADVANCED)
    return parameter


# ---------------------------------------------------------------------------------------------
# Label placement: Qgis.LabelPlacement from QGIS 3.26, QgsPalLayerSettings.Placement before.
# On 3.40 and later the old alias QgsPalLayerSettings.OverPoint is the *point position* of the
# same name, which the placement rejects with a TypeError.
# ---------------------------------------------------------------------------------------------

if hasattr(Qgis, "LabelPlacement"):
    LABEL_CURVED = Qgis.LabelPlacement.Curved
    LABEL_AROUND_POINT = Qgis.LabelPlacement.OrderedPositionsAroundPoint
    LABEL_OVER_POINT = Qgis.LabelPlacement.OverPoint
else:
    LABEL_CURVED = QgsPalLayerSettings.Placement.Curved
    LABEL_AROUND_POINT = QgsPalLayerSettings.Placement.OrderedPositionsAroundPoint
    LABEL_OVER_POINT = QgsPalLayerSettings.Placement.OverPoint


# QgsLocatorResult's user data: a plain attribute up to QGIS 3.2x, setUserData() and a read-only
# property (or method) later.
def set_locator_data(result, data) -> None:
    if hasattr(result, "setUserData"):
        result.setUserData(data)
    else:
        result.userData = data


def locator_data(result):
    value = result.userData
    return value() if callable(value) else value


# The attribute form's layout: Qgis.AttributeFormLayout from QGIS 3.32,
# QgsEditFormConfig.EditorLayout before.
if hasattr(Qgis, "AttributeFormLayout"):
    FORM_DRAG_AND_DROP = Qgis.AttributeFormLayout.DragAndDrop
    FORM_GENERATED = Qgis.AttributeFormLayout.AutoGenerated
else:
    FORM_DRAG_AND_DROP = QgsEditFormConfig.EditorLayout.TabLayout
    FORM_GENERATED = QgsEditFormConfig.EditorLayout.GeneratedLayout
