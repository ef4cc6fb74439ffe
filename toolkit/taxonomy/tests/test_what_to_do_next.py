""" "What to do next" at the end of a route, a section and a topic: the ready-made booklet that holds
every sheet the page lists, organisations that can help, and a route to follow."""

import pytest
from bs4 import BeautifulSoup

from toolkit.tests import factories as f

pytestmark = pytest.mark.django_db


def next_steps(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    section = BeautifulSoup(response.content, "html.parser").select_one("section.next-steps")
    assert section is not None and section.h2.get_text() == "What to do next", url
    return section


def part(section, heading):
    """The part of "What to do next" under ``heading``, or ``None``."""
    for item in section.select(".next-steps__item"):
        if item.select_one(".next-steps__heading").get_text() == heading:
            return item
    return None


def link(item, text):
    """The link in ``item`` that reads ``text`` (hidden words included)."""
    return next((a for a in item.select("a") if a.get_text() == text), None)


def pack_of(site, *sheets, title):
    """A ready-made pack of these sheets, beside the test site's own."""
    return f.PrintPackPageFactory(parent=site.print_pack.get_parent(), title=title, sheets=list(sheets))


def test_a_route_ends_with_its_booklet_its_organisations_and_the_next_route(client, site):
    # The ready-made pack "Start a neighbourhood plan" holds two of the route's three sheets: no match.
    section = next_steps(client, site.pathway.url)
    assert part(section, "Print these sheets as one booklet") is None
    whole = pack_of(site, site.definition, site.method, site.other_definition, title="Start here for People")
    extra = f.DefinitionSheetPageFactory(parent=site.section, title="Neighbourhood area")
    pack_of(site, site.definition, site.method, site.other_definition, extra, title="Bigger")
    leaders = f.PathwayPageFactory(
        parent=site.pathway.get_parent(),
        audience=f.AudienceFactory(name="Local Leaders", slug="local-leaders"),
        route=[site.method],
    )
    section = next_steps(client, site.pathway.url)
    booklet = part(section, "Print these sheets as one booklet").a
    assert (booklet.get_text(), booklet["href"]) == ("Start here for People", whole.url), (
        "the smallest that holds all"
    )
    route = part(section, "Try the next route").a
    assert (route.get_text(), route["href"]) == ("Start here for Local Leaders", leaders.url)
    # After the last route comes the first.
    assert part(next_steps(client, leaders.url), "Try the next route").a["href"] == site.pathway.url
    helping = part(section, "Organisations that can help")
    assert link(helping, "Locality (external site)")["href"] == "https://locality.org.uk/"
    assert link(helping, "Other Org (external site)"), "the survey sheet's topic"
    assert helping.find("a", string="All organisations that can help")["href"] == site.directory.url


def test_the_editors_where_next_text_opens_what_to_do_next(client, site):
    section = next_steps(client, site.pathway.url)
    assert section.select_one(".where-next").get_text(strip=True) == "Where to go when you have finished."
    assert not BeautifulSoup(client.get(site.pathway.url).content, "html.parser").find(
        "h2", string="Where next"
    ), "one ending, not two"


def test_the_only_route_has_no_next_route(client, site):
    assert part(next_steps(client, site.pathway.url), "Try the next route") is None


def test_a_section_offers_its_booklet_the_route_through_it_and_its_organisations(client, site):
    section = next_steps(client, site.section.url)
    assert part(section, "Print these sheets as one booklet") is None
    pack = pack_of(site, site.other_definition, site.definition, title="All of Neighbourhood Planning")
    section = next_steps(client, site.section.url)
    assert part(section, "Print these sheets as one booklet").a["href"] == pack.url
    route = part(section, "Follow a route").a
    assert (route.get_text(), route["href"]) == ("Start here for People", site.pathway.url)
    assert part(section, "Organisations that can help").find("a", href="https://locality.org.uk/")


def test_a_section_no_route_passes_through_has_none(client, site):
    lonely = f.SectionPageFactory(parent=site.home, title="Council Powers", slug="council-powers")
    f.DefinitionSheetPageFactory(parent=lonely, title="Byelaws")
    assert part(next_steps(client, lonely.url), "Follow a route") is None


def test_a_topic_offers_the_organisations_for_that_topic_and_the_route_through_it(client, site):
    section = next_steps(client, "/topics/surveys/")
    helping = part(section, "Organisations that can help")
    assert [a.get_text() for a in helping.select(".next-steps__organisations a")] == [
        "Other Org (external site)"
    ]
    everyone = helping.find("a", string="All organisations that help with surveys")
    assert everyone["href"] == f"{site.directory.url}?topic=surveys"
    assert part(section, "Follow a route").a["href"] == site.pathway.url
    # The pack "Start a neighbourhood plan" holds the only sheet about surveys.
    assert part(section, "Print these sheets as one booklet").a["href"] == site.print_pack.url


def test_a_topic_without_organisations_links_no_organisations(client, site):
    f.TopicFactory(name="dogs", slug="dogs")
    section = next_steps(client, "/topics/dogs/")
    assert part(section, "Organisations that can help").find("a", string="All organisations that can help")
    assert not section.select(".next-steps__organisations")


def test_where_next_links_in_a_route_are_marked_when_they_leave_the_site(client, site):
    site.pathway.where_next = '<p>Ask <a href="https://www.locality.org.uk/">Locality</a> or <a href="/glossary/">look it up</a>.</p>'
    site.pathway.save_revision().publish()
    where = next_steps(client, site.pathway.url).select_one(".where-next")
    assert where.find("a", href="https://www.locality.org.uk/").get_text() == "Locality (external site)"
    assert where.find("a", href="/glossary/").get_text() == "look it up"


def test_every_ending_is_valid_html_with_all_its_parts(client, site, tmp_path):
    """Each kind of "What to do next", with every part it can show, passes the Nu HTML Checker."""
    from toolkit.tests.html_checker import check_folder

    pack_of(site, site.definition, site.method, site.other_definition, title="Everything")
    f.PathwayPageFactory(
        parent=site.pathway.get_parent(),
        audience=f.AudienceFactory(name="Business", slug="business"),
        route=[site.method],
    )
    f.LawFactory(name="Localism Act 2011", cited_by=[site.definition, site.method])
    for name, url in {
        "definition": site.definition.url,
        "method": site.method.url,
        "pathway": site.pathway.url,
        "section": site.section.url,
        "topic": "/topics/neighbourhood-plan/",
    }.items():
        response = client.get(url)
        assert response.status_code == 200 and b'class="next-steps"' in response.content, name
        (tmp_path / f"{name}.html").write_bytes(response.content)
    returncode, output = check_folder(tmp_path)
    assert returncode == 0 and "Error:" not in output, output
