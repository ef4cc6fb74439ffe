"""Which sheets need a review, and flagging the sheets that cite a changed law.

A sheet is *overdue* when its review-due date has come; it is *due soon* when that date falls in
the next ``DUE_SOON_DAYS`` days. Dates are compared with today's date in the site's time zone.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from toolkit.core.cache import bump_content_version
from toolkit.sheets.models import SheetPage

from .models import ReviewFlag

DUE_SOON_DAYS = 30
LAW_CHANGED_ACTION = "editorial.law_changed"
MARKED_REVIEWED_ACTION = "editorial.marked_reviewed"


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


class ReviewDatesRefused(Exception):  # noqa: N818 - names what happened, like ValidationError
    """A sheet's page would not validate with its new review dates; nothing was changed."""

    def __init__(self, sheet, error):
        self.sheet = sheet
        messages = error.messages if isinstance(error, ValidationError) else [str(error)]
        super().__init__(f"“{sheet.title}” could not be updated: {' '.join(messages)}")


def set_review_dates(sheet, user=None, *, review_due, last_reviewed=None):
    """Give ``sheet`` new review dates, as one change that the next edit keeps.

    The dates go into the sheet's latest revision and onto the live page, so readers see the
    notice and the dashboard lists the sheet at once. A sheet with no unpublished changes is
    republished (only its dates differ, so no review is needed); one with a draft in progress
    keeps its draft, which gains the new dates and still goes through the workflow, and its live
    page is updated in place. Raises ``ReviewDatesRefused`` if the page does not validate.
    """
    republish = sheet.live and not sheet.has_unpublished_changes
    latest = sheet.get_latest_revision_as_object()  # ``sheet`` itself when it has no draft
    dates = {"review_due": review_due}
    if last_reviewed is not None:
        dates["last_reviewed"] = last_reviewed
    for name, value in dates.items():
        setattr(latest, name, value)
    try:
        with transaction.atomic():
            revision = latest.save_revision(user=user, clean=False, log_action=True)
            if republish:
                revision.publish(user=user, skip_permission_checks=True)
    except ValidationError as error:
        raise ReviewDatesRefused(sheet, error) from error
    SheetPage.objects.filter(pk=sheet.pk).update(**dates)
    bump_content_version()  # cached copies of the page must show the notice now


def flag_for_review(sheet, on, user=None):
    """Make ``sheet`` due for review on ``on``; False when it was already due by then."""
    if sheet.review_due and sheet.review_due <= on:
        return False
    set_review_dates(sheet, user, review_due=on)
    return True


@transaction.atomic
def flag_citing_sheets(law, user=None, note="", on=None):
    """Record that ``law`` changed and flag every sheet citing it for review, all or nothing.

    Each citing sheet gets a ``ReviewFlag`` (the law, the note, who and when) that stays until the
    sheet is marked as reviewed, and becomes due on ``on`` unless it was due already. Returns the
    flagged sheets. Raises ``ReviewDatesRefused`` (and changes nothing) if one would not save.
    """
    on = on or today()
    law.changed_on = on
    if note:
        law.change_note = note
    law.save(update_fields=["changed_on", "change_note"])
    flagged = list(SheetPage.objects.filter(cites=law).specific().order_by("title"))
    for sheet in flagged:
        flag_for_review(sheet, on, user)
    ReviewFlag.objects.bulk_create(
        ReviewFlag(sheet_id=sheet.pk, law=law, law_name=law.name, note=law.change_note, flagged_by=user)
        for sheet in flagged
    )
    log(instance=law, action=LAW_CHANGED_ACTION, user=user, data={"flagged": [s.pk for s in flagged]})
    return flagged


def next_review_after(on):
    """A year after ``on`` (the 29th of February gives the 28th)."""
    try:
        return on.replace(year=on.year + 1)
    except ValueError:
        return on.replace(year=on.year + 1, day=28)


def may_mark_reviewed(sheet, user):
    """Reviewers and editors (anyone who may change any sheet), not a sheet's contributor alone."""
    return user.is_superuser or "change" in sheet.permissions_for_user(user).permissions


@transaction.atomic
def mark_reviewed(sheet, user=None, on=None, review_due=None):
    """The sheet was checked on ``on`` (today): both dates in one step, and its flags cleared."""
    on = on or today()
    set_review_dates(sheet, user, last_reviewed=on, review_due=review_due or next_review_after(on))
    cleared = (
        ReviewFlag.objects.open().filter(sheet_id=sheet.pk).update(cleared_at=timezone.now(), cleared_by=user)
    )
    log(instance=sheet, action=MARKED_REVIEWED_ACTION, user=user, data={"flags_cleared": cleared})
    return cleared
