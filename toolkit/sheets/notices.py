"""Notices at the top of a sheet's edit page, from the apps that know about them.

A sheet can be flagged because a law it cites changed, or sent back by a reviewer with a comment;
the editor needs to read that before anything else on the page. Those facts belong to apps above
this one (editorial, the workflow), and sheets imports none of them: each registers a
``sheet_editor_notices`` hook, a function ``(sheet, request) -> iterable of Notice``, in its
``wagtail_hooks.py``, and ``EditorNoticesPanel`` (the first panel of the sheet form) shows them.
"""

from dataclasses import dataclass, field

from wagtail import hooks
from wagtail.admin.panels import Panel

HOOK_NAME = "sheet_editor_notices"


@dataclass(frozen=True)
class Notice:
    """One message for the editor. ``details`` are (label, text) rows; ``actions`` are
    (label, url) links (to a page that confirms anything that changes data: the notice sits
    inside the edit form, which cannot hold another form)."""

    heading: str
    text: str = ""
    level: str = "warning"  # "warning" or "info"
    details: tuple = field(default_factory=tuple)
    actions: tuple = field(default_factory=tuple)


def notices_for(sheet, request):
    """Every registered app's notices for ``sheet``; none for a sheet not saved yet."""
    if sheet is None or not sheet.pk:
        return []
    return [notice for hook in hooks.get_hooks(HOOK_NAME) for notice in hook(sheet, request)]


class EditorNoticesPanel(Panel):
    """Shown only when there is something to say."""

    @property
    def clean_name(self):
        return super().clean_name or "editor_notices"

    class BoundPanel(Panel.BoundPanel):
        template_name = "sheets/panels/editor_notices.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.notices = notices_for(self.instance, self.request)

        def is_shown(self):
            return bool(self.notices)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["notices"] = self.notices
            return context
