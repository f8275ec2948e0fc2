"""An upload of a download's GeoPackage that kills itself (SIGKILL) at one step of its journal.

Run as ``python tests/upload_kill_child.py GPKG API_URL TOKEN STEP MAX_ELEMENTS``: the upload of
:func:`osm_roundtrip.plugin.core.osm.upload.upload_geopackage`, with chunks of at most
``MAX_ELEMENTS`` changes, and ``kill -9`` of its own process at ``STEP`` (:data:`STEPS`). The
hooks wrap the real functions from outside; the upload code itself is unchanged. Exits 0 when
the upload finished before the step was reached (the parent treats that as a failure of the
test set-up), dies with SIGKILL otherwise.

:func:`run_killed` starts it from a test and checks that it died at the step.
"""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Where the process dies; each is a moment the journal (or the server, or the GeoPackage) has
# reached and the next write has not.
STEPS = (
    "journal-written",  # the journal is on disk, nothing sent yet (a changeset may be opening)
    "sending",  # chunk 1 marked "sending", the request not made
    "committed",  # the server committed chunk 1, its answer not saved
    "uploaded",  # chunk 1's diffResult saved ("uploaded"), not written back
    "written-back",  # chunk 1 written into the GeoPackage, the journal not told
    "applied",  # chunk 1 "applied", chunk 2 pending
    "committed-2",  # the server committed chunk 2, its answer not saved
    "done",  # every chunk applied and the journal says done, not removed yet
)


def _die() -> None:
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def _install(step: str) -> None:
    from osm_roundtrip.plugin.core import gpkg_update
    from osm_roundtrip.plugin.core.osm import upload
    from osm_roundtrip.plugin.core.osm.api import OsmApi

    save = upload.Journal.save
    real_upload = OsmApi.upload
    real_apply = gpkg_update.apply_upload
    posts = []

    def states(journal):
        return [c["state"] for c in journal.data["chunks"]]

    def saving(journal):
        save(journal)
        now = states(journal)
        if (
            (step == "journal-written")
            or (step == "sending" and upload.SENDING in now)
            or (step == "uploaded" and upload.UPLOADED in now)
            or (step == "applied" and now[0] == upload.APPLIED)
            or (step == "done" and journal.data["status"] == upload.DONE)
        ):
            _die()

    def uploading(api, changeset, payload, cancel=None):
        result = real_upload(api, changeset, payload, cancel)
        posts.append(changeset)
        if (step == "committed" and len(posts) == 1) or (step == "committed-2" and len(posts) == 2):
            _die()
        return result

    def applying(*args, **kwargs):
        real_apply(*args, **kwargs)
        if step == "written-back":
            _die()

    upload.Journal.save = saving
    OsmApi.upload = uploading
    gpkg_update.apply_upload = applying


def main(argv) -> int:
    gpkg, api_url, token, step, max_elements = argv
    sys.path.insert(0, str(ROOT))
    from tools.plugin_package import use_plugin_package

    use_plugin_package()
    from osm_roundtrip.plugin.core.http import HttpTransport
    from osm_roundtrip.plugin.core.osm import upload
    from osm_roundtrip.plugin.core.osm.api import OsmApi

    api = OsmApi(api_url, token, HttpTransport(timeout=30))
    caps = dataclasses.replace(api.capabilities(), max_elements=int(max_elements))
    _install(step)
    upload.upload_geopackage(gpkg, api, comment="Killed upload", capabilities=caps)
    return 0


def run_killed(gpkg, api_url: str, token: str, step: str, max_elements: int = 4) -> None:
    """Run the upload of ``gpkg`` in a child process that is killed at ``step``."""
    child = subprocess.run(
        [sys.executable, str(Path(__file__)), str(gpkg), api_url, token, step, str(max_elements)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=str(ROOT),
    )
    if child.returncode != -signal.SIGKILL:
        raise AssertionError(
            f"the upload was not killed at {step!r} (exit {child.returncode}): {child.stderr}"
        )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
