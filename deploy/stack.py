#!/usr/bin/env python3
"""The production stack of deploy/ on this machine, on loopback ports: ``make stack``.

    nginx (static and media files, limits)  ->  Varnish (the front cache)  ->  gunicorn (1 or more)
    (and straight to gunicorn while Varnish is down)                           + the task worker

It runs the very files a council installs (``deploy/nginx``, ``deploy/varnish``), changing only
what a loopback copy must: ports, the folders of static and media files, X-Forwarded-Proto
(TLS would end before this nginx), and one Varnish backend per app server. Everything it starts
is recorded in the run folder (``.stack/`` by default) and ``make stack-stop`` stops exactly
those processes, by their ids.

The database is ``DATABASE_URL`` (and the cache ``REDIS_URL``) when set; otherwise a SQLite file
in the run folder, made with the demo toolkit on first start.

    python deploy/stack.py start [--port 8080] [--servers 1] [--workers 2] [--no-demo]
    python deploy/stack.py stop
    python deploy/stack.py status
"""

import argparse
import getpass
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
WORKER_ID = "stack-worker"  # one worker per stack, so its lost tasks are its own
DEFAULT_RUN = ROOT / ".stack"


class StackError(Exception):
    """Something the stack needs is missing or did not start; the message says what."""


# -- the configuration files, from deploy/ ---------------------------------------------------------
def replace(text, old, new, source):
    """``text`` with ``old`` replaced, failing loudly if the shipped file no longer has it."""
    if old not in text:
        raise StackError(f"{source} no longer contains {old!r}: update deploy/stack.py to match")
    return text.replace(old, new)


def nginx_config(run, port, front_cache_port, app_ports, static_root, media_parent):
    site = (DEPLOY / "nginx" / "toolkit-site.conf").read_text()
    site = replace(site, "alias /srv/toolkit/staticfiles/;", f"alias {static_root}/;", "toolkit-site.conf")
    site = replace(site, "root /srv/toolkit;", f"root {media_parent};", "toolkit-site.conf")
    site = replace(
        site,
        "proxy_set_header X-Forwarded-Proto $scheme;",
        "proxy_set_header X-Forwarded-Proto https;  # TLS ends before this nginx",
        "toolkit-site.conf",
    )
    (run / "toolkit-site.conf").write_text(site)
    upstream = (DEPLOY / "nginx" / "toolkit.conf").read_text()
    block = re.search(r"upstream toolkit_front_cache \{.*?\}", upstream, re.S)
    if not block:
        raise StackError("deploy/nginx/toolkit.conf has no upstream toolkit_front_cache block")
    upstream_block = replace(
        block.group(0),
        "server 127.0.0.1:6081 max_fails=0;",
        f"server 127.0.0.1:{front_cache_port} max_fails=0;",
        "toolkit.conf",
    )
    backups = "\n    ".join(f"server 127.0.0.1:{app_port} backup;" for app_port in app_ports)
    upstream_block = replace(upstream_block, "server 127.0.0.1:8000 backup;", backups, "toolkit.conf")
    return f"""# Made by deploy/stack.py from deploy/nginx/: do not edit.
# Workers run as whoever started the stack (they read files from wherever the stack keeps them).
user {getpass.getuser()};
worker_processes auto;
pid {run}/nginx.pid;
error_log {run}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    client_body_temp_path {run}/nginx-body;
    proxy_temp_path {run}/nginx-proxy;
    fastcgi_temp_path {run}/nginx-fastcgi;
    uwsgi_temp_path {run}/nginx-uwsgi;
    scgi_temp_path {run}/nginx-scgi;
    {upstream_block}
    server {{
        listen 127.0.0.1:{port};
        server_name _;
        include {run}/toolkit-site.conf;
    }}
}}
"""


def varnish_config(app_ports):
    vcl = (DEPLOY / "varnish" / "toolkit.vcl").read_text()
    block = re.search(r"backend app1 \{.*?\n\}\n", vcl, re.S)
    if not block:
        raise StackError("deploy/varnish/toolkit.vcl has no backend app1 block")
    backends = "".join(
        replace(block.group(0), "backend app1 {", f"backend app{n} {{", "toolkit.vcl").replace(
            '.port = "8000";', f'.port = "{port}";'
        )
        for n, port in enumerate(app_ports, start=1)
    )
    vcl = vcl.replace(block.group(0), backends)
    adds = "".join(f"    app.add_backend(app{n});\n" for n in range(1, len(app_ports) + 1))
    return replace(vcl, "    app.add_backend(app1);\n", adds, "toolkit.vcl")


