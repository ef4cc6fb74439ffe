"""Facets, highlighting, did-you-mean, promotions, the query log and suggestions."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from toolkit.search.models import QueryLog, SynonymGroup

pytestmark = pytest.mark.django_db


def page_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(page):
    return [a.get_text(" ", strip=True) for a in page.select(".search-results .card__title a")]


def test_facets_show_counts_and_filter_by_link(client, site):
    page = page_of(client.get("/search/", {"q": "neighbourhood"}))
    facets = page.select_one("details.filters").get_text(" ", strip=True)
    assert "Definition sheets (2)" in facets and "Method sheets (1)" in facets
    method_link = next(a for a in page.select("details.filters a") if "Method sheets" in a.get_text())
    filtered = page_of(client.get("/search/" + method_link["href"]))
    assert titles(filtered) == ["Run a community survey"]
    assert "Remove filter: Type of sheet: Method sheets" in filtered.select_one(".active-filters").get_text()


def test_facets_combine_in_the_url_and_clear_one_at_a_time(client, site):
    response = client.get(
        "/search/", {"q": "neighbourhood", "kind": "definition", "section": "neighbourhood-planning"}
    )
    page = page_of(response)
    assert sorted(titles(page)) == ["Neighbourhood Forum", "Neighbourhood Plan"]
    chips = {a.get_text(" ", strip=True): a["href"] for a in page.select(".active-filters a")}
    clear_kind = chips["Remove filter: Type of sheet: Definition sheets ✕"]
    assert "kind=" not in clear_kind and "section=neighbourhood-planning" in clear_kind
    assert "Remove filter: Section: Neighbourhood Planning ✕" in chips
    assert chips["Clear all filters"] == "?q=neighbourhood"
    assert "(2 chosen)" in page.select_one(".filters__summary").get_text()


def test_results_come_first_with_the_filters_folded_before_them(client, site):
    """On a phone the filters must not push the first result off the screen: they are one line,
    "Filter results", folded (toolkit.js opens them on wide screens only)."""
    page = page_of(client.get("/search/", {"q": "neighbourhood"}))
    filters = page.select_one("details.filters")
    assert filters is not None and not filters.has_attr("open")
    assert filters.select_one("summary").get_text(strip=True) == "Filter results"
    layout = page.select_one(".search-layout")
    assert [child.name for child in layout.find_all(recursive=False)] == ["details", "div"]
    assert "Narrow your results" not in page.get_text()


def test_only_filters_that_would_change_the_results_are_offered(client, site):
    """All three "neighbourhood" sheets are for People and about "neighbourhood plan": those links
    would lead back to the same three sheets, so they are left out, and "Useful for" with them."""
    page = page_of(client.get("/search/", {"q": "neighbourhood"}))
    groups = [h.get_text(strip=True) for h in page.select(".filters .facet__heading")]
    assert groups == ["Type of sheet", "Section", "Topic"]
    options = [a.get_text(" ", strip=True) for a in page.select(".filters .facet a")]
    assert "surveys (1)" in options and not any(o.startswith("neighbourhood plan") for o in options)


def test_no_filters_at_all_when_none_would_narrow_the_results(client, site):
    page = page_of(client.get("/search/", {"q": "council"}))
    assert titles(page) == ["Neighbourhood Plan"]
    assert page.select_one(".filters") is None
    assert "Filter results" not in page.get_text() and "Narrow your results" not in page.get_text()


def test_a_long_group_shows_its_commonest_options_and_the_rest_behind_show_all(client, site):
    from toolkit.tests import factories as f

    topics = [f.TopicFactory(name=f"zz topic {n}", slug=f"zz-topic-{n}") for n in range(10)]
    for n in range(10):  # sheet n has topics 0..n: topic k is on 10 - k sheets
        f.DefinitionSheetPageFactory(parent=site.section, title=f"Quagga {n}", topics=topics[: n + 1])
    page = page_of(client.get("/search/", {"q": "quagga"}))
    topic_group = next(h for h in page.select(".facet__heading") if h.get_text() == "Topic")
    shown = topic_group.find_next_sibling("ul").select("a")
    assert [a.get_text(" ", strip=True) for a in shown] == [f"zz topic {k} ({10 - k})" for k in range(1, 6)]
    more = topic_group.find_next_sibling("details")
    assert more.select_one("summary").get_text(strip=True) == "Show all 9 topics"
    assert [a.get_text(" ", strip=True) for a in more.select("a")] == [
        f"zz topic {k} ({10 - k})" for k in range(6, 10)
    ]


def test_a_selected_option_stays_on_view_in_a_long_group():
    from toolkit.search.facets import Facet, FacetOption

    options = [FacetOption(f"t{n}", f"t{n}", 20 - n, n == 7, f"?topic=t{n}") for n in range(12)]
    facet = Facet("topic", "Topic", options)
    assert [o.value for o in facet.shown] == ["t0", "t1", "t2", "t3", "t4", "t7"]
    assert "t7" not in [o.value for o in facet.more] and len(facet.more) == 6
    short = Facet("section", "Section", options[:8])
    assert short.shown == options[:8] and short.more == []


def test_no_results_suggest_what_to_try_popular_topics_and_suggesting_a_sheet(client, site):
    from django.urls import reverse

    page = page_of(client.get("/search/", {"q": "xylophone"}))
    advice = page.select_one(".no-results")
    text = advice.get_text(" ", strip=True)
    assert "No sheets matched" in text and "check the spelling" in text
    topics = [a["href"] for a in advice.select(".popular-topics a")]
    assert topics[:2] == ["/topics/neighbourhood-plan/", "/topics/surveys/"], "most sheets first"
    assert advice.find("a", string="suggest a sheet")["href"] == reverse("feedback:suggest_sheet")
    assert page.select_one(".filters") is None


def test_no_results_with_filters_offer_the_search_without_them(client, site):
    page = page_of(client.get("/search/", {"q": "survey", "kind": "definition"}))
    assert titles(page) == []
    advice = page.select_one(".no-results")
    assert "with these filters" in advice.get_text()
    assert advice.find("a", string="search for “survey” without filters")["href"] == "?q=survey"
    assert "Type of sheet: Definition sheets" in page.select_one(".active-filters").get_text()


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "nonsense"},
        {"topic": "<script>"},
        {"section": "x" * 5000},
        {"audience": "'; DROP TABLE x; --"},
    ],
)
def test_malformed_facets_are_ignored_with_a_note(client, site, params):
    page = page_of(client.get("/search/", {"q": "neighbourhood"} | params))
    assert "We ignored the filter" in page.get_text()
    assert len(titles(page)) == 3
    assert "<script>" not in page.decode_contents().replace("&lt;script&gt;", "")


def test_matching_words_are_highlighted_in_summaries(client, site):
    page = page_of(client.get("/search/", {"q": "summary neighbourhood"}))
    marks = {mark.get_text().lower() for mark in page.select(".card__summary mark")}
    assert "neighbourhood" in marks and "summary" in marks


def test_highlighting_escapes_html(client, site):
    site.definition.summary = "A <b>bold</b> neighbourhood claim."
    site.definition.save_revision().publish()
    html = client.get("/search/", {"q": "neighbourhood"}).content.decode()
    assert "&lt;b&gt;bold&lt;/b&gt; <mark>neighbourhood</mark>" in html


def test_did_you_mean_offers_but_does_not_replace(client, site):
    page = page_of(client.get("/search/", {"q": "neighbourhod survey"}))
    text = page.get_text(" ", strip=True)
    assert "neighbourhood survey" in text
    assert page.select_one("#search-page-q")["value"] == "neighbourhod survey"


def test_no_results_shows_the_likely_meaning_and_says_so(client, site):
    page = page_of(client.get("/search/", {"q": "neighbourhod"}))
    assert "No sheets matched “neighbourhod”, so we are showing results for" in page.get_text(" ", strip=True)
    assert "Neighbourhood Plan" in titles(page)


def test_synonyms_are_editable_data(client, site):
    assert titles(page_of(client.get("/search/", {"q": "zzplanbook"}))) == []
    SynonymGroup.objects.create(terms="zzplanbook, community survey")
    assert titles(page_of(client.get("/search/", {"q": "zzplanbook"}))) == ["Run a community survey"]


def test_seeded_synonyms_cover_the_common_acronyms():
    terms = {term for group in SynonymGroup.objects.all() for term in group.term_list()}
    for term in (
        "cil",
        "s106",
        "section 106",
        "planning obligation",
        "acv",
        "community right to bid",
        "business improvement district",
        "ndp",
        "lpa",
        "nppf",
        "asb",
        "neighborhood",
        "center",
        "program",
    ):
        assert term in terms, term


def test_promoted_sheets_come_first(client, site):
    query = Query.get("neighbourhood")
    SearchPromotion.objects.create(query=query, page=site.method, sort_order=0)
    page = page_of(client.get("/search/", {"q": "neighbourhood"}))
    assert titles(page)[0] == "Run a community survey"
    assert "Recommended" in page.select_one(".search-results li").get_text()


def test_queries_are_logged_without_personal_data(client, site):
    client.get("/search/", {"q": "Neighbourhood"}, REMOTE_ADDR="203.0.113.9")
    client.get("/search/", {"q": "neighbourhood "})
    client.get("/search/", {"q": "xylophone"})
    logged = {row.query: (row.hits, row.results) for row in QueryLog.objects.all()}
    assert logged == {"neighbourhood": (2, 3), "xylophone": (1, 0)}
    field_names = {field.name for field in QueryLog._meta.get_fields()}
    assert field_names == {"id", "query", "hits", "results", "last_searched"}


def test_a_count_does_not_wait_for_the_disk_on_postgresql(db):
    """Only the count's own transaction commits without waiting (``SET LOCAL``)."""
    with CaptureQueriesContext(connection) as queries:
        QueryLog.record("Design code", 4)
        QueryLog.record("design  code", 5)
    asked = [query["sql"] for query in queries.captured_queries]
    expected = 2 if connection.vendor == "postgresql" else 0
    assert asked.count("SET LOCAL synchronous_commit TO OFF") == expected, asked
    assert QueryLog.objects.values_list("query", "hits", "results").get() == ("design code", 2, 5)


