"""Two-factor authentication in the admin, with real TOTP codes."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("eve", "eve@example.org", PASSWORD)


def code(device, offset=0):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset):06d}"


def sign_in(client):
    return client.post("/admin/login/", {"username": "eve", "password": PASSWORD})


def turn_on(client):
    setup = client.get(reverse("two_factor_setup"))
    assert setup.status_code == 200
    assert "<svg" in setup.content.decode()  # the QR code
    device = TOTPDevice.objects.get(confirmed=False)
    device.used_code = code(device)
    response = client.post(reverse("two_factor_setup"), {"password": PASSWORD, "code": device.used_code})
    assert response.status_code == 302
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    return device


def test_setting_up_needs_the_password_and_a_working_code(client, editor):
    sign_in(client)
    client.get(reverse("two_factor_setup"))
    device = TOTPDevice.objects.get()
    wrong_password = client.post(reverse("two_factor_setup"), {"password": "nope", "code": code(device)})
    assert (
        wrong_password.status_code == 400 and "That is not your password." in wrong_password.content.decode()
    )
    wrong_code = client.post(
        reverse("two_factor_setup"),
        {"password": PASSWORD, "code": "000000" if code(device) != "000000" else "111111"},
    )
    assert wrong_code.status_code == 400 and "That code did not work." in wrong_code.content.decode()
    not_digits = client.post(reverse("two_factor_setup"), {"password": PASSWORD, "code": "<b>1</b>"})
    assert not_digits.status_code == 400 and "Enter the 6 digits" in not_digits.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()


def test_after_signing_in_a_user_with_2fa_must_enter_a_code(client, editor):
    sign_in(client)
    device = turn_on(client)
    client.post(reverse("wagtailadmin_logout"))

    sign_in(client)
    blocked = client.get(reverse("wagtailadmin_explore_root"))
    assert blocked.status_code == 302 and blocked["Location"].startswith(reverse("two_factor_verify"))
    verify_url = blocked["Location"]
    assert client.get(verify_url).status_code == 200
    assert client.post(verify_url, {"code": "12345"}).status_code == 400
    # The code used to turn 2FA on cannot be used again; the next one (within the clock's tolerance) can.
    assert client.post(verify_url, {"code": device.used_code}).status_code == 400
    device.refresh_from_db()
    device.throttle_reset()
    done = client.post(verify_url, {"code": code(device, 1), "next": reverse("wagtailadmin_explore_root")})
    assert done.status_code == 302 and done["Location"] == reverse("wagtailadmin_explore_root")
    assert client.get(reverse("wagtailadmin_explore_root")).status_code == 200


def test_the_verify_page_will_not_redirect_off_site(client, editor):
    sign_in(client)
    device = turn_on(client)
    client.post(reverse("wagtailadmin_logout"))
    sign_in(client)
    done = client.post(
        reverse("two_factor_verify"), {"code": code(device, 1), "next": "https://evil.example/"}
    )
    assert done["Location"] == reverse("wagtailadmin_home")


def test_users_without_2fa_are_not_asked_unless_it_is_required(client, editor, settings):
    sign_in(client)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    settings.TWO_FACTOR_REQUIRED = True
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302 and response["Location"] == reverse("two_factor_setup")
    assert client.get(reverse("two_factor_setup")).status_code == 200


def test_public_pages_are_never_gated(client, editor, site):
    sign_in(client)
    turn_on(client)
    client.post(reverse("wagtailadmin_logout"))
    sign_in(client)
    assert client.get(site.definition.url).status_code == 200


def test_turning_it_off_needs_the_password_and_a_code(client, editor):
    sign_in(client)
    device = turn_on(client)
    assert client.post(reverse("two_factor_turn_off"), {"password": PASSWORD, "code": "x"}).status_code == 400
    assert TOTPDevice.objects.exists()
    response = client.post(reverse("two_factor_turn_off"), {"password": PASSWORD, "code": code(device, 1)})
    assert response.status_code == 302
    assert not TOTPDevice.objects.exists()


@pytest.fixture
def members_only(site):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=site.about, restriction_type=PageViewRestriction.LOGIN)
    return site.about


def test_a_password_alone_does_not_open_pages_for_signed_in_users(client, editor, members_only):
    sign_in(client)
    device = turn_on(client)
    client.post(reverse("wagtailadmin_logout"))
    sign_in(client)  # the password, but no code yet
    blocked = client.get(members_only.url)
    assert blocked.status_code == 302 and blocked["Location"].startswith(reverse("two_factor_verify"))
    assert "no-cache" in blocked["Cache-Control"] or "max-age=0" in blocked["Cache-Control"]
    device.refresh_from_db()
    device.throttle_reset()
    client.post(blocked["Location"], {"code": code(device, 1), "next": members_only.url})
    assert client.get(members_only.url).status_code == 200


def test_when_required_a_user_without_an_app_sets_one_up_first(client, editor, members_only, settings):
    settings.TWO_FACTOR_REQUIRED = True
    sign_in(client)
    blocked = client.get(members_only.url)
    assert blocked.status_code == 302 and blocked["Location"] == reverse("two_factor_setup")


def test_without_two_factor_signed_in_pages_open_as_before(client, editor, members_only):
    sign_in(client)
    assert client.get(members_only.url).status_code == 200
