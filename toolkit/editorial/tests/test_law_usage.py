"""Laws and policies say how many sheets cite them and which, as topics and audiences do."""

import pytest
from django.urls import reverse

from toolkit.editorial.models import Law
from toolkit.sheets.models import SheetPage
from toolkit.tests import factories as f

pytestmark = pytest.mark.django_db


def law_url(view, *args):
    return reverse(f"wagtailsnippets_editorial_law:{view}", args=args)


@pytest.fixture
def localism_act(site):
    law = f.LawFactory(name="Localism Act 2011", cited_by=[site.definition, site.method])
    draft = f.DefinitionSheetPageFactory(parent=site.section, title="Community Right to Bid", live=False)
    draft.cites.add(law)
    draft.save()
    return law


def html_of(response):
    assert response.status_code == 200
    return response.content.decode()


def test_law_listing_counts_citing_sheets_and_keeps_its_actions(editor_client, localism_act):
    f.LawFactory(name="Planning Act 2008")
    html = html_of(editor_client.get(law_url("list")))
    row = html.split(">Localism Act 2011</span>")[1].split("</tr>")[0]
    assert "3 sheets (1 draft)" in row
    assert f'href="{law_url("sheets", localism_act.pk)}"' in row
    assert "Mark as changed" in row
    assert "No sheets" in html.split(">Planning Act 2008</span>")[1].split("</tr>")[0]
    found = html_of(editor_client.get(law_url("list_results"), {"q": "localism"}))
    assert "3 sheets (1 draft)" in found and "Planning Act" not in found


def test_sheets_citing_a_law_edit_page_and_delete_page(editor_client, site, localism_act):
    html = html_of(editor_client.get(law_url("sheets", localism_act.pk)))
    assert "Sheets using this" in html
    for sheet in (site.definition, site.method):
        assert f'href="{reverse("wagtailadmin_pages:edit", args=[sheet.pk])}"' in html
    assert "Community Right to Bid" in html
    assert "Used by 3 sheets (1 draft)" in html_of(editor_client.get(law_url("edit", localism_act.pk)))
    delete = html_of(editor_client.get(law_url("delete", localism_act.pk)))
    assert "This law or policy is used by 3 sheets (1 draft)." in delete
    assert "Community Right to Bid" in delete
    editor_client.post(law_url("delete", localism_act.pk))
    assert not Law.objects.filter(pk=localism_act.pk).exists()
    assert not SheetPage.objects.filter(pk=site.definition.pk, cites__isnull=False).exists()


def test_every_sheet_kind_listing_takes_the_sheet_filters(editor_client, site, localism_act):
    """Reports → Page types usage lists one kind of sheet, with the same filters."""
    url = reverse("wagtailadmin_pages:type_use", args=("sheets", "definitionsheetpage"))
    html = html_of(editor_client.get(url, {"cites": localism_act.pk}))
    assert 'name="cites"' in html
    assert site.definition.title in html and site.other_definition.title not in html
