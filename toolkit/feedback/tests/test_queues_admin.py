"""The feedback queues in the admin: sheet links, open items first, "Yes"/"No", and closing in one
step (a reply and a close for a suggestion; "Mark as closed" for one item or a selection)."""

import csv
import datetime
import io
import socket

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from toolkit.core.models import ToolkitSettings
from toolkit.editorial.roles import REVIEWERS, setup_roles
from toolkit.feedback.closing import CLOSED_ACTION, REPLIED_ACTION
from toolkit.feedback.models import PageFeedback, Suggestion
from toolkit.tests import factories as f

pytestmark = pytest.mark.django_db

SUGGESTIONS = "wagtailsnippets_feedback_suggestion"
ANSWERS = "wagtailsnippets_feedback_pagefeedback"
SCRIPT = '<script>alert("x")</script>'


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def reply_url(suggestion):
    return reverse(f"{SUGGESTIONS}:reply", args=[suggestion.pk])


def bulk_close_url(model_name, *items, next_url="/admin/"):
    ids = "&".join(f"id={item.pk}" for item in items)
    return reverse("wagtail_bulk_action", args=["feedback", model_name, "close"]) + f"?{ids}&next={next_url}"


def log_actions(item):
    return list(
        ModelLogEntry.objects.filter(object_id=str(item.pk), content_type__model=item._meta.model_name)
        .order_by("timestamp")
        .values_list("action", flat=True)
    )


@pytest.fixture
def reviewer(site):
    setup_roles()
    user = get_user_model().objects.create_user(username="robin", password="not-a-real-password-1")
    user.groups.add(Group.objects.get(name=REVIEWERS))
    return user


def onlooker():
    """Someone who may open the admin and read suggestions, but not change them."""
    user = get_user_model().objects.create_user(username="onlooker", password="not-a-real-password-1")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="feedback", codename="view_suggestion"),
    )
    return user


@pytest.fixture
def change(site):
    return f.SuggestionFactory(
        kind=Suggestion.Kind.CHANGE,
        sheet=site.definition,
        sheet_title=site.definition.title,
        title="",
        details=f"Step 2 is out of date. {SCRIPT}",
        email="sam@example.org",
    )


# --- the sheet is a link ---------------------------------------------------------------------------


def sheet_links_in(page, sheet):
    edit = f"/admin/pages/{sheet.pk}/edit/"
    return (
        [a.get_text(strip=True) for a in page.select(f'a[href="{edit}"]')],
        [a.get_text(" ", strip=True) for a in page.select(f'a[href="{sheet.url}"]')],
    )


def test_a_suggestion_links_to_its_sheet_and_the_sheet_edit_page(admin_client, site, change):
    for url in (
        reverse(f"{SUGGESTIONS}:list"),
        reverse(f"{SUGGESTIONS}:inspect", args=[change.pk]),
        reverse(f"{SUGGESTIONS}:edit", args=[change.pk]),
        reply_url(change),
    ):
        edit_links, live_links = sheet_links_in(soup(admin_client.get(url)), site.definition)
        assert edit_links == ["Neighbourhood Plan"], url
        assert live_links == ["View live : Neighbourhood Plan"], url


def test_an_answer_links_to_its_sheet(admin_client, site):
    answer = f.PageFeedbackFactory(sheet=site.method, useful=False)
    for url in (reverse(f"{ANSWERS}:list"), reverse(f"{ANSWERS}:inspect", args=[answer.pk])):
        edit_links, live_links = sheet_links_in(soup(admin_client.get(url)), site.method)
        assert edit_links == ["Run a community survey"] and len(live_links) == 1, url


def test_a_deleted_or_unpublished_sheet_is_named_without_a_broken_link(admin_client, site, change):
    f.SuggestionFactory(kind=Suggestion.Kind.CHANGE, sheet=None, sheet_title="An old sheet", title="")
    site.definition.unpublish()
    page = soup(admin_client.get(reverse(f"{SUGGESTIONS}:list")))
    text = page.select_one("table.listing").get_text(" ", strip=True)
    assert "An old sheet (sheet deleted)" in text
    assert "Neighbourhood Plan (not live)" in text
    assert not page.select(f'a[href="{site.definition.url}"]')


