"""Attempt limits on page passwords, the contact form and password-reset emails (#15)."""

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import PageViewRestriction

from toolkit.feedback.models import MESSAGES_PER_CLIENT
from toolkit.security.limits import PAGE_PASSWORD_TRIES, RESETS_PER_ADDRESS, RESETS_PER_CLIENT

pytestmark = pytest.mark.django_db

RESET = "/admin/password_reset/"


@pytest.fixture
def protected(site):
    restriction = PageViewRestriction.objects.create(
        page=site.about, restriction_type=PageViewRestriction.PASSWORD, password="open-sesame"
    )
    return site.about, f"/_util/authenticate_with_password/{restriction.pk}/{site.about.pk}/"


def guess(client, form_url, password, ip="192.0.2.1"):
    return client.post(form_url, {"password": password, "return_url": "/about/"}, REMOTE_ADDR=ip)


def test_page_password_guesses_are_limited_per_client_and_page(client, protected):
    page, form_url = protected
    for _ in range(PAGE_PASSWORD_TRIES[0]):
        assert guess(client, form_url, "wrong").status_code == 200  # the form again
    refused = guess(client, form_url, "open-sesame")
    assert refused.status_code == 429
    assert "Please wait a little" in refused.content.decode()
    assert refused["Retry-After"] == str(PAGE_PASSWORD_TRIES[1])
    assert not client.session.get(PageViewRestriction.passed_view_restrictions_session_key)
    assert guess(client, form_url, "open-sesame", ip="192.0.2.2").status_code == 302  # another reader


def test_the_right_page_password_still_works_within_the_limit(client, protected):
    page, form_url = protected
    assert guess(client, form_url, "wrong").status_code == 200
    assert guess(client, form_url, "open-sesame").status_code == 302


GOOD_MESSAGE = {
    "your_name": "Sam Resident",
    "your_email_address": "sam@example.org",
    "your_message": "Thanks for the sheets!",
}


def test_contact_messages_are_limited_per_client(client, site):
    for _ in range(MESSAGES_PER_CLIENT[0]):
        assert client.post(site.contact.url, GOOD_MESSAGE, REMOTE_ADDR="192.0.2.1").status_code == 200
    refused = client.post(site.contact.url, GOOD_MESSAGE, REMOTE_ADDR="192.0.2.1")
    assert refused.status_code == 429
    assert "Please wait a little" in refused.content.decode()
    assert FormSubmission.objects.count() == len(mail.outbox) == MESSAGES_PER_CLIENT[0]
    assert client.post(site.contact.url, GOOD_MESSAGE, REMOTE_ADDR="192.0.2.2").status_code == 200


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("eve", "eve@example.org", "correct-horse-battery")


def test_reset_emails_to_one_address_are_limited(client, editor):
    for n in range(RESETS_PER_ADDRESS[0]):
        response = client.post(RESET, {"email": "eve@example.org"}, REMOTE_ADDR=f"192.0.2.{n}")
        assert response.status_code == 302
    refused = client.post(RESET, {"email": "Eve+again@example.org"}, REMOTE_ADDR="192.0.2.99")
    assert refused.status_code == 429
    assert len(mail.outbox) == RESETS_PER_ADDRESS[0]


def test_reset_emails_from_one_client_are_limited(client, editor):
    for n in range(RESETS_PER_CLIENT[0]):
        assert (
            client.post(RESET, {"email": f"person{n}@example.org"}, REMOTE_ADDR="192.0.2.1").status_code
            == 302
        )
    refused = client.post(RESET, {"email": "eve@example.org"}, REMOTE_ADDR="192.0.2.1")
    assert refused.status_code == 429
    assert "Please wait a little" in refused.content.decode()
    assert mail.outbox == []
