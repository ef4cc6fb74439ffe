"""One truth in every process: real gunicorn workers, a publish from another process, Redis
stopped for real, and ``/healthz``, all with production settings.

Each test starts its own gunicorn (two workers) on a copy of a database made by ``migrate`` and
``create_toolkit``. Workers keep their own local-memory caches unless Redis is set, which is
exactly when a process-local version would show readers a stale page.
"""

import json
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from toolkit.tests.servers import (
    SHEET_PATH,
    RedisServer,
    gunicorn,
    python_in_django,
    uses_postgres,
)

NEW_TITLE = "Neighbourhood Plan, as published just now"
PUBLISH = f"""
from toolkit.sheets.models import DefinitionSheetPage
sheet = DefinitionSheetPage.objects.get(slug="neighbourhood-plan")
sheet.title = {NEW_TITLE!r}
sheet.save_revision().publish()
"""


@pytest.fixture
def redis(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


def workers_answering(server, path, requests):
    """Send ``requests`` reads at once; the bodies, and which workers answered them."""
    before = len(server.access_lines())
    with ThreadPoolExecutor(max_workers=6) as pool:
        bodies = [body for _, body, _ in pool.map(lambda _: server.get(path), range(requests))]
    lines = server.access_lines()[before:]
    return bodies, {line.split(" ")[0] for line in lines if line.split(" ")[1] == path}


def reads_from_every_worker(server, path):
    """Read ``path`` in batches until both workers have answered at least once; every body read.
    (Which worker accepts a connection is the kernel's choice: on a busy machine one may take a
    whole batch, so a single batch proves nothing about the other.)"""
    deadline = time.monotonic() + 30
    bodies, workers = workers_answering(server, path, 12)
    while len(workers) < 2:
        assert time.monotonic() < deadline, "only one worker ever answered"
        more, answered = workers_answering(server, path, 12)
        bodies, workers = bodies + more, workers | answered
    return bodies


def warm_every_worker(server, path):
    """Read ``path`` until both workers have served (and so cached) it."""
    deadline = time.monotonic() + 30
    while len(server.workers_that_answered(path)) < 2:
        assert time.monotonic() < deadline, "only one worker ever answered"
        workers_answering(server, path, 12)


SUMMARY = "A plan for how land in an area is used"
CLOSE = {
    "made login-only": """
from wagtail.models import PageViewRestriction
from toolkit.sheets.models import SheetPage
sheet = SheetPage.objects.get(slug="neighbourhood-plan")
PageViewRestriction.objects.create(page=sheet, restriction_type=PageViewRestriction.LOGIN)
""",
    "unpublished": """
from toolkit.sheets.models import SheetPage
SheetPage.objects.get(slug="neighbourhood-plan").unpublish()
""",
}


@pytest.mark.parametrize("change", list(CLOSE))
def test_a_sheet_closed_from_another_process_is_closed_on_every_worker_at_once(production, tmp_path, change):
    """Security state is never per process (finding 1 of the security review: 9 of 20 reads
    still got a sheet made login-only, and 14 of 20 one unpublished, from a worker's own cache)."""
    env = production()  # no Redis: each worker has its own memory cache
    with gunicorn(env, tmp_path, workers=2) as server:
        warm_every_worker(server, SHEET_PATH)
        assert SUMMARY in server.get(SHEET_PATH)[1]
        python_in_django(env, CLOSE[change])
        bodies = reads_from_every_worker(server, SHEET_PATH)
        leaked = sum(SUMMARY in body for body in bodies)
        assert leaked == 0, f"{leaked} of {len(bodies)} anonymous reads still got the sheet"


@pytest.mark.parametrize("with_redis", [False, True], ids=["local-memory caches", "shared Redis"])
def test_a_publish_from_another_process_shows_on_every_worker_at_once(
    production, tmp_path, request, with_redis
):
    env = production(request.getfixturevalue("redis").url if with_redis else "")
    with gunicorn(env, tmp_path, workers=2) as server:
        warm_every_worker(server, SHEET_PATH)
        status, body, headers = server.get(SHEET_PATH)
        assert status == 200 and headers.get("X-Page-Cache") == "hit" and NEW_TITLE not in body
        python_in_django(env, PUBLISH)  # a third process: the shell, a cron job, another server
        bodies = reads_from_every_worker(server, SHEET_PATH)
        assert all(NEW_TITLE in body for body in bodies), (
            f"{sum(NEW_TITLE not in body for body in bodies)} of {len(bodies)} reads showed the old title"
        )
        home = server.get("/")[1]
        assert NEW_TITLE in home or "Neighbourhood Plan" in home


def test_with_redis_stopped_pages_are_still_served_and_healthz_says_so(production, tmp_path, redis):
    env = production(redis.url)
    with gunicorn(env, tmp_path, workers=2) as server:
        assert server.get(SHEET_PATH)[0] == 200
        assert json.loads(server.get("/healthz")[1]) == {
            "status": "ok",
            "database": "ok",
            "cache": "ok",
            "storage": "ok",
        }
        redis.shutdown()  # for real: redis-cli shutdown
        for path in ("/", SHEET_PATH, "/search/?q=plan", "/glossary/", "/topics/", "/contact/"):
            status, body, _ = server.get(path)
            assert status == 200, (path, status, body[:500])
        status, body, _ = server.get("/healthz")
        assert status == 200 and json.loads(body) == {
            "status": "degraded",
            "database": "ok",
            "cache": "down",
            "storage": "ok",
        }
        assert "Cache unavailable" in server.errors() and "Traceback" not in server.errors()
        python_in_django(env, PUBLISH)  # a publish while Redis is down is seen too
        bodies, _ = workers_answering(server, SHEET_PATH, 6)
        assert all(NEW_TITLE in body for body in bodies)
        redis.start()  # back on the same port: the cache is used again
        deadline = time.monotonic() + 30
        while json.loads(server.get("/healthz")[1])["cache"] != "ok":
            assert time.monotonic() < deadline, "the cache never came back"
            time.sleep(0.5)
        # Each worker tries Redis again a few seconds after its last failure, then caches in it.
        while server.get(SHEET_PATH)[2].get("X-Page-Cache") != "hit":
            assert time.monotonic() < deadline + 30, "pages were never cached again"
            time.sleep(0.5)


def test_a_hanging_redis_costs_a_timeout_not_an_error(production, tmp_path, redis):
    env = production(redis.url)
    with gunicorn(env, tmp_path, workers=2) as server:
        assert server.get(SHEET_PATH)[0] == 200
        redis.freeze()  # the process stops answering but keeps its socket open
        try:
            for path in (SHEET_PATH, "/", "/search/?q=plan"):
                status, body, _ = server.get(path)
                assert status == 200, (path, status, body[:500])
            assert json.loads(server.get("/healthz")[1])["cache"] == "down"
        finally:
            redis.thaw()


def test_rate_limits_hold_across_workers_and_without_redis(production, tmp_path):
    """Twenty "Was this useful?" answers an hour from one client, counted in the database, whichever
    worker takes each one (a limit kept in each worker's memory would let two workers take 40)."""
    env = production()
    sheet_id = python_in_django(
        env, 'from wagtail.models import Page; print(Page.objects.get(slug="neighbourhood-plan").pk)'
    ).strip()
    form = f"sheet={sheet_id}&useful=yes".encode()
    origin = {"Origin": "https://toolkit.example.org", "Content-Type": "application/x-www-form-urlencoded"}
    with gunicorn(env, tmp_path, workers=2) as server:
        warm_every_worker(server, "/healthz")  # both booted, so neither takes every answer alone
        statuses, deadline = [], time.monotonic() + 30
        with ThreadPoolExecutor(max_workers=4) as pool:
            while len(statuses) < 30 or len(server.workers_that_answered("/feedback/useful/")) < 2:
                assert time.monotonic() < deadline, "only one worker ever answered"
                statuses += pool.map(lambda _: server.get("/feedback/useful/", origin, form)[0], range(10))
        assert statuses.count(200) == 20 and statuses.count(429) == len(statuses) - 20, statuses


def test_healthz_is_503_when_the_database_cannot_be_reached(production, tmp_path):
    unreachable = (
        "postgres://postgres@127.0.0.1:1/nowhere"
        if uses_postgres()
        else f"sqlite:///{tmp_path / 'no-such-folder' / 'db.sqlite3'}"
    )
    with gunicorn(production(database_url=unreachable), tmp_path, workers=1) as server:
        status, body, headers = server.get(
            "/healthz", headers={"Host": "10.0.0.5"}
        )  # as a load balancer asks
        assert status == 503 and json.loads(body)["database"] == "down"
        assert headers["Cache-Control"] == "no-store"
        status, body, _ = server.get("/")
        assert status == 503 and "Traceback" not in body
