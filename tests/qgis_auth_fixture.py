"""QGIS's authentication database, unlocked once for the tests that store OAuth tokens."""

from __future__ import annotations

import contextlib

import pytest


@pytest.fixture(scope="session")
def auth_db(qgis_app):
    """The auth manager with the test master password set (QGIS would otherwise ask for it)."""
    from qgis.core import QgsApplication

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        manager.setMasterPassword("test-master-password", True)
    return manager


# The plugin's settings a login reads or writes.
LOGIN_KEYS = (
    "osm_server",
    "custom_api_url",
    "sandbox_url",
    "oauth_client_id",
    "auth_config_ids",
    "auth_config_id",
    "account_names",
    "download_folder",
)


@contextlib.contextmanager
def clean_login_settings(api_url: str):
    """The login settings removed for a test, then restored, and ``api_url`` logged out."""
    from qgis.core import QgsSettings

    from osm_roundtrip.plugin.adapters import auth
    from osm_roundtrip.plugin.adapters import settings as plugin_settings

    store = QgsSettings()
    keys = [plugin_settings.PREFIX + key for key in LOGIN_KEYS]
    saved = {key: store.value(key) for key in keys}
    for key in keys:
        store.remove(key)
    try:
        yield store
    finally:
        auth.forget(api_url)
        for key, value in saved.items():
            if value is None:
                store.remove(key)
            else:
                store.setValue(key, value)
