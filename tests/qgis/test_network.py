"""The HTTP transport follows the QGIS proxy settings."""

from __future__ import annotations

import pytest
from qgis.core import QgsSettings

from osm_roundtrip.plugin.adapters.network import make_transport, qgis_proxies


@pytest.fixture
def proxy_settings():
    store = QgsSettings()
    values = {
        "proxy/proxyEnabled": True,
        "proxy/proxyType": "HttpProxy",
        "proxy/proxyHost": "proxy.example.org",
        "proxy/proxyPort": "3128",
        "proxy/proxyUser": "ana",
        "proxy/proxyPassword": "p@ss",
        "proxy/proxyExcludedUrls": "https://intranet.example.org|",
    }
    for key, value in values.items():
        store.setValue(key, value)
    yield store
    for key in values:
        store.remove(key)


def test_no_proxy_configured_means_direct():
    assert qgis_proxies("https://api.openstreetmap.org/api/0.6") is None


def test_configured_proxy_is_used_with_quoted_credentials(proxy_settings):
    expected = "http://ana:p%40ss@proxy.example.org:3128"
    assert qgis_proxies("https://nominatim.openstreetmap.org") == {
        "http": expected,
        "https": expected,
    }
    assert make_transport("https://api.openstreetmap.org").proxies == {
        "http": expected,
        "https": expected,
    }


@pytest.mark.parametrize(
    "url",
    ["https://intranet.example.org/api/0.6", "http://127.0.0.1:8111/api/0.6", "http://localhost/"],
    ids=["excluded-by-settings", "loopback-ip", "localhost"],
)
def test_excluded_and_local_urls_go_direct(proxy_settings, url):
    assert qgis_proxies(url) is None


def test_socks_proxy(proxy_settings):
    proxy_settings.setValue("proxy/proxyType", "Socks5Proxy")
    assert qgis_proxies("https://example.org")["https"].startswith("socks5h://")
