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
    QgsTask,
    QgsTolerance,
    QgsVectorFileWriter,
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
    "TASK_FLAGS",
    "TOLERANCE_PIXELS",
    "QAction",
    "WkbType",
    "field",
    "locator_data",
    "set_advanced",
    "set_locator_data",
    "task_flags",
    "write_gpkg_layer",
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


# ---------------------------------------------------------------------------------------------
# Tasks: QGIS asks "Are you sure?" when a task is cancelled in its task list, unless it has
# CancelWithoutPrompt (3.22 has it already). A task whose run() returns False ends "terminated"
# and QGIS then shows "Task failed" as a system notification (when its window is not active);
# 3.26 added Silent (no system notification at all) and Hidden (not in the task list). The
# plugin's tasks keep both notifications and the list: a cancelled task ends as complete instead
# (see tasks.CoreTask).
# ---------------------------------------------------------------------------------------------

TASK_FLAGS = QgsTask.Flag.CanCancel | getattr(QgsTask.Flag, "CancelWithoutPrompt", 0)


# ---------------------------------------------------------------------------------------------
# Writing a layer to a GeoPackage: writeAsVectorFormatV3 (3.20 and later; the V2 form it replaced
# is deprecated and returns one value less). It gives (error, message, new file, new layer).
# ---------------------------------------------------------------------------------------------


def write_gpkg_layer(layer, path: str, table: str, transform_context, new_file: bool):
    """Write ``layer`` as the table ``table`` of the GeoPackage ``path`` (a new file when
    ``new_file``, else added to it, replacing a table of that name); returns the error message,
    ``""`` on success."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = table
    options.fileEncoding = "UTF-8"
    action = QgsVectorFileWriter.ActionOnExistingFile
    options.actionOnExistingFile = (
        action.CreateOrOverwriteFile if new_file else action.CreateOrOverwriteLayer
    )
    if hasattr(QgsVectorFileWriter, "writeAsVectorFormatV3"):
        result = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, transform_context, options)
    else:  # pragma: no cover - before 3.20
        result = QgsVectorFileWriter.writeAsVectorFormatV2(layer, path, transform_context, options)
    error, message = result[0], result[1]
    if error != QgsVectorFileWriter.WriterError.NoError:
        return message or str(error)
    return ""


# ---------------------------------------------------------------------------------------------
# Task flags: QgsTask.Flag.Silent (QGIS 3.26 on) keeps QGIS from announcing the task's end with
# its own "Task complete" notification, which falls back to the message bar where the desktop
# has no notifications and there covers the plugin's message of the same moment.
# ---------------------------------------------------------------------------------------------

TASK_SILENT = getattr(QgsTask.Flag, "Silent", None)


def task_flags(cancel: bool = True, silent: bool = True):
    """The flags of a plugin task: cancellable, and silent where QGIS knows that flag."""
    flags = TASK_FLAGS if cancel else QgsTask.Flag(0)
    if silent and TASK_SILENT is not None:
        flags = flags | TASK_SILENT
    return flags


# The attribute form's layout: Qgis.AttributeFormLayout from QGIS 3.32,
# QgsEditFormConfig.EditorLayout before.
if hasattr(Qgis, "AttributeFormLayout"):
    FORM_DRAG_AND_DROP = Qgis.AttributeFormLayout.DragAndDrop
    FORM_GENERATED = Qgis.AttributeFormLayout.AutoGenerated
else:
    FORM_DRAG_AND_DROP = QgsEditFormConfig.EditorLayout.TabLayout
    FORM_GENERATED = QgsEditFormConfig.EditorLayout.GeneratedLayout
