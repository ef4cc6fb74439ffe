"""Review dates: overdue and due-soon lists, the dashboard panel, the public notice, and flagging
every sheet that cites a changed law in one step."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from toolkit.core.cache import bump_content_version
from toolkit.editorial import freshness
from toolkit.editorial.freshness import flag_citing_sheets, overdue_sheets, sheets_due_soon, today
from toolkit.editorial.models import ReviewFlag
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
    assert "Sheets due for review" in page
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


def test_a_sheet_already_overdue_keeps_its_date_but_gains_the_reason(site):
    law = f.LawFactory(cited_by=[site.definition])
    earlier = today() - datetime.timedelta(days=20)
    set_due(site.definition, earlier)
    assert [sheet.pk for sheet in flag_citing_sheets(law, note="Section 5 repealed.")] == [site.definition.pk]
    assert SheetPage.objects.get(pk=site.definition.pk).review_due == earlier
    assert ReviewFlag.objects.open().get(sheet_id=site.definition.pk).note == "Section 5 repealed."


def test_sheets_reviewed_today_are_flagged_too(admin_client, admin_user, site):
    """A sheet reviewed today became due today: its own form's date rule once refused that, so the
    whole step failed with a server error."""
    law = f.LawFactory(name="Localism Act 2011", cited_by=[site.definition, site.method])
    set_due(site.definition, today() + datetime.timedelta(days=365), reviewed=today())
    response = admin_client.post(
        reverse("wagtailsnippets_editorial_law:mark_changed", args=[law.pk]),
        {"note": "New rules."},
        follow=True,
    )
    assert response.status_code == 200
    assert "2 sheets flagged for review" in response.content.decode()
    for sheet in (site.definition, site.method):
        assert SheetPage.objects.get(pk=sheet.pk).review_due == today()
    flag = ReviewFlag.objects.open().get(sheet_id=site.definition.pk)
    assert (flag.law, flag.note, flag.flagged_by) == (law, "New rules.", admin_user)


def test_a_sheet_that_will_not_save_flags_none_and_says_which(admin_client, site):
    law = f.LawFactory(cited_by=[site.definition, site.method])
    before = {s.pk: SheetPage.objects.get(pk=s.pk).review_due for s in (site.definition, site.method)}
    # a sheet imported before a rule existed: its summary is now too long to publish
    SheetPage.objects.filter(pk=site.method.pk).update(summary="word " * 80)
    response = admin_client.post(reverse("wagtailsnippets_editorial_law:mark_changed", args=[law.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert site.method.title in text and "No sheet was flagged" in text
    assert {pk: SheetPage.objects.get(pk=pk).review_due for pk in before} == before
    assert not ReviewFlag.objects.exists()
    law.refresh_from_db()
    assert law.changed_on is None


def test_the_flag_and_its_reason_head_the_edit_page_and_the_dashboard(admin_client, admin_user, site):
    law = f.LawFactory(name="Localism Act 2011", cited_by=[site.definition])
    flag_citing_sheets(law, user=admin_user, note="New rules on referendums.")
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[site.definition.pk])).content.decode()
    notice = edit.split("Flagged for review: Localism Act 2011 changed")[1].split("</section>")[0]
    assert "New rules on referendums." in notice and admin_user.get_username() in notice
    assert reverse("editorial_mark_reviewed", args=[site.definition.pk]) in notice
    assert edit.index("Flagged for review") < edit.index('name="title"')  # above the form's fields
    dashboard = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    overdue = dashboard.split("Overdue (")[1].split("Due in the next")[0]
    assert site.definition.title in overdue and "New rules on referendums." in overdue
    other = admin_client.get(reverse("wagtailadmin_pages:edit", args=[site.method.pk])).content.decode()
    assert "Flagged for review" not in other and "Review overdue" not in other


def test_mark_as_reviewed_sets_both_dates_and_clears_the_flag_in_one_step(admin_client, admin_user, site):
    law = f.LawFactory(cited_by=[site.definition])
    flag_citing_sheets(law, user=admin_user)
    url = reverse("editorial_mark_reviewed", args=[site.definition.pk])
    assert "This clears 1 flag" in admin_client.get(url).content.decode()
    assert admin_client.post(url, {"review_due": today().isoformat()}).status_code == 200  # not after today
    due = today() + datetime.timedelta(days=200)
    response = admin_client.post(url, {"review_due": due.isoformat()})
    assert response.status_code == 302
    sheet = SheetPage.objects.get(pk=site.definition.pk)
    assert (sheet.last_reviewed, sheet.review_due) == (today(), due)
    assert sheet.live and not sheet.has_unpublished_changes  # only dates changed: no review needed
    assert not ReviewFlag.objects.open().exists()
    assert ReviewFlag.objects.get().cleared_by == admin_user
    assert "due for a review" not in admin_client.get(sheet.url).content.decode()


def test_mark_as_reviewed_keeps_a_draft_going_through_the_workflow(admin_client, site):
    live = SheetPage.objects.get(pk=site.definition.pk).specific
    live.summary = "A draft change that a reviewer has not seen."
    live.save_revision()
    due = today() + datetime.timedelta(days=100)
    admin_client.post(reverse("editorial_mark_reviewed", args=[live.pk]), {"review_due": due.isoformat()})
    sheet = SheetPage.objects.get(pk=live.pk).specific
    assert sheet.has_unpublished_changes and sheet.summary != live.summary
    draft = sheet.get_latest_revision_as_object()
    assert (draft.summary, draft.review_due, draft.last_reviewed) == (live.summary, due, today())


def test_contributors_cannot_mark_a_sheet_reviewed(client, site, contributor):
    client.force_login(contributor)
    due = today() + datetime.timedelta(days=100)
    response = client.post(reverse("editorial_mark_reviewed", args=[site.definition.pk]), {"review_due": due})
    assert response.status_code in (302, 403)
    assert SheetPage.objects.get(pk=site.definition.pk).review_due != due


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
