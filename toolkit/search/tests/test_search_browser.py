"""Search in a real browser, by keyboard only: suggestions, a facet, and the sheet."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from toolkit.tests.keyboard import tab_until

pytestmark = pytest.mark.browser


def test_keyboard_reader_uses_a_suggestion_and_a_facet(page, site_url):
    page.goto(site_url("/search/"))
    box = page.locator("#search-page-q")
    tab_until(page, lambda el: el["id"] == "search-page-q", "the search box")
    page.keyboard.type("ndpp")  # a misspelt acronym of "neighbourhood development plan"
    listbox = page.locator(f"#{box.get_attribute('aria-controls')}")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    first = listbox.get_by_role("option").first
    expect(first).to_contain_text("Search for “ndp”")
    page.keyboard.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    expect(first).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=ndp")
    expect(page.locator(".search-results")).to_contain_text("Neighbourhood Plan")

    tab_until(page, lambda el: "Definition sheets" in el["text"], "the facet")
    page.keyboard.press("Enter")
    page.wait_for_url("**kind=definition**")
    expect(page.locator(".active-filters")).to_contain_text("Remove filter: kind")

    tab_until(page, lambda el: el["inResults"], "a result")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Neighbourhood Plan")


def test_escape_closes_the_suggestions(page, site_url):
    page.goto(site_url("/search/"))
    box = page.locator("#search-page-q")
    box.focus()
    page.keyboard.type("neigh")
    expect(box).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")


def test_results_with_facets_and_open_suggestions_pass_axe(page, site_url):
    page.goto(site_url("/search/?q=neighbourhood&kind=definition"))
    box = page.locator("#search-page-q")
    box.fill("")
    box.focus()
    page.keyboard.type("neigh")
    expect(box).to_have_attribute("aria-expanded", "true")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
