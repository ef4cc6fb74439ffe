"""The "Sheets due for review" panel on the admin dashboard."""

from django.db.models import Prefetch
from wagtail.admin.ui.components import Component

from .freshness import DUE_SOON_DAYS, overdue_sheets, sheets_due_soon, today
from .models import ReviewFlag

PANEL_LIMIT = 20


class ReviewDuePanel(Component):
    """Overdue sheets (with why: the law that changed and its note) and those due in the next 30
    days, so reviews are planned, not forgotten. After Wagtail's "Awaiting your review" (220):
    submissions waiting on someone come first."""

    name = "review_due"
    order = 230
    template_name = "editorial/review_due_panel.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        open_flags = Prefetch(
            "review_flags",
            queryset=ReviewFlag.objects.open().select_related("flagged_by"),
            to_attr="open_flags",
        )
        overdue = list(overdue_sheets().prefetch_related(open_flags)[: PANEL_LIMIT + 1])
        due_soon = list(sheets_due_soon()[: PANEL_LIMIT + 1])
        context.update(
            {
                "today": today(),
                "days": DUE_SOON_DAYS,
                "overdue": overdue[:PANEL_LIMIT],
                "more_overdue": len(overdue) > PANEL_LIMIT,
                "due_soon": due_soon[:PANEL_LIMIT],
                "more_due_soon": len(due_soon) > PANEL_LIMIT,
            }
        )
        return context
