"""The public site in a real browser: keyboard use, axe-core, narrow screens and print.

Chromium is Debian's (/usr/bin/chromium), driven through Playwright's sync API against
pytest-django's live server, with the small complete site from ``site.py``.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connections
from playwright.sync_api import expect, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MAX_TABS = 80  # more Tab presses than any page here needs to reach anything


@pytest.fixture(scope="module")
def browser(django_db_setup):
    snapshots = {
        alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections
    }
    with sync_playwright() as p:
        # Playwright keeps an event loop running in this thread, so from now on Django hands out
        # new, per-context database connections: give them the snapshot of the freshly migrated
        # database that serialized rollback restores before each test (see ``site_url``).
        for alias, snapshot in snapshots.items():
            if snapshot is not None:
                connections[alias]._test_serialized_contents = snapshot
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def site_url(live_server, live_site, django_db_serialized_rollback):
    """The full address of a site path; Wagtail's page URLs are relative (the site is "localhost").

    Transactional tests end by emptying every table, which would also remove the rows Wagtail's
    migrations create (root page, default locale) that ``live_site`` builds on; serialized
    rollback puts them back before each test.
    """
    return lambda path: live_server.url + path


# Every public kind of page: (id, path of the page given the site, what to do on it before checking).
def submit_empty_contact_form(page):
    page.get_by_role("button", name="Send message").click()
    expect(page.locator("#error-summary")).to_be_visible()


PAGES = [
    ("home", lambda s: s.home.url, None),
    ("section", lambda s: s.section.url, None),
    ("topic", lambda s: "/topics/neighbourhood-plan/", None),
    ("pathway", lambda s: s.pathway.url, None),
    ("definition", lambda s: s.definition.url, None),
    ("method", lambda s: s.method.url, None),
    ("search", lambda s: "/search/?q=plan", None),
    ("search-no-results", lambda s: "/search/?q=xylophone", None),
    ("directory", lambda s: "/useful-information/", None),
    ("contact", lambda s: s.contact.url, None),
    ("contact-errors", lambda s: s.contact.url, submit_empty_contact_form),
    ("not-found", lambda s: "/no-such-page/", None),
]


def open_page(page, live_site, site_url, path_of, prepare):
    path = path_of(live_site)
    response = page.goto(site_url(path))
    assert response is not None
    expected_status = 404 if path == "/no-such-page/" else 200
    assert response.status == expected_status, path
    if prepare:
        prepare(page)
    return path


def focused(page):
    """A short description of the focused element, for assertions and failure messages."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {
                tag: el.tagName.toLowerCase(),
                id: el.id,
                text: (el.innerText || "").trim(),
                href: el.getAttribute("href"),
                type: el.getAttribute("type"),
            };
        }"""
    )


def tab_until(page, wanted, what):
    """Press Tab (only) until ``wanted(focused element)`` is true; fail after MAX_TABS presses."""
    trail = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        element = focused(page)
        if wanted(element):
            return element
        trail.append(element)
    pytest.fail(f"Could not reach {what} with the keyboard; focus went through: {trail}")


def is_link(text):
    return lambda el: el["tag"] == "a" and el["text"] == text


def h1_text(page):
    return page.locator("h1").inner_text()


@pytest.mark.browser
def test_keyboard_only_journey(page, live_site, site_url):
    page.goto(site_url(live_site.home.url))

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

    tab_until(page, is_link("Neighbourhood Plan"), "the search result")
    page.keyboard.press("Enter")
    page.wait_for_url(site_url(live_site.definition.url))
    assert h1_text(page) == "Neighbourhood Plan"

    # Follow a "See also" link.
    see_also = {"Neighbourhood Forum", "Run a community survey"}
    link = tab_until(page, lambda el: el["tag"] == "a" and el["text"] in see_also, "a see-also link")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.endswith(link["href"]))
    assert h1_text(page) == link["text"]

    # Open the "Get started" menu and take the route for People.
    tab_until(page, lambda el: el["tag"] == "summary" and el["text"] == "Get started", "the Get started menu")
    menu = page.locator("details.menu")
    assert not menu.evaluate("el => el.open")
    page.keyboard.press("Enter")
    assert menu.evaluate("el => el.open")
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Start here for People"
    page.keyboard.press("Enter")
    page.wait_for_url(site_url(live_site.pathway.url))
    assert "People" in h1_text(page)


@pytest.mark.browser
@pytest.mark.parametrize(("path_of", "prepare"), [p[1:] for p in PAGES], ids=[p[0] for p in PAGES])
def test_no_axe_violations(page, live_site, site_url, path_of, prepare):
    path = open_page(page, live_site, site_url, path_of, prepare)
    results = Axe().run(page)
    report = results.generate_report()
    assert results.violations_count == 0, f"{path}\n{report}"


@pytest.mark.browser
@pytest.mark.parametrize(("path_of", "prepare"), [p[1:] for p in PAGES], ids=[p[0] for p in PAGES])
def test_no_horizontal_scrolling_at_320px(page, live_site, site_url, path_of, prepare):
    page.set_viewport_size({"width": 320, "height": 800})
    path = open_page(page, live_site, site_url, path_of, prepare)
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
def test_print_stylesheet(page, live_site, site_url):
    page.goto(site_url(live_site.definition.url))
    # On screen the header is there and the link address is not printed after the link.
    link = page.locator(".links-out a.external").first
    after = "el => getComputedStyle(el, '::after').content"
    assert page.locator(".main-nav").is_visible()
    assert "legislation.gov.uk" not in link.evaluate(after)

    page.emulate_media(media="print")
    assert not page.locator(".main-nav").is_visible()
    assert not page.locator(".site-header form[role=search]").is_visible()
    assert not page.get_by_role("search").first.is_visible()
    assert "https://www.legislation.gov.uk/ukpga/2011/20/contents" in link.evaluate(after)
    # The sheet's own content still prints.
    assert page.locator("h1").is_visible()
    assert page.locator(".key-facts").is_visible()
