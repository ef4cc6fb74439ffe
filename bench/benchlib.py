"""Shared plumbing for the benchmark scripts: a fresh database, a production-like gunicorn, wrk.

Benchmarks are scripts, not tests: they print figures and ratios against a reference measured in
the same run (a static file served by the same server), so results from different machines can be
compared by ratio. Everything runs on loopback only.
"""

import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
GEN_CONTENT = ROOT.parent / "shared" / "bench" / "gen_content.py"
OUT = ROOT / "bench" / "out"


def in_project_python():
    """Run this script again with the project's virtualenv Python, when started with another one
    (``bench/pdf`` typed at a shell uses the system Python, which has no Django)."""
    if Path(sys.prefix).resolve() != (ROOT / ".venv").resolve() and Path(PYTHON).exists():
        os.execv(PYTHON, [PYTHON, *sys.argv])  # noqa: S606 - our own interpreter, our own argv


def log(message):
    print(message, file=sys.stderr, flush=True)


def database_url(kind, name):
    if kind == "sqlite":
        return f"sqlite:///{OUT / (name + '.sqlite3')}"
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def fresh_database(kind, name):
    """Drop and recreate the benchmark database."""
    OUT.mkdir(parents=True, exist_ok=True)
    if kind == "sqlite":
        (OUT / f"{name}.sqlite3").unlink(missing_ok=True)
        return
    for sql in (f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}"):
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", sql], check=True)


def environment(db_url, redis_url=""):
    env = dict(os.environ)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env |= {
        "DJANGO_SETTINGS_MODULE": "toolkit.settings.production",
        "SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": db_url,
        "STATIC_ROOT": str(OUT / "static"),
        "LOG_LEVEL": "ERROR",
    }
    if redis_url:
        env["REDIS_URL"] = redis_url
    else:
        env.pop("REDIS_URL", None)
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


FALLBACK_SEED = 1


def corpus(n):
    """The benchmark corpus of ``n`` posts, written once by the shared generator.

    With its default seed the generator's own length check stops it at post 4,905 (1,202 words,
    two over its limit), so a 10,000-post corpus cannot be made that way; then the corpus is
    made with seed 1 instead (still deterministic) and the script says so.
    """
    path = OUT / f"corpus-{n}.jsonl"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, str(GEN_CONTENT), "--n", str(n), "--out", str(path)]
        if subprocess.run(command, capture_output=True, text=True).returncode != 0:
            log(f"gen_content.py refused --n {n} with its default seed; using --seed {FALLBACK_SEED}")
            subprocess.run([*command, "--seed", str(FALLBACK_SEED)], check=True)
    return path


def prepare_site(env, n):
    """Migrate, load the demo toolkit and ``n`` corpus sheets, collect static files."""
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo", "-v0")
    manage(env, "load_bench_corpus", str(corpus(n)))
    manage(env, "collectstatic", "--noinput", "-v0")


@contextmanager
def gunicorn(env, port, workers=2, quiet=False):
    """A gunicorn on ``port``; ``quiet`` drops its log (e.g. a line per 429 under a flood)."""
    output = subprocess.DEVNULL if quiet else None
    process = subprocess.Popen(
        [
            GUNICORN,
            "toolkit.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "error",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=output,
        stderr=output,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/")
        yield f"http://127.0.0.1:{port}", process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def wait_until_up(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"The server at {url} did not start within {seconds} s")


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read()


def timed_requests(url, count):
    """Sequential latencies in milliseconds."""
    times = []
    for _ in range(count):
        start = time.perf_counter()
        status, _ = fetch(url)
        times.append((time.perf_counter() - start) * 1000)
        if status != 200:
            raise SystemExit(f"{url} answered {status}")
    return times


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


WRK_LINE = re.compile(r"Requests/sec:\s+([\d.]+)")
WRK_LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)


def wrk(url, seconds=10, connections=8, threads=2, script=None, headers=None):
    """Throughput (req/s) and latency percentiles (ms) from wrk."""
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: make system-packages")
    extra = ["-s", str(script)] if script else []
    for name, value in (headers or {}).items():
        extra += ["-H", f"{name}: {value}"]
    result = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", *extra, url],
        capture_output=True,
        text=True,
        check=True,
    )
    scale = {"us": 0.001, "ms": 1, "s": 1000}
    latency = {int(p): float(v) * scale[u] for p, v, u in WRK_LATENCY.findall(result.stdout)}
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
    if non_2xx:
        raise SystemExit(f"{url}: {non_2xx.group(1)} error responses under load")
    requests = re.search(r"(\d+) requests in", result.stdout)
    return {
        "requests": int(requests.group(1)) if requests else None,
        "rps": float(WRK_LINE.search(result.stdout).group(1)),
        "p50": latency.get(50),
        "p99": latency.get(99),
    }


