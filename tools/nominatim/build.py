"""Install what a local Nominatim needs and build its SQLite database from a PBF, idempotently.

Runs with Debian's ``/usr/bin/python3`` and the standard library only (``ensure.sh`` calls it).
Everything it makes lives in a cache folder outside the repository::

    ${XDG_CACHE_HOME:-$HOME/.cache}/osm-roundtrip/nominatim/
        venv-<nominatim version>/            Python venv (Debian's python3) with nominatim-db/-api
        db/<nominatim version>-<pbf sha256 prefix>/li.sqlite

A second run installs nothing and rebuilds nothing; it says what it skips. The database is built
by a private, throw-away PostgreSQL cluster on 127.0.0.1 (non-default port, data in a temporary
folder owned by ``postgres``), imported with ``--offline``, stamped with the data date of the PBF,
converted to SQLite and the cluster is stopped and removed.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NOMINATIM_VERSION = "5.3.3"
DEBIAN_PYTHON = "/usr/bin/python3"
PG_LIB = Path("/usr/lib/postgresql")
REPO = Path(__file__).resolve().parents[2]
DEFAULT_PBF = REPO / "tests" / "data" / "liechtenstein.osm.pbf"

# Debian packages: PostgreSQL/PostGIS of the release's default major version (the metapackages
# ``postgresql`` and ``postgresql-postgis`` depend on it: 15 on Debian 12, 17 on Debian 13), and
# osm2pgsql for the import, spatialite for SQLite, the compiler tool chain and ICU headers for
# PyICU (sdist only), osmium-tool for the data date.
DEBIAN_PACKAGES = (
    "postgresql",
    "postgresql-postgis",
    "osm2pgsql",
    "libsqlite3-mod-spatialite",
    "python3",
    "python3-venv",
    "python3-dev",
    "g++",
    "pkg-config",
    "libicu-dev",
    "osmium-tool",
)
# Versions tested together (nominatim-local.md); PyICU is compiled from source.
PIP_REQUIREMENTS = (
    f"nominatim-db=={NOMINATIM_VERSION}",
    f"nominatim-api=={NOMINATIM_VERSION}",
    "aiosqlite==0.22.1",
    "falcon==4.4.0",
    "uvicorn==0.54.0",
    "psycopg[binary]==3.3.9",
    "pyicu==2.17",
)


def log(message: str) -> None:
    print(f"[nominatim] {message}", file=sys.stderr, flush=True)


def cache_dir() -> Path:
    explicit = os.environ.get("OSM_ROUNDTRIP_NOMINATIM_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "osm-roundtrip" / "nominatim"


def venv_dir(cache: Path | None = None) -> Path:
    return (cache or cache_dir()) / f"venv-{NOMINATIM_VERSION}"


def pbf_digest(pbf: Path) -> str:
    digest = hashlib.sha256()
    with open(pbf, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def database_path(pbf: Path = DEFAULT_PBF, cache: Path | None = None) -> Path:
    """Where the SQLite database for ``pbf`` lives (whether or not it is built yet)."""
    key = f"{NOMINATIM_VERSION}-{pbf_digest(pbf)[:16]}"
    return (cache or cache_dir()) / "db" / key / "li.sqlite"


def venv_ready(cache: Path | None = None) -> bool:
    venv = venv_dir(cache)
    marker = venv / ".requirements"
    return marker.is_file() and marker.read_text() == "\n".join(PIP_REQUIREMENTS) + "\n"


def database_ready(pbf: Path = DEFAULT_PBF, cache: Path | None = None) -> bool:
    path = database_path(pbf, cache)
    return path.is_file() and path.stat().st_size > 0 and (path.parent / ".complete").is_file()


def run(cmd, **kwargs) -> subprocess.CompletedProcess:
    """Run ``cmd``; its output goes to stderr so that stdout carries only the result path."""
    log("$ " + " ".join(str(part) for part in cmd))
    kwargs.setdefault("stdout", sys.stderr)
    return subprocess.run([str(part) for part in cmd], check=True, **kwargs)


# ---------------------------------------------------------------------------------------------
# Debian packages


def missing_packages(packages=DEBIAN_PACKAGES) -> list[str]:
    missing = []
    for name in packages:
        probe = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True
        )
        if probe.returncode != 0 or "install ok installed" not in probe.stdout:
            missing.append(name)
    return missing


def ensure_packages() -> None:
    missing = missing_packages()
    if not missing:
        log(f"skip: Debian packages already installed ({len(DEBIAN_PACKAGES)})")
        return
    if os.geteuid() != 0:
        raise SystemExit(
            "error: these Debian packages are missing and installing them needs root: "
            + " ".join(missing)
        )
    log("installing Debian packages: " + " ".join(missing))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update", "-q"], env=env)
    run(["apt-get", "install", "-y", "-q", "--no-install-recommends", *missing], env=env)


def postgresql_bin() -> Path:
    """The programs of the PostgreSQL major version that Debian's ``postgresql`` depends on."""
    probe = subprocess.run(
        ["dpkg-query", "-W", "-f=${Depends}", "postgresql"], capture_output=True, text=True
    )
    majors = [
        name.strip().split()[0][len("postgresql-") :]
        for name in probe.stdout.replace("|", ",").split(",")
        if name.strip().startswith("postgresql-")
    ]
    for major in majors:
        folder = PG_LIB / major / "bin"
        if (folder / "initdb").is_file():
            return folder
    raise SystemExit(
        "error: no PostgreSQL server programs found for the Debian package 'postgresql' "
        f"(it depends on {probe.stdout.strip() or 'nothing installed'}; looked in {PG_LIB})"
    )


