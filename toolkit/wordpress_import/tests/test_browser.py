"""In a real browser, nothing from a hostile export runs on the imported pages.

The hostile export's scripts, event handlers and ``javascript:`` links all try to set
``window.__pwned`` or open a dialog. The same markup, put straight into a blank page, does both
(so the test can fail); imported and served by the site, it does neither.
"""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from toolkit.wordpress_import.wxr import parse_wxr

from .conftest import HOSTILE, imported_pages, make_import_home, run_import

SOURCE = "https://hostile.example"


@pytest.fixture
def imported(transactional_db):
    if Page.objects.exists():  # the per-run site other tests commit: start from an empty database
        call_command("flush", interactive=False, verbosity=0)
    make_import_home()
    run_import(HOSTILE)
    return imported_pages(SOURCE)


@pytest.fixture
def browser_page(page):
    """The shared chromium page (conftest), recording any dialog a script opens."""
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    return page


def ran_script(page):
    page.wait_for_timeout(300)  # let onerror/onload handlers fire if any would
    return page.evaluate("() => window.__pwned !== undefined") or bool(page.dialogs)


@pytest.mark.browser
def test_hostile_markup_would_run_in_a_blank_page(browser_page):
    content = next(item.content for item in parse_wxr(HOSTILE).items if item.wp_id == 101)
    browser_page.set_content(content)
    assert ran_script(browser_page)


@pytest.mark.browser
def test_no_script_runs_on_imported_pages(browser_page, imported, live_server):
    hostile = imported[("post", "101")]
    for key in [("post", "101"), ("post", "102"), ("page", "115")]:
        page = imported[key]
        response = browser_page.goto(live_server.url + page.url)
        assert response.status == 200
        assert browser_page.locator("h1").first.inner_text() == page.title
        assert not ran_script(browser_page), f"a script ran on {page.url}"
    browser_page.goto(live_server.url + hostile.url)
    assert "Hello, reader." in browser_page.locator("main").inner_text()
    for link in browser_page.locator("main a").all():
        assert (
            not (link.get_attribute("href") or "").lower().startswith(("javascript:", "data:", "vbscript:"))
        )
    assert not ran_script(browser_page)
