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
    assert packs["Start here for People"] >= 6 and packs["All of Neighbourhood Planning"] >= 1
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
