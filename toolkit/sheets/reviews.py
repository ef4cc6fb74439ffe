"""When a sheet counts as reviewed, so that its "Last reviewed" date is filled in for the editor.

A new sheet starts with no date: one filled in before anyone has checked the sheet would tell
readers it was checked. It gets the day's date:

- when it is published and has none yet (``page_published``). Publishing is an editor's word
  that the sheet is right, whether they press Publish or the workflow's last step does it; a
  scheduled sheet gets the day it goes live. A date the editor typed before publishing stands.
- whenever it is **approved**: it has passed every task of its moderation workflow ("Sheet
  review": a reviewer's check, then an editor's sign-off), and Wagtail has just published it
  (``workflow_approved``, sent after the publish). This replaces any earlier date.

An editor publishing a later edit of their own directly (a fixed typo, a new link) has not had
the sheet reviewed, so its date stays as it was; "Mark as reviewed" (the editorial app) records a
check that changed nothing. The date goes into the published revision as well as onto the page,
so the next edit starts from it and cannot quietly put the old date back.
"""

from django.utils import timezone
from wagtail.models import Page

from toolkit.core.cache import bump_content_version

from .models import SheetPage


def record_review(sheet, revision, on=None):
    """Make ``on`` (today) the last-reviewed date of ``revision`` and, if it is the revision that
    is live, of the page itself. Returns whether anything changed."""
    on = on or timezone.localdate()
    changed = False
    if revision is not None and revision.content.get("last_reviewed") != on.isoformat():
        revision.content["last_reviewed"] = on.isoformat()
        revision.save(update_fields=["content"])
        changed = True
    is_live_revision = revision is None or sheet.live_revision_id == revision.pk
    if sheet.live and is_live_revision and sheet.last_reviewed != on:
        SheetPage.objects.filter(pk=sheet.pk).update(last_reviewed=on)
        sheet.last_reviewed = on
        changed = True
    if changed:
        bump_content_version()  # the sheet's footer shows the date
    return changed


def date_first_publication(sender, instance, revision=None, **kwargs):
    """``page_published``: a sheet that goes live with no last-reviewed date gets today's."""
    if isinstance(instance, SheetPage) and instance.live and instance.last_reviewed is None:
        record_review(instance, revision)


def date_approval(sender, instance, **kwargs):
    """``workflow_approved``: the sheet passed review and has just been published (or scheduled)."""
    content = instance.content_object
    if not isinstance(content, Page):
        return
    sheet = SheetPage.objects.filter(pk=content.pk).first()  # fresh: the publish changed the row
    if sheet is not None:
        record_review(sheet, sheet.get_latest_revision())
