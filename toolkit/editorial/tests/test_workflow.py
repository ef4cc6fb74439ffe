"""Roles and the two-step moderation workflow, through the real admin views."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, TaskState, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from toolkit.editorial.roles import EDITORS, REVIEWERS, WORKFLOW_NAME, setup_roles
from toolkit.taxonomy.models import Audience, Topic
from toolkit.tests import factories as f

pytestmark = pytest.mark.django_db


def edit_data(sheet, action):
    """What the admin's edit form posts for a Definition sheet (as a browser with JavaScript would)."""
    return nested_form_data(
        {
            "title": sheet.title,
            "slug": sheet.slug,
            "term": sheet.term,
            "other_names": sheet.other_names,
            "summary": sheet.summary,
            "body": streamfield(
                [("heading", "In more detail"), ("paragraph", rich_text("<p>Plain words.</p>"))]
            ),
            "key_facts": inline_formset([]),
            "links_out": inline_formset([]),
            "see_also": inline_formset([]),
            "comments": inline_formset([]),
            "last_reviewed": "2026-10-01",
            "review_due": "2027-10-01",
            "link_glossary_terms": "on",
        }
    ) | {
        action: "yes",
        # Publishing, or submitting to be published, needs a topic and an audience (#16).
        "topics": [str(pk) for pk in Topic.objects.values_list("pk", flat=True)[:1]],
        "audiences": [str(pk) for pk in Audience.objects.values_list("pk", flat=True)[:1]],
    }


@pytest.fixture
def draft(site, contributor):
    """A new sheet the contributor drafted (never published)."""
    sheet = f.DefinitionSheetPageFactory(
        parent=site.section, title="Community Shares", slug="community-shares", live=False, owner=contributor
    )
    sheet.save_revision(user=contributor)
    return sheet


def test_setup_roles_makes_three_groups_and_a_two_step_workflow_and_is_idempotent(workflow, site):
    assert [task.name for task in workflow.tasks] == ["Reviewer check", "Editor sign-off"]
    assert [list(task.specific.groups.values_list("name", flat=True)) for task in workflow.tasks] == [
        [REVIEWERS],
        [EDITORS],
    ]
    assert WorkflowPage.objects.get(page=site.home).workflow == workflow
    assert site.definition.get_workflow() == workflow
    counts = (Group.objects.count(), GroupPagePermission.objects.count(), workflow.workflow_tasks.count())
    assert setup_roles() == workflow
    assert (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        workflow.workflow_tasks.count(),
    ) == counts
    assert workflow.name == WORKFLOW_NAME


def test_who_may_publish(draft, contributor, reviewer, editor):
    assert draft.permissions_for_user(contributor).can_edit()
    assert not draft.permissions_for_user(contributor).can_publish()
    assert not draft.permissions_for_user(reviewer).can_publish()
    assert draft.permissions_for_user(editor).can_publish()
    assert editor.has_perm("taxonomy.change_topic") and editor.has_perm("glossary.change_term")
    assert editor.has_perm("core.change_toolkitsettings")
    assert not contributor.has_perm("taxonomy.change_topic")
    assert not reviewer.has_perm("core.change_toolkitsettings")


def test_a_contributor_cannot_publish(client, draft, contributor):
    client.force_login(contributor)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]), edit_data(draft, "action-publish")
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert not draft.live
    assert draft.live_revision is None
    assert draft.has_unpublished_changes
    assert not WorkflowState.objects.for_instance(draft).exists()


def test_a_contributor_cannot_edit_other_peoples_sheets(client, site, contributor):
    client.force_login(contributor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[site.definition.pk]))
    assert response.status_code in (302, 403)


def submit(client, draft, contributor):
    client.force_login(contributor)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]), edit_data(draft, "action-submit")
    )
    assert response.status_code == 302, response.content[:2000]
    return WorkflowState.objects.for_instance(draft).get()


def act(client, user, sheet, state, action, comment=""):
    client.force_login(user)
    url = reverse("wagtailadmin_pages:workflow_action", args=[sheet.pk, action, state.current_task_state.pk])
    return client.post(url, {"comment": comment})


def test_a_reviewers_rejection_returns_the_sheet_with_its_comment(client, draft, contributor, reviewer):
    state = submit(client, draft, contributor)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Reviewer check"

    comment = "Please explain who can buy shares, and link to the FCA guidance."
    response = act(client, reviewer, draft, state, "reject", comment)
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state = TaskState.objects.get(workflow_state=state)
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == comment
    draft.refresh_from_db()
    assert not draft.live

    # The contributor sees the request for changes, with the reviewer's words, on the sheet's edit page.
    client.force_login(contributor)
    page = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert "Changes requested" in page or "changes requested" in page.lower()
    assert comment in page


def test_a_sheet_is_published_only_after_reviewer_then_editor_approve(
    client, draft, contributor, reviewer, editor
):
    state = submit(client, draft, contributor)
    act(client, editor, draft, state, "approve")  # editors are not the first step's group
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Reviewer check"

    act(client, reviewer, draft, state, "approve", "Reads well.")
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Editor sign-off"
    draft.refresh_from_db()
    assert not draft.live

    act(client, editor, draft, state, "approve")
    state.refresh_from_db()
    draft.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert draft.live


def test_the_setup_roles_command(site):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("setup_roles", stdout=out)
    assert "Workflow “Sheet review”: Reviewer check then Editor sign-off" in out.getvalue()
    assert set(Group.objects.values_list("name", flat=True)) >= {"Contributors", REVIEWERS, EDITORS}
