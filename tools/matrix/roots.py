"""Debian roots with other QGIS versions, for the test matrix.

Each supported QGIS version is the one a Debian release ships:

========  ==========  ======
release   QGIS        Python
========  ==========  ======
bookworm  3.22        3.11
trixie    3.40        3.13
sid       3.44        3.14
========  ==========  ======

The host's own Debian is used directly; the other two run in roots made with ``debootstrap``
from Debian's own packages, kept in a cache folder outside the repository
(``~/.cache/osm-roundtrip/roots/<release>``). A root is built once (a few minutes) and then only
checked: the packages of ``PACKAGES`` that are missing are installed and the test venv inside it
(``/opt/osm-roundtrip-venv``) follows ``requirements-dev.txt``. ``--refresh`` also upgrades the
root's packages. A root that cannot be built is an error with the reason, never a silent skip.

Commands run in a root through ``unshare --mount`` + ``chroot``: ``/proc``, ``/dev``, ``/sys``
and a fresh ``/tmp`` are mounted in a private mount namespace that disappears with the command,
and the repository is bind-mounted at the same path, so the test suite runs on the same files.
Standard library only; needs root (debootstrap and chroot do).

Usage::

    roots.py ensure [RELEASE ...] [--refresh]    build or check roots (default: the non-host ones)
    roots.py run RELEASE -- COMMAND ...           run COMMAND in the root (cwd: the repository)
    roots.py host                                 print the host's release
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
RELEASES = ("bookworm", "trixie", "sid")
QGIS_OF = {"bookworm": "3.22", "trixie": "3.40", "sid": "3.44"}
MIRROR = "http://deb.debian.org/debian"
VENV = "/opt/osm-roundtrip-venv"
# What the test suite needs inside a root (the host gets the same through the Makefile).
PACKAGES = (
    "qgis",
    "python3-qgis",
    "qgis-providers",
    "xvfb",
    "xauth",
    "osmium-tool",
    "gdal-bin",
    "python3-venv",
    "python3-pip",
    "python3-lxml",
    "python3-requests",
    "pyqt5-dev-tools",
    "qttools5-dev-tools",
    "ca-certificates",
    "locales",
    "make",
)
STAMP = ".osm-roundtrip-root"


def log(message: str) -> None:
    print(f"[roots] {message}", file=sys.stderr, flush=True)


class RootError(RuntimeError):
    pass


def cache_dir() -> Path:
    explicit = os.environ.get("OSM_ROUNDTRIP_ROOTS")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "osm-roundtrip" / "roots"


def host_release() -> str:
    """The Debian release of this machine (bookworm, trixie or sid)."""
    fields = {}
    with contextlib.suppress(OSError), open("/etc/os-release") as handle:
        for line in handle:
            key, _, value = line.strip().partition("=")
            fields[key] = value.strip('"')
    codename = fields.get("VERSION_CODENAME", "")
    if codename in RELEASES:
        return codename
    if "sid" in fields.get("PRETTY_NAME", "") or codename == "forky":
        return "sid"
    raise RootError(f"this is not a Debian release of the matrix ({fields.get('PRETTY_NAME')})")


def other_releases() -> list[str]:
    host = host_release()
    return [release for release in RELEASES if release != host]


def root_dir(release: str) -> Path:
    return cache_dir() / release


def _run(cmd, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(part) for part in cmd], check=True, **kwargs)


def _fingerprint() -> str:
    """What a root's venv must follow: the pinned test tools."""
    return hashlib.sha256((REPO / "requirements-dev.txt").read_bytes()).hexdigest()[:16]


def _mount_script(root: Path, workdir: Path | None) -> str:
    """Shell commands that mount what a command in ``root`` needs (inside ``unshare -m``)."""
    r = shlex.quote(str(root))
    lines = [
        "set -e",
        f"mount -t proc proc {r}/proc",
        f"mount --rbind /dev {r}/dev",
        f"mount --rbind /sys {r}/sys",
        f"mount -t tmpfs -o mode=1777 tmpfs {r}/tmp",
        f"mkdir -p {r}/dev/shm && mount -t tmpfs -o mode=1777 tmpfs {r}/dev/shm",
    ]
    if workdir is not None:
        inner = shlex.quote(f"{root}{workdir}")
        lines += [f"mkdir -p {inner}", f"mount --bind {shlex.quote(str(workdir))} {inner}"]
    return "\n".join(lines)


