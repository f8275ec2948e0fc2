"""Run the local Nominatim (nominatim-api + uvicorn) on 127.0.0.1 from the SQLite database.

Standard library only, so it works from the project venv, Debian's python3 or the serve venv.
``NominatimServer`` starts the process in its own process group, waits (bounded) until
``/status`` answers, and stops the whole group on ``stop()``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

try:
    from . import build
except ImportError:  # run as a script from this folder (serve.py)
    import build

HERE = Path(__file__).resolve().parent

ENSURE = HERE / "ensure.sh"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _die_with_parent() -> None:
    """In the child: get SIGTERM when the launching process dies, even by SIGKILL (Linux)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class ServerError(RuntimeError):
    pass


class NominatimServer:
    """The local Nominatim on ``127.0.0.1:port``; ``url`` is its base URL (no trailing slash)."""

    def __init__(
        self,
        database: Path | None = None,
        port: int | None = None,
        venv: Path | None = None,
        access_log: bool = False,
    ) -> None:
        self.database = Path(database) if database else build.database_path()
        self.venv = Path(venv) if venv else build.venv_dir()
        self.port = port or free_port()
        self.access_log = access_log
        self.process: subprocess.Popen | None = None
        self._log = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def check_installed(self) -> None:
        uvicorn = self.venv / "bin" / "uvicorn"
        missing = [str(p) for p in (self.database, uvicorn) if not p.is_file()]
        if missing:
            raise ServerError(
                "The local Nominatim is not built (missing: "
                + ", ".join(missing)
                + f"). Run {ENSURE} first."
            )

    def start(self, timeout: float = 30.0) -> NominatimServer:
        self.check_installed()
        env = dict(os.environ)
        env["NOMINATIM_DATABASE_DSN"] = f"sqlite:dbname={self.database}"
        env.pop("PYTHONPATH", None)
        cmd = [
            str(self.venv / "bin" / "uvicorn"),
            "--factory",
            "nominatim_api.server.falcon.server:run_wsgi",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--workers",
            "1",
            "--log-level",
            "warning",
        ]
        if not self.access_log:
            cmd.append("--no-access-log")
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            cmd,
            cwd=str(self.database.parent),  # the "project dir"; an optional .env is read there
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )
        try:
            self._wait_ready(timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise ServerError(
                    f"The local Nominatim exited with code {self.process.returncode}:\n"
                    + self.output()
                )
            try:
                with urllib.request.urlopen(f"{self.url}/status?format=json", timeout=2) as reply:
                    if reply.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            if time.monotonic() > deadline:
                raise ServerError(
                    f"The local Nominatim did not answer /status within {timeout:.0f} s:\n"
                    + self.output()
                )
            time.sleep(0.05)

    def output(self) -> str:
        if self._log is None:
            return ""
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")[-4000:]

    def stop(self, timeout: float = 10.0) -> None:
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout)
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> NominatimServer:
        return self.start() if self.process is None else self

    def __exit__(self, *exc) -> None:
        self.stop()


def ensure_built(pbf: Path = build.DEFAULT_PBF) -> Path:
    """Run ensure.sh when the database or the venv is missing; returns the database path."""
    if build.database_ready(pbf) and build.venv_ready():
        return build.database_path(pbf)
    result = subprocess.run(
        ["bash", str(ENSURE), "--pbf", str(pbf)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise ServerError(
            f"{ENSURE} failed with code {result.returncode}:\n{result.stderr[-4000:]}"
        )
    return Path(result.stdout.strip().splitlines()[-1])
