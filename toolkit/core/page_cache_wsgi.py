"""Cached pages answered before Django's request handling, where the cache is shared.

A page-cache hit is one cache read and a copy of bytes, yet through Django's handler it also
sends the request signals (database connection housekeeping), builds a request and a response
and walks the middleware: most of what a hit costs once no database query is left in it
(``core.page_generation``). Wrapped round the WSGI application (``toolkit.wsgi``), this answers
hits itself: the same key, the same stamp, the stored headers (every policy header the
middleware gave the page when it was kept) and a 304 for a matching ``If-None-Match``, as the
middleware's own hit would. Everything else goes to Django unchanged: misses, anything the page
cache never keeps (sessions, the admin, search, forms), and anything this cannot decide (a bad
Host header, the cache down), which Django answers with its 400 or designed 503.

Only where the generation is the stamp (a shared cache, Redis): with each process's own memory
cache the stamp is the content version, which needs the database and Django's handling of it.
"""

import logging

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.db import DatabaseError

from . import page_generation
from .page_cache import LOOKED_UP, AnonymousPageCacheMiddleware, current, kept_address, stamp_and_entry

logger = logging.getLogger(__name__)


def serve_cached_pages(application):
    """``application`` with page-cache hits answered in front of it (or itself, when the page
    cache is off or not shared between processes)."""
    if not settings.PAGE_CACHE_SECONDS or not page_generation.shared():
        return application
    return CachedPagesApplication(application)


class CachedPagesApplication:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        try:
            answer = self.cached_answer(environ)
        except Exception:  # anything unforeseen: Django answers, and reports it if it fails too
            logger.exception("The page cache could not answer %s", environ.get("PATH_INFO"))
            answer = None
        if answer is None:
            return self.application(environ, start_response)
        status, headers, body = answer
        start_response(status, headers)
        return [body]

    @staticmethod
    def cached_answer(environ):
        """The status line, headers and body of a hit, or None for Django to answer."""
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return None  # a form, an upload: no request object built twice
        request = WSGIRequest(environ)
        try:
            key = kept_address(request)
            if key is None:
                return None
            stamp, stored = stamp_and_entry(key)
        except (DisallowedHost, DatabaseError):  # Django's 400 or designed 503, with its headers
            return None
        if stamp is None or not current(stored, stamp):
            environ[LOOKED_UP] = {key: (stamp, None)}  # the middleware's miss needs no second read
            return None
        if "HTTP_IF_NONE_MATCH" not in environ and "HTTP_IF_MODIFIED_SINCE" not in environ:
            # The stored headers are those Django gave the page: they need no checking again.
            return "200 OK", [*stored["headers"].items(), ("X-Page-Cache", "hit")], stored["content"]
        response = AnonymousPageCacheMiddleware.replay(stored, request)
        headers = list(response.items())
        body = b"" if response.status_code == 304 else response.content
        return f"{response.status_code} {response.reason_phrase}", headers, body
