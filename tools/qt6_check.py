"""Static check that the plugin's Python code also runs on QGIS 4 (Qt6, PyQt6).

``make lint`` runs it over the plugin (``__init__.py``, ``plugin/``, ``ui/``)::

    python tools/qt6_check.py [PATH ...]

Each problem is printed as ``path:line:column: CODE message``; the exit status is 1 when there is
any. What it checks:

``Q601``  a Qt name that PyQt6 does not have: an unscoped enum member (``Qt.UserRole``,
          ``QMessageBox.Yes``: PyQt6 only knows ``Qt.ItemDataRole.UserRole``), a class imported
          from the module it left (``QAction`` is in ``QtGui`` in Qt6), a removed class
          (``QRegExp``) or method. Qt names are looked up in PyQt6 itself, so the answer is exact;
          the message names the scoped form or the module when PyQt6 has one.
``Q602``  ``exec_()`` / ``print_()``: Qt6 only has ``exec()`` / ``print()``.
``Q603``  a ``QVariant`` type constant (``QVariant.String``): Qt6 has none; field types are
          ``QMetaType.Type`` values, see :mod:`plugin.adapters.compat`.
``Q604``  ``PyQt5`` imported directly instead of through ``qgis.PyQt``.
``Q611``  an unscoped QGIS enum member (``QgsTask.CanCancel``): QGIS 4 keeps only the scoped
          form (``QgsTask.Flag.CanCancel``), which QGIS 3 accepts as well.
``Q612``  a QGIS enum that newer QGIS moved to ``Qgis.*`` (``QgsWkbTypes.Point``,
          ``QgsProcessing.TypeVectorPoint``, ...): deprecated on QGIS 3.40, gone in QGIS 4. Take it
          from the compatibility module, the one place that knows both names.
``Q613``  ``QgsField(name, type)``: the ``QVariant.Type`` constructor is deprecated since QGIS
          3.38; :func:`plugin.adapters.compat.field` builds fields on every version.

An import inside an ``except ImportError:`` block is the Qt5 fallback of the import tried
before it, so ``Q601`` does not apply to it. The compatibility module is the one place that names
QGIS enums as each version has them, old names and enum types included, so the QGIS rules
(``Q611`` to ``Q613``) do not apply to it; the Qt6 rules apply to it like everywhere else.
"""

from __future__ import annotations

import argparse
import ast
import enum
import importlib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, List, Optional, Sequence, Tuple

REPO = Path(__file__).resolve().parents[1]
DEFAULT_PATHS = ("__init__.py", "plugin", "ui")
COMPAT_MODULE = "plugin/adapters/compat.py"

# The PyQt6 modules a QGIS plugin may reach through qgis.PyQt.
QT_MODULES = (
    "QtCore",
    "QtGui",
    "QtWidgets",
    "QtNetwork",
    "QtXml",
    "QtSql",
    "QtSvg",
    "QtTest",
    "QtPrintSupport",
    "QtPositioning",
    "QtSerialPort",
    "QtMultimedia",
)
QGIS_MODULES = ("qgis.core", "qgis.gui", "qgis.analysis", "qgis.processing", "qgis._3d")
RENAMED_FUNCTIONS = {"exec_": "exec", "print_": "print"}
REMOVED_HINTS = {
    "QRegExp": "use QRegularExpression",
    "QRegExpValidator": "use QRegularExpressionValidator",
    "QDesktopWidget": "use QScreen (QGuiApplication.primaryScreen())",
}
# QGIS enums that newer versions moved to Qgis.* (deprecated aliases, removed in QGIS 4):
# every capitalised attribute of these classes, or only those with one of the given prefixes.
MOVED_QGIS_ENUMS = {
    "QgsWkbTypes": ("",),
    "QgsProcessing": ("Type", "SourceType"),
    "QgsProcessingParameterNumber": ("Integer", "Double", "Type"),
    "QgsProcessingParameterDefinition": ("Flag",),
    "QgsProcessingParameterField": ("Any", "Numeric", "String", "DateTime", "Binary", "Boolean"),
    "QgsProcessingParameterFile": ("File", "Folder", "Behavior"),
    "QgsProcessingAlgorithm": ("Flag",),
    "QgsProcessingProvider": ("Flag",),
    "QgsProcessingFeatureSource": ("Flag",),
    "QgsPalLayerSettings": ("",),
    "QgsMapLayer": ("VectorLayer", "RasterLayer", "MeshLayer", "PluginLayer", "LayerType"),
    "QgsMapLayerProxyModel": ("",),
    "QgsVectorDataProvider": ("",),
    "QgsUnitTypes": ("",),
    "QgsFields": ("Origin", "FieldOrigin"),
}


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    column: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.code} {self.message}"


class PyQt6Missing(RuntimeError):
    pass


