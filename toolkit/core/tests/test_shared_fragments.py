"""What readers share below the page cache: routing, a sheet's related rows, the site settings.

They are remembered under the content version, so with the page cache off (as here) a repeat view
is cheap, and any publish, move, privacy change or settings edit shows on the very next view.
"""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from toolkit.sheets.models import SheetKeyFact

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def viewed_twice(client, url):
    """The second of two views: the one served from what the first remembered."""
    client.get(url)
    return client.get(url)


def text_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").get_text(" ")


def test_a_moved_sheet_answers_at_its_new_address_and_the_old_one_redirects(client, site):
    old_url = site.other_definition.url
    viewed_twice(client, old_url)
    site.other_definition.move(site.other_section, pos="last-child")
    site.other_definition.refresh_from_db()
    new_url = site.other_definition.url
    assert new_url != old_url
    old = client.get(old_url)  # Wagtail's automatic redirect, not the remembered route
    assert (old.status_code, old["Location"]) == (301, new_url)
    assert client.get(new_url).status_code == 200


def test_an_unpublished_sheet_is_gone_although_its_address_was_remembered(client, site):
    url = site.other_definition.url
    viewed_twice(client, url)
    site.other_definition.unpublish()
    assert client.get(url).status_code == 404


def test_addresses_below_a_remembered_sheet_still_route(client, site):
    url = site.definition.url
    viewed_twice(client, url)
    assert client.get(url + "print/").status_code == 200
    assert client.get(url + "no-such-part/").status_code == 404
    assert client.get("/topics/neighbourhood-plan/").status_code == 200  # routed below the topic index


def test_a_see_also_sheet_renamed_elsewhere_shows_its_new_title(client, site):
    assert "Neighbourhood Forum" in text_of(viewed_twice(client, site.definition.url))
    site.other_definition.title = "Neighbourhood Forums and how they work"
    site.other_definition.save_revision().publish()
    assert "Neighbourhood Forums and how they work" in text_of(client.get(site.definition.url))


def test_a_sheet_made_private_leaves_the_listings_of_other_sheets(client, site):
    assert "Neighbourhood Forum" in text_of(viewed_twice(client, site.definition.url))
    PageViewRestriction.objects.create(
        page=site.other_definition, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert "Neighbourhood Forum" not in text_of(client.get(site.definition.url))


def test_a_settings_edit_shows_on_the_next_view(client, site):
    from toolkit.core.models import ToolkitSettings

    viewed_twice(client, site.definition.url)
    settings = ToolkitSettings.for_site(site.home.get_site())
    settings.licence = "Share it with your neighbours, with credit."
    settings.save()
    assert "Share it with your neighbours, with credit." in text_of(client.get(site.definition.url))


def test_a_preview_shows_the_drafts_own_key_facts(client, site):
    viewed_twice(client, site.definition.url)
    draft = site.definition.specific
    draft.key_facts = [SheetKeyFact(text="A fact only the draft has.")]
    response = draft.make_preview_request()
    assert "A fact only the draft has." in text_of(
        response.render() if hasattr(response, "render") else response
    )
    assert "A fact only the draft has." not in text_of(client.get(site.definition.url))
