"""A site-wide content version, bumped whenever anything a reader sees may have changed.

Cached fragments (the header and footer today, whole pages later) put the version in their key,
so a publish, unpublish, move or delete, or an edit to a topic, organisation or site setting makes
every cached copy stale at once, with no need to track which pages show what.
"""

from contextvars import ContextVar

from django.core.cache import cache

VERSION_KEY = "toolkit:content-version"
DAY = 24 * 60 * 60


# Values read at most once per request (see RequestMemoMiddleware); None outside a request.
_request_memo = ContextVar("toolkit_request_memo", default=None)


def once_per_request(name, fetch):
    """``fetch()``, asked once per request: a page reads each version once however many parts use it."""
    memo = _request_memo.get()
    if memo is None:
        return fetch()
    if name not in memo:
        memo[name] = fetch()
    return memo[name]


def forget_for_request(name):
    memo = _request_memo.get()
    if memo is not None:
        memo.pop(name, None)


class RequestMemoMiddleware:
    """Give each request its own memo for ``once_per_request``, dropped when the response is made."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_memo.set({})
        try:
            return self.get_response(request)
        finally:
            _request_memo.reset(token)


def _read_content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, timeout=None)
    return version


def content_version():
    return once_per_request(VERSION_KEY, _read_content_version)


def bump_content_version(*args, **kwargs):
    forget_for_request(VERSION_KEY)
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not in the cache yet (first use, or evicted)
        cache.set(VERSION_KEY, 2, timeout=None)


def remember(name, build, timeout=DAY):
    """``build()``, kept until the content version changes (or a day has passed).

    For values that depend only on published content (never on who is asking), such as a
    sheet's related rows or a routing decision: readers share them, and a publish anywhere makes
    every one of them stale at once.
    """
    key = f"toolkit:{name}:{content_version()}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value
