"""`make demo`: the offline demo on the bundled data, in a real QGIS.

Installs the plugin ZIP into a fresh, throw-away QGIS profile, starts QGIS (under Xvfb when there is
no display) with ``tools/demo_in_qgis.py`` as start-up code, waits for it to finish, and prints the
report it wrote. The screenshot lands in ``<out>/screenshot.png``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_profile(base: Path, plugin_zip: Path, settings: dict[str, str]) -> Path:
    profile = base / "profiles" / "demo"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(plugin_zip) as archive:
        archive.extractall(plugins)
    ini = profile / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    lines = [
        "[PythonPlugins]",
        "osm_roundtrip=true",
        "[qgis]",
        "checkVersion=false",
        "showTips=false",
        "allowVersionCheck=false",
        "[osm_roundtrip]",
        *(f"{key}={value}" for key, value in settings.items()),
    ]
    ini.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return profile


def run_qgis(profiles: Path, out: Path, extra_env: dict[str, str], timeout: float) -> int:
    command = [
        "qgis",
        "--profiles-path", str(profiles),
        "--profile", "demo",
        "--nologo",
        "--noversioncheck",
        "--code", str(ROOT / "tools" / "demo_in_qgis.py"),
    ]  # fmt: skip
    env = dict(os.environ, OSM_ROUNDTRIP_DEMO_OUT=str(out), **extra_env)
    env.pop("QT_QPA_PLATFORM", None)  # a real window, on the real or the virtual screen
    if not env.get("DISPLAY"):
        command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", *command]
    with open(out / "qgis.log", "w", encoding="utf-8") as log:
        return subprocess.run(command, env=env, stdout=log, stderr=subprocess.STDOUT,
                              timeout=timeout, check=False).returncode  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--zip", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=ROOT / "demo")
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    out = args.out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="osm-roundtrip-demo-") as tmp:
        profiles = Path(tmp)
        make_profile(profiles, args.zip.resolve(), settings={})
        code = run_qgis(profiles, out, {}, args.timeout)
    report_path = out / "report.json"
    if not report_path.exists():
        print(f"QGIS exited with {code} without a report; see {out / 'qgis.log'}", file=sys.stderr)
        return 1
    report = json.loads(report_path.read_text(encoding="utf-8"))
    for step in report["steps"]:
        print(f"{'ok ' if step['ok'] else 'FAILED'} {step['name']}: {step['detail']}")
    print(f"Screenshot: {out / 'screenshot.png'}")
    return 0 if report["ok"] and (out / "screenshot.png").exists() else 1


if __name__ == "__main__":
    sys.exit(main())
