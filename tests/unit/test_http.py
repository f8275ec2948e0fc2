import pytest
from osm_roundtrip.plugin.core.errors import ConnectionFailed, HttpError, RateLimited
from osm_roundtrip.plugin.core.http import HttpTransport, Response, Throttle, raise_for_status


def test_connection_refused_is_a_clear_error():
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    with pytest.raises(ConnectionFailed, match=r"Could not connect to 127\.0\.0\.1"):
        HttpTransport(timeout=2).request("GET", f"http://127.0.0.1:{port}/")


@pytest.mark.parametrize(
    ("status", "error"), [(429, RateLimited), (509, RateLimited), (500, HttpError)], ids=str
)
def test_error_status_keeps_server_text(status, error):
    response = Response(status, {"Retry-After": "7", "Content-Type": "text/plain"}, b"Go away", "u")
    with pytest.raises(error, match="Go away") as info:
        raise_for_status(response)
    assert info.value.status == status
    if error is RateLimited:
        assert info.value.retry_after == 7


def test_throttle_spaces_requests():
    now = [0.0]
    throttle = Throttle(1.0, clock=lambda: now[0], sleep=lambda s: now.__setitem__(0, now[0] + s))
    throttle.wait()
    throttle.wait()
    throttle.wait()
    assert now[0] == pytest.approx(2.0)
