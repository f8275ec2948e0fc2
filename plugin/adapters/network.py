"""The plugin's HTTP transport inside QGIS: the timeout of the settings and QGIS's proxy."""

from __future__ import annotations

from typing import Dict, Optional
from urllib.parse import quote, urlsplit

from qgis.core import QgsSettings

from ..core.http import HttpTransport
from . import settings as plugin_settings


def qgis_proxies(url: str) -> Optional[Dict[str, str]]:
    """``requests`` proxies from the QGIS network settings for ``url`` (``None``: no proxy set).

    Reads :class:`QgsSettings` only, so it is safe in any thread. The system proxy ("default
    proxy") is left to ``requests``, which reads the same environment variables.
    """
    store = QgsSettings()
    if str(store.value("proxy/proxyEnabled", False)).lower() not in ("true", "1"):
        return None
    host = str(store.value("proxy/proxyHost", "") or "").strip()
    kind = str(store.value("proxy/proxyType", "") or "")
    if not host or kind in ("", "DefaultProxy", "NoProxy"):
        return None
    for excluded in _as_list(store.value("proxy/proxyExcludedUrls", [])) + _as_list(
        store.value("proxy/noProxyUrls", [])
    ):
        if excluded and url.startswith(excluded):
            return None
    if urlsplit(url).hostname in ("localhost", "127.0.0.1", "::1"):
        return None
    port = str(store.value("proxy/proxyPort", "") or "").strip()
    user = str(store.value("proxy/proxyUser", "") or "")
    password = str(store.value("proxy/proxyPassword", "") or "")
    scheme = "socks5h" if kind == "Socks5Proxy" else "http"
    credentials = f"{quote(user, safe='')}:{quote(password, safe='')}@" if user else ""
    proxy = f"{scheme}://{credentials}{host}" + (f":{port}" if port else "")
    return {"http": proxy, "https": proxy}


def _as_list(value) -> list:
    if value is None:
        return []
    if isinstance(value, str):
        return [part for part in value.split("|") if part]
    return [str(part) for part in value]


def make_transport(url: str) -> HttpTransport:
    """The plugin's HTTP transport with the timeout of the settings and the QGIS proxy."""
    return HttpTransport(timeout=plugin_settings.load().timeout, proxies=qgis_proxies(url))
