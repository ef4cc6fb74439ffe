"""A sheet page in the order a reader needs it: summary, dates, key facts, then the rest; one short
"Related" list; "What to do next" at the end; the legal note where the sheet relies on the law."""

import pytest
from bs4 import BeautifulSoup

from toolkit.core.models import ToolkitSettings
from toolkit.sheets.models import RELATED_SHEETS, SheetSeeAlso
from toolkit.tests import factories as f

pytestmark = pytest.mark.django_db


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def position(page, selector):
    """Where the first element matching ``selector`` starts in the page (document order)."""
    found = page.select_one(selector)
    assert found is not None, selector
    return list(page.descendants).index(found)


def test_the_summary_comes_first_then_the_dates_key_facts_actions_contents_and_body(client, site):
    page = soup_of(client, site.definition.url)
    order = [
        "h1",
        ".sheet__summary",
        ".sheet__aliases",
        ".sheet__dates",
        ".key-facts",
        ".sheet-actions",
        "nav.toc",
        ".sheet__body",
        ".links-out",
        ".related",
        ".next-steps",
        ".sheet__footer",
        ".useful-bar",
    ]
    positions = [position(page, selector) for selector in order]
    assert positions == sorted(positions), dict(zip(order, positions, strict=True))
    assert "inset" in page.select_one(".key-facts")["class"]


def test_a_method_sheet_shows_time_cost_and_skills_as_a_summary_list_under_the_key_facts(client, site):
    page = soup_of(client, site.method.url)
    rows = [
        (row.select_one("dt").get_text(), row.select_one("dd").get_text())
        for row in page.select("dl.summary-list .summary-list__row")
    ]
    assert rows == [
        ("Time", "About two months"),
        ("Cost", "Low: printing"),
        ("Skills", "Organising and writing"),
    ]
    assert position(page, ".key-facts") < position(page, ".summary-list") < position(page, "#when-to-use")
    assert not page.select("#time-cost-skills"), "no heading of its own: the rows say what they are"


def test_the_line_under_the_summary_names_the_publisher_and_both_review_dates(client, site):
    settings = ToolkitSettings.for_site(site.home.get_site())
    settings.publisher = "Ambridge Borough Council"
    settings.save()
    dates = soup_of(client, site.definition.url).select_one(".sheet__header .sheet__dates")
    pairs = {div.dt.get_text(): div.dd.get_text() for div in dates.select("div")}
    assert pairs == {
        "Published by": "Ambridge Borough Council",
        "Last reviewed": "1 October 2026",
        "Next review due": "1 October 2027",
    }
    assert dates.select_one("time")["datetime"] == "2026-10-01"


def test_a_sheet_without_a_review_due_date_says_only_when_it_was_reviewed(client, site):
    site.definition.review_due = None
    site.definition.save_revision().publish()
    dates = soup_of(client, site.definition.url).select_one(".sheet__dates").get_text(" ")
    assert "Last reviewed" in dates and "Next review due" not in dates


def test_a_sheet_that_relies_on_the_law_says_it_is_not_legal_advice_and_names_the_law(client, site):
    assert not soup_of(client, site.definition.url).select(".inset--legal")
    f.LawFactory(
        name="Localism Act 2011",
        url="https://www.legislation.gov.uk/ukpga/2011/20/contents",
        cited_by=[site.definition],
    )
    inset = soup_of(client, site.definition.url).select_one(".inset--legal")
    assert inset.strong.get_text() == "This is not legal advice."
    law = inset.select_one("a.external")
    assert law["href"] == "https://www.legislation.gov.uk/ukpga/2011/20/contents"
    assert law.get_text() == "Localism Act 2011 (external site)"
    assert not soup_of(client, site.method.url).select(".inset--legal"), "only where it cites a law"


def test_useful_links_are_marked_as_going_to_another_website(client, site):
    link = soup_of(client, site.definition.url).select_one(".links-out a")
    assert "external" in link["class"]
    assert link.select_one(".visually-hidden").get_text() == " (external site)"


def test_links_in_the_body_to_other_websites_are_marked_and_links_on_the_site_are_not(client, site):
    site.definition.body = [
        (
            "paragraph",
            f.rich('See <a href="https://www.gov.uk/">GOV.UK</a> or <a href="/glossary/">the glossary</a>.'),
        )
    ]
    site.definition.save_revision().publish()
    body = soup_of(client, site.definition.url).select_one(".sheet__body")
    assert body.find("a", href="https://www.gov.uk/").get_text() == "GOV.UK (external site)"
    assert body.find("a", href="/glossary/").get_text() == "the glossary"