def test_query_report_in_admin(client, site, django_user_model):
    QueryLog.objects.create(query="xylophone", hits=4, results=0)
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    response = client.get("/admin/search_queries/", {"results": 0})
    assert response.status_code == 200
    assert "xylophone" in response.content.decode()


def test_suggestions_endpoint(client, site):
    data = client.get("/search/suggest/", {"q": "neigh"}).json()["suggestions"]
    labels = [row["label"] for row in data]
    assert labels[:2] == ["Neighbourhood Forum", "Neighbourhood Plan"]
    assert data[0]["url"] == site.other_definition.url and data[0]["kind"] == "Definition sheet"
    assert (
        client.get("/search/suggest/", {"q": "ndp"}).json()["suggestions"][0]["label"] == "Neighbourhood Plan"
    )


@pytest.mark.parametrize("q", ["", "n", "*", "x" * 10_000, "🏠", "'; --"])
def test_suggestions_endpoint_with_odd_input(client, site, q):
    response = client.get("/search/suggest/", {"q": q})
    assert response.status_code == 200
    assert response.json()["suggestions"] == []


def test_suggestions_read_only_the_version_tokens_when_warm(client, site, django_assert_num_queries):
    client.get("/search/suggest/", {"q": "neigh"})
    with django_assert_num_queries(1) as queries:
        client.get("/search/suggest/", {"q": "plan"})
    assert "core_versiontoken" in queries.captured_queries[0]["sql"]


