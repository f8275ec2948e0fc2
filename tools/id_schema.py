"""Fetch the iD tagging schema (the validator's tag knowledge) into a cache outside the repository.

``@openstreetmap/id-tagging-schema`` (ISC licence) at the pinned :data:`VERSION` comes from the npm
registry: the version's metadata gives the tarball address and its ``dist.integrity`` (SRI,
sha512), which the downloaded tarball must match. From the tarball only what the validator and the
tag editor read is kept::

    ${XDG_CACHE_HOME:-$HOME/.cache}/osm-roundtrip/id-tagging-schema/<VERSION>/
        deprecated.json  presets.json  fields.json  preset_categories.json  LICENSE.md  VERSION
        translations/en.json  translations/de.json  translations/fr.json

The translations are reduced at fetch time to what the tag editor shows (preset names, terms and
aliases; field labels, placeholders, terms and option labels; category names), about a third of
the package's files.

Idempotent: when the folder is complete nothing is downloaded. ``make zip`` copies the folder into
the plugin (``data/id-tagging-schema``); a development checkout reads it from the cache.

Usage: python3 tools/id_schema.py [--cache DIR] [--print-dir]   (prints the folder)
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import os
import shutil
import sys
import tarfile
import tempfile
import urllib.request
from pathlib import Path

PACKAGE = "@openstreetmap/id-tagging-schema"
VERSION = "7.2.0"
REGISTRY = "https://registry.npmjs.org"
# tarball member -> file in the cache folder
MEMBERS = {
    "package/dist/deprecated.json": "deprecated.json",
    "package/dist/presets.json": "presets.json",
    "package/dist/fields.json": "fields.json",
    "package/dist/preset_categories.json": "preset_categories.json",
    "package/LICENSE.md": "LICENSE.md",
}
# The languages of the plugin: their translations of preset names, field labels and options.
LANGUAGES = ("en", "de", "fr")
TRANSLATIONS = {f"package/dist/translations/{lang}.json": lang for lang in LANGUAGES}
# Written last: a folder with this file was completely extracted by this version of the script.
COMPLETE_MARK = "VERSION"
# What the tag editor reads of a translation (everything else is dropped).
PRESET_STRINGS = ("name", "terms", "aliases")
FIELD_STRINGS = ("label", "placeholder", "terms", "options", "types", "labels", "placeholders")
TIMEOUT = 60


def cache_root() -> Path:
    explicit = os.environ.get("OSM_ROUNDTRIP_SCHEMA_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "osm-roundtrip" / "id-tagging-schema"


def schema_dir(cache: Path | None = None) -> Path:
    """The folder of the pinned version (whether or not it is fetched yet)."""
    return (cache or cache_root()) / VERSION


def translation_path(folder: Path, lang: str) -> Path:
    return folder / "translations" / f"{lang}.json"


def is_complete(folder: Path) -> bool:
    """Does ``folder`` hold every file this script keeps (a cache from an older script does not)?"""
    return (
        (folder / COMPLETE_MARK).is_file()
        and all((folder / name).is_file() for name in MEMBERS.values())
        and all(translation_path(folder, lang).is_file() for lang in LANGUAGES)
    )


def _option_label(value):
    """An option's label: iD's translations give a string or ``{title, description}``."""
    if isinstance(value, dict):
        return value.get("title")
    return value


def reduce_translation(data: dict, lang: str) -> dict:
    """Only the strings the tag editor shows, in the shape of iD's translation files."""
    strings = (data.get(lang) or {}).get("presets") or {}
    presets = {}
    for pid, entry in (strings.get("presets") or {}).items():
        kept = {k: entry[k] for k in PRESET_STRINGS if entry.get(k)}
        if kept:
            presets[pid] = kept
    fields = {}
    for fid, entry in (strings.get("fields") or {}).items():
        kept = {k: entry[k] for k in FIELD_STRINGS if entry.get(k)}
        if isinstance(kept.get("options"), dict):
            options = {k: _option_label(v) for k, v in kept["options"].items()}
            kept["options"] = {k: v for k, v in options.items() if isinstance(v, str)}
        for parts in ("labels", "placeholders"):  # the address parts, without countries' own
            if isinstance(kept.get(parts), dict):
                kept[parts] = {k: v for k, v in kept[parts].items() if "!" not in k}
        if kept:
            fields[fid] = kept
    categories = {
        cid: {"name": entry["name"]}
        for cid, entry in (strings.get("categories") or {}).items()
        if isinstance(entry, dict) and entry.get("name")
    }
    return {lang: {"presets": {"presets": presets, "fields": fields, "categories": categories}}}


def _get(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "osm-roundtrip-build"})
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        return response.read()


def check_integrity(data: bytes, integrity: str) -> None:
    """Raise ``ValueError`` unless ``data`` matches the SRI string (``sha512-<base64>``)."""
    algorithm, _, expected = integrity.partition("-")
    if algorithm not in ("sha512", "sha384", "sha256") or not expected:
        raise ValueError(f"unsupported integrity {integrity!r}")
    digest = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if digest != expected:
        raise ValueError(f"tarball integrity mismatch: {algorithm} {digest} != {expected}")


def extract(tarball: bytes, folder: Path) -> None:
    """Write the :data:`MEMBERS` of the tarball into ``folder`` (atomically, via a temp folder)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".partial-", dir=folder.parent))
    work.chmod(0o755)
    try:
        with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
            for member, name in MEMBERS.items():
                stream = archive.extractfile(member)
                if stream is None:
                    raise ValueError(f"{member} is not a file in the tarball")
                (work / name).write_bytes(stream.read())
            (work / "translations").mkdir()
            for member, lang in TRANSLATIONS.items():
                stream = archive.extractfile(member)
                if stream is None:
                    raise ValueError(f"{member} is not a file in the tarball")
                reduced = reduce_translation(json.loads(stream.read().decode("utf-8")), lang)
                translation_path(work, lang).write_text(
                    json.dumps(reduced, ensure_ascii=False, separators=(",", ":")), "utf-8"
                )
        for name in ("deprecated.json", "presets.json", "fields.json", "preset_categories.json"):
            json.loads((work / name).read_text("utf-8"))
        (work / COMPLETE_MARK).write_text(f"{PACKAGE}@{VERSION}\n")
        if folder.exists():
            shutil.rmtree(folder)
        work.rename(folder)
    finally:
        if work.exists():
            shutil.rmtree(work)


def ensure(cache: Path | None = None) -> Path:
    """Fetch the pinned schema unless the cache already has it; return its folder."""
    folder = schema_dir(cache)
    if is_complete(folder):
        return folder
    meta = json.loads(_get(f"{REGISTRY}/{PACKAGE}/{VERSION}"))
    if meta.get("version") != VERSION:
        raise ValueError(f"the registry answered version {meta.get('version')!r}")
    dist = meta["dist"]
    tarball = _get(dist["tarball"])
    check_integrity(tarball, dist["integrity"])
    extract(tarball, folder)
    return folder


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="cache folder (default: ~/.cache/...)")
    parser.add_argument(
        "--print-dir", action="store_true", help="print the folder without fetching anything"
    )
    args = parser.parse_args(argv)
    if args.print_dir:
        print(schema_dir(args.cache))
        return 0
    try:
        folder = ensure(args.cache)
    except (OSError, ValueError, KeyError, tarfile.TarError) as error:
        print(f"[id-schema] cannot fetch {PACKAGE}@{VERSION}: {error}", file=sys.stderr)
        return 1
    print(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
