"""The review workflow in plain words: the request for changes at the top of the edit page, the
emails (who gets them, what they say), the confirmations after each step, the action menu and
the status panel; through the real admin views and Wagtail's own workflow calls."""

import hashlib
import json
import re
from pathlib import Path

import pytest
import wagtail
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from toolkit.editorial.roles import EDITORS
from toolkit.tests import factories as f

from .test_workflow import edit_data

pytestmark = pytest.mark.django_db

COMMENT = "Please say who can buy shares, and link to the FCA guidance."


def named(user, first_name, last_name):
    user.first_name, user.last_name, user.email = first_name, last_name, f"{user.username}@example.org"
    user.save()
    return user


@pytest.fixture
def team(contributor, reviewer, editor):
    """Casey Contributor, Robin Reviewer, Eden Editor, and Ada, an editor with every right (as the
    demo editor is), who was mailed about the reviewers' step as well as her own."""
    ada = get_user_model().objects.create_superuser("ada", "ada@example.org", "not-a-real-password-1")
    ada.groups.add(Group.objects.get(name=EDITORS))
    named(ada, "Ada", "Admin")
    return {
        "casey": named(contributor, "Casey", "Contributor"),
        "robin": named(reviewer, "Robin", "Reviewer"),
        "eden": named(editor, "Eden", "Editor"),
        "ada": ada,
    }


@pytest.fixture
def sheet(site, team):
    sheet = f.DefinitionSheetPageFactory(
        parent=site.section,
        title="Community Shares",
        slug="community-shares",
        live=False,
        owner=team["casey"],
        topics=[site.topic],
        audiences=[site.audience],
    )
    sheet.save_revision(user=team["casey"])
    return sheet


def submit(sheet, user):
    return sheet.get_workflow().start(sheet, user)


def finish_step(state, user, action, comment=""):
    task_state = WorkflowState.objects.get(pk=state.pk).current_task_state.specific
    getattr(task_state, action)(user=user, comment=comment)
    state.refresh_from_db()
    return state


def outbox():
    sent = sorted((message.to[0], message.subject, message.body) for message in mail.outbox)
    mail.outbox.clear()
    return sent


def edit_page(client, user, sheet):
    client.force_login(user)
    return client.get(reverse("wagtailadmin_pages:edit", args=[sheet.pk])).content.decode()