def titles(page, selector):
    return [a.get_text(strip=True) for a in page.select(selector)]


def test_related_is_one_short_list_of_titles_see_also_first_without_repeats(client, site):
    more = [
        f.DefinitionSheetPageFactory(
            parent=site.section, title=f"Neighbourhood idea {n}", topics=[site.topic]
        )
        for n in range(6)
    ]
    # See also: the forum, one of the new sheets, and the Method Sheet (the next step instead).
    chosen = (site.other_definition, more[3], site.method)
    site.definition.see_also.set([SheetSeeAlso(other=sheet) for sheet in chosen])
    site.definition.save_revision().publish()
    page = soup_of(client, site.definition.url)
    related = titles(page, ".related li a")
    assert len(related) == RELATED_SHEETS == 5
    assert related[:2] == ["Neighbourhood Forum", "Neighbourhood idea 3"], "the editor's choices first"
    assert len(set(related)) == len(related)
    assert "Run a community survey" not in related, "named under What to do next instead"
    assert site.definition.title not in related
    assert not page.select(".see-also, .related .card"), "titles, not a second grid of cards"
    assert [li.select_one(".related__kind").get_text() for li in page.select(".related li")][0] == (
        "Definition sheet"
    )


def test_paper_keeps_the_editors_see_also_list_only(client, site):
    f.DefinitionSheetPageFactory(parent=site.section, title="Neighbourhood area", topics=[site.topic])
    page = soup_of(client, site.definition.url + "print/")
    assert titles(page, ".related li a") == ["Neighbourhood Forum", "Run a community survey"]
    assert not page.select(".next-steps")


def next_steps(page):
    """{heading: the part's text} of "What to do next"."""
    section = page.select_one("section.next-steps")
    assert section.h2.get_text() == "What to do next"
    steps = {}
    for item in section.select(".next-steps__item"):
        heading = item.select_one(".next-steps__heading").extract()
        steps[heading.get_text()] = " ".join(item.get_text(" ").split())
    return steps


def test_a_definition_sheet_ends_with_its_method_sheet_who_to_contact_and_organisations(client, site):
    page = soup_of(client, site.definition.url)
    steps = next_steps(page)
    assert list(steps) == ["Put it into practice", "Organisations that can help", "Who to contact"]
    section = page.select_one(".next-steps")
    assert section.find("a", string="Run a community survey")["href"] == site.method.url
    locality = section.find("a", href="https://locality.org.uk/")
    assert locality.get_text() == "Locality (external site)", "shares the sheet's topic"
    assert "Other Org" not in steps["Organisations that can help"], "no shared topic"
    # The sheet has one topic, so the whole list is narrowed to it.
    everyone = section.find("a", string="All organisations that help with neighbourhood plan")
    assert everyone["href"] == f"{site.directory.url}?topic=neighbourhood-plan"
    assert section.find("a", href="https://www.gov.uk/find-local-council")
    assert section.find("a", href=site.contact.url).get_text() == "Write to Community Planning Toolkit"


def test_a_method_sheet_names_the_definition_sheet_it_puts_into_practice(client, site):
    steps = next_steps(soup_of(client, site.method.url))
    assert steps["Understand the idea"] == "Neighbourhood Plan (definition sheet)"


def test_without_a_see_also_of_the_other_kind_a_sheet_that_points_back_is_the_counterpart(client, site):
    # The forum lists only a definition in See also; a Method Sheet listing the forum is its match.
    other_method = f.MethodSheetPageFactory(parent=site.other_section, title="Set up a forum")
    other_method.see_also.set([SheetSeeAlso(other=site.other_definition)])
    other_method.save_revision().publish()
    steps = next_steps(soup_of(client, site.other_definition.url))
    assert steps["Put it into practice"] == "Set up a forum (method sheet)"


def test_no_counterpart_no_put_it_into_practice(client, site):
    steps = next_steps(soup_of(client, site.other_definition.url))
    assert "Put it into practice" not in steps and "Understand the idea" not in steps
    assert "Who to contact" in steps


def test_add_to_pack_is_offered_on_sheets_and_ready_made_packs_only(client, site):
    for url in (site.definition.url, site.print_pack.url):
        assert soup_of(client, url).select("form.pack-add"), url
    for url in (site.section.url, "/topics/neighbourhood-plan/", site.pathway.url, site.home.url):
        assert not soup_of(client, url).select("form.pack-add"), url
