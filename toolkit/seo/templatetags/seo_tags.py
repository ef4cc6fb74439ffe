"""``{% page_metadata %}``: canonical address, Open Graph and Twitter card tags, and JSON-LD.

Everything here comes from what the page already has in its context (its breadcrumbs, steps,
settings and the cached glossary), so it adds no queries to a page.
"""

import html

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from toolkit.core.models import ToolkitSettings
from toolkit.core.templatetags.core_tags import breadcrumb_ancestors
from toolkit.glossary.glossary import current_glossary

from .. import structured_data as sd

register = template.Library()

DEFAULT_DESCRIPTION = "Free, plain-English guides to shaping your neighbourhood in England."


def plain_text(rich_text):
    return " ".join(html.unescape(strip_tags(rich_text or "")).split())


def site_root_url(request):
    site = Site.find_for_request(request)
    return site.root_url if site else request.build_absolute_uri("/").rstrip("/")


def description_of(page):
    return page.search_description or getattr(page, "summary", "") or DEFAULT_DESCRIPTION


def breadcrumb_trail(page, context, request, canonical):
    """(name, address) from the home page down, as the page's breadcrumbs show it."""
    if page.depth <= 2:
        return []
    if page.depth == 3:  # just below the home page, which is the site's root: no need to ask
        trail = [("Home", f"{site_root_url(request)}/")]
    else:
        trail = [
            ("Home" if crumb.depth == 2 else crumb.title, crumb.get_full_url(request))
            for crumb in breadcrumb_ancestors(page)
        ]
    topic = context.get("topic")
    if topic is not None:  # a topic's page, routed below the topic index
        return trail + [(page.title, page.get_full_url(request)), (topic.name.capitalize(), canonical)]
    return trail + [(page.title, canonical)]


def page_nodes(page, context, request, canonical, publisher_id):
    """The JSON-LD that says what this page is: a defined term, a how-to, or a glossary."""
    kind = getattr(page, "sheet_kind", None)
    if kind == "definition":
        glossary = current_glossary()
        root = site_root_url(request)
        term_set = sd.defined_term_set(glossary.title, root + glossary.url) if glossary.url else None
        return [sd.defined_term(page.term, page.summary, canonical, page.other_name_list(), term_set)]
    if kind == "method":
        steps = context.get("steps")
        if steps is None:
            steps = list(page.steps.all())
        modified = page.last_published_at.isoformat() if page.last_published_at else None
        return [
            sd.how_to(
                page.title,
                page.summary,
                canonical,
                [(step.title, plain_text(step.text)) for step in steps],
                publisher_id=publisher_id,
                date_modified=modified,
            )
        ]
    if page.specific_class.__name__ == "GlossaryPage":
        glossary = current_glossary()
        terms = [
            sd.defined_term(entry.term, entry.definition, f"{canonical}#{entry.anchor}", entry.aliases)
            for entry in glossary.entries
        ]
        return [sd.defined_term_set(page.title, canonical, terms)]
    return []


@register.inclusion_tag("seo/includes/page_metadata.html", takes_context=True)
def page_metadata(context):
    request = context.get("request")
    if request is None:
        return {}
    page = context.get("page")
    root = site_root_url(request)
    publisher = ToolkitSettings.for_request(request).publisher or settings.WAGTAIL_SITE_NAME
    organisation = sd.organization(publisher, f"{root}/")
    nodes = [organisation]
    result = {"topic_feed": None, "og": None, "canonical": None}
    if isinstance(page, Page):
        canonical = root + request.path
        nodes.append(sd.breadcrumb_list(breadcrumb_trail(page, context, request, canonical)))
        nodes += page_nodes(page, context, request, canonical, organisation["@id"])
        result["canonical"] = canonical
        result["og"] = {
            "type": "article" if getattr(page, "sheet_kind", None) else "website",
            "title": page.seo_title or page.title,
            "description": description_of(page),
            "url": canonical,
            "site_name": publisher,
        }
    topic = context.get("topic")
    if topic is not None and getattr(topic, "slug", ""):
        if result["og"]:
            result["og"] |= {
                "title": topic.name.capitalize(),
                "description": topic.description or DEFAULT_DESCRIPTION,
            }
        result["topic_feed"] = {
            "url": reverse("seo:topic-feed", args=[topic.slug]),
            "title": f"New and updated sheets about {topic.name}",
        }
    result["json_ld"] = mark_safe(sd.to_script_json(nodes))  # noqa: S308 - escaped for a script element
    return result
