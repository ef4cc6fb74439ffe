"""Page-cache hits with a shared cache: answered in front of Django from one Redis read, with no
database query, and still fresh on the next request after any committed change.

Against a redis-server of the test's own (``shared_cache``), through the WSGI application that
gunicorn runs (``toolkit.wsgi``'s wrapping of Django's handler), in both suites.
"""

import io
import logging
import re
import subprocess
import sys

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_started
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from toolkit.core import page_generation
from toolkit.core.page_cache_wsgi import CachedPagesApplication, serve_cached_pages

pytestmark = pytest.mark.django_db(transaction=True)
POLICY_HEADERS = ("Content-Security-Policy", "Permissions-Policy", "X-Content-Type-Options", "ETag")


def environ(path, method="GET", host="localhost", **extra):
    return {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SCRIPT_NAME": "",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        **extra,
    }


@pytest.fixture
def app(shared_cache):
    application = serve_cached_pages(WSGIHandler())
    assert isinstance(application, CachedPagesApplication)

    def call(path, **extra):
        answer = {}

        def start_response(status, headers):
            answer["status"], answer["headers"] = status, dict(headers)

        result = application(environ(path, **extra), start_response)
        try:
            body = b"".join(result)
        finally:
            getattr(result, "close", lambda: None)()
        return answer["status"], answer["headers"], body

    return call


@pytest.fixture
def handled_by_django():
    """How many requests reached Django's handler (it sends ``request_started`` for each)."""
    started = []

    def count(**kwargs):
        started.append(1)

    request_started.connect(count, dispatch_uid="test-page-generation")
    yield started
    request_started.disconnect(dispatch_uid="test-page-generation")


def reads(redis):
    """How many MGETs (the page cache's one read of a page and its generation) Redis has answered."""
    stats = subprocess.run(
        ["redis-cli", "-p", str(redis.port), "info", "commandstats"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.search(r"cmdstat_mget:calls=(\d+)", stats)
    return int(found.group(1)) if found else 0


def publish_title(page, title):
    page = page.specific
    page.title = title
    page.save_revision().publish()


def test_a_hit_is_answered_in_front_of_django_with_no_database_query(
    app, live_site, handled_by_django, shared_cache
):
    path = live_site.definition.url
    before = reads(shared_cache)
    status, miss_headers, miss_body = app(path)
    assert status == "200 OK" and miss_headers["X-Page-Cache"] == "miss"
    assert len(handled_by_django) == 1
    assert reads(shared_cache) == before + 1, "the middleware's miss reuses what the front read"
    with CaptureQueriesContext(connection) as queries:
        status, headers, body = app(path)
    assert status == "200 OK" and headers["X-Page-Cache"] == "hit" and body == miss_body
    assert queries.captured_queries == [] and len(handled_by_django) == 1
    for name in POLICY_HEADERS:
        assert headers[name] == miss_headers[name], name


def test_a_committed_publish_shows_on_the_very_next_request(app, live_site, front_cache):
    path = live_site.definition.url
    app(path)
    assert app(path)[1]["X-Page-Cache"] == "hit"
    before = page_generation.read_with("unused")[0]
    publish_title(live_site.definition, "Neighbourhood Plan, as just published")
    status, headers, body = app(path)
    assert headers["X-Page-Cache"] == "miss" and b"Neighbourhood Plan, as just published" in body
    assert app(path)[1]["X-Page-Cache"] == "hit"
    # The front cache was banned after the generation had changed, never before: a front cache
    # that fetched again at once could not be given a page of the old generation.
    assert front_cache.generations and before not in front_cache.generations


def test_what_the_page_cache_never_keeps_is_left_to_django(app, live_site, handled_by_django):
    path = live_site.definition.url
    app(path)
    app(path)
    assert len(handled_by_django) == 1
    assert app(path, HTTP_COOKIE="sessionid=abc")[1].get("X-Page-Cache") is None
    assert app(path, QUERY_STRING="made=up")[1].get("X-Page-Cache") is None
    assert app("/search/", QUERY_STRING="q=plan")[1].get("X-Page-Cache") is None
    status, headers, _ = app(path, host="evil.example.com:bad port")
    assert status.startswith("400") and "Content-Security-Policy" in headers
    assert len(handled_by_django) == 5


def test_a_conditional_hit_is_a_304_that_keeps_the_policies(app, live_site):
    path = live_site.definition.url
    etag = app(path)[1]["ETag"]
    status, headers, body = app(path, HTTP_IF_NONE_MATCH=etag)
    assert status == "304 Not Modified" and body == b"" and headers["X-Page-Cache"] == "hit"
    for name in POLICY_HEADERS:
        assert name in headers, name


def test_a_cache_that_lost_the_generation_serves_no_page_kept_before(app, live_site, shared_cache):
    """Redis may drop the key to make room while pages stay: a new generation is random, so no page
    of an earlier one can match it, even one kept under the same address."""
    from django.core.cache import cache

    path = live_site.definition.url
    app(path)
    assert app(path)[1]["X-Page-Cache"] == "hit"
    cache.delete(page_generation.KEY)
    assert app(path)[1]["X-Page-Cache"] == "miss"
    assert app(path)[1]["X-Page-Cache"] == "hit"


def test_a_generation_redis_did_not_take_is_retried_by_the_worker(
    app, live_site, shared_cache, settings, caplog
):
    """Redis hangs as an editor publishes: the publish still succeeds, the warning says what
    happened, and the task worker replaces the generation once Redis answers again."""
    from django.core.cache import cache

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    path = live_site.definition.url
    app(path)
    shared_cache.freeze()
    try:
        with caplog.at_level(logging.WARNING, logger="toolkit.core.page_generation"):
            publish_title(live_site.definition, "Neighbourhood Plan, published while Redis hung")
    finally:
        shared_cache.thaw()
    assert cache.ping(), "Redis answers again (and this process uses it again at once)"
    assert "could not be replaced" in caplog.text
    (queued,) = DBTaskResult.objects.filter(task_path__endswith="advance_page_generation_later")
    assert queued.run_after is not None
    before = page_generation.read_with("unused")[0]
    page_generation.advance_page_generation_later.call()
    assert page_generation.read_with("unused")[0] != before
    assert b"published while Redis hung" in app(path)[2]


def test_inside_a_transaction_pages_are_stamped_with_the_content_version(shared_cache, live_site, client):
    """The generation changes only at commit, so within a transaction (as in most tests, or a
    command) the middleware checks pages against the database's content version instead."""
    from django.db import transaction

    path = live_site.definition.url
    with transaction.atomic():
        assert not page_generation.in_use()
        client.get(path)
        assert client.get(path)["X-Page-Cache"] == "hit"
        publish_title(live_site.definition, "Neighbourhood Plan, not yet committed")
        response = client.get(path)
        assert response["X-Page-Cache"] == "miss" and b"not yet committed" in response.content
    assert page_generation.in_use()