# --- "Yes" and "No" --------------------------------------------------------------------------------


def test_useful_reads_yes_or_no_everywhere(admin_client, site):
    yes = f.PageFeedbackFactory(sheet=site.method, useful=True)
    no = f.PageFeedbackFactory(sheet=site.method, useful=False, comment="Too long")
    inspect = soup(admin_client.get(reverse(f"{ANSWERS}:inspect", args=[no.pk])))
    answers = {
        dt.get_text(strip=True): dt.find_next("dd").get_text(strip=True) for dt in inspect.select("dt")
    }
    assert answers["Useful"] == "No"
    edit = soup(admin_client.get(reverse(f"{ANSWERS}:edit", args=[yes.pk])))
    outputs = [output.get_text(strip=True) for output in edit.select(".w-field__textoutput")]
    assert "Yes" in outputs and "True" not in outputs
    listing = soup(admin_client.get(reverse(f"{ANSWERS}:list")))
    cells = [row.select("td")[3].get_text(strip=True) for row in listing.select("table.listing tbody tr")]
    assert sorted(cells) == ["No", "Yes"]
    assert "True" not in listing.select_one("table.listing").get_text() and "False" not in inspect.get_text()
    body = b"".join(admin_client.get(reverse(f"{ANSWERS}:list"), {"export": "csv"}).streaming_content)
    rows = list(csv.reader(io.StringIO(body.decode())))
    useful = rows[0].index("Useful")
    assert sorted(row[useful] for row in rows[1:]) == ["No", "Yes"]


# --- open first, and the open/closed filter --------------------------------------------------------


def test_open_items_come_first_and_the_filter_says_open_or_closed(admin_client, site):
    now = timezone.now()
    old_open = f.SuggestionFactory(title="Old but open", created_at=now - datetime.timedelta(days=9))
    f.SuggestionFactory(title="New and closed", status=Suggestion.Status.DECLINED, created_at=now)
    new_open = f.SuggestionFactory(title="Newer and open", created_at=now - datetime.timedelta(days=1))
    listing = reverse(f"{SUGGESTIONS}:list")

    def titles(**query):
        page = soup(admin_client.get(listing, query))
        return [
            row.select_one("td.title a").get_text(strip=True) for row in page.select("table.listing tbody tr")
        ]

    assert titles() == [
        f"New sheet: {new_open.title}",
        f"New sheet: {old_open.title}",
        "New sheet: New and closed",
    ]
    assert titles(state="open") == [f"New sheet: {new_open.title}", f"New sheet: {old_open.title}"]
    assert titles(state="closed") == ["New sheet: New and closed"]
    page = soup(admin_client.get(listing))
    choices = [
        radio.find_parent("label").get_text(strip=True) for radio in page.select('input[name="state"]')
    ]
    assert choices == ["All", "Open", "Closed"]


def test_answers_come_open_first_too(admin_client, site):
    f.PageFeedbackFactory(sheet=site.method, comment="read one", status=PageFeedback.Status.READ)
    f.PageFeedbackFactory(
        sheet=site.method, comment="open one", created_at=timezone.now() - datetime.timedelta(days=3)
    )
    page = soup(admin_client.get(reverse(f"{ANSWERS}:list")))
    comments = [row.select("td")[5].get_text(strip=True) for row in page.select("table.listing tbody tr")]
    assert comments == ["open one", "read one"]


# --- reply and close in one step -------------------------------------------------------------------


