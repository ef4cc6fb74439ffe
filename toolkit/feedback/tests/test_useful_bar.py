"""The "Is this page useful?" bar: on every public page, and what each page's bar sends is taken.

The bar names its page by id, or a view that is not a page by its address, from a list the
endpoint checks too; this test keeps the two in step by sending every page's own forms back.
"""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from toolkit.feedback.models import PageFeedback
from toolkit.tests.test_html_valid import PAGES

pytestmark = pytest.mark.django_db

WITHOUT_A_BAR = {"print-view"}  # a print has no forms


def bar_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser").select_one("section.useful-bar")


def fields_of(form):
    return {field["name"]: field.get("value", "") for field in form.select("input[name]")}


def test_every_public_page_has_the_bar_and_each_of_its_answers_is_taken(site):
    for number, (name, url_of) in enumerate(PAGES.items()):
        # a reader each, or the rate limit would stop them
        reader = Client(headers={"origin": "http://testserver"}, REMOTE_ADDR=f"198.51.100.{number + 1}")
        url = url_of(site)
        bar = bar_of(reader, url)
        if name in WITHOUT_A_BAR:
            assert bar is None, name
            continue
        assert bar is not None, name
        assert bar.select_one("h2").get_text(strip=True) == "Is this page useful?"
        assert "csrfmiddlewaretoken" not in str(bar)  # the page's HTML may be cached and shared
        yes, no = bar.select_one("form[data-useful-yes]"), bar.select_one("form#useful-no")
        assert bar.select_one("a[data-useful-no]")["href"] == "#useful-no"  # "No" opens the form without JS
        response = reader.post(yes["action"], fields_of(yes))
        assert response.status_code == 303, (name, response.content.decode()[:300])
        back = response["Location"].removesuffix("#useful-thanks")
        assert back in (url, site.definition.url), name  # the email form's bar is about its sheet
        answer = fields_of(no) | {"doing": f"Reading {name}", "comment": "Hard to follow"}
        assert reader.post(no["action"], answer).status_code == 303, name
    answered = len(PAGES) - len(WITHOUT_A_BAR)
    assert PageFeedback.objects.filter(useful=True).count() == answered
    assert PageFeedback.objects.filter(useful=False, comment="Hard to follow").count() == answered


def test_a_sheets_bar_keeps_the_fuller_suggest_a_change_route(client, site):
    bar = bar_of(client, site.definition.url)
    link = bar.find("a", string="Suggest a change to this sheet")
    assert link["href"] == f"/suggest/change/?sheet={site.definition.pk}"
    assert bar_of(client, site.home.url).find("a", string="Suggest a change to this sheet") is None


def test_the_old_600px_form_is_gone_from_sheets(client, site):
    page = client.get(site.definition.url).content.decode()
    assert "sheet-feedback" not in page and "How could we make it better?" not in page
    assert page.count('action="/feedback/useful/"') == 2  # the bar's Yes and its No form


def test_no_bar_where_an_answer_would_be_refused(client, site):
    assert bar_of(client, "/suggest/") is None
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and b"useful-bar" not in response.content
