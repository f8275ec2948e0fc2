"""``python -m tools.osm_sandbox``: see the package docstring."""

from __future__ import annotations

from .cli import main

raise SystemExit(main())
