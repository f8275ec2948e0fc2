"""Fixtures ``osm_sandbox`` and ``osm_sandbox_factory``: the local OSM API v0.6 sandbox.

``osm_sandbox`` (module scope) starts ``python -m tools.osm_sandbox`` as a subprocess on a free
port of 127.0.0.1, seeded from ``tests/data/liechtenstein.osm.pbf``, with the test-control
endpoints enabled, and stops it at module teardown. It yields a :class:`SandboxProcess`:

* ``.url`` (``http://127.0.0.1:PORT``) and ``.api`` (``.url + "/api/0.6"``);
* ``.token(user="alice", scopes="read_prefs write_api") -> str`` a new bearer token;
* ``.fault(kind, **options) -> int`` / ``.clear_faults()`` fault injection (see
  ``tools/osm_sandbox/__init__.py`` for kinds and options);
* ``.reset()`` back to the pristine seeded data (well under a second), faults cleared, clock
  reset;
* ``.advance_clock(seconds)``, ``.set_changeset(cs_id, num_changes=..., closed_at=...)``,
  ``.status()`` for tests of time-outs and limits.

``osm_sandbox_factory`` (module scope) is a callable ``start(seed, *extra_args)`` for sandboxes
seeded from another (small) ``.osm`` file; all of them are stopped at module teardown.
:func:`start_sandbox` does the same outside pytest (a context manager via ``with``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SEED = ROOT / "tests" / "data" / "liechtenstein.osm.pbf"
READY = "OSM sandbox listening on "


class SandboxError(RuntimeError):
    pass


class SandboxProcess:
    """A running sandbox subprocess and the helpers to steer it."""

    def __init__(self, proc: subprocess.Popen, url: str, stderr_path: Path):
        self.proc = proc
        self.url = url
        self.api = url + "/api/0.6"
        self.stderr_path = stderr_path

    # -- control endpoints ----------------------------------------------------------------------

    def _control(self, method: str, what: str, payload: dict | None = None) -> Any:
        data = json.dumps(payload or {}).encode() if method != "GET" else None
        req = urllib.request.Request(
            f"{self.url}/__sandbox__/{what}",
            data=data,
            method=method,
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                return json.loads(resp.read())
        except urllib.error.HTTPError as exc:
            raise SandboxError(f"{method} {what}: {exc.code} {exc.read().decode()}") from None

    def token(self, user: str | int = "alice", scopes: str = "read_prefs write_api") -> str:
        return self._control("POST", "token", {"user": user, "scopes": scopes})["token"]

    def fault(self, kind: str, **options: Any) -> int:
        """Inject a fault; ``options``: path (regex searched in the URL path), method, times
        (default 1, -1 for ever), status, retry_after, body, seconds."""
        return self._control("POST", "fault", {"kind": kind, **options})["id"]

    def faults(self) -> list[dict]:
        return self._control("GET", "faults")

    def clear_faults(self) -> None:
        self._control("DELETE", "faults")

    def reset(self) -> float:
        return self._control("POST", "reset")["seconds"]

    def advance_clock(self, seconds: int) -> int:
        return self._control("POST", "clock", {"advance": seconds})["now"]

    def set_changeset(self, cs_id: int, **fields: int) -> dict:
        return self._control("POST", f"changeset/{cs_id}", fields)

    def status(self) -> dict:
        return self._control("GET", "status")

    # -- life cycle -----------------------------------------------------------------------------

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe:
                pipe.close()
        self.stderr_path.unlink(missing_ok=True)

    def __enter__(self) -> SandboxProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_sandbox(
    seed: Path | str = DEFAULT_SEED, *extra_args: str, timeout: float = 180
) -> SandboxProcess:
    """Start a sandbox with test control on a free port; returns once it accepts requests."""
    fd, stderr_name = tempfile.mkstemp(prefix="osm-sandbox-", suffix=".log")
    stderr_path = Path(stderr_name)
    cmd = [
        sys.executable,
        "-m",
        "tools.osm_sandbox",
        "--seed",
        str(seed),
        "--port",
        "0",
        "--test-control",
        "--exit-on-stdin-eof",
        *extra_args,
    ]
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    with os.fdopen(fd, "wb") as err:
        proc = subprocess.Popen(
            cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=err, stdin=subprocess.PIPE, env=env
        )  # the server stops when this process ends and the stdin pipe closes
    lines: list[bytes] = []
    reader = threading.Thread(target=lambda: lines.append(proc.stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    first = lines[0].decode(errors="replace").strip() if lines else ""
    if not first.startswith(READY):
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)
        for pipe in (proc.stdin, proc.stdout):
            pipe.close()
        log = stderr_path.read_text(errors="replace")[-2000:]
        stderr_path.unlink(missing_ok=True)
        raise SandboxError(f"the sandbox did not start ({first!r}): {log}")
    sandbox = SandboxProcess(proc, first[len(READY) :], stderr_path)
    # drain stdout so that the server can never block on a full pipe
    threading.Thread(target=lambda: proc.stdout.read(), daemon=True).start()
    return sandbox


def _wait_ready(sandbox: SandboxProcess, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(sandbox.url + "/api/versions", timeout=5):
                return
        except OSError:
            time.sleep(0.1)
    raise SandboxError("the sandbox does not answer")


@pytest.fixture(scope="module")
def osm_sandbox():
    """The Liechtenstein sandbox of this test module (see the module docstring)."""
    try:
        sandbox = start_sandbox(DEFAULT_SEED)
        _wait_ready(sandbox, time.monotonic() + 30)
    except SandboxError as exc:
        pytest.fail(f"The OSM API sandbox is not available: {exc}", pytrace=False)
    try:
        yield sandbox
    finally:
        sandbox.stop()


@pytest.fixture(scope="module")
def osm_sandbox_factory():
    """``start(seed, *extra_args) -> SandboxProcess`` for sandboxes seeded from other files."""
    started: list[SandboxProcess] = []

    def start(seed: Path | str, *extra_args: str) -> SandboxProcess:
        sandbox = start_sandbox(seed, *extra_args)
        started.append(sandbox)
        _wait_ready(sandbox, time.monotonic() + 30)
        return sandbox

    try:
        yield start
    finally:
        for sandbox in started:
            sandbox.stop()