def _pyqt6_modules() -> dict:
    modules = {}
    try:
        importlib.import_module("PyQt6.QtCore")
    except ImportError as exc:
        raise PyQt6Missing(
            "PyQt6 is needed for the Qt6 check: .venv/bin/pip install -r requirements-dev.txt"
        ) from exc
    for name in QT_MODULES:
        try:
            modules[name] = importlib.import_module(f"PyQt6.{name}")
        except ImportError:
            modules[name] = None  # not in PyQt6 at all: every name from it is reported
    return modules


def _enum_types(cls) -> Iterator[Tuple[str, type]]:
    for name in dir(cls):
        try:
            value = getattr(cls, name)
        except AttributeError:  # pragma: no cover - sip descriptors
            continue
        if isinstance(value, type) and issubclass(value, enum.Enum):
            yield name, value


def _is_capitalised(name: str) -> bool:
    return name[:1].isupper()


def _chain(node: ast.Attribute) -> Optional[Tuple[ast.Name, List[str]]]:
    """``A.b.c`` as (Name A, ["b", "c"]); None when the chain does not start at a name."""
    attrs: List[str] = []
    current: ast.AST = node
    while isinstance(current, ast.Attribute):
        attrs.append(current.attr)
        current = current.value
    if not isinstance(current, ast.Name):
        return None
    return current, list(reversed(attrs))


class _Checker(ast.NodeVisitor):
    def __init__(self, path: str, modules: dict, is_compat: bool) -> None:
        self.path = path
        self.modules = modules
        self.is_compat = is_compat
        self.problems: List[Problem] = []
        self.qt_names: dict = {}  # local name -> (module, qualified name or None for a module)
        self.qgis_names: set = set()
        self._parents: dict = {}
        self._fallback_depth = 0

    # -- helpers ------------------------------------------------------------------------------

    def report(self, node: ast.AST, code: str, message: str) -> None:
        self.problems.append(
            Problem(self.path, node.lineno, node.col_offset + 1, code, message)  # type: ignore[attr-defined]
        )

    def _where_else(self, name: str, skip: str) -> Optional[str]:
        for module_name, module in self.modules.items():
            if module_name != skip and module is not None and hasattr(module, name):
                return module_name
        return None

    def _scoped(self, owner, member: str) -> List[str]:
        return [enum_name for enum_name, kind in _enum_types(owner) if member in kind.__members__]

    # -- imports ------------------------------------------------------------------------------

    def visit_Try(self, node: ast.Try) -> None:
        for statement in node.body + node.orelse + node.finalbody:
            self.visit(statement)
        for handler in node.handlers:
            fallback = _catches_import_error(handler)
            self._fallback_depth += fallback
            self.visit(handler)
            self._fallback_depth -= fallback

    visit_TryStar = visit_Try

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name == "PyQt5" or alias.name.startswith("PyQt5."):
                self.report(node, "Q604", f"import {alias.name}: import Qt through qgis.PyQt")

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        if module.startswith("PyQt5"):
            self.report(node, "Q604", f"from {module} import ...: import Qt through qgis.PyQt")
            module = "qgis.PyQt" + module[len("PyQt5") :]
        if module in QGIS_MODULES:
            self.qgis_names.update(alias.asname or alias.name for alias in node.names)
            return
        if module == "qgis.PyQt":
            for alias in node.names:
                if alias.name in self.modules:
                    self.qt_names[alias.asname or alias.name] = (alias.name, None)
            return
        if not module.startswith("qgis.PyQt."):
            return
        qt_module = module.split(".")[2]
        pyqt6 = self.modules.get(qt_module)
        for alias in node.names:
            local = alias.asname or alias.name
            if alias.name == "*":
                continue
            if pyqt6 is None or not hasattr(pyqt6, alias.name):
                if self._fallback_depth:
                    continue
                self.report(node, "Q601", self._missing_import(alias.name, qt_module))
                continue
            self.qt_names[local] = (qt_module, alias.name)

    def _missing_import(self, name: str, qt_module: str) -> str:
        message = f"{name} is not in {qt_module} under Qt6"
        hint = REMOVED_HINTS.get(name)
        elsewhere = self._where_else(name, qt_module)
        if elsewhere:
            message += f" (it is in {elsewhere}: import it from the compatibility module)"
        elif hint:
            message += f": {hint}"
        return message

    # -- names --------------------------------------------------------------------------------

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        if node.name in RENAMED_FUNCTIONS:
            self.report(
                node, "Q602", f"def {node.name}: Qt6 calls {RENAMED_FUNCTIONS[node.name]}()"
            )
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr in RENAMED_FUNCTIONS:
            self.report(
                node, "Q602", f"{node.attr}(): Qt6 only has {RENAMED_FUNCTIONS[node.attr]}()"
            )
        parent = self._parents.get(node)
        is_outermost = not (isinstance(parent, ast.Attribute) and parent.value is node)
        if is_outermost:
            chain = _chain(node)
            if chain is not None:
                base, attrs = chain
                if base.id in self.qt_names:
                    self._check_qt(node, base.id, attrs)
                elif base.id in self.qgis_names or base.id.startswith(("Qgs", "Qgis")):
                    self._check_qgis(node, base.id, attrs, parent)
        self.generic_visit(node)

    def _check_qt(self, node: ast.Attribute, base: str, attrs: List[str]) -> None:
        qt_module, qualified = self.qt_names[base]
        if qualified == "QVariant" and attrs and _is_capitalised(attrs[0]):
            self.report(
                node,
                "Q603",
                f"QVariant.{attrs[0]}: Qt6 has no QVariant type constants "
                "(field types: compat.STRING, compat.INT, ...; other types: QMetaType.Type)",
            )
            return
        owner = self.modules[qt_module]
        if qualified is not None:
            owner = getattr(owner, qualified)
        shown = [qualified or qt_module]
        for attr in attrs:
            if not hasattr(owner, attr):
                self.report(node, "Q601", self._missing_attr(owner, ".".join(shown), attr))
                return
            owner = getattr(owner, attr)
            shown.append(attr)
            if not isinstance(owner, type):
                return

    def _missing_attr(self, owner, shown: str, attr: str) -> str:
        if isinstance(owner, type):
            scoped = self._scoped(owner, attr)
            if len(scoped) == 1:
                return f"{shown}.{attr} is not in Qt6: use {shown}.{scoped[0]}.{attr}"
            if scoped:
                choices = " or ".join(f"{shown}.{name}.{attr}" for name in scoped)
                return f"{shown}.{attr} is not in Qt6: use {choices}"
        else:  # a module
            elsewhere = self._where_else(attr, shown)
            if elsewhere:
                return f"{shown}.{attr} is not in Qt6: it is in {elsewhere}"
        hint = REMOVED_HINTS.get(attr)
        return f"{shown}.{attr} is not in Qt6" + (f": {hint}" if hint else "")

    def _check_qgis(self, node, base: str, attrs: List[str], parent) -> None:
        first = attrs[0]
        if self.is_compat or not _is_capitalised(first) or first.startswith("QGIS_"):
            return
        prefixes = MOVED_QGIS_ENUMS.get(base)
        if prefixes is not None and any(first.startswith(prefix) for prefix in prefixes):
            self.report(
                node,
                "Q612",
                f"{base}.{'.'.join(attrs)} moved to Qgis.* in newer QGIS: "
                "take it from the compatibility module",
            )
            return
        called = isinstance(parent, ast.Call) and parent.func is node
        if len(attrs) == 1 and not called:
            self.report(
                node,
                "Q611",
                f"{base}.{first} is an unscoped enum member: QGIS 4 needs {base}.<Enum>.{first}",
            )

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if (
            not self.is_compat
            and isinstance(func, ast.Name)
            and func.id == "QgsField"
            and (len(node.args) >= 2 or any(k.arg == "type" for k in node.keywords))
        ):
            self.report(
                node,
                "Q613",
                "QgsField(name, type) is deprecated since QGIS 3.38: use compat.field()",
            )
        self.generic_visit(node)


