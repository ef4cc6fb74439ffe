"""Every page type renders with its fields, from factory-built data."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text_of(response):
    return " ".join(soup(response).get_text(" ").split())


def test_home_page_has_intro_search_pathways_sections_topics_and_latest(client, site):
    page = soup(client.get(site.home.url))
    assert page.h1.get_text(strip=True) == "Community Planning Toolkit"
    assert "Plain-English guides" in page.select_one(".lead").get_text()
    assert page.select_one("form[role=search] input[name=q]")
    assert "Start here for People" in page.select_one("#get-started").find_parent("section").get_text()
    sections = [a.get_text(strip=True) for a in page.select("#sections + ul .card__title a")]
    assert sections == ["Neighbourhood Planning", "Tools and Techniques"]
    cloud = {a.get_text(" ", strip=True).split(" (")[0]: a["class"] for a in page.select(".topic-cloud a")}
    assert "topic-cloud__item--5" in cloud["neighbourhood plan"]  # used by all three sheets
    assert "topic-cloud__item--5" not in cloud["surveys"]  # used by one
    latest = [a.get_text(strip=True) for a in page.select("#latest + ul .card__title a")]
    assert "Neighbourhood Plan" in latest


def test_section_lists_its_sheets_with_kind_and_summary(client, site):
    page = soup(client.get(site.section.url))
    cards = page.select(".card")
    titles = [card.select_one(".card__title").get_text(strip=True) for card in cards]
    assert titles == ["Neighbourhood Forum", "Neighbourhood Plan"]
    assert all("Definition sheet" in card.select_one(".kind").get_text() for card in cards)
    assert "A short summary of neighbourhood plan" in cards[1].get_text()
    assert "Run a community survey" not in page.get_text()  # in the other section


def test_definition_sheet_shows_every_field(client, site):
    response = client.get(site.definition.url)
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Neighbourhood Plan"
    assert "Definition sheet" in page.select_one(".sheet__header .kind").get_text()
    assert "Also known as: NDP, neighbourhood development plan" in page.get_text()
    toc = [a["href"] for a in page.select(".toc a")]
    assert toc == ["#in-more-detail", "#who-can-use-it", "#links-out", "#related", "#next-steps"]
    for anchor in toc:
        assert page.select_one(anchor), f"the contents link {anchor} has no target"
    assert [li.get_text() for li in page.select(".key-facts li")] == ["First key fact.", "Second key fact."]
    link = page.select_one(".links-out a")
    assert link["href"] == "https://www.legislation.gov.uk/ukpga/2011/20/contents"
    assert "The law itself." in page.select_one(".links-out").get_text()
    # See also and the automatic related sheets are one list; the Method Sheet it names first is
    # the next step instead.
    assert [a.get_text(strip=True) for a in page.select(".related li a")] == ["Neighbourhood Forum"]
    assert page.select_one(".next-steps").find("a", string="Run a community survey")
    meta = page.select_one(".sheet__footer .sheet__meta").get_text(" ")
    assert "Neighbourhood Planning" in meta and "neighbourhood plan" in meta and "People" in meta
    assert "1 October 2026" in page.select_one(".sheet__dates").get_text(" ")
    assert "non-commercial" in page.select_one(".sheet__licence").get_text()
    assert page.find("meta", attrs={"name": "description"})["content"].startswith("A short summary")


def test_method_sheet_shows_method_fields_and_numbered_steps(client, site):
    page = soup(client.get(site.method.url))
    assert "Method sheet" in page.select_one(".sheet__header .kind").get_text()
    for anchor in (
        "when-to-use",
        "who-is-involved",
        "steps",
        "pitfalls",
        "what-good-looks-like",
    ):
        assert page.select_one(f"#{anchor}"), anchor
        assert page.select_one(f'.toc a[href="#{anchor}"]'), anchor
    assert page.select_one("ol.steps")
    assert [h.get_text() for h in page.select(".steps__title")] == [
        "Agree your questions",
        "Test the form",
        "Share the results",
    ]
    facts = page.select_one(".summary-list").get_text(" ")
    assert "About two months" in facts and "Low: printing" in facts and "Organising and writing" in facts
    assert "Asking too many questions." in page.select_one(".pitfalls").get_text()


def test_topic_page_lists_sheets_using_the_topic(client, site):
    page = soup(client.get("/topics/surveys/"))
    assert "surveys" in page.h1.get_text().lower()
    assert [a.get_text(strip=True) for a in page.select(".card__title a")] == ["Run a community survey"]


def test_topic_index_counts_sheets(client, site):
    text = text_of(client.get(site.topic_index.url))
    assert "neighbourhood plan 3 sheets" in text
    assert "surveys 1 sheet" in text


def test_pathway_page_is_an_ordered_route_with_why_and_where_next(client, site):
    page = soup(client.get(site.pathway.url))
    assert "People" in page.h1.get_text()
    assert "Why this route matters to you." in page.select_one("#why").find_parent("section").get_text()
    route = [a.get_text(strip=True) for a in page.select(".route .card__title a")]
    assert route == ["Neighbourhood Plan", "Run a community survey", "Neighbourhood Forum"]
    assert "Read about Neighbourhood Plan" in page.select_one(".route").get_text()
    assert "Where to go when you have finished." in page.select_one(".where-next").get_text()


def test_pathway_skips_unpublished_sheets(client, site):
    site.method.unpublish()
    page = soup(client.get(site.pathway.url))
    route = [a.get_text(strip=True) for a in page.select(".route .card__title a")]
    assert route == ["Neighbourhood Plan", "Neighbourhood Forum"]


def test_directory_lists_organisations_and_filters_by_topic(client, site):
    page = soup(client.get(site.directory.url))
    names = [" ".join(a.get_text().split()) for a in page.select(".directory .card__title a")]
    assert names == ["Locality (external site)", "Other Org (external site)"]  # the words are hidden
    assert "https://locality.org.uk/" in page.get_text()
    filtered = soup(client.get(site.directory.url, {"topic": "surveys"}))
    assert [a.contents[0] for a in filtered.select(".directory .card__title a")] == ["Other Org"]
    assert "Show all organisations" in filtered.get_text()


def test_standard_page_renders_body(client, site):
    page = soup(client.get(site.about.url))
    assert page.h1.get_text() == "About"
    assert page.select_one("h2#who-we-are").get_text() == "Who we are"


def test_navigation_skip_link_breadcrumbs_and_menus(client, site):
    page = soup(client.get(site.definition.url))
    skip = page.select_one("a.skip-link")
    assert skip["href"] == "#main" and page.select_one("main#main")
    nav = page.select_one("nav[aria-label=Main]").get_text(" ")
    for label in ("About", "Contact", "Organisations that can help", "Get started", "Start here for People"):
        assert label in nav
    assert "Your pack" in nav
    assert "Log in" not in page.select_one("header").get_text(" ")  # editors sign in from the footer
    crumbs = [a.get_text(strip=True) for a in page.select(".breadcrumbs a")]
    assert crumbs == ["Home", "Neighbourhood Planning"]
    assert page.select_one(".breadcrumbs [aria-current=page]").get_text() == "Neighbourhood Plan"
    footer = page.select_one("footer.site-footer")
    assert "Tools and Techniques" in footer.get_text(" ")
    assert footer.find("a", string="All topics")["href"] == site.topic_index.url
    assert "surveys" not in footer.get_text(" ")  # one link to the topics, not a list of them
    assert len(page.find_all("h1")) == 1


def test_draft_sheet_is_not_public(client, site):
    site.other_definition.unpublish()
    assert client.get(site.other_definition.url).status_code == 404
    assert "Neighbourhood Forum" not in soup(client.get(site.section.url)).select_one("main").get_text()


@pytest.mark.parametrize(
    "path", ["/no-such-page/", "/topics/no-such-topic/", "/neighbourhood-planning/nope/"]
)
def test_unknown_addresses_get_the_designed_404_page(client, site, path):
    response = client.get(path)
    assert response.status_code == 404
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text() == "Sorry, we cannot find that page"
    assert page.select_one("a.skip-link") and page.select_one("footer.site-footer")


def test_unknown_directory_topic_is_a_404_not_an_error(client, site):
    assert client.get(site.directory.url, {"topic": "<script>"}).status_code == 404


@pytest.mark.parametrize("value", ["abc", "-1", "0", "99999", "1e9"])
def test_bad_page_numbers_fall_back_to_a_real_page(client, site, value):
    assert client.get("/topics/surveys/", {"page": value}).status_code == 200
    assert client.get(site.directory.url, {"page": value}).status_code == 200


def test_every_page_names_the_site_icon_so_browsers_do_not_ask_for_a_missing_favicon(client, site):
    for url in (site.home.url, site.definition.url, "/search/?q=plan"):
        icon = soup(client.get(url)).select_one('head link[rel="icon"]')
        assert icon is not None and icon["href"].endswith("favicon.svg"), url
    assert "<svg" in Path(finders.find("img/favicon.svg")).read_text()
