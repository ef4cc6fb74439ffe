"""In a real browser: the editor's preview panel shows the sheet at every device size, and
Wagtail's checks panel measures it (the public "no framing" rule once left both blank)."""

import pytest
from playwright.sync_api import expect

PASSWORD = "a-long-admin-password-1"


@pytest.mark.browser
def test_the_preview_panel_renders_the_sheet_at_every_size_and_the_checks_measure_it(
    page, live_site, site_url, django_user_model
):
    django_user_model.objects.create_superuser("admin", "admin@example.org", PASSWORD)
    csp_errors = []
    page.on("console", lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(site_url("/admin/login/"))
    page.fill("#id_username", "admin")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")

    page.goto(site_url(f"/admin/pages/{live_site.definition.pk}/edit/"))
    page.locator('[data-side-panel-toggle="preview"]').click()
    frame = page.frame_locator("#w-preview-iframe")
    for size in ("mobile", "tablet", "desktop"):
        page.locator(f'input[name="preview-size"][value="{size}"]').check(force=True)
        expect(frame.locator("h1")).to_have_text(live_site.definition.title)
        expect(frame.locator(".sheet__summary")).to_be_visible()

    page.locator('[data-side-panel-toggle="checks"]').click()
    words = page.locator("[data-content-word-count]")
    expect(words).not_to_have_text("-")
    assert int(words.inner_text().replace(",", "")) > 10
    expect(page.locator("[data-content-reading-time]")).not_to_have_text("-")
    assert csp_errors == []
