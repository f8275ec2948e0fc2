"""Translation: the translator is installed before any ``tr()`` runs."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from ..core.errors import OsmRoundtripError

I18N_DIR = Path(__file__).resolve().parents[2] / "i18n"
LANGUAGES = ("en", "de", "fr")  # English: its plural forms only


def language() -> str:
    """Two-letter language: the plugin's own setting if set, else the QGIS locale."""
    chosen = QgsSettings().value("osm_roundtrip/language", "") or QgsApplication.locale() or ""
    code = chosen[:2].lower()
    return (
        code if len(code) == 2 and code.isalpha() and chosen.lower() not in ("c", "posix") else "en"
    )


def install_translator() -> QTranslator | None:
    """Load ``i18n/osm_roundtrip_<lang>.qm`` into the application (for English: the singular
    and plural forms of the messages with a count); ``None`` when there is none."""
    qm = I18N_DIR / f"osm_roundtrip_{language()}.qm"
    if not qm.exists():
        return None
    translator = QTranslator()
    if not translator.load(str(qm)):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


def remove_translator(translator: QTranslator | None) -> None:
    if translator is not None:
        QCoreApplication.removeTranslator(translator)


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def error_text(error: BaseException) -> str:
    """The user's-language text of an error (core errors carry translatable templates)."""
    if isinstance(error, OsmRoundtripError):
        return error.translated(QCoreApplication.translate)
    return str(error)


def element_type_label(element_type: str) -> str:
    """ "node", "way", "relation" in the user's language (as in "way 28712183"); another text
    comes back as it is."""
    labels = {
        "node": QCoreApplication.translate("OsmElements", "node"),
        "way": QCoreApplication.translate("OsmElements", "way"),
        "relation": QCoreApplication.translate("OsmElements", "relation"),
    }
    return labels.get(element_type, element_type)


def element_label(element_type: str, element_id) -> str:
    """ "way 28712183" in the user's language."""
    return QCoreApplication.translate("OsmElements", "{type} {id}").format(
        type=element_type_label(element_type), id=element_id
    )
