from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from .search import MAX_QUERY_CHARS, clean_query, search_sheet_ids, sheets_in_order

RESULTS_PER_PAGE = 10


def search(request):
    """``/search/?q=...&page=N``: paginated results with summaries, or a helpful empty page."""
    raw = request.GET.get("q", "")
    query, trimmed = clean_query(raw)
    results = Paginator(search_sheet_ids(query), RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    results.object_list = sheets_in_order(results.object_list)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": raw[:MAX_QUERY_CHARS],
            "cleaned_query": query,
            "query_was_trimmed": trimmed,
            "has_query": bool(raw.strip()),
            "results": results,
            "page_query_prefix": urlencode({"q": query}) + "&",
        },
    )
