"""Search in a real browser, by keyboard only: suggestions, a facet, and the sheet; and on a
phone, results first with the filters folded under "Filter results"."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from toolkit.tests.browser import PHONE
from toolkit.tests.keyboard import tab_until

pytestmark = pytest.mark.browser


def test_keyboard_reader_uses_a_suggestion_and_a_facet(page, shared_url):
    page.goto(shared_url("/search/"))
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

    # One sheet is found, so there is nothing to filter; a wider search has filters.
    expect(page.locator(".filters")).to_have_count(0)
    tab_until(page, lambda el: el["id"] == "search-page-q", "the search box")
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type("neighbourhood")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=neighbourhood")
    tab_until(page, lambda el: el["text"] == "Definition sheets (2)", "the facet")
    page.keyboard.press("Enter")
    page.wait_for_url("**kind=definition**")
    expect(page.locator(".active-filters")).to_contain_text("Type of sheet: Definition sheets")

    # The first result link reached by Tab opens that sheet (which sheet ranks first among equals
    # differs between SQLite's and PostgreSQL's full-text search).
    focused = tab_until(page, lambda el: el["inResults"], "a result")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(focused["text"].strip())


def test_escape_closes_the_suggestions(page, shared_url):
    page.goto(shared_url("/search/"))
    box = page.locator("#search-page-q")
    box.focus()
    page.keyboard.type("neigh")
    expect(box).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")


def test_results_with_facets_and_open_suggestions_pass_axe(page, shared_url):
    page.goto(shared_url("/search/?q=neighbourhood&kind=definition"))
    box = page.locator("#search-page-q")
    box.fill("")
    box.focus()
    page.keyboard.type("neigh")
    expect(box).to_have_attribute("aria-expanded", "true")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def top_of_first_result(page):
    return page.locator(".search-results > li").first.bounding_box()["y"]


def no_sideways_scrolling(page):
    return page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_on_a_phone_the_first_result_is_on_the_first_screen(phone, shared_url):
    phone.goto(shared_url("/search/?q=council"))
    first = phone.locator(".search-results > li").first
    expect(first).to_contain_text("Neighbourhood Plan")
    assert top_of_first_result(phone) < PHONE["height"]
    card = first.bounding_box()
    # Before #17 the filters came first and the card began at 736 px, its title cut at the fold.
    assert card["y"] + card["height"] < PHONE["height"], "the whole first result is on the first screen"


def test_on_a_phone_the_filters_fold_under_one_line_and_open_by_keyboard(phone, shared_url):
    phone.goto(shared_url("/search/?q=neighbourhood"))
    filters = phone.locator("details.filters")
    summary = filters.locator("summary")
    assert filters.evaluate("el => el.open") is False
    assert summary.bounding_box()["height"] < 60
    assert top_of_first_result(phone) < PHONE["height"]
    method = filters.get_by_role("link", name="Method sheets (1)")
    expect(method).to_be_hidden()

    tab_until(phone, lambda el: el["tag"] == "summary" and el["text"] == "Filter results", "Filter results")
    phone.keyboard.press("Enter")
    expect(method).to_be_visible()
    phone.keyboard.press("Space")
    expect(method).to_be_hidden()
    phone.keyboard.press("Space")
    expect(method).to_be_visible()
    phone.set_viewport_size({"width": 320, "height": 812})
    assert no_sideways_scrolling(phone), "sideways scrolling at 320 px with the filters open"
    phone.set_viewport_size(PHONE)

    tab_until(phone, lambda el: el["tag"] == "a" and el["text"] == "Method sheets (1)", "a filter")
    phone.keyboard.press("Enter")
    phone.wait_for_url("**kind=method**")
    expect(phone.locator(".active-filters")).to_contain_text("Type of sheet: Method sheets")
    expect(phone.locator(".filters__summary")).to_have_text("Filter results (1 chosen)")
    assert phone.locator("details.filters").evaluate("el => el.open") is False
    assert top_of_first_result(phone) < PHONE["height"]


def test_no_results_page_fits_a_small_phone(phone, shared_url):
    phone.set_viewport_size({"width": 320, "height": 640})
    phone.goto(shared_url("/search/?q=xylophone"))
    expect(phone.locator(".no-results").get_by_role("link", name="suggest a sheet")).to_be_visible()
    assert no_sideways_scrolling(phone)


def test_on_a_wide_screen_the_filters_are_open_beside_the_results(page, shared_url):
    page.goto(shared_url("/search/?q=neighbourhood"))
    filters = page.locator("details.filters")
    expect(filters.get_by_role("link", name="Method sheets (1)")).to_be_visible()
    beside = filters.bounding_box()
    results = page.locator(".search-results").bounding_box()
    assert beside["x"] + beside["width"] <= results["x"], "filters on the left of the results"
    assert abs(beside["y"] - results["y"]) < 80, "side by side, not one above the other"