def run_in_root(
    release: str,
    command: list[str],
    workdir: Path | None = REPO,
    env: dict | None = None,
    capture: bool = False,
):
    """Run ``command`` in the root of ``release``: its exit status, or its stdout (``capture``)."""
    root = root_dir(release)
    if not (root / STAMP).exists():
        raise RootError(f"the {release} root is not built yet (run: tools/matrix/roots.py ensure)")
    inner_env = {
        "PATH": f"{VENV}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "HOME": "/root",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONDONTWRITEBYTECODE": "1",
        "DEBIAN_FRONTEND": "noninteractive",
    }
    for key, value in os.environ.items():
        if key.startswith("OSM_ROUNDTRIP_") or key in ("TERM", "CI", "PYTEST_ADDOPTS"):
            inner_env[key] = value
    inner_env.update(env or {})
    cd = f"cd {shlex.quote(str(workdir))} && " if workdir is not None else ""
    inner = cd + "exec " + " ".join(shlex.quote(part) for part in command)
    script = (
        _mount_script(root, workdir)
        + "\nexec chroot "
        + shlex.quote(str(root))
        + " /usr/bin/env -i "
        + " ".join(shlex.quote(f"{k}={v}") for k, v in inner_env.items())
        + " /bin/sh -c "
        + shlex.quote(inner)
    )
    cmd = ["unshare", "--mount", "--propagation", "private", "sh", "-c", script]
    if capture:
        return subprocess.run(cmd, capture_output=True, text=True).stdout
    return subprocess.call(cmd)


def _copy_host_files(root: Path) -> None:
    """DNS and the host's CA certificates (an intercepting proxy's CA included) for apt and pip."""
    shutil.copy2("/etc/resolv.conf", root / "etc" / "resolv.conf", follow_symlinks=True)
    local_ca = Path("/usr/local/share/ca-certificates")
    if local_ca.is_dir():
        target = root / "usr" / "local" / "share" / "ca-certificates"
        target.mkdir(parents=True, exist_ok=True)
        for cert in local_ca.glob("*.crt"):
            shutil.copy2(cert, target / cert.name)
    for conf in ("/etc/pip.conf",):
        if Path(conf).exists():
            shutil.copy2(conf, root / conf.lstrip("/"))
    apt_conf = root / "etc" / "apt" / "apt.conf.d" / "99osm-roundtrip"
    # sid's Release file can be older than its Valid-Until between mirror pushes.
    apt_conf.write_text(
        'Acquire::Check-Valid-Until "false";\nAPT::Install-Recommends "false";\n'
        'Dpkg::Use-Pty "false";\n'
    )
    policy = root / "usr" / "sbin" / "policy-rc.d"  # no services start inside a root
    policy.write_text("#!/bin/sh\nexit 101\n")
    policy.chmod(0o755)


def _debootstrap(release: str, target: Path) -> None:
    if shutil.which("debootstrap") is None:
        raise RootError("debootstrap is not installed (apt-get install debootstrap)")
    log(f"debootstrap {release} into {target} (a few minutes, once)")
    cmd = ["debootstrap", "--variant=minbase", "--include=ca-certificates", release, target, MIRROR]
    try:
        _run(cmd, stdout=subprocess.DEVNULL)
    except subprocess.CalledProcessError as exc:
        log_file = target / "debootstrap" / "debootstrap.log"
        tail = log_file.read_text(errors="replace")[-2000:] if log_file.exists() else ""
        raise RootError(f"debootstrap {release} failed ({exc.returncode}):\n{tail}") from exc


def _apt_install(release: str, refresh: bool) -> None:
    root = root_dir_building(release)
    missing = [
        package
        for package in PACKAGES
        if run_in_root_raw(root, ["dpkg-query", "-W", "-f=${Status}", package], quiet=True)
        != "install ok installed"
    ]
    if not missing and not refresh:
        return
    steps = ["apt-get update -qq"]
    if refresh:
        steps.append("apt-get -y -qq dist-upgrade")
    if missing:
        log(f"{release}: installing {' '.join(missing)}")
        steps.append("apt-get install -y -qq " + " ".join(missing))
    steps.append("update-ca-certificates >/dev/null")
    status = run_in_root_raw(root, ["sh", "-c", " && ".join(steps)])
    if status != 0:
        raise RootError(f"apt-get in the {release} root failed (exit status {status})")


