"""In a real browser, the whole editing journey of a small team: a contributor writes a sheet and
submits it, a reviewer requests changes, the contributor reads the comment at the top of the edit
page and resubmits, the reviewer approves and an editor signs it off, and the sheet is live.

Screenshots of the key steps go to /tmp/journey/ (for the people who review the journey, not
for the assertions).
"""

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect
from wagtail.models import Page

from toolkit.editorial.roles import CONTRIBUTORS, EDITORS, REVIEWERS, setup_roles

PASSWORD = "a-long-journey-password-1"
SHOTS = Path("/tmp/journey")
COMMENT = "Please say who can buy shares, and link to the FCA guidance."


def person(username, first_name, group, superuser=False):
    User = get_user_model()
    make = User.objects.create_superuser if superuser else User.objects.create_user
    user = make(
        username=username,
        password=PASSWORD,
        email=f"{username}@example.org",
        first_name=first_name,
        last_name=group.rstrip("s"),
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def sign_in(page, site_url, username):
    page.context.clear_cookies()
    page.goto(site_url("/admin/login/"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.wait_for_timeout(600)  # let the admin's slide and fade transitions end
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def choose(page, action):
    """An action from the menu at the bottom of the edit page (behind "More actions")."""
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=action, exact=True).click()


def classify(page, topic, audience):
    """Tick the sheet's topic and audience (a sheet needs both before it is submitted), on their
    own tab when the form has one."""
    tab = page.get_by_role("tab", name="Classify and review")
    if tab.count():
        tab.click()
    for name in (topic, audience):
        page.get_by_role("checkbox", name=re.compile(f"^{re.escape(name)}$", re.IGNORECASE)).check()
    page.get_by_role("tab").first.click()


def take_mail():
    sent = [(message.to[0], message.subject) for message in mail.outbox]
    mail.outbox.clear()
    return sent


@pytest.mark.browser
def test_a_sheet_goes_from_draft_through_review_and_changes_to_live(page, live_site, site_url):
    setup_roles()
    person("casey", "Casey", CONTRIBUTORS)
    person("robin", "Robin", REVIEWERS)
    person("eden", "Eden", EDITORS, superuser=True)  # like the demo editor, who has every right
    messages = page.locator(".messages")

    # 1. The contributor writes a new sheet and submits it for review.
    sign_in(page, site_url, "casey")
    page.goto(site_url(f"/admin/pages/add/sheets/definitionsheetpage/{live_site.section.pk}/"))
    page.locator("#id_title").fill("Community Shares")
    page.locator("#id_term").fill("Community shares")
    page.locator("#id_summary").fill("Shares that local people buy to own a shop, pub or hall together.")
    classify(page, live_site.topic.name, live_site.audience.name)
    choose(page, "Submit for review")
    expect(messages).to_contain_text("Submitted for review: “Community Shares” now waits for the Reviewers.")
    shot(page, "1-submitted")
    assert take_mail() == [("robin@example.org", "Submitted for review: “Community Shares”")]
    sheet = Page.objects.get(slug="community-shares")
    edit_url = site_url(f"/admin/pages/{sheet.pk}/edit/")

    # 2. The reviewer finds it on the dashboard and requests changes, with a comment.
    sign_in(page, site_url, "robin")
    expect(page.get_by_role("region", name="Awaiting your review")).to_contain_text("Community Shares")
    page.goto(edit_url)
    choose(page, "Request changes")
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Comment").fill(COMMENT)
    shot(page, "2-request-changes")
    dialog.get_by_role("button", name="Request changes").click()
    expect(messages).to_contain_text("Changes requested: “Community Shares” goes back to Casey Contributor")
    assert take_mail() == [("casey@example.org", "Changes requested: “Community Shares”")]

    # 3. The contributor reads the comment first thing on the edit page, edits and resubmits.
    sign_in(page, site_url, "casey")
    page.goto(edit_url)
    notice = page.get_by_role("region", name="Changes requested by Robin Reviewer")
    expect(notice).to_be_in_viewport()
    expect(notice).to_contain_text(COMMENT)
    shot(page, "3-contributor-sees-comment")
    page.locator('[data-side-panel-toggle="status"]').click()
    status = page.locator("[data-side-panel='status']")
    expect(status).to_contain_text("Changes requested")
    expect(status).to_contain_text("by Robin Reviewer")
    expect(status).not_to_contain_text("In Moderation")
    shot(page, "3b-status-panel")
    status.get_by_role("button", name="Review steps").click()
    steps = page.get_by_role("dialog", name="Sheet review")
    expect(steps).to_contain_text("Changes requested")
    expect(steps).to_contain_text("by Robin Reviewer")
    shot(page, "3c-review-steps")
    page.keyboard.press("Escape")
    page.locator('[data-side-panel-toggle="status"]').click()
    page.locator("#id_summary").fill(
        "Shares that local people buy to own a shop, pub or hall together. Anyone over 16 can buy them."
    )
    page.get_by_role("button", name="More actions").click()
    shot(page, "4-contributor-actions")
    expect(page.get_by_role("button", name="Withdraw from review")).to_be_visible()
    expect(page.get_by_role("button", name="Cancel workflow")).to_have_count(0)
    expect(page.get_by_role("button", name="Restart workflow")).to_have_count(0)
    page.get_by_role("button", name="Resubmit for review", exact=True).click()
    expect(messages).to_contain_text(
        "Resubmitted for review: “Community Shares” now waits for the Reviewers again."
    )
    assert take_mail() == [("robin@example.org", "Submitted for review: “Community Shares”")]

    # 4. The reviewer approves: it goes to the editors, who are told once.
    sign_in(page, site_url, "robin")
    page.goto(edit_url)
    expect(page.get_by_role("region", name="Changes requested by Robin Reviewer")).to_have_count(0)
    choose(page, "Approve")
    expect(messages).to_contain_text(
        "Approved: “Community Shares” now waits for the Editors (Editor sign-off)."
    )
    assert take_mail() == [("eden@example.org", "Ready for sign-off: “Community Shares”")]

    # 5. The editor signs it off, which publishes it, and follows "View live".
    sign_in(page, site_url, "eden")
    page.goto(edit_url)
    choose(page, "Approve and Publish")
    expect(messages).to_contain_text("Published: “Community Shares” is live.")
    shot(page, "5-published")
    assert take_mail() == [("casey@example.org", "Published: “Community Shares”")]
    messages.get_by_role("link", name="View live").click()
    expect(page.locator("h1")).to_have_text("Community Shares")
    expect(page.locator(".sheet__summary")).to_contain_text("Anyone over 16 can buy them.")
    shot(page, "6-live")
