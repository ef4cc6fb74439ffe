from django import template
from django.utils.safestring import mark_safe

from toolkit.core.external_links import mark_external_links

register = template.Library()


@register.filter(is_safe=True)
def mark_external(html):
    """``{{ value|richtext|mark_external }}``: rendered rich text with links to other websites
    marked (``toolkit.core.external_links``). Only for HTML that Wagtail or a template made."""
    return mark_safe(mark_external_links(str(html)))  # noqa: S308 - it adds markup of our own only
