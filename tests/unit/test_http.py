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


def test_html_instead_of_json_names_the_page_text_not_its_tags():
    from osm_roundtrip.plugin.core.errors import BadPayload

    page = b"<html><head><style>p{}</style></head><body><h1>Bad Gateway</h1></body></html>"
    response = Response(200, {"Content-Type": "text/html"}, page, "http://h/search")
    with pytest.raises(BadPayload, match="web page instead of data: Bad Gateway") as info:
        response.json()
    assert "<h1>" not in str(info.value)


def test_translatable_parameters_are_translated_with_the_message():
    from osm_roundtrip.plugin.core.errors import Message, ValidationError

    german = {"the {what} is long": "das Feld {what} ist lang", "comment": "Kommentar"}
    error = ValidationError("the {what} is long", what=Message("comment"))
    assert str(error) == "the comment is long"
    assert (
        error.translated(lambda _ctx, text: german.get(text, text)) == "das Feld Kommentar ist lang"
    )


def test_a_refused_connection_says_nothing_was_sent_a_dropped_one_does_not():
    import socket
    import threading

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nobody listens: refused before anything was sent
    with pytest.raises(ConnectionFailed) as refused:
        HttpTransport(timeout=5).request("POST", f"http://127.0.0.1:{port}/upload", data=b"x")
    assert refused.value.not_sent

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)

    def take_and_drop():  # reads the request, then closes without an answer
        connection, _ = server.accept()
        connection.recv(65536)
        connection.close()
        server.close()

    thread = threading.Thread(target=take_and_drop, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.getsockname()[1]}/upload"
    with pytest.raises(ConnectionFailed) as dropped:
        HttpTransport(timeout=5).request("POST", url, data=b"x")
    thread.join(5)
    assert not dropped.value.not_sent  # the request went out: its outcome is unknown