def test_a_new_promotion_shows_although_the_results_were_cached(client, site):
    before = titles(page_of(client.get("/search/", {"q": "neighbourhood"})))
    assert before[0] != "Run a community survey"
    SearchPromotion.objects.create(query=Query.get("neighbourhood"), page=site.method, sort_order=0)
    assert titles(page_of(client.get("/search/", {"q": "neighbourhood"})))[0] == "Run a community survey"


def test_spelling_suggestions_never_come_from_drafts_or_private_sheets(client, site):
    """Finding 6 of the security review: "Did you mean" and search-as-you-type offered words that
    appear only in a never-published draft and in a login-only sheet."""
    from wagtail.models import PageViewRestriction

    from toolkit.tests.factories import DefinitionSheetPageFactory

    draft = DefinitionSheetPageFactory(parent=site.section, title="Quorblefax reserve", live=False)
    draft.save_revision()
    private = DefinitionSheetPageFactory(parent=site.section, title="Zentrumpel budget")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    public = DefinitionSheetPageFactory(parent=site.section, title="Wombleton grants")
    for typo, secret in (("quorblefix", "quorblefax"), ("zentrumpal", "zentrumpel")):
        text = page_of(client.get("/search/", {"q": typo})).get_text(" ", strip=True).lower()
        assert secret not in text, f"the results page told a reader the word {secret!r}"
        suggested = client.get("/search/suggest/", {"q": typo}).content.decode().lower()
        assert secret not in suggested
    # the same path offers words from a public sheet, so the test would see a leak
    text = page_of(client.get("/search/", {"q": "wombleten"})).get_text(" ", strip=True).lower()
    assert "wombleton" in text and public.live
