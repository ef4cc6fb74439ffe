"""Shared fixtures: a complete small toolkit, built from factories, for any test that asks."""

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop


@pytest.fixture(scope="session")
def built_site(django_db_setup, django_db_blocker):
    """The small complete toolkit, built once per run; each test's transaction is rolled back."""
    from toolkit.tests.site import build_site

    with django_db_blocker.unblock():
        return build_site()


@pytest.fixture
def site(db, built_site):
    from toolkit.tests.site import reload_site

    return reload_site(built_site)


def empty_the_database():
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)


def build_site_in_an_empty_database():
    """Transactional tests empty the database when they end; the first one to run may instead find
    the site that ``built_site`` committed for the other tests, so it is emptied first."""
    from wagtail.models import Page

    from toolkit.tests.site import build_site

    if Page.objects.filter(depth__gt=1).exists():
        empty_the_database()
    return build_site()


@pytest.fixture
def live_site(transactional_db):
    """The small complete toolkit for browser tests, built in an empty database for each test."""
    return build_site_in_an_empty_database()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests on ``shared_site`` run last, after pytest-django has put the tests that roll back
    (on ``built_site``) and the transactional ones in Django's order: emptying the database for
    the shared site must not pull ``built_site`` from under a test that still uses it."""
    items.sort(key=lambda item: "shared_site" in getattr(item, "fixturenames", ()))


@pytest.fixture(scope="module")
def shared_site(django_db_setup, django_db_blocker):
    """The small complete toolkit behind a live server of its own, built once for a whole module of
    browser tests that only read it (``shared_url`` gives its addresses).

    ``live_site`` builds the site for each test and empties the database after it (2 to 5 s a
    test, most of a browser test's time); a test that only looks at pages, with a browser context
    of its own, needs none of that. What the server writes meanwhile (a reader's pack in the
    session table, a search counted) may stay until the module ends and the database is emptied,
    so a test that changes content or signs in, and asserts on what it wrote, uses ``live_site``.
    """
    from django.db import connections
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        site = build_site_in_an_empty_database()
        server = LiveServer("localhost")
        site.live_server_url = server.url
        try:
            yield site
        finally:
            server.stop()
            empty_the_database()
            # This teardown may run in another context than the test database's setup (Playwright's
            # greenlet), with a connection of its own that the end of the run would not close.
            connections.close_all()


@pytest.fixture
def shared_url(shared_site, django_db_blocker):
    """The full address of a path on ``shared_site``'s live server. The test may read the database
    meanwhile, outside any transaction: one kept open for the test (``django_db``) would hold
    SQLite's write lock, and the server could not keep a reader's pack or count a search."""
    with django_db_blocker.unblock():
        yield lambda path: shared_site.live_server_url + path


WELCOME_PAGE_TITLE = "Welcome to your new Wagtail site!"


@pytest.fixture(scope="module")
def demo_toolkit(django_db_setup, django_db_blocker, built_site):
    """The demo toolkit in place of the test site, loaded once per module (it takes half a minute)
    inside a transaction rolled back after the module; each test's own changes roll back too."""
    from django.core.management import call_command
    from django.db import transaction
    from wagtail.models import Page

    from toolkit.directory.models import Organisation
    from toolkit.glossary.models import Term
    from toolkit.taxonomy.models import Audience, Topic

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            Page.objects.filter(depth__gt=1).delete()
            for model in (Topic, Audience, Organisation, Term):
                model.objects.all().delete()
            call_command("load_demo", verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def migrated(db):
    """The database as ``migrate`` leaves it: Wagtail's welcome page on a site called localhost,
    and nothing of the toolkit (what a council has before ``create_toolkit``)."""
    from django.contrib.auth.models import Group
    from wagtail.models import Page, Site, Workflow

    from toolkit.core.models import ToolkitSettings
    from toolkit.directory.models import Organisation
    from toolkit.glossary.models import Term
    from toolkit.taxonomy.models import Audience, Topic

    Page.objects.filter(depth__gt=1).delete()
    Site.objects.all().delete()
    for model in (Topic, Audience, Organisation, Term, Group, Workflow, ToolkitSettings):
        model.objects.all().delete()
    welcome = Page.get_first_root_node().add_child(instance=Page(title=WELCOME_PAGE_TITLE, slug="home"))
    Site.objects.create(hostname="localhost", port=80, root_page=welcome, is_default_site=True)


@pytest.fixture(scope="session")
def database_template(tmp_path_factory):
    """A toolkit database made once per run by real ``migrate`` and ``create_toolkit`` processes
    (SQLite or PostgreSQL, as the run is), for tests that start servers of their own."""
    from toolkit.tests.servers import DatabaseTemplate

    template = DatabaseTemplate(tmp_path_factory.mktemp("databases"))
    yield template
    template.drop()


@pytest.fixture
def production(database_template):
    """``production(redis_url="")``: the environment of a production server on a new copy of the
    template database (``database_url=`` to point it somewhere else)."""

    def environment(redis_url="", database_url=None, **extra):
        return database_template.env(database_url or database_template.copy(), redis_url, **extra)

    return environment


@pytest.fixture
def stack(production, tmp_path, request):
    """``stack(servers=1, **settings)``: the production stack of deploy/ (nginx, Varnish, gunicorn,
    the task worker) on loopback ports, on a new copy of the template database; with Redis on a
    PostgreSQL run (the stack's two shapes). Every process it started is stopped afterwards."""
    from deploy.stack import Stack
    from toolkit.tests.servers import RedisServer, free_ports, uses_postgres

    started, redis = [], []

    def start(servers=1, **settings):
        redis_url = ""
        if uses_postgres():
            redis.append(RedisServer(tmp_path))
            redis[-1].start()
            redis_url = redis[-1].url
        run = tmp_path / f"stack-{len(started)}"
        env = production(redis_url, **settings)
        running = Stack(run, free_ports(2 + servers), servers, workers=2, env=env, setup=False)
        running.start()
        started.append(running)
        return running

    yield start
    for running in started:
        running.stop()
    for server in redis:
        server.stop()


@pytest.fixture
def smtp_server():
    """A real SMTP server (aiosmtpd) on a loopback port; ``.messages`` holds what it received."""
    from toolkit.tests.servers import MailServer

    server = MailServer()
    server.start()
    yield server
    server.stop()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser):
    """A page in a phone-sized window (375 by 812)."""
    from toolkit.tests.browser import PHONE

    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def site_url(live_server, live_site):
    """The full address of a site path; Wagtail's page URLs are relative (the site is "localhost")."""
    return lambda path: live_server.url + path


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with empty caches (the shared one and this process's compiled glossary), so
    no fragment outlives the data it was made from."""
    from django.core.cache import cache

    from toolkit.glossary.glossary import forget_compiled_glossary

    cache.clear()
    forget_compiled_glossary()
    yield
    cache.clear()


@pytest.fixture
def editor_client(client, django_user_model):
    """The test client, logged in as a superuser (for the admin's screens)."""
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    return client
