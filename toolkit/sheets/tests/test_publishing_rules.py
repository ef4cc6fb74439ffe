"""What a sheet needs to go live (a topic and an audience), and when its "Last reviewed" date is set
(#16), through the admin's own views."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowState, WorkflowTask

from toolkit.sheets.forms import REQUIRED_TO_PUBLISH
from toolkit.sheets.models import DefinitionSheetPage, SectionPage
from toolkit.tests import factories as f

from .edit_forms import add_url, definition_form, edit_url

pytestmark = pytest.mark.django_db

OLD_DATE = datetime.date(2026, 10, 1)  # the factories' last review


def today():
    return timezone.localdate()


def new_draft(site, title="Community Shares", slug="community-shares"):
    """A sheet never published, with no topics, audiences or review date."""
    sheet = f.DefinitionSheetPageFactory(parent=site.section, title=title, slug=slug, live=False)
    DefinitionSheetPage.objects.filter(pk=sheet.pk).update(last_reviewed=None)
    sheet.refresh_from_db()
    sheet.save_revision()
    return sheet


# -- a topic and an audience to publish, not to save a draft -------------------------------------


@pytest.mark.parametrize("missing", [["topics"], ["audiences"], ["topics", "audiences"]])
def test_publishing_without_a_topic_or_an_audience_is_refused_with_what_to_do(editor_client, site, missing):
    sheet = new_draft(site)
    topics = [] if "topics" in missing else [site.topic]
    audiences = [] if "audiences" in missing else [site.audience]
    response = editor_client.post(
        edit_url(sheet), definition_form(sheet, "action-publish", topics=topics, audiences=audiences)
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert [name for name, message in REQUIRED_TO_PUBLISH.items() if message in html] == missing
    sheet.refresh_from_db()
    assert not sheet.live


def test_the_refusal_says_where_the_fields_are(editor_client, site):
    sheet = new_draft(site)
    response = editor_client.post(edit_url(sheet), definition_form(sheet, "action-publish"))
    html = response.content.decode()
    assert "Tick at least one topic before you publish or submit this sheet" in html
    assert "Tick at least one audience under “Useful for”" in html
    assert "It is on the “Classify and review” tab." in html


def test_a_draft_may_be_saved_without_them(editor_client, site):
    sheet = new_draft(site)
    response = editor_client.post(edit_url(sheet), definition_form(sheet, title="Community shares (draft)"))
    assert response.status_code == 302
    latest = DefinitionSheetPage.objects.get(pk=sheet.pk).get_latest_revision_as_object()
    assert latest.title == "Community shares (draft)"
    assert list(latest.topics.all()) == [] and list(latest.audiences.all()) == []
    assert not DefinitionSheetPage.objects.get(pk=sheet.pk).live


def test_a_new_sheet_may_be_created_as_a_draft_without_them(editor_client, site):
    response = editor_client.post(add_url(site.section), definition_form())
    assert response.status_code == 302
    sheet = DefinitionSheetPage.objects.get(slug="community-shares")
    assert not sheet.live and sheet.last_reviewed is None


def test_with_a_topic_and_an_audience_it_publishes(editor_client, site):
    sheet = new_draft(site)
    response = editor_client.post(
        edit_url(sheet),
        definition_form(sheet, "action-publish", topics=[site.topic], audiences=[site.audience]),
    )
    assert response.status_code == 302
    sheet.refresh_from_db()
    assert sheet.live
    assert list(sheet.topics.all()) == [site.topic] and list(sheet.audiences.all()) == [site.audience]


def bulk_publish(client, pages, next_url, **form):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    query = "&".join(f"id={page.pk}" for page in pages)
    return client.post(f"{url}?{query}&next={next_url}", form, follow=True)


def test_bulk_publishing_an_unplaced_sheet_publishes_nothing(editor_client, site):
    """Wagtail's bulk "Publish" skips the form; the same rule holds there."""
    unplaced = new_draft(site)
    placed = new_draft(site, title="Community Land Trust", slug="community-land-trust")
    placed.topics.set([site.topic])
    placed.audiences.set([site.audience])
    placed.save_revision()
    response = bulk_publish(editor_client, [unplaced, placed], f"/admin/pages/{site.section.pk}/")
    html = response.content.decode()
    assert (
        "Nothing was published. These sheets need at least one topic and one audience first: “Community Shares”."
        in html
    )
    assert not DefinitionSheetPage.objects.filter(pk__in=[unplaced.pk, placed.pk], live=True).exists()

    bulk_publish(editor_client, [placed], f"/admin/pages/{site.section.pk}/")
    assert DefinitionSheetPage.objects.get(pk=placed.pk).live


def test_bulk_publishing_a_section_with_its_drafts_checks_the_drafts(editor_client, site):
    new_draft(site)
    response = bulk_publish(editor_client, [site.section], "/admin/pages/", include_descendants="on")
    assert (
        "These sheets need at least one topic and one audience first: “Community Shares”"
        in response.content.decode()
    )
    assert not DefinitionSheetPage.objects.get(slug="community-shares").live


@pytest.fixture
def sign_off(site):
    """A two-step workflow on the whole site (Wagtail's own models): a check, then a sign-off."""
    workflow = Workflow.objects.create(name="Check and sign off")
    checkers = Group.objects.create(name="Checkers")
    for order, name in enumerate(["Check", "Sign-off"]):
        task = GroupApprovalTask.objects.create(name=name)
        task.groups.set([checkers])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    WorkflowPage.objects.create(workflow=workflow, page=site.home)
    return workflow


