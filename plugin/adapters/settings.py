"""The plugin's settings, declared once and read through this module only.

Values live in ``QgsSettings`` under ``osm_roundtrip/``. Secrets never live here: OAuth tokens are
kept in the QGIS authentication database and only the ids of those auth configurations are stored,
one per API origin (``auth_config_ids``, see :mod:`.auth`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import List

from qgis.core import QgsSettings

from ..core.servers import same_origin

PREFIX = "osm_roundtrip/"
RECENT_COMMENTS = 10  # changeset comments offered again in the review

PUBLIC_NOMINATIM = "https://nominatim.openstreetmap.org"
OSM_SERVERS = {
    # key: (API base URL, OAuth 2.0 base URL)
    "production": ("https://api.openstreetmap.org/api/0.6", "https://www.openstreetmap.org/oauth2"),
    "dev": (
        "https://master.apis.dev.openstreetmap.org/api/0.6",
        "https://master.apis.dev.openstreetmap.org/oauth2",
    ),
}


@dataclass
class Settings:
    """Every setting of the plugin with its default."""

    nominatim_url: str = PUBLIC_NOMINATIM
    nominatim_params: str = ""  # fixed extra parameters of key-based providers, e.g. "key=abc"
    nominatim_interval: float = 1.0  # seconds between requests (the public server forces >= 1)
    osm_server: str = "production"  # production | dev | sandbox | custom
    sandbox_url: str = "http://127.0.0.1:8111"
    custom_api_url: str = ""
    oauth_client_id: str = ""
    auth_config_ids: str = ""  # JSON {API origin: id of the QGIS auth configuration}
    auth_config_id: str = ""  # before tokens were kept per server: migrated by auth, then ""
    account_names: str = ""  # JSON {API origin: display name of the login there} (see auth)
    contact_email: str = ""
    language: str = ""  # empty: follow the QGIS locale
    timeout: float = 30.0
    download_folder: str = ""  # new downloads when the project is not saved; "": ask
    recent_comments: str = ""  # JSON list of the last changeset comments, newest first
    last_source: str = ""  # the source of the last changeset
    last_hashtags: str = ""  # the hashtags of the last changeset
    download_folder: str = ""  # folder for new downloads; empty: the project's folder

    def comments(self) -> List[str]:
        """The recent changeset comments, newest first."""
        try:
            values = json.loads(self.recent_comments or "[]")
        except ValueError:
            return []
        return [v for v in values if isinstance(v, str) and v.strip()][:RECENT_COMMENTS]

    def add_comment(self, comment: str) -> None:
        """Put ``comment`` first in the recent comments (at most :data:`RECENT_COMMENTS`)."""
        comment = comment.strip()
        if comment:
            rest = [c for c in self.comments() if c != comment]
            self.recent_comments = json.dumps([comment, *rest][:RECENT_COMMENTS])

    def api_url(self) -> str:
        """Base URL (ending in ``/api/0.6``) of the OSM API chosen in the settings."""
        if self.osm_server in OSM_SERVERS:
            return OSM_SERVERS[self.osm_server][0]
        if self.osm_server == "sandbox":
            return self.sandbox_url.rstrip("/") + "/api/0.6"
        return self.custom_api_url.rstrip("/")

    def oauth_url(self) -> str:
        return oauth_url_for(self.api_url())


def oauth_url_for(api_url: str) -> str:
    """The OAuth 2.0 base URL of the server of ``api_url``."""
    for api, oauth in OSM_SERVERS.values():
        if same_origin(api, api_url):
            return oauth
    base = api_url.rstrip("/")
    return base[: -len("/api/0.6")] + "/oauth2" if base.endswith("/api/0.6") else base


def load() -> Settings:
    """Read all settings (defaults for the ones never written)."""
    store = QgsSettings()
    values = {}
    for field in fields(Settings):
        default = field.default
        raw = store.value(PREFIX + field.name, default)
        try:
            values[field.name] = type(default)(raw) if raw is not None else default
        except (TypeError, ValueError):
            values[field.name] = default
    return Settings(**values)


def save(settings: Settings) -> None:
    store = QgsSettings()
    for field in fields(Settings):
        store.setValue(PREFIX + field.name, getattr(settings, field.name))
