"""In a real browser, by keyboard alone: an editor opens "Broken links", reads that no check has
been made, presses "Check all links now" and reads when the check finished. axe-core finds no
problem in the report's status area before or after."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from toolkit.tests.browser import sign_in
from toolkit.tests.keyboard import tab_until


@pytest.mark.browser
def test_an_editor_checks_every_link_from_the_report_by_keyboard(
    page, live_site, site_url, web, django_user_model
):
    from toolkit.directory.models import Organisation
    from toolkit.sheets.models import SheetLinkOut

    # One address, on this machine: the check reaches no one on the internet, and skips it.
    SheetLinkOut.objects.update(url=web.url("/missing"))
    Organisation.objects.update(url=web.url("/missing"))
    sign_in(page, site_url, django_user_model)

    page.goto(site_url("/admin/reports/broken-links/"))
    status = page.locator(".linkcheck-status")
    expect(status).to_contain_text("Last checked: never.")
    expect(page.locator("#listing-results")).to_contain_text("No check has been made yet")
    results = Axe().run(page, context=".linkcheck-status")
    assert results.violations_count == 0, results.generate_report()

    tab_until(
        page,
        lambda el: el["tag"] == "button" and el["text"] == "Check all links now",
        "the Check all links now button",
    )
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/reports/broken-links/")
    expect(page.get_by_text("The check has finished: 1 link checked.")).to_be_visible()
    expect(status).to_contain_text(
        re.compile(r"Last checked: \d{1,2} \w+ \d{4} at \d\d:\d\d, 1 link checked, 1 broken\.")
    )
    expect(page.locator("#listing-results")).to_contain_text("skipped: a private or local network address")
    results = Axe().run(page, context=".linkcheck-status")
    assert results.violations_count == 0, results.generate_report()
