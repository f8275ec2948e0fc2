"""The "Changeset" box of the review: comment, hashtags, source, imagery, review request and the
import or mechanical-edit declaration, read into a
:class:`~..plugin.core.changeset_tags.ChangesetInput`.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence

from qgis.PyQt.QtCore import QCoreApplication

from ..plugin.core import changeset_tags as ct

MIN_CHARS = 12  # of the combos' text: the review is a dock, narrower than a dialog
SOURCES = ("survey", "local knowledge", "Bing aerial imagery", "Esri World Imagery", "GPS")


class ChangesetForm:
    """The changeset widgets of ``form``; ``values`` prefill them (``comment``, ``source``,
    ``hashtags``, ``imagery``: a list of layer names) and ``recent`` are the recent comments."""

    @staticmethod
    def tr(text: str) -> str:
        return QCoreApplication.translate("ChangesetForm", text)

    def __init__(self, form, values: Optional[Dict] = None, recent: Sequence[str] = ()) -> None:
        values = values or {}
        self.form = form
        combo = form.commentCombo
        self.comment_edit = combo.lineEdit()
        self.comment_edit.setMaxLength(ct.MAX_VALUE)
        self.comment_edit.setPlaceholderText(
            self.tr('What did you change, and why? E.g. "Added benches in the park"')
        )
        combo.addItems([c for c in recent if c])
        combo.setEditText(values.get("comment") or "")
        combo.setMinimumContentsLength(MIN_CHARS)
        form.sourceCombo.addItem("")
        form.sourceCombo.addItems(list(SOURCES))
        form.sourceCombo.setEditText(values.get("source") or "")
        form.sourceCombo.setMinimumContentsLength(MIN_CHARS)
        form.hashtagsEdit.setText(values.get("hashtags") or "")
        form.imageryEdit.setText("; ".join(values.get("imagery") or ()))
        form.importHelp.setText(
            self.tr(
                "Imports and mechanical edits follow rules of their own:<br>"
                '• the <a href="{guidelines}">Import Guidelines</a> ask you to discuss an import '
                "with the local community and on the imports list first, to check that the "
                "licence allows it and to document it on a wiki page;<br>"
                '• the <a href="{conduct}">Automated Edits code of conduct</a> asks you to '
                "document and discuss a mechanical edit first and to make it from a dedicated "
                "account.<br>Give the address of that documentation page."
            ).format(guidelines=ct.IMPORT_GUIDELINES, conduct=ct.AUTOMATED_EDITS)
        )
        form.importFrame.setVisible(False)
        form.importCheck.toggled.connect(form.importFrame.setVisible)

    def widgets_changed(self) -> List:
        """The signals that change the inputs (the dialog re-checks its buttons on each)."""
        form = self.form
        return [
            self.comment_edit.textChanged,
            form.hashtagsEdit.textChanged,
            form.sourceCombo.editTextChanged,
            form.importCheck.toggled,
            form.importRadio.toggled,
            form.mechanicalRadio.toggled,
            form.urlEdit.textChanged,
        ]

    def mode(self) -> str:
        form = self.form
        if not form.importCheck.isChecked():
            return ""
        if form.importRadio.isChecked():
            return ct.IMPORT
        if form.mechanicalRadio.isChecked():
            return ct.MECHANICAL
        return ""

    def inputs(self) -> ct.ChangesetInput:
        form = self.form
        imagery = [name.strip() for name in form.imageryEdit.text().split(";")]
        return ct.ChangesetInput(
            comment=self.comment_edit.text().strip(),
            source=form.sourceCombo.currentText().strip(),
            hashtags=form.hashtagsEdit.text(),
            imagery=[name for name in imagery if name],
            review_requested=form.reviewCheck.isChecked(),
            mode=self.mode(),
            url=form.urlEdit.text().strip(),
        )

    def problem(self) -> str:
        """What keeps the inputs from making a changeset, translated (empty: nothing)."""
        form = self.form
        if form.importCheck.isChecked() and not self.mode():
            return self.tr("Choose whether this is an import or a mechanical edit.")
        found = ct.problems(self.inputs())
        return found[0].translated(QCoreApplication.translate) if found else ""
