"""The HTTP side of the sandbox: routing, formats, auth, OAuth 2.0, faults, test control."""

from __future__ import annotations

import base64
import contextlib
import gzip
import hashlib
import html
import json
import re
import secrets
import socket
import sys
import threading
import time
import traceback
import zlib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from lxml import etree

from . import formats as fm
from .errors import REASONS, ApiError
from .store import COLS, DEFAULT_SEED_TIME, TABLE, TYPES, Store, dump_tags, row_to_element
from .upload import Upload

MAX_PAYLOAD = 50_000_000
MAX_DISCARD = 256 * 1024 * 1024
MAX_NODES = 50_000
MAX_AREA = 0.25
ALL_SCOPES = [
    "read_prefs",
    "write_prefs",
    "write_diary",
    "write_api",
    "write_changeset_comments",
    "read_gpx",
    "write_gpx",
    "write_notes",
    "write_redactions",
    "write_blocks",
    "consume_messages",
    "send_messages",
    "openid",
]
DEFAULT_SCOPES = "read_prefs write_api"
OOB = "urn:ietf:wg:oauth:2.0:oob"
LOOPBACK_HOSTS = ("127.0.0.1", "[::1]", "::1")

BBOX_SYNTAX = (
    "The parameter bbox is required, and must be of the form min_lon,min_lat,max_lon,max_lat."
)
BBOX_RANGE = (
    "The latitudes must be between -90 and 90, longitudes between -180 and 180 and the minima "
    "must be less than the maxima."
)
BBOX_AREA = (
    "The maximum bbox size is {:f}, and your request was too large. Either request a smaller "
    "area, or use planet.osm"
)
TOO_MANY_NODES = (
    "You requested too many nodes (limit is {}). Either request a smaller area, or use planet.osm"
)
RAILS_NO_AUTH = "Couldn't authenticate you"
RAILS_NO_SCOPE = "You have not permitted the application access to this facility"
DOORKEEPER_ERRORS = {
    "invalid_request": "The request is missing a required parameter, includes an unsupported "
    "parameter value, or is otherwise malformed.",
    "invalid_client": "Client authentication failed due to unknown client, no client "
    "authentication included, or unsupported authentication method.",
    "invalid_grant": "The provided authorization grant is invalid, expired, revoked, does not "
    "match the redirection URI used in the authorization request, or was issued to another "
    "client.",
    "unsupported_grant_type": "The authorization grant type is not supported by the "
    "authorization server.",
    "unsupported_response_type": "The authorization server does not support this response type.",
    "invalid_scope": "The requested scope is invalid, unknown, or malformed.",
    "access_denied": "The resource owner or authorization server denied the request.",
    "invalid_redirect_uri": "The requested redirect uri is malformed or doesn't match client "
    "redirect URI.",
}


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    content_type: str | None = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Fault:
    ident: int
    kind: str
    path: str | None = None
    method: str | None = None
    times: int = 1
    status: int | None = None
    retry_after: int | None = None
    body: str | None = None
    seconds: float = 0.0

    def matches(self, method: str, path: str) -> bool:
        if self.times == 0:
            return False
        if self.method and self.method.upper() != method:
            return False
        return not self.path or re.search(self.path, path) is not None

    def describe(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


class Sandbox:
    """Everything the request handlers share."""

    def __init__(
        self,
        store: Store,
        *,
        tokens: list[tuple[str, str, str]] = (),
        oauth_client_id: str = "osm-sandbox",
        oauth_redirect_uris: list[str] = (),
        auto_approve: str | None = None,
        test_control: bool = False,
        verbose: bool = False,
        discovery: bool = True,
        api_timeout: int = 300,
    ):
        self.store = store
        self.discovery = discovery  # False: no Rails-only calls (RAILS_ONLY), as CGImap alone
        self.api_timeout = api_timeout
        self.tokens: dict[str, dict[str, Any]] = {}
        self.codes: dict[str, dict[str, Any]] = {}
        self.faults: list[Fault] = []
        self.fault_seq = 0
        self.fault_lock = threading.Lock()
        self.clock_offset = 0
        self.clock_frozen: int | None = None  # the wall time the clock stands still at
        self.oauth_client_id = oauth_client_id
        self.oauth_redirect_uris = list(oauth_redirect_uris)
        self.auto_approve = self.user_id(auto_approve) if auto_approve else None
        self.test_control = test_control
        self.verbose = verbose
        for token, user, scopes in tokens:
            self.add_token(user, scopes, token)

    def now(self) -> int:
        wall = self.clock_frozen if self.clock_frozen is not None else int(time.time())
        return wall + self.clock_offset

    def user_id(self, user: str | int) -> int:
        users = self.store.users
        if isinstance(user, int) or str(user).isdigit():
            uid = int(user)
            if uid in users:
                return uid
        else:
            for uid, name in users.items():
                if name == user:
                    return uid
        raise ValueError(f"unknown user {user!r}; known: {', '.join(sorted(users.values()))}")

    def add_token(self, user: str | int, scopes: str = DEFAULT_SCOPES, token: str | None = None):
        uid = self.user_id(user)
        scope_list = [s for s in re.split(r"[\s,+]+", scopes or "") if s]
        unknown = [s for s in scope_list if s not in ALL_SCOPES]
        if unknown:
            raise ValueError(f"unknown scopes {unknown}")
        token = token or secrets.token_urlsafe(32)
        self.tokens[token] = {
            "uid": uid,
            "scopes": scope_list,
            "revoked": False,
            "created_at": int(time.time()),
            "client_id": None,
        }
        return token

    def take_fault(self, method: str, path: str) -> Fault | None:
        with self.fault_lock:
            for fault in self.faults:
                if fault.matches(method, path):
                    if fault.times > 0:
                        fault.times -= 1
                    return fault
        return None


# --------------------------------------------------------------------------------------------


def _split_suffix(path: str) -> tuple[str, str | None]:
    for suffix in (".json", ".xml"):
        if path.endswith(suffix):
            return path[: -len(suffix)], suffix[1:]
    return path, None


ID = r"([0-9]+)"
ELEM = r"(node|way|relation)"
SUFFIX = r"(?:\.json|\.xml)?"


class Route:
    def __init__(self, methods: str, pattern: str, name: str, style: str, fmt: bool = True):
        self.methods = methods.split()
        self.regex = re.compile(pattern + (SUFFIX if fmt else "") + "$")
        self.name = name
        self.style = style


ROUTES = [
    Route("GET HEAD", r"/api/versions", "versions", "rails"),
    Route("GET HEAD", r"/api/(?:0\.6/)?capabilities", "capabilities", "rails"),
    Route("GET HEAD", r"/api/0\.6/permissions", "permissions", "rails"),
    Route("GET HEAD", r"/api/0\.6/user/details", "user_details", "rails"),
    Route("GET HEAD", r"/api/0\.6/map", "map", "cgimap"),
    Route("GET HEAD", rf"/api/0\.6/{ELEM}/{ID}", "element", "cgimap"),
    Route("GET HEAD", rf"/api/0\.6/{ELEM}/{ID}/history", "history", "cgimap"),
    Route("GET HEAD", rf"/api/0\.6/{ELEM}/{ID}/relations", "relations_of", "cgimap"),
    Route("GET HEAD", rf"/api/0\.6/(node)/{ID}/ways", "ways_of", "cgimap"),
    Route("GET HEAD", rf"/api/0\.6/(way|relation)/{ID}/full", "full", "cgimap"),
    Route("GET HEAD", rf"/api/0\.6/{ELEM}/{ID}/{ID}", "old_version", "rails"),
    Route("GET HEAD", r"/api/0\.6/(nodes|ways|relations)", "multi", "cgimap"),
    Route("PUT", r"/api/0\.6/changeset/create", "changeset_create", "rails", fmt=False),
    Route("POST", r"/api/0\.6/changesets", "changeset_create", "rails", fmt=False),
    Route("GET HEAD", r"/api/0\.6/changesets", "changeset_query", "rails"),
    Route("GET HEAD", rf"/api/0\.6/changeset/{ID}", "changeset_show", "rails"),
    Route("PUT", rf"/api/0\.6/changeset/{ID}", "changeset_update", "rails"),
    Route("PUT", rf"/api/0\.6/changeset/{ID}/close", "changeset_close", "rails", fmt=False),
    Route("POST", rf"/api/0\.6/changeset/{ID}/upload", "upload", "cgimap"),
    Route("GET HEAD", rf"/api/0\.6/changeset/{ID}/download", "download", "cgimap"),
    Route("GET HEAD", r"/oauth2/authorize", "oauth_authorize", "oauth", fmt=False),
    Route("POST", r"/oauth2/authorize", "oauth_decide", "oauth", fmt=False),
    Route("GET HEAD", r"/oauth2/authorize/native", "oauth_native", "oauth", fmt=False),
    Route("POST", r"/oauth2/token", "oauth_token", "oauth", fmt=False),
    Route("POST", r"/oauth2/revoke", "oauth_revoke", "oauth", fmt=False),
    Route(
        "GET HEAD", r"/\.well-known/oauth-authorization-server", "oauth_metadata", "oauth", False
    ),
]
# Rails only: an API served by CGImap alone (``--no-discovery``) answers 404
RAILS_ONLY = ("capabilities", "permissions", "user_details")
# CGImap answers every method on these paths, 405 for the ones it does not serve.
CGIMAP_405 = [
    (re.compile(r"/api/0\.6/map" + SUFFIX + "$"), "GET, HEAD, OPTIONS"),
    (re.compile(rf"/api/0\.6/changeset/{ID}/upload" + SUFFIX + "$"), "POST, OPTIONS"),
    (re.compile(rf"/api/0\.6/changeset/{ID}/download" + SUFFIX + "$"), "GET, HEAD, OPTIONS"),
    (re.compile(rf"/api/0\.6/{ELEM}/{ID}/(?:history|relations|full|ways)" + SUFFIX + "$"),
     "GET, HEAD, OPTIONS"),
]  # fmt: skip
CONTROL_PREFIX = "/__sandbox__/"


def negotiate(suffix: str | None, accept: str | None, path: str, style: str) -> str:
    """``xml`` or ``json`` as Rails/CGImap choose it; 406 when nothing acceptable was asked."""
    if suffix:
        return suffix
    if accept is None or not accept.strip():
        return "xml"
    items = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        q = 1.0
        for param in fields[1:]:
            if param.lower().startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        items.append((-q, i, media))
    for _, _, media in sorted(items):
        if media in ("application/json",):
            return "json"
        if media in ("application/xml", "text/xml", "*/*", "text/*", "*", ""):
            return "xml"
    if style == "cgimap":
        raise ApiError(406, f"Acceptable formats for {path} are: application/xml, application/json")
    raise ApiError(406, "", style="rails")


def parse_stod(text: str) -> float:
    """``std::stod``: leading blanks skipped, a numeric prefix is enough."""
    m = re.match(r"\s*[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)", text, re.I)
    if not m:
        raise ValueError(text)
    return float(m.group())


def parse_bbox(value: str | None) -> tuple[float, float, float, float]:
    if value is None:
        raise ApiError(400, BBOX_SYNTAX)
    parts = value.split(",")
    if len(parts) != 4:
        raise ApiError(400, BBOX_SYNTAX)
    try:
        minlon, minlat, maxlon, maxlat = (parse_stod(p) for p in parts)
    except ValueError:
        raise ApiError(400, BBOX_SYNTAX) from None
    if not (-90 <= minlat <= maxlat <= 90 and -180 <= minlon <= maxlon <= 180):  # NaN fails too
        raise ApiError(400, BBOX_RANGE)
    if (maxlon - minlon) * (maxlat - minlat) > MAX_AREA:
        raise ApiError(400, BBOX_AREA.format(MAX_AREA))
    return minlat, minlon, maxlat, maxlon


def scaled(value: float) -> int:
    v = value * 10_000_000
    return int(v + 0.5) if v >= 0 else -int(-v + 0.5)


def rails_changeset_tags(body: bytes) -> dict[str, str]:
    """``Changeset.from_xml``: only ``osm/changeset/tag`` elements are read."""
    text = body.decode("utf-8", errors="replace")
    prefix = f"Cannot parse valid changeset from xml string {text}. "
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(body, parser) if body.strip() else None
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ApiError(400, prefix + str(exc), style="rails") from None
    cs = root.find("changeset") if root is not None and root.tag == "osm" else None
    if cs is None:
        raise ApiError(400, prefix + "XML doesn't contain an osm/changeset element.", style="rails")
    tags: dict[str, str] = {}
    for tag in cs.findall("tag"):
        k, v = tag.get("k"), tag.get("v")
        if k is None:
            raise ApiError(400, prefix + "tag is missing key", style="rails")
        if v is None:
            raise ApiError(400, prefix + "tag is missing value", style="rails")
        if k in tags:
            raise ApiError(
                400, f"Element changeset/ has duplicate tags with key {k}", style="rails"
            )
        for attr, val in (("k", k), ("v", v)):
            if len(val) > 255:
                raise ApiError(
                    400,
                    f"ChangesetTag : {attr}: is too long (maximum is 255 characters) "
                    f"({json.dumps(val, ensure_ascii=False)})",
                    style="rails",
                )
        tags[k] = v
    return tags


def _header_safe(text: str) -> str:
    text = " ".join(text.splitlines())[:250]
    return text.encode("latin-1", errors="replace").decode("latin-1")


# --------------------------------------------------------------------------------------------


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "osm-sandbox"
    sys_version = ""
    sandbox: Sandbox  # set on the subclass made by make_server

    # -- plumbing -----------------------------------------------------------------------------

    def log_message(self, format: str, *args: Any) -> None:
        if self.sandbox.verbose:
            sys.stderr.write(f"{self.address_string()} - {format % args}\n")

    def do_GET(self) -> None:
        self.dispatch("GET")

    def do_HEAD(self) -> None:
        self.dispatch("HEAD")

    def do_POST(self) -> None:
        self.dispatch("POST")

    def do_PUT(self) -> None:
        self.dispatch("PUT")

    def do_DELETE(self) -> None:
        self.dispatch("DELETE")

    def do_PATCH(self) -> None:
        self.dispatch("PATCH")

    def do_OPTIONS(self) -> None:
        self.dispatch("OPTIONS")

    def read_body(self) -> bytes:
        """The request body; 413 (after discarding it, so that the client reads the answer)
        when it is larger than production's limit."""
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks, total = [], 0
            while True:
                line = self.rfile.readline(1024)
                try:
                    size = int(line.split(b";")[0].strip() or b"0", 16)
                except ValueError:
                    raise ApiError(400, "Invalid chunked request body") from None
                if size == 0:
                    while self.rfile.readline(1024).strip():
                        pass
                    break
                total += size
                data = self.rfile.read(size)
                self.rfile.readline(8)
                if total <= MAX_PAYLOAD:
                    chunks.append(data)
                elif total > MAX_DISCARD:
                    self.close_connection = True
                    break
            if total > MAX_PAYLOAD:
                raise ApiError(413, f"Payload exceeds limit of {MAX_PAYLOAD} bytes")
            return b"".join(chunks)
        length_text = self.headers.get("Content-Length")
        if not length_text:
            return b""
        try:
            length = int(length_text)
        except ValueError:
            raise ApiError(400, "Invalid Content-Length") from None
        if length > MAX_PAYLOAD:
            if length <= MAX_DISCARD:
                remaining = length
                while remaining > 0:
                    got = self.rfile.read(min(remaining, 1 << 20))
                    if not got:
                        break
                    remaining -= len(got)
            else:
                self.close_connection = True
            raise ApiError(413, f"CONTENT_LENGTH exceeds limit of {MAX_PAYLOAD} bytes")
        return self.rfile.read(length) if length > 0 else b""

    def send(self, resp: Response, method: str) -> None:
        self.send_response(resp.status, REASONS.get(resp.status))
        if resp.content_type:
            self.send_header("Content-Type", resp.content_type)
        for key, value in resp.headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(resp.body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if method != "HEAD" and resp.body:
            self.wfile.write(resp.body)

    def drop(self) -> None:
        """Close the connection without answering (a reset, as a crashed proxy would)."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
            )

    def dispatch(self, method: str) -> None:
        url = urlsplit(self.path)
        path = url.path
        self.query = parse_qs(url.query, keep_blank_values=True)
        self.style = "cgimap"
        try:
            body = self.read_body()
        except ApiError as err:
            self.send(self.error_response(err), method)
            return
        if self.sandbox.test_control and path.startswith(CONTROL_PREFIX):
            self.send(self.control(method, path[len(CONTROL_PREFIX) :], body), method)
            return
        fault = self.sandbox.take_fault(method, path)
        if fault is not None:
            if fault.kind == "delay":
                time.sleep(fault.seconds)
            elif fault.kind == "drop_before":
                self.drop()
                return
            elif fault.kind in ("status", "html"):
                self.send(self.fault_response(fault), method)
                return
        try:
            resp = self.route(method, path, body)
        except ApiError as err:
            resp = self.error_response(err)
        except Exception as exc:  # never a traceback in a body
            traceback.print_exc(file=sys.stderr)
            resp = Response(500, f"{type(exc).__name__}: {exc}".encode())
            resp.headers["Error"] = _header_safe(f"{type(exc).__name__}: {exc}")
        if fault is not None and fault.kind == "drop_after":
            self.drop()
            return
        self.send(resp, method)

    def route(self, method: str, path: str, body: bytes) -> Response:
        for route in ROUTES:
            m = route.regex.match(path)
            if m and method in route.methods:
                if route.name in RAILS_ONLY and not self.sandbox.discovery:
                    raise ApiError(404, "", style="cgimap")
                self.style = route.style if route.style != "oauth" else "rails"
                _, suffix = _split_suffix(path)
                return getattr(self, "h_" + route.name)(*m.groups(), body=body, suffix=suffix)
        for regex, allow in CGIMAP_405:
            if regex.match(path):
                if method == "OPTIONS":
                    return Response(200, b"", None, {"Allow": allow})
                raise ApiError(405, "", headers={"Allow": allow})
        raise ApiError(404, "", style="rails")

    def error_response(self, err: ApiError) -> Response:
        status, message = err.status, err.message
        headers = dict(err.headers)
        if status in (404, 405) or not message:
            ctype = "text/html; charset=utf-8" if status == 404 else "text/plain; charset=utf-8"
            return Response(status, b"", ctype, headers)
        if (self.headers.get("X-Error-Format") or "").lower() == "xml":
            phrase = f"{status} {REASONS.get(status, '')}"
            if err.style == "cgimap":
                text = (
                    '<?xml version="1.0" encoding="utf-8" ?>\r\n<osmError>\r\n'
                    f"<status>{phrase}</status>\r\n<message>{fm.esc(message)}</message>\r\n"
                    "</osmError>\r\n"
                )
            else:
                text = (
                    f"{fm.XML_DECL}<osmError {fm.root_attrs(fm.RAILS_GENERATOR)}>\n"
                    f"  <status>{phrase}</status>\n  <message>{fm.esc(message)}</message>\n"
                    "</osmError>\n"
                )
            return Response(200, text.encode(), "application/xml; charset=utf-8")
        headers["Error"] = _header_safe(message)
        if err.style == "cgimap":
            headers.setdefault("Cache-Control", "no-cache")
            if status == 401:
                headers["WWW-Authenticate"] = 'Basic realm="Web Password", charset="UTF-8"'
        return Response(status, message.encode(), "text/plain; charset=utf-8", headers)

    def fault_response(self, fault: Fault) -> Response:
        headers: dict[str, str] = {}
        if fault.kind == "html":
            status = fault.status or 503
            reason = REASONS.get(status, "Error")
            body = fault.body or (
                f"<!DOCTYPE html>\n<html><head><title>{status} {reason}</title></head>\n"
                f"<body><h1>{reason}</h1><p>The server is temporarily unable to service your "
                "request. Please try again later.</p></body></html>\n"
            )
            if fault.retry_after is not None:
                headers["Retry-After"] = str(fault.retry_after)
            return Response(status, body.encode(), "text/html; charset=utf-8", headers)
        status = fault.status or 500
        retry = fault.retry_after
        if status == 509 and retry is None:
            retry = 60
        defaults = {
            429: "Upload has been blocked due to rate limiting. Please try again later.",
            509: f"You have downloaded too much data. Please try again in {retry} seconds.",
            413: "Changeset bounding box size limit exceeded.",
        }
        message = (
            fault.body
            if fault.body is not None
            else defaults.get(status, REASONS.get(status, "Error"))
        )
        if retry is not None:
            headers["Retry-After"] = str(retry)
        headers["Error"] = _header_safe(message)
        return Response(status, message.encode(), "text/plain; charset=utf-8", headers)

    # -- auth ---------------------------------------------------------------------------------

    def bearer(self) -> str | None:
        value = self.headers.get("Authorization") or ""
        scheme, _, token = value.strip().partition(" ")
        if scheme.lower() != "bearer":
            return None
        return token.strip() or None

    def auth_cgimap(self, required: bool, scope: str | None = None) -> tuple[int, list] | None:
        token = self.bearer()
        if token is None:
            if required:
                raise ApiError(401, "User is not authorized")
            return None
        info = self.sandbox.tokens.get(token)
        if info is None:
            raise ApiError(401, "invalid_token")
        if info["revoked"]:
            raise ApiError(401, "token_revoked")
        if scope and scope not in info["scopes"]:
            raise ApiError(401, "You have not granted the modify map permission")
        return info["uid"], info["scopes"]

    def auth_rails(self, scope: str | None = "write_api") -> tuple[int, list]:
        token = self.bearer()
        info = self.sandbox.tokens.get(token) if token else None
        if info is None or info["revoked"]:
            raise ApiError(401, RAILS_NO_AUTH, style="rails")
        if scope and scope not in info["scopes"]:
            raise ApiError(403, RAILS_NO_SCOPE, style="rails")
        return info["uid"], info["scopes"]

    # -- discovery ----------------------------------------------------------------------------

    def fmt(self, suffix: str | None, path_for_error: str | None = None) -> str:
        return negotiate(
            suffix, self.headers.get("Accept"), path_for_error or self.path, self.style
        )

    def h_versions(self, body: bytes, suffix: str | None) -> Response:
        if self.fmt(suffix) == "json":
            doc = fm.root_json(fm.RAILS_GENERATOR)
            doc["api"] = {"versions": ["0.6"]}
            return Response(200, json.dumps(doc).encode(), "application/json; charset=utf-8")
        text = (
            f"{fm.XML_DECL}<osm {fm.root_attrs(fm.RAILS_GENERATOR, version=False)}>\n"
            "  <api>\n    <version>0.6</version>\n  </api>\n</osm>\n"
        )
        return Response(200, text.encode(), "application/xml; charset=utf-8")

    BLACKLIST = (
        r".*\.google(apis)?\..*/.*",
        r"https?://xdworld\.vworld\.kr[/:].*",
        r".*\.here\.com[/:].*",
        r".*\.mapy\.cz.*",
        r".*\.api-maps\.yandex\.ru/.*",
        r".*\.maps\.yandex\.net/.*",
        r".*\.maps\.2gis\.com/.*",
    )

    def h_capabilities(self, body: bytes, suffix: str | None) -> Response:
        if self.fmt(suffix) == "json":
            doc = fm.root_json(fm.RAILS_GENERATOR)
            doc["api"] = {
                "version": {"minimum": "0.6", "maximum": "0.6"},
                "area": {"maximum": MAX_AREA},
                "note_area": {"maximum": 25},
                "tracepoints": {"per_page": 5000},
                "waynodes": {"maximum": 2000},
                "relationmembers": {"maximum": 32000},
                "changesets": {
                    "maximum_elements": fm.MAX_CHANGES,
                    "default_query_limit": 100,
                    "maximum_query_limit": 100,
                },
                "notes": {"default_query_limit": 100, "maximum_query_limit": 10000},
                "timeout": {"seconds": self.sandbox.api_timeout},
                "status": {"database": "online", "api": "online", "gpx": "online"},
            }
            doc["policy"] = {"imagery": {"blacklist": [{"regex": r} for r in self.BLACKLIST]}}
            return Response(200, json.dumps(doc).encode(), "application/json; charset=utf-8")
        blacklist = "".join(f'      <blacklist regex="{fm.esc(r)}"/>\n' for r in self.BLACKLIST)
        text = (
            f"{fm.XML_DECL}<osm {fm.root_attrs(fm.RAILS_GENERATOR)}>\n"
            "  <api>\n"
            '    <version minimum="0.6" maximum="0.6"/>\n'
            f'    <area maximum="{MAX_AREA}"/>\n'
            '    <note_area maximum="25"/>\n'
            '    <tracepoints per_page="5000"/>\n'
            '    <waynodes maximum="2000"/>\n'
            '    <relationmembers maximum="32000"/>\n'
            f'    <changesets maximum_elements="{fm.MAX_CHANGES}" default_query_limit="100" '
            'maximum_query_limit="100"/>\n'
            '    <notes default_query_limit="100" maximum_query_limit="10000"/>\n'
            f'    <timeout seconds="{self.sandbox.api_timeout}"/>\n'
            '    <status database="online" api="online" gpx="online"/>\n'
            "  </api>\n"
            f"  <policy>\n    <imagery>\n{blacklist}    </imagery>\n  </policy>\n"
            "</osm>\n"
        )
        return Response(200, text.encode(), "application/xml; charset=utf-8")

    def h_permissions(self, body: bytes, suffix: str | None) -> Response:
        fmt = self.fmt(suffix)
        scopes: list[str] = []
        if self.bearer() is not None:
            _, scopes = self.auth_rails(scope=None)
        perms = [f"allow_{s}" for s in scopes]
        if fmt == "json":
            doc = fm.root_json(fm.RAILS_GENERATOR)
            doc["permissions"] = perms
            return Response(200, json.dumps(doc).encode(), "application/json; charset=utf-8")
        inner = "".join(f'    <permission name="{p}"/>\n' for p in perms)
        text = (
            f"{fm.XML_DECL}<osm {fm.root_attrs(fm.RAILS_GENERATOR)}>\n"
            + (f"  <permissions>\n{inner}  </permissions>\n" if perms else "  <permissions/>\n")
            + "</osm>\n"
        )
        return Response(200, text.encode(), "application/xml; charset=utf-8")

    # -- the user ---------------------------------------------------------------------------

    def h_user_details(self, body: bytes, suffix: str | None) -> Response:
        """``GET /api/0.6/user/details``: the token's user as the Rails port shows it to that
        user (``api/users/_user.builder``; ``read_prefs`` needed)."""
        uid, _ = self.auth_rails(scope="read_prefs")
        fmt = self.fmt(suffix)
        store = self.sandbox.store
        with store.lock:
            (count, first) = store.conn.execute(
                "SELECT COUNT(*), MIN(created_at) FROM changesets WHERE uid = ?", (uid,)
            ).fetchone()
        created = min(DEFAULT_SEED_TIME, first) if first else DEFAULT_SEED_TIME
        name = store.users.get(uid, f"user_{uid}")
        if fmt == "json":
            doc = fm.root_json(fm.RAILS_GENERATOR)
            doc["user"] = {
                "id": uid,
                "display_name": name,
                "account_created": fm.iso(created),
                "description": "",
                "contributor_terms": {"agreed": True, "pd": False},
                "roles": [],
                "changesets": {"count": count},
                "traces": {"count": 0},
                "blocks": {"received": {"count": 0, "active": 0}},
                "languages": ["en"],
                "messages": {"received": {"count": 0, "unread": 0}, "sent": {"count": 0}},
            }
            return Response(200, json.dumps(doc).encode(), "application/json; charset=utf-8")
        text = (
            f"{fm.XML_DECL}<osm {fm.root_attrs(fm.RAILS_GENERATOR)}>\n"
            f'  <user id="{uid}" display_name="{fm.esc(name)}" '
            f'account_created="{fm.iso(created)}">\n'
            "    <description></description>\n"
            '    <contributor-terms agreed="true" pd="false"/>\n'
            "    <roles>\n    </roles>\n"
            f'    <changesets count="{count}"/>\n'
            '    <traces count="0"/>\n'
            '    <blocks>\n      <received count="0" active="0"/>\n    </blocks>\n'
            "    <languages>\n      <lang>en</lang>\n    </languages>\n"
            "    <messages>\n"
            '      <received count="0" unread="0"/>\n      <sent count="0"/>\n'
            "    </messages>\n"
            "  </user>\n</osm>\n"
        )
        return Response(200, text.encode(), "application/xml; charset=utf-8")

    # -- reads --------------------------------------------------------------------------------

    def doc(self, elements, fmt: str, bounds=None, generator=fm.CGIMAP_GENERATOR) -> Response:
        body, ctype = fm.osm_document(
            elements, self.sandbox.store.users, fmt, bounds, generator=generator
        )
        headers = {"Cache-Control": "private, max-age=0, must-revalidate"}
        return Response(200, body, ctype, headers)

    def h_map(self, body: bytes, suffix: str | None) -> Response:
        self.auth_cgimap(required=False)
        fmt = self.fmt(suffix, "/api/0.6/map")
        bbox_values = self.query.get("bbox")
        minlat, minlon, maxlat, maxlon = parse_bbox(bbox_values[0] if bbox_values else None)
        store = self.sandbox.store
        with store.lock:
            conn = store.conn
            rows = conn.execute(
                f"SELECT {COLS['node']} FROM nodes WHERE lat BETWEEN ? AND ?"
                " AND lon BETWEEN ? AND ? AND visible = 1 LIMIT ?",
                (scaled(minlat), scaled(maxlat), scaled(minlon), scaled(maxlon), MAX_NODES + 1),
            ).fetchall()
            if len(rows) > MAX_NODES:
                raise ApiError(400, TOO_MANY_NODES.format(MAX_NODES))
            nodes = {r[0]: row_to_element("node", r) for r in rows}
            elements: list[dict] = []
            ways: list[dict] = []
            relations: list[dict] = []
            if nodes:
                store.temp_ids("t_n0", nodes)
                store.conn.execute("CREATE TEMP TABLE IF NOT EXISTS t_w(id INTEGER PRIMARY KEY)")
                conn.execute("DELETE FROM t_w")
                conn.execute(
                    "INSERT OR IGNORE INTO t_w SELECT wn.way_id FROM t_n0"
                    " JOIN way_nodes wn ON wn.node_id = t_n0.id"
                )
                ways = store.rows_for_temp("way", "t_w")
                extra = {n for w in ways for n in w["nds"]} - nodes.keys()
                if extra:
                    store.temp_ids("t_nx", extra)
                    for el in store.rows_for_temp("node", "t_nx"):
                        if el["visible"]:
                            nodes[el["id"]] = el
                store.temp_ids("t_n", nodes)
                conn.execute("CREATE TEMP TABLE IF NOT EXISTS t_r(id INTEGER PRIMARY KEY)")
                conn.execute("DELETE FROM t_r")
                conn.execute(
                    "INSERT OR IGNORE INTO t_r SELECT rm.rel_id FROM t_n"
                    " JOIN relation_members rm ON rm.mtype = 'n' AND rm.ref = t_n.id"
                )
                conn.execute(
                    "INSERT OR IGNORE INTO t_r SELECT rm.rel_id FROM t_w"
                    " JOIN relation_members rm ON rm.mtype = 'w' AND rm.ref = t_w.id"
                )
                conn.execute(
                    "INSERT OR IGNORE INTO t_r SELECT rm.rel_id FROM t_r r0"
                    " JOIN relation_members rm ON rm.mtype = 'r' AND rm.ref = r0.id"
                )
                relations = store.rows_for_temp("relation", "t_r")
            elements = sorted(nodes.values(), key=lambda e: e["id"]) + ways + relations
            elements = [e for e in elements if e["visible"]]
            resp = self.doc(elements, fmt, (minlat, minlon, maxlat, maxlon))
        resp.headers["Content-Disposition"] = 'attachment; filename="map.osm"'
        return resp

    def h_element(self, kind: str, ident: str, body: bytes, suffix: str | None) -> Response:
        self.auth_cgimap(required=False)
        fmt = self.fmt(suffix)
        store = self.sandbox.store
        with store.lock:
            el = store.current(kind, int(ident))
        if el is None:
            raise ApiError(404)
        if not el["visible"]:
            raise ApiError(410)
        return self.doc([el], fmt)

    def h_history(self, kind: str, ident: str, body: bytes, suffix: str | None) -> Response:
        self.auth_cgimap(required=False)
        fmt = self.fmt(suffix)
        store = self.sandbox.store
        with store.lock:
            els = store.history(kind, int(ident))
        if not els:
            raise ApiError(404)
        return self.doc(els, fmt)

    def h_old_version(
        self, kind: str, ident: str, version: str, body: bytes, suffix: str | None
    ) -> Response:
        fmt = self.fmt(suffix)
        store = self.sandbox.store
        with store.lock:
            el = store.version(kind, int(ident), int(version))
        if el is None:
            raise ApiError(404, style="rails")
        return self.doc([el], fmt, generator=fm.RAILS_GENERATOR)

    def h_relations_of(self, kind: str, ident: str, body: bytes, suffix: str | None) -> Response:
        self.auth_cgimap(required=False)
        fmt = self.fmt(suffix)
        store = self.sandbox.store
        with store.lock:
            els = store.many("relation", store.relations_of(kind, int(ident)))
        return self.doc([e for e in els if e["visible"]], fmt)

    def h_ways_of(self, kind: str, ident: str, body: bytes, suffix: str | None) -> Response:
        self.auth_cgimap(required=False)
        fmt = self.fmt(suffix)
        store = self.sandbox.store
        with store.lock:
            els = store.many("way", store.ways_of_node(int(ident)))
        return self.doc([e for e in els if e["visible"]], fmt)

    def h_full(self, kind: str, ident: str, body: bytes, suffix: str | None) -> Response:
        self.auth_cgimap(required=False)
        fmt = self.fmt(suffix)
        store = self.sandbox.store
        with store.lock:
            el = store.current(kind, int(ident))
            if el is None:
                raise ApiError(404)
            if not el["visible"]:
                raise ApiError(410)
            if kind == "way":
                nodes = store.many("node", el["nds"])
                ways, rels = [el], []
            else:
                members = el["members"]
                ways = store.many("way", [r for t, r, _ in members if t == "way"])
                node_ids = [r for t, r, _ in members if t == "node"]
                node_ids += [n for w in ways for n in w["nds"]]
                nodes = store.many("node", node_ids)
                rels = store.many("relation", [r for t, r, _ in members if t == "relation"])
                rels = [r for r in rels if r["id"] != el["id"]] + [el]
                rels.sort(key=lambda r: r["id"])
        elements = [e for e in nodes + ways + rels if e["visible"]]
        return self.doc(elements, fmt)

    def h_multi(self, plural: str, body: bytes, suffix: str | None) -> Response:
        self.auth_cgimap(required=False)
        kind = plural[:-1]
        fmt = self.fmt(suffix)
        message = (
            f"The parameter {plural} is required, and must be of the form "
            f"{plural}=ID[vVER][,ID[vVER][,ID[vVER]...]]."
        )
        values = self.query.get(plural)
        if not values or not values[0].strip():
            raise ApiError(400, message)
        wanted: list[tuple[int, int | None]] = []
        for item in values[0].split(","):
            m = re.fullmatch(r"\s*([0-9]+)(?:v([0-9]+))?\s*", item)
            if not m:
                raise ApiError(400, message)
            wanted.append((int(m.group(1)), int(m.group(2)) if m.group(2) else None))
        store = self.sandbox.store
        found: dict[tuple[int, int | None], dict] = {}
        with store.lock:
            current_ids = [i for i, v in wanted if v is None]
            for el in store.many(kind, current_ids):
                found[(el["id"], None)] = el
            for ident, version in {w for w in wanted if w[1] is not None}:
                el = store.version(kind, ident, version)
                if el is not None:
                    found[(ident, version)] = el
        if any(w not in found for w in wanted):
            raise ApiError(404)
        unique = {(e["id"], e["version"]): e for e in found.values()}
        return self.doc(sorted(unique.values(), key=lambda e: (e["id"], e["version"])), fmt)

    # -- changesets ---------------------------------------------------------------------------

    def load_changeset(self, ident: str, style: str = "rails") -> dict:
        cs = self.sandbox.store.changeset(int(ident))
        if cs is None:
            raise ApiError(404, style=style)
        return cs

    def check_writable(self, cs: dict, uid: int, now: int, style: str = "rails") -> None:
        if cs["uid"] != uid:
            raise ApiError(409, "The user doesn't own that changeset", style=style)
        if cs["closed_at"] <= now:
            raise ApiError(
                409,
                f"The changeset {cs['id']} was closed at {fm.ruby_time(cs['closed_at'])}",
                style=style,
            )

    @staticmethod
    def extended_closed_at(cs: dict, now: int) -> int:
        if cs["closed_at"] - cs["created_at"] > 23 * 3600:
            return cs["created_at"] + 24 * 3600
        return now + 3600

    def h_changeset_create(self, body: bytes, suffix: str | None) -> Response:
        uid, _ = self.auth_rails()
        tags = rails_changeset_tags(body)
        store = self.sandbox.store
        now = self.sandbox.now()
        with store.lock:
            conn = store.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                cs_id = store.next_id("changeset")
                conn.execute(
                    "INSERT INTO changesets(id, uid, created_at, closed_at, tags)"
                    " VALUES (?,?,?,?,?)",
                    (cs_id, uid, now, now + 3600, dump_tags(tags)),
                )
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return Response(200, str(cs_id).encode(), "text/plain; charset=utf-8")

    def h_changeset_show(self, ident: str, body: bytes, suffix: str | None) -> Response:
        fmt = self.fmt(suffix)
        store = self.sandbox.store
        with store.lock:
            cs = self.load_changeset(ident)
        data, ctype = fm.changeset_document(cs, store.users, self.sandbox.now(), fmt)
        return Response(200, data, ctype)

    def h_changeset_update(self, ident: str, body: bytes, suffix: str | None) -> Response:
        uid, _ = self.auth_rails()
        fmt = self.fmt(suffix)
        store = self.sandbox.store
        now = self.sandbox.now()
        with store.lock:
            cs = self.load_changeset(ident)
            self.check_writable(cs, uid, now)
            tags = rails_changeset_tags(body)
            store.conn.execute(
                "UPDATE changesets SET tags = ?, closed_at = ? WHERE id = ?",
                (dump_tags(tags), self.extended_closed_at(cs, now), cs["id"]),
            )
            cs = self.load_changeset(ident)
        data, ctype = fm.changeset_document(cs, store.users, now, fmt)
        return Response(200, data, ctype)

    def h_changeset_close(self, ident: str, body: bytes, suffix: str | None) -> Response:
        uid, _ = self.auth_rails()
        store = self.sandbox.store
        now = self.sandbox.now()
        with store.lock:
            cs = self.load_changeset(ident)
            if cs["uid"] != uid:
                raise ApiError(409, "The user doesn't own that changeset", style="rails")
            if not fm.changeset_is_open(cs, now):
                raise ApiError(
                    409,
                    f"The changeset {cs['id']} was closed at {fm.ruby_time(cs['closed_at'])}",
                    style="rails",
                )
            store.conn.execute("UPDATE changesets SET closed_at = ? WHERE id = ?", (now, cs["id"]))
        return Response(200, b"", "text/plain; charset=utf-8")

    def h_changeset_query(self, body: bytes, suffix: str | None) -> Response:
        fmt = self.fmt(suffix)
        store = self.sandbox.store
        now = self.sandbox.now()
        q = {k: v[0] for k, v in self.query.items()}
        if "user" in q and "display_name" in q:
            raise ApiError(
                400, "provide either the user ID or display name, but not both", style="rails"
            )
        where, args = [], []
        if "user" in q:
            if not q["user"].isdigit():
                raise ApiError(400, "invalid user ID", style="rails")
            where.append("uid = ?")
            args.append(int(q["user"]))
        if "display_name" in q:
            uids = [u for u, n in store.users.items() if n == q["display_name"]]
            where.append(f"uid IN ({','.join(map(str, uids)) or 'NULL'})")
        if "changesets" in q:
            ids = [int(x) for x in re.findall(r"[0-9]+", q["changesets"])]
            where.append(f"id IN ({','.join(map(str, ids)) or 'NULL'})")
        if q.get("open") == "true":
            where.append("closed_at > ? AND num_changes <= ?")
            args += [now, fm.MAX_CHANGES]
        if q.get("closed") == "true":
            where.append("(closed_at <= ? OR num_changes > ?)")
            args += [now, fm.MAX_CHANGES]
        try:
            limit = min(max(int(q.get("limit", 100)), 1), 100)
        except ValueError:
            limit = 100
        order = "ASC" if q.get("order") == "oldest" else "DESC"
        sql = "SELECT id FROM changesets"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY created_at {order}, id {order} LIMIT {limit}"
        with store.lock:
            css = [store.changeset(r[0]) for r in store.conn.execute(sql, args).fetchall()]
        if fmt == "json":
            doc = fm.root_json(fm.RAILS_GENERATOR)
            doc["changesets"] = [
                json.loads(fm.changeset_document(c, store.users, now, "json")[0])["changeset"]
                for c in css
            ]
            return Response(200, json.dumps(doc).encode(), "application/json; charset=utf-8")
        inner = ""
        for c in css:
            tags = "".join(
                f'    <tag k="{fm.esc(k)}" v="{fm.esc(v)}"/>\n'
                for k, v in sorted(c["tags"].items())
            )
            attrs = fm.changeset_xml_attrs(c, store.users, now)
            inner += (
                f"  <changeset {attrs}>\n{tags}  </changeset>\n"
                if tags
                else (f"  <changeset {attrs}/>\n")
            )
        text = f"{fm.XML_DECL}<osm {fm.root_attrs(fm.RAILS_GENERATOR)}>\n{inner}</osm>\n"
        return Response(200, text.encode(), "application/xml; charset=utf-8")

    def h_upload(self, ident: str, body: bytes, suffix: str | None) -> Response:
        uid, _ = self.auth_cgimap(required=True, scope="write_api")
        encoding = (self.headers.get("Content-Encoding") or "").strip().lower()
        if encoding in ("gzip", "deflate"):
            try:
                if encoding == "gzip":
                    body = gzip.decompress(body)
                else:
                    try:
                        body = zlib.decompress(body)
                    except zlib.error:
                        body = zlib.decompress(body, -zlib.MAX_WBITS)
            except (OSError, zlib.error, EOFError):
                raise ApiError(
                    400, "Payload cannot be decompressed according to Content-Encoding"
                ) from None
            if len(body) > MAX_PAYLOAD:
                raise ApiError(413, f"Payload exceeds limit of {MAX_PAYLOAD} bytes")
        store = self.sandbox.store
        now = self.sandbox.now()
        with store.lock:
            cs = self.load_changeset(ident, style="cgimap")
            self.check_writable(cs, uid, now, style="cgimap")
            if cs["num_changes"] >= fm.MAX_CHANGES:
                raise ApiError(409, f"The changeset {cs['id']} was closed at {fm.ruby_time(now)}")
            conn = store.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                result = Upload(store, cs, uid, now).run(body)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return Response(200, result, "application/xml; charset=utf-8")

    def h_download(self, ident: str, body: bytes, suffix: str | None) -> Response:
        self.auth_cgimap(required=False)
        store = self.sandbox.store
        with store.lock:
            self.load_changeset(ident, style="cgimap")
            changes = store.conn.execute(
                "SELECT type, id, version FROM changeset_changes WHERE changeset = ? ORDER BY seq",
                (int(ident),),
            ).fetchall()
            elements = [store.version(t, i, v) for t, i, v in changes]
        parts = [fm.XML_DECL, f"<osmChange {fm.root_attrs()}>\n"]
        for el in elements:
            if el is None:
                continue
            action = "create" if el["version"] == 1 else ("modify" if el["visible"] else "delete")
            parts.append(f" <{action}>\n{fm.element_xml(el, store.users, '  ')}\n </{action}>\n")
        parts.append("</osmChange>\n")
        return Response(200, "".join(parts).encode(), "application/xml; charset=utf-8")

    # -- OAuth 2.0 (Doorkeeper) ---------------------------------------------------------------

    def redirect_ok(self, uri: str) -> bool:
        if uri == OOB:
            return True
        parts = urlsplit(uri)
        if parts.scheme != "http" or parts.hostname not in ("127.0.0.1", "::1"):
            return False
        if not self.sandbox.oauth_redirect_uris:
            return True
        for registered in self.sandbox.oauth_redirect_uris:
            reg = urlsplit(registered)
            if registered == uri:
                return True
            if (
                reg.scheme == parts.scheme
                and reg.hostname == parts.hostname
                and reg.path == parts.path
                and reg.query == parts.query
            ):
                return True  # loopback: the port is ignored (RFC 8252 7.3)
        return False

    def html_page(self, status: int, title: str, inner: str) -> Response:
        text = (
            f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>{html.escape(title)}"
            f"</title></head>\n<body>\n<h1>{html.escape(title)}</h1>\n{inner}\n</body></html>\n"
        )
        return Response(status, text.encode(), "text/html; charset=utf-8")

    def oauth_redirect(self, uri: str, params: dict[str, str]) -> Response:
        if uri == OOB:
            if "code" in params:
                location = "/oauth2/authorize/native?" + urlencode({"code": params["code"]})
                return Response(302, b"", None, {"Location": location})
            return self.html_page(
                400, "An error has occurred", f"<p>{html.escape(params['error_description'])}</p>"
            )
        sep = "&" if urlsplit(uri).query else "?"
        return Response(302, b"", None, {"Location": uri + sep + urlencode(params)})

    def oauth_request(self, q: dict[str, str]) -> tuple[str, list[str]] | Response:
        """Validate an authorization request: (redirect_uri, scopes) or an error answer."""
        if q.get("client_id") != self.sandbox.oauth_client_id:
            return self.html_page(
                401, "An error has occurred", f"<p>{DOORKEEPER_ERRORS['invalid_client']}</p>"
            )
        uri = q.get("redirect_uri", "")
        if not self.redirect_ok(uri):
            return self.html_page(
                400,
                "An error has occurred",
                f"<p>{DOORKEEPER_ERRORS['invalid_redirect_uri']}</p>",
            )
        state = {"state": q["state"]} if "state" in q else {}

        def fail(error: str, description: str | None = None) -> Response:
            return self.oauth_redirect(
                uri,
                {"error": error, "error_description": description or DOORKEEPER_ERRORS[error]}
                | state,
            )

        if q.get("response_type") != "code":
            return fail("unsupported_response_type")
        scopes = [s for s in re.split(r"[\s+]+", q.get("scope", "")) if s] or DEFAULT_SCOPES.split()
        if any(s not in ALL_SCOPES for s in scopes):
            return fail("invalid_scope")
        method = q.get("code_challenge_method")
        if q.get("code_challenge") and method not in (None, "plain", "S256"):
            return fail("invalid_request", "The code challenge method must be plain or S256.")
        return uri, scopes

    def issue_code(self, q: dict[str, str], uid: int, scopes: list[str]) -> str:
        code = secrets.token_urlsafe(32)
        self.sandbox.codes[code] = {
            "uid": uid,
            "scopes": scopes,
            "redirect_uri": q.get("redirect_uri"),
            "client_id": q.get("client_id"),
            "challenge": q.get("code_challenge"),
            "method": q.get("code_challenge_method") or "plain",
            "expires": time.time() + 600,
        }
        return code

    def h_oauth_authorize(self, body: bytes, suffix: str | None) -> Response:
        q = {k: v[0] for k, v in self.query.items()}
        checked = self.oauth_request(q)
        if isinstance(checked, Response):
            return checked
        uri, scopes = checked
        state = {"state": q["state"]} if "state" in q else {}
        if self.sandbox.auto_approve is not None:
            code = self.issue_code(q, self.sandbox.auto_approve, scopes)
            return self.oauth_redirect(uri, {"code": code} | state)
        hidden = "".join(
            f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
            for k, v in q.items()
        )
        users = "".join(
            f'<option value="{html.escape(n)}">{html.escape(n)}</option>'
            for _, n in sorted(self.sandbox.store.users.items())
        )
        inner = (
            f"<p>Authorize <b>{html.escape(q['client_id'])}</b> to: "
            f"{html.escape(', '.join(scopes))}</p>\n"
            f'<form method="post" action="/oauth2/authorize">{hidden}\n'
            f'<label>User <select name="user">{users}</select></label>\n'
            '<button type="submit" name="decision" value="approve">Authorize</button>\n'
            '<button type="submit" name="decision" value="deny">Deny</button>\n</form>'
        )
        return self.html_page(200, "Authorize access to your account", inner)

    def h_oauth_decide(self, body: bytes, suffix: str | None) -> Response:
        q = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
        checked = self.oauth_request(q)
        if isinstance(checked, Response):
            return checked
        uri, scopes = checked
        state = {"state": q["state"]} if "state" in q else {}
        if q.get("decision") == "deny":
            return self.oauth_redirect(
                uri,
                {"error": "access_denied", "error_description": DOORKEEPER_ERRORS["access_denied"]}
                | state,
            )
        try:
            uid = self.sandbox.user_id(q.get("user", "alice"))
        except ValueError:
            return self.html_page(400, "Unknown user", "<p>No such user.</p>")
        code = self.issue_code(q, uid, scopes)
        return self.oauth_redirect(uri, {"code": code} | state)

    def h_oauth_native(self, body: bytes, suffix: str | None) -> Response:
        code = self.query.get("code", [""])[0]
        inner = (
            "<p>Please copy this code, switch to your application and paste it there:</p>\n"
            f'<code id="authorization_code">{html.escape(code)}</code>'
        )
        return self.html_page(200, "Authorization code", inner)

    def oauth_error(self, error: str, status: int = 400, description: str | None = None):
        doc = {"error": error, "error_description": description or DOORKEEPER_ERRORS[error]}
        return Response(
            status,
            json.dumps(doc).encode(),
            "application/json; charset=utf-8",
            {"Cache-Control": "no-store", "Pragma": "no-cache"},
        )

    def h_oauth_token(self, body: bytes, suffix: str | None) -> Response:
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype != "application/x-www-form-urlencoded":
            return self.oauth_error("invalid_request")
        form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
        if form.get("grant_type") != "authorization_code":
            return self.oauth_error("unsupported_grant_type")
        if form.get("client_id") != self.sandbox.oauth_client_id:
            return self.oauth_error("invalid_client", 401)
        if not form.get("code"):
            return self.oauth_error(
                "invalid_request", description="Missing required parameter: code."
            )
        grant = self.sandbox.codes.get(form["code"])
        if (
            grant is None
            or grant["expires"] < time.time()
            or grant["client_id"] != form.get("client_id")
            or grant["redirect_uri"] != form.get("redirect_uri")
        ):
            return self.oauth_error("invalid_grant")
        if grant["challenge"]:
            verifier = form.get("code_verifier")
            if not verifier:
                return self.oauth_error(
                    "invalid_request", description="Missing required parameter: code_verifier."
                )
            if grant["method"] == "S256":
                digest = hashlib.sha256(verifier.encode()).digest()
                computed = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
            else:
                computed = verifier
            if not secrets.compare_digest(computed, grant["challenge"]):
                return self.oauth_error("invalid_grant")
        del self.sandbox.codes[form["code"]]
        token = None
        for tok, info in self.sandbox.tokens.items():  # reuse_access_token
            if (
                not info["revoked"]
                and info["uid"] == grant["uid"]
                and info["client_id"] == grant["client_id"]
                and info["scopes"] == grant["scopes"]
            ):
                token = tok
        if token is None:
            token = self.sandbox.add_token(grant["uid"], " ".join(grant["scopes"]))
            self.sandbox.tokens[token]["client_id"] = grant["client_id"]
        info = self.sandbox.tokens[token]
        doc = {
            "access_token": token,
            "token_type": "Bearer",
            "scope": " ".join(info["scopes"]),
            "created_at": info["created_at"],
        }
        return Response(
            200,
            json.dumps(doc).encode(),
            "application/json; charset=utf-8",
            {"Cache-Control": "no-store", "Pragma": "no-cache"},
        )

    def h_oauth_revoke(self, body: bytes, suffix: str | None) -> Response:
        """RFC 7009 as Doorkeeper does it: the (public) client names itself with ``client_id``;
        no client, an unknown one, or a token issued to another client is 403
        ``unauthorized_client``; an unknown token is 200 all the same. A revoked token is 401 on
        the API afterwards."""
        form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
        info = self.sandbox.tokens.get(form.get("token", ""))
        client = form.get("client_id", "")
        if client != self.sandbox.oauth_client_id or (
            info is not None and info["client_id"] not in (None, client)
        ):
            return self.oauth_error(
                "unauthorized_client", 403, "You are not authorized to revoke this token"
            )
        if info is not None:
            info["revoked"] = True
        return Response(
            200,
            b"{}",
            "application/json; charset=utf-8",
            {"Cache-Control": "no-store", "Pragma": "no-cache"},
        )

    def h_oauth_metadata(self, body: bytes, suffix: str | None) -> Response:
        host = self.headers.get("Host") or f"127.0.0.1:{self.server.server_address[1]}"
        base = f"http://{host}"
        doc = {
            "issuer": base,
            "authorization_endpoint": f"{base}/oauth2/authorize",
            "token_endpoint": f"{base}/oauth2/token",
            "revocation_endpoint": f"{base}/oauth2/revoke",
            "scopes_supported": ALL_SCOPES,
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code"],
            "code_challenge_methods_supported": ["plain", "S256"],
        }
        return Response(200, json.dumps(doc).encode(), "application/json; charset=utf-8")

    # -- test control -------------------------------------------------------------------------

    def control(self, method: str, what: str, body: bytes) -> Response:
        def answer(doc: Any, status: int = 200) -> Response:
            return Response(status, json.dumps(doc).encode(), "application/json; charset=utf-8")

        try:
            data = json.loads(body) if body.strip() else {}
            if not isinstance(data, dict):
                raise ValueError("a JSON object is expected")
            sandbox = self.sandbox
            if what == "token" and method == "POST":
                token = sandbox.add_token(
                    data.get("user", "alice"), data.get("scopes", DEFAULT_SCOPES), data.get("token")
                )
                return answer({"token": token, "uid": sandbox.tokens[token]["uid"]})
            if what == "fault" and method == "POST":
                kind = data.get("kind")
                if kind not in ("status", "html", "drop_before", "drop_after", "delay"):
                    raise ValueError(f"unknown fault kind {kind!r}")
                if kind == "status" and not data.get("status"):
                    raise ValueError("a status fault needs 'status'")
                with sandbox.fault_lock:
                    sandbox.fault_seq += 1
                    fault = Fault(
                        ident=sandbox.fault_seq,
                        kind=kind,
                        path=data.get("path"),
                        method=data.get("method"),
                        times=int(data.get("times", 1)),
                        status=int(data["status"]) if data.get("status") else None,
                        retry_after=(
                            int(data["retry_after"])
                            if data.get("retry_after") is not None
                            else None
                        ),
                        body=data.get("body"),
                        seconds=float(data.get("seconds", 0)),
                    )
                    if fault.path:
                        re.compile(fault.path)
                    sandbox.faults.append(fault)
                return answer({"id": fault.ident})
            if what == "faults" and method == "GET":
                with sandbox.fault_lock:
                    return answer([f.describe() for f in sandbox.faults])
            if what == "faults" and method == "DELETE":
                with sandbox.fault_lock:
                    n = len(sandbox.faults)
                    sandbox.faults.clear()
                return answer({"cleared": n})
            if what == "reset" and method == "POST":
                seconds = sandbox.store.reset()
                with sandbox.fault_lock:
                    sandbox.faults.clear()
                sandbox.clock_offset = 0
                sandbox.clock_frozen = None
                return answer({"seconds": round(seconds, 3)})
            if what == "clock" and method == "POST":
                if "offset" in data:
                    sandbox.clock_offset = int(data["offset"])
                sandbox.clock_offset += int(data.get("advance", 0))
                if "freeze" in data:
                    sandbox.clock_frozen = int(time.time()) if data["freeze"] else None
                return answer({"offset": sandbox.clock_offset, "now": sandbox.now()})
            m = re.fullmatch(r"changeset/([0-9]+)", what)
            if m and method == "POST":
                allowed = {"num_changes", "created_at", "closed_at"}
                updates = {k: int(v) for k, v in data.items() if k in allowed}
                if set(data) - allowed:
                    raise ValueError(f"only {sorted(allowed)} can be set")
                with sandbox.store.lock:
                    for key, value in updates.items():
                        sandbox.store.conn.execute(
                            f"UPDATE changesets SET {key} = ? WHERE id = ?", (value, int(m[1]))
                        )
                    cs = sandbox.store.changeset(int(m[1]))
                if cs is None:
                    return answer({"error": "no such changeset"}, 404)
                return answer(cs)
            if what == "status" and method == "GET":
                with sandbox.store.lock:
                    counts = {
                        k: sandbox.store.conn.execute(
                            f"SELECT count(*) FROM {TABLE[k]} WHERE visible = 1"
                        ).fetchone()[0]
                        for k in TYPES
                    }
                return answer(
                    {"users": sandbox.store.users, "visible": counts, "now": sandbox.now()}
                )
        except (ValueError, KeyError, TypeError, re.error) as exc:
            return answer({"error": str(exc)}, 400)
        return answer({"error": f"unknown control call {method} {what}"}, 404)


class SandboxHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64


def make_server(sandbox: Sandbox, port: int) -> SandboxHTTPServer:
    handler = type("SandboxHandler", (Handler,), {"sandbox": sandbox})
    return SandboxHTTPServer(("127.0.0.1", port), handler)
