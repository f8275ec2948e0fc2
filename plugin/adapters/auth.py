"""The OAuth token in the QGIS authentication database (never in settings, projects or logs).

The token is kept in an auth configuration of its own: method ``APIHeader`` (QGIS >= 3.26,
header ``Authorization: Bearer <token>``) where available, else ``Basic`` with the token as the
password. Only the configuration's id is stored in the plugin settings (``auth_config_id``);
Processing takes the id as its ``AUTH`` parameter.
"""

from __future__ import annotations

from typing import Optional
from urllib.parse import urlsplit

from qgis.core import QgsApplication, QgsAuthMethodConfig

from ..core.errors import QT_TRANSLATE_NOOP, OsmRoundtripError
from . import settings as plugin_settings

BASIC_USER = "oauth2-bearer"


class AuthStoreError(OsmRoundtripError):
    """The QGIS authentication database cannot be used (locked, no master password, …)."""


def _manager():
    manager = QgsApplication.authManager()
    if manager.isDisabled():
        raise AuthStoreError(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "The QGIS authentication database is not available: {reason}",
            ),
            reason=manager.disabledMessage(),
        )
    return manager


def _method(manager) -> str:
    return "APIHeader" if "APIHeader" in manager.authMethodsKeys() else "Basic"


def config_name(api_url: str) -> str:
    return f"OSM Roundtrip – {urlsplit(api_url).netloc or api_url}"


def store_token(token: str, api_url: str, config_id: str = "") -> str:
    """Save ``token`` (new configuration, or replace the one with ``config_id``); its id."""
    manager = _manager()
    if not manager.setMasterPassword(True):
        raise AuthStoreError(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "The QGIS master password is needed to store the login safely.",
            )
        )
    method = _method(manager)
    config = QgsAuthMethodConfig(method)
    config.setName(config_name(api_url))
    config.setUri(api_url)
    if method == "APIHeader":
        config.setConfig("Authorization", f"Bearer {token}")
    else:
        config.setConfig("username", BASIC_USER)
        config.setConfig("password", token)
    existing = QgsAuthMethodConfig()
    if config_id and manager.loadAuthenticationConfig(config_id, existing, False):
        config.setId(config_id)
        ok = manager.updateAuthenticationConfig(config)
    else:
        result = manager.storeAuthenticationConfig(config)
        # PyQGIS answers (ok, config) (the config is an in/out argument)
        ok, config = result if isinstance(result, tuple) else (result, config)
    if not ok or not config.id():
        raise AuthStoreError(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors", "The login could not be saved in the QGIS auth database."
            )
        )
    return config.id()


def load_token(config_id: str) -> Optional[str]:
    """The bearer token stored under ``config_id`` (``None`` when there is none)."""
    if not config_id:
        return None
    manager = _manager()
    config = QgsAuthMethodConfig()
    if not manager.loadAuthenticationConfig(config_id, config, True):
        return None
    if config.method() == "APIHeader":
        value = config.config("Authorization", "")
        return value[len("Bearer ") :] if value.startswith("Bearer ") else (value or None)
    return config.config("password", "") or None


def remove_token(config_id: str) -> None:
    if config_id:
        _manager().removeAuthenticationConfig(config_id)


def saved_token() -> Optional[str]:
    """The token of the configuration named in the plugin settings."""
    return load_token(plugin_settings.load().auth_config_id)


def remember(token: str, api_url: str) -> str:
    """Store ``token`` and record the configuration id in the settings (not the token)."""
    values = plugin_settings.load()
    config_id = store_token(token, api_url, values.auth_config_id)
    if config_id != values.auth_config_id:
        values.auth_config_id = config_id
        plugin_settings.save(values)
    return config_id
