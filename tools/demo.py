"""`make demo`: the offline demo on the bundled data, in a real QGIS.

Starts a local Nominatim and the OSM API sandbox (both on 127.0.0.1, both serving the bundled
Liechtenstein extract), installs the plugin ZIP into a fresh, throw-away QGIS profile that points
at them, starts QGIS (under Xvfb when there is no display) with ``tools/demo_in_qgis.py`` as
start-up code, waits for it to finish, and prints the report it wrote. The screenshot lands in
``<out>/screenshot.png``.
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
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "data" / "liechtenstein.osm.pbf"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


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


def run_qgis(
    profiles: Path,
    out: Path,
    extra_env: dict[str, str],
    timeout: float,
    code: Path = ROOT / "tools" / "demo_in_qgis.py",
) -> int:
    command = [
        "qgis",
        "--profiles-path", str(profiles),
        "--profile", "demo",
        "--nologo",
        "--noversioncheck",
        "--code", str(code),
    ]  # fmt: skip
    env = dict(os.environ, OSM_ROUNDTRIP_DEMO_OUT=str(out), **extra_env)
    env.pop("QT_QPA_PLATFORM", None)  # a real window, on the real or the virtual screen
    if not env.get("DISPLAY"):
        command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", *command]
    with open(out / "qgis.log", "w", encoding="utf-8") as log:
        return subprocess.run(command, env=env, stdout=log, stderr=subprocess.STDOUT,
                              timeout=timeout, check=False).returncode  # fmt: skip


def start_servers(stack: contextlib.ExitStack, nominatim_url: str = "") -> dict[str, str]:
    """The local Nominatim (unless one runs at ``nominatim_url``) and OSM API sandbox, both on
    127.0.0.1; stopped when ``stack`` closes."""
    from tools.nominatim.server import NominatimServer
    from tools.osm_sandbox.launch import start_sandbox, wait_ready

    if not nominatim_url:
        print("Starting the local Nominatim (Liechtenstein; built once, cached)…", flush=True)
        nominatim_url = stack.enter_context(NominatimServer()).url
    print(f"  {nominatim_url}")
    print("Starting the OSM API sandbox (Liechtenstein)…", flush=True)
    sandbox = stack.enter_context(start_sandbox(SEED, "--auto-approve", "alice"))
    wait_ready(sandbox, time.monotonic() + 60)
    print(f"  {sandbox.url}")
    return {
        "nominatim_url": nominatim_url,
        "nominatim_interval": "0",
        "osm_server": "sandbox",
        "sandbox_url": sandbox.url,
        "oauth_client_id": "osm-sandbox",
        "contact_email": "",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--zip", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=ROOT / "demo")
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    out = args.out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    with contextlib.ExitStack() as stack:
        settings = start_servers(stack)
        profiles = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="osm-roundtrip-")))
        make_profile(profiles, args.zip.resolve(), settings=settings)
        print("Running QGIS with the plugin (search, download, edit, upload, verify)…", flush=True)
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
