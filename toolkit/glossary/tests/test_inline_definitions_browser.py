"""Inline definitions in a real browser: keyboard, touch, no JavaScript, and axe-core with one open."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from toolkit.tests.keyboard import focused, tab_until

pytestmark = pytest.mark.browser

FORUM = "neighbourhood forum"


def is_toggle(words):
    return lambda el: el["tag"] == "button" and el["text"].startswith(words)


@pytest.fixture
def sheet(page, shared_site, shared_url):
    page.goto(shared_url(shared_site.definition.url))
    return page


def test_a_keyboard_user_opens_and_closes_an_inline_definition(sheet, shared_site):
    page = sheet
    toggle = page.get_by_role("button", name=f"{FORUM} (show what this means)")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    panel = page.locator("#" + toggle.get_attribute("aria-controls"))
    expect(panel).to_be_hidden()

    tab_until(page, is_toggle(FORUM), "the inline definition of 'neighbourhood forum'")
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text(shared_site.other_definition.summary)
    expect(panel).to_have_accessible_name("What “Neighbourhood Forum” means")
    assert is_toggle(FORUM)(focused(page)), "focus stays on the word, so reading goes on into the definition"

    # Tab goes into the definition: a link to the glossary, then one to the full sheet.
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Open in the glossary"
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Read the sheet: Neighbourhood Forum"

    # Escape closes it and puts focus back on the word.
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    assert is_toggle(FORUM)(focused(page))

    # Space opens it again; tabbing on past it closes it.
    page.keyboard.press("Space")
    expect(panel).to_be_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert not panel.evaluate("el => el.contains(document.activeElement)")
    expect(panel).to_be_hidden()


def test_no_axe_violations_with_a_definition_open(sheet):
    page = sheet
    page.get_by_role("button", name=f"{FORUM} (show what this means)").click()
    expect(page.locator(".glossary-inline__panel").first).to_be_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_only_one_definition_is_open_at_a_time_and_a_click_elsewhere_closes_it(sheet):
    page = sheet
    forum = page.get_by_role("button", name=f"{FORUM} (show what this means)")
    council = page.get_by_role("button", name="parish council (show what this means)")
    forum.click()
    council.click()
    expect(forum).to_have_attribute("aria-expanded", "false")
    expect(council).to_have_attribute("aria-expanded", "true")
    page.locator("h1").click()
    expect(council).to_have_attribute("aria-expanded", "false")


def test_touch_opens_a_definition_that_fits_a_small_screen(browser, shared_site, shared_url):
    context = browser.new_context(viewport={"width": 320, "height": 640}, has_touch=True, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(shared_url(shared_site.definition.url))
        for name in (FORUM, "parish council", "referendum"):
            toggle = page.get_by_role("button", name=f"{name} (show what this means)")
            toggle.tap()
            panel = page.locator("#" + toggle.get_attribute("aria-controls"))
            expect(panel).to_be_visible()
            box = panel.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 320, (name, box)
            assert page.evaluate("document.documentElement.scrollWidth") <= 320
            toggle.tap()
            expect(panel).to_be_hidden()
    finally:
        context.close()


def test_without_javascript_a_term_is_a_plain_link_to_the_glossary(browser, shared_site, shared_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(shared_url(shared_site.definition.url))
        assert page.locator("button.glossary-inline__term").count() == 0
        page.get_by_role("link", name=FORUM, exact=True).click()
        page.wait_for_url("**/glossary/#term-neighbourhood-forum")
        expect(page.locator("#term-neighbourhood-forum")).to_contain_text(
            shared_site.other_definition.summary
        )
    finally:
        context.close()
