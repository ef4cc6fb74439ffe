"""Terms linked in real sheet pages: which ones, the editor's switches, the cache and its refresh."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from toolkit.glossary.models import Term
from toolkit.sheets.models import SheetKeyFact, SheetPage
from toolkit.tests import factories as f

pytestmark = pytest.mark.django_db


def soup_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def terms_linked(soup):
    """(glossary slug, words) of each inline definition on the page, in page order."""
    return [(a["data-glossary-term"], a.get_text()) for a in soup.select("a.glossary-term")]


def definitions(soup):
    script = soup.find("script", id="glossary-definitions")
    return json.loads(script.string) if script else {}


def test_first_mentions_are_linked_to_the_glossary_and_described_for_the_script(client, site):
    soup = soup_of(client, site.definition)
    assert terms_linked(soup) == [
        ("neighbourhood-forum", "neighbourhood forum"),
        ("parish-council", "parish council"),
        ("referendum", "referendum"),
    ]
    link = soup.select_one("a.glossary-term")
    assert link["href"] == f"{site.glossary.url}#term-neighbourhood-forum"
    described = definitions(soup)
    assert set(described) == {"neighbourhood-forum", "parish-council", "referendum"}
    # The forum has no Term: its entry comes from its Definition Sheet, defined by its summary.
    assert described["neighbourhood-forum"]["definition"] == site.other_definition.summary
    assert described["neighbourhood-forum"]["sheetUrl"] == site.other_definition.url
    assert described["parish-council"] == {
        "term": "Parish council",
        "definition": "The elected council closest to you.",
        "url": f"{site.glossary.url}#term-parish-council",
    }
    # "Referendum" points to this very sheet, so its definition does not send readers here again.
    assert "sheetUrl" not in described["referendum"]


def test_the_sheets_own_term_headings_and_links_are_never_linked(client, site):
    soup = soup_of(client, site.definition)
    assert "neighbourhood plan" in soup.select_one(".sheet__summary").get_text()
    assert not soup.select(".sheet__summary a.glossary-term")  # its own term
    assert not soup.select("h1 a, h2 a.glossary-term, .toc a.glossary-term")


def test_key_facts_are_linked_but_never_the_summary(client, site):
    f.TermFactory(term="Key fact", definition="A short true statement.")
    f.TermFactory(term="Readers", definition="People who read.")
    soup = soup_of(client, site.definition)
    assert "readers" in soup.select_one(".sheet__summary").get_text()
    assert not soup.select(".sheet__summary a.glossary-term"), "the summary is read whole, undisturbed"
    assert [a.get_text() for a in soup.select(".key-facts a.glossary-term")] == ["key fact"]


def test_the_first_mention_after_the_summary_is_the_one_linked(client, site):
    # The key facts come straight after the summary, before the body: "referendum" in a key fact
    # is linked there, not in the body below it.
    page = site.definition.specific
    page.key_facts.set([SheetKeyFact(text="A referendum decides it.")])
    page.save_revision().publish()
    soup = soup_of(client, site.definition)
    assert [a.get_text() for a in soup.select(".key-facts a.glossary-term")] == ["referendum"]
    assert "referendum" not in [a.get_text() for a in soup.select(".sheet__body a.glossary-term")]


def test_editors_can_switch_linking_off_for_a_sheet(client, site):
    site.definition.link_glossary_terms = False
    site.definition.save_revision().publish()
    soup = soup_of(client, site.definition)
    assert terms_linked(soup) == []
    assert soup.find("script", id="glossary-definitions") is None
    assert "referendum" in soup.select_one(".sheet__body").get_text()


def test_editors_can_exclude_single_words_or_whole_terms(client, site):
    council = Term.objects.get(term="Parish council")
    council.not_linked = "Parish council"
    council.save()
    Term.objects.filter(term="Referendum").update(link_automatically=False)
    Term.objects.get(term="Referendum").save()  # .update() sends no signal; an editor's save does
    soup = soup_of(client, site.definition)
    assert terms_linked(soup) == [("neighbourhood-forum", "neighbourhood forum")]
    # Both stay in the glossary.
    glossary = soup_of(client, site.glossary)
    assert glossary.select_one("#term-parish-council") and glossary.select_one("#term-referendum")


def test_the_linked_html_is_cached_until_the_sheet_or_a_term_changes(client, site):
    soup_of(client, site.definition)
    soup_of(client, site.glossary)
    # A change behind Wagtail's back (no new revision, no signal) is not seen: the page is cached.
    SheetPage.objects.filter(pk=site.definition.pk).update(summary="Changed quietly.")
    assert "Changed quietly." not in soup_of(client, site.definition).get_text()

    # Editing a term refreshes it at once.
    term = Term.objects.get(term="Parish council")
    term.definition = "The council for a village or small town."
    term.save()
    soup = soup_of(client, site.definition)
    assert definitions(soup)["parish-council"]["definition"] == "The council for a village or small town."
    assert "The council for a village or small town." in soup_of(client, site.glossary).get_text()

    # So does a new term, and deleting one.
    f.TermFactory(term="Plain words", definition="Words everyone knows.")
    assert ("plain-words", "plain words") in terms_linked(soup_of(client, site.definition))
    Term.objects.get(term="Plain words").delete()
    assert "plain-words" not in dict(terms_linked(soup_of(client, site.definition)))

    # And publishing the sheet.
    page = site.definition.specific.get_latest_revision_as_object()
    page.summary = "A plan written by a parish council."
    page.save_revision().publish()
    soup = soup_of(client, site.definition)
    assert soup.select_one(".sheet__summary").get_text() == "A plan written by a parish council."


def test_publishing_a_definition_sheet_adds_its_term_to_the_glossary_and_the_links(client, site):
    f.DefinitionSheetPageFactory(
        parent=site.section,
        title="Plain Words",
        term="Plain words",
        other_names="",
        summary="Words we all know.",
    ).save_revision().publish()
    soup = soup_of(client, site.definition)
    assert ("plain-words", "plain words") in terms_linked(soup)
    assert definitions(soup)["plain-words"]["definition"] == "Words we all know."


def test_a_preview_shows_the_draft_not_the_cached_page(client, site):
    soup_of(client, site.definition)  # cache the live page
    draft = site.definition.specific
    draft.summary = "A draft summary about a referendum."
    response = draft.make_preview_request()
    html = response.render().content.decode() if hasattr(response, "render") else response.content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".sheet__summary").get_text() == "A draft summary about a referendum."
    # And the live page is still the live page.
    assert "A draft summary" not in soup_of(client, site.definition).get_text()


def test_without_a_glossary_page_nothing_is_linked(client, site):
    site.glossary.unpublish()
    soup = soup_of(client, site.definition)
    assert terms_linked(soup) == []


def first_visit_queries(client, url):
    """Queries for a page when nothing about it is cached: the linker's whole cost shows."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_the_number_of_terms(client, site):
    f.TermFactory(term="Plain words")
    few = first_visit_queries(client, site.definition.url)
    for n in range(60):
        f.TermFactory(term=f"Made up word {n}", aliases=f"MUW{n}")
    many = first_visit_queries(client, site.definition.url)
    assert many == few
    cache.clear()
    client.get(site.definition.url)
    with CaptureQueriesContext(connection) as queries:
        client.get(site.definition.url)
    assert len(queries) < few, "a second visit should be served from the cache"


def test_a_method_sheets_own_parts_are_linked_in_page_order(client, site):
    for term in ("Many people", "Volunteer", "Question", "Result"):
        f.TermFactory(term=term, definition=f"What {term.lower()} means here.")
    soup = soup_of(client, site.method)
    linked = [
        (" ".join(a.find_parent(["p", "li"]).get_text().split()), a.get_text())
        for a in soup.select(".sheet__body a.glossary-term")
    ]
    assert linked == [
        ("When you need to hear from many people.", "many people"),  # when to use it
        ("A small team of volunteers.", "volunteers"),  # who is involved
        ("How to agree your questions.", "questions"),  # a step's text, not its heading
        ("How to share the results.", "results"),
    ], "each term once, at its first mention: not again in the pitfalls or in what good looks like"
    assert not soup.select(".steps__title a, .pitfalls a.glossary-term")
    assert soup.select_one(".pitfalls li").get_text() == "Asking too many questions."
    assert {"question", "result", "volunteer"} <= set(definitions(soup))
