"""In a real browser: an editor makes a ready-made pack by choosing several sheets in one chooser,
moves one with its arrow button, and publishes it in that order."""

import pytest
from playwright.sync_api import expect

from toolkit.printing.models import PrintPackPage
from toolkit.tests.browser import sign_in


def chosen_titles(page):
    return page.locator("#id_items-FORMS [data-chooser-title]").all_inner_texts()


@pytest.mark.browser
def test_an_editor_chooses_several_sheets_at_once_and_reorders_them(
    page, live_site, site_url, django_user_model
):
    sign_in(page, site_url, django_user_model)
    index = live_site.print_pack.get_parent()
    page.goto(site_url(f"/admin/pages/add/printing/printpackpage/{index.pk}/"))
    page.fill("#id_title", "For the first meeting")
    page.fill("#id_intro", "For a new neighbourhood forum.")

    page.get_by_role("button", name="Add sheet").click()
    modal = page.locator(".modal-dialog")
    modal.locator('input[name="q"]').fill("neighbourhood")
    modal.locator('input[name="q"]').press("Enter")
    # Two sheets ticked in one visit to the chooser, then one confirmation.
    modal.get_by_title("Select Neighbourhood Plan").check()
    modal.get_by_title("Select Neighbourhood Forum").check()
    modal.get_by_role("button", name="Confirm selection").click()
    expect(modal).to_be_hidden()
    expect(page.locator("#id_items-FORMS [data-chooser-title]")).to_have_count(2)
    assert sorted(chosen_titles(page)) == ["Neighbourhood Forum", "Neighbourhood Plan"]

    first = chosen_titles(page)[0]
    page.locator("#id_items-FORMS [data-inline-panel-child]").nth(1).get_by_title("Move up").click()
    order = chosen_titles(page)
    assert order[1] == first, "the second sheet moved up"

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url("**/admin/pages/**")
    pack = PrintPackPage.objects.get(title="For the first meeting")
    assert pack.live and pack.intro == "For a new neighbourhood forum."
    assert [sheet.title for sheet in pack.sheets()] == order
