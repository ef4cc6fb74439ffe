from django import template

from toolkit.taxonomy.models import route_through as find_route_through
from toolkit.taxonomy.models import topic_index_url

register = template.Library()


@register.simple_tag(takes_context=True)
def topic_url(context, topic):
    """``{% topic_url topic %}``: the topic's page, without a query per topic."""
    base = topic_index_url(context.get("request"))
    return f"{base}{topic.slug}/" if base else ""


@register.simple_tag
def route_through(sheet_ids):
    """``{% route_through sheet_ids as route %}``: the "Start here" route that takes in the most
    of these sheets, for "What to do next" on a section or topic, or ``None``."""
    return find_route_through(sheet_ids)
