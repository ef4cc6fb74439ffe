"""Query budgets: a page asks the database a fixed number of times, however many sheets it lists."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from . import factories as f

pytestmark = pytest.mark.django_db

# The most queries each page may make, once the header and footer are cached. Routing, the
# site, privacy checks and settings cost about 7 on every page; the rest is the page's own content.
# Sheets: key facts, links, see-also, topics, audiences and related sheets. Search: the match,
# promotions, the query log and four facet counts (synonyms and vocabulary come from the cache).
BUDGETS = {
    "home": 14,
    "section": 10,
    "topic": 11,
    "pathway": 13,
    "definition": 20,
    "method": 22,
    "search": 12,
    "directory": 12,
}


def count_queries(client, url):
    """Queries for a page once the site frame is cached (as it is for every reader but the first)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def urls(site):
    return {
        "home": site.home.url,
        "section": site.section.url,
        "topic": "/topics/neighbourhood-plan/",
        "pathway": site.pathway.url,
        "definition": site.definition.url,
        "method": site.method.url,
        "search": "/search/?q=neighbourhood",
        "directory": site.directory.url,
    }


def add_more_content(site, n=6):
    sheets = [
        f.DefinitionSheetPageFactory(
            parent=site.section,
            title=f"Neighbourhood extra {i}",
            topics=[site.topic],
            audiences=[site.audience],
        )
        for i in range(n)
    ]
    for sheet in sheets:
        f.add_sheet_extras(sheet, see_also=[site.definition])
    f.PathwayPageFactory(parent=site.pathway.get_parent(), route=sheets)
    f.add_sheet_extras(site.definition, see_also=sheets[:4])
    for _ in range(n):
        f.OrganisationFactory(topics=[site.topic])
        f.TopicFactory()


@pytest.mark.parametrize("name", list(BUDGETS))
def test_query_count_is_bounded_and_does_not_grow_with_content(client, site, name):
    before = count_queries(client, urls(site)[name])
    add_more_content(site)
    after = count_queries(client, urls(site)[name])
    assert after <= BUDGETS[name], f"{name} made {after} queries (budget {BUDGETS[name]})"
    assert after == before, f"{name} went from {before} to {after} queries when content grew"