def run_in_root_raw(root: Path, command: list[str], quiet: bool = False):
    """Run in a root that may be unfinished: its stdout (``quiet``) or its exit status."""
    script = (
        _mount_script(root, None)
        + "\nexec chroot "
        + shlex.quote(str(root))
        + " /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8"
        + " DEBIAN_FRONTEND=noninteractive "
        + " ".join(shlex.quote(part) for part in command)
    )
    cmd = ["unshare", "--mount", "--propagation", "private", "sh", "-c", script]
    if quiet:
        done = subprocess.run(cmd, capture_output=True, text=True)
        return done.stdout.strip()
    return subprocess.call(cmd)


_building: dict[str, Path] = {}


def root_dir_building(release: str) -> Path:
    return _building.get(release, root_dir(release))


def _venv(release: str) -> None:
    root = root_dir_building(release)
    stamp = root / VENV.lstrip("/") / ".requirements"
    if stamp.exists() and stamp.read_text() == _fingerprint():
        return
    log(f"{release}: test venv {VENV} from requirements-dev.txt")
    requirements = root / "opt" / "osm-roundtrip-requirements.txt"
    requirements.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "requirements-dev.txt", requirements)
    script = (
        f"[ -x {VENV}/bin/python ] || python3 -m venv --system-site-packages {VENV}; "
        f"{VENV}/bin/python -m pip install -q --disable-pip-version-check "
        f"-r /opt/osm-roundtrip-requirements.txt"
    )
    status = run_in_root_raw(root, ["sh", "-c", script])
    if status != 0:
        raise RootError(f"pip in the {release} root failed (exit status {status})")
    stamp.write_text(_fingerprint())


def ensure(release: str, refresh: bool = False) -> Path:
    """Build the root of ``release`` if it is missing, else check and complete it."""
    if release not in RELEASES:
        raise RootError(f"unknown release {release!r} (one of {', '.join(RELEASES)})")
    if os.geteuid() != 0:
        raise RootError("building and entering roots needs root (debootstrap, chroot, mount)")
    final = root_dir(release)
    started = time.monotonic()
    if not (final / STAMP).exists():
        partial = final.with_name(final.name + ".partial")
        if partial.exists():
            shutil.rmtree(partial)
        partial.parent.mkdir(parents=True, exist_ok=True)
        _debootstrap(release, partial)
        _building[release] = partial
        try:
            _copy_host_files(partial)
            _apt_install(release, refresh=False)
            _venv(release)
            (partial / STAMP).write_text(f"{release}\n")
        finally:
            _building.pop(release, None)
        if final.exists():
            shutil.rmtree(final)
        partial.rename(final)
        log(f"{release}: built in {time.monotonic() - started:.0f} s")
    else:
        _copy_host_files(final)
        _apt_install(release, refresh=refresh)
        _venv(release)
    version = run_in_root_raw(final, ["dpkg-query", "-W", "-f=${Version}", "qgis"], quiet=True)
    if not version.startswith(QGIS_OF[release]):
        raise RootError(f"the {release} root has QGIS {version}, expected {QGIS_OF[release]}")
    return final


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_ensure = sub.add_parser("ensure", help="build or check roots")
    p_ensure.add_argument("releases", nargs="*")
    p_ensure.add_argument("--refresh", action="store_true", help="also upgrade their packages")
    p_run = sub.add_parser("run", help="run a command in a root")
    p_run.add_argument("release")
    p_run.add_argument("cmd", nargs=argparse.REMAINDER)
    sub.add_parser("host", help="print the host's release")
    args = parser.parse_args(argv)
    try:
        if args.command == "host":
            print(host_release())
            return 0
        if args.command == "ensure":
            for release in args.releases or other_releases():
                print(ensure(release, refresh=args.refresh))
            return 0
        cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
        return run_in_root(args.release, cmd)
    except RootError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
