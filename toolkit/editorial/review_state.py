"""Where a page stands in the "Sheet review" workflow, with the people who acted on it.

Wagtail keeps the facts (a ``WorkflowState`` per submission, a ``TaskState`` per step, each with
who finished it, when and with what comment) but words them for developers: "In Moderation",
"rejected", and a request for changes headed with the name of the person who *submitted* the
sheet. The notice on the edit page, the status panel, the confirmation messages and the emails
read the facts from here, so all of them name the same people in the same words.
"""

from dataclasses import dataclass
from datetime import datetime

from wagtail.admin.utils import get_user_display_name
from wagtail.models import GroupApprovalTask, TaskState, WorkflowState


@dataclass(frozen=True)
class ChangesRequested:
    """A reviewer's request for changes that the author has not answered yet."""

    comment: str
    by: str
    at: datetime
    step: str


@dataclass(frozen=True)
class ReviewStatus:
    """One line of the status panel: what is happening, since when, and because of whom."""

    title: str
    person: str
    since: datetime


def changes_requested(page):
    """The outstanding request for changes on ``page``, or None once it is resubmitted or withdrawn."""
    state = (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        .select_related("current_task_state__finished_by", "current_task_state__task")
        .first()
    )
    task_state = state.current_task_state if state else None
    if task_state is None or task_state.status != TaskState.STATUS_REJECTED:
        return None
    return ChangesRequested(
        comment=task_state.comment.strip(),
        by=get_user_display_name(task_state.finished_by) or "A reviewer",
        at=task_state.finished_at,
        step=task_state.task.name,
    )


def sent_by(workflow_state):
    """Who sent the page to the step it is at: whoever approved the step before, else the person
    who submitted it (also after a resubmission, which follows a request for changes)."""
    last_finished = (
        workflow_state.task_states.exclude(finished_at=None)
        .exclude(status=TaskState.STATUS_CANCELLED)
        .select_related("finished_by")
        .order_by("-finished_at")
        .first()
    )
    if last_finished and last_finished.status == TaskState.STATUS_APPROVED and last_finished.finished_by:
        return last_finished.finished_by
    return workflow_state.requested_by


def review_status(workflow_state):
    """The status panel's line for a page in the workflow (Wagtail's says "In Moderation", dated
    from the submission, even while the author has changes to make)."""
    task_state = workflow_state.current_task_state
    if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES and task_state:
        return ReviewStatus(
            "Changes requested", get_user_display_name(task_state.finished_by), task_state.finished_at
        )
    since = task_state.started_at if task_state else workflow_state.created_at
    return ReviewStatus("In review", get_user_display_name(sent_by(workflow_state)), since)


def is_final_step(workflow_state, task):
    """Whether approving ``task`` ends the workflow (for this site, publishes the sheet)."""
    tasks = list(workflow_state.workflow.tasks.filter(active=True))
    return bool(tasks) and tasks[-1].pk == task.pk


def who_acts(task):
    """The people a step waits for, as a reader would say it: "the Reviewers", "the Editors"."""
    specific = task.specific
    if isinstance(specific, GroupApprovalTask):
        names = [f"the {name}" for name in specific.groups.order_by("name").values_list("name", flat=True)]
        if names:
            return " and ".join(names)
    return f"the people who do “{task.name}”"


def signed_off_by(page):
    """Who gave the final approval that published ``page`` most recently."""
    last = (
        TaskState.objects.for_instance(page)
        .filter(status=TaskState.STATUS_APPROVED, workflow_state__status=WorkflowState.STATUS_APPROVED)
        .select_related("finished_by")
        .order_by("-finished_at")
        .first()
    )
    return get_user_display_name(last.finished_by) if last else ""


@dataclass(frozen=True)
class WaitingStep:
    """What the people of a step are told when a page reaches it."""

    heading: str
    lead: str


def waiting_step(page, task):
    """For the email to the people of ``task``, which ``page`` has just reached. Wagtail sends it
    while the workflow still points at the step before, so the step comes from the email."""
    state = page.current_workflow_state
    title = page.get_admin_display_title()
    sender = get_user_display_name(sent_by(state)) if state else ""
    if state is not None and is_final_step(state, task):
        return WaitingStep(
            "Ready for sign-off",
            f"{sender or 'A reviewer'} approved “{title}”. It now waits for your sign-off: "
            "approving it publishes it.",
        )
    resubmitted = state is not None and state.task_states.filter(status=TaskState.STATUS_REJECTED).exists()
    done = "resubmitted" if resubmitted else "submitted"
    after = " after the changes that were asked for" if resubmitted else ""
    return WaitingStep(
        "Submitted for review",
        f"{sender or 'Someone'} {done} “{title}” for review{after}. Please read it, then approve "
        "it or request changes.",
    )
