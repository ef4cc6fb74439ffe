"""Which sheets need a review, and flagging the sheets that cite a changed law.

A sheet is *overdue* when its review-due date has come; it is *due soon* when that date falls in
the next ``DUE_SOON_DAYS`` days. Dates are compared with today's date in the site's time zone.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from toolkit.core.cache import bump_content_version
from toolkit.sheets.models import SheetPage

DUE_SOON_DAYS = 30
LAW_CHANGED_ACTION = "editorial.law_changed"


def today():
    return timezone.localdate()


def overdue_sheets(on=None):
    """Sheets (drafts too: editors must see them) whose review date has come, oldest first."""
    on = on or today()
    return SheetPage.objects.filter(review_due__lte=on).order_by("review_due", "title")


def sheets_due_soon(on=None, days=DUE_SOON_DAYS):
    """Sheets whose review date falls after ``on`` and within ``days`` days of it."""
    on = on or today()
    return SheetPage.objects.filter(
        review_due__gt=on, review_due__lte=on + datetime.timedelta(days=days)
    ).order_by("review_due", "title")


def is_overdue(sheet, on=None):
    return bool(sheet.review_due and sheet.review_due <= (on or today()))


def flag_for_review(sheet, on, user=None):
    """Make ``sheet`` due for review on ``on``; False when it was already due by then.

    The date goes into the sheet's latest revision, so the next edit keeps it, and onto the live
    page, so readers see the notice and the dashboard lists the sheet at once. A sheet with no
    unpublished changes is republished (only its review date differs); one with a draft in
    progress keeps its draft, which gains the new date, and its live page is updated in place.
    ``clean=False``: a sheet reviewed today may now be due today, which the edit form's rule
    ("due after last reviewed") would refuse until a reviewer sets both dates again.
    """
    if sheet.review_due and sheet.review_due <= on:
        return False
    republish = sheet.live and not sheet.has_unpublished_changes
    latest = sheet.get_latest_revision_as_object()  # ``sheet`` itself when it has no draft
    latest.review_due = on
    revision = latest.save_revision(user=user, clean=False, log_action=True)
    if republish:
        revision.publish(user=user, skip_permission_checks=True)
    SheetPage.objects.filter(pk=sheet.pk).update(review_due=on)
    bump_content_version()  # cached copies of the page must show the notice now
    return True


@transaction.atomic
def flag_citing_sheets(law, user=None, note="", on=None):
    """Record that ``law`` changed and flag every sheet citing it for review, all or nothing.

    Returns the sheets that were flagged (sheets already due by then are left as they are).
    """
    on = on or today()
    law.changed_on = on
    if note:
        law.change_note = note
    law.save(update_fields=["changed_on", "change_note"])
    flagged = [
        sheet
        for sheet in SheetPage.objects.filter(cites=law).specific().order_by("title")
        if flag_for_review(sheet, on, user)
    ]
    log(instance=law, action=LAW_CHANGED_ACTION, user=user, data={"flagged": [s.pk for s in flagged]})
    return flagged
