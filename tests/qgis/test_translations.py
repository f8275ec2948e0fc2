"""Translations: complete, current with the sources, and used when QGIS runs in German."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("de", "fr")
ALL = ("en", *LANGUAGES)  # English: the plural messages only (singular and plural forms)
TS = {lang: ROOT / "i18n" / f"osm_roundtrip_{lang}.ts" for lang in ALL}
COUNT_IN_PARENTHESES = re.compile(r"\w\((s|e|en|n|es)\)")  # "result(s)", "Ergebnis(se)"
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}")


def plugin_sources() -> list[str]:
    files = [ROOT / "__init__.py"]
    for folder in ("plugin", "ui"):
        files += sorted((ROOT / folder).rglob("*.py")) + sorted((ROOT / folder).rglob("*.ui"))
    return [str(f.relative_to(ROOT)) for f in files]


def messages(path: Path) -> dict[tuple[str, str], etree._Element]:
    tree = etree.parse(str(path))
    return {
        (m.getparent().findtext("name"), m.findtext("source")): m.find("translation")
        for m in tree.iter("message")
    }


@pytest.mark.parametrize("lang", ALL)
def test_every_string_is_translated(lang):
    unfinished = [
        source
        for (_, source), translation in messages(TS[lang]).items()
        if translation.get("type") in ("unfinished", "obsolete", "vanished")
        or not "".join(translation.itertext()).strip()  # plural forms are <numerusform>s
    ]
    assert unfinished == [], f"{len(unfinished)} unfinished {lang} translations"


def test_english_has_every_plural_message_and_only_those():
    english = messages(TS["en"])
    plurals = {
        key
        for key, translation in messages(TS["de"]).items()
        if translation.find("numerusform") is not None
    }
    assert set(english) == plurals
    for (_, source), translation in english.items():
        forms = [f.text for f in translation.findall("numerusform")]
        assert len(forms) == 2 and forms[1] == source and forms[0], source


@pytest.mark.parametrize("lang", ALL)
def test_no_count_is_written_with_a_plural_in_parentheses(lang):
    """Counts use Qt's plural forms (``%n``), never "result(s)"."""
    found = [
        text
        for (_, source), translation in messages(TS[lang]).items()
        for text in [source, *translation.itertext()]
        if COUNT_IN_PARENTHESES.search(text or "")
    ]
    assert found == []


@pytest.mark.parametrize("lang", ALL)
def test_placeholders_survive_translation(lang):
    broken = [
        source
        for (_, source), translation in messages(TS[lang]).items()
        for form in (  # a plural message: every form keeps them
            [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        )
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(form))
    ]
    assert broken == []