def _catches_import_error(handler: ast.ExceptHandler) -> bool:
    kinds = handler.type
    names = kinds.elts if isinstance(kinds, ast.Tuple) else [kinds]
    return any(
        isinstance(name, ast.Name) and name.id in ("ImportError", "ModuleNotFoundError")
        for name in names
    )


def check_source(source: str, path: str = "<source>", modules: Optional[dict] = None):
    """The problems of one module's source text (``path`` decides the compat exemption)."""
    modules = modules if modules is not None else _pyqt6_modules()
    tree = ast.parse(source, filename=path)
    checker = _Checker(path, modules, is_compat=path.replace("\\", "/").endswith(COMPAT_MODULE))
    for parent in ast.walk(tree):
        for child in ast.iter_child_nodes(parent):
            checker._parents[child] = parent
    checker.visit(tree)
    return sorted(checker.problems, key=lambda p: (p.line, p.column, p.code))


def python_files(paths: Sequence[str]) -> List[Path]:
    files: List[Path] = []
    for name in paths:
        path = Path(name)
        if not path.is_absolute():
            path = REPO / path
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.py") if "__pycache__" not in p.parts))
        else:
            files.append(path)
    return files


def check_paths(paths: Sequence[str]) -> List[Problem]:
    modules = _pyqt6_modules()
    problems: List[Problem] = []
    for file in python_files(paths):
        try:
            shown = str(file.relative_to(REPO))
        except ValueError:
            shown = str(file)
        problems.extend(check_source(file.read_text(encoding="utf-8"), shown, modules))
    return problems


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=list(DEFAULT_PATHS))
    args = parser.parse_args(argv)
    try:
        problems = check_paths(args.paths)
    except PyQt6Missing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} Qt6/QGIS 4 problem(s)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
