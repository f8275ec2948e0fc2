"""Run pylupdate5 over the plugin's .py and .ui files.

pylupdate5's Python parser needs literal contexts (the core errors'
``QT_TRANSLATE_NOOP(CONTEXT, ...)`` is rewritten to the literal) and skips a ``tr()``,
``translate()`` or ``QT_TRANSLATE_NOOP()`` call whose last argument is followed by a trailing
comma, which is how the code formatter writes calls split over several lines. So the sources
are copied to ``build/i18n`` with those commas removed, pylupdate5 runs there on copies of the
``.ts`` files (same relative paths, so the locations recorded in the ``.ts`` files stay the
repository's own), and the refreshed ``.ts`` files are copied back.

Usage: python tools/pylupdate.py [--check] SOURCE... -ts TS...
With ``--check`` the ``.ts`` files are left alone and the paths of the refreshed copies are
printed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "build" / "i18n"
TRAILING_COMMA = re.compile(r",(\s*)\)")
# errors.CONTEXT is "OsmRoundtripErrors"; pylupdate5 needs the context as a literal.
NAMED_CONTEXT = re.compile(r"\b(QT_TRANSLATE_NOOP|translate)\(\s*CONTEXT\s*,")


def refresh(sources: list[str], ts_files: list[str]) -> list[Path]:
    shutil.rmtree(WORK, ignore_errors=True)
    for name in sources:
        target = WORK / name
        target.parent.mkdir(parents=True, exist_ok=True)
        text = (ROOT / name).read_text(encoding="utf-8")
        if name.endswith(".py"):
            text = TRAILING_COMMA.sub(r"\1)", text)
            text = NAMED_CONTEXT.sub(r'\1("OsmRoundtripErrors",', text)
        target.write_text(text, encoding="utf-8")
    for name in ts_files:
        (WORK / name).parent.mkdir(parents=True, exist_ok=True)
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, WORK / name)
    subprocess.run(
        ["pylupdate5", "-noobsolete", *sources, "-ts", *ts_files],
        cwd=WORK,
        check=True,
        stderr=subprocess.DEVNULL,
    )
    for name in ts_files:
        if name.endswith("_en.ts"):
            plural_only(WORK / name)
    return [WORK / name for name in ts_files]


def plural_only(path: Path) -> None:
    """The English file holds only the plural messages (its singular forms): every other text
    is shown as written in the code (what ``lupdate -pluralonly`` does)."""
    from lxml import etree

    tree = etree.parse(str(path))
    for message in list(tree.iter("message")):
        if message.get("numerus") != "yes":
            message.getparent().remove(message)
    for context in list(tree.iter("context")):
        if context.find("message") is None:
            context.getparent().remove(context)
    tree.write(str(path), encoding="utf-8", xml_declaration=True)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    argv = [a for a in argv if a != "--check"]
    split = argv.index("-ts")
    sources, ts_files = argv[:split], argv[split + 1 :]
    refreshed = refresh(sources, ts_files)
    for name, path in zip(ts_files, refreshed):
        if check:
            print(path)
        else:
            shutil.copy(path, ROOT / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
