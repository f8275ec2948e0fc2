"""Load every Qt Designer form of the plugin with PyQt6's ``uic``, as QGIS 4 will.

``make lint`` runs it (and ``tests/unit/test_qt6_check.py`` does too)::

    python tools/qt6_ui_check.py [FILE.ui ...]        (default: ui/*.ui)

Each form is compiled by ``uic.loadUiType`` and its ``setupUi`` run on a real widget, so every
class, property and enum value it names (``Qt::Vertical``,
``QDialogButtonBox::Cancel|QDialogButtonBox::Ok``, size policies, ...) must exist in Qt6. QGIS's
own widgets (``QgsFileWidget``, ...) are not available without a Qt6 build of QGIS; each is
replaced by a plain subclass of the Qt class its ``<extends>`` names, whose QGIS-specific setters
do nothing. Prints ``ok FILE`` or ``FAIL FILE: reason`` per form; exit status 1 when any failed.

Run it on its own, not inside a process that has loaded PyQt5 (the QGIS bindings).
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Dict, List, Sequence

REPO = Path(__file__).resolve().parents[1]


def custom_widgets(paths: Sequence[Path]) -> Dict[str, tuple]:
    """``{header module: (class, Qt base class)}`` of the forms' ``<customwidget>`` entries."""
    found: Dict[str, tuple] = {}
    for path in paths:
        for widget in ET.parse(path).getroot().iter("customwidget"):
            name = widget.findtext("class", "").strip()
            base = widget.findtext("extends", "QWidget").strip()
            header = widget.findtext("header", "").strip()
            module = header.rsplit("/", 1)[-1].removesuffix(".h") or name.lower()
            found[module] = (name, base)
    return found


STUB = '''from PyQt6 import QtWidgets


class {name}(QtWidgets.{base}):
    """Stand-in for QGIS's {name}: a {base} whose QGIS-only setters do nothing."""

    def __getattr__(self, attr):
        if attr.startswith("set"):
            return lambda *args, **kwargs: None
        raise AttributeError(attr)
'''


def write_stubs(widgets: Dict[str, tuple], folder: Path) -> None:
    for module, (name, base) in widgets.items():
        (folder / f"{module}.py").write_text(STUB.format(name=name, base=base), encoding="utf-8")


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return str(path)


def load_forms(paths: Sequence[Path]) -> List[str]:
    """Load each form; returns the failures as ``FILE: reason`` (printing one line per form)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PyQt6 import uic
    from PyQt6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    failures: List[str] = []
    with tempfile.TemporaryDirectory(prefix="qt6_ui_stubs_") as folder:
        write_stubs(custom_widgets(paths), Path(folder))
        sys.path.insert(0, folder)
        try:
            for path in paths:
                try:
                    form_class, base_class = uic.loadUiType(str(path))
                    widget = base_class()
                    form_class().setupUi(widget)
                    widget.deleteLater()
                except Exception as exc:  # every failure is reported, none stops the others
                    last = traceback.extract_tb(exc.__traceback__)[-1]
                    where = f"{Path(last.filename).name}:{last.lineno}"
                    reason = f"{type(exc).__name__}: {exc} ({where})"
                    failures.append(f"{_shown(path)}: {reason}")
                    print(f"FAIL {_shown(path)}: {reason}", flush=True)
                else:
                    print(f"ok {_shown(path)}", flush=True)
        finally:
            sys.path.remove(folder)
    app.processEvents()
    return failures


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    paths = [Path(arg) for arg in args] or sorted((REPO / "ui").glob("*.ui"))
    try:
        import PyQt6.uic  # noqa: F401
    except ImportError:
        print("error: PyQt6 is needed: .venv/bin/pip install -r requirements-dev.txt")
        return 2
    return 1 if load_forms(paths) else 0


if __name__ == "__main__":
    sys.exit(main())
