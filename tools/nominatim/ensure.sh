#!/usr/bin/env bash
# Make sure a local Nominatim can run: Debian packages, a venv with nominatim-db/-api 5.3.3 and
# the SQLite database built from tests/data/liechtenstein.osm.pbf, all in a cache folder outside
# the repository. Idempotent: a second run installs and rebuilds nothing.
#
# Usage: tools/nominatim/ensure.sh [--pbf FILE.osm.pbf] [--cache DIR] [--threads N] [--print-venv]
# Progress goes to stderr; the last (only) line on stdout is the path of the SQLite database.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec /usr/bin/python3 "$here/build.py" "$@"
