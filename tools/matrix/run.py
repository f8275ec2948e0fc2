"""Run the whole test suite on every supported QGIS version: the host's and two Debian roots.

``make test`` calls this. It makes sure the roots exist (``roots.py``; a root that cannot be
built fails the run with the reason), starts one local Nominatim on 127.0.0.1 that every run
shares (``OSM_ROUNDTRIP_NOMINATIM_URL``), runs pytest on the host with the project venv and in
each root with the root's venv, one after the other, and prints a table: QGIS version, Python,
tests passed / failed / errors / skipped, seconds. The exit status is 0 only when every version
is green. Extra arguments go to every pytest run (``run.py -- tests/unit -x``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))

from tools.matrix import roots  # noqa: E402
from tools.nominatim.server import NominatimServer, ServerError, ensure_built  # noqa: E402

REPORTS = REPO / "build" / "matrix"
HOST_PYTHON = REPO / ".venv" / "bin" / "python"


@dataclass
class Outcome:
    release: str
    qgis: str = "?"
    python: str = "?"
    passed: int = 0
    failed: int = 0
    errors: int = 0
    skipped: int = 0
    seconds: float = 0.0
    status: int = 1
    reason: str = ""

    @property
    def green(self) -> bool:
        return self.status == 0 and not self.failed and not self.errors and not self.reason


def read_junit(path: Path, outcome: Outcome) -> None:
    if not path.exists():
        ended = f"pytest ended without a report (exit status {outcome.status})"
        outcome.reason = outcome.reason or ended
        return
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    for suite in suites:
        tests = int(suite.get("tests", 0))
        outcome.failed += int(suite.get("failures", 0))
        outcome.errors += int(suite.get("errors", 0))
        outcome.skipped += int(suite.get("skipped", 0))
        outcome.passed += tests - int(suite.get("failures", 0)) - int(suite.get("errors", 0))
        outcome.passed -= int(suite.get("skipped", 0))


VERSIONS = (
    "import sys, qgis.core; "
    "print(qgis.core.Qgis.QGIS_VERSION.split('-')[0], sys.version.split()[0])"
)


def versions(release: str, host: bool) -> tuple[str, str]:
    """QGIS and Python versions as the test run sees them."""
    command = ["python", "-c", VERSIONS]
    if host:
        done = subprocess.run([str(HOST_PYTHON), *command[1:]], capture_output=True, text=True)
        text = done.stdout
    else:
        text = roots.run_in_root(release, command, capture=True)
    parts = text.split()
    return (parts[0], parts[1]) if len(parts) == 2 else ("?", "?")


def share_schema(release: str) -> None:
    """The pinned iD tagging schema the host fetched, in the root's cache too (no test fetches)."""
    import shutil

    from tools import id_schema

    source = id_schema.cache_root()
    if source.is_dir():
        target = roots.root_dir(release) / "root" / ".cache" / "osm-roundtrip" / source.name
        shutil.copytree(source, target, dirs_exist_ok=True)


def run_pytest(release: str, host: bool, extra: list[str], env: dict) -> Outcome:
    outcome = Outcome(release)
    outcome.qgis, outcome.python = versions(release, host)
    REPORTS.mkdir(parents=True, exist_ok=True)
    report = REPORTS / f"{release}.xml"
    report.unlink(missing_ok=True)
    args = ["-m", "pytest", f"--junitxml={report}", "-o", "junit_family=xunit2", *extra]
    print(f"\n==== QGIS {roots.QGIS_OF[release]} ({release}{', host' if host else ''})", flush=True)
    started = time.monotonic()
    if host:
        outcome.status = subprocess.call([str(HOST_PYTHON), *args], cwd=REPO, env=env)
    else:
        try:
            share_schema(release)
            outcome.status = roots.run_in_root(release, ["python", *args], env=env)
        except roots.RootError as exc:
            outcome.reason = str(exc)
    outcome.seconds = time.monotonic() - started
    read_junit(report, outcome)
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--only", action="append", choices=roots.RELEASES, help="run only these releases"
    )
    parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments (after --)")
    args = parser.parse_args(argv)
    host = roots.host_release()
    releases = [r for r in roots.RELEASES if not args.only or r in args.only]
    outcomes: list[Outcome] = []
    ready = {}
    for release in releases:
        if release == host:
            ready[release] = True
            continue
        try:
            roots.ensure(release)
            ready[release] = True
        except roots.RootError as exc:
            outcome = Outcome(release, qgis=roots.QGIS_OF[release], reason=str(exc))
            outcomes.append(outcome)
            print(f"error: the {release} root (QGIS {outcome.qgis}) is not usable: {exc}")
    env = dict(os.environ)
    try:
        server = NominatimServer(ensure_built()).start(timeout=60)
    except ServerError as exc:
        print(f"error: the local Nominatim server is not available: {exc}")
        return 1
    try:
        env["OSM_ROUNDTRIP_NOMINATIM_URL"] = server.url
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        extra = {"OSM_ROUNDTRIP_NOMINATIM_URL": server.url}
        for release in releases:
            if ready.get(release):
                outcomes.append(
                    run_pytest(
                        release,
                        release == host,
                        args.pytest_args,
                        env if release == host else extra,
                    )
                )
    finally:
        server.stop()
    outcomes.sort(key=lambda o: roots.RELEASES.index(o.release))
    print("\n| QGIS | Debian | Python | passed | failed | errors | skipped | seconds | result |")
    print("|---|---|---|---|---|---|---|---|---|")
    for o in outcomes:
        result = "green" if o.green else (o.reason or f"exit status {o.status}")
        print(
            f"| {o.qgis} | {o.release}{' (host)' if o.release == host else ''} | {o.python} "
            f"| {o.passed} | {o.failed} | {o.errors} | {o.skipped} | {o.seconds:.0f} | {result} |"
        )
    return 0 if outcomes and all(o.green for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
