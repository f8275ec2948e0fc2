"""Serve the local Nominatim on 127.0.0.1 until interrupted (Ctrl-C / SIGTERM).

Usage: python tools/nominatim/serve.py [--port 8088] [--database li.sqlite] [--build]
           [--access-log]

Without ``--database`` it serves the database that ``ensure.sh`` builds from
tests/data/liechtenstein.osm.pbf; ``--build`` runs ``ensure.sh`` first when it is missing.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from server import NominatimServer, ServerError, ensure_built


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Serve the local Nominatim on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=8088)
    parser.add_argument("--database", type=Path, default=None, help="a Nominatim SQLite file")
    parser.add_argument("--build", action="store_true", help="run ensure.sh if needed")
    parser.add_argument("--access-log", action="store_true")
    args = parser.parse_args(argv)
    try:
        database = args.database or (ensure_built() if args.build else None)
        server = NominatimServer(database, port=args.port, access_log=args.access_log).start()
    except ServerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"Nominatim serving {server.database} at {server.url}", flush=True)
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    try:
        while not stop and server.process is not None and server.process.poll() is None:
            time.sleep(0.2)
    except KeyboardInterrupt:
        pass
    finally:
        code = server.process.returncode if server.process else None
        output = server.output()
        server.stop()
    if code is not None:
        print(f"error: the server exited with code {code}:\n{output}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
