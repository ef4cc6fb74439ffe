"""The page frame on a phone (375 by 812), in Debian's chromium: a short header whose "Menu" button
opens and closes the navigation by keyboard, breadcrumbs shrunk to one line, "Back to top", and an
error summary that takes focus."""

import pytest
from playwright.sync_api import expect

from toolkit.tests.browser import PHONE
from toolkit.tests.keyboard import focused, tab_until


@pytest.fixture
def phone_without_javascript(browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def box(page, selector):
    found = page.locator(selector).first.bounding_box()
    assert found is not None, selector
    return found


def scroll_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.browser
def test_the_header_is_short_on_a_phone_and_its_menu_works_by_keyboard(phone, shared_site, shared_url):
    page = phone
    page.goto(shared_url(shared_site.definition.url))
    menu = page.get_by_role("button", name="Menu")
    nav = page.locator("nav[aria-label=Main]")
    expect(menu).to_be_visible()
    expect(nav).to_be_hidden()
    assert box(page, ".site-header")["height"] < 120
    assert box(page, "main h1")["y"] < 400, "the page's heading is in the top half of the first screen"

    # Tab reaches the button straight after the name of the site; Enter opens the menu.
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")
    assert focused(page)["tag"] == "a" and "site-brand" in page.evaluate("document.activeElement.className")
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Menu"
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(nav.get_by_role("link", name="Your pack")).to_be_visible()
    assert box(page, "nav[aria-label=Main]")["y"] >= box(page, ".site-header__bar")["y"]

    # Its links come next after the header's search box.
    tab_until(page, lambda el: el["tag"] == "a" and el["text"] == "About", "the About link in the menu")
    # Escape closes it and puts focus back on the button; Space opens it again.
    page.keyboard.press("Escape")
    expect(nav).to_be_hidden()
    expect(menu).to_have_attribute("aria-expanded", "false")
    assert focused(page)["text"] == "Menu"
    page.keyboard.press("Space")
    expect(nav).to_be_visible()
    page.keyboard.press("Enter")
    expect(nav).to_be_hidden()


@pytest.mark.browser
def test_the_get_started_routes_open_inside_the_menu_on_a_phone(phone, shared_site, shared_url):
    page = phone
    page.set_viewport_size({"width": 320, "height": 812})
    page.goto(shared_url(shared_site.definition.url))
    page.get_by_role("button", name="Menu").click()
    page.locator("details.menu summary").click()
    route = page.get_by_role("link", name="Start here for People")
    expect(route).to_be_in_viewport(ratio=1)
    # Escape closes the routes first (focus back on "Get started"), then the menu.
    page.keyboard.press("Escape")
    assert focused(page)["text"] == "Get started"
    expect(page.locator("nav[aria-label=Main]")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("nav[aria-label=Main]")).to_be_hidden()
    assert scroll_width(page) <= 320


@pytest.mark.browser
def test_without_javascript_the_menu_is_simply_shown(phone_without_javascript, shared_site, shared_url):
    page = phone_without_javascript
    page.goto(shared_url(shared_site.definition.url))
    expect(page.locator("button.menu-toggle")).to_be_hidden()
    expect(page.locator("nav[aria-label=Main]").get_by_role("link", name="About")).to_be_visible()


@pytest.mark.browser
def test_on_a_wide_screen_the_menu_is_always_open(page, shared_site, shared_url):
    page.goto(shared_url(shared_site.definition.url))
    expect(page.locator("button.menu-toggle")).to_be_hidden()
    nav = page.locator("nav[aria-label=Main]")
    expect(nav).to_be_visible()
    links = nav.locator(".site-nav__item")
    tops = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
    assert len(tops) == 1, "one row of links at 1280 px"


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 375])
def test_breadcrumbs_collapse_to_the_parent_on_a_phone(phone, shared_site, shared_url, width):
    page = phone
    page.set_viewport_size({"width": width, "height": 812})
    page.goto(shared_url(shared_site.definition.url))
    crumbs = page.locator(".breadcrumbs")
    expect(crumbs.get_by_role("link", name="Neighbourhood Planning")).to_be_visible()
    expect(crumbs.get_by_role("link", name="Home")).to_be_hidden()
    expect(crumbs.locator("[aria-current=page]")).to_be_hidden()
    line = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.breadcrumbs a')).lineHeight) || 24"
    )
    assert box(page, ".breadcrumbs ol")["height"] < 2 * line, "one line"
    assert scroll_width(page) <= width

    page.set_viewport_size({"width": 1280, "height": 812})
    expect(crumbs.get_by_role("link", name="Home")).to_be_visible()
    expect(crumbs.locator("[aria-current=page]")).to_be_visible()


@pytest.mark.browser
def test_back_to_top_on_the_glossary_returns_to_the_top(phone, shared_site, shared_url):
    page = phone
    page.goto(shared_url(shared_site.glossary.url))
    link = page.get_by_role("link", name="Back to top")
    link.scroll_into_view_if_needed()
    assert page.evaluate("window.scrollY") > 0
    assert box(page, ".back-to-top")["y"] > box(page, ".glossary-list")["y"], "after the terms"
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("window.scrollY === 0")
    assert focused(page)["id"] == "top", "focus moves to the top of the page with the view"
    page.keyboard.press("Tab")
    assert "site-brand" in page.evaluate("document.activeElement.className")


@pytest.mark.browser
def test_the_error_summary_takes_focus_and_leads_to_the_field(phone, shared_site, shared_url):
    page = phone
    page.goto(shared_url(shared_site.contact.url))
    page.get_by_role("button", name="Send message").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    first = summary.get_by_role("link").first
    field_id = first.get_attribute("href").removeprefix("#")
    first.click()
    expect(page.locator(f"[id='{field_id}']")).to_be_focused()
    expect(page.locator(f"label[for='{field_id}']")).to_be_in_viewport(ratio=1)
