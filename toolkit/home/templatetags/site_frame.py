"""The site's navigation and footer: they list the sections, routes and topics that the apps
below publish, so they live here rather than in core (``core_tags`` has the rest of the frame)."""

from django import template
from django.db.models import Q
from django.urls import reverse

from toolkit.core.templatetags.core_tags import menu_pages, site_root, toolkit_settings
from toolkit.sheets.models import SectionPage
from toolkit.taxonomy.models import PathwayPage, topic_index_url

register = template.Library()


@register.inclusion_tag("includes/site_nav.html", takes_context=True)
def site_nav(context):
    """The main navigation: the pages in the menu, the "Get started" routes and the reader's pack.
    Editors sign in at /admin/ (linked in small print from the footer), not from here."""
    request = context.get("request")
    root = site_root(request)
    return {
        "menu_pages": menu_pages(root),
        "pathways": PathwayPage.objects.live().public().order_by("path") if root else [],
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
