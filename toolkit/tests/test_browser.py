"""The public site in a real browser: keyboard use, axe-core, narrow screens and print.

Chromium is Debian's (/usr/bin/chromium), driven through Playwright's sync API against
a live server of the module's own, with the small complete site from ``site.py`` built once
(``shared_site``: these tests only read it).
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from toolkit.tests import factories as f
from toolkit.tests.keyboard import focused, link, tab_until


@pytest.fixture(scope="module")
def long_addresses(shared_site, django_db_blocker):
    """Real entries have long unbreakable words, such as a web address shown in the directory
    (kept until the module ends and ``shared_site`` empties the database)."""
    with django_db_blocker.unblock():
        return f.OrganisationFactory(
            name="Planning Inspectorate",
            url="https://www.gov.uk/government/organisations/planning-inspectorate",
            topics=[shared_site.topic],
        )


def submit_empty_contact_form(page):
    page.get_by_role("button", name="Send message").click()
    expect(page.locator("#error-summary")).to_be_visible()


def open_inline_definition(page):
    """Open the first inline glossary definition on a sheet (the glossary app's disclosure)."""
    toggle = page.locator("button.glossary-inline__term").first
    toggle.click()
    expect(page.locator(".glossary-inline__panel").first).to_be_visible()


def fill_print_pack(page):
    """Add the sheet to the print pack, then go to the pack page."""
    page.locator(".sheet-actions").get_by_role("button", name="Add to pack").click()
    page.locator(".messages").get_by_role("link", name="See your pack").click()
    expect(page.locator(".pack-list__item")).to_have_count(1)


def submit_empty_email_form(page):
    page.get_by_role("button", name="Send the sheet").click()
    expect(page.locator("#error-summary")).to_be_visible()


# Every public kind of page: its path (given the site), what to do there first, its status code.
PAGES = [
    pytest.param(lambda s: s.home.url, None, 200, id="home"),
    pytest.param(lambda s: s.section.url, None, 200, id="section"),
    pytest.param(lambda s: "/topics/neighbourhood-plan/", None, 200, id="topic"),
    pytest.param(lambda s: s.pathway.url, None, 200, id="pathway"),
    pytest.param(lambda s: s.definition.url, None, 200, id="definition"),
    pytest.param(lambda s: s.method.url, None, 200, id="method"),
    pytest.param(lambda s: s.definition.url, open_inline_definition, 200, id="definition-open"),
    pytest.param(lambda s: s.glossary.url, None, 200, id="glossary"),
    pytest.param(lambda s: "/search/?q=plan", None, 200, id="search"),
    pytest.param(lambda s: "/search/?q=xylophone", None, 200, id="search-no-results"),
    pytest.param(lambda s: "/search/?q=neighbourhood&kind=definition", None, 200, id="search-filtered"),
    pytest.param(lambda s: "/a-z/", None, 200, id="a-to-z"),
    pytest.param(lambda s: s.directory.url, None, 200, id="directory"),
    pytest.param(lambda s: s.contact.url, None, 200, id="contact"),
    pytest.param(lambda s: s.contact.url, submit_empty_contact_form, 200, id="contact-errors"),
    pytest.param(lambda s: "/no-such-page/", None, 404, id="not-found"),
    pytest.param(lambda s: s.definition.url + "print/", None, 200, id="print-view"),
    pytest.param(lambda s: s.definition.url + "email/", None, 200, id="email-sheet"),
    pytest.param(lambda s: s.definition.url + "email/", submit_empty_email_form, 200, id="email-errors"),
    pytest.param(lambda s: "/pack/", None, 200, id="pack-empty"),
    pytest.param(lambda s: s.definition.url, fill_print_pack, 200, id="pack"),
    pytest.param(lambda s: s.print_pack.get_parent().url, None, 200, id="print-packs"),
    pytest.param(lambda s: s.print_pack.url, None, 200, id="print-pack"),
]


def open_page(page, shared_site, shared_url, path_of, prepare, status):
    path = path_of(shared_site)
    response = page.goto(shared_url(path))
    assert response is not None
    assert response.status == status, path
    if prepare:
        prepare(page)
    return path


def h1_text(page):
    return page.locator("h1").inner_text()


@pytest.mark.browser
def test_keyboard_only_journey(page, shared_site, shared_url):
    page.goto(shared_url(shared_site.home.url))

    # The first Tab lands on the skip link, which comes into view.
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Skip to main content"
    skip_box = page.locator(".skip-link").bounding_box()
    assert skip_box is not None
    assert skip_box["y"] >= 0, "the focused skip link should be on screen"

    # Enter follows it: main content is the target and takes focus.
    page.keyboard.press("Enter")
    page.wait_for_url("**/#main")
    assert focused(page)["id"] == "main"

    # On to the search box, search, and pick the sheet from the results.
    tab_until(page, lambda el: el["tag"] == "input" and el["type"] == "search", "the search box")
    page.keyboard.type("neighbourhood plan")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=neighbourhood+plan")
    results = page.locator(".search-results")
    expect(results.get_by_role("link", name="Neighbourhood Plan", exact=True)).to_be_visible()

    tab_until(page, link("Neighbourhood Plan"), "the search result")
    page.keyboard.press("Enter")
    page.wait_for_url(shared_url(shared_site.definition.url))
    assert h1_text(page) == "Neighbourhood Plan"

    # Follow a "See also" link.
    see_also = {"Neighbourhood Forum", "Run a community survey"}
    chosen = tab_until(page, lambda el: el["tag"] == "a" and el["text"] in see_also, "a see-also link")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.endswith(chosen["href"]))
    assert h1_text(page) == chosen["text"]

    # Open the "Get started" menu and take the route for People.
    tab_until(page, lambda el: el["tag"] == "summary" and el["text"] == "Get started", "the Get started menu")
    menu = page.locator("details.menu")
    assert not menu.evaluate("el => el.open")
    page.keyboard.press("Enter")
    assert menu.evaluate("el => el.open")
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Start here for People"
    page.keyboard.press("Enter")
    page.wait_for_url(shared_url(shared_site.pathway.url))
    assert "People" in h1_text(page)


