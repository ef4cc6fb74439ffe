"""Cross-site request forgery protection for forms on cached pages: "Add to pack" and "Is this
page useful?".

Django's CSRF token differs per reader, so a page holding one cannot be shared through the
anonymous page cache (``toolkit.core.page_cache``), and "Add to pack" sits on every sheet and
ready-made pack and "Is this page useful?" on every page. So those forms carry no token; instead
their POST must come from one of our own pages, which browsers state in headers a page cannot
forge: ``Sec-Fetch-Site`` where the browser sends it, else ``Origin``, else ``Referer``. The session cookie is also ``SameSite=Lax`` (Django's default),
so a cross-site POST never reaches a reader's pack anyway. Forms on pages that are never cached
(the pack page, "Email this sheet") keep Django's token.
"""

from urllib.parse import urlsplit

from django.conf import settings


def trusted_origins(request):
    return {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}


def origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def from_this_site(request):
    """Whether a POST was sent by a page of this site, going by what the browser says."""
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE", "")
    if fetch_site:
        return fetch_site == "same-origin"
    origin = request.META.get("HTTP_ORIGIN", "")
    if origin and origin != "null":
        return origin in trusted_origins(request)
    return origin_of(request.META.get("HTTP_REFERER", "")) in trusted_origins(request)
