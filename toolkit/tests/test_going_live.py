"""The README's "Going live on an empty server" block, run as written on an empty database.

The block is read from the README itself, so the instructions and the test cannot drift apart.
It runs in a copy of the repository (its own ``.venv`` made from ``requirements/production.txt``,
which proves production needs nothing from the development list), with three changes a real
server would not need: the database is a new empty one of the test's own, ``createsuperuser``
takes its password from ``DJANGO_SUPERUSER_PASSWORD`` instead of a keyboard (``--noinput``), and
gunicorn listens on a free port. Then the site is read through that gunicorn, and the editor
signs in.
"""

import fcntl
import hashlib
import os
import re
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from toolkit.tests.servers import ROOT, WebClient, free_port, psql, uses_postgres, wait_for

BLOCK = re.compile(r"### Going live on an empty server\n.*?```sh\n(.*?)```", re.S)
PASSWORD = "a long first editor password"


def going_live_block():
    match = BLOCK.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert match, "the README has no going-live block"
    return match.group(1)


def production_venv(digest):
    """The production ``.venv``, made by the README's own command once for both database engines'
    suites (a file lock: the other suite waits rather than installing into it at the same time).
    The block's own ``venv`` and ``pip install`` then find everything in place and change nothing;
    on a fresh machine this saves the second suite a minute and more of installing."""
    venv = Path(f"/tmp/toolkit-going-live-{digest}-venv")
    with open(f"{venv}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (venv / "installed").exists():
            shutil.rmtree(venv, ignore_errors=True)
            subprocess.run(["python3", "-m", "venv", str(venv)], check=True)
            requirements = ROOT / "requirements" / "production.txt"
            subprocess.run([venv / "bin" / "pip", "install", "--quiet", "-r", requirements], check=True)
            (venv / "installed").touch()
    return venv


def scratch_copy():
    """A copy of the repository's files, one for each database engine (``make test`` runs the two
    suites side by side), with the production ``.venv`` that both share."""
    digest = hashlib.sha256((ROOT / "requirements" / "production.txt").read_bytes()).hexdigest()[:12]
    engine = "postgres" if uses_postgres() else "sqlite"
    target = Path(f"/tmp/toolkit-going-live-{digest}-{engine}")
    target.mkdir(exist_ok=True)
    for child in target.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    (target / ".venv").symlink_to(production_venv(digest))
    tracked = subprocess.run(  # the repository's files, and new ones not yet committed (not ignored ones)
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    for name in filter(None, tracked.stdout.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.fixture
def empty_database(tmp_path):
    if not uses_postgres():
        yield f"sqlite:///{tmp_path / 'toolkit.sqlite3'}"
        return
    name = f"toolkit_going_live_{os.getpid()}"
    psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    psql(f"CREATE DATABASE {name}")
    yield f"postgres://postgres@127.0.0.1:5432/{name}"
    psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def as_run_here(block, database_url, port):
    script, count = re.subn(r"DATABASE_URL=\S+", f"DATABASE_URL={database_url}", block)
    assert count == 1
    script, count = re.subn(r"(manage\.py createsuperuser [^\n]*)", r"\1 --noinput", script)
    assert count == 1
    script, count = re.subn(
        r"\n(\.venv/bin/gunicorn [^\n]*)--bind 127\.0\.0\.1:8000",
        rf"\nexec \1--bind 127.0.0.1:{port}",
        script,
    )
    assert count == 1
    return script


def test_the_readme_going_live_steps_give_a_working_empty_toolkit(empty_database, tmp_path):
    folder, port = scratch_copy(), free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))
    }
    env["DJANGO_SUPERUSER_PASSWORD"] = PASSWORD
    log = tmp_path / "going-live.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            ["bash", "-euo", "pipefail", "-c", as_run_here(going_live_block(), empty_database, port)],
            cwd=folder,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    client = WebClient(f"http://127.0.0.1:{port}")

    def up():
        assert process.poll() is None, log.read_text()[-3000:]
        try:
            return client.get("/healthz")[0] == 200
        except OSError:
            return False

    try:
        wait_for(up, what="the site from the README's steps", seconds=600)
        status, home, _ = client.get("/")
        assert status == 200 and "Anytown Community Toolkit" in home
        assert "Welcome to your new Wagtail site" not in home
        for path in (
            "/topics/",
            "/get-started/",
            "/glossary/",
            "/useful-information/",
            "/about/",
            "/contact/",
        ):
            assert client.get(path)[0] == 200, path
        client.sign_in("editor", PASSWORD)
        status, dashboard, _ = client.get("/admin/")
        assert status == 200 and "<title>Dashboard - Wagtail</title>" in dashboard and "Log out" in dashboard
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    said = log.read_text()
    assert "Toolkit ready" in said and "Traceback" not in said
