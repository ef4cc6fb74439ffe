"""Building a print pack in a real browser, by keyboard: from search and a route, reorder, download."""

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from toolkit.tests.keyboard import button, focused, link, tab_until

from .pdfs import contents_entries


def pack_titles(page):
    return page.locator(".pack-list__title").all_inner_texts()


@pytest.mark.browser
def test_build_a_pack_from_search_and_a_route_reorder_it_and_download_it(page, live_site, site_url):
    # From search results, by keyboard: the result leads to its sheet, which has the button (#17).
    page.goto(site_url("/search/?q=neighbourhood+forum"))
    tab_until(page, link("Neighbourhood Forum"), "the search result")
    page.keyboard.press("Enter")
    page.wait_for_url(site_url(live_site.other_definition.url))
    tab_until(page, button("Add to pack: Neighbourhood Forum"), "the sheet's Add to pack button")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.url == site_url(live_site.other_definition.url), "back on the sheet"
    expect(page.locator(".messages")).to_contain_text("“Neighbourhood Forum” is now in your pack (1 sheet).")

    # From a sheet on a "Get started" route, by keyboard (the route's cards leave it to the sheets).
    page.goto(site_url(live_site.pathway.url))
    tab_until(page, link("Run a community survey"), "the route's link to the sheet")
    page.keyboard.press("Enter")
    page.wait_for_url(site_url(live_site.method.url))
    tab_until(page, button("Add to pack: Run a community survey"), "the sheet's Add to pack button")
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("(2 sheets)")

    # The header's link leads to the pack, which survives the page loads.
    tab_until(page, link("Your pack"), "the Your pack link in the header")
    page.keyboard.press("Enter")
    page.wait_for_url("**/pack/")
    assert pack_titles(page) == ["Neighbourhood Forum", "Run a community survey"]

    # Move the second sheet up: focus comes back to the moved sheet, ready for its next move.
    tab_until(page, button("Move up: Run a community survey"), "the Move up button")
    page.keyboard.press("Enter")
    page.wait_for_url("**/pack/#pack-sheet-*")
    assert pack_titles(page) == ["Run a community survey", "Neighbourhood Forum"]
    assert focused(page)["id"].startswith("pack-sheet-")

    # Name it: type into the title box and press Enter.
    tab_until(page, lambda el: el["id"] == "id_title", "the title box")
    page.keyboard.press("Control+a")
    page.keyboard.type("Survey meeting")
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("Your pack is now called “Survey meeting”.")

    # Download the booklet.
    tab_until(page, link("Download the booklet (PDF)"), "the download link")
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    expect(page.get_by_role("status").filter(has_text="Making your booklet")).to_have_text(
        "Making your booklet: your browser will save it when it is ready."
    )
    assert download.suggested_filename == "survey-meeting.pdf"
    with open(download.path(), "rb") as file:
        reader = PdfReader(io.BytesIO(file.read()))
    assert reader.metadata.title == "Survey meeting"
    contents = [line.strip() for line in reader.pages[1].extract_text().splitlines()]
    titles = [title for title, _ in contents_entries(contents)]
    assert titles == ["Run a community survey", "Neighbourhood Forum", "Glossary", "Licence"]


@pytest.mark.browser
def test_remove_and_empty_the_pack_by_keyboard(page, live_site, site_url):
    page.goto(site_url(live_site.print_pack.url))
    tab_until(
        page, lambda el: el["tag"] == "button" and el["text"] == "Add all 2 sheets to your pack", "Add all"
    )
    page.keyboard.press("Enter")
    page.wait_for_url("**/pack/")
    assert pack_titles(page) == ["Neighbourhood Plan", "Run a community survey"]
    tab_until(page, button("Remove: Neighbourhood Plan"), "the Remove button")
    page.keyboard.press("Enter")
    expect(page.locator(".pack-list__title")).to_have_text(["Run a community survey"])
    tab_until(page, lambda el: el["tag"] == "button" and el["text"] == "Empty your pack", "Empty your pack")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Your pack is empty")).to_be_visible()


@pytest.mark.browser
def test_the_print_view_looks_like_the_browsers_print(page, live_site, site_url):
    """The print view on screen and the sheet page printed hide and show the same things."""
    page.goto(site_url(live_site.definition.url + "print/"))
    expect(page.get_by_role("button", name="Print this page")).to_be_visible()  # shown by JavaScript
    link = page.locator(".links-out a.external").first
    after = "el => getComputedStyle(el, '::after').content"
    assert "legislation.gov.uk" in link.evaluate(after)
    on_screen = page.locator("main").inner_text()

    page.goto(site_url(live_site.definition.url))
    page.emulate_media(media="print")
    assert not page.locator(".sheet-actions").is_visible()
    assert not page.locator("nav.toc").is_visible()
    printed = page.locator("main").inner_text()
    for part in ("Neighbourhood Plan", "First key fact.", "Last reviewed", "non-commercial", "Address"):
        assert part in on_screen and part in printed, part