# -- processes ---------------------------------------------------------------------------------
def port_free(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def wait_for_url(url, seconds=60, host=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            request = urllib.request.Request(url, headers={"Host": host} if host else {})
            with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - loopback
                if response.status < 500:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise StackError(f"{url} did not answer within {seconds} s")


def spawn(run, name, command, env, cwd=ROOT):
    log = open(run / f"{name}.log", "ab")  # noqa: SIM115 - the child keeps it open
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=log, start_new_session=True)
    record(run, name, process.pid)
    return process


def record(run, name, pid):
    state = load_state(run)
    state.setdefault("pids", {})[name] = pid
    save_state(run, state)


def load_state(run):
    path = run / "stack.json"
    return json.loads(path.read_text()) if path.exists() else {}


def save_state(run, state):
    (run / "stack.json").write_text(json.dumps(state, indent=2))


class Stack:
    """One loopback copy of the production stack, recorded in ``run``.

    ``env`` overrides the environment the app runs with (a test's database, an SMTP port).
    """

    def __init__(self, run, port=8080, servers=1, workers=2, env=None, setup=True, demo=True):
        self.run = Path(run).resolve()
        self.port = port
        self.front_cache_port = port + 1
        self.app_ports = [port + 2 + n for n in range(servers)]
        self.workers = workers
        self.overrides = dict(env or {})
        self.setup = setup
        self.demo = demo

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def environment(self):
        env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
        secret_file = self.run / "secret-key"
        if not secret_file.exists():
            secret_file.write_text(secrets.token_urlsafe(50))
        env |= {
            "DJANGO_SETTINGS_MODULE": "toolkit.settings.production",
            "SECRET_KEY": secret_file.read_text().strip(),
            "ALLOWED_HOSTS": env.get("ALLOWED_HOSTS", "127.0.0.1,localhost,toolkit.example.org"),
            "DATABASE_URL": env.get("DATABASE_URL") or f"sqlite:///{self.run / 'toolkit.sqlite3'}",
            "STATIC_ROOT": str(self.run / "static"),
            "MEDIA_ROOT": str(self.run / "media"),
            "SERVE_MEDIA": "false",  # nginx serves /media/
            "FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{self.front_cache_port}/",
            "CLIENT_IP_HEADER": "X-Real-IP",
            "TASK_BACKEND": "database",
            "LOG_LEVEL": env.get("LOG_LEVEL", "WARNING"),
            "PYTHONUNBUFFERED": "1",
        }
        return env | self.overrides

    def manage(self, *args):
        result = subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=self.environment(), capture_output=True, text=True
        )
        if result.returncode != 0:
            raise StackError(
                f"manage.py {' '.join(args)} failed: {(result.stderr or result.stdout).strip()[-800:]}"
            )
        return result.stdout

    def start(self):
        run = self.run
        if load_state(run).get("pids"):
            raise StackError(f"a stack is already recorded in {run}: run `make stack-stop` first")
        for tool in ("nginx", "varnishd"):
            if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
                raise StackError(f"{tool} is not installed: run `make system-packages`")
        for wanted in (self.port, self.front_cache_port, *self.app_ports):
            if not port_free(wanted):
                raise StackError(f"port {wanted} is taken: choose another with --port")
        run.mkdir(parents=True, exist_ok=True)
        env = self.environment()
        Path(env["MEDIA_ROOT"]).mkdir(parents=True, exist_ok=True)
        save_state(
            run,
            {
                "port": self.port,
                "front_cache_port": self.front_cache_port,
                "app_ports": self.app_ports,
                "pids": {},
            },
        )
        if self.setup:
            self.manage("migrate", "--noinput", "-v0")
            if self.demo:
                self.manage("load_demo", "-v0")
            else:
                self.manage("create_toolkit", "--name", "Stack Toolkit", "--address", self.url)
            self.manage("collectstatic", "--noinput", "-v0")
        try:
            self.start_processes(env)
        except BaseException:
            self.stop()
            raise

    def start_processes(self, env):
        run = self.run
        for n, app_port in enumerate(self.app_ports, start=1):
            spawn(
                run,
                f"gunicorn-{n}",
                [
                    GUNICORN,
                    "toolkit.wsgi",
                    "--workers",
                    str(self.workers),
                    "--bind",
                    f"127.0.0.1:{app_port}",
                    "--timeout",
                    "60",
                    "--access-logfile",
                    str(run / f"gunicorn-{n}-access.log"),
                    "--access-logformat",
                    "%(p)s %(U)s %(s)s",
                ],
                env,
            )
        self.start_worker(env)
        (run / "toolkit.vcl").write_text(varnish_config(self.app_ports))
        varnish = spawn(
            run,
            "varnish",
            [
                shutil.which("varnishd") or "/usr/sbin/varnishd",
                "-F",
                "-a",
                f"127.0.0.1:{self.front_cache_port}",
                "-f",
                str(run / "toolkit.vcl"),
                "-s",
                "malloc,256m",
                "-n",
                str(run / "varnish"),
                "-j",
                "none",  # run as whoever started the stack, like the rest of it
            ],
            env,
        )
        media = Path(env["MEDIA_ROOT"])
        if media.name != "media":
            raise StackError(
                f"MEDIA_ROOT must be a folder called media (nginx serves /media/ from it): {media}"
            )
        (run / "nginx.conf").write_text(
            nginx_config(
                run, self.port, self.front_cache_port, self.app_ports, Path(env["STATIC_ROOT"]), media.parent
            )
        )
        nginx = subprocess.run(
            [shutil.which("nginx") or "/usr/sbin/nginx", "-p", str(run), "-c", str(run / "nginx.conf")],
            capture_output=True,
            text=True,
        )
        if nginx.returncode != 0:
            raise StackError(f"nginx did not start: {nginx.stderr.strip()}")
        record(run, "nginx", int((run / "nginx.pid").read_text()))
        for app_port in self.app_ports:
            wait_for_url(f"http://127.0.0.1:{app_port}/healthz/live")
        try:
            # Varnish itself first: nginx answers through its backup (gunicorn) while Varnish is
            # still starting, so a 200 from nginx alone would not mean the front cache is up.
            wait_for_url(f"http://127.0.0.1:{self.front_cache_port}/healthz/live")
            wait_for_url(f"{self.url}/", host="127.0.0.1")
        finally:
            if varnish.poll() is not None:
                log = (run / "varnish.log").read_text(errors="replace").strip().splitlines()[-3:]
                raise StackError(f"Varnish stopped: {' / '.join(log)} (its log: {run / 'varnish.log'})")

    def stop(self):
        return stop_recorded(self.run)

    def stop_process(self, name):
        """Stop one of the stack's processes for real (a test of a fault); it stays recorded."""
        pid = load_state(self.run)["pids"][name]
        terminate(name, pid)

    def start_worker(self, env=None):
        """The task worker (again, after ``stop_process("worker")``), as the systemd unit starts it:
        first the tasks a killed worker of the same id left running go back in the queue."""
        env = env or self.environment()
        requeue = [PYTHON, "manage.py", "requeue_lost_tasks", "--worker-id", WORKER_ID]
        result = subprocess.run(requeue, cwd=ROOT, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise StackError(f"requeue_lost_tasks failed: {result.stderr.strip()[-800:]}")
        worker = [PYTHON, "manage.py", "db_worker", "--interval", "0.2", "--no-reload", "--no-startup-delay"]
        spawn(self.run, "worker", [*worker, "--worker-id", WORKER_ID], env)


def terminate(name, pid):
    try:
        os.killpg(pid, signal.SIGTERM) if name != "nginx" else os.kill(pid, signal.SIGQUIT)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if not alive(pid):
            return
        time.sleep(0.1)


def alive(pid):
    """Whether ``pid`` still runs; reaps it when it is our own child that has ended (a test started
    it), since an unreaped child would look alive for ever."""
    try:
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    except ChildProcessError:
        pass  # not our child (started by another `make stack`): ask the kernel
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def stop_recorded(run):
    """Stop every process recorded in ``run``, newest first; how many there were."""
    state = load_state(run)
    pids = state.get("pids", {})
    for name, pid in reversed(list(pids.items())):
        terminate(name, pid)
    if state:
        state["pids"] = {}
        save_state(run, state)
    return len(pids)


def status(run):
    for name, pid in load_state(run).get("pids", {}).items():
        print(f"{name}: {pid} {'running' if alive(pid) else 'stopped'}")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("action", choices=("start", "stop", "status"))
    parser.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("STACK_PORT", 8080)),
        help="nginx's port; Varnish and gunicorn take the next ones (default 8080)",
    )
    parser.add_argument("--servers", type=int, default=1, help="app servers (gunicorns) behind Varnish")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per app server")
    parser.add_argument("--run-dir", default=os.environ.get("STACK_DIR", str(DEFAULT_RUN)))
    parser.add_argument("--no-demo", dest="demo", action="store_false", help="an empty toolkit, not the demo")
    parser.add_argument("--no-setup", action="store_true", help="skip migrate, content and collectstatic")
    args = parser.parse_args()
    if not 1 <= args.servers <= 8 or not 1 <= args.workers <= 16 or not 1024 <= args.port <= 65000:
        parser.error("--servers 1 to 8, --workers 1 to 16, --port 1024 to 65000")
    run = Path(args.run_dir)
    try:
        if args.action == "start":
            stack = Stack(run, args.port, args.servers, args.workers, setup=not args.no_setup, demo=args.demo)
            stack.start()
            print(
                f"The toolkit is at {stack.url}/ (nginx), through Varnish on {stack.front_cache_port} to gunicorn "
                f"on {', '.join(map(str, stack.app_ports))}, with the task worker. Stop it with `make stack-stop`."
            )
        elif args.action == "stop":
            count = stop_recorded(run.resolve())
            print(f"Stopped {count} processes." if count else "No stack was running.")
        else:
            status(run.resolve())
    except StackError as error:
        sys.exit(f"stack: {error}")


if __name__ == "__main__":
    main()
