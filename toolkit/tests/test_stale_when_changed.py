"""Every model outside the page tree that readers see makes cached pages stale when it changes.

Each app declares its own models in its ``AppConfig.ready()`` (``core.cache.stale_when_changed``);
this lists what the site shows, so an app that forgets its declaration (or a model that moves
without it) fails here rather than leaving readers an old page for a day.
"""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction, Site

from toolkit.core.cache import CONTENT, GLOSSARY, version
from toolkit.core.models import ToolkitSettings
from toolkit.search.models import SynonymGroup
from toolkit.tests import factories as f

pytestmark = pytest.mark.django_db


def promotion(site):
    query = Query.objects.create(query_string="neighbourhood plan")
    return SearchPromotion(query=query, page=site.method, description="Start here.")


CHANGES = {
    "topic": lambda site: f.TopicFactory(name="a topic made stale"),
    "audience": lambda site: f.AudienceFactory(name="Audience made stale"),
    "organisation": lambda site: f.OrganisationFactory(),
    "law": lambda site: f.LawFactory(),
    "term": lambda site: f.TermFactory(),
    "synonyms": lambda site: SynonymGroup(terms="s106, section 106"),
    "search promotion": promotion,
    "toolkit settings": lambda site: ToolkitSettings.for_site(Site.objects.get(is_default_site=True)),
    "site": lambda site: Site.objects.get(is_default_site=True),
    "view restriction": lambda site: PageViewRestriction(page=site.method, restriction_type="login"),
}


@pytest.mark.parametrize("name", CHANGES)
def test_saving_or_deleting_a_row_readers_see_makes_cached_pages_stale(site, name):
    row = CHANGES[name](site)
    before = version(CONTENT)
    row.save()
    after_save = version(CONTENT)
    row.delete()
    assert before != after_save != version(CONTENT)


def test_only_what_can_change_a_glossary_entry_makes_the_glossary_stale(site):
    before = version(GLOSSARY)
    f.TopicFactory(name="a topic the glossary does not show")
    assert version(GLOSSARY) == before
    f.TermFactory()
    assert version(GLOSSARY) != before