def test_reply_and_close_sends_the_reply_and_closes_in_one_step(admin_client, site, change):
    ToolkitSettings.objects.update_or_create(
        site=site.home.get_site(), defaults={"contact_email": "team@example.org"}
    )
    listing = soup(admin_client.get(reverse(f"{SUGGESTIONS}:list")))
    assert listing.select_one(f'a[href="{reply_url(change)}"]').get_text(strip=True) == "Reply and close"
    form = admin_client.get(reply_url(change)).content.decode()
    assert "&lt;script&gt;alert(" in form and SCRIPT not in form
    assert "Sent to sam@example.org" in form

    response = admin_client.post(
        reply_url(change), {"reply": "Thank you: we have fixed step 2.", "status": "accepted", "send": "1"}
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["sam@example.org"] and message.reply_to == ["team@example.org"]
    assert message.subject == "Your suggestion to the Community Planning Toolkit"
    assert message.body.startswith("Thank you: we have fixed step 2.")
    assert "“Neighbourhood Plan”" in message.body and site.definition.full_url in message.body
    assert SCRIPT not in message.body, "the reader's text is not mailed back to whoever typed an address"
    change.refresh_from_db()
    assert (change.status, change.email) == (Suggestion.Status.ACCEPTED, "")
    assert "Thank you: we have fixed step 2." in change.moderator_note
    assert log_actions(change) == [REPLIED_ACTION]
    entry = ModelLogEntry.objects.get(object_id=str(change.pk), action=REPLIED_ACTION)
    assert entry.user.username == "admin" and entry.data == {"status": "accepted"}
    assert (
        "is closed as accepted. Your reply was sent to sam@example.org."
        in admin_client.get(response["Location"]).content.decode()
    )


def test_sending_needs_a_reply_but_closing_without_one_is_one_click(admin_client, site, change):
    response = admin_client.post(reply_url(change), {"reply": "  ", "status": "declined", "send": "1"})
    assert response.status_code == 200
    assert "Write your reply, or choose “Close without replying”." in response.content.decode()
    change.refresh_from_db()
    assert not change.is_closed and change.email == "sam@example.org"

    assert admin_client.post(reply_url(change), {"status": "declined", "close": "1"}).status_code == 302
    change.refresh_from_db()
    assert (change.status, change.email, mail.outbox) == (Suggestion.Status.DECLINED, "", [])
    assert log_actions(change) == [CLOSED_ACTION]


def test_without_an_address_the_page_only_closes(admin_client, site):
    idea = f.SuggestionFactory(email="")
    page = soup(admin_client.get(reply_url(idea)))
    assert not page.select('textarea[name="reply"]')
    assert [button.get_text(strip=True) for button in page.select("form button")] == ["Close suggestion"]
    listing = soup(admin_client.get(reverse(f"{SUGGESTIONS}:list")))
    assert listing.select_one(f'a[href="{reply_url(idea)}"]').get_text(strip=True) == "Close"
    assert admin_client.post(reply_url(idea), {"status": "spam", "close": "1"}).status_code == 302
    idea.refresh_from_db()
    assert idea.status == Suggestion.Status.SPAM and not mail.outbox


def test_an_outcome_is_required(admin_client, site, change):
    response = admin_client.post(reply_url(change), {"reply": "Thanks", "send": "1"})
    assert response.status_code == 200 and "Choose how to close the suggestion." in response.content.decode()
    assert response.context["form"].errors and not mail.outbox


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_when_the_mail_server_refuses_the_suggestion_stays_open(admin_client, site, change, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    response = admin_client.post(reply_url(change), {"reply": "Thanks", "status": "accepted", "send": "1"})
    assert response.status_code == 200
    assert "could not be sent, so the suggestion is still open" in response.content.decode()
    change.refresh_from_db()
    assert (change.status, change.email, change.moderator_note) == (
        Suggestion.Status.NEW,
        "sam@example.org",
        "",
    )
    assert log_actions(change) == []


def test_a_closed_suggestion_cannot_be_replied_to_again(admin_client, site, change):
    change.close(Suggestion.Status.DECLINED)
    response = admin_client.post(reply_url(change), {"reply": "Hi", "status": "accepted", "send": "1"})
    assert response.status_code == 302 and not mail.outbox
    change.refresh_from_db()
    assert change.status == Suggestion.Status.DECLINED
    listing = soup(admin_client.get(reverse(f"{SUGGESTIONS}:list")))
    assert not listing.select(f'a[href="{reply_url(change)}"]')


def test_reviewers_reply_but_people_without_change_permission_cannot(client, site, change, reviewer):
    client.force_login(reviewer)
    assert client.get(reply_url(change)).status_code == 200
    assert (
        client.post(reply_url(change), {"reply": "Thanks", "status": "accepted", "send": "1"}).status_code
        == 302
    )
    assert len(mail.outbox) == 1

    other = f.SuggestionFactory(email="kim@example.org")
    client.force_login(onlooker())
    refused = client.post(reply_url(other), {"reply": "x", "status": "spam", "send": "1"})
    assert refused.status_code in (302, 403) and refused.get("Location", "") != reverse(f"{SUGGESTIONS}:list")
    other.refresh_from_db()
    assert not other.is_closed and len(mail.outbox) == 1


# --- "Mark as closed" for a selection --------------------------------------------------------------


def test_mark_as_closed_sits_beside_delete_in_both_queues(admin_client, site, change):
    f.PageFeedbackFactory(sheet=site.method)
    for name, model_name in ((SUGGESTIONS, "suggestion"), (ANSWERS, "pagefeedback")):
        page = soup(admin_client.get(reverse(f"{name}:list")))
        actions = {a.get_text(strip=True): a["href"] for a in page.select("[data-bulk-action-button]")}
        assert actions.keys() >= {"Mark as closed", "Delete"}, actions
        assert actions["Mark as closed"].startswith(f"/admin/bulk/feedback/{model_name}/close/")


def test_suggestions_close_together_with_one_outcome(admin_client, site, change):
    spam = [f.SuggestionFactory(email=f"robot{n}@example.org") for n in range(3)]
    accepted = f.SuggestionFactory(status=Suggestion.Status.ACCEPTED)
    url = bulk_close_url("suggestion", *spam, accepted)
    page = soup(admin_client.get(url))
    assert "Mark these 4 suggestions as closed?" in page.get_text(" ", strip=True)
    assert "1 of them is closed already" in page.get_text(" ", strip=True)

    response = admin_client.post(url, {})
    assert response.status_code == 200 and "Choose how to close them." in response.content.decode()
    assert not Suggestion.objects.filter(pk__in=[s.pk for s in spam], status=Suggestion.Status.SPAM).exists()

    response = admin_client.post(url, {"status": "spam"})
    assert response.status_code == 302
    closed = Suggestion.objects.filter(pk__in=[s.pk for s in spam])
    assert {(s.status, s.email) for s in closed} == {(Suggestion.Status.SPAM, "")}
    accepted.refresh_from_db()
    assert accepted.status == Suggestion.Status.ACCEPTED, "an item already closed keeps its outcome"
    assert all(log_actions(s) == [CLOSED_ACTION] for s in spam) and log_actions(accepted) == []
    change.refresh_from_db()
    assert not change.is_closed, "only the selection is closed"
    assert (
        "3 suggestions marked as closed. 1 was closed already."
        in admin_client.get("/admin/").content.decode()
    )


def test_select_all_closes_every_open_answer_and_one_can_be_closed_from_its_row(admin_client, site):
    answers = [f.PageFeedbackFactory(sheet=site.method) for _ in range(3)]
    listing = reverse(f"{ANSWERS}:list")
    rows = soup(admin_client.get(listing)).select_one("table.listing")
    row_link = next(a for a in rows.select("a") if a.get_text(strip=True) == "Mark as closed")
    assert row_link["href"].startswith("/admin/bulk/feedback/pagefeedback/close/?id=")
    assert admin_client.post(row_link["href"]).status_code == 302
    assert PageFeedback.objects.closed().count() == 1

    everything = reverse("wagtail_bulk_action", args=["feedback", "pagefeedback", "close"]) + "?id=all"
    assert admin_client.post(everything).status_code == 302
    assert PageFeedback.objects.open().count() == 0
    assert all(log_actions(answer) == [CLOSED_ACTION] for answer in answers)


def test_reviewers_may_not_close_answers(client, site, reviewer):
    answer = f.PageFeedbackFactory(sheet=site.method)
    client.force_login(reviewer)
    rows = soup(client.get(reverse(f"{ANSWERS}:list"))).select_one("table.listing")
    assert rows and not [a for a in rows.select("a") if a.get_text(strip=True) == "Mark as closed"]
    page = soup(client.get(bulk_close_url("pagefeedback", answer)))
    assert "You may not close these" in page.get_text()
    client.post(bulk_close_url("pagefeedback", answer))
    answer.refresh_from_db()
    assert not answer.is_closed
