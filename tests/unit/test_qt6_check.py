"""The static Qt6 / QGIS 4 checks of ``make lint``: each class of problem is caught, clean code
passes, the plugin itself is clean and every form loads with PyQt6's ``uic``.

The checks import PyQt6, so they run in processes of their own (never next to the PyQt5 of the
QGIS bindings that other tests load).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / "tools" / "qt6_check.py"
UI_CHECK = ROOT / "tools" / "qt6_ui_check.py"
LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<code>Q\d+) (?P<message>.*)$")

# name: (source, [(line, code, words the message must contain)])
CASES = {
    "unscoped-qt-enum": (
        """
        from qgis.PyQt.QtCore import Qt
        from qgis.PyQt.QtWidgets import QMessageBox
        role = Qt.UserRole
        answer = QMessageBox.Yes
        """,
        [
            (3, "Q601", "Qt.ItemDataRole.UserRole"),
            (4, "Q601", "QMessageBox.StandardButton.Yes"),
        ],
    ),
    "unscoped-enum-through-module": (
        """
        from qgis.PyQt import QtWidgets
        mode = QtWidgets.QHeaderView.Stretch
        """,
        [(2, "Q601", "QHeaderView.ResizeMode.Stretch")],
    ),
    "exec-underscore": (
        """
        def run(dialog):
            return dialog.exec_()
        """,
        [(2, "Q602", "exec()")],
    ),
    "qaction-from-qtwidgets": (
        """
        from qgis.PyQt.QtWidgets import QAction
        """,
        [(1, "Q601", "QtGui")],
    ),
    "qregexp": (
        """
        from qgis.PyQt.QtCore import QRegExp
        """,
        [(1, "Q601", "QRegularExpression")],
    ),
    "removed-method": (
        """
        from qgis.PyQt.QtWidgets import QApplication
        QApplication.desktop()
        """,
        [(2, "Q601", "QApplication.desktop")],
    ),
    "qvariant-type-constants": (
        """
        from qgis.PyQt.QtCore import QVariant
        FIELDS = (("name", QVariant.String), ("count", QVariant.Int))
        """,
        [(2, "Q603", "QVariant.String"), (2, "Q603", "QVariant.Int")],
    ),
    "pyqt5-import": (
        """
        from PyQt5.QtCore import Qt
        """,
        [(1, "Q604", "qgis.PyQt")],
    ),
    "unscoped-qgis-enum": (
        """
        from qgis.core import Qgis, QgsTask
        level = Qgis.Critical
        flags = QgsTask.CanCancel
        """,
        [(2, "Q611", "Qgis.<Enum>.Critical"), (3, "Q611", "QgsTask.<Enum>.CanCancel")],
    ),
    "qgis-enum-moved-to-qgis": (
        """
        from qgis.core import QgsPalLayerSettings, QgsProcessing, QgsWkbTypes
        kinds = (QgsWkbTypes.Point, QgsProcessing.TypeVectorPoint)
        placement = QgsPalLayerSettings.OverPoint
        """,
        [
            (2, "Q612", "QgsWkbTypes.Point"),
            (2, "Q612", "QgsProcessing.TypeVectorPoint"),
            (3, "Q612", "QgsPalLayerSettings.OverPoint"),
        ],
    ),
    "deprecated-qgsfield-constructor": (
        """
        from qgis.core import QgsField
        field = QgsField("name", kind)
        """,
        [(2, "Q613", "compat.field")],
    ),
    "clean": (
        """
        from qgis.core import Qgis, QgsFeatureRequest, QgsTask, QgsWkbTypes
        from qgis.PyQt import QtWidgets
        from qgis.PyQt.QtCore import QMetaType, Qt, QVariant
        from qgis.PyQt.QtWidgets import QDialog, QHeaderView, QMessageBox

        try:
            from qgis.PyQt.QtGui import QAction
        except ImportError:
            from qgis.PyQt.QtWidgets import QAction

        role = Qt.ItemDataRole.UserRole
        answer = QMessageBox.StandardButton.Yes
        mode = QtWidgets.QHeaderView.ResizeMode.Stretch
        level = Qgis.MessageLevel.Critical
        flags = QgsTask.Flag.CanCancel
        order = QgsFeatureRequest.OrderBy([])
        version = Qgis.QGIS_VERSION_INT
        name = QgsWkbTypes.displayString(1)
        kind = QMetaType.Type.QString
        empty = QVariant()


        def run(dialog: QDialog) -> bool:
            QHeaderView.ResizeMode.ResizeToContents
            return dialog.exec() == QDialog.DialogCode.Accepted
        """,
        [],
    ),
}

COMPAT_SOURCE = """
from qgis.core import Qgis, QgsField, QgsWkbTypes

