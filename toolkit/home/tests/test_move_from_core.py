"""The home page and standard pages moved from ``core`` to ``home`` with their rows: a toolkit
made before the move keeps its home page, live and of the new type, and its tree stays sound."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page

from toolkit.home.models import HomePage, StandardPage
from toolkit.tests.factories import StandardPageFactory, make_home

BEFORE_THE_MOVE = [("core", "0003_header_logo_phase_banner_licence")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()  # this process remembered the content types of the other side


def table_rows(table):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 - our name
        return cursor.fetchone()[0]


@pytest.fixture
def small_site(transactional_db):
    """A home page with an About page under it, the default site's root: all this test needs (the
    whole test site would cost more than the migrations). Transactional tests may find the rows
    that other tests committed, so it starts from an empty database."""
    if Page.objects.filter(depth__gt=1).exists():
        call_command("flush", interactive=False, verbosity=0)
    home = make_home()
    StandardPageFactory(parent=home, title="About", slug="about")
    return home


@pytest.mark.django_db(transaction=True)  # SQLite cannot rename tables inside a test's transaction
def test_pages_made_before_the_move_keep_working_after_it(small_site, client):
    home = small_site
    standard_count = StandardPage.objects.count()
    assert standard_count == 1
    try:
        migrate(BEFORE_THE_MOVE)
        old_type = Page.objects.filter(pk=home.pk).values_list("content_type__app_label", flat=True).get()
        assert old_type == "core"
        assert table_rows("core_homepage") == 1
        assert table_rows("core_standardpage") == standard_count
    finally:
        migrate(None)

    page = Page.objects.get(pk=home.pk)
    assert page.content_type.app_label == "home"
    assert type(page.specific) is HomePage
    assert page.live
    assert page.specific.intro == home.intro
    assert StandardPage.objects.count() == standard_count
    assert ContentType.objects.filter(app_label="core", model__in=["homepage", "standardpage"]).count() == 0
    assert all(problems == [] for problems in Page.find_problems())
    response = client.get(home.url)
    assert response.status_code == 200
    assert home.intro in response.content.decode()
