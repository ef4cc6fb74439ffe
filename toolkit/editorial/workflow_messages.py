"""What the admin says after a review action, in plain words (``after_create_page`` and
``after_edit_page`` hooks).

Wagtail confirms every review step from the edit page with "Page '…' has been updated." (even the
sign-off that publishes the sheet, with no "View live"), a submission with "submitted for
moderation" and a withdrawal with "Workflow … has been cancelled". Its views add that message just
before they call these hooks; the hook reads what happened from the workflow and puts its own
message in place of Wagtail's, keeping any other message waiting for the next page.
"""

from django.contrib import messages as django_messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.dateformat import format as format_date
from django.utils.html import escape
from django.utils.timezone import localtime
from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name
from wagtail.models import TaskState, WorkflowState

from .review_state import changes_requested, who_acts


def confirm_review_action(request, page):
    if request.method != "POST":
        return None
    said = what_happened(request, page.specific_class.objects.get(pk=page.pk))
    if said:
        replace_confirmation(request, page, *said)
    return None


def withdraw_locked_page(request, page):
    """Withdraw a page from review for its author while the reviewers have it (a ``before_edit_page``
    hook). The page is locked to the author then, so Wagtail cancels the review without calling
    ``after_edit_page`` and says "Workflow … has been cancelled"; the author cannot save edits
    meanwhile, so nothing is lost by doing the same here and returning to the edit page."""
    if request.method != "POST" or not request.POST.get("action-cancel-workflow"):
        return None
    state = page.current_workflow_state
    lock = page.get_lock()
    if (
        state is None
        or lock is None
        or not lock.for_user(request.user)
        or not state.user_can_cancel(request.user)
    ):
        return None
    state.cancel(user=request.user)
    title = page.get_admin_display_title()
    text = f"Withdrawn from review: “{title}” is a draft again. Submit it for review when it is ready."
    messages.success(request, text)
    return redirect("wagtailadmin_pages:edit", page.pk)


def what_happened(request, page):
    """``(message, buttons)`` for the review action this request took on ``page``, or None."""
    post = request.POST
    state = page.current_workflow_state
    title = page.get_admin_display_title()
    if post.get("action-workflow-action"):
        return after_review_step(post.get("workflow-action-name"), page, state, title)
    if post.get("action-cancel-workflow") and state is None:
        text = f"Withdrawn from review: “{title}” is a draft again. Submit it for review when it is ready."
        return text, [edit_button(page)]
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return None
    waiting = who_acts(state.current_task_state.task)
    if post.get("action-restart-workflow"):
        text = f"Submitted for review again, from the first step: “{title}” now waits for {waiting}."
    elif post.get("action-submit"):
        resubmitted = state.task_states.filter(status=TaskState.STATUS_REJECTED).exists()
        again = " again" if resubmitted else ""
        verb = "Resubmitted" if resubmitted else "Submitted"
        text = f"{verb} for review: “{title}” now waits for {waiting}{again}."
    else:
        return None
    return text, [draft_button(page), edit_button(page)]


def after_review_step(action, page, state, title):
    if action == "reject":
        request_for_changes = changes_requested(page)
        if request_for_changes is None:
            return None
        author = get_user_display_name(state.requested_by) or "its author"
        text = (
            f"Changes requested: “{title}” goes back to {author}, who will find your comment "
            "at the top of its edit page."
        )
        return text, [edit_button(page)]
    if action != "approve":
        return None
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        task = state.current_task_state.task
        return f"Approved: “{title}” now waits for {who_acts(task)} ({task.name}).", [edit_button(page)]
    if state is None and page.live and not page.has_unpublished_changes:
        buttons = [live_button(page)] if page.url else []
        return f"Published: “{title}” is live.", buttons + [edit_button(page)]
    if state is None and page.go_live_at:
        when = format_date(localtime(page.go_live_at), "j F Y, H:i")
        return f"Approved: “{title}” will be published on {when}.", [edit_button(page)]
    return None


def replace_confirmation(request, page, text, buttons):
    """Put ``text`` in place of the confirmation Wagtail has just added (the last message, naming
    the page); any other message is kept. Reading the storage marks every message in it as shown,
    so only those added again afterwards reach the next page."""
    pending = list(django_messages.get_messages(request))
    last = pending[-1] if pending else None
    if (
        last
        and last.level == django_messages.SUCCESS
        and escape(page.get_admin_display_title()) in last.message
    ):
        pending.pop()
    for message in pending:
        django_messages.add_message(request, message.level, message.message, extra_tags=message.extra_tags)
    messages.success(request, text, buttons=buttons)


def edit_button(page):
    return messages.button(reverse("wagtailadmin_pages:edit", args=[page.pk]), "Edit")


def draft_button(page):
    return messages.button(reverse("wagtailadmin_pages:view_draft", args=[page.pk]), "View draft")


def live_button(page):
    return messages.button(page.url, "View live")
