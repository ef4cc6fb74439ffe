"""“Suggest a sheet” and “Suggest a change”: queued for editors, never published, safe with bad input."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from toolkit.feedback.models import Suggestion
from toolkit.feedback.views import SUGGESTIONS_PER_CLIENT
from toolkit.tests import factories as f

pytestmark = pytest.mark.django_db

SUGGEST = "/suggest/"
CHANGE = "/suggest/change/"
SCRIPT = '<script>alert("x")</script><img src=x onerror="alert(1)">'


def a_sheet_idea(**changes):
    return {
        "title": "Running a litter pick",
        "details": "Our group wants to start one.",
        "email": "",
    } | changes


def test_every_sheet_and_the_footer_link_to_the_forms(client, site):
    page = client.get(site.definition.url).content.decode()
    assert f'href="{CHANGE}?sheet={site.definition.pk}"' in page
    assert f'href="{SUGGEST}"' in page
    feedback = page.split('class="useful-bar"')[1].split("</section>")[0]
    assert 'action="/feedback/useful/"' in feedback
    assert "csrfmiddlewaretoken" not in feedback  # the sheet's HTML can be cached and shared


def test_a_suggested_sheet_waits_in_the_queue(client, site):
    assert client.get(SUGGEST).status_code == 200
    response = client.post(SUGGEST, a_sheet_idea(email="sam@example.org"))
    assert response.status_code == 200
    assert "Thank you for your suggestion" in response.content.decode()
    suggestion = Suggestion.objects.get()
    assert suggestion.kind == Suggestion.Kind.NEW_SHEET
    assert suggestion.status == Suggestion.Status.NEW
    assert suggestion.email == "sam@example.org"
    assert "Running a litter pick" not in client.get("/").content.decode()  # nothing is published


def test_a_suggested_change_names_its_sheet(client, site):
    form = client.get(CHANGE, {"sheet": site.method.pk})
    assert form.status_code == 200
    assert site.method.title in form.content.decode()
    response = client.post(
        CHANGE, {"sheet": site.method.pk, "details": "Step 2 is out of date.", "email": ""}
    )
    assert response.status_code == 200
    suggestion = Suggestion.objects.get()
    assert (suggestion.kind, suggestion.sheet_id, suggestion.sheet_title) == (
        Suggestion.Kind.CHANGE,
        site.method.pk,
        site.method.title,
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Tell us what the new sheet should be about."),
        (a_sheet_idea(title="", details=""), "Tell us why the sheet would help."),
        (a_sheet_idea(title="x" * 151), "at most 150 characters"),
        (a_sheet_idea(details="x" * 3001), "at most 3000 characters"),
        (a_sheet_idea(email="not an address"), "Enter a valid email address."),
        (a_sheet_idea(email=["a@example.org", "b"]), "Enter a valid email address."),
        (a_sheet_idea(details="nul \x00 byte"), "Null characters are not allowed."),
    ],
    ids=["empty", "blank", "title-too-long", "details-too-long", "bad-email", "email-list", "nul-byte"],
)
def test_bad_suggestions_get_clear_messages_and_store_nothing(client, site, data, message):
    response = client.post(SUGGEST, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and message in page
    assert not Suggestion.objects.exists()


@pytest.mark.parametrize(
    ("data", "status"),
    [
        ({"sheet": "abc", "details": "Wrong"}, 400),
        ({"sheet": "999999", "details": "Wrong"}, 400),
        ({"details": "Which sheet?"}, 400),
        ({"sheet": "1 OR 1=1", "details": "Wrong"}, 400),
        ({"sheet": "9" * 20, "details": "Wrong"}, 400),  # overflowed SQLite's integer: a 500
        ({"sheet": "-9223372036854775809", "details": "Wrong"}, 400),
    ],
    ids=["not-a-number", "no-such-sheet", "no-sheet", "injection", "20-digits", "under-bigint"],
)
def test_a_change_to_an_unknown_sheet_is_refused(client, site, data, status):
    response = client.post(CHANGE, data)
    assert response.status_code == status
    assert "Go back to the sheet and try again." in response.content.decode()
    assert not Suggestion.objects.exists()


@pytest.mark.parametrize(
    "query",
    [{}, {"sheet": "abc"}, {"sheet": "999999"}, {"sheet": "9" * 40}, {"sheet": "²"}, {"sheet": "①"}],
)  # "²" and "①" are digits to str.isdigit() but not to int(): they were a 500
def test_the_change_form_for_an_unknown_sheet_is_a_readable_404(client, site, query):
    response = client.get(CHANGE, query)
    assert response.status_code == 404
    assert "we cannot find that sheet" in response.content.decode()


def test_unpublished_sheets_cannot_take_suggestions(client, site):
    site.method.unpublish()
    assert client.get(CHANGE, {"sheet": site.method.pk}).status_code == 404
    assert client.post(CHANGE, {"sheet": site.method.pk, "details": "x"}).status_code == 400


def test_other_methods_are_refused(client, site):
    assert client.put(SUGGEST).status_code == 405
    assert client.delete(CHANGE).status_code == 405


def test_the_forms_need_a_csrf_token(site):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(SUGGEST, a_sheet_idea()).status_code == 403
    assert not Suggestion.objects.exists()


def test_a_robot_filling_the_honeypot_is_thanked_but_nothing_is_stored(client, site):
    response = client.post(SUGGEST, a_sheet_idea(website="http://spam.example"))
    assert response.status_code == 200
    assert not Suggestion.objects.exists()


def test_too_many_suggestions_get_a_readable_429(client, site):
    limit, window = SUGGESTIONS_PER_CLIENT
    for _ in range(limit):
        assert client.post(SUGGEST, a_sheet_idea(), REMOTE_ADDR="203.0.113.9").status_code == 200
    response = client.post(CHANGE, {"sheet": site.method.pk, "details": "x"}, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 429
    assert response["Retry-After"] == str(window)
    page = response.content.decode()
    assert "<h1>Please wait a little before trying again</h1>" in page
    assert 'class="site-footer"' in page  # in the site's design
    assert Suggestion.objects.count() == limit
    assert (
        client.post(SUGGEST, a_sheet_idea(), REMOTE_ADDR="203.0.113.10").status_code == 200
    )  # others are fine


def test_script_tags_are_stored_as_text_and_shown_escaped_in_the_admin(client, admin_client, site):
    client.post(SUGGEST, a_sheet_idea(title=SCRIPT[:150], details=SCRIPT))
    suggestion = Suggestion.objects.get()
    assert suggestion.details == SCRIPT
    for url in (
        reverse("wagtailsnippets_feedback_suggestion:list"),
        reverse("wagtailsnippets_feedback_suggestion:inspect", args=[suggestion.pk]),
        reverse("wagtailsnippets_feedback_suggestion:edit", args=[suggestion.pk]),
    ):
        page = admin_client.get(url).content.decode()
        assert "&lt;script&gt;alert(" in page, url
        assert '<script>alert("x")' not in page and 'onerror="alert(1)">' not in page, url


def test_closing_a_suggestion_deletes_the_email_and_the_change_is_logged(admin_client, site):
    suggestion = f.SuggestionFactory(email="sam@example.org")
    response = admin_client.post(
        reverse("wagtailsnippets_feedback_suggestion:edit", args=[suggestion.pk]),
        {"status": Suggestion.Status.ACCEPTED, "moderator_note": "Writing it next month."},
    )
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.email == "" and suggestion.closed_at is not None
    entry = ModelLogEntry.objects.get(object_id=str(suggestion.pk), action="wagtail.edit")
    assert entry.user.username == "admin"


def test_open_suggestions_keep_the_email_until_the_purge(site):
    old = f.SuggestionFactory(
        email="old@example.org", created_at=timezone.now() - datetime.timedelta(days=91)
    )
    new = f.SuggestionFactory(email="new@example.org")
    call_command("purge_suggestion_emails", "--days", "90", stdout=open("/dev/null", "w"))  # noqa: SIM115
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.email, new.email) == ("", "new@example.org")
    with pytest.raises(CommandError, match="whole number"):
        call_command("purge_suggestion_emails", "--days", "-3")
    with pytest.raises(CommandError, match="whole number"):  # a digit to str.isdigit(), not to int()
        call_command("purge_suggestion_emails", "--days", "²")


@pytest.mark.parametrize("name", ["suggestion", "pagefeedback"])
def test_nobody_adds_or_copies_public_submissions_in_the_admin(admin_client, site, name):
    listing = admin_client.get(reverse(f"wagtailsnippets_feedback_{name}:list"))
    assert listing.status_code == 200
    add_url = reverse(f"wagtailsnippets_feedback_{name}:add")
    assert add_url not in listing.content.decode(), "no Add button, even for a superuser"
    response = admin_client.get(add_url)
    assert response.status_code in (302, 403) and "/add/" not in response.get("Location", "")
