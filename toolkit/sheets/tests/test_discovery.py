"""Related sheets on every sheet page, and the A to Z of all sheets."""

import pytest
from bs4 import BeautifulSoup

from toolkit.tests import factories as f

pytestmark = pytest.mark.django_db


def test_related_sheets_share_topics_and_never_include_the_sheet_itself(client, site):
    extra = f.DefinitionSheetPageFactory(parent=site.section, title="Neighbourhood area", topics=[site.topic])
    unrelated = f.DefinitionSheetPageFactory(parent=site.section, title="Dogs on leads")
    page = BeautifulSoup(client.get(site.definition.url).content, "html.parser")
    related = [a.get_text(strip=True) for a in page.select(".related li a")]
    # The editor's see-also sheet first, then the automatic one (its Method Sheet is the next step).
    assert related == ["Neighbourhood Forum", "Neighbourhood area"]
    assert unrelated.title not in related and site.definition.title not in related
    assert page.select_one('.toc a[href="#related"]')
    assert extra.pk


def test_related_sheets_prefer_more_shared_topics(site):
    other_topic = f.TopicFactory(name="meetings")
    one = f.DefinitionSheetPageFactory(parent=site.section, title="Alpha", topics=[site.topic])
    two = f.DefinitionSheetPageFactory(parent=site.section, title="Beta", topics=[site.topic, other_topic])
    site.definition.topics.add(other_topic)
    site.definition.save()
    similar = site.definition.similar_sheets(list(site.definition.topics.all()))
    ranked = [s.pk for s in similar]
    assert ranked[0] == two.pk  # shares two topics
    assert one.pk in ranked and site.definition.pk not in ranked


def test_a_to_z_lists_every_live_sheet_under_its_letter(client, site):
    site.other_definition.unpublish()
    page = BeautifulSoup(client.get("/a-z/").content, "html.parser")
    assert [a.get_text() for a in page.select(".letter-nav a")] == ["N", "R"]
    n_section = page.select_one("#letter-N").find_parent("section")
    assert [a.get_text() for a in n_section.select(".a-to-z a")] == ["Neighbourhood Plan"]
    assert "Neighbourhood Forum" not in page.get_text()
