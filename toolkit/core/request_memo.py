"""Values read at most once per request, such as the version tokens every cached part needs.

A page is made of many parts that each ask "what is the content version?"; the answer cannot
change in the middle of building one response, so it is fetched once and kept in a memo that
lives exactly as long as the request (a context variable, so threads and async tasks never share
one). Outside a request (a management command, the task worker) nothing is memoised.
"""

from contextvars import ContextVar

_request_memo = ContextVar("toolkit_request_memo", default=None)


def once_per_request(name, fetch):
    """``fetch()``, asked once per request: a page reads each value once however many parts use it."""
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
