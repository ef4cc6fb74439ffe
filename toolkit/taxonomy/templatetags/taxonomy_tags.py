from django import template

from toolkit.taxonomy.models import topic_index_url

register = template.Library()


@register.simple_tag(takes_context=True)
def topic_url(context, topic):
    """``{% topic_url topic %}``: the topic's page, without a query per topic."""
    base = topic_index_url(context.get("request"))
    return f"{base}{topic.slug}/" if base else ""