ROTATING_PATHS_LUA = """
local paths = {%s}
local threads = 0
function setup(thread)
  thread:set("start", threads * math.floor(#paths / 2))
  threads = threads + 1
end
function init(args)
  i = start or 0
end
function request()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
"""


def wrk_rotating(base, paths, seconds=10, connections=8, threads=2, headers=None):
    """Like ``wrk`` but each request asks for the next of ``paths`` (each thread from its own point
    in the list), so a run of fewer requests than paths never asks for the same page twice."""
    script = OUT / "rotating.lua"
    script.write_text(ROTATING_PATHS_LUA % ", ".join(json.dumps(path) for path in paths), encoding="utf-8")
    return wrk(base + paths[0], seconds, connections, threads, script=script, headers=headers)


def save_static_copy(html, name):
    """Write a page's HTML where WhiteNoise serves it (read at server start)."""
    target = OUT / "static" / "bench"
    target.mkdir(parents=True, exist_ok=True)
    (target / name).write_bytes(html)
    return f"/static/bench/{name}"


def median_ms(values):
    return statistics.median(values)


def dump(name, data):
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{name}.json").write_text(json.dumps(data, indent=2), encoding="utf-8")


QUEUED = """
from django_tasks_db.models import DBTaskResult
print(DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).count())
"""


def wait_for_the_queue(stack, minutes=15):
    """Loading 1,000 sheets queues thousands of tasks (search and reference index updates, front
    cache purges); measure only once the worker has done them, or it competes with the servers."""
    deadline = time.monotonic() + minutes * 60
    while time.monotonic() < deadline:
        waiting = int(stack.manage("shell", "--no-imports", "-c", QUEUED).strip().splitlines()[-1])
        if not waiting:
            return
        log(f"Waiting for the task worker: {waiting} tasks queued ...")
        time.sleep(5)
    sys.exit(f"the task worker did not empty its queue in {minutes} minutes")


def add_stack_arguments(parser, port):
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--db", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/9", help="used with --db postgres")
    parser.add_argument(
        "--port", type=int, default=port, help="nginx; Varnish and gunicorn take the next ones"
    )
    parser.add_argument("--workers", type=int, default=2)


@contextmanager
def bench_stack(name, args, overrides=None):
    """The stack of deploy/ (``deploy/stack.py``) with production settings on a fresh database
    holding the demo toolkit and ``args.n`` corpus sheets, its task queue empty; stopped after."""
    sys.path.insert(0, str(ROOT))
    from deploy.stack import Stack, StackError, stop_recorded

    database = f"toolkit_bench_{name}_{args.n}"
    fresh_database(args.db, database)
    redis = args.redis if args.db == "postgres" else ""
    if redis:
        db = redis.rsplit("/", 1)[-1]
        subprocess.run(["redis-cli", "-h", "127.0.0.1", "-n", db, "flushdb"], check=True, capture_output=True)
    run = OUT / "stack"
    stop_recorded(run) if (run / "stack.json").exists() else None
    env = {"DATABASE_URL": database_url(args.db, database), "REDIS_URL": redis, "LOG_LEVEL": "ERROR"}
    stack = Stack(run, args.port, servers=1, workers=args.workers, env=env | (overrides or {}), setup=False)
    run.mkdir(parents=True, exist_ok=True)
    log(f"Loading {args.n} sheets into {args.db}{' + Redis' if redis else ''} ...")
    # Index updates and purges run as the sheets are loaded (nothing is listening yet to purge),
    # not queued for the worker: thousands of them would compete with the measurements.
    loading = stack.environment() | {"TASK_BACKEND": "immediate", "FRONTEND_CACHE_PURGE_URL": ""}
    for command in (
        ("migrate", "--noinput", "-v0"),
        ("load_demo", "-v0"),
        ("load_bench_corpus", str(corpus(args.n))),
        ("collectstatic", "--noinput", "-v0"),
    ):
        done = subprocess.run(
            [PYTHON, "manage.py", *command], cwd=ROOT, env=loading, capture_output=True, text=True
        )
        if done.returncode:
            sys.exit(f"{name}: manage.py {command[0]} failed: {(done.stderr or done.stdout).strip()[-500:]}")
    try:
        stack.start()
    except StackError as error:
        sys.exit(f"{name}: {error}")
    try:
        wait_for_the_queue(stack)
        yield stack
    finally:
        stack.stop()
