"""In a real browser (#16): the summary counts its words as the editor types, and a topic is found by
typing part of its name, ticked from the keyboard and saved with the sheet."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from toolkit.sheets.models import DefinitionSheetPage
from toolkit.tests.browser import sign_in


@pytest.mark.browser
def test_the_summary_counts_words_as_the_editor_types(page, live_site, site_url, django_user_model):
    sign_in(page, site_url, django_user_model)
    page.goto(site_url(f"/admin/pages/{live_site.definition.pk}/edit/"))
    summary = page.locator("#id_summary")
    counter = page.locator("#id_summary-word-count")
    expect(counter).to_have_attribute("aria-live", "polite")
    expect(summary).to_have_attribute("aria-describedby", re.compile(r"\bid_summary-word-count\b"))

    summary.fill("")
    expect(counter).to_have_text("0 of 60 words")
    summary.press_sequentially("Shares that local people buy")
    expect(counter).to_have_text("5 of 60 words")
    expect(counter).not_to_have_class(re.compile("sheet-word-count__output--over"))

    summary.press_sequentially(" and more" * 28)  # 61 words
    expect(counter).to_have_text("61 of 60 words: 1 too many")
    expect(counter).to_have_class(re.compile("sheet-word-count__output--over"))
    results = Axe().run(page, context=".sheet-word-count")  # the warning's colour is readable too
    assert results.violations_count == 0, results.generate_report()
    for _ in "more":
        summary.press("Backspace")
    expect(counter).to_have_text("60 of 60 words")
    expect(counter).not_to_have_class(re.compile("sheet-word-count__output--over"))


@pytest.mark.browser
def test_a_topic_is_found_by_typing_ticked_and_saved(page, live_site, site_url, django_user_model):
    sheet = live_site.definition
    assert [topic.name for topic in sheet.topics.all()] == ["neighbourhood plan"]
    sign_in(page, site_url, django_user_model)
    edit = site_url(f"/admin/pages/{sheet.pk}/edit/")
    page.goto(edit)
    page.get_by_role("tab", name="Classify and review").click()

    find = page.get_by_label("Find a topic")
    surveys = page.get_by_role("checkbox", name="Surveys")
    plan = page.get_by_role("checkbox", name="Neighbourhood plan")
    expect(plan).to_be_visible()
    find.press_sequentially("SURV")
    expect(plan).to_be_hidden()
    expect(surveys).to_be_visible()
    expect(page.locator("#id_topics-filter-status")).to_have_text("1 of 2 topics match “surv”. 1 ticked.")
    results = Axe().run(page, context=".sheet-choices")
    assert results.violations_count == 0, results.generate_report()
    navigations = []
    page.on(
        "framenavigated", lambda frame: navigations.append(frame.url) if frame == page.main_frame else None
    )
    find.press("Enter")  # stays in the box: the page form is not sent
    page.wait_for_timeout(500)
    assert navigations == []
    expect(find).to_be_focused()

    page.keyboard.press("Tab")  # the first option still shown
    expect(surveys).to_be_focused()
    page.keyboard.press("Space")
    expect(surveys).to_be_checked()
    find.press("Escape")  # empties the box: every topic again
    expect(find).to_have_value("")
    expect(plan).to_be_visible()
    expect(plan).to_be_checked()

    page.get_by_role("button", name="More actions").click()
    page.locator('button[name="action-publish"]').click()
    page.wait_for_url("**/admin/pages/*/")
    names = DefinitionSheetPage.objects.get(pk=sheet.pk).topics.values_list("name", flat=True)
    assert sorted(names) == ["neighbourhood plan", "surveys"]
