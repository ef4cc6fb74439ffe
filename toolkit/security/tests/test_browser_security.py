"""In a real browser: hostile text sent through every public form is shown as text in the admin and
never runs, and no page breaks the Content-Security-Policy."""

import pytest
from playwright.sync_api import expect

from toolkit.tests.browser import sign_in

PAYLOAD = '<script>window.__xss=1;alert("xss")</script><img src=x onerror="window.__xss=2;alert(2)">'


@pytest.fixture
def watched(page):
    """The page, recording any dialog (alert) and any CSP violation it reports."""
    page.dialogs = []
    page.csp_errors = []

    def on_dialog(dialog):
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on(
        "console",
        lambda message: (
            page.csp_errors.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return page


def assert_nothing_ran(page):
    assert page.dialogs == []
    assert page.evaluate("window.__xss") is None


@pytest.mark.browser
def test_xss_sent_through_every_public_form_is_shown_escaped_in_the_admin_and_never_runs(
    watched, live_site, site_url, django_user_model
):
    page = watched
    # 1. "Is this page useful?" on a sheet: No, then the short form.
    page.goto(site_url(live_site.definition.url))
    feedback = page.locator(".useful-bar")
    feedback.get_by_role("button", name="No this page is not useful").click()
    feedback.get_by_label("What went wrong? (optional)").fill(PAYLOAD)
    feedback.get_by_role("button", name="Send").click()
    expect(feedback.get_by_text("Thank you for your feedback")).to_be_visible()

    # 2. "Suggest a change" from the sheet.
    page.goto(site_url(live_site.definition.url))
    page.get_by_role("link", name="Suggest a change to this sheet").click()
    page.get_by_label("What should we change?").fill(PAYLOAD)
    page.get_by_role("button", name="Send suggestion").click()
    expect(page.locator("h1")).to_have_text("Thank you for your suggestion")

    # 3. "Suggest a sheet" from the footer.
    page.locator(".site-footer").get_by_role("link", name="Suggest a sheet").click()
    page.get_by_label("What should the new sheet be about?").fill(PAYLOAD[:150])
    page.get_by_label("Why would it help, and who would use it?").fill(PAYLOAD)
    page.get_by_role("button", name="Send suggestion").click()
    expect(page.locator("h1")).to_have_text("Thank you for your suggestion")
    assert_nothing_ran(page)

    # The admin shows all three as text.
    sign_in(page, site_url, django_user_model)
    from toolkit.feedback.models import PageFeedback, Suggestion

    views = ["/admin/snippets/feedback/suggestion/", "/admin/snippets/feedback/pagefeedback/"]
    views += [f"/admin/snippets/feedback/suggestion/inspect/{s.pk}/" for s in Suggestion.objects.all()]
    views += [f"/admin/snippets/feedback/pagefeedback/inspect/{a.pk}/" for a in PageFeedback.objects.all()]
    views += ["/admin/reports/sheet-feedback/"]
    assert len(views) == 6
    for path in views:
        page.goto(site_url(path))
        if "report" not in path:
            expect(
                page.get_by_text('<script>window.__xss=1;alert("xss")</script>', exact=False).first
            ).to_be_visible()
        assert page.locator("img[src=x]").count() == 0, path
        assert_nothing_ran(page)


PUBLIC = ["home", "definition", "method", "suggest", "change", "glossary", "search", "contact"]


@pytest.mark.browser
@pytest.mark.parametrize("name", PUBLIC)
def test_public_pages_work_under_the_content_security_policy(watched, shared_site, shared_url, name):
    path = {
        "home": shared_site.home.url,
        "definition": shared_site.definition.url,
        "method": shared_site.method.url,
        "suggest": "/suggest/",
        "change": f"/suggest/change/?sheet={shared_site.definition.pk}",
        "glossary": shared_site.glossary.url,
        "search": "/search/?q=plan",
        "contact": shared_site.contact.url,
    }[name]
    response = watched.goto(shared_url(path))
    assert "script-src 'self'" in response.headers["content-security-policy"]
    if name == "definition":  # the glossary's script ran: inline definitions became buttons
        expect(watched.locator("button.glossary-inline__term").first).to_be_visible()
    assert watched.csp_errors == []


@pytest.mark.browser
def test_the_admin_works_under_its_policy(watched, live_site, site_url, django_user_model):
    sign_in(watched, site_url, django_user_model)
    for path in [
        "/admin/",
        f"/admin/pages/{live_site.definition.pk}/edit/",
        "/admin/snippets/editorial/law/",
    ]:
        watched.goto(site_url(path))
        watched.wait_for_load_state("networkidle")
    # The page editor's JavaScript ran: its tabs are live.
    watched.goto(site_url(f"/admin/pages/{live_site.definition.pk}/edit/"))
    watched.get_by_role("tab", name="Promote").click()
    expect(watched.get_by_label("Slug")).to_be_visible()
    assert watched.csp_errors == []
