"""Fixtures shared by the unit tests."""

from __future__ import annotations

import pytest
from validate_support import fetch_schema


@pytest.fixture(scope="session")
def schema():
    """The iD tagging schema the validator's tag rules read (the build's cached copy)."""
    return fetch_schema()
