"""Fetch the iD tagging schema (the validator's tag knowledge) into a cache outside the repository.

``@openstreetmap/id-tagging-schema`` (ISC licence) at the pinned :data:`VERSION` comes from the npm
registry: the version's metadata gives the tarball address and its ``dist.integrity`` (SRI,
sha512), which the downloaded tarball must match. From the tarball only what the validator reads
is kept::

    ${XDG_CACHE_HOME:-$HOME/.cache}/osm-roundtrip/id-tagging-schema/<VERSION>/
        deprecated.json  presets.json  LICENSE.md  VERSION

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
    "package/LICENSE.md": "LICENSE.md",
}
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


def is_complete(folder: Path) -> bool:
    return (folder / "VERSION").is_file() and all(
        (folder / name).is_file() for name in MEMBERS.values()
    )


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
        json.loads((work / "deprecated.json").read_text("utf-8"))
        json.loads((work / "presets.json").read_text("utf-8"))
        (work / "VERSION").write_text(f"{PACKAGE}@{VERSION}\n")
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
