"""``create_toolkit``: a migrated database becomes a working, empty toolkit, and a re-run changes nothing."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, Revision, Site, Workflow, WorkflowTask
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from toolkit.core.models import ToolkitSettings
from toolkit.directory.models import DirectoryPage
from toolkit.editorial.roles import EDITORS, WORKFLOW_NAME
from toolkit.home.models import HomePage
from toolkit.provision.builder import StandardContent, ToolkitBuilder
from toolkit.sheets.models import DefinitionSheetPage, SectionPage
from toolkit.taxonomy.models import Audience, Topic

pytestmark = pytest.mark.django_db

WELCOME = "Welcome to your new Wagtail site!"  # the page the ``migrated`` fixture starts from
NAME, ADDRESS = "Anytown Community Toolkit", "https://toolkit.anytown.example"
STRUCTURAL_PATHS = [
    "/",
    "/topics/",
    "/get-started/",
    "/glossary/",
    "/search/",
    "/search/?q=planning",
    "/useful-information/",
    "/print-packs/",
    "/pack/",
    "/a-z/",
    "/about/",
    "/contact/",
    "/suggest/",
    "/sitemap.xml",
    "/robots.txt",
    "/feeds/sheets/",
]


def create_toolkit(*args):
    out = io.StringIO()
    call_command("create_toolkit", "--name", NAME, "--address", ADDRESS, *args, stdout=out)
    return out.getvalue()


def state():
    """Everything create_toolkit writes, to compare before and after a second run."""
    site = Site.objects.get(is_default_site=True)
    return {
        "pages": sorted(Page.objects.values_list("pk", "path", "title", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "topics": sorted(Topic.objects.values_list("slug", "name", "description")),
        "audiences": sorted(Audience.objects.values_list("slug", "name", "description", "sort_order")),
        "site": (site.hostname, site.port, site.site_name, site.root_page_id),
        "settings": list(ToolkitSettings.objects.values_list("publisher", "contact_email", "licence")),
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "group permissions": Group.permissions.through.objects.count(),
        "page permissions": GroupPagePermission.objects.count(),
        "workflow tasks": list(
            WorkflowTask.objects.values_list("workflow__name", "task__name", "sort_order")
        ),
    }


def test_an_empty_database_becomes_a_working_toolkit(migrated, client):
    said = create_toolkit("--contact-email", "planning@anytown.example")
    assert "Toolkit ready" in said and "createsuperuser" in said
    site = Site.objects.get(is_default_site=True)
    assert (site.root_url, site.site_name) == (ADDRESS, NAME)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(title=WELCOME).exists()
    assert SectionPage.objects.live().count() == 8
    assert (Topic.objects.count(), Audience.objects.count()) == (45, 4)
    settings = ToolkitSettings.for_site(site)
    assert (settings.publisher, settings.contact_email) == (NAME, "planning@anytown.example")
    assert Workflow.objects.get(name=WORKFLOW_NAME).workflow_pages.filter(page=site.root_page).exists()
    assert GroupPagePermission.objects.filter(group__name=EDITORS, page=site.root_page).exists()
    host = {"HTTP_HOST": "toolkit.anytown.example", "HTTP_X_FORWARDED_PROTO": "https"}
    paths = STRUCTURAL_PATHS + [section.url for section in SectionPage.objects.all()]
    paths += [f"/topics/{Topic.objects.order_by('slug').first().slug}/"]
    for path in paths:
        response = client.get(path, **host)
        assert response.status_code == 200, path
    home = client.get("/", **host).content.decode()
    assert NAME in home and WELCOME not in home
    for title in ("Topics", "Glossary", "Organisations that can help", "About", "Contact"):
        assert f">{title}<" in home, f"{title} is not in the menu"
    assert 'id="get-started"' not in home, "no empty Get started heading before any route exists"


def test_running_it_again_changes_nothing(migrated):
    create_toolkit()
    before = state()
    said = create_toolkit()
    assert said.strip() == "The toolkit is already set up: nothing changed."
    assert state() == before


def test_an_editor_signs_in_and_publishes_the_first_sheet(migrated, client, monkeypatch):
    create_toolkit()
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a long first password")
    call_command("createsuperuser", "--noinput", "--username", "first", "--email", "first@anytown.example")
    signed_in = client.post(
        reverse("wagtailadmin_login"), {"username": "first", "password": "a long first password"}
    )
    assert signed_in.status_code == 302 and "_auth_user_id" in client.session
    section = SectionPage.objects.get(slug="neighbourhood-planning")
    topic, audience = Topic.objects.get(slug="neighbourhood-plan"), Audience.objects.get(slug="people")
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("sheets", "definitionsheetpage", section.pk)),
        nested_form_data(
            {
                "title": "Neighbourhood Plan",
                "slug": "neighbourhood-plan",
                "term": "Neighbourhood plan",
                "other_names": "",
                "summary": "A plan for the use of land in an area, written by the people who live there.",
                "body": streamfield([("paragraph", rich_text("<p>What a neighbourhood plan is.</p>"))]),
                "key_facts": inline_formset([]),
                "links_out": inline_formset([]),
                "see_also": inline_formset([]),
                "comments": inline_formset([]),
                "last_reviewed": "2026-12-01",
                "review_due": "2027-12-01",
                "link_glossary_terms": "on",
                "action-publish": "publish",
            }
        )
        # checkboxes send one name per value (nested_form_data would post "topics-0"); a sheet
        # needs a topic and an audience to be published (#16)
        | {"topics": [topic.pk], "audiences": [audience.pk]},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    sheet = DefinitionSheetPage.objects.get(slug="neighbourhood-plan")
    assert sheet.live and sheet.url == "/neighbourhood-planning/neighbourhood-plan/"
    client.logout()
    assert client.get(sheet.url).status_code == 200
    assert "Neighbourhood Plan" in client.get(section.url).content.decode()
    assert "Neighbourhood Plan" in client.get(f"/topics/{topic.slug}/").content.decode()


def test_without_taxonomy_the_pages_still_work(migrated, client):
    create_toolkit("--no-taxonomy")
    assert not SectionPage.objects.exists() and not Topic.objects.exists() and not Audience.objects.exists()
    for path in STRUCTURAL_PATHS:
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["--name", NAME, "--address", "toolkit.anytown.example"], "is not a web address"),
        (["--name", NAME, "--address", "https://toolkit.anytown.example/sheets/"], "more than a host"),
        (["--name", "  ", "--address", ADDRESS], "give the toolkit a name"),
        (["--name", NAME, "--address", ADDRESS, "--contact-email", "not-an-address"], "not an email address"),
    ],
)
def test_bad_input_is_refused_in_one_line_and_nothing_is_written(migrated, args, complaint):
    pages = Page.objects.count()
    with pytest.raises(CommandError, match=complaint) as refused:
        call_command("create_toolkit", *args, stdout=io.StringIO())
    assert "\n" not in str(refused.value)
    assert Page.objects.count() == pages and not Topic.objects.exists()
    assert Page.objects.filter(title=WELCOME).exists()


def test_it_completes_a_toolkit_that_lost_pages_and_keeps_what_editors_changed(migrated, client):
    create_toolkit()
    about = Page.objects.get(slug="about").specific
    about.title = "About Anytown's toolkit"
    about.save_revision().publish()
    Page.objects.get(slug="glossary").delete()
    Topic.objects.filter(slug="dogs").update(description="Dog fouling and dog control orders in Anytown.")
    said = create_toolkit()
    assert "glossary page: 1 created" in said
    assert client.get("/glossary/").status_code == 200
    assert Page.objects.get(slug="about").title == "About Anytown's toolkit"
    assert Topic.objects.get(slug="dogs").description == "Dog fouling and dog control orders in Anytown."


def directory_page():
    return DirectoryPage.objects.get(slug="useful-information")


def retitle(page, title, publish=True):
    page.title = page.draft_title = title
    revision = page.save_revision()
    if publish:
        revision.publish()


def test_the_old_default_directory_title_becomes_organisations_that_can_help(migrated):
    """A toolkit made before the rename still has "Useful information": a re-run renames it (a
    published revision, so the admin's history shows it) at the same address."""
    create_toolkit()
    retitle(directory_page(), "Useful information")
    said = create_toolkit()
    page = directory_page()
    assert (page.title, page.draft_title, page.live) == ("Organisations that can help",) * 2 + (True,)
    assert page.live_revision.content["title"] == "Organisations that can help"
    assert "now called “Organisations that can help”" in said


@pytest.mark.parametrize("draft", [False, True], ids=["renamed-by-the-council", "draft-waiting"])
def test_a_directory_title_the_council_chose_is_kept(site, draft):
    """The same step, on its own (a whole re-run is the test above): a council's title or draft stays."""
    page = site.directory
    retitle(page, "Useful information")
    retitle(page, "Who can help in Anytown", publish=not draft)
    builder = ToolkitBuilder(name=NAME)
    builder.retitle(page.specific_class.objects.get(pk=page.pk), StandardContent.from_file().pages[page.slug])
    page.refresh_from_db()
    assert page.title == ("Useful information" if draft else "Who can help in Anytown")
    assert page.get_latest_revision().content["title"] == "Who can help in Anytown"
    assert not builder.report.changed
