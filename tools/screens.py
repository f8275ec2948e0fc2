"""`make screens`: a PNG of every screen of the plugin in a real QGIS, per language.

Starts the OSM API sandbox and a local Nominatim (or uses ``$OSM_ROUNDTRIP_NOMINATIM_URL``),
installs ``dist/osm_roundtrip.zip`` into a throw-away profile whose QGIS locale is overridden
(``[locale] overrideFlag/userLocale/globalLocale``, read by QGIS 3.22 and 3.40 alike), runs QGIS
(under Xvfb when there is no display) with ``tools/screens_in_qgis.py`` and writes
``build/screens/<qgis-version>/<lang>/<NN>-<screen>.png`` plus ``index.txt`` (file and window
title of each PNG, and what failed). The exit status is 1 when a screen could not be produced.
``--only`` renews just the named screens; ``index.txt`` then lists those.

``--root trixie`` (repeatable) then runs the same inside the Debian roots of ``tools/matrix``,
sharing the host's Nominatim::

    .venv/bin/python tools/screens.py --lang en,de --only review,conflict
    .venv/bin/python tools/screens.py --root trixie
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.demo import make_profile, run_qgis, start_servers  # noqa: E402

LOCALES = {"en": "en_US", "de": "de_DE", "fr": "fr_FR"}


def run_language(lang: str, args, settings: dict[str, str]) -> list[str]:
    """Run QGIS once in ``lang``; the failures (``name: reason``), none when all screens exist."""
    reset = urllib.request.Request(settings["sandbox_url"] + "/__sandbox__/reset", b"{}")
    urllib.request.urlopen(reset, timeout=120).close()  # every language starts from the seed
    with tempfile.TemporaryDirectory(prefix="osm-roundtrip-screens-") as temp:
        work = Path(temp)
        profile = make_profile(work, args.zip.resolve(), settings)
        with open(profile / "QGIS" / "QGIS3.ini", "a", encoding="utf-8") as ini:
            ini.write(
                f"[locale]\noverrideFlag=true\nuserLocale={LOCALES[lang]}\nglobalLocale={LOCALES[lang]}\n"
            )
        env = {
            "OSM_ROUNDTRIP_SCREENS_OUT": str(args.out),
            "OSM_ROUNDTRIP_SCREENS_REPORT": str(work / "report.json"),
            "OSM_ROUNDTRIP_SCREENS_LANG": lang,
            "OSM_ROUNDTRIP_SCREENS_ONLY": ",".join(args.only),
            "OSM_ROUNDTRIP_SCREENS_SANDBOX": settings["sandbox_url"],
        }
        print(f"[{lang}] QGIS with the plugin…", flush=True)
        try:
            code = run_qgis(work, work, env, args.timeout, ROOT / "tools" / "screens_in_qgis.py")
        except subprocess.TimeoutExpired:
            code = f"a timeout ({args.timeout:.0f} s)"
        if not (work / "report.json").exists():
            log = (work / "qgis.log").read_text(errors="replace")[-3000:]
            return [f"{lang}: QGIS exited with {code} without a report:\n{log}"]
        report = json.loads((work / "report.json").read_text(encoding="utf-8"))
        folder = args.out / report["dir"]
        shutil.copy(work / "qgis.log", folder / "qgis.log")
    failed = []
    lines = [f"QGIS {report['qgis']}, language {lang} ({LOCALES[lang]})", ""]
    for result in report["results"]:
        if result["error"]:
            failed.append(f"{report['dir']}: {result['file']}: {result['error']}")
            lines.append(f"FAILED {result['file']}: {result['error']}")
        else:
            lines.append(f"{Path(result['file']).name:44} {result['title']}")
    (folder / "index.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    shown = sum(1 for result in report["results"] if not result["error"])
    print(f"[{lang}] {shown} PNGs in {folder}; {len(failed)} failed", flush=True)
    return failed


def run_root(release: str, args, nominatim_url: str) -> int:
    """This script inside a Debian root (another QGIS), with the host's Nominatim."""
    roots = str(ROOT / "tools" / "matrix" / "roots.py")
    command = [sys.executable, roots, "run", release, "--", "python", "tools/screens.py",
               "--lang", ",".join(args.lang), "--zip", str(args.zip.resolve()),
               "--out", str(args.out), "--timeout", str(args.timeout)]  # fmt: skip
    if args.only:
        command += ["--only", ",".join(args.only)]
    print(f"== Debian {release}", flush=True)
    env = dict(os.environ, OSM_ROUNDTRIP_NOMINATIM_URL=nominatim_url)
    return subprocess.call(command, env=env, cwd=ROOT)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    split = lambda text: [part for part in text.split(",") if part]  # noqa: E731
    parser.add_argument("--lang", type=split, default=["en", "de"], help="e.g. en,de")
    parser.add_argument("--only", type=split, default=[], help="screen names, e.g. review,conflict")
    parser.add_argument("--zip", type=Path, default=ROOT / "dist" / "osm_roundtrip.zip")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screens")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per language")
    parser.add_argument("--root", action="append", default=[], help="also in this Debian root")
    args = parser.parse_args()
    args.out = args.out.resolve()
    if unknown := [lang for lang in args.lang if lang not in LOCALES]:
        parser.error(f"unknown language {', '.join(unknown)} (known: {', '.join(LOCALES)})")
    if not args.zip.exists():
        parser.error(f"{args.zip} is missing: run `make zip` first")
    failed = []
    with contextlib.ExitStack() as stack:
        settings = start_servers(stack, os.environ.get("OSM_ROUNDTRIP_NOMINATIM_URL", ""))
        for lang in args.lang:
            failed += run_language(lang, args, settings)
        for release in args.root:
            if run_root(release, args, settings["nominatim_url"]) != 0:
                failed.append(f"{release}: see the lines above")
    for line in failed:
        print(f"FAILED {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
