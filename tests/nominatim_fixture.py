"""Session fixture ``nominatim_server``: a real Nominatim on 127.0.0.1 serving Liechtenstein.

The SQLite database and the server's venv live in a cache folder outside the repository
(``tools/nominatim/ensure.sh`` builds them; the fixture runs it when they are missing). If they
cannot be built or the server does not come up, the tests that use the fixture fail with the
reason: they are never skipped silently.
"""

from __future__ import annotations

import pytest

from tools.nominatim.server import NominatimServer, ServerError, ensure_built


@pytest.fixture(scope="session")
def nominatim_server():
    """Yields the running server (``.url`` is its base URL); stops it after the session."""
    try:
        database = ensure_built()
        server = NominatimServer(database).start(timeout=60)
    except ServerError as exc:
        pytest.fail(f"The local Nominatim server is not available: {exc}", pytrace=False)
    try:
        yield server
    finally:
        server.stop()
