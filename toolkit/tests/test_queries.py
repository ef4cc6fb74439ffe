"""Query budgets: a page asks the database a fixed number of times, however many sheets it lists.

Counted with the full-page cache off (with it on, a repeat view asks only for the version
tokens), twice: the first view after a change, when nothing is cached, and the view after that,
when the fragments every reader shares (header, footer, a sheet's related rows, routing) come
from the cache.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from . import factories as f

pytestmark = pytest.mark.django_db

# (first view, repeat view). Every request reads the version tokens (one query: they live in the
# database so that every process agrees on them). A first view builds the header and footer
# (about 8 queries) and routes down the page tree; a repeat view costs the site, the home page,
# the page itself and Wagtail's privacy check, plus what the page lists that depends on the
# reader's choices. "What to do next" at the end of a sheet, route, section or topic adds a few
# queries to a first view (the ready-made packs, the routes, the organisations, the directory and
# contact pages, each with Wagtail's privacy check), all remembered and shared by every page until
# the content changes, so a repeat view asks nothing more for it.
BUDGETS = {
    "home": (25, 13),
    "section": (30, 8),
    "topic": (31, 10),
    "pathway": (31, 9),
    "definition": (42, 6),
    "method": (44, 6),
    # a first search also builds the glossary (its terms rank their sheets first) and the spelling
    # vocabulary of live, public sheets (the privacy rules, then their ids); every search, a repeat
    # answered from the answer cache too, is counted against the per-client search limit (here,
    # without Redis, in the database: a savepoint, an update and a read)
    "search": (38, 6),
    "directory": (24, 10),
}


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def first_view(client, url):
    """Queries for a page nobody has asked for since the content changed: nothing cached."""
    cache.clear()
    return count_queries(client, url)


def repeat_view(client, url):
    """Queries for the next reader of the same page."""
    client.get(url)
    return count_queries(client, url)


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
def test_first_view_query_count_is_bounded_and_does_not_grow_with_content(client, site, name):
    url = urls(site)[name]
    before = first_view(client, url)
    add_more_content(site)
    after = first_view(client, url)
    assert after <= BUDGETS[name][0], f"{name} made {after} queries (budget {BUDGETS[name][0]})"
    # (a search's first view also records its query for the report: one insert, later an update)
    assert after <= before, f"{name} went from {before} to {after} queries when content grew"


@pytest.mark.parametrize("name", list(BUDGETS))
def test_repeat_view_reads_shared_fragments_from_the_cache(client, site, name):
    url = urls(site)[name]
    first, repeat = first_view(client, url), repeat_view(client, url)
    assert repeat <= BUDGETS[name][1], (
        f"{name} made {repeat} queries on a repeat view (budget {BUDGETS[name][1]})"
    )
    assert repeat < first, f"{name}: a repeat view made as many queries ({repeat}) as the first"
