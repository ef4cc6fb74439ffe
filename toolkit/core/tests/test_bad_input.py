"""Input that Django's and Wagtail's admin views pass to the database, which cannot use it: a 400
in the site's design and one warning line (``toolkit.core.bad_input``), never a 500."""

import logging

import pytest
from django.db import DataError, connection, transaction
from django.urls import reverse

from toolkit.core.bad_input import unusable_input
from toolkit.search.models import SynonymGroup
from toolkit.taxonomy.models import Topic

pytestmark = pytest.mark.django_db


def errors(caplog):
    return [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]


@pytest.mark.parametrize("model", [Topic, SynonymGroup], ids=["topics", "synonyms"])
def test_a_listing_search_too_long_for_the_database_is_a_bad_request(editor_client, site, caplog, model):
    listing = reverse(model.snippet_viewset.get_url_name("list"))
    response = editor_client.get(listing, {"q": "x" * 100_000})
    if connection.vendor == "sqlite":  # "LIKE or GLOB pattern too complex" in Wagtail's listing
        assert response.status_code == 400
        assert "Bad request" in response.content.decode()
        assert "Bad request to /admin/snippets/" in caplog.text and "a search too long" in caplog.text
    else:  # PostgreSQL takes it
        assert response.status_code == 200
    assert errors(caplog) == [] and "Traceback" not in caplog.text


def test_the_errors_it_answers_are_the_ones_the_database_raises():
    with pytest.raises(ValueError) as not_a_number:
        Topic.objects.filter(pk="twelve").exists()
    assert unusable_input(not_a_number.value) == "text where a number was expected"
    if connection.vendor == "sqlite":
        with pytest.raises(OverflowError) as too_large, connection.cursor() as cursor:
            cursor.execute("SELECT %s", [10**20])  # SQLite's integers are 64-bit
        assert unusable_input(too_large.value) == "a number too large for the database"
    assert unusable_input(ValueError("invalid literal for int()")) is None  # our own bugs stay 500s
    assert unusable_input(KeyError("id")) is None


def test_a_nul_character_postgresql_refuses_is_a_bad_request_and_sqlite_takes_it():
    if connection.vendor == "postgresql":
        with pytest.raises(DataError) as refused, transaction.atomic():
            Topic.objects.filter(name="a\x00b").exists()
        assert unusable_input(refused.value) == "a NUL character, which the database cannot store"
    else:
        assert not Topic.objects.filter(name="a\x00b").exists()


def test_an_old_wordpress_address_with_a_nul_in_it_is_no_redirect_and_no_error(client, site, caplog):
    """``/?p=`` is looked up among the imported redirects; a NUL could be in none of them."""
    response = client.get("/", {"p": "12\x00"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert errors(caplog) == []
