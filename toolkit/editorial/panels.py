"""The "Sheets to review" panel on the admin dashboard."""

from wagtail.admin.ui.components import Component

from .freshness import DUE_SOON_DAYS, overdue_sheets, sheets_due_soon, today

PANEL_LIMIT = 20


class ReviewDuePanel(Component):
    """Overdue sheets and those due in the next 30 days, so reviews are planned, not forgotten."""

    name = "review_due"
    order = 150
    template_name = "editorial/review_due_panel.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        overdue = list(overdue_sheets()[: PANEL_LIMIT + 1])
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
