"""Run an upload and kill this process (SIGKILL, as ``kill -9``) at one step of its journal.

Usage: ``python tests/upload_child.py GPKG API_URL TOKEN POINT [CHUNK [osc]]``; with ``osc`` the
edits are uploaded as an osmChange (as Processing does: :func:`start_upload`, no write-back, the
journal next to ``GPKG + ".osc"``). ``POINT`` is one of

* ``journal`` — the journal is on disk, nothing sent;
* ``sending`` — chunk CHUNK (1-based; ``last``) is marked sending, the request not yet made;
* ``committed`` — the server answered the chunk's request, the answer is not saved;
* ``uploaded`` — the answer is saved, not yet written back;
* ``written`` — written back into the GeoPackage, the journal does not say so yet;
* ``applied`` — the journal says applied;
* ``done`` — every chunk applied, the journal not yet removed.

The hooks wrap the functions the upload calls; the upload code itself is not changed. Exit
status 3 when the point was never reached (the test then fails).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.plugin_package import use_plugin_package  # noqa: E402

use_plugin_package()

from osm_roundtrip.plugin.core import gpkg_update  # noqa: E402
from osm_roundtrip.plugin.core.http import HttpTransport  # noqa: E402
from osm_roundtrip.plugin.core.osm import upload, upload_journal  # noqa: E402
from osm_roundtrip.plugin.core.osm.api import OsmApi  # noqa: E402


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main() -> int:
    path, api_url, token, point = sys.argv[1:5]
    which = sys.argv[5] if len(sys.argv) > 5 else "1"
    as_osc = sys.argv[6:] == ["osc"]
    api = OsmApi(api_url, token, HttpTransport(timeout=20))
    caps = api.capabilities()
    caps.max_elements = 3
    state = {"journal": None, "uploads": 0, "writes": 0}

    def chunk_number() -> int:
        journal = state["journal"]
        return len(journal.chunks) if which == "last" else int(which)

    save = upload_journal.Journal.save

    def saving(journal):
        save(journal)
        state["journal"] = journal
        chunks = journal.chunks
        if point == "journal" and all(c["state"] == "pending" for c in chunks):
            die()
        if point == "done" and journal.status == "done":
            die()
        wanted = {"sending": "sending", "uploaded": "uploaded", "applied": "applied"}.get(point)
        if wanted and chunks[chunk_number() - 1]["state"] == wanted:
            die()

    real_upload = OsmApi.upload

    def uploading(self, changeset, payload, cancel=None):
        answer = real_upload(self, changeset, payload, cancel)
        state["uploads"] += 1
        if point == "committed" and state["uploads"] == chunk_number():
            die()
        return answer

    real_apply = gpkg_update.apply_upload

    def writing(*args, **kwargs):
        result = real_apply(*args, **kwargs)
        state["writes"] += 1
        if point == "written" and state["writes"] == chunk_number():
            die()
        return result

    upload_journal.Journal.save = saving
    OsmApi.upload = uploading
    gpkg_update.apply_upload = writing
    if as_osc:
        changes = upload.changes_of_geopackage(path)
        folder = upload.journal_dir_for(path + ".osc")
        upload.start_upload(api, changes, folder, comment="Killed", max_elements=3)
    else:
        upload.upload_geopackage(path, api, comment="Killed", capabilities=caps)
    return 3


if __name__ == "__main__":
    sys.exit(main())
