"""In a real browser, by keyboard: from a topic's row to the sheets using it and on to one of them,
and the "Sheets" list narrowed by a filter; axe-core finds nothing wrong in what this app adds."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from toolkit.tests.browser import sign_in
from toolkit.tests.keyboard import tab_until


def violations_in(page, selector):
    results = Axe().run(page, context=selector)
    return [(v["id"], v["help"]) for v in results.response["violations"]]


@pytest.mark.browser
def test_from_a_topic_to_the_sheets_using_it_by_keyboard(page, live_site, site_url, django_user_model):
    sign_in(page, site_url, django_user_model)
    topic = live_site.topic
    page.goto(site_url("/admin/snippets/taxonomy/topic/"))
    sheets_url = f"/admin/snippets/taxonomy/topic/sheets/{topic.pk}/"
    tab_until(page, lambda el: el["href"] == sheets_url, "the topic's count of sheets")
    assert violations_in(page, "table.listing") == []
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{sheets_url}")
    expect(page.locator("h1")).to_contain_text("Sheets using this")
    expect(page.locator("table.listing tbody tr")).to_have_count(3)
    assert violations_in(page, "main") == []

    edit_url = f"/admin/pages/{live_site.method.pk}/edit/"
    tab_until(page, lambda el: el["href"] == edit_url, "a sheet using the topic")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{edit_url}")


@pytest.mark.browser
def test_the_sheets_list_narrows_by_a_filter(page, live_site, site_url, django_user_model):
    sign_in(page, site_url, django_user_model)
    page.goto(site_url("/admin/sheets/"))
    rows = page.locator("#listing-results table.listing tbody tr")
    expect(rows).to_have_count(3)
    page.get_by_role("button", name="Show filters").focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Kind").focus()
    page.keyboard.press("Enter")
    page.get_by_role("checkbox", name="Method").focus()
    page.keyboard.press("Space")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(live_site.method.title)
    assert "kind=method" in page.url
