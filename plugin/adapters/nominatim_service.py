"""Builds the Nominatim client from the plugin settings and the QGIS proxy configuration.

The dock, the reverse-geocoding tool and the Processing algorithms all get their client here, so
they share one cache per endpoint and one throttle per host.
"""

from __future__ import annotations

import threading
from typing import Dict, Optional
from urllib.parse import parse_qsl, urlsplit

from qgis.core import QgsNetworkAccessManager, QgsSettings
from qgis.PyQt.QtNetwork import QNetworkProxy

from ..core.http import HttpTransport
from ..core.nominatim import Endpoint, NominatimClient, ResponseCache
from . import i18n
from . import settings as plugin_settings

_PROXY_SCHEMES = {
    QNetworkProxy.ProxyType.HttpProxy: "http",
    QNetworkProxy.ProxyType.HttpCachingProxy: "http",
    QNetworkProxy.ProxyType.Socks5Proxy: "socks5h",
}
_LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")

_CACHES: Dict[str, ResponseCache] = {}
_CACHES_LOCK = threading.Lock()


def _excluded(url: str) -> bool:
    """True when QGIS is told to reach ``url`` without a proxy (or it is on this machine)."""
    host = (urlsplit(url).hostname or "").lower()
    if host in _LOOPBACK:
        return True
    manager = QgsNetworkAccessManager.instance()
    prefixes = list(manager.excludeList()) + list(getattr(manager, "noProxyList", list)())
    store = QgsSettings()
    for key in ("proxy/proxyExcludedUrls", "proxy/noProxyUrls"):
        value = store.value(key, "")
        if isinstance(value, str):
            prefixes += value.split("|")
        elif value:
            prefixes += list(value)
    return any(prefix.strip() and url.startswith(prefix.strip()) for prefix in prefixes)


def proxies_for(url: str) -> Optional[Dict[str, str]]:
    """``requests`` proxies for ``url`` from QGIS's proxy settings; ``None`` means direct.

    A "default proxy" in QGIS is the system's: ``requests`` picks it from the environment itself.
    """
    if _excluded(url):
        return None
    proxy = QgsNetworkAccessManager.instance().fallbackProxy()
    store = QgsSettings()
    enabled = str(store.value("proxy/proxyEnabled", "false")).lower() in ("true", "1")
    scheme = _PROXY_SCHEMES.get(proxy.type())
    if not enabled or scheme is None or not proxy.hostName():
        return None
    auth = ""
    if proxy.user():
        auth = proxy.user() + (":" + proxy.password() if proxy.password() else "") + "@"
    port = f":{proxy.port()}" if proxy.port() > 0 else ""
    address = f"{scheme}://{auth}{proxy.hostName()}{port}"
    return {"http": address, "https": address}


def shared_cache(base_url: str) -> ResponseCache:
    """One answer cache per endpoint for the whole QGIS session."""
    with _CACHES_LOCK:
        cache = _CACHES.get(base_url)
        if cache is None:
            cache = _CACHES[base_url] = ResponseCache()
        return cache


def endpoint(
    url: Optional[str] = None,
    interval: Optional[float] = None,
    values: Optional[plugin_settings.Settings] = None,
) -> Endpoint:
    """The endpoint of the settings, or ``url`` when given.

    The settings' fixed parameters (a provider's ``key``) are only sent to the configured server,
    never to another URL. ``interval`` overrides the configured seconds between requests (the
    public server never goes below its policy's 1 s).
    """
    values = values or plugin_settings.load()
    configured = values.nominatim_url.strip().rstrip("/") or plugin_settings.PUBLIC_NOMINATIM
    base = (url or "").strip().rstrip("/") or configured
    extra = tuple(parse_qsl(values.nominatim_params, keep_blank_values=True))
    return Endpoint(
        base,
        extra_params=extra if base == configured else (),
        min_interval=values.nominatim_interval if interval is None else interval,
        email=values.contact_email.strip() or None,
    )


def client(
    url: Optional[str] = None,
    interval: Optional[float] = None,
    cache: Optional[ResponseCache] = None,
) -> NominatimClient:
    """A client for the configured (or given) endpoint with the QGIS proxies and timeout."""
    values = plugin_settings.load()
    target = endpoint(url, interval, values)
    transport = HttpTransport(timeout=values.timeout, proxies=proxies_for(target.base_url))
    return NominatimClient(
        target,
        transport=transport,
        cache=cache if cache is not None else shared_cache(target.base_url),
    )


def default_language() -> str:
    """The ``accept-language`` the user gets unless they choose another: the QGIS locale."""
    code = i18n.language()
    return code if len(code) == 2 and code.isalpha() else ""
