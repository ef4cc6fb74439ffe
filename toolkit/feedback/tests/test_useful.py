"""“Was this page useful?”: no cookies, no personal data, rate-limited; a per-sheet report and CSV."""

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from toolkit.feedback.models import PageFeedback
from toolkit.feedback.views import ANSWERS_PER_CLIENT
from toolkit.tests import factories as f

pytestmark = pytest.mark.django_db

USEFUL = "/feedback/useful/"
FROM_A_SHEET = {"origin": "http://testserver"}  # what a browser says when a sheet's form posts


@pytest.fixture
def client():
    """A reader's browser answering from one of the site's own sheets."""
    return Client(headers=FROM_A_SHEET)


def test_an_answer_is_stored_without_cookies_or_a_csrf_token(site):
    reader = Client(enforce_csrf_checks=True, headers=FROM_A_SHEET)  # a cached sheet's form has no token
    response = reader.post(USEFUL, {"sheet": site.definition.pk, "useful": "no", "comment": "Too long."})
    assert response.status_code == 200
    assert "Thank you for your feedback" in response.content.decode()
    assert not response.cookies
    answer = PageFeedback.objects.get()
    assert (answer.sheet_id, answer.useful, answer.comment) == (site.definition.pk, False, "Too long.")
    assert {field.name for field in PageFeedback._meta.get_fields()} == {
        "id",
        "sheet",
        "useful",
        "comment",
        "status",
        "created_at",
    }  # nothing about the reader


def test_yes_without_a_comment(client, site):
    assert client.post(USEFUL, {"sheet": site.method.pk, "useful": "yes"}).status_code == 200
    assert PageFeedback.objects.get().useful is True


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Choose yes or no."),
        ({"sheet": "SHEET", "useful": "maybe"}, "Choose yes or no."),
        ({"sheet": "SHEET", "useful": ["yes", "no", "perhaps"]}, "Choose yes or no."),
        ({"sheet": "abc", "useful": "yes"}, "We could not find that sheet."),
        ({"sheet": "999999", "useful": "yes"}, "We could not find that sheet."),
        ({"sheet": "SHEET", "useful": "yes", "comment": "x" * 1001}, "at most 1000 characters"),
    ],
    ids=["empty", "wrong-choice", "wrong-type", "sheet-not-a-number", "no-such-sheet", "comment-too-long"],
)
def test_bad_answers_get_clear_messages_and_store_nothing(client, site, data, message):
    data = {key: str(site.definition.pk) if value == "SHEET" else value for key, value in data.items()}
    response = client.post(USEFUL, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_only_post_is_accepted(client, site):
    assert client.get(USEFUL).status_code == 405


def test_a_robot_filling_the_honeypot_stores_nothing(client, site):
    response = client.post(USEFUL, {"sheet": site.definition.pk, "useful": "yes", "website": "spam"})
    assert response.status_code == 200
    assert not PageFeedback.objects.exists()


def test_too_many_answers_get_a_readable_429(client, site):
    limit, _ = ANSWERS_PER_CLIENT
    for _ in range(limit):
        client.post(USEFUL, {"sheet": site.definition.pk, "useful": "yes"}, REMOTE_ADDR="198.51.100.7")
    response = client.post(USEFUL, {"sheet": site.definition.pk, "useful": "yes"}, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 429
    assert "Please wait a little before trying again" in response.content.decode()
    assert PageFeedback.objects.count() == limit


@pytest.fixture
def answers(site):
    f.PageFeedbackFactory(sheet=site.definition, useful=True)
    f.PageFeedbackFactory(sheet=site.definition, useful=False, comment='=HYPERLINK("http://evil.example")')
    f.PageFeedbackFactory(sheet=site.definition, useful=False, comment="<script>alert(1)</script>")
    f.PageFeedbackFactory(sheet=site.method, useful=True)


def test_the_report_counts_answers_per_sheet(admin_client, answers, site):
    page = admin_client.get(reverse("feedback_report")).content.decode()
    assert site.definition.title in page and site.method.title in page
    assert site.other_definition.title not in page  # no answers, no row
    assert page.index(site.definition.title) < page.index(site.method.title)  # most "no" first
    rows = list(
        csv.reader(
            io.StringIO(
                b"".join(
                    admin_client.get(reverse("feedback_report"), {"export": "csv"}).streaming_content
                ).decode()
            )
        )
    )
    assert rows[0] == ["Sheet", "Address", "Useful", "Not useful", "% useful", "Comments"]
    assert rows[1][0] == site.definition.title and rows[1][2:] == ["1", "2", "33", "2"]


def test_comments_export_cannot_run_formulas_and_are_escaped_in_the_admin(admin_client, answers):
    listing = reverse("wagtailsnippets_feedback_pagefeedback:list")
    page = admin_client.get(listing).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)</script>" not in page
    body = b"".join(admin_client.get(listing, {"export": "csv"}).streaming_content).decode()
    comments = [row[2] for row in csv.reader(io.StringIO(body))][1:]
    assert '\'=HYPERLINK("http://evil.example")' in comments
    assert not any(comment.startswith("=") for comment in comments)


def test_the_report_is_only_for_people_who_may_read_feedback(client, answers, django_user_model):
    nobody = django_user_model.objects.create_user("visitor", password="x-not-used-1")
    client.force_login(nobody)
    assert client.get(reverse("feedback_report")).status_code in (302, 403)


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "https://elsewhere.example"},
        {"sec-fetch-site": "cross-site", "origin": "http://testserver"},
        {"referer": "https://elsewhere.example/page"},
        {},
    ],
    ids=["other origin", "cross-site fetch", "other referer", "no origin at all"],
)
def test_an_answer_sent_from_another_site_is_refused_and_not_stored(site, headers):
    """Finding 7 of the security review: a third-party page made its visitors submit comments."""
    forger = Client(headers=headers)
    response = forger.post(USEFUL, {"sheet": site.definition.pk, "useful": "no", "comment": "Buy pills"})
    assert response.status_code == 403
    assert "did not come from a page of this site" in response.content.decode()
    assert not PageFeedback.objects.exists()
