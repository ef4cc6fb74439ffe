"""Answers Django makes itself for bad requests are pages in the site's design, not its bare
defaults: a request it cannot read (400), a form without its CSRF token (403), and Wagtail's
sign-in for private pages."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

FRAME = ('class="skip-link"', '<main id="main"', "toolkit.css")


def assert_in_design(response, status, words):
    body = response.content.decode()
    assert response.status_code == status
    assert all(sign in body for sign in FRAME), body[:300]
    assert words in body


def test_a_body_django_cannot_read_is_a_400_page_in_the_design(site):
    response = Client().post("/suggest/", "a=1", content_type="multipart/form-data")  # no boundary
    assert_in_design(response, 400, "we could not understand that request")


def test_an_invalid_host_is_a_400_page_in_the_design(site):
    assert_in_design(Client().get("/", HTTP_HOST="evil example"), 400, "we could not understand that request")


def test_a_form_without_its_csrf_token_is_a_403_page_in_the_design(site):
    response = Client(enforce_csrf_checks=True).post("/suggest/", {"title": "x", "details": "y"})
    assert_in_design(response, 403, "we could not accept that form")


def test_wagtails_sign_in_for_private_pages_is_in_the_design(site):
    assert_in_design(Client().get("/_util/login/"), 200, "Sign in to see this page")
