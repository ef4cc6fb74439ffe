"""“Is this page useful?”: about any page, no cookies, no personal data, rate-limited, bad input a\n4xx page in the site's design; a per-sheet report, the queue and its CSV."""

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
    reader = Client(enforce_csrf_checks=True, headers=FROM_A_SHEET)  # a cached page's form has no token
    response = reader.post(
        USEFUL,
        {"page": site.definition.pk, "useful": "no", "doing": "Looking for dates", "comment": "Too long."},
    )
    assert response.status_code == 303
    assert response["Location"] == f"{site.definition.url}#useful-thanks"  # back to the page, thanked
    assert not response.cookies
    answer = PageFeedback.objects.get()
    assert (answer.page_id, answer.sheet_id, answer.useful) == (site.definition.pk, site.definition.pk, False)
    assert (answer.doing, answer.comment, answer.path) == (
        "Looking for dates",
        "Too long.",
        site.definition.url,
    )
    assert {field.name for field in PageFeedback._meta.get_fields()} == {
        "id",
        "page",
        "sheet",
        "path",
        "useful",
        "doing",
        "comment",
        "status",
        "created_at",
    }  # nothing about the reader


def test_yes_without_a_comment(client, site):
    assert client.post(USEFUL, {"page": site.method.pk, "useful": "yes"}).status_code == 303
    assert PageFeedback.objects.get().useful is True


def test_any_page_can_be_answered_about_not_only_sheets(client, site):
    for page in (site.home, site.section, site.glossary, site.directory, site.pathway):
        response = client.post(USEFUL, {"page": page.pk, "useful": "yes"})
        assert (response.status_code, response["Location"]) == (303, f"{page.url}#useful-thanks")
    answers = PageFeedback.objects.order_by("pk")
    assert [answer.page_id for answer in answers] == [
        page.pk for page in (site.home, site.section, site.glossary, site.directory, site.pathway)
    ]
    assert not any(answer.sheet_id for answer in answers)


@pytest.mark.parametrize("address", ["/search/?q=council&topic=housing", "/a-z/", "/pack/"])
def test_views_that_are_not_pages_are_answered_about_by_their_address(client, site, address):
    response = client.post(USEFUL, {"path": address, "useful": "no", "comment": "No results"})
    assert (response.status_code, response["Location"]) == (303, f"{address}#useful-thanks")
    answer = PageFeedback.objects.get()
    assert (answer.page, answer.path) == (None, address.split("?")[0])  # not what was searched for


def test_the_form_sheets_had_before_the_bar_still_works_from_cached_pages(client, site):
    response = client.post(USEFUL, {"sheet": site.definition.pk, "useful": "no", "comment": "Old form"})
    assert response.status_code == 303
    assert PageFeedback.objects.get().sheet_id == site.definition.pk


def test_the_bars_script_gets_json_instead_of_a_redirect(client, site):
    response = client.post(
        USEFUL, {"page": site.home.pk, "useful": "yes"}, headers={"accept": "application/json"}
    )
    assert (response.status_code, response.json()) == (200, {"thanks": "Thank you for your feedback"})
    bad = client.post(USEFUL, {"page": "abc", "useful": "yes"}, headers={"accept": "application/json"})
    assert bad.status_code == 400  # the script then sends the form the ordinary way, to the page below
    assert PageFeedback.objects.count() == 1


