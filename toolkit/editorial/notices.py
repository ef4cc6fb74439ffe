"""The review notice at the top of a sheet's edit page (a ``sheet_editor_notices`` hook).

Whoever opens a flagged or overdue sheet reads first why it needs a look (which law changed,
what changed, who flagged it and when) and can mark it as reviewed from there.
"""

from django.urls import reverse

from toolkit.sheets.notices import Notice

from .freshness import is_overdue, may_mark_reviewed
from .models import ReviewFlag


def describe(flag):
    what = f"{flag.note} " if flag.note else ""
    return f"{what}Flagged by {flag.flagged_by_name} on {flag.flagged_at:%-d %B %Y}."


def review_notices(sheet, request):
    flags = list(ReviewFlag.objects.open().filter(sheet_id=sheet.pk).select_related("flagged_by"))
    if not flags and not is_overdue(sheet):
        return []
    if flags:
        names = ", ".join(dict.fromkeys(flag.law_name for flag in flags))
        heading = f"Flagged for review: {names} changed"
    else:
        heading = "Review overdue"
    # A sheet never published has no last-reviewed date yet (sheets/reviews.py).
    reviewed = f"{sheet.last_reviewed:%-d %B %Y}" if sheet.last_reviewed else "not yet"
    text = f"Review due {sheet.review_due:%-d %B %Y}; last reviewed {reviewed}."
    actions = ()
    if may_mark_reviewed(sheet, request.user):
        actions = (("Mark as reviewed", reverse("editorial_mark_reviewed", args=[sheet.pk])),)
    details = tuple((f"{flag.law_name} changed", describe(flag)) for flag in flags)
    return [Notice(heading=heading, text=text, details=details, actions=actions)]
