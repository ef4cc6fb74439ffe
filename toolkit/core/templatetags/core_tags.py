"""The site's frame: header, navigation, phase banner, footer and breadcrumbs, each built with a
fixed number of queries (and cached by the page templates under the content version)."""

from django import template
from django.db.models import Q
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


@register.inclusion_tag("includes/site_nav.html", takes_context=True)
def site_nav(context):
    """The main navigation: the pages in the menu, the "Get started" routes and the reader's pack.
    Editors sign in at /admin/ (linked in small print from the footer), not from here."""
    from toolkit.taxonomy.models import PathwayPage

    request = context.get("request")
    root = site_root(request)
    return {
        "menu_pages": menu_pages(root),
        "pathways": PathwayPage.objects.live().public().order_by("path") if root else [],
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


LEGAL_PAGE_SLUGS = ("privacy", "accessibility", "cookies")


def footer_pages(root):
    """The pages in the menu, and the privacy notice, accessibility statement and cookies page in
    that order, in one query: the live pages with those slugs just under the home page
    (``create_toolkit`` makes them). A council that removes one loses its link, never gets a link
    to a missing page."""
    if root is None:
        return [], []
    pages = list(
        root.get_children().live().public().filter(Q(show_in_menus=True) | Q(slug__in=LEGAL_PAGE_SLUGS))
    )
    legal = {page.slug: page for page in pages if page.slug in LEGAL_PAGE_SLUGS}
    in_menu = [page for page in pages if page.show_in_menus and page.slug not in legal]
    return in_menu, [legal[slug] for slug in LEGAL_PAGE_SLUGS if slug in legal]


@register.inclusion_tag("includes/site_footer.html", takes_context=True)
def site_footer(context):
    """Sections, ways to browse, the pages about the toolkit, then the small print: the legal pages,
    who publishes it and under what licence. Topics are one link ("All topics"), not a list of 50."""
    from toolkit.sheets.models import SectionPage
    from toolkit.taxonomy.models import topic_index_url

    request = context.get("request")
    root = site_root(request)
    settings = toolkit_settings(request)
    about_pages, legal_pages = footer_pages(root)
    topics_url = topic_index_url(request) if root else ""
    return {
        "request": request,
        "sections": SectionPage.objects.live().public().order_by("path") if root else [],
        "topics_url": topics_url,
        "menu_pages": [page for page in about_pages if page.get_url(request) != topics_url],
        "legal_pages": legal_pages,
        "publisher": settings.publisher if settings else "",
        "licence": settings.licence if settings else "",
        "licence_name": settings.licence_name if settings else "",
        "licence_url": settings.licence_url if settings else "",
        "login_url": reverse("wagtailadmin_login"),
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
