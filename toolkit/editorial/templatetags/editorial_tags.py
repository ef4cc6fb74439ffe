"""The reader-facing review notice on a sheet."""

from django import template

from toolkit.editorial.freshness import is_overdue

register = template.Library()


@register.inclusion_tag("editorial/includes/review_notice.html")
def review_notice(sheet):
    """A polite note, only when the sheet's review date has passed."""
    return {"sheet": sheet, "overdue": is_overdue(sheet)}
