"""A full-page cache for anonymous readers, made stale by any change readers could see.

Why not Django's cache middleware or wagtail-cache: Django's caches per URL with a fixed key
prefix, so a publish cannot invalidate it; wagtail-cache (3.0) requires Wagtail < 8. This one is
small: it serves a stored response to anyone without a session cookie, and stores a response only
when it is safe to share (a 200 for a GET, no cookies set, not private). Each stored page carries
a stamp, and is served only while the stamp is current: the page cache's generation in a shared
cache (``core.page_generation``, no database query on a hit), else the content version
(``core.cache``). Every publish, unpublish, move, delete and snippet or settings edit replaces
both, so readers never see a stale page and editors (who have a session) always see the live one.

It sits just inside ``/healthz`` and outside everything else, and keeps a response as it left
every other middleware (security headers, Content-Security-Policy, Permissions-Policy, ETag), so
a hit is answered without running any of them: about half of a hit's Python. Its key holds the
scheme, since the HTTPS redirect and HSTS differ between the two, and a hit answers a matching
``If-None-Match`` with a 304 itself.
"""

import hashlib
import re
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost, MiddlewareNotUsed
from django.db import DatabaseError
from django.http import HttpResponse, QueryDict
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control

from . import page_generation
from .cache import content_version, remember_key
from .front_cache import shared_max_age

UNCACHED_PREFIXES = ("/admin/", "/django-admin/", "/search/", "/pack/", "/documents/", "/static/", "/media/")
CACHEABLE_TYPES = ("text/html", "application/xml", "application/atom+xml", "text/plain")
NOT_REPLAYED = {"set-cookie", "x-page-cache"}
# Where the WSGI front (``page_cache_wsgi``) leaves what it read for a miss, so it is read once.
LOOKED_UP = "toolkit.page_cache.looked_up"
# Added to links by mailing lists and social sites; no page depends on them.
TRACKING_PARAMETER = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|_gl)$")


def has_session(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not has_session(request)
        and not request.path.startswith(UNCACHED_PREFIXES)
        and not getattr(request, "is_dummy", False)  # Wagtail's preview of a draft
    )


def cacheable_response(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.cookies
        and not response.streaming
        and "private" not in cache_control
        and "no-store" not in cache_control
        and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
    )


def shared_query(request):
    """The query string a shared page is kept under: the parameters pages read
    (``PAGE_CACHE_QUERY_PARAMETERS``, e.g. ``page``), in order, without tracking ones. None when
    the request has any other parameter: it is answered but not kept, since one entry for every
    made-up query string (``/?x=1``, ``/?x=2``...) would push real pages out of the cache."""
    known = set(getattr(settings, "PAGE_CACHE_QUERY_PARAMETERS", ()))
    kept = []
    for name, values in request.GET.lists():
        if TRACKING_PARAMETER.match(name):
            continue
        if name not in known:
            return None
        kept += [(name, value) for value in values]
    return urlencode(sorted(kept))


def address_key(request, query):
    """Where a page is kept: by address and by day, since pages say things such as "review
    overdue" that change with the date alone. Raises ``DisallowedHost`` for a bad Host header."""
    digest = hashlib.sha256(f"{request.path}?{query}".encode()).hexdigest()
    where = f"{request.scheme}:{request.get_host()}"
    return f"toolkit:page:{timezone.localdate().isoformat()}:{where}:{digest}"


def kept_address(request):
    """The key of the page this request may share, or None when it may not be kept; the request
    is left with only the parameters the key holds (``request.GET``), as the view must see it.
    Raises ``DisallowedHost`` for a bad Host header."""
    query = shared_query(request) if cacheable_request(request) else None
    if query is None:
        return None
    request.GET = QueryDict(query)
    return address_key(request, query)


def cache_key(request, query):
    """The address key under the content version, for answers kept without a stamp (search)."""
    return remember_key(address_key(request, query).removeprefix("toolkit:"))


def stamp_and_entry(key):
    """What a stored page must carry to be served now, and the entry at ``key``. The stamp is
    None when the shared cache cannot be used now. May raise ``DatabaseError`` (the database
    down, when the content version is the stamp)."""
    if page_generation.in_use():
        generation, stored = page_generation.read_with(key)
        return (None, None) if generation is None else (f"g:{generation}", stored)
    return f"v:{content_version()}", cache.get(key)


def current(stored, stamp):
    return stored is not None and stored.get("stamp") == stamp


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = getattr(settings, "PAGE_CACHE_SECONDS", 60 * 60 * 24)
        self.max_age = getattr(settings, "PAGE_CACHE_MAX_AGE", 60)
        if not self.timeout:
            raise MiddlewareNotUsed("PAGE_CACHE_SECONDS is 0: the page cache is off")

    def __call__(self, request):
        try:
            key = kept_address(request)
            if key is None:
                return self.get_response(request)
            stamp, stored = request.META.get(LOOKED_UP, {}).get(key) or stamp_and_entry(key)
        except (DisallowedHost, DatabaseError):
            # A bad Host header, or the database down (its version tokens): answered further in,
            # where the 400 or the designed 503 gets every security header.
            return self.get_response(request)
        if stamp is None:
            return self.get_response(request)
        if current(stored, stamp):
            return self.replay(stored, request)
        response = self.get_response(request)
        if cacheable_response(response):
            response.content  # noqa: B018 - render a TemplateResponse before storing it
            if not response.has_header("ETag"):
                response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
            patch_cache_control(response, public=True, max_age=self.max_age)
            shared = shared_max_age()
            if shared is not None:
                patch_cache_control(response, s_maxage=shared)
            cache.set(key, self.snapshot(response, stamp), self.timeout)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def snapshot(response, stamp=None):
        headers = {name: value for name, value in response.items() if name.lower() not in NOT_REPLAYED}
        return {"content": response.content, "headers": headers, "stamp": stamp}

    @staticmethod
    def replay(stored, request=None):
        """The stored response, or a 304 when the reader's ``If-None-Match`` holds its ETag (with
        the same headers but those of the body, as a 304 answered further in would have)."""
        response = HttpResponse(stored["content"])
        for name, value in stored["headers"].items():
            response[name] = value
        response["X-Page-Cache"] = "hit"
        if request is None:
            return response
        answer = get_conditional_response(request, etag=response.get("ETag"), response=response)
        if answer.status_code == 304:
            for name, value in response.items():
                if name.lower() not in ("content-length", "content-type"):
                    answer[name] = value
        return answer