def test_submitting_for_review_without_them_is_refused(editor_client, site, sign_off):
    """Whatever is approved is published as submitted, so submitting needs them too."""
    sheet = new_draft(site)
    response = editor_client.post(edit_url(sheet), definition_form(sheet, "action-submit"))
    assert response.status_code == 200
    assert "Tick at least one topic" in response.content.decode()
    assert not WorkflowState.objects.for_instance(sheet).exists()


# -- "Last reviewed" -----------------------------------------------------------------------------


def test_a_sheet_published_for_the_first_time_was_reviewed_today(editor_client, site):
    response = editor_client.post(
        add_url(site.section),
        definition_form(action="action-publish", topics=[site.topic], audiences=[site.audience]),
    )
    assert response.status_code == 302
    sheet = DefinitionSheetPage.objects.get(slug="community-shares")
    assert sheet.live and sheet.last_reviewed == today()
    # the revision the next edit starts from says so too, so saving it cannot undo the date
    assert sheet.get_latest_revision_as_object().last_reviewed == today()
    edit_form = editor_client.get(edit_url(sheet)).content.decode()
    assert f'name="last_reviewed" value="{today():%Y-%m-%d}"' in edit_form
    editor_client.logout()
    public = editor_client.get(sheet.url).content.decode()
    assert f'<time datetime="{today():%Y-%m-%d}">{today():%-d %B %Y}</time>' in public


def test_a_date_the_editor_typed_before_publishing_stands(editor_client, site):
    typed = today() - datetime.timedelta(days=3)
    response = editor_client.post(
        add_url(site.section),
        definition_form(
            action="action-publish",
            topics=[site.topic],
            audiences=[site.audience],
            last_reviewed=typed.isoformat(),
        ),
    )
    assert response.status_code == 302
    assert DefinitionSheetPage.objects.get(slug="community-shares").last_reviewed == typed


def test_a_later_edit_published_directly_keeps_the_date(editor_client, site):
    sheet = site.definition
    assert sheet.last_reviewed == OLD_DATE
    response = editor_client.post(
        edit_url(sheet),
        definition_form(
            sheet,
            "action-publish",
            topics=[site.topic],
            audiences=[site.audience],
            title="Neighbourhood plans",
        ),
    )
    assert response.status_code == 302
    sheet.refresh_from_db()
    assert (sheet.title, sheet.last_reviewed) == ("Neighbourhood plans", OLD_DATE)


def approve(client, sheet):
    state = WorkflowState.objects.for_instance(sheet).get(status=WorkflowState.STATUS_IN_PROGRESS)
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[sheet.pk, "approve", state.current_task_state.pk]
    )
    assert client.post(url, {"comment": ""}).status_code in (200, 302)


def test_passing_review_makes_a_live_sheet_reviewed_today(editor_client, site, sign_off):
    """Approved means every task of the workflow approved: the first alone changes nothing."""
    sheet = site.definition
    form = definition_form(sheet, "action-submit", topics=[site.topic], audiences=[site.audience])
    assert editor_client.post(edit_url(sheet), form | {"title": "Neighbourhood plans"}).status_code == 302
    approve(editor_client, sheet)
    sheet.refresh_from_db()
    assert (sheet.title, sheet.last_reviewed) == ("Neighbourhood Plan", OLD_DATE)  # not yet published

    approve(editor_client, sheet)
    sheet.refresh_from_db()
    assert WorkflowState.objects.for_instance(sheet).get().status == WorkflowState.STATUS_APPROVED
    assert (sheet.title, sheet.last_reviewed) == ("Neighbourhood plans", today())
    assert sheet.live_revision.as_object().last_reviewed == today()
    assert sheet.get_latest_revision_as_object().last_reviewed == today()


def test_a_new_sheet_that_passes_review_was_reviewed_today(editor_client, site, sign_off):
    sheet = new_draft(site)
    form = definition_form(sheet, "action-submit", topics=[site.topic], audiences=[site.audience])
    assert editor_client.post(edit_url(sheet), form).status_code == 302
    approve(editor_client, sheet)
    assert DefinitionSheetPage.objects.get(pk=sheet.pk).last_reviewed is None
    approve(editor_client, sheet)
    sheet.refresh_from_db()
    assert sheet.live and sheet.last_reviewed == today()


def test_a_sheet_made_in_code_and_published_gets_the_date_too(site):
    """As the deployment tests' first sheet, the importer and scripts make one: no date given."""
    section = SectionPage.objects.get(pk=site.section.pk)
    sheet = DefinitionSheetPage(
        title="Parish poll", slug="parish-poll", term="Parish poll", summary="A vote."
    )
    section.add_child(instance=sheet)
    assert sheet.last_reviewed is None
    sheet.save_revision().publish()
    sheet.refresh_from_db()
    assert sheet.last_reviewed == today()


def test_factories_and_demo_dates_are_kept(site):
    """Sheets made with a date (factories, the demo loader, the importer) keep it when published."""
    sheet = f.DefinitionSheetPageFactory(parent=site.section, title="Parish poll", live=False)
    sheet.save_revision().publish()
    sheet.refresh_from_db()
    assert sheet.last_reviewed == OLD_DATE
