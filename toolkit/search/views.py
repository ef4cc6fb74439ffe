"""Thin views: the work is in ``search.py`` (matching and ranking) and ``facets.py``."""

import hashlib
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from toolkit.core.cache import remember_key
from toolkit.core.ratelimit import client_address, over_limit, too_many
from toolkit.taxonomy.models import Topic

from .answers import remembered
from .facets import apply_filters, cached_facets, describe_filters, read_filters
from .models import QueryLog
from .query import MAX_QUERY_CHARS, highlight_terms
from .search import run_search, sheets_in_order
from .suggest import suggestions

RESULTS_PER_PAGE = 10
POPULAR_TOPICS = 8


def popular_topics():
    """The topics with the most sheets, offered when a search finds nothing: a way on that is
    more likely to help than an empty page."""
    return list(
        Topic.objects.with_sheet_counts()
        .filter(sheet_count__gt=0)
        .order_by("-sheet_count", "name")[:POPULAR_TOPICS]
    )


def results_fragment_key(outcome, chosen, page_number):
    """What the rendered facets and result cards depend on: the searched words, the filters and
    the page, under the content version (a publish makes every cached fragment stale)."""
    shown = (
        outcome.query,
        outcome.showing_suggestion,
        outcome.suggestion,
        sorted(chosen.items()),
        page_number,
    )
    return remember_key(f"search-results:{hashlib.sha256(repr(shown).encode()).hexdigest()}")


def limited(view):
    """At most ``SEARCHES_PER_MINUTE`` searches a minute from one client (counted in the store
    every worker shares), so one robot cannot take the servers from everyone else; counted before
    the answer cache, since cached answers are cheap but not free."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        per_minute = settings.SEARCHES_PER_MINUTE
        if per_minute and over_limit("search", client_address(request), per_minute, 60):
            return too_many(request, (per_minute, 60))
        return view(request, *args, **kwargs)

    return wrapper


@require_GET
@cache_control(private=True, max_age=0)
@limited
@remembered
def search(request):
    """``/search/?q=...&kind=&section=&topic=&audience=&page=N``.

    Private: every search is counted for the editors' query report (``QueryLog``), so no shared
    cache (the front cache, a CDN) may answer one on the site's behalf; ``remembered`` keeps the
    rendered answers here instead, and counts each repeat."""
    raw = request.GET.get("q", "")
    outcome = run_search(raw)
    chosen, ignored = read_filters(request.GET)
    ids = apply_filters(outcome.ids, chosen)
    results = Paginator(ids, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    page_ids = results.object_list
    # Fetched only if the results fragment is not in the cache (see results_fragment_key).
    results.object_list = SimpleLazyObject(lambda: sheets_in_order(page_ids))
    counted = (outcome.query, len(ids)) if outcome.query and not chosen and results.number == 1 else None
    if counted:
        QueryLog.record(*counted)
    query_params = {"q": outcome.query} | chosen
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": raw[:MAX_QUERY_CHARS],
            "cleaned_query": outcome.query,
            "query_was_trimmed": outcome.trimmed,
            "has_query": bool(raw.strip()),
            "matched_all_words": outcome.matched_all_words,
            "suggestion": outcome.suggestion,
            "showing_suggestion": outcome.showing_suggestion,
            "original_url": "?" + urlencode({"q": outcome.query}),
            "suggestion_url": "?" + urlencode({"q": outcome.suggestion}) if outcome.suggestion else "",
            "promoted_ids": outcome.promoted_ids,
            "highlight": highlight_terms(outcome.units),
            "results": results,
            "facets": SimpleLazyObject(
                lambda: cached_facets(ids, chosen, outcome.query) if outcome.query else []
            ),
            "results_fragment_key": results_fragment_key(outcome, chosen, results.number),
            # Lazy, like the facets: only a results fragment that is not cached reads them.
            "active_filters": SimpleLazyObject(lambda: describe_filters(outcome.query, chosen)),
            "popular_topics": SimpleLazyObject(popular_topics),
            "filtered": bool(chosen),
            "ignored_filters": ignored,
            "page_query_prefix": urlencode(query_params) + "&",
            "counted_search": counted,
        },
    )


@require_GET
def suggest(request):
    """``/search/suggest/?q=pla``: titles and glossary terms for search-as-you-type (JSON)."""
    return JsonResponse({"suggestions": suggestions(request.GET.get("q", ""))})
