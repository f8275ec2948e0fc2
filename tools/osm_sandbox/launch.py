"""Start the sandbox as a subprocess and steer it through its test-control endpoints.

Used by the pytest fixtures (``tests/sandbox_fixture.py``) and by the demo (``tools/demo.py``).
:func:`start_sandbox` returns a :class:`SandboxProcess` (also a context manager).
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

ROOT = Path(__file__).resolve().parents[2]
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

    def freeze_clock(self, frozen: bool = True) -> int:
        """Stop (or restart) the server's clock, so that times in a test are exact."""
        return self._control("POST", "clock", {"freeze": frozen})["now"]

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


def wait_ready(sandbox: SandboxProcess, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(sandbox.url + "/api/versions", timeout=5):
                return
        except OSError:
            time.sleep(0.1)
    raise SandboxError("the sandbox does not answer")
