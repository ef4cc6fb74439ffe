"""The site's frame: header, footer and breadcrumbs, each built with a fixed number of queries."""

from django import template
from django.urls import reverse
from wagtail.models import Page, Site

from toolkit.core.blocks import heading_anchor
from toolkit.core.cache import content_version, remember
from toolkit.core.models import ToolkitSettings

register = template.Library()


def site_root(request):
    """The home page of the site being served (Wagtail remembers it on the request)."""
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


def menu_pages(root):
    if root is None:
        return Page.objects.none()
    return root.get_children().live().public().in_menu()


@register.inclusion_tag("includes/site_header.html", takes_context=True)
def site_header(context):
    from toolkit.taxonomy.models import PathwayPage

    request = context.get("request")
    root = site_root(request)
    pathways = PathwayPage.objects.live().public().order_by("path") if root else []
    return {
        "request": request,
        "home_url": root.url if root else "/",
        "site_name": ToolkitSettings.for_request(request).publisher if request else "",
        "menu_pages": menu_pages(root),
        "pathways": pathways,
        "login_url": reverse("wagtailadmin_login"),
        "search_url": reverse("search:search"),
    }


@register.inclusion_tag("includes/site_footer.html", takes_context=True)
def site_footer(context):
    from toolkit.sheets.models import SectionPage
    from toolkit.taxonomy.models import Topic

    request = context.get("request")
    root = site_root(request)
    return {
        "request": request,
        "sections": SectionPage.objects.live().public().order_by("path") if root else [],
        "topics": Topic.objects.all(),
        "menu_pages": menu_pages(root),
        "licence": ToolkitSettings.for_request(request).licence if request else "",
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    """Home > section > page; nothing on the home page itself."""
    return {"ancestors": breadcrumb_ancestors(page), "current": page, "request": context.get("request")}


def breadcrumb_ancestors(page):
    """The pages above ``page`` in its breadcrumbs, fetched once per page (the structured data
    in the page's head lists the same trail)."""
    if page.depth <= 2:
        return []
    if not hasattr(page, "_breadcrumb_ancestors"):
        page._breadcrumb_ancestors = remember(
            f"breadcrumbs:{page.path}", lambda: list(page.get_ancestors().filter(depth__gt=1))
        )
    return page._breadcrumb_ancestors


@register.simple_tag
def heading_id(text):
    """The anchor of a heading block, the same one the "On this page" list links to."""
    return heading_anchor(text)


@register.simple_tag(takes_context=True)
def frame_cache_key(context):
    """Part of the cache key of the header and footer: the content version and the host."""
    request = context.get("request")
    host = request.get_host() if request else ""
    return f"{content_version()}:{host}"
