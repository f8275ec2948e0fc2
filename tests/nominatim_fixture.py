"""Session fixture ``nominatim_server``: a real Nominatim on 127.0.0.1 serving Liechtenstein.

The SQLite database and the server's venv live in a cache folder outside the repository
(``tools/nominatim/ensure.sh`` builds them; the fixture runs it when they are missing). If they
cannot be built or the server does not come up, the tests that use the fixture fail with the
reason: they are never skipped silently. When ``OSM_ROUNDTRIP_NOMINATIM_URL`` is set (the version
matrix, ``tools/matrix/run.py``, starts one server for the host and the Debian roots), that server
is used instead and must answer.
"""

from __future__ import annotations

import os
import urllib.request
from dataclasses import dataclass

import pytest

from tools.nominatim.server import NominatimServer, ServerError, ensure_built


@pytest.fixture(scope="session")
def nominatim_server():
    """Yields the running server (``.url`` is its base URL); stops it after the session."""
    shared = os.environ.get("OSM_ROUNDTRIP_NOMINATIM_URL")
    if shared:
        try:
            with urllib.request.urlopen(f"{shared}/status?format=json", timeout=10):
                pass
        except OSError as exc:
            pytest.fail(f"The Nominatim server at {shared} does not answer: {exc}", pytrace=False)
        yield SharedServer(shared)
        return
    try:
        database = ensure_built()
        server = NominatimServer(database).start(timeout=60)
    except ServerError as exc:
        pytest.fail(f"The local Nominatim server is not available: {exc}", pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@dataclass
class SharedServer:
    """A Nominatim started outside the test session."""

    url: str