NOT_FOUND = "We could not find that page."
NO_PAGE = "We could not tell which page this is about."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Choose yes or no."),
        ({"page": "PAGE"}, "Choose yes or no."),
        ({"page": "PAGE", "useful": "maybe"}, "Choose yes or no."),
        ({"page": "PAGE", "useful": ["yes", "no", "perhaps"]}, "Choose yes or no."),
        ({"useful": "yes"}, NO_PAGE),
        ({"page": "abc", "useful": "yes"}, NOT_FOUND),
        ({"page": "-1", "useful": "yes"}, NOT_FOUND),
        ({"page": "1.5", "useful": "yes"}, NOT_FOUND),
        ({"page": "\uff11", "useful": "yes"}, NOT_FOUND),  # a full-width digit one
        ({"page": "9" * 20, "useful": "yes"}, NOT_FOUND),  # overflowed the database: a 500
        ({"page": str(2**31), "useful": "yes"}, NOT_FOUND),
        ({"page": "999999", "useful": "yes"}, NOT_FOUND),
        ({"page": "DRAFT", "useful": "yes"}, NOT_FOUND),
        ({"path": "/admin/", "useful": "yes"}, NOT_FOUND),
        ({"path": "/nowhere/", "useful": "yes"}, NOT_FOUND),
        ({"path": "https://elsewhere.example/search/", "useful": "yes"}, NOT_FOUND),
        ({"path": "//elsewhere.example/search/", "useful": "yes"}, NOT_FOUND),
        ({"path": "search/", "useful": "yes"}, NOT_FOUND),
        ({"path": "/search/" + "x" * 600, "useful": "yes"}, "at most 500 characters"),
        ({"page": "PAGE", "useful": "no", "comment": "x" * 1001}, "at most 1000 characters"),
        ({"page": "PAGE", "useful": "no", "doing": "x" * 301}, "at most 300 characters"),
    ],
    ids=[
        "empty",
        "no-answer",
        "wrong-choice",
        "wrong-type",
        "no-page",
        "page-not-a-number",
        "negative-page",
        "decimal-page",
        "unicode-digit",
        "20-digit-page",
        "past-the-largest-id",
        "no-such-page",
        "draft-page",
        "admin-address",
        "unknown-address",
        "other-site",
        "other-site-no-scheme",
        "relative-address",
        "address-too-long",
        "comment-too-long",
        "doing-too-long",
    ],
)
def test_bad_answers_get_clear_messages_in_the_sites_design_and_store_nothing(client, site, data, message):
    draft = f.StandardPageFactory(parent=site.home, title="Draft", slug="draft", live=False)
    swap = {"PAGE": str(site.definition.pk), "DRAFT": str(draft.pk)}
    data = {key: swap.get(value, value) if isinstance(value, str) else value for key, value in data.items()}
    response = client.post(USEFUL, data)
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body
    assert 'class="site-header"' in body and 'id="error-summary"' in body  # the site's page, not a bare error
    assert not PageFeedback.objects.exists()


def test_only_post_is_accepted(client, site):
    assert client.get(USEFUL).status_code == 405


def test_a_robot_filling_the_honeypot_stores_nothing(client, site):
    response = client.post(USEFUL, {"page": site.definition.pk, "useful": "yes", "website": "spam"})
    assert response.status_code == 303
    assert not PageFeedback.objects.exists()


def test_too_many_answers_get_a_readable_429(client, site):
    limit, _ = ANSWERS_PER_CLIENT
    for _ in range(limit):
        client.post(USEFUL, {"page": site.home.pk, "useful": "yes"}, REMOTE_ADDR="198.51.100.7")
    response = client.post(USEFUL, {"path": "/a-z/", "useful": "yes"}, REMOTE_ADDR="198.51.100.7")
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
    rows = list(csv.reader(io.StringIO(body)))
    comments = [row[rows[0].index("What went wrong")] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil.example")' in comments
    assert not any(comment.startswith("=") for comment in comments)


def test_the_queue_names_the_page_or_the_address_of_every_answer(admin_client, site):
    PageFeedback.objects.create(
        page=site.home, path=site.home.url, useful=False, comment="About the home page"
    )
    PageFeedback.objects.create(path="/a-z/", useful=False, doing="Looking for CIL", comment="Not listed")
    page = admin_client.get(reverse("wagtailsnippets_feedback_pagefeedback:list")).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[site.home.pk]) in page  # a link to edit the page
    assert "/a-z/" in page and "Looking for CIL" in page
    answer = PageFeedback.objects.get(path="/a-z/")
    inspect = admin_client.get(reverse("wagtailsnippets_feedback_pagefeedback:inspect", args=[answer.pk]))
    assert inspect.status_code == 200 and "/a-z/" in inspect.content.decode()


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
