"""The "Problems" tab of the review: the validation report as a tree (errors, then warnings).

:class:`ProblemsPanel` fills the tab's tree from a
:class:`~..plugin.core.validate.ValidationReport`, tells which issue is selected and which fix it
offers, and finds the geometries of an issue (its features, else its elements, else its place) for
the dialog to show on the map.
"""

from __future__ import annotations

from typing import List, Optional, Tuple

from qgis.core import QgsGeometry, QgsPointXY
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtWidgets import QHeaderView, QTreeWidgetItem

from ..plugin.adapters.i18n import element_label, element_type_label
from ..plugin.core.osm.model import NODE, WAY
from ..plugin.core.validate import ERROR, WARNING, Fix, Issue, ValidationReport

MAX_ELEMENTS_SHOWN = 5  # elements named in a row; the rest are counted
COLORS = {ERROR: "#cf222e", WARNING: "#9a6700"}


class ProblemsPanel:
    """The problems tab's widgets of ``form`` (a :class:`~.review_dock.ReviewDock`)."""

    @staticmethod
    def tr(text: str, disambiguation: Optional[str] = None, n: int = -1) -> str:
        return QCoreApplication.translate("ProblemsPanel", text, disambiguation, n)

    def __init__(self, form) -> None:
        self.tree = form.problemsTree
        self.label = form.problemsLabel
        self.detail = form.problemDetail
        self.fix_button = form.fixButton
        self.tabs = form.tabs
        self.tab = form.problemsTab
        self.report: Optional[ValidationReport] = None
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 220)

    # -- content --------------------------------------------------------------------------------
    def show(self, report: Optional[ValidationReport]) -> None:
        """List ``report`` (``None``: the changes were not validated, the tab is hidden)."""
        self.report = report
        self.tree.clear()
        index = self.tabs.indexOf(self.tab)
        if report is None:
            if index >= 0:
                self.tabs.removeTab(index)
            return
        errors, warnings = report.errors, report.warnings
        groups = (
            (ERROR, self.tr("Errors ({count})").format(count=len(errors)), errors),
            (WARNING, self.tr("Warnings ({count})").format(count=len(warnings)), warnings),
        )
        bold = QFont()
        bold.setBold(True)
        for severity, title, issues in groups:
            if not issues:
                continue
            group = QTreeWidgetItem([title, ""])
            group.setFont(0, bold)
            group.setForeground(0, QColor(COLORS[severity]))
            group.setFirstColumnSpanned(False)
            self.tree.addTopLevelItem(group)
            for issue in issues:
                text = issue.message.translated(QCoreApplication.translate)
                item = QTreeWidgetItem([text, self.elements_text(issue)])
                item.setToolTip(0, text)
                item.setToolTip(1, self.elements_text(issue, limit=50))
                item.setData(0, Qt.ItemDataRole.UserRole, report.issues.index(issue))
                group.addChild(item)
            group.setExpanded(True)
        self.label.setText(self.summary(report))
        self.detail.setText(self.tr("Click a problem to show it on the map."))
        self.fix_button.setEnabled(False)
        self.fix_button.setToolTip("")
        title = self.tr("Problems")
        if report:
            title = self.tr("Problems ({count})").format(count=len(report))
        if index < 0:
            index = self.tabs.insertTab(1, self.tab, title)
        self.tabs.setTabText(index, title)

    def summary(self, report: ValidationReport) -> str:
        errors, warnings = len(report.errors), len(report.warnings)
        if errors:
            return self.tr(
                "%n errors must be fixed before the upload (in the layers, or with Fix).",
                "",
                errors,
            )
        if warnings:
            return self.tr(
                "%n warnings: check each of them, then tick “I have checked the warnings”.",
                "",
                warnings,
            )
        return self.tr("The validator found no problems.")

    def elements_text(self, issue: Issue, limit: int = MAX_ELEMENTS_SHOWN) -> str:
        parts = []
        for kind, ident in issue.elements[:limit]:
            if ident < 0:  # a placeholder, not an id
                parts.append(self.tr("new {type}").format(type=element_type_label(kind)))
            else:
                parts.append(element_label(kind, ident))
        rest = len(issue.elements) - limit
        if rest > 0:
            parts.append(self.tr("%n more", "", rest))
        return ", ".join(parts)

    # -- selection ------------------------------------------------------------------------------
    def current_issue(self) -> Optional[Issue]:
        item = self.tree.currentItem()
        if item is None or self.report is None:
            return None
        index = item.data(0, Qt.ItemDataRole.UserRole)
        return self.report.issues[index] if index is not None else None

    @staticmethod
    def fix_of(issue: Optional[Issue]) -> Optional[Fix]:
        """The fix the "Fix" button applies: the issue's first that names its feature."""
        if issue is None:
            return None
        return next((fix for fix in issue.fixes if fix.source is not None), None)

    def selected(self, issue: Optional[Issue], can_fix: bool) -> None:
        """Show the selected issue's text and what "Fix" would do."""
        if issue is None:
            self.fix_button.setEnabled(False)
            return
        text = issue.message.translated(QCoreApplication.translate)
        fix = self.fix_of(issue)
        if fix is not None:
            what = fix.description.translated(QCoreApplication.translate)
            text += "\n" + self.tr("Fix: {what}").format(what=what)
            self.fix_button.setToolTip(what)
        else:
            self.fix_button.setToolTip(self.tr("This problem has no automatic fix."))
        self.detail.setText(text)
        self.fix_button.setEnabled(fix is not None and can_fix)


def issue_geometries(issue: Issue, layers, changes, base) -> List[Tuple[QgsGeometry, object]]:
    """``(geometry, crs)`` pairs that show ``issue``: its features' geometries, else its elements'
    (from the changes or the base), then its place (``None`` CRS: WGS84)."""
    found: List[Tuple[QgsGeometry, object]] = []
    for layer_name, fid in issue.sources:
        layer = layers.get(layer_name)
        if layer is None:
            continue
        feature = layer.getFeature(fid)
        if feature.isValid() and feature.hasGeometry():
            found.append((QgsGeometry(feature.geometry()), layer.crs()))
    if not found and issue.elements:
        changed = {c.key: c for c in changes} if changes is not None else {}
        nodes = dict(base.nodes)
        for change in changed.values():
            if change.element.type == NODE and change.action != "delete":
                nodes[change.element.id] = change.element
        for key in issue.elements[:200]:
            geometry = element_geometry(key, changed, nodes, base)
            if geometry is not None:
                found.append((geometry, None))
    if issue.location is not None:
        lon, lat = issue.location
        found.append((QgsGeometry.fromPointXY(QgsPointXY(lon, lat)), None))
    return found


def element_geometry(key, changed, nodes, base) -> Optional[QgsGeometry]:
    """The geometry (WGS84) of a node or way as the changes (``{key: change}``) leave it, else
    as downloaded; ``nodes`` are the nodes after the changes."""
    kind, ident = key
    if kind == NODE and ident in nodes:
        node = nodes[ident]
        return QgsGeometry.fromPointXY(QgsPointXY(node.lon, node.lat))
    if kind == WAY:
        change = changed.get(key)
        way = change.element if change is not None and change.action != "delete" else None
        way = way or base.ways.get(ident)
        if way is not None:
            points = [QgsPointXY(nodes[r].lon, nodes[r].lat) for r in way.nodes if r in nodes]
            if len(points) > 1:
                return QgsGeometry.fromPolylineXY(points)
    return None
