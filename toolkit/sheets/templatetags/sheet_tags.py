from django import template
from django.utils.safestring import mark_safe

from toolkit.sheets.embeds import cached_embed_html

register = template.Library()


@register.simple_tag
def embed_player(url):
    """``{% embed_player value.url as player %}``: the stored player, or empty for the fallback."""
    return mark_safe(cached_embed_html(url))  # noqa: S308 - HTML came from a trusted oEmbed provider