def notices(html):
    """The text of the notices panel at the top of the edit form."""
    found = re.findall(r'<section class="help-block[^"]*".*?</section>', html, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", block)).strip() for block in found]


# The request for changes at the top of the edit page -----------------------------------------------


def test_the_author_reads_the_request_for_changes_first_with_who_and_when(client, sheet, team):
    state = submit(sheet, team["casey"])
    assert not any("Changes requested" in text for text in notices(edit_page(client, team["casey"], sheet)))

    finish_step(state, team["robin"], "reject", COMMENT)
    shown = notices(edit_page(client, team["casey"], sheet))
    assert shown, "no notice on the edit page"
    first = shown[0]
    assert first.startswith("Changes requested by Robin Reviewer")
    assert COMMENT in first
    finished_at = state.current_task_state.finished_at
    assert f"{finished_at.astimezone().day} " in first and "Reviewer check" in first
    assert "Resubmit for review" in first
    # Anyone who edits the sheet meanwhile (here the reviewer) reads it too.
    assert notices(edit_page(client, team["robin"], sheet))[0] == first


def test_the_notice_goes_once_the_sheet_is_resubmitted(client, sheet, team):
    state = finish_step(submit(sheet, team["casey"]), team["robin"], "reject", COMMENT)
    state.resume(user=team["casey"])
    assert not any("Changes requested" in text for text in notices(edit_page(client, team["casey"], sheet)))


def test_a_request_for_changes_without_a_comment_says_so(client, sheet, team):
    finish_step(submit(sheet, team["casey"]), team["robin"], "reject")
    assert "Robin Reviewer left no comment." in notices(edit_page(client, team["casey"], sheet))[0]


# Emails --------------------------------------------------------------------------------------------


def test_a_submission_mails_the_reviewers_only_in_plain_words(sheet, team):
    submit(sheet, team["casey"])
    sent = outbox()
    assert [(to, subject) for to, subject, _ in sent] == [
        ("robin@example.org", "Submitted for review: “Community Shares”")
    ]
    body = sent[0][2]
    assert "Casey Contributor submitted “Community Shares” for review." in body
    assert f"/admin/pages/{sheet.pk}/edit/" in body
    assert "moderation" not in body


def test_a_request_for_changes_mails_the_author_with_the_comment_never_rejected(sheet, team):
    state = submit(sheet, team["casey"])
    outbox()
    finish_step(state, team["robin"], "reject", COMMENT)
    [(to, subject, body)] = outbox()
    assert (to, subject) == ("casey@example.org", "Changes requested: “Community Shares”")
    assert "Robin Reviewer has asked for changes to “Community Shares” at “Reviewer check”." in body
    assert COMMENT in body
    assert "Resubmit for review" in body
    assert "reject" not in (subject + body).lower()

    state.resume(user=team["casey"])
    [(to, subject, body)] = outbox()
    assert (to, subject) == ("robin@example.org", "Submitted for review: “Community Shares”")
    assert "Casey Contributor resubmitted “Community Shares” for review after the changes" in body


def test_the_editors_are_mailed_once_for_their_own_step(sheet, team):
    state = submit(sheet, team["casey"])
    outbox()
    finish_step(state, team["robin"], "approve")
    sent = outbox()
    assert [(to, subject) for to, subject, _ in sent] == [
        ("ada@example.org", "Ready for sign-off: “Community Shares”"),
        ("eden@example.org", "Ready for sign-off: “Community Shares”"),
    ]
    assert "Robin Reviewer approved “Community Shares”." in sent[0][2]
    assert "approving it publishes it" in sent[0][2]


def test_the_final_approval_mails_the_author_that_the_sheet_is_live(sheet, team):
    state = finish_step(submit(sheet, team["casey"]), team["robin"], "approve")
    outbox()
    finish_step(state, team["eden"], "approve")
    sheet.refresh_from_db()
    assert sheet.live
    [(to, subject, body)] = outbox()
    assert (to, subject) == ("casey@example.org", "Published: “Community Shares”")
    assert "Eden Editor signed off “Community Shares” and it is now live:" in body
    assert sheet.full_url in body


# Confirmations after each step, and the action menu -------------------------------------------------


def post_edit(client, user, sheet, site, action, **extra):
    client.force_login(user)
    data = edit_data(sheet, action) | {"topics": [site.topic.pk], "audiences": [site.audience.pk]} | extra
    response = client.post(reverse("wagtailadmin_pages:edit", args=[sheet.pk]), data, follow=True)
    assert response.status_code == 200
    return [str(message.message) for message in response.context["messages"]]


def review_step(client, user, sheet, site, name, comment=""):
    extra = {"workflow-action-name": name, "workflow-action-extra-data": json.dumps({"comment": comment})}
    return post_edit(client, user, sheet, site, "action-workflow-action", **extra)


def one_message(said):
    assert len(said) == 1, said
    assert "has been updated" not in said[0] and "moderation" not in said[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", said[0])).strip()


def test_each_step_is_confirmed_in_plain_words_and_the_sign_off_offers_view_live(client, sheet, site, team):
    said = one_message(post_edit(client, team["casey"], sheet, site, "action-submit"))
    assert said.startswith("Submitted for review: “Community Shares” now waits for the Reviewers.")

    said = one_message(review_step(client, team["robin"], sheet, site, "reject", COMMENT))
    assert said.startswith("Changes requested: “Community Shares” goes back to Casey Contributor")

    said = one_message(post_edit(client, team["casey"], sheet, site, "action-submit"))
    assert said.startswith("Resubmitted for review: “Community Shares” now waits for the Reviewers again.")

    said = one_message(review_step(client, team["robin"], sheet, site, "approve"))
    assert said.startswith("Approved: “Community Shares” now waits for the Editors (Editor sign-off).")

    [message] = review_step(client, team["eden"], sheet, site, "approve")
    sheet.refresh_from_db()
    assert sheet.live
    assert one_message([message]).startswith("Published: “Community Shares” is live.")
    assert re.search(rf'href="{re.escape(sheet.url)}"[^>]*>\s*View live', message), message


def test_withdrawing_from_review_is_confirmed_in_plain_words(client, sheet, site, team):
    # While the reviewers have it, the sheet is locked to its author, who may still withdraw it.
    post_edit(client, team["casey"], sheet, site, "action-submit")
    said = one_message(post_edit(client, team["casey"], sheet, site, "action-cancel-workflow"))
    assert said.startswith("Withdrawn from review: “Community Shares” is a draft again.")
    assert sheet.current_workflow_state is None

    # With changes requested it is not locked: the withdrawal saves the author's edits too.
    state = finish_step(submit(sheet, team["casey"]), team["robin"], "reject", COMMENT)
    said = one_message(post_edit(client, team["casey"], sheet, site, "action-cancel-workflow"))
    assert said.startswith("Withdrawn from review: “Community Shares” is a draft again.")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_CANCELLED


def action_buttons(html):
    footer = html[html.index('<footer class="footer') :]
    return re.findall(r"</svg>\s*([^<]+?)\s*</button>", footer)


def test_contributors_see_the_review_actions_in_plain_words(client, sheet, site, team):
    assert "Submit for review" in action_buttons(edit_page(client, team["casey"], sheet))
    state = finish_step(submit(sheet, team["casey"]), team["robin"], "reject", COMMENT)
    buttons = action_buttons(edit_page(client, team["casey"], sheet))
    assert "Withdraw from review" in buttons and "Resubmit for review" in buttons
    assert not {"Cancel workflow", "Restart workflow"} & set(buttons)
    # Changes were requested at the first step, where restarting does what resubmitting does.
    assert "Restart review from the first step" not in buttons

    # Changes requested at sign-off: resubmitting goes back to the editors, restarting to the reviewers.
    state.resume(user=team["casey"])
    finish_step(finish_step(state, team["robin"], "approve"), team["eden"], "reject", "Shorter, please.")
    buttons = action_buttons(edit_page(client, team["casey"], sheet))
    assert {"Resubmit for review", "Restart review from the first step", "Withdraw from review"} <= set(
        buttons
    )


# The status panel ----------------------------------------------------------------------------------


def status_panel(html):
    start = html.index('data-side-panel="status"')
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[start : start + 20000]))


