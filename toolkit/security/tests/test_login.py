"""Sign-in rate limiting (django-axes) on Wagtail's admin login page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("eve", "eve@example.org", "correct-horse-battery")


def sign_in(client, password, ip="192.0.2.1"):
    return client.post(LOGIN, {"username": "eve", "password": password}, REMOTE_ADDR=ip)


def test_the_right_password_signs_in(client, editor):
    response = sign_in(client, "correct-horse-battery")
    assert response.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_repeated_failures_pause_sign_in_with_a_readable_429(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "wrong").status_code == 200  # the form again, with its error
    locked = sign_in(client, "wrong")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "<h1>Too many sign-in attempts</h1>" in page and "15 minutes" in page
    assert locked["Retry-After"] == "900"
    # Even the right password is refused now, from that address ...
    assert sign_in(client, "correct-horse-battery").status_code == 429
    assert client.get(reverse("wagtailadmin_home")).status_code == 302
    # ... but not from another (a lockout cannot be used to shut an editor out everywhere).
    assert sign_in(client, "correct-horse-battery", ip="192.0.2.2").status_code == 302