def test_ts_files_are_current_with_the_sources():
    """`make transup` would change nothing: every string in the code is in the .ts files."""
    ts = [str(p.relative_to(ROOT)) for p in TS.values()]
    out = subprocess.run(
        [sys.executable, "tools/pylupdate.py", "--check", *plugin_sources(), "-ts", *ts],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    for committed, refreshed in zip(TS.values(), out):
        assert plural_flags(Path(refreshed)) == plural_flags(committed), committed.name


def plural_flags(path: Path) -> set:
    """The messages of a .ts file, each with whether it has plural forms (a count written with
    ``QT_TRANSLATE_NOOP`` instead of ``translate(..., n)`` has none: "1 Mitglieder")."""
    return {
        (*key, translation.getparent().get("numerus") == "yes")
        for key, translation in messages(path).items()
    }


def test_error_templates_use_a_literal_context():
    """Messages are QT_TRANSLATE_NOOP("Context", "text") or (CONTEXT, "text") from core.errors."""
    bad = []
    for name in plugin_sources():
        text = (ROOT / name).read_text(encoding="utf-8")
        for match in re.finditer(r"QT_TRANSLATE_NOOP\(\s*([^\s)][^,)]*),\s*(.)", text):
            literal_context = match.group(1)[0] == '"' or match.group(1) == "CONTEXT"
            if not literal_context or match.group(2) != '"':
                bad.append(f"{name}:{text[: match.start()].count(chr(10)) + 1}")
    assert [b for b in bad if not b.startswith("plugin/core/errors.py")] == []


def test_plugin_speaks_german(qgis_iface, qgis_processing):
    """Started with the QGIS locale set to German, the plugin's labels are German."""
    from qgis.core import QgsSettings

    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "de_DE")
    settings.setValue("osm_roundtrip/language", "")
    from osm_roundtrip.plugin.main import OsmRoundtripPlugin

    plugin = OsmRoundtripPlugin(qgis_iface)
    try:
        assert plugin.translator is not None, "the German .qm was not loaded (make transcompile)"
        plugin.initGui()
        texts = [action.text() for action in plugin.actions]
        assert "OpenStreetMap durchsuchen (Nominatim)" in texts
        assert plugin.dock.windowTitle() == "OSM Roundtrip-Suche"
        from osm_roundtrip.plugin.adapters.i18n import element_label

        assert element_label("way", 28712183) == "Weg 28712183"  # tags dock, review, conflicts
        assert element_label("relation", 7) == "Relation 7"
        # labels written once in a shared base class of the algorithms are German too
        from osm_roundtrip.plugin.adapters.processing.upload_edits_algorithm import (
            UploadEditsAlgorithm,
        )

        algorithm = UploadEditsAlgorithm()
        algorithm.initAlgorithm()
        assert algorithm.group() == "Hochladen"
        labels = [p.description() for p in algorithm.parameterDefinitions()]
        assert "Kommentar zum Änderungssatz" in labels
        assert algorithm.outputDefinition("CREATED").description() == "Erstellte Elemente"
    finally:
        plugin.unload()
        settings.remove("locale/overrideFlag")
        settings.remove("locale/userLocale")


def test_english_counts_read_right(qgis_iface):
    """In English "1 result", "1 change saved", "2 results" -- also from the core's errors."""
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QCoreApplication

    from osm_roundtrip.plugin.adapters import i18n
    from osm_roundtrip.plugin.core.osm.osmchange import ChangesInvalid

    settings = QgsSettings()
    settings.setValue("osm_roundtrip/language", "en")
    translator = i18n.install_translator()
    try:
        assert translator is not None, "the English .qm was not loaded (make transcompile)"
        translate = QCoreApplication.translate
        assert translate("SearchDock", "%n results", "", 1) == "1 result"
        assert translate("SearchDock", "%n results", "", 2) == "2 results"
        saved = translate("UploadAction", "%n changes saved to {path}", "", 1)
        assert saved.format(path="a.osc") == "1 change saved to a.osc"
        error = ChangesInvalid([_problem()])
        assert "(1 problem):" in i18n.error_text(error)
    finally:
        i18n.remove_translator(translator)
        settings.remove("osm_roundtrip/language")


def _problem():
    from osm_roundtrip.plugin.core.errors import Message

    return Message("Way {id} has no nodes.", id=1)


def test_translatable_texts_write_characters_not_escapes():
    """pylupdate5 reads ``"\\u201c"`` as the letters ``u201c``: the .ts then holds a text the
    code never asks for, and its translation is never used. Such characters are written as they
    are (“ ”, →, –)."""
    import ast

    escape = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{|x[0-9a-fA-F]{2})")
    found = []
    for name in plugin_sources():
        if not name.endswith(".py"):
            continue
        text = (ROOT / name).read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(text)):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called not in ("tr", "translate", "QT_TRANSLATE_NOOP"):
                continue
            found += [
                f"{name}:{arg.lineno}"
                for arg in node.args
                if isinstance(arg, ast.Constant)
                and isinstance(arg.value, str)
                and escape.search(ast.get_source_segment(text, arg) or "")
            ]
    assert found == []
