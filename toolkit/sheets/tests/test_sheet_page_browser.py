"""A sheet, a route, a section and a topic on a phone (375 by 812): what comes first, "What to do
next" by keyboard, a definition opening in the flow of the text, and no sideways scrolling."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from toolkit.tests import factories as f
from toolkit.tests.browser import PHONE
from toolkit.tests.keyboard import focused, tab_until

pytestmark = pytest.mark.browser


def box(page, selector):
    found = page.locator(selector).first.bounding_box()
    assert found is not None, selector
    return found


@pytest.mark.parametrize("sheet", ["definition", "method"])
def test_the_sheet_starts_reading_on_the_first_screen_of_a_phone(phone, shared_site, shared_url, sheet):
    phone.goto(shared_url(getattr(shared_site, sheet).url))
    summary = box(phone, ".sheet__summary")
    assert summary["y"] + 2 * 24 <= PHONE["height"], f"the summary starts at {summary['y']:.0f}px"
    # Then, in this order down the page: when it was checked, the key facts, the contents, the body.
    tops = [
        box(phone, selector)["y"] for selector in (".sheet__dates", ".key-facts", "nav.toc", ".sheet__body")
    ]
    assert summary["y"] < tops[0] and tops == sorted(tops), tops
    if sheet == "method":
        assert box(phone, ".key-facts")["y"] < box(phone, ".summary-list")["y"] < box(phone, "nav.toc")["y"]


def test_what_to_do_next_by_keyboard_from_a_definition_to_its_method(phone, shared_site, shared_url):
    phone.goto(shared_url(shared_site.definition.url))
    # The contents list reaches it in one step.
    tab_until(
        phone,
        lambda el: el["tag"] == "a" and el["href"] == "#next-steps",
        "'What to do next' in the contents",
    )
    phone.keyboard.press("Enter")
    phone.wait_for_url("**#next-steps")
    heading = box(phone, "#next-steps")
    assert 0 <= heading["y"] < PHONE["height"], "the part is scrolled into view"
    tab_until(
        phone, lambda el: el["tag"] == "a" and el["text"] == "Run a community survey", "the Method Sheet"
    )
    phone.keyboard.press("Enter")
    phone.wait_for_url(shared_url(shared_site.method.url))
    assert phone.locator("h1").inner_text() == "Run a community survey"


def test_a_section_leads_on_to_its_route_by_keyboard(phone, shared_site, shared_url):
    phone.goto(shared_url(shared_site.section.url))
    next_steps = box(phone, ".next-steps")
    assert next_steps["y"] > box(phone, ".card-grid")["y"], "after the list of sheets"
    tab_until(phone, lambda el: el["tag"] == "a" and el["text"] == "Start here for People", "the route")
    assert focused(phone)["href"] == shared_site.pathway.url
    phone.keyboard.press("Enter")
    phone.wait_for_url(shared_url(shared_site.pathway.url))


def on_page(locator):
    """The element's box in page coordinates (not the viewport's, which move as focus scrolls)."""
    return locator.evaluate(
        """el => { const b = el.getBoundingClientRect();
            return {x: b.left + scrollX, y: b.top + scrollY, width: b.width, height: b.height}; }"""
    )


def test_a_definition_opens_in_the_flow_of_the_text_and_covers_nothing(phone, shared_site, shared_url):
    phone.goto(shared_url(shared_site.definition.url))
    toggle = phone.get_by_role("button", name="neighbourhood forum (show what this means)")
    following = toggle.locator("xpath=ancestor::p[1]/following-sibling::*[1]")
    before = on_page(following)
    toggle.focus()
    phone.keyboard.press("Enter")
    panel = phone.locator("#" + toggle.get_attribute("aria-controls"))
    expect(panel).to_be_visible()
    word, opened, after = on_page(toggle), on_page(panel), on_page(following)
    assert opened["y"] >= word["y"] + word["height"] - 1, "the definition opens under the word"
    assert after["y"] >= before["y"] + opened["height"], "what follows moves down: nothing is covered"
    assert opened["x"] >= 0 and opened["x"] + opened["width"] <= PHONE["width"]
    assert panel.evaluate("el => getComputedStyle(el).position") == "static"
    phone.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    assert on_page(following)["y"] == pytest.approx(before["y"], abs=1), "and it closes up again"
    assert focused(phone)["tag"] == "button"


@pytest.mark.parametrize("where", ["definition", "method", "pathway", "section", "topic"])
def test_no_sideways_scrolling_at_320px(browser, shared_site, shared_url, where):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        path = "/topics/neighbourhood-plan/" if where == "topic" else getattr(shared_site, where).url
        page.goto(shared_url(path))
        if where == "definition":
            page.get_by_role("button", name="neighbourhood forum (show what this means)").click()
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
    finally:
        context.close()


def test_a_click_below_an_open_definition_lands_where_it_was_aimed(phone, shared_site, shared_url):
    # Closing the definition moves the text below it up: that must happen after the click, not
    # under the pointer while it is pressed.
    phone.goto(shared_url(shared_site.definition.url))
    phone.get_by_role("button", name="neighbourhood forum (show what this means)").click()
    expect(phone.locator(".glossary-inline__panel:not([hidden])")).to_have_count(1)
    phone.locator(".related").get_by_role("link", name="Neighbourhood Forum").click()
    phone.wait_for_url(shared_url(shared_site.other_definition.url))


def test_every_part_passes_axe_on_a_phone(phone, live_site, site_url):
    """With the legal note, a booklet and a next route showing, as well as everything else."""
    site = live_site
    f.LawFactory(name="Localism Act 2011", cited_by=[site.definition])
    f.PrintPackPageFactory(
        parent=site.print_pack.get_parent(),
        title="Everything",
        sheets=[site.definition, site.method, site.other_definition],
    )
    f.PathwayPageFactory(
        parent=site.pathway.get_parent(),
        audience=f.AudienceFactory(name="Business", slug="business"),
        route=[site.method],
    )
    for path in (
        site.definition.url,
        site.method.url,
        site.pathway.url,
        site.section.url,
        "/topics/surveys/",
    ):
        phone.goto(site_url(path))
        expect(phone.locator(".next-steps")).to_be_visible()
        results = Axe().run(phone)
        assert results.violations_count == 0, f"{path}\n{results.generate_report()}"
    phone.goto(site_url(site.definition.url))
    expect(phone.locator(".inset--legal")).to_contain_text("This is not legal advice.")
