"""Ready-made print packs: editors make and publish them in the admin; anyone sees and downloads them."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from toolkit.printing.models import PrintPackPage

pytestmark = pytest.mark.django_db


def test_an_editor_publishes_a_pack_in_the_admin(editor_client, site):
    index = site.print_pack.get_parent()
    url = reverse("wagtailadmin_pages:add", args=("printing", "printpackpage", index.pk))
    assert editor_client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": "For the first meeting",
            "slug": "first-meeting",
            "intro": "Three sheets to read before the first meeting.",
            "items": inline_formset(
                [
                    {"sheet": site.method.pk},
                    {"sheet": site.definition.pk},
                    {"sheet": site.other_definition.pk},
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    pack = PrintPackPage.objects.get(slug="first-meeting")
    assert pack.live
    assert [sheet.title for sheet in pack.sheets()] == [
        "Run a community survey",
        "Neighbourhood Plan",
        "Neighbourhood Forum",
    ]


def test_a_pack_needs_at_least_one_sheet(editor_client, site):
    index = site.print_pack.get_parent()
    url = reverse("wagtailadmin_pages:add", args=("printing", "printpackpage", index.pk))
    data = nested_form_data(
        {"title": "Empty", "slug": "empty", "intro": "", "items": inline_formset([]), "action-publish": "1"}
    )
    assert editor_client.post(url, data).status_code == 200  # the form again, with its error
    assert not PrintPackPage.objects.filter(slug="empty").exists()


def test_packs_are_listed_for_readers_with_their_downloads(client, site):
    page = BeautifulSoup(client.get(site.print_pack.get_parent().url).content, "html.parser")
    card = page.select_one(".card")
    assert card.select_one("h2 a").get_text(strip=True) == "Start a neighbourhood plan"
    assert card.select_one('a[href="/print-packs/start.pdf"]')
    pack_page = BeautifulSoup(client.get(site.print_pack.url).content, "html.parser")
    assert [a.get_text(strip=True) for a in pack_page.select(".card__title a")] == [
        "Neighbourhood Plan",
        "Run a community survey",
    ]
    assert (
        pack_page.select_one('a[href="/print-packs/start.pdf"]').get_text(strip=True).startswith("Download")
    )
    listing = BeautifulSoup(client.get("/pack/").content, "html.parser")
    assert (
        "Start a neighbourhood plan"
        in listing.select_one("#ready-made-heading").find_parent("section").get_text()
    )


def test_unpublished_sheets_drop_out_of_a_pack(client, site):
    site.method.unpublish()
    assert [sheet.title for sheet in site.print_pack.sheets()] == ["Neighbourhood Plan"]
