"""Whole search answers for anonymous readers, remembered until the content changes.

Search goes through neither the page cache nor the front cache, because every search is counted
for the editors' query report (``QueryLog``). Yet readers ask the same few hundred questions over
and over, and rendering an answer (matching, facets, the page around them) costs some 5 ms. So the
rendered answer is kept under the same key scheme as the page cache (content version, date, host,
address: a publish or the next day makes it stale) together with what it counts, and a repeat costs
one cache read and the count.

Only what anyone would see is kept: not for a reader with a session (their pack shows in the
page), and only for the parameters the search page reads, so made-up ones cannot fill the cache.
"""

from functools import wraps
from urllib.parse import urlencode

from django.core.cache import cache

from toolkit.core.page_cache import TRACKING_PARAMETER, AnonymousPageCacheMiddleware, cache_key, has_session

from .models import QueryLog

PARAMETERS = frozenset({"q", "kind", "section", "topic", "audience", "page"})
TIMEOUT = 60 * 60  # a publish makes an answer stale at once; this only bounds what odd queries keep


def answer_key(request):
    """The cache key of this request's answer, or None when it must not be shared."""
    if has_session(request):
        return None
    kept = []
    for name, values in request.GET.lists():
        if TRACKING_PARAMETER.match(name):
            continue
        if name not in PARAMETERS:
            return None
        kept += [(name, value) for value in values]
    return "search-answer:" + cache_key(request, urlencode(sorted(kept)))


def remembered(view):
    """Serve a view's anonymous answers from the cache, counting each one as the view would.

    The view says what it counted in its template context as ``counted_search``: a
    ``(query, results)`` pair for ``QueryLog.record``, or None.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        key = answer_key(request)
        if key is None:
            return view(request, *args, **kwargs)
        stored = cache.get(key)
        if stored is not None:
            if stored["counted"]:
                QueryLog.record(*stored["counted"])
            response = AnonymousPageCacheMiddleware.replay(stored)
            del response["X-Page-Cache"]
            response["X-Search-Cache"] = "hit"
            return response
        response = view(request, *args, **kwargs)
        response.render()
        if response.status_code == 200 and not response.cookies:
            snapshot = AnonymousPageCacheMiddleware.snapshot(response)
            snapshot["counted"] = response.context_data.get("counted_search")
            cache.set(key, snapshot, TIMEOUT)
            response["X-Search-Cache"] = "miss"
        return response

    return wrapper
