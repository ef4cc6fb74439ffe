"""The search page: correct results, ranked by title over summary over body, and no 500s."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection

from toolkit.tests import factories as f

pytestmark = pytest.mark.django_db


def result_titles(response):
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(" ", strip=True) for a in page.select(".search-results .card__title a")]


def test_finds_sheets_by_title_summary_and_body(client, site):
    assert "Neighbourhood Plan" in result_titles(client.get("/search/", {"q": "neighbourhood plan"}))
    assert result_titles(client.get("/search/", {"q": "volunteers"})) == ["Run a community survey"]


def test_drafts_are_not_found(client, site):
    site.method.unpublish()
    assert result_titles(client.get("/search/", {"q": "volunteers"})) == []


def test_title_ranks_above_summary_above_body(client, site):
    section = site.section
    f.DefinitionSheetPageFactory(
        parent=section,
        title="Parish meetings",
        summary="Nothing to see.",
        body=[("paragraph", "<p>zebra</p>")],
    )
    f.DefinitionSheetPageFactory(
        parent=section, title="Parish precepts", summary="All about the zebra crossing."
    )
    f.DefinitionSheetPageFactory(parent=section, title="Zebra crossings", summary="Crossings on roads.")
    titles = result_titles(client.get("/search/", {"q": "zebra"}))
    assert titles == ["Zebra crossings", "Parish precepts", "Parish meetings"]


def test_results_are_paginated_with_summaries(client, site):
    for i in range(23):
        f.DefinitionSheetPageFactory(
            parent=site.section, title=f"Housing sheet {i}", summary=f"About housing {i}."
        )
    first = client.get("/search/", {"q": "housing"})
    page = BeautifulSoup(first.content, "html.parser")
    assert len(result_titles(first)) == 10
    assert "23 sheets found" in page.get_text()
    assert page.select_one(".card__summary").get_text().startswith("About housing")
    third = client.get("/search/", {"q": "housing", "page": 3})
    assert len(result_titles(third)) == 3
    assert (
        BeautifulSoup(third.content, "html.parser").select_one("a[rel=prev]")["href"] == "?q=housing&page=2"
    )


ODD_QUERIES = [
    "",
    "   ",
    "x" * 10_000,
    "plan " * 2_000,
    '"neighbourhood plan"',
    "plan*",
    "title:plan",
    "plan & survey",
    "plan | survey",
    "!plan",
    "'",
    "🏠🏡",
    "'; DROP TABLE wagtailcore_page; --",
    "1 OR 1=1",
    "NEAR(a b)",
    "\x00\x01",
    "(((",
    "AND OR NOT",
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_get_a_helpful_page(client, site, query):
    response = client.get("/search/", {"q": query, "page": "x"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "<script>alert(1)</script>" not in text
    assert "sheet" in text.lower()


def test_empty_query_explains_what_to_do(client, site):
    response = client.get("/search/")
    assert "Type a word or two" in response.content.decode()


def test_query_without_words_says_so(client, site):
    assert "no letters or numbers" in client.get("/search/", {"q": "*&|!"}).content.decode()


def test_no_results_suggests_other_routes(client, site):
    text = client.get("/search/", {"q": "xylophone"}).content.decode()
    assert "0 sheets found" in text and "No sheets matched" in text


def test_huge_query_is_trimmed_with_a_note(client, site):
    text = client.get("/search/", {"q": "plan " * 2_000}).content.decode()
    assert "Your search was very long" in text


def test_a_repeated_search_is_rendered_from_the_cache_but_still_counted(
    client, site, django_assert_max_num_queries, settings
):
    settings.SEARCHES_PER_MINUTE = 0  # without Redis the limit counts in the database: not measured here
    from toolkit.search.models import QueryLog

    first = client.get("/search/", {"q": "volunteers"})
    assert first["X-Search-Cache"] == "miss"
    # The version tokens, the query log (on PostgreSQL with its commit setting, SET LOCAL, first).
    with django_assert_max_num_queries(3 if connection.vendor == "postgresql" else 2):
        again = client.get("/search/", {"q": "volunteers"})
    assert again["X-Search-Cache"] == "hit" and "private" in again["Cache-Control"]
    assert result_titles(again) == result_titles(first) == ["Run a community survey"]
    assert QueryLog.objects.get(query="volunteers").hits == 2


def test_answers_are_not_shared_with_readers_who_have_a_session_or_for_made_up_parameters(client, site):
    client.get("/search/", {"q": "volunteers"})
    assert "X-Search-Cache" not in client.get("/search/", {"q": "volunteers", "x": "1"})
    client.cookies["sessionid"] = "anything"
    assert "X-Search-Cache" not in client.get("/search/", {"q": "volunteers"})


def test_search_answers_are_private_so_no_shared_cache_answers_for_the_site(client, site):
    cache_control = client.get("/search/", {"q": "volunteers"})["Cache-Control"]
    assert "private" in cache_control and "public" not in cache_control


def test_a_publish_refreshes_cached_results(client, site):
    assert result_titles(client.get("/search/", {"q": "volunteers"})) == ["Run a community survey"]
    site.method.title = "Run a survey of the whole community"
    site.method.save_revision().publish()
    assert result_titles(client.get("/search/", {"q": "volunteers"})) == [
        "Run a survey of the whole community"
    ]


def test_one_client_hammering_search_is_asked_to_wait_and_others_are_not(client, site, settings):
    settings.SEARCHES_PER_MINUTE = 3
    answers = [client.get("/search/", {"q": "volunteers"}, REMOTE_ADDR="203.0.113.9") for _ in range(5)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429, 429]
    assert "Please wait a little" in answers[-1].content.decode() and answers[-1]["Retry-After"] == "60"
    assert client.get("/search/", {"q": "volunteers"}, REMOTE_ADDR="203.0.113.10").status_code == 200
