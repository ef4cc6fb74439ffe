import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def highlight(text, terms):
    """Wrap words that start with a searched term in ``<mark>``; everything else is escaped."""
    text = escape(text or "")
    if not terms:
        return mark_safe(text)  # noqa: S308 - escaped above
    alternation = "|".join(re.escape(escape(term)) for term in sorted(terms, key=len, reverse=True))
    pattern = re.compile(rf"\b({alternation})\w*", re.IGNORECASE)
    return mark_safe(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", text))  # noqa: S308
