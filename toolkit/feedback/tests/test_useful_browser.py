"""The "Is this page useful?" bar in a phone-sized browser (375 px): with its script, by keyboard
alone, and with JavaScript switched off (plain forms that come back to the page's thank-you).
axe-core checks the two states the script adds (thanked, form open); the pages themselves are in
``toolkit/tests/test_browser.py``'s list, and the bar's HTML is in every page ``test_html_valid``
checks."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from toolkit.feedback.models import PageFeedback
from toolkit.tests.browser import PHONE
from toolkit.tests.keyboard import focused, tab_until

pytestmark = pytest.mark.browser

YES = "Yes this page is useful"
NO = "No this page is not useful"


def words(element):
    """The focused element's text as a screen reader reads it (its hidden words on the same line)."""
    return " ".join(element["text"].split())


def no_axe_violations(page):
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_yes_thanks_in_place_and_no_opens_the_form_by_keyboard_alone(phone, live_site, site_url):
    """One test for the script's two journeys (each browser test builds the site: seconds)."""
    # Yes, on the home page: thanked in place, without a page load, focus on the thanks.
    phone.goto(site_url(live_site.home.url))
    bar = phone.locator(".useful-bar")
    prompt = bar.locator(".useful-bar__prompt")
    assert prompt.bounding_box()["height"] < 64  # one line at 375 px: question, Yes, No
    expect(bar.locator(".useful-form")).to_be_hidden()
    bar.get_by_role("button", name=YES).click()
    thanks = bar.get_by_text("Thank you for your feedback")
    expect(thanks).to_be_visible()
    expect(thanks).to_be_focused()
    expect(prompt).to_be_hidden()
    assert phone.url == site_url(live_site.home.url)
    no_axe_violations(phone)
    answer = PageFeedback.objects.get()
    assert (answer.page_id, answer.useful) == (live_site.home.pk, True)
    answer.delete()

    # No, on the pack page, by keyboard alone: open, Escape, open again, fill in, send.
    phone.goto(site_url("/pack/"))
    tab_until(phone, lambda el: el["tag"] == "button" and words(el) == NO, "the No button")
    phone.keyboard.press("Enter")
    expect(phone.get_by_label("What were you doing? (optional)")).to_be_focused()
    phone.keyboard.press("Escape")  # folds the form away and goes back to No
    expect(phone.locator(".useful-form")).to_be_hidden()
    assert words(focused(phone)) == NO
    phone.keyboard.press("Space")
    expect(phone.get_by_label("What were you doing? (optional)")).to_be_focused()
    no_axe_violations(phone)  # with the form open
    phone.keyboard.type("Making a pack for our meeting")
    phone.keyboard.press("Tab")
    expect(phone.get_by_label("What went wrong? (optional)")).to_be_focused()
    phone.keyboard.type("I could not find how to add a sheet")
    phone.keyboard.press("Tab")  # past the honeypot, which takes no focus
    assert focused(phone)["text"] == "Send"
    phone.keyboard.press("Enter")
    expect(phone.get_by_text("Thank you for your feedback")).to_be_focused()
    answer = PageFeedback.objects.get()
    assert (answer.page, answer.path, answer.useful) == (None, "/pack/", False)
    assert (answer.doing, answer.comment) == (
        "Making a pack for our meeting",
        "I could not find how to add a sheet",
    )


def test_without_javascript_both_answers_come_back_to_the_page_with_thanks(browser, live_site, site_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        sheet = site_url(live_site.definition.url)
        page.goto(sheet)
        bar = page.locator(".useful-bar")
        expect(bar.locator(".useful-form")).to_be_hidden()
        expect(bar.locator(".useful-bar__thanks")).to_be_hidden()
        bar.get_by_role("button", name=YES).click()
        page.wait_for_url(f"{sheet}#useful-thanks")
        expect(bar.get_by_text("Thank you for your feedback")).to_be_visible()
        expect(bar.locator(".useful-bar__prompt")).to_be_hidden()

        page.goto(sheet)
        bar.get_by_role("link", name=NO).click()  # without the script "No" is a link to the form
        page.wait_for_url(f"{sheet}#useful-no")
        page.get_by_label("What went wrong? (optional)").fill("The dates are out of date")
        page.get_by_role("button", name="Send").click()
        page.wait_for_url(f"{sheet}#useful-thanks")
        expect(bar.get_by_text("Thank you for your feedback")).to_be_visible()
    finally:
        context.close()
    answers = PageFeedback.objects.order_by("pk")
    assert [(a.sheet_id, a.useful, a.comment) for a in answers] == [
        (live_site.definition.pk, True, ""),
        (live_site.definition.pk, False, "The dates are out of date"),
    ]
