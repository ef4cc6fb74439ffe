"""Thin views: the work is in ``search.py`` (matching and ranking) and ``facets.py``."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from .facets import apply_filters, cached_facets, clear_url, read_filters
from .models import QueryLog
from .query import MAX_QUERY_CHARS, highlight_terms
from .search import run_search, sheets_in_order
from .suggest import suggestions

RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    """``/search/?q=...&kind=&section=&topic=&audience=&page=N``."""
    raw = request.GET.get("q", "")
    outcome = run_search(raw)
    chosen, ignored = read_filters(request.GET)
    ids = apply_filters(outcome.ids, chosen)
    results = Paginator(ids, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    results.object_list = sheets_in_order(results.object_list)
    if outcome.query and not chosen and results.number == 1:
        QueryLog.record(outcome.query, len(ids))
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
            "facets": cached_facets(ids, chosen, outcome.query) if outcome.query else [],
            "active_filters": [
                {"name": name, "value": value, "clear_url": clear_url(outcome.query, chosen, name)}
                for name, value in chosen.items()
            ],
            "ignored_filters": ignored,
            "page_query_prefix": urlencode(query_params) + "&",
        },
    )


@require_GET
def suggest(request):
    """``/search/suggest/?q=pla``: titles and glossary terms for search-as-you-type (JSON)."""
    return JsonResponse({"suggestions": suggestions(request.GET.get("q", ""))})