# ---------------------------------------------------------------------------------------------
# Python venv


def ensure_venv(cache: Path) -> Path:
    venv = venv_dir(cache)
    if venv_ready(cache):
        log(f"skip: venv {venv} is complete")
        return venv
    if venv.exists():
        log(f"removing incomplete venv {venv}")
        shutil.rmtree(venv)
    venv.parent.mkdir(parents=True, exist_ok=True)
    # Debian's python3: the pyenv build cannot load SQLite extensions (spatialite).
    run([DEBIAN_PYTHON, "-m", "venv", venv])
    pip = venv / "bin" / "pip"
    run([pip, "install", "-q", "--upgrade", "pip"])
    run([pip, "install", "-q", *PIP_REQUIREMENTS])
    (venv / ".requirements").write_text("\n".join(PIP_REQUIREMENTS) + "\n")
    return venv


# ---------------------------------------------------------------------------------------------
# Database


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_postgres(cmd) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *map(str, cmd)]
    return [str(part) for part in cmd]


def data_date(pbf: Path) -> str:
    out = subprocess.run(
        ["osmium", "fileinfo", "-e", "-g", "data.timestamp.last", str(pbf)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    if not out:
        raise SystemExit(f"error: osmium found no data timestamp in {pbf}")
    return out


@contextlib.contextmanager
def private_cluster(workdir: Path):
    """A throw-away PostgreSQL cluster on 127.0.0.1:<free port>; yields (socket dir, port)."""
    if os.geteuid() != 0:
        raise SystemExit("error: building the database needs root (initdb runs as 'postgres')")
    pgdata = workdir / "pg"
    sockdir = workdir / "pgsock"
    for folder in (pgdata, sockdir):
        folder.mkdir(mode=0o700)
    shutil.chown(workdir, "postgres", "postgres")
    for folder in (pgdata, sockdir):
        shutil.chown(folder, "postgres", "postgres")
    port = free_port()
    pg_bin = postgresql_bin()
    log(f"PostgreSQL: {pg_bin}")
    run(
        as_postgres(
            [
                pg_bin / "initdb",
                "-D",
                pgdata,
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        ),
        stdout=subprocess.DEVNULL,
    )
    with open(pgdata / "postgresql.conf", "a") as conf:
        conf.write(
            f"""
listen_addresses = '127.0.0.1'
port = {port}
unix_socket_directories = '{sockdir}'
shared_buffers = 1GB
maintenance_work_mem = 2GB
synchronous_commit = off
fsync = off
full_page_writes = off
wal_level = minimal
max_wal_senders = 0
"""
        )
    logfile = workdir / "pg.log"
    run(
        as_postgres([pg_bin / "pg_ctl", "-D", pgdata, "-l", logfile, "-w", "start"]),
        stdout=subprocess.DEVNULL,
    )
    try:
        yield sockdir, port
    finally:
        subprocess.run(
            as_postgres([pg_bin / "pg_ctl", "-D", pgdata, "-m", "fast", "-w", "stop"]),
            stdout=subprocess.DEVNULL,
            check=False,
        )
        log("stopped the private PostgreSQL cluster")


def build_database(pbf: Path, cache: Path, venv: Path, threads: int) -> Path:
    target = database_path(pbf, cache)
    if database_ready(pbf, cache):
        log(f"skip: database {target} is already built")
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in (target, target.parent / ".complete"):
        stale.unlink(missing_ok=True)  # a failed convert leaves a 0-byte file (never reused)
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="nominatim-build-"))
    try:
        with private_cluster(workdir) as (sockdir, port):
            psql = [
                "/usr/bin/psql",
                "-q",
                "-h",
                sockdir,
                "-p",
                port,
                "-U",
                "postgres",
                "-v",
                "ON_ERROR_STOP=1",
            ]
            # The web user must have LOGIN (the import checks pg_user).
            run(
                [
                    *psql,
                    "-c",
                    "CREATE ROLE root SUPERUSER LOGIN",
                    "-c",
                    'CREATE ROLE "www-data" LOGIN',
                ]
            )
            project = workdir / "project"
            project.mkdir()
            (project / ".env").write_text(
                f'NOMINATIM_DATABASE_DSN="pgsql:dbname=nominatim;host={sockdir};port={port}"\n'
            )
            env = dict(os.environ, PGHOST=str(sockdir), PGPORT=str(port))
            env.pop("NOMINATIM_DATABASE_DSN", None)
            nominatim = venv / "bin" / "nominatim"
            run(
                [
                    nominatim,
                    "import",
                    "--osm-file",
                    pbf,
                    "--threads",
                    threads,
                    "--osm2pgsql-cache",
                    "1000",
                    "--no-partitions",
                    "--no-updates",
                    "--offline",
                ],
                cwd=project,
                env=env,
            )
            # osm2pgsql 1.8 + --offline leave import_status empty: stamp the data date.
            date = data_date(pbf)
            run(
                [
                    *psql,
                    "-d",
                    "nominatim",
                    "-c",
                    f"INSERT INTO import_status (lastimportdate, indexed) VALUES ('{date}', true)",
                ]
            )
            output = workdir / "li.sqlite"
            run([nominatim, "convert", "-o", output], cwd=project, env=env)
            if not output.is_file() or output.stat().st_size == 0:
                raise SystemExit("error: nominatim convert produced no database")
        shutil.move(str(output), str(target))
        (target.parent / ".complete").write_text(
            f"pbf={pbf.name}\nsha256={pbf_digest(pbf)}\nnominatim={NOMINATIM_VERSION}\n"
            f"data_date={date}\n"
        )
        log(f"built {target} in {time.monotonic() - started:.1f} s")
        return target
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


@contextlib.contextmanager
def locked(cache: Path):
    """Serialise concurrent runs (e.g. two test sessions) on the same cache folder."""
    cache.mkdir(parents=True, exist_ok=True)
    with open(cache / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure(pbf: Path = DEFAULT_PBF, cache: Path | None = None, threads: int = 2) -> Path:
    cache = cache or cache_dir()
    pbf = pbf.resolve()
    if not pbf.is_file():
        raise SystemExit(f"error: no PBF at {pbf}")
    with locked(cache):
        ensure_packages()
        venv = ensure_venv(cache)
        return build_database(pbf, cache, venv, threads)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pbf", type=Path, default=DEFAULT_PBF, help="input extract (.osm.pbf)")
    parser.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="cache folder (default: ${XDG_CACHE_HOME:-~/.cache}/osm-roundtrip/nominatim)",
    )
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--print-venv",
        action="store_true",
        help="print the venv folder instead of the database path",
    )
    args = parser.parse_args(argv)
    path = ensure(args.pbf, args.cache, args.threads)
    print(venv_dir(args.cache) if args.print_venv else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
