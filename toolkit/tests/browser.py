"""What the browser tests share: a phone-sized window and signing in to the admin."""

PHONE = {"width": 375, "height": 812}
PASSWORD = "a-long-admin-password-1"


def sign_in(page, site_url, django_user_model):
    """A new superuser "admin", signed in through the admin's own login form."""
    django_user_model.objects.create_superuser("admin", "admin@example.org", PASSWORD)
    page.goto(site_url("/admin/login/"))
    page.fill("#id_username", "admin")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
