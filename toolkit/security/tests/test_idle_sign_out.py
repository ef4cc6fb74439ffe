"""An editor idle for longer than ``ADMIN_IDLE_SECONDS`` is signed out; an active one never is.

The time of the last activity is moved back in the session itself rather than waited out."""

import time

import pytest
from django.urls import reverse

from toolkit.security.idle import LAST_ACTIVE, in_words

pytestmark = pytest.mark.django_db

DASHBOARD = "wagtailadmin_home"


@pytest.fixture
def signed_in(client, django_user_model, settings):
    settings.ADMIN_IDLE_SECONDS = 60 * 60
    django_user_model.objects.create_superuser("idle", "idle@example.org", "a-long-test-password-3")
    client.post("/admin/login/", {"username": "idle", "password": "a-long-test-password-3"})
    assert client.get(reverse(DASHBOARD)).status_code == 200
    return client


def last_active(client, seconds_ago=None):
    session = client.session
    if seconds_ago is not None:
        session[LAST_ACTIVE] = int(time.time()) - seconds_ago
        session.save()
    return session.get(LAST_ACTIVE)


def test_an_editor_idle_past_the_limit_is_signed_out_and_told_why(signed_in):
    last_active(signed_in, seconds_ago=60 * 60 + 5)
    response = signed_in.get(reverse(DASHBOARD))
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    login = signed_in.get(response["Location"])
    assert "You were signed out after 1 hour without activity" in login.content.decode()
    assert signed_in.get(reverse(DASHBOARD)).status_code == 302  # the session is gone, not only the page


def test_activity_within_the_limit_keeps_the_editor_signed_in_and_counts_as_activity(signed_in):
    last_active(signed_in, seconds_ago=60 * 60 - 120)
    assert signed_in.get(reverse(DASHBOARD)).status_code == 200
    assert int(time.time()) - last_active(signed_in) < 5


def test_the_last_activity_is_written_at_most_once_a_minute(signed_in):
    stamp = last_active(signed_in, seconds_ago=10)
    assert signed_in.get(reverse(DASHBOARD)).status_code == 200
    assert last_active(signed_in) == stamp


def test_a_limit_of_zero_keeps_the_session_for_its_whole_age(signed_in, settings):
    settings.ADMIN_IDLE_SECONDS = 0
    last_active(signed_in, seconds_ago=30 * 24 * 60 * 60)
    assert signed_in.get(reverse(DASHBOARD)).status_code == 200


def test_a_reader_with_a_pack_has_no_activity_kept(client, site):
    response = client.post("/pack/add/", {"sheet": site.definition.pk}, HTTP_ORIGIN="http://testserver")
    assert response.status_code in (302, 303) and client.session.keys()  # the pack is in the session
    assert LAST_ACTIVE not in client.session


def test_the_limit_in_words():
    assert [in_words(s) for s in (28800, 3600, 5400, 60, 30)] == [
        "8 hours",
        "1 hour",
        "90 minutes",
        "1 minute",
        "1 minute",
    ]
