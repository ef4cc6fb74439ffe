from django import template
from django.urls import reverse

from toolkit.core.cache import remember
from toolkit.feedback.models import ContactPage
from toolkit.feedback.useful_bar import bar_target
from toolkit.sheets.models import SheetPage

register = template.Library()


@register.simple_tag
def contact_page():
    """``{% contact_page as contact %}``: the live contact form page, or ``None``, for "Who to
    contact" (one query, remembered until any content changes; remembered as "" when there is
    none, because the cache cannot tell a stored ``None`` from a miss)."""
    return remember("contact-page", lambda: ContactPage.objects.live().public().first() or "") or None


@register.inclusion_tag("feedback/includes/useful_bar.html", takes_context=True)
def useful_bar(context):
    """``{% useful_bar %}``: "Is this page useful?" above the footer of every public page (none
    on pages it cannot be about: see ``useful_bar.bar_target``). On a sheet it also links to
    "Suggest a change", the fuller route for what is wrong or missing. No queries."""
    target = bar_target(context)
    page = context.get("page")
    suggest = ""
    if target and isinstance(page, SheetPage):
        suggest = f"{reverse('feedback:suggest_change')}?sheet={page.pk}"
    return {"target": target, "suggest_change_url": suggest}
