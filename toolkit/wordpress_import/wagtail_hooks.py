"""Old WordPress query-string addresses (``/?p=123``, ``/?page_id=45``, ``/?cat=7``, ``/?tag=x``).

Wagtail's redirect middleware only looks for a redirect when a page answers 404, and ``/`` is the
home page, so ``/?p=123`` would show the home page instead of the imported post. This hook runs
before a page is served: when the request carries one of WordPress's query parameters and a
redirect exists for exactly that old address, it answers with that redirect (301).
"""

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from wagtail import hooks
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

WORDPRESS_QUERY_KEYS = ("p", "page_id", "cat", "tag", "attachment_id")


@hooks.register("before_serve_page")
def redirect_wordpress_query_addresses(page, request, serve_args, serve_kwargs):
    # A NUL can be in no old address, and PostgreSQL refuses it in a query (the fuzz suite's find).
    keys = [key for key in WORDPRESS_QUERY_KEYS if request.GET.get(key) and "\x00" not in request.GET[key]]
    if not keys:
        return None
    candidates = [Redirect.normalise_path(f"{request.path}?{key}={request.GET[key]}") for key in keys]
    site = Site.find_for_request(request)
    redirect = (
        Redirect.get_for_site(site).filter(old_path__in=candidates).select_related("redirect_page").first()
    )
    if redirect is None or redirect.link is None:
        return None
    response_class = HttpResponsePermanentRedirect if redirect.is_permanent else HttpResponseRedirect
    return response_class(redirect.link)
