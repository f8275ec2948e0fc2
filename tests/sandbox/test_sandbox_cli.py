"""The command line of the sandbox: the ready line, ``--token``, ``--db`` kept across runs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import requests

from tools.osm_sandbox.launch import ROOT, start_sandbox

TINY = Path(__file__).parent / "data" / "tiny.osm"


def test_ready_line_and_predefined_token(osm_sandbox_factory):
    sandbox = osm_sandbox_factory(TINY, "--token", "s3cret:bob:read_prefs,write_api")
    assert re.fullmatch(r"http://127\.0\.0\.1:[0-9]+", sandbox.url)
    r = requests.get(
        sandbox.api + "/permissions.json", headers={"Authorization": "Bearer s3cret"}, timeout=10
    )
    assert r.status_code == 200
    assert r.json()["permissions"] == ["allow_read_prefs", "allow_write_api"]
    r = requests.put(
        sandbox.api + "/changeset/create",
        data="<osm><changeset/></osm>",
        headers={"Authorization": "Bearer s3cret"},
        timeout=10,
    )
    assert r.status_code == 200
    r = requests.get(f"{sandbox.api}/changeset/{r.text}", timeout=10)
    assert r.status_code == 200
    assert 'user="bob"' in r.text


def test_control_endpoints_need_the_flag(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "tools.osm_sandbox", "--seed", str(tmp_path / "missing.osm")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "seed file not found" in proc.stderr
    with start_sandbox(TINY) as sandbox:
        assert sandbox.status()["visible"] == {"node": 10, "way": 4, "relation": 4}
    # the same server without --test-control: the control paths are ordinary unknown routes
    cmd = [sys.executable, "-m", "tools.osm_sandbox", "--seed", str(TINY), "--port", "0"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        line = proc.stdout.readline().decode().strip()
        url = line.removeprefix("OSM sandbox listening on ")
        assert url.startswith("http://127.0.0.1:")
        r = requests.post(url + "/__sandbox__/reset", timeout=10)
        assert r.status_code == 404
        assert r.text == ""
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stdout.close()


def test_database_file_is_kept_between_runs(tmp_path):
    db = tmp_path / "practice.sqlite"
    with start_sandbox(TINY, "--db", str(db), "--token", "t:alice") as sandbox:
        auth = {"Authorization": "Bearer t"}
        cs = requests.post(
            sandbox.api + "/changesets", data="<osm><changeset/></osm>", headers=auth, timeout=10
        ).text
        r = requests.post(
            f"{sandbox.api}/changeset/{cs}/upload",
            data=f'<osmChange><delete><node id="10" version="1" changeset="{cs}"/>'
            '<node id="8" version="3" changeset="0"/></delete></osmChange>',
            headers=auth,
            timeout=10,
        )
        assert r.status_code == 400  # changeset="0" is refused: nothing of it is kept
        assert r.text.startswith("Changeset must be a positive number")
        r = requests.post(
            f"{sandbox.api}/changeset/{cs}/upload",
            data=f'<osmChange><modify><node id="1" version="1" changeset="{cs}" lat="0.5" '
            'lon="0.5"/></modify></osmChange>',
            headers=auth,
            timeout=10,
        )
        assert r.status_code == 200
    with start_sandbox(TINY, "--db", str(db)) as sandbox:
        r = requests.get(sandbox.api + "/node/1", timeout=10)
        assert r.status_code == 200
        assert 'version="2"' in r.text and 'lat="0.5000000"' in r.text
        r = requests.get(sandbox.api + "/node/10", timeout=10)
        assert r.status_code == 200
        assert 'version="1"' in r.text


def test_server_stops_when_the_test_process_is_killed():
    script = (
        "import sys, time\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from tools.osm_sandbox.launch import start_sandbox\n"
        f"sandbox = start_sandbox({str(TINY)!r})\n"
        "print(sandbox.url, sandbox.proc.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        url, pid = parent.stdout.readline().split()
        assert requests.get(url + "/api/versions", timeout=10).status_code == 200
    finally:
        parent.kill()  # no teardown runs: the server must notice on its own
        parent.wait(timeout=10)
        parent.stdout.close()
    deadline = time.monotonic() + 10
    alive = True
    while alive and time.monotonic() < deadline:
        try:
            os.kill(int(pid), 0)
            with open(f"/proc/{pid}/stat") as fh:
                alive = fh.read().split()[2] != "Z"
        except (ProcessLookupError, FileNotFoundError):
            alive = False
        time.sleep(0.1)
    assert not alive
    try:
        requests.get(url + "/api/versions", timeout=2)
        answered = True
    except requests.ConnectionError:
        answered = False
    assert answered is False
