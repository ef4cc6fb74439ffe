"""Real processes for tests: a toolkit database of their own, gunicorn with production settings,
``manage.py`` commands, and a Redis server that a test may stop for real.

These tests do what a council's server does, with nothing faked: several worker processes that
share only the database (and Redis, when set), commands run as separate processes, and services
stopped with their own commands. Everything listens on loopback ports picked at random.
"""

import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
SECRET = "a-test-only-secret-key-for-production-settings-" + "k" * 20
HOST = "toolkit.example.org"


PORT_BAND = 6000


def port_band():
    """Where this suite's servers listen: below the kernel's ephemeral range (32768 up, where
    outgoing connections take their local ports, so one could take ours between the check and the
    server's bind), and a band for each suite, since ``make test`` runs them side by side."""
    return 26000 if uses_postgres() else 20000


def port_is_bindable(port):
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def free_port():
    low = port_band()
    for _ in range(500):
        port = random.randrange(low, low + PORT_BAND)  # noqa: S311 - a port, not a secret
        if port_is_bindable(port):
            return port
    raise AssertionError("no free loopback port")


def production_env(database_url, redis_url="", **extra):
    """The environment a council's server runs with: production settings, no test settings."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "REDIS_", "DATABASE_", "PAGE_CACHE", "PYTEST"))
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "toolkit.settings.production",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": f"{HOST},127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env | {key: str(value) for key, value in extra.items()}


def manage(env, *args, check=True, timeout=300):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def python_in_django(env, code, timeout=120):
    """Run ``code`` in a fresh Django process (``manage.py shell``): another process, as a cron
    job, the task worker or an editor on another server would be."""
    return manage(env, "shell", "--no-imports", "-c", code, timeout=timeout).stdout


def rows_in_database(env, sql, params=()):
    """The rows ``sql`` selects from the database of ``env`` (a stack's or a server's), read
    straight through the database's own driver: a poll every fifth of a second, where booting a
    Django process to ask (``python_in_django``) takes seconds on a busy machine."""
    url = urlsplit(env["DATABASE_URL"])
    if url.scheme == "sqlite":
        import sqlite3

        with sqlite3.connect(url.path, timeout=10) as connection:
            return connection.execute(sql.replace("%s", "?"), params).fetchall()
    import psycopg

    with psycopg.connect(env["DATABASE_URL"].replace("postgres://", "postgresql://", 1)) as connection:
        return connection.execute(sql, params).fetchall()


# -- databases ----------------------------------------------------------------------------------
SHEET_PATH = "/neighbourhood-planning/neighbourhood-plan/"
FIRST_SHEET = """
from toolkit.sheets.models import DefinitionSheetPage, SectionPage
from toolkit.taxonomy.models import Audience, Topic
section = SectionPage.objects.get(slug="neighbourhood-planning")
sheet = DefinitionSheetPage(
    title="Neighbourhood Plan", slug="neighbourhood-plan", term="Neighbourhood plan",
    summary="A plan for how land in an area is used, written by the people who live and work there.",
)
section.add_child(instance=sheet)
sheet.topics.set([Topic.objects.get(slug="neighbourhood-plan")])
sheet.audiences.set([Audience.objects.get(slug="people")])
sheet.save_revision().publish()
"""


def uses_postgres():
    return os.environ.get("DATABASE_URL", "").startswith("postgres")


def psql(sql, database="postgres"):
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-qc", sql],
        check=True,
        capture_output=True,
    )


class DatabaseTemplate:
    """A database made once per test run by ``migrate`` and ``create_toolkit``, copied for each test."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.name = f"toolkit_proc_{os.getpid()}"
        self.static_root = self.folder / "static"
        self.copies = 0
        env = self.env(self.url(self.name))
        if uses_postgres():
            psql(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")
            psql(f"CREATE DATABASE {self.name}")
        manage(env, "migrate", "--noinput", "-v0", timeout=600)
        manage(env, "create_toolkit", "--name", "Test Toolkit", "--address", f"https://{HOST}")
        python_in_django(env, FIRST_SHEET)
        manage(env, "collectstatic", "--noinput", "-v0")

    def env(self, database_url, redis_url="", **extra):
        """Production settings on ``database_url``, with the static files this template collected
        and a media folder of the database's own."""
        media = self.folder / Path(urlsplit(database_url).path).stem / "media"
        return production_env(
            database_url, redis_url, STATIC_ROOT=self.static_root, MEDIA_ROOT=media, **extra
        )

    def url(self, name):
        if uses_postgres():
            return f"postgres://postgres@127.0.0.1:5432/{name}"
        return f"sqlite:///{self.folder / (name + '.sqlite3')}"

    def copy(self):
        """The URL of a new database holding what the template holds."""
        self.copies += 1
        name = f"{self.name}_{self.copies}"
        if uses_postgres():
            psql(f"CREATE DATABASE {name} TEMPLATE {self.name}")
        else:
            shutil.copyfile(self.folder / f"{self.name}.sqlite3", self.folder / f"{name}.sqlite3")
        return self.url(name)

    def drop(self):
        if uses_postgres():
            for number in range(self.copies, -1, -1):
                name = f"{self.name}_{number}" if number else self.name
                psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


POSTGRES_BIN = Path("/usr/lib/postgresql/15/bin")


class PostgresServer:
    """A PostgreSQL server of the test's own (Debian's binaries, a data folder in /tmp, loopback,
    trust), so a test can stop the database for real without stopping the machine's shared
    cluster, which other suites use at the same time.

    PostgreSQL refuses to run as root, so as root it runs as the ``postgres`` user, with a data
    folder that user owns (pytest's own temporary folders are closed to other users). Durability
    is switched off: nothing here has to survive a power cut, and the stop used (``-m fast``) is a
    clean shutdown anyway.
    """

    def __init__(self):
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="toolkit-postgres-"))
        self.data = self.folder / "data"
        self.log = self.folder / "postgres.log"
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_owner:
            shutil.chown(self.folder, "postgres")
        self.pg_ctl(
            "initdb", "-o", "--auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8 --no-sync"
        )

    def url(self, name="toolkit"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def pg_ctl(self, *args):
        return subprocess.run(
            [*self.as_owner, str(POSTGRES_BIN / "pg_ctl"), "-D", str(self.data), *args],
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )

    def start(self):
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories='' "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self.pg_ctl("start", "--wait", "-l", str(self.log), "-o", options)

    def stop(self):
        """Stopped the way an operator stops it: ``pg_ctl stop -m fast`` (connections cut at once)."""
        self.pg_ctl("stop", "--wait", "-m", "fast")

    def running(self):
        return (
            subprocess.run(
                [*self.as_owner, str(POSTGRES_BIN / "pg_ctl"), "-D", str(self.data), "status"],
                capture_output=True,
            ).returncode
            == 0
        )

    def psql(self, sql, database="postgres"):
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", database, "-qc", sql],
            check=True,
            capture_output=True,
        )

    def create_toolkit(self, template, name="toolkit"):
        """A database ``name`` holding what ``template`` (a ``DatabaseTemplate``) holds: on a
        PostgreSQL run copied from the template with pg_dump (seconds), else made the same way
        (``migrate``, ``create_toolkit``, the first sheet: half a minute). Its URL."""
        self.psql(f"CREATE DATABASE {name}")
        if uses_postgres():
            dump = subprocess.run(
                ["pg_dump", "-h", "127.0.0.1", "-U", "postgres", "--no-owner", template.name],
                check=True,
                capture_output=True,
            )
            subprocess.run(
                ["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", name, "-q"],
                input=dump.stdout,
                check=True,
                capture_output=True,
            )
        else:
            env = template.env(self.url(name))
            manage(env, "migrate", "--noinput", "-v0", timeout=600)
            manage(env, "create_toolkit", "--name", "Test Toolkit", "--address", f"https://{HOST}")
            python_in_django(env, FIRST_SHEET)
        return self.url(name)

    def remove(self):
        if self.data.exists() and self.running():
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


