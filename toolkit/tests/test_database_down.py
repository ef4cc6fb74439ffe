"""The database stopped for real, and started again: readers get the site's designed 503 page (or
the copy the page cache or the front cache keeps), ``/healthz`` names the database, and the site
comes back by itself.

The database is a PostgreSQL server of this module's own (``PostgresServer``), never the
machine's shared cluster, stopped with ``pg_ctl stop -m fast`` under the production stack of
``deploy/`` (nginx, Varnish, gunicorn with production settings, the task worker). One stack serves
the whole module: starting one costs more than every check in it.
"""

import json

import pytest

from toolkit.tests.servers import (
    SHEET_PATH,
    PostgresServer,
    RedisServer,
    WebClient,
    free_ports,
    uses_postgres,
    wait_for,
)

PAGES = (
    "/",
    SHEET_PATH,
    "/neighbourhood-planning/",
    "/topics/",
    "/glossary/",
    "/contact/",
    "/suggest/",
    "/a-z/",
    "/search/?q=plan",
    "/sitemap.xml",
)
DESIGNED_503 = "We are having trouble reaching our database"


@pytest.fixture(scope="module")
def database():
    server = PostgresServer()
    try:
        server.start()
        yield server
    finally:
        server.remove()


@pytest.fixture(scope="module")
def running(database, database_template, tmp_path_factory):
    """The production stack on the module's own database (with Redis on a PostgreSQL run, as the
    ``stack`` fixture has), stopped with everything it started when the module ends."""
    from deploy.stack import Stack

    folder = tmp_path_factory.mktemp("database-down")
    redis = None
    redis_url = ""
    if uses_postgres():
        redis = RedisServer(folder)
        redis.start()
        redis_url = redis.url
    env = database_template.env(database.create_toolkit(database_template), redis_url)
    stack = Stack(folder / "stack", free_ports(3), servers=1, workers=2, env=env, setup=False)
    try:
        stack.start()
        yield stack
    finally:
        stack.stop()
        if redis:
            redis.stop()


@pytest.fixture
def database_stopped(database):
    """Stops the database for the test, and starts it again however the test ends."""

    def stop():
        database.stop()

    yield stop
    if not database.running():
        database.start()


def app_server(stack):
    """A client of gunicorn itself, past nginx and Varnish."""
    return WebClient(f"http://127.0.0.1:{stack.app_ports[0]}")


def app_log(stack):
    return (stack.run / "gunicorn-1.log").read_text(errors="replace")


def healthz(client):
    status, body, headers = client.get("/healthz")
    return status, json.loads(body), headers


def test_with_the_database_stopped_every_page_is_the_designed_503_and_it_comes_back_by_itself(
    running, database, database_stopped
):
    app = app_server(running)
    before = {}
    for path in PAGES:
        status, before[path], _ = app.get(path)
        assert status == 200, path
    log_before = len(app_log(running).splitlines())

    database_stopped()  # for real: pg_ctl stop -m fast, which also cuts every open connection
    unavailable = 0
    for path in PAGES:
        status, body, headers = app.get(path)
        if status == 200:  # kept by the page cache in Redis: nothing can change while it is down
            assert uses_postgres() and headers.get("X-Page-Cache") == "hit", (path, headers)
            assert body == before[path], path
            continue
        unavailable += 1
        assert status == 503, (path, status, body[:300])
        assert DESIGNED_503 in body and "/static/css/toolkit." in body, path  # the site's own page, styled
        assert headers["Retry-After"] == "60" and headers["Cache-Control"] == "no-store", path
    assert app.get("/search/?q=plan")[0] == 503, "search is never kept: it needs the database"
    unavailable += 1
    status, body, _ = app.request(
        "/feedback/useful/",
        data={"sheet": "1", "useful": "yes"},
        headers={"Origin": "https://toolkit.example.org"},
    )
    assert status == 503 and DESIGNED_503 in body, "a form sent meanwhile is told to try again"
    status, health, headers = healthz(app)
    assert status == 503 and health["status"] == "down" and health["database"] == "down"
    assert health["storage"] == "ok" and headers["Cache-Control"] == "no-store"

    # The log says what happened, one line per request answered 503, without a stack trace each.
    failures = app_log(running).splitlines()[log_before:]
    assert "Traceback" not in "\n".join(failures)
    answered = [line for line in failures if "Database unavailable, answered 503" in line]
    assert len(answered) == unavailable + 1, "\n".join(failures)
    assert sum("the database cannot be reached" in line for line in failures) == 1, "\n".join(failures)
    assert len(failures) == unavailable + 2, "nothing else: " + "\n".join(failures)

    database.start()  # gunicorn is not restarted: its workers connect again by themselves
    for path in PAGES:
        status, body, _ = app.get(path)
        assert status == 200, (path, status, body[:300])
    status, health, _ = healthz(app)
    assert status == 200 and health["database"] == "ok"


def test_through_the_front_cache_readers_get_a_cached_copy_or_the_designed_503_never_an_error(
    running, database, database_stopped
):
    reader = WebClient(running.url)
    for path in PAGES:
        reader.get(path)
        assert reader.get(path)[0] == 200, path
    database_stopped()
    hits = 0
    for path in PAGES:
        status, body, headers = reader.get(path)
        if status == 200:
            assert headers.get("X-Front-Cache") == "hit", (path, headers)
            hits += 1
        else:
            assert status == 503 and DESIGNED_503 in body and "Guru" not in body, (path, status, body[:300])
            assert headers["Retry-After"] == "60", path
    assert hits >= 1, "pages the front cache keeps are still read while the database is down"
    status, body, _ = reader.get("/search/?q=plan")  # never kept: always asks the app
    assert status == 503 and DESIGNED_503 in body

    database.start()
    wait_for(lambda: reader.get("/search/?q=plan")[0] == 200, what="search through the stack", seconds=30)
    for path in PAGES:
        assert reader.get(path)[0] == 200, path
