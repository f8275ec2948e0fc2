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

import time
from pathlib import Path

import pytest

from tools.osm_sandbox.launch import (
    DEFAULT_SEED,
    SandboxError,
    SandboxProcess,
    start_sandbox,
    wait_ready,
)


@pytest.fixture(scope="module")
def osm_sandbox():
    """The Liechtenstein sandbox of this test module (see the module docstring)."""
    try:
        sandbox = start_sandbox(DEFAULT_SEED)
        wait_ready(sandbox, time.monotonic() + 30)
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
        wait_ready(sandbox, time.monotonic() + 30)
        return sandbox

    try:
        yield start
    finally:
        for sandbox in started:
            sandbox.stop()
