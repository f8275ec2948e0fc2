"""Builds the Nominatim client from the plugin settings and the QGIS proxy configuration.

The dock, the reverse-geocoding tool and the Processing algorithms all get their client here, so
they share one cache per endpoint and one throttle per host.
"""

from __future__ import annotations

import threading
from typing import Dict, Optional
from urllib.parse import parse_qsl

from ..core.http import HttpTransport
from ..core.nominatim import Endpoint, NominatimClient, ResponseCache
from . import i18n
from . import settings as plugin_settings
from .network import qgis_proxies

_CACHES: Dict[str, ResponseCache] = {}
_CACHES_LOCK = threading.Lock()


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
    transport = HttpTransport(timeout=values.timeout, proxies=qgis_proxies(target.base_url))
    return NominatimClient(
        target,
        transport=transport,
        cache=cache if cache is not None else shared_cache(target.base_url),
    )


def default_language() -> str:
    """The ``accept-language`` the user gets unless they choose another: the QGIS locale."""
    code = i18n.language()
    return code if len(code) == 2 and code.isalpha() else ""
