"""The reviewer's request for changes, at the top of the sheet's edit page (a ``sheet_editor_notices``
hook).

Wagtail shows the comment only behind the status panel's "View details", under a heading that
names the author instead of the reviewer, so an author who opens the sheet to make the changes
does not find what to change. The notice stays while the changes are outstanding: it goes when
the sheet is resubmitted or withdrawn from review.
"""

from django.utils.dateformat import format as format_date
from django.utils.timezone import localtime

from toolkit.sheets.notices import Notice

from .review_state import changes_requested

NEXT_STEP = "Make the changes, then choose “Resubmit for review” from the menu at the bottom of the page."


def changes_requested_notices(sheet, request):
    request_for_changes = changes_requested(sheet)
    if request_for_changes is None:
        return []
    when = format_date(localtime(request_for_changes.at), "j F Y, H:i")
    return [
        Notice(
            heading=f"Changes requested by {request_for_changes.by}",
            text=request_for_changes.comment or f"{request_for_changes.by} left no comment.",
            details=(
                ("Requested", f"{when}, at “{request_for_changes.step}”"),
                ("What to do next", NEXT_STEP),
            ),
        )
    ]
