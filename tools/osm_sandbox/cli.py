"""Command line of the sandbox (``python -m tools.osm_sandbox --help``)."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from pathlib import Path

from .server import DEFAULT_SCOPES, Sandbox, make_server
from .store import Store, seeded_database

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SEED = ROOT / "tests" / "data" / "liechtenstein.osm.pbf"


def parse_token(text: str) -> tuple[str, str, str]:
    parts = text.split(":", 2)
    if len(parts) < 2 or not parts[0] or not parts[1]:
        raise argparse.ArgumentTypeError(f"expected TOKEN:USER[:SCOPES], got {text!r}")
    scopes = parts[2] if len(parts) == 3 else DEFAULT_SCOPES
    return parts[0], parts[1], scopes


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m tools.osm_sandbox",
        description="Local OSM editing API v0.6 sandbox (binds 127.0.0.1 only).",
    )
    p.add_argument("--seed", type=Path, default=DEFAULT_SEED, help="seed .osm or .osm.pbf file")
    p.add_argument("--port", type=int, default=0, help="TCP port (0: pick a free one)")
    p.add_argument(
        "--db",
        default=":memory:",
        help="live database: :memory: (default) or a file, kept and reused if it exists",
    )
    p.add_argument("--cache-dir", type=Path, help="where seeded databases are cached")
    p.add_argument(
        "--token",
        action="append",
        type=parse_token,
        default=[],
        metavar="TOKEN:USER[:SCOPES]",
        help=f"predefine a bearer token (scopes comma/space separated, default {DEFAULT_SCOPES!r})",
    )
    p.add_argument("--oauth-client-id", default="osm-sandbox", help="the registered OAuth client")
    p.add_argument(
        "--oauth-redirect-uri",
        action="append",
        default=[],
        help="registered redirect URI (default: any http://127.0.0.1 or [::1] URI, and oob)",
    )
    p.add_argument("--auto-approve", metavar="USER", help="approve OAuth requests as USER")
    p.add_argument(
        "--test-control", action="store_true", help="enable the /__sandbox__/ control endpoints"
    )
    p.add_argument(
        "--exit-on-stdin-eof",
        action="store_true",
        help="stop when standard input is closed (test runners: no server outlives its parent)",
    )
    p.add_argument(
        "--no-discovery",
        action="store_true",
        help="answer 404 for the Rails-only calls (capabilities, permissions, user details), "
        "as an API served by CGImap alone does",
    )
    p.add_argument(
        "--api-timeout",
        type=int,
        default=300,
        metavar="SECONDS",
        help="the request timeout the capabilities announce (production: 300)",
    )
    p.add_argument("--verbose", action="store_true", help="log every request to stderr")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not args.seed.is_file():
        print(f"seed file not found: {args.seed}", file=sys.stderr)
        return 2
    started = time.monotonic()
    pristine = seeded_database(args.seed, args.cache_dir)
    store = Store(pristine, args.db)
    try:
        sandbox = Sandbox(
            store,
            tokens=args.token,
            oauth_client_id=args.oauth_client_id,
            oauth_redirect_uris=args.oauth_redirect_uri,
            auto_approve=args.auto_approve,
            test_control=args.test_control,
            verbose=args.verbose,
            discovery=not args.no_discovery,
            api_timeout=args.api_timeout,
        )
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    server = make_server(sandbox, args.port)
    port = server.server_address[1]
    print(f"seeded from {args.seed.name} in {time.monotonic() - started:.1f} s", file=sys.stderr)

    def stop(signum, frame):  # shut down cleanly on SIGTERM as on Ctrl-C
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    if args.exit_on_stdin_eof:

        def watch_stdin() -> None:
            while sys.stdin.buffer.read(4096):
                pass
            server.shutdown()

        threading.Thread(target=watch_stdin, daemon=True).start()
    print(f"OSM sandbox listening on http://127.0.0.1:{port}", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        store.conn.close()
    return 0
