"""Typed errors of the core.

Every error carries an English message template and its parameters. The template is marked with
``QT_TRANSLATE_NOOP("OsmRoundtripErrors", ...)`` -- the context written as a literal, which is
what ``pylupdate5`` needs to extract it into the translation files; the QGIS
adapters translate it with ``QCoreApplication.translate(CONTEXT, template)`` before showing it, so
the core stays free of Qt while the user still reads the message in their language.
"""

from __future__ import annotations

from typing import Optional

CONTEXT = "OsmRoundtripErrors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` without translating it (pure Python)."""
    return text


def translate(context: str, text: str, disambiguation=None, n: int = -1) -> str:
    """Mark a text with a count (``%n``) for translation with Qt's plural forms; returns it
    unchanged. Written ``translate(CONTEXT, "%n areas", None, count)`` (the shape ``pylupdate5``
    reads as a plural message); the :class:`Message` or error gets the count as ``n=``."""
    return text


def _translated_params(params: dict, translate) -> dict:
    """Parameters that are themselves translatable texts are translated too."""
    return {
        key: value.translated(translate) if isinstance(value, Message) else value
        for key, value in params.items()
    }


class Message:
    """A translatable text: an English template and its parameters (which may be Messages)."""

    __slots__ = ("n", "params", "template")

    def __init__(self, template: str, *, n: Optional[int] = None, **params: object) -> None:
        self.template = template
        self.params = params
        self.n = n  # the count of a plural message (``%n`` in the template)

    @property
    def message(self) -> str:
        template = self.template
        if self.n is not None:
            template = template.replace("%n", str(self.n))
        return template.format(**self.params)

    def translated(self, translate) -> str:
        """Text in the user's language; ``translate(context, text[, disambiguation, n])`` is
        Qt's translate (which puts the count in place of ``%n``)."""
        if self.n is None:
            text = translate(CONTEXT, self.template)
        else:
            text = translate(CONTEXT, self.template, None, self.n).replace("%n", str(self.n))
        return text.format(**_translated_params(self.params, translate))

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class OsmRoundtripError(Exception):
    """Base class of all errors the plugin reports to the user; its text is a :class:`Message`."""

    def __init__(self, template: str, *, n: Optional[int] = None, **params: object) -> None:
        self.template = template
        self.params = params
        self.n = n
        super().__init__(self.message)

    message = Message.message
    translated = Message.translated
    __str__ = Message.__str__


class ValidationError(OsmRoundtripError):
    """Invalid input detected before any request is sent."""


class TransportError(OsmRoundtripError):
    """A request could not be completed (network, HTTP status, bad payload)."""


class ConnectionFailed(TransportError):
    """No answer. ``not_sent``: the connection could not be made, so nothing was sent."""

    not_sent = False


class RequestTimeout(TransportError):
    pass


class Cancelled(OsmRoundtripError):
    """The user cancelled the operation."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("OsmRoundtripErrors", "The operation was cancelled."))


class HttpError(TransportError):
    """The server answered with an error status; ``body`` is the server's text."""

    def __init__(self, template: str, status: int, body: str = "", headers=None, **params) -> None:
        self.status = status
        self.body = body
        self.headers = dict(headers or {})
        super().__init__(template, status=status, body=body, **params)


class RateLimited(HttpError):
    """429/509 or a Nominatim 'blocked' answer; ``retry_after`` in seconds when the server said."""

    def __init__(
        self,
        template: str,
        status: int,
        body: str = "",
        headers=None,
        retry_after: float | None = None,
        **params,
    ) -> None:
        self.retry_after = retry_after
        super().__init__(template, status, body, headers, **params)


class BadPayload(TransportError):
    """The server answered 200 but with something we cannot read (HTML, invalid JSON/XML)."""
