"""The parts of the site's frame that need only core: the header's brand, the phase banner and
breadcrumbs, each built with a fixed number of queries (and cached by the page templates under the
content version). The navigation and footer list sections and routes, so they live in
``toolkit.home.templatetags.site_frame``."""

from django import template
from wagtail.models import Page, Site

from toolkit.core.blocks import heading_anchor
from toolkit.core.cache import content_version, remember
from toolkit.core.headings import NEXT_STEPS
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


def toolkit_settings(request):
    return ToolkitSettings.for_request(request) if request else None


@register.inclusion_tag("includes/site_brand.html", takes_context=True)
def site_brand(context):
    """The top of the header: the publisher's logo (or name) and the site's name, linked home."""
    request = context.get("request")
    root = site_root(request)
    settings = toolkit_settings(request)
    publisher = settings.publisher if settings else ""
    site_name = settings.site_name if settings else ""
    return {
        "home_url": root.url if root else "/",
        "logo": settings.logo if settings and settings.logo_id else None,
        "publisher": publisher,
        "site_name": site_name if site_name != publisher else "",
    }


@register.inclusion_tag("includes/phase_banner.html", takes_context=True)
def phase_banner(context):
    """GOV.UK's phase banner: says the site is new and asks for feedback, until it is switched off."""
    request = context.get("request")
    settings = toolkit_settings(request)
    if settings is None or not settings.show_phase_banner:
        return {"show": False}
    feedback = settings.feedback_page if settings.feedback_page_id else None
    return {
        "show": True,
        "phase": settings.phase,
        "text": settings.phase_banner_text,
        "feedback_url": feedback.get_url(request) if feedback and feedback.live else "",
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
def next_steps_heading():
    """The heading of "What to do next", which a sheet's "On this page" also lists."""
    return NEXT_STEPS


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
