"""The demo toolkit loads completely, covers the whole taxonomy, and loading twice changes nothing."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page, Site

from toolkit.directory.models import Organisation
from toolkit.glossary.models import Term
from toolkit.printing.models import PrintPackPage
from toolkit.sheets.models import DefinitionSheetPage, MethodSheetPage, SectionPage, SheetPage
from toolkit.taxonomy.models import Audience, PathwayPage, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_toolkit, db):
    """The demo toolkit on an empty tree (loaded once for the module; see the root conftest)."""


def test_demo_meets_the_content_brief(demo, client):
    assert DefinitionSheetPage.objects.live().count() >= 20
    assert MethodSheetPage.objects.live().count() >= 15
    assert SheetPage.objects.live().count() >= 40
    assert SectionPage.objects.live().count() == 8
    assert Topic.objects.count() == 45
    assert Audience.objects.count() == 4
    assert Organisation.objects.count() >= 15
    assert Term.objects.count() >= 60 and Term.objects.filter(sheet__isnull=False).count() >= 60
    for section in SectionPage.objects.all():
        assert section.sheets().exists(), section.title
    for topic in Topic.objects.with_sheet_counts():
        assert topic.sheet_count >= 1, topic.name
    for audience in Audience.objects.all():
        assert SheetPage.objects.filter(audiences=audience).exists(), audience.name
    for pathway in PathwayPage.objects.live():
        assert len(pathway.reading_route()) >= 6, pathway.title
    packs = {pack.title: len(pack.sheets()) for pack in PrintPackPage.objects.live()}
    assert len(packs) == PathwayPage.objects.live().count() + SectionPage.objects.live().count() == 12
    assert packs["Start here for Residents"] >= 6 and packs["All of Neighbourhood Planning"] >= 1
    for sheet in SheetPage.objects.all():
        assert len(sheet.summary.split()) <= 60, sheet.title
        assert sheet.key_facts.count() >= 3, sheet.title
        assert sheet.links_out.exists(), sheet.title
        assert sheet.see_also.exists(), sheet.title
        assert sheet.topics.exists() and sheet.audiences.exists(), sheet.title
    for method in MethodSheetPage.objects.all():
        assert method.steps.count() >= 4, method.title
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class.__name__ == "HomePage"
    response = client.get("/")
    assert response.status_code == 200
    assert "Community Planning Toolkit" in response.content.decode()
    for page in Page.objects.live().filter(depth__gt=2).specific():
        assert client.get(page.url).status_code == 200, page.url


def test_each_routes_where_next_links_every_page_it_names(demo, client):
    """Where a route's closing words send the reader (the glossary, search, another route, the
    organisations), those words are a link, and every link leads to a page that is there."""
    from bs4 import BeautifulSoup

    routes = [pathway.title.lower() for pathway in PathwayPage.objects.live()]
    for pathway in PathwayPage.objects.live():
        where = BeautifulSoup(client.get(pathway.url).content, "html.parser").select_one(".where-next")
        links = where.select("a")
        assert len(links) >= 3, pathway.title
        for link in links:
            assert client.get(link["href"]).status_code == 200, (pathway.title, link["href"])
            link.decompose()
        unlinked = " ".join(where.get_text(" ").lower().split())
        named = [
            "glossary",
            "pathway",
            "search",
            "organisations that can help",
            "useful information",
            "a to z",
        ]
        named += [f"route for {route}" for route in routes] + [f"for {route} and" for route in routes]
        for words in named:
            assert words not in unlinked, (pathway.title, words)


def test_the_residents_route_is_called_so(demo, client):
    assert Audience.objects.get(slug="people").name == "Residents"
    assert PathwayPage.objects.get(slug="people").title == "Residents"


def test_loading_twice_creates_nothing_new(demo):
    models = (Page, Topic, Audience, Organisation, Term)
    before = {model: model.objects.count() for model in models}
    call_command("load_demo", verbosity=0)
    assert {model: model.objects.count() for model in models} == before


def test_demo_editor_is_refused_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="development only"):
        call_command("load_demo", "--editor")


def test_bad_content_folder_loads_nothing(tmp_path):
    from toolkit.demo.loader import DemoContentError, DemoLoader

    (tmp_path / "sheets").mkdir()
    (tmp_path / "site.yaml").write_text("home: [unclosed", encoding="utf-8")
    pages_before = Page.objects.count()
    with pytest.raises(DemoContentError, match="site.yaml"):
        DemoLoader(content_dir=tmp_path).load()
    assert Page.objects.count() == pages_before