# -- gunicorn -----------------------------------------------------------------------------------
class Server:
    """A running gunicorn: its address, and which worker answered each request (its access log)."""

    def __init__(self, process, base, access_log, error_log):
        self.process = process
        self.base = base
        self.access_log = access_log
        self.error_log = error_log

    def get(self, path, headers=None, data=None, timeout=30):
        """(status, body text, headers) of a request; HTTP errors are answers too, not exceptions."""
        request = urllib.request.Request(  # noqa: S310 - our own server on loopback
            self.base + path,
            data=data,
            headers={"Host": HOST, "X-Forwarded-Proto": "https", **(headers or {})},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - loopback only
                return response.status, response.read().decode(errors="replace"), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace"), dict(error.headers)

    def access_lines(self):
        """The access log so far: one "<worker pid> <path> <status>" line a request."""
        return Path(self.access_log).read_text().splitlines()

    def workers_that_answered(self, path):
        """Process ids of the workers that served ``path`` so far."""
        pids = set()
        for line in self.access_lines():
            pid, _, served = line.partition(" ")
            if served.split(" ")[0] == path:
                pids.add(pid)
        return pids

    def errors(self):
        return Path(self.error_log).read_text()


@contextmanager
def gunicorn(env, folder, workers=2):
    port = free_port()
    access_log, error_log = Path(folder) / f"access-{port}.log", Path(folder) / f"error-{port}.log"
    process = subprocess.Popen(
        [
            GUNICORN,
            "toolkit.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--access-logfile",
            str(access_log),
            "--access-logformat",
            "%(p)s %(U)s %(s)s",
            "--error-logfile",
            str(error_log),
            "--capture-output",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    server = Server(process, f"http://127.0.0.1:{port}", access_log, error_log)
    try:
        wait_for(lambda: answers(server), what=f"gunicorn on port {port}")
        yield server
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def answers(server):
    try:
        return server.get("/healthz", timeout=5)[0] in (200, 503)
    except OSError:
        return False


def wait_for(condition, what, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"{what} did not come up within {seconds} s")


# -- Redis --------------------------------------------------------------------------------------
class RedisServer:
    """A redis-server of the test's own, on its own port, so stopping it touches no other test."""

    def __init__(self, folder):
        self.port = free_port()
        self.folder = Path(folder)
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            cwd=self.folder,
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_for(self.ping, what=f"redis-server on port {self.port}")

    def ping(self):
        result = subprocess.run(
            ["redis-cli", "-p", str(self.port), "ping"], capture_output=True, text=True, timeout=5
        )
        return result.stdout.strip() == "PONG"

    def shutdown(self):
        """Stopped the way an operator stops it: ``redis-cli shutdown``."""
        subprocess.run(
            ["redis-cli", "-p", str(self.port), "shutdown", "nosave"], capture_output=True, timeout=10
        )
        self.process.wait(timeout=10)

    def freeze(self):
        """A Redis that hangs: the process is stopped (SIGSTOP), its socket stays open."""
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self):
        os.kill(self.process.pid, signal.SIGCONT)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.thaw()
            self.shutdown()


# -- mail ---------------------------------------------------------------------------------------
class MailServer:
    """An SMTP server (aiosmtpd, in a thread of the test process) that keeps every message."""

    def __init__(self):
        self.port = free_port()
        self.messages = []
        self.controller = None

    def start(self):
        from aiosmtpd.controller import Controller

        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's handler name
        self.messages.append(
            {"from": envelope.mail_from, "to": list(envelope.rcpt_tos), "data": envelope.content.decode()}
        )
        return "250 Message accepted"

    def wait_for(self, count=1, seconds=30):
        wait_for(lambda: len(self.messages) >= count, what=f"{count} email(s)", seconds=seconds)
        return self.messages

    def stop(self):
        if self.controller:
            self.controller.stop()


# -- a reader's or editor's browser, without the browser ------------------------------------------
class WebClient:
    """Requests to a running server with cookies kept (by hand: they are Secure, since a real
    reader talks HTTPS to nginx, while tests talk plain HTTP on loopback) and CSRF handled."""

    def __init__(self, base, host=HOST):
        self.base = base.rstrip("/")
        self.host = host
        self.cookies = {}

    def request(self, path, data=None, headers=None, method=None, timeout=30):
        """(status, body text, headers); an HTTP error status is an answer, not an exception."""
        sent = {"Host": self.host, "X-Forwarded-Proto": "https", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if isinstance(data, dict):
            data = urllib.parse.urlencode(data, doseq=True).encode()
            sent.setdefault("Content-Type", "application/x-www-form-urlencoded")
        request = urllib.request.Request(self.base + path, data=data, headers=sent, method=method)  # noqa: S310
        opener = urllib.request.build_opener(NoRedirects)
        try:
            response = opener.open(request, timeout=timeout)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                self.cookies[name.strip()] = rest.split(";")[0]
            return response.status, response.read().decode(errors="replace"), dict(response.headers)

    def get(self, path, **kwargs):
        return self.request(path, **kwargs)

    def post_form(self, form_path, fields, post_path=None, headers=None):
        """GET the form (for its CSRF cookie), then POST ``fields`` with the token, as a browser would."""
        self.get(form_path)
        token = self.cookies.get("csrftoken", "")
        referer = f"https://{self.host}{form_path}"
        return self.request(
            post_path or form_path,
            data={"csrfmiddlewaretoken": token, **fields},
            headers={"Referer": referer, "Origin": f"https://{self.host}", **(headers or {})},
        )

    def sign_in(self, username, password):
        status, _, headers = self.post_form("/admin/login/", {"username": username, "password": password})
        assert status == 302 and "sessionid" in self.cookies, f"sign-in failed ({status})"


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def free_ports(count):
    """The first of ``count`` consecutive free loopback ports (for a stack: nginx, Varnish, apps)."""
    low = port_band()
    for _ in range(200):
        start = random.randrange(low, low + PORT_BAND - count)  # noqa: S311 - a port, not a secret
        if all(port_is_bindable(start + n) for n in range(count)):
            return start
    raise AssertionError(f"no {count} free ports in a row")
