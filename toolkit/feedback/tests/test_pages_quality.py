"""The pages this app adds to the public site: valid HTML (Nu checker) and no axe-core violations."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe

from toolkit.core.cache import bump_content_version
from toolkit.sheets.models import SheetPage
from toolkit.tests.html_checker import check_folder

SAME = {"origin": "http://testserver"}  # a sheet's own form, as the browser says


def overdue(sheet):
    SheetPage.objects.filter(pk=sheet.pk).update(review_due=datetime.date(2020, 1, 1))
    bump_content_version()


def pages(client, site):
    """``name: (response, expected status)`` for each page and state these forms can show."""
    overdue(site.method)
    change = f"/suggest/change/?sheet={site.definition.pk}"
    useful = {"page": site.definition.pk, "useful": "yes"}
    too_long = {"path": "/a-z/", "useful": "no", "doing": "x" * 301, "comment": "Not there"}
    found = {
        "suggest": (client.get("/suggest/"), 200),
        "suggest-errors": (client.post("/suggest/", {}), 400),
        "suggest-thanks": (client.post("/suggest/", {"title": "Litter", "details": "Please"}), 200),
        "change": (client.get(change), 200),
        "change-errors": (client.post("/suggest/change/", {"sheet": site.definition.pk}), 400),
        "change-thanks": (
            client.post("/suggest/change/", {"sheet": site.definition.pk, "details": "x"}),
            200,
        ),
        "change-no-sheet": (client.get("/suggest/change/?sheet=x"), 404),
        "useful-errors": (client.post("/feedback/useful/", {"page": site.definition.pk}, headers=SAME), 400),
        "useful-form-errors": (client.post("/feedback/useful/", too_long, headers=SAME), 400),
        "useful-no-page": (
            client.post("/feedback/useful/", {"page": "9" * 20, "useful": "no"}, headers=SAME),
            400,
        ),
        "useful-elsewhere": (client.post("/feedback/useful/", useful), 403),
        "overdue-sheet": (client.get(site.method.url), 200),
    }
    for _ in range(5):
        client.post("/suggest/", {}, REMOTE_ADDR="203.0.113.50")
    found["too-many"] = (client.post("/suggest/", {}, REMOTE_ADDR="203.0.113.50"), 429)
    return found


@pytest.mark.django_db
def test_feedback_pages_are_valid_html(client, site, tmp_path):
    for name, (response, status) in pages(client, site).items():
        assert response.status_code == status, name
        (tmp_path / f"{name}.html").write_bytes(response.content)
    returncode, output = check_folder(tmp_path)
    assert returncode == 0 and "Error:" not in output, output


def submit_empty_suggestion(page, site_url, times=1):
    page.goto(site_url("/suggest/"))
    for _ in range(times):
        page.get_by_role("button", name="Send suggestion").click()


BROWSER_STATES = {
    "suggest-errors": lambda page, site, url: submit_empty_suggestion(page, url),
    "change": lambda page, site, url: page.goto(url(f"/suggest/change/?sheet={site.definition.pk}")),
    # The bar's script, refused (here: a page id that is no page), sends the form the ordinary way.
    "useful-errors": lambda page, site, url: (
        page.goto(url(site.definition.url)),
        page.locator("[data-useful-yes] input[name=page]").evaluate("input => { input.value = 'x'; }"),
        page.get_by_role("button", name="Yes this page is useful").click(),
        page.wait_for_url("**/feedback/useful/"),
    ),
    "too-many": lambda page, site, url: submit_empty_suggestion(page, url, times=6),
    "overdue-sheet": lambda page, site, url: (overdue(site.method), page.goto(url(site.method.url))),
}


@pytest.mark.browser
@pytest.mark.parametrize("state", list(BROWSER_STATES))
def test_feedback_pages_have_no_axe_violations(page, live_site, site_url, state):
    BROWSER_STATES[state](page, live_site, site_url)
    expected = {
        "suggest-errors": "There is a problem",
        "useful-errors": "We could not find that page",
    }
    if state in expected:
        assert expected[state] in page.content()
    if state == "too-many":
        assert "Please wait a little" in page.locator("h1").inner_text()
    if state == "overdue-sheet":
        assert page.locator(".notice--review").is_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
