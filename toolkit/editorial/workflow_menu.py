"""The review actions at the bottom of the edit page, in plain words (a ``construct_page_action_menu``
hook).

Wagtail offers contributors "Submit to Sheet review", "Resubmit to Reviewer check", "Cancel
workflow" and "Restart workflow". They become "Submit for review", "Resubmit for review",
"Withdraw from review" and "Restart review from the first step"; the last is left out while the
changes were requested at the first step, where it would do what "Resubmit for review" does.
Wagtail shares its menu items between requests, so the hook puts relabelled copies in their place.
"""

import copy

from wagtail.admin.action_menu import SubmitForModerationMenuItem

WITHDRAW = "Withdraw from review"
RESTART = "Restart review from the first step"


class SubmitForReviewMenuItem(SubmitForModerationMenuItem):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        state = context["page"].current_workflow_state if context.get("page") else None
        needs_changes = state is not None and state.status == state.STATUS_NEEDS_CHANGES
        context["label"] = "Resubmit for review" if needs_changes else "Submit for review"
        return context


def relabelled(item, label):
    item = copy.copy(item)
    item.label = label
    return item


def changes_requested_at_first_step(page):
    state = page.current_workflow_state if page else None
    if state is None or state.status != state.STATUS_NEEDS_CHANGES or state.current_task_state is None:
        return False
    first = state.workflow.tasks.filter(active=True).first()
    return first is not None and first.pk == state.current_task_state.task_id


def plain_review_actions(menu_items, request, context):
    page = context.get("page")
    for index, item in reversed(list(enumerate(menu_items))):
        if item.name == "action-submit":
            menu_items[index] = SubmitForReviewMenuItem(order=item.order)
        elif item.name == "action-cancel-workflow":
            menu_items[index] = relabelled(item, WITHDRAW)
        elif item.name == "action-restart-workflow":
            if changes_requested_at_first_step(page):
                del menu_items[index]
            else:
                menu_items[index] = relabelled(item, RESTART)
