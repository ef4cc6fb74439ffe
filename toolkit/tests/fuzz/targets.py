"""Every public address of the site, and the query parameters each one reads.

``ADDRESSES`` maps each public URL pattern (as ``get_resolver()`` spells it) to the paths of the
test site that it answers; ``PAGE_TYPES`` maps each Wagtail page type to a page of the test site
and ``PAGE_ROUTES`` the sub-addresses routable pages add. ``test_inventory`` fails when a pattern,
page type or route appears that is not listed here, so a new address is fuzzed from its first day.
"""

from django.apps import apps
from django.urls import URLResolver, get_resolver
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

NOT_PUBLIC = ("admin/", "django-admin/")  # the admin's own forms are fuzzed by test_admin_forms

WORDPRESS_PARAMETERS = ("p", "page_id", "cat", "tag", "attachment_id")  # old addresses (redirects)
SEARCH_PARAMETERS = ("q", "kind", "section", "topic", "audience", "page")


def sheet_path(site):
    return site.definition.url


def _address_table():
    """pattern -> (function of the test site giving its paths, the query parameters it reads)."""
    return {
        "search/": (lambda site: ["/search/"], SEARCH_PARAMETERS),
        "search/suggest/": (lambda site: ["/search/suggest/"], ("q",)),
        "suggest/": (lambda site: ["/suggest/"], ()),
        "suggest/change/": (lambda site: ["/suggest/change/"], ("sheet",)),
        "feedback/useful/": (lambda site: ["/feedback/useful/"], ()),
        "sitemap.xml": (lambda site: ["/sitemap.xml"], ("p", "page")),
        "robots.txt": (lambda site: ["/robots.txt"], ()),
        "feeds/sheets/": (lambda site: ["/feeds/sheets/"], ()),
        "feeds/topics/<slug:slug>/": (lambda site: [f"/feeds/topics/{site.topic.slug}/"], ()),
        "pack/": (lambda site: ["/pack/"], ()),
        "pack/add/": (lambda site: ["/pack/add/"], ()),
        "pack/change/": (lambda site: ["/pack/change/"], ()),
        "pack/title/": (lambda site: ["/pack/title/"], ()),
        "pack/booklet.pdf": (lambda site: ["/pack/booklet.pdf"], ("again",)),
        r"^(?P<path>(?:[-\w]+/)*[-\w]+)\.pdf$": (
            lambda site: ["/no-such-sheet.pdf", "/neighbourhood-planning/no-such-sheet.pdf"],
            ("again",),
        ),
        "a-z/": (lambda site: ["/a-z/"], ()),
        r"^(?:.+/)?wp-content/uploads/.+$": (
            lambda site: ["/wp-content/uploads/2019/05/plan.pdf", "/blog/wp-content/uploads/x.png"],
            (),
        ),
        "^media/(?P<path>.+)$": (lambda site: ["/media/original_images/none.png"], ()),
        "documents/^(\\d+)/(.*)$": (lambda site: ["/documents/1/plan.pdf"], ()),
        "documents/authenticate_with_password/<int:restriction_id>/": (
            lambda site: ["/documents/authenticate_with_password/1/"],
            ("next",),
        ),
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": (
            lambda site: [f"/_util/authenticate_with_password/1/{site.definition.pk}/"],
            ("next",),
        ),
        "_util/login/": (lambda site: ["/_util/login/"], ("next",)),
        # Wagtail's pages: each type with the parameters it reads is in PAGE_TYPES; here the old
        # WordPress addresses (/?p=12), which any page address may carry.
        r"^((?:[\w\-]+/)*)$": (lambda site: [site.home.url, site.definition.url], WORDPRESS_PARAMETERS),
    }


ADDRESSES = _address_table()

# page type -> a page of the test site, and the query parameters its view reads
PAGE_TYPES = {
    "HomePage": (lambda site: site.home, WORDPRESS_PARAMETERS),
    "StandardPage": (lambda site: site.about, ()),
    "SectionPage": (lambda site: site.section, ("page",)),
    "SheetPage": (lambda site: site.other_definition, ()),  # both kinds of sheet are SheetPages
    "DefinitionSheetPage": (lambda site: site.definition, ()),
    "MethodSheetPage": (lambda site: site.method, ()),
    "TopicIndexPage": (lambda site: site.topic_index, ("page",)),
    "PathwayIndexPage": (lambda site: site.pathway.get_parent().specific, ()),
    "PathwayPage": (lambda site: site.pathway, ()),
    "DirectoryPage": (lambda site: site.directory, ("topic", "page")),
    "ContactPage": (lambda site: site.contact, ()),
    "GlossaryPage": (lambda site: site.glossary, ()),
    "PrintPackIndexPage": (lambda site: site.print_pack.get_parent().specific, ()),
    "PrintPackPage": (lambda site: site.print_pack, ()),
}

# routable page type -> the routes its pages add, as (route pattern, sub-path on the test page)
PAGE_ROUTES = {
    "SheetPage": {"": "", "print/": "print/", "email/": "email/"},
    "TopicIndexPage": {"": "", "<slug:slug>/": "neighbourhood-plan/"},
}


def project_page_types():
    """The names of the concrete page types of this project's apps (where readers can meet them)."""
    return {
        model.__name__
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and model.__module__.startswith("toolkit.")
    }


def project_routes():
    """Each routable page type of this project's apps and the route patterns it declares."""
    found = {}
    for model in apps.get_models():
        if issubclass(model, RoutablePageMixin) and model.__module__.startswith("toolkit."):
            owner = next(
                base
                for base in reversed(model.__mro__)
                if isinstance(base, type)
                and issubclass(base, RoutablePageMixin)
                and base.__module__.startswith("toolkit.")
            )
            found[owner.__name__] = {str(pattern.pattern) for pattern in model.get_subpage_urls()}
    return found


def public_patterns(resolver=None, prefix=""):
    """Every URL pattern outside the admin, as one string with its includes' prefixes."""
    found = set()
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(NOT_PUBLIC):
            continue
        if isinstance(entry, URLResolver):
            found |= public_patterns(entry, route)
        else:
            found.add(route)
    return found


def page_addresses(site):
    """(path, query parameters) for every page of the test site and every route of its pages."""
    found = []
    for page_of, parameters in PAGE_TYPES.values():
        page = page_of(site)
        found.append((page.url, parameters))
        for route_owner, routes in PAGE_ROUTES.items():
            if any(base.__name__ == route_owner for base in type(page).__mro__):
                found += [(page.url + sub, ("page",)) for sub in routes.values() if sub]
    return found


def all_addresses(site):
    """(path, parameters) for every public pattern and every page: what test_addresses drives."""
    found = [(path, params) for paths_of, params in ADDRESSES.values() for path in paths_of(site)]
    return list(dict.fromkeys(found + page_addresses(site)))
