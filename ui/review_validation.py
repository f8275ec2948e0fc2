"""What the review needs from QGIS besides the changes: their validation, fixes written into the
layers, and the imagery of the project.

* the iD tagging schema comes from :func:`..plugin.adapters.validation.tagging_schema`;
* :class:`ReviewState` computes the changes, their osmChange and their validation of a download,
  and computes them again after :meth:`ReviewState.fix`;
* :func:`write_fix` applies a :class:`~..plugin.core.validate.Fix` to its feature through the
  layer's edit buffer and saves it (the upload reads the saved layers);
* :func:`imagery_names` — the raster, WMS and XYZ layers shown in the project, for
  ``imagery_used``.
"""

from __future__ import annotations

import json
import logging
from typing import Dict, List, Optional

from qgis.core import QgsProject, QgsRasterLayer

from ..plugin.adapters.validation import tagging_schema
from ..plugin.core.errors import CONTEXT, QT_TRANSLATE_NOOP, ValidationError
from ..plugin.core.osm.features import OTHER_TAGS
from ..plugin.core.validate import Fix, ValidationReport, apply_fix, validate_changes

logger = logging.getLogger("osm_roundtrip")
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class FixFailed(ValidationError):
    def __init__(self, reason: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(CONTEXT, "The fix could not be saved: {reason}"), reason=reason
        )


class ReviewState:
    """The changes of a download as the review shows them: changes, osmChange, validation.

    :meth:`compute` reads only the saved GeoPackage (no layer, no widget), so it runs in a
    background task; the work grows with the edits (:mod:`..plugin.core.gpkg_partial`)."""

    STEPS = 3

    def __init__(self, path, layers: Dict[str, object]) -> None:
        self.path = path
        self.layers = layers
        self.base = None
        self.features = None
        self.changes = None
        self.osc = ""
        self.report: Optional[ValidationReport] = None

    def compute(self, progress=None, cancel=None) -> ReviewState:
        """Compute the changes from the saved file, their osmChange and their validation;
        ``progress(done, total)`` after each step, ``cancel()`` checked between them."""
        from ..plugin.adapters import upload_service
        from ..plugin.core.errors import Cancelled

        def step(done: int) -> None:
            if cancel is not None and cancel():
                raise Cancelled()
            if progress is not None:
                progress(done, self.STEPS)

        step(0)
        review = upload_service.review(self.path)
        self.changes, self.base, self.features = review.changes, review.base, review.features
        step(1)
        self.osc = upload_service.osmchange_text(self.changes)
        step(2)
        self.report = validate_changes(
            self.changes, self.base, self.features, tagging_schema(), None, None
        )
        step(3)
        return self

    def fix(self, fix: Fix, canvas=None) -> ReviewState:
        """Apply ``fix`` to its feature, then compute everything again (``canvas``: the map,
        whose drawing in progress ends before the layer's editing starts)."""
        write_fix(self.layers, fix, canvas)
        return self.compute()


def write_fix(layers: Dict[str, object], fix: Fix, canvas=None) -> None:
    """Write the tags after ``fix`` into the fix's feature (columns and ``other_tags``) through
    the layer's edit buffer and save them (the edit mode stays as it was)."""
    from ..plugin.adapters import osm_layers
    from ..plugin.adapters.upload_service import feature_tags, tag_columns

    if fix.source is None:
        raise FixFailed("no feature")
    role, fid = fix.source
    layer = layers.get(role)
    if layer is None:
        raise FixFailed(f"no layer {role}")
    feature = layer.getFeature(fid)
    if not feature.isValid():
        raise FixFailed(f"no feature {fid} in {layer.name()}")
    names = layer.fields().names()
    columns = tag_columns(layer)
    tags = apply_fix(fix, feature_tags(feature, names, columns))
    values = {name: tags.pop(name, None) for name in columns}
    if OTHER_TAGS in names:
        values[OTHER_TAGS] = _dumps(dict(sorted(tags.items()))) if tags else None
    elif tags:
        raise FixFailed(f"no column for {', '.join(sorted(tags))}")
    changed = {
        layer.fields().indexOf(name): value
        for name, value in values.items()
        if _differs(feature[name], value)
    }
    if not changed:
        return
    was_editing = layer.isEditable()
    if not was_editing and not osm_layers.start_editing(layer, canvas):
        raise FixFailed(f"{layer.name()} cannot be edited")
    if not layer.changeAttributeValues(fid, changed):
        if not was_editing:
            layer.rollBack()
        raise FixFailed(layer.name())
    if not layer.commitChanges(not was_editing):
        errors = "; ".join(layer.commitErrors())
        if not was_editing:
            layer.rollBack()
        raise FixFailed(errors)


def _differs(old, new) -> bool:
    from ..plugin.adapters.upload_service import _text

    return _text(old) != new


def imagery_names(project: Optional[QgsProject] = None) -> List[str]:
    """Names of the raster layers of the project (files, WMS/WMTS, XYZ tiles, ArcGIS services)
    that are shown, in the order of the layer tree (top first)."""
    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    names: List[str] = []
    for layer in root.layerOrder() or project.mapLayers().values():
        if not isinstance(layer, QgsRasterLayer):
            continue
        node = root.findLayer(layer.id())
        if node is not None and not node.isVisible():
            continue
        names.append(layer.name())
    return names