WkbType = Qgis.WkbType if hasattr(Qgis, "WkbType") else QgsWkbTypes.Type
field = QgsField("name", 10)
"""


@pytest.fixture(scope="module")
def reported(tmp_path_factory):
    """``{case: [(line, code, message)]}`` from one run of the checker over every case."""
    folder = tmp_path_factory.mktemp("qt6_cases")
    for name, (source, _expected) in CASES.items():
        (folder / f"{name}.py").write_text(textwrap.dedent(source).lstrip(), encoding="utf-8")
    compat = folder / "plugin" / "adapters" / "compat.py"
    compat.parent.mkdir(parents=True)
    compat.write_text(COMPAT_SOURCE.lstrip(), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(CHECK), str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stdout + done.stderr
    found = {name: [] for name in CASES}
    found["compat"] = []
    for line in done.stdout.splitlines():
        match = LINE.match(line)
        if not match:
            continue
        path = Path(match["path"])
        name = "compat" if path == compat else path.stem
        found[name].append((int(match["line"]), match["code"], match["message"]))
    return found


@pytest.mark.parametrize("case", sorted(CASES), ids=sorted(CASES))
def test_each_class_of_problem_is_reported(reported, case):
    expected = CASES[case][1]
    problems = reported[case]
    assert [(line, code) for line, code, _ in problems] == [
        (line, code) for line, code, _ in expected
    ], problems
    for (_, _, message), (_, _, words) in zip(problems, expected):
        assert words in message


def test_the_compat_module_may_name_both_forms_of_qgis_enums(reported):
    assert reported["compat"] == []


def test_the_plugin_is_clean():
    done = subprocess.run(
        [sys.executable, str(CHECK)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr


FORMS = sorted(path.name for path in (ROOT / "ui").glob("*.ui"))


@pytest.fixture(scope="module")
def loaded_forms():
    """``{form file name: "ok" or the failure}`` from loading every form with PyQt6's uic."""
    done = subprocess.run(
        [sys.executable, str(UI_CHECK)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    results = {}
    for line in done.stdout.splitlines():
        status, _, rest = line.partition(" ")
        name = Path(rest.split(":", 1)[0]).name
        results[name] = "ok" if status == "ok" else rest
    assert results, done.stdout + done.stderr
    return results


@pytest.mark.parametrize("form", FORMS, ids=FORMS)
def test_every_form_loads_with_pyqt6(loaded_forms, form):
    assert loaded_forms.get(form) == "ok", loaded_forms.get(form)


def test_a_form_qt6_cannot_build_is_reported(tmp_path):
    """A spacer without a size hint: PyQt6's uic generates a QSpacerItem call Qt6 rejects."""
    form = tmp_path / "broken.ui"
    form.write_text(
        textwrap.dedent(
            """\
            <?xml version="1.0" encoding="UTF-8"?>
            <ui version="4.0">
             <class>Broken</class>
             <widget class="QWidget" name="Broken">
              <layout class="QHBoxLayout" name="layout">
               <item>
                <spacer name="spacer">
                 <property name="orientation"><enum>Qt::Horizontal</enum></property>
                </spacer>
               </item>
              </layout>
             </widget>
            </ui>
            """
        ),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(UI_CHECK), str(form)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 1
    assert done.stdout.startswith("FAIL ") and "QSpacerItem" in done.stdout