def test_the_status_panel_says_changes_requested_and_names_the_reviewer(client, sheet, team):
    state = submit(sheet, team["casey"])
    waiting = status_panel(edit_page(client, team["casey"], sheet))
    assert "In review" in waiting and "In Moderation" not in waiting

    finish_step(state, team["robin"], "reject", COMMENT)
    panel = status_panel(edit_page(client, team["casey"], sheet))
    assert "Changes requested" in panel and "In Moderation" not in panel
    assert "Review steps" in panel and "View details" not in panel
    # The head of the review dialog names who asked for the changes, not who submitted the sheet.
    assert re.search(r"Changes requested [^<]{0,40}? by Robin Reviewer", panel), panel
    assert "by Casey Contributor" not in panel


def test_the_editors_see_who_sent_the_sheet_to_their_step(client, sheet, team):
    finish_step(submit(sheet, team["casey"]), team["robin"], "approve")
    panel = status_panel(edit_page(client, team["eden"], sheet))
    assert "In review" in panel
    assert re.search(r"Sent to Editor sign-off [^<]{0,40}? by Robin Reviewer", panel), panel


WAGTAIL_STATUS_TEMPLATE = "admin/templates/wagtailadmin/shared/side_panels/includes/status/workflow.html"
WAGTAIL_STATUS_TEMPLATE_SHA256 = "5576087b4e000e63cc647d6c5a758b035381af6886c969d5d3db784d52c3f405"


def test_the_status_panel_copy_is_of_the_wagtail_template_it_changes():
    """toolkit/editorial/templates/wagtailadmin/.../status/workflow.html is Wagtail 8.0.1's template
    with the review line reworded. When an upgrade changes Wagtail's, copy it again and reapply
    the changes (its comment lists them), then update the hash here."""
    source = Path(wagtail.__file__).parent / WAGTAIL_STATUS_TEMPLATE
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    assert digest == WAGTAIL_STATUS_TEMPLATE_SHA256, (
        f"Wagtail {wagtail.__version__} changed {WAGTAIL_STATUS_TEMPLATE}: redo the toolkit's copy"
    )


def test_the_html_emails_say_the_same(settings, sheet, team):
    """Only when WAGTAILADMIN_NOTIFICATION_USE_HTML is on; Wagtail's own would say "rejected"."""
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True
    state = submit(sheet, team["casey"])
    [submitted] = mail.outbox
    finish_step(state, team["robin"], "reject", "Shares & <b>votes</b>, please.")
    rejected = mail.outbox[-1]
    html = {message.subject: message.alternatives[0].content for message in (submitted, rejected)}
    assert "Casey Contributor submitted “Community Shares” for review." in html[submitted.subject]
    body = html["Changes requested: “Community Shares”"]
    assert "Robin Reviewer has asked for changes" in body
    assert "Shares &amp; &lt;b&gt;votes&lt;/b&gt;, please." in body
    assert "reject" not in body.lower()