@pytest.mark.browser
@pytest.mark.parametrize(("path_of", "prepare", "status"), PAGES)
def test_no_axe_violations(page, shared_site, shared_url, path_of, prepare, status):
    path = open_page(page, shared_site, shared_url, path_of, prepare, status)
    results = Axe().run(page)
    report = results.generate_report()
    assert results.violations_count == 0, f"{path}\n{report}"


@pytest.mark.browser
@pytest.mark.parametrize(("path_of", "prepare", "status"), PAGES)
def test_no_horizontal_scrolling_at_320px(
    page, shared_site, long_addresses, shared_url, path_of, prepare, status
):
    page.set_viewport_size({"width": 320, "height": 800})
    path = open_page(page, shared_site, shared_url, path_of, prepare, status)
    widths = page.evaluate(
        """() => {
            const wide = [...document.querySelectorAll("body *")]
                .filter((el) => el.getBoundingClientRect().right > 320.5)
                .map((el) => el.tagName.toLowerCase() + (el.className ? "." + el.className : ""));
            return {scroll: document.documentElement.scrollWidth, wide: wide.slice(0, 10)};
        }"""
    )
    assert widths["scroll"] <= 320, f"{path} scrolls sideways at 320px; too wide: {widths['wide']}"


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 768, 1280])
def test_open_menu_fits_on_screen(page, shared_site, shared_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(shared_url(shared_site.home.url))
    if width < 640:  # below 40em the navigation is behind the header's Menu button
        page.get_by_role("button", name="Menu").click()
    page.locator("details.menu summary").click()
    menu = page.locator(".menu__list")
    expect(menu).to_be_visible()
    box = menu.bounding_box()
    assert box is not None
    assert box["x"] >= 0, f"the open menu starts {-box['x']:.0f}px off the left of the screen"
    assert box["x"] + box["width"] <= width, "the open menu runs off the right of the screen"
    expect(menu.get_by_role("link", name="Start here for People")).to_be_in_viewport(ratio=1)


@pytest.mark.browser
def test_print_stylesheet(page, shared_site, shared_url):
    page.goto(shared_url(shared_site.definition.url))
    # On screen the header is there and the link address is not printed after the link.
    link = page.locator(".links-out a.external").first
    after = "el => getComputedStyle(el, '::after').content"
    assert page.locator(".site-nav").is_visible()
    assert page.locator(".site-header .search-form").is_visible()
    assert "legislation.gov.uk" not in link.evaluate(after)

    page.emulate_media(media="print")
    assert not page.locator(".site-nav").is_visible()
    assert not page.locator(".phase-banner").is_visible()
    assert not page.locator(".site-header .search-form").is_visible()
    assert "https://www.legislation.gov.uk/ukpga/2011/20/contents" in link.evaluate(after)
    # The sheet's own content still prints.
    assert page.locator("h1").is_visible()
    assert page.locator(".key-facts").is_visible()
