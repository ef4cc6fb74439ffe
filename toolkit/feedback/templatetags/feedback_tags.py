from django import template

from toolkit.core.cache import remember
from toolkit.feedback.models import ContactPage

register = template.Library()


@register.simple_tag
def contact_page():
    """``{% contact_page as contact %}``: the live contact form page, or ``None``, for "Who to
    contact" (one query, remembered until any content changes; remembered as "" when there is
    none, because the cache cannot tell a stored ``None`` from a miss)."""
    return remember("contact-page", lambda: ContactPage.objects.live().public().first() or "") or None
