"""Building a ready-made pack in the admin: several sheets chosen at once, put in order by Wagtail's
own inline ordering, and a "Who it is for" line that reaches the booklet's cover."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from toolkit.printing.models import Booklet, PrintPackPage

from .pdfs import read

pytestmark = pytest.mark.django_db

WHO_FOR = "For residents who want to start a neighbourhood plan."


def edit_page(editor_client, pack):
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[pack.pk]))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_sheets_are_chosen_several_at_once_from_sheets_only(editor_client, site):
    page = edit_page(editor_client, site.print_pack)
    button = page.select_one("#id_items-OPEN_MODAL")
    assert button is not None, "a multiple chooser, not one empty form per click"
    assert button.get_text(strip=True) == "Add sheet"
    chooser = json.loads(page.select_one("#id_items-CHOOSER_WIDGET").string)
    assert chooser["_type"] == "wagtail.widgets.PageChooser"
    assert chooser["_args"][-1]["modelNames"] == ["sheets.sheetpage"]
    assert "Sheets, in booklet order" in page.get_text()
    assert page.select_one('label[for="id_intro"]').get_text(strip=True) == "Who it is for"


def publish(editor_client, pack, sheets, orders=None, intro=WHO_FOR):
    """Post the edit form with ``sheets`` as the pack's items (``orders``: each one's ORDER)."""
    existing = list(pack.items.all())
    items = []
    for index, sheet in enumerate(sheets):
        item = {"sheet": sheet.pk, "ORDER": str(orders[index] if orders else index)}
        if index < len(existing):
            item["id"] = existing[index].pk
        items.append(item)
    data = nested_form_data(
        {
            "title": pack.title,
            "slug": pack.slug,
            "intro": intro,
            "items": inline_formset(items, initial=len(existing)),
            "action-publish": "publish",
        }
    )
    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=[pack.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return PrintPackPage.objects.get(pk=pack.pk)


def test_reordering_the_sheets_changes_the_booklet_order(editor_client, site):
    pack = publish(editor_client, site.print_pack, [site.definition, site.method, site.other_definition])
    assert [sheet.title for sheet in pack.sheets()] == [
        "Neighbourhood Plan",
        "Run a community survey",
        "Neighbourhood Forum",
    ]
    moved = publish(
        editor_client, pack, [site.definition, site.method, site.other_definition], orders=[2, 0, 1]
    )
    assert [sheet.title for sheet in moved.sheets()] == [
        "Run a community survey",
        "Neighbourhood Forum",
        "Neighbourhood Plan",
    ]
    assert [
        child.select_one("[data-inline-panel-child-drag]") is not None
        for child in edit_page(editor_client, moved).select("#id_items-FORMS > [data-inline-panel-child]")
    ] == [True, True, True], "each can be dragged"


def cover_text(response):
    reader = read(response)
    return " ".join(reader.pages[0].extract_text().split())


def test_the_booklet_cover_says_who_the_pack_is_for(editor_client, client, site):
    publish(editor_client, site.print_pack, [site.definition, site.method])
    cover = cover_text(client.get("/print-packs/start.pdf"))
    assert "Start a neighbourhood plan" in cover
    assert WHO_FOR in cover
    assert cover.index("Start a neighbourhood plan") < cover.index(WHO_FOR) < cover.index("2 sheets")


def test_a_new_who_for_line_makes_a_new_booklet(editor_client, client, site):
    publish(editor_client, site.print_pack, [site.definition, site.method])
    assert WHO_FOR in cover_text(client.get("/print-packs/start.pdf"))
    publish(editor_client, site.print_pack, [site.definition, site.method], intro="For parish councillors.")
    cover = cover_text(client.get("/print-packs/start.pdf"))
    assert "For parish councillors." in cover and WHO_FOR not in cover
    assert Booklet.objects.count() == 2


def test_a_readers_own_pack_has_no_who_for_line(client, site):
    client.post("/pack/add/", {"sheet": [site.method.pk]}, HTTP_ORIGIN="http://testserver")
    html = client.get("/pack/booklet.pdf")
    assert Booklet.objects.get().intro == ""
    assert "Sheets to print for a meeting." not in cover_text(html)


def test_a_new_pack_starts_with_no_blank_sheet_yet_needs_one_to_save(editor_client, site):
    index = site.print_pack.get_parent()
    url = reverse("wagtailadmin_pages:add", args=("printing", "printpackpage", index.pk))
    page = BeautifulSoup(editor_client.get(url).content, "html.parser")
    assert page.select("#id_items-FORMS > [data-inline-panel-child]") == [], "nothing to fill or delete first"
    data = nested_form_data(
        {"title": "Empty", "slug": "empty", "intro": "", "items": inline_formset([]), "action-publish": "1"}
    )
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "Choose at least one sheet for the pack." in response.content.decode()
    assert not PrintPackPage.objects.filter(slug="empty").exists()
