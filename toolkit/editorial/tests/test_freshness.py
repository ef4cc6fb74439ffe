"""Review dates: overdue and due-soon lists, the dashboard panel, the public notice, and flagging
every sheet that cites a changed law in one step."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from toolkit.core.cache import bump_content_version
from toolkit.editorial import freshness
from toolkit.editorial.freshness import flag_citing_sheets, overdue_sheets, sheets_due_soon, today
from toolkit.sheets.models import SheetPage
from toolkit.tests import factories as f

pytestmark = pytest.mark.django_db


def set_due(sheet, due, reviewed=None):
    """Dates as they would stand on some later day (the page cache is told, as a publish would)."""
    reviewed = reviewed or due - datetime.timedelta(days=365)
    SheetPage.objects.filter(pk=sheet.pk).update(review_due=due, last_reviewed=reviewed)
    bump_content_version()


def test_overdue_and_due_soon(site):
    now = today()
    set_due(site.definition, now - datetime.timedelta(days=3))
    set_due(site.method, now + datetime.timedelta(days=10))
    set_due(site.other_definition, now + datetime.timedelta(days=45))
    assert list(overdue_sheets()) == [SheetPage.objects.get(pk=site.definition.pk)]
    assert [s.pk for s in sheets_due_soon()] == [site.method.pk]
    assert freshness.is_overdue(SheetPage.objects.get(pk=site.definition.pk))
    assert not freshness.is_overdue(SheetPage.objects.get(pk=site.method.pk))


def test_dashboard_panel_lists_overdue_and_due_soon_sheets(admin_client, site):
    now = today()
    set_due(site.definition, now - datetime.timedelta(days=3))
    set_due(site.method, now + datetime.timedelta(days=10))
    page = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Sheets to review" in page
    overdue, due_soon = page.split("Overdue (")[1].split("Due in the next 30 days (")
    assert site.definition.title in overdue and site.method.title not in overdue
    assert site.method.title in due_soon and site.other_definition.title not in due_soon


def test_public_sheet_shows_a_polite_notice_only_when_overdue(client, site):
    page = client.get(site.definition.url).content.decode()
    assert "due for a review" not in page
    assert "Last reviewed" in page
    set_due(site.definition, today() - datetime.timedelta(days=1), reviewed=datetime.date(2025, 3, 1))
    page = client.get(site.definition.url).content.decode()
    assert "This sheet is due for a review" in page
    assert "1 March 2025" in page


def test_marking_a_law_changed_flags_every_citing_sheet_in_one_step(site, admin_user):
    law = f.LawFactory(name="Localism Act 2011", cited_by=[site.definition, site.method])
    uncited = site.other_definition
    before = SheetPage.objects.get(pk=uncited.pk).review_due

    flagged = flag_citing_sheets(law, user=admin_user, note="New rules on referendums.")

    assert {sheet.pk for sheet in flagged} == {site.definition.pk, site.method.pk}
    for sheet in (site.definition, site.method):
        fresh = SheetPage.objects.get(pk=sheet.pk)
        assert fresh.review_due == today()
        assert fresh.get_latest_revision_as_object().review_due == today()  # the next edit keeps it
        assert fresh.live and not fresh.has_unpublished_changes
    assert SheetPage.objects.get(pk=uncited.pk).review_due == before
    law.refresh_from_db()
    assert law.changed_on == today() and law.change_note == "New rules on referendums."
    entry = ModelLogEntry.objects.get(action=freshness.LAW_CHANGED_ACTION)
    assert entry.user == admin_user and entry.object_id == str(law.pk)


def test_flagging_keeps_a_draft_in_progress_as_a_draft(site):
    law = f.LawFactory(cited_by=[site.definition])
    live = SheetPage.objects.get(pk=site.definition.pk).specific
    live.summary = "A draft change that is not ready."
    live.save_revision()

    flag_citing_sheets(law)

    sheet = SheetPage.objects.get(pk=site.definition.pk).specific
    assert sheet.review_due == today()
    assert sheet.has_unpublished_changes
    assert sheet.summary != "A draft change that is not ready."  # the draft was not published
    draft = sheet.get_latest_revision_as_object()
    assert draft.summary == "A draft change that is not ready." and draft.review_due == today()


def test_a_sheet_already_overdue_is_left_alone(site):
    law = f.LawFactory(cited_by=[site.definition])
    earlier = today() - datetime.timedelta(days=20)
    set_due(site.definition, earlier)
    assert flag_citing_sheets(law) == []
    assert SheetPage.objects.get(pk=site.definition.pk).review_due == earlier


def test_mark_changed_admin_view(admin_client, site):
    law = f.LawFactory(name="Licensing Act 2003", cited_by=[site.method])
    url = reverse("wagtailsnippets_editorial_law:mark_changed", args=[law.pk])
    confirm = admin_client.get(url)
    assert confirm.status_code == 200
    assert site.method.title in confirm.content.decode()
    listing = admin_client.get(reverse("wagtailsnippets_editorial_law:list")).content.decode()
    assert url in listing

    response = admin_client.post(url, {"note": "<b>Amended</b>"})
    assert response.status_code == 302
    assert SheetPage.objects.get(pk=site.method.pk).review_due == today()
    law.refresh_from_db()
    assert law.change_note == "<b>Amended</b>"
    assert admin_client.post(url, {"note": "x" * 301}).status_code == 200  # too long: the form again
    assert (
        admin_client.get(reverse("wagtailsnippets_editorial_law:mark_changed", args=[999999])).status_code
        == 404
    )


def test_only_people_who_may_change_laws_can_mark_one_changed(client, site, reviewer):
    law = f.LawFactory(cited_by=[site.method])
    client.force_login(reviewer)
    response = client.post(reverse("wagtailsnippets_editorial_law:mark_changed", args=[law.pk]))
    assert response.status_code in (302, 403)
    assert SheetPage.objects.get(pk=site.method.pk).review_due != today()
