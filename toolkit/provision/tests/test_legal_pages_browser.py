"""The privacy notice, accessibility statement and cookies page in a real browser (#17): no axe-core
violations, and readable on a 320 px phone without scrolling sideways."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser


@pytest.fixture
def legal_pages(live_site):
    """The test site completed by ``create_toolkit``'s builder, which adds the three pages."""
    from toolkit.provision.builder import ToolkitBuilder

    ToolkitBuilder(name="Anytown Community Toolkit", taxonomy=False).build()


@pytest.mark.parametrize("slug", ["privacy", "accessibility", "cookies"])
def test_legal_page_passes_axe_and_fits_a_small_phone(browser, live_server, legal_pages, slug):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/{slug}/")
        assert page.locator("main .callout").count() == 1
        assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth"), "sideways scroll"
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()
