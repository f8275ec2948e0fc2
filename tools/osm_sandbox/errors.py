"""The one exception type the request handlers raise: an HTTP status with production's text."""

from __future__ import annotations

from typing import Mapping

REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    408: "Request Timeout",
    409: "Conflict",
    410: "Gone",
    412: "Precondition Failed",
    413: "Payload Too Large",
    415: "Unsupported Media Type",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
    509: "Bandwidth Limit Exceeded",
}


class ApiError(Exception):
    """``style`` is ``"cgimap"`` or ``"rails"``: which production component would answer."""

    def __init__(
        self,
        status: int,
        message: str = "",
        *,
        style: str = "cgimap",
        headers: Mapping[str, str] | None = None,
    ):
        super().__init__(message)
        self.status = status
        self.message = message
        self.style = style
        self.headers = dict(headers or {})


class PayloadError(ApiError):
    """A 400 raised while reading an osmChange; gets `` at line L, column C`` appended."""

    def __init__(self, message: str):
        super().__init__(400, message)
