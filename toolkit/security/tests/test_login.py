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


# Behind the proxy every connection comes from 127.0.0.1 (#15).


def sign_in_through_proxy(client, password, forwarded_for):
    return client.post(
        LOGIN,
        {"username": "eve", "password": password},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_rotating_a_made_up_forwarded_address_does_not_reset_the_count(client, editor, settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert (
            sign_in_through_proxy(client, "wrong", f"198.51.100.{attempt}, 203.0.113.66").status_code == 200
        )
    assert sign_in_through_proxy(client, "wrong", "198.51.100.200, 203.0.113.66").status_code == 429


def test_failures_from_elsewhere_through_the_proxy_do_not_lock_the_editor_out(client, editor, settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    for _ in range(settings.AXES_FAILURE_LIMIT):
        # The attacker even claims to be the editor's address.
        sign_in_through_proxy(client, "wrong", "192.0.2.1, 203.0.113.66")
    assert sign_in_through_proxy(client, "correct-horse-battery", "192.0.2.1").status_code == 302


def test_with_x_real_ip_each_reader_is_counted_apart(client, editor, settings):
    settings.CLIENT_IP_HEADER = "X-Real-IP"
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            LOGIN,
            {"username": "eve", "password": "wrong"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_REAL_IP="203.0.113.66",
        )
    response = client.post(
        LOGIN,
        {"username": "eve", "password": "correct-horse-battery"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_REAL_IP="192.0.2.1",
    )
    assert response.status_code == 302
