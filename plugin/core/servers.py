"""Which server a download, an upload and a token belong to (pure Python).

* A download's GeoPackage records the API it came from (``osm_meta.api_url``). Its upload goes
  there and nowhere else: :func:`upload_server` refuses any other address, whatever the
  settings say now. A file that records no server (made from an ``.osm`` file) goes to the
  address the caller names (the settings' server).
* An OAuth token is kept per API *origin* (scheme, host and port: :func:`origin`) and is sent
  to that origin only. The origin, not the host alone: ``http://127.0.0.1:8111`` and
  ``http://127.0.0.1:9000`` are two servers, and a token for ``https://`` never travels over
  plain ``http://``.
* Addresses of one server are one origin: ``www.openstreetmap.org``, ``openstreetmap.org`` and
  ``api.openstreetmap.org`` are the same Rails application (and the same for the development
  server's aliases); default ports are dropped, host names compared in lower case.
"""

from __future__ import annotations

from typing import Optional
from urllib.parse import urlsplit

from .errors import QT_TRANSLATE_NOOP, ValidationError

ALIASES = {
    "www.openstreetmap.org": "api.openstreetmap.org",
    "openstreetmap.org": "api.openstreetmap.org",
    "master.apis.dev.osm.org": "master.apis.dev.openstreetmap.org",
    "api06.dev.openstreetmap.org": "master.apis.dev.openstreetmap.org",
}
DEFAULT_PORTS = {"http": 80, "https": 443}
# the website of an API host, where it is another host (the API's aliases fold to these)
WEBSITES = {
    "api.openstreetmap.org": "www.openstreetmap.org",
}


class OtherServer(ValidationError):
    """An upload or a token was aimed at a server it does not belong to."""


class NotLoggedIn(ValidationError):
    def __init__(self, api_url: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "Not logged in to {server}: log in to that server first.",
            ),
            server=origin(api_url) or api_url,
        )


def origin(url: Optional[str]) -> str:
    """``scheme://host[:port]`` of ``url`` (aliases and default ports folded), ``""`` when
    ``url`` is not an http(s) address with a host."""
    try:
        parts = urlsplit((url or "").strip())
        port = parts.port
    except ValueError:
        return ""
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme not in DEFAULT_PORTS or not host:
        return ""
    host = ALIASES.get(host, host)
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port is not None and port != DEFAULT_PORTS[scheme]:
        return f"{scheme}://{host}:{port}"
    return f"{scheme}://{host}"


def api_path(url: str) -> str:
    """The path of the API base (``/api/0.6``) for ``https://host``, ``…/api`` or ``…/api/0.6``."""
    path = urlsplit((url or "").strip()).path.rstrip("/")
    if path.endswith("/api/0.6"):
        return path
    if path.endswith("/api"):
        return path + "/0.6"
    return path + "/api/0.6"


def canonical_api(url: Optional[str]) -> str:
    """One spelling per API: origin and API path (``""`` for no usable address)."""
    base = origin(url)
    return base + api_path(url or "") if base else ""


def same_api(first: Optional[str], second: Optional[str]) -> bool:
    """Whether both addresses name the same OSM API."""
    one = canonical_api(first)
    return bool(one) and one == canonical_api(second)


def same_origin(first: Optional[str], second: Optional[str]) -> bool:
    """Whether a token for ``first`` may be sent to ``second``."""
    one = origin(first)
    return bool(one) and one == origin(second)


def upload_server(recorded: str, requested: str = "") -> str:
    """The API an upload of a download goes to.

    ``recorded`` is the server the download came from (its ``osm_meta.api_url``), ``requested``
    the one the caller would use (the settings', a parameter). A recorded server wins; a
    different ``requested`` one is refused before anything is sent.
    """
    if recorded:
        if requested and not same_api(recorded, requested):
            raise OtherServer(
                QT_TRANSLATE_NOOP(
                    "OsmRoundtripErrors",
                    "This data was downloaded from {recorded} and is uploaded only there, not "
                    "to {requested}.",
                ),
                recorded=recorded,
                requested=requested,
            )
        return recorded.rstrip("/")
    if not origin(requested):
        raise OtherServer(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "The data does not record the server it came from and no API address was given.",
            )
        )
    return requested.rstrip("/")


def recorded_server(gpkg_path) -> str:
    """The API a download's GeoPackage came from (``""`` when it records none)."""
    from .gpkg import read_meta

    return (read_meta(gpkg_path).get("api_url") or "").strip()


def check_token_server(token_server: str, api_url: str) -> None:
    """Refuse to send a token issued for ``token_server`` to ``api_url``."""
    if not origin(token_server):
        raise OtherServer(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "The login does not say which server it belongs to, so it is not sent to "
                "{requested}. Enter that server's address as the URL of the authentication "
                "configuration, or log in from the plugin.",
            ),
            requested=api_url,
        )
    if not same_origin(token_server, api_url):
        raise OtherServer(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "The login belongs to {token_server}; it is never sent to {requested}.",
            ),
            token_server=origin(token_server),
            requested=origin(api_url) or api_url,
        )


def check_resume_server(started: str, requested: str) -> None:
    """An interrupted upload (its journal says where it went) continues only on that server."""
    if started and not same_api(started, requested):
        raise OtherServer(
            QT_TRANSLATE_NOOP(
                "OsmRoundtripErrors",
                "The interrupted upload of this file went to {recorded}; it continues only "
                "there, not on {requested}.",
            ),
            recorded=started,
            requested=requested,
        )


def website(api_url: str) -> str:
    """The web address of the server whose API is ``api_url`` (``https://www.openstreetmap.org``
    for the production API; elsewhere the API's origin and the path before ``/api/0.6``)."""
    base = origin(api_url)
    if not base:
        return ""
    scheme, host = base.split("://", 1)
    name = host.split(":", 1)[0] if not host.startswith("[") else host
    if name in WEBSITES:
        host = host.replace(name, WEBSITES[name], 1)
    prefix = api_path(api_url)[: -len("/api/0.6")]
    return f"{scheme}://{host}{prefix}"


def changeset_url(api_url: str, changeset: int) -> str:
    """The web page of ``changeset`` on the server whose API is ``api_url``."""
    return f"{website(api_url)}/changeset/{int(changeset)}"
