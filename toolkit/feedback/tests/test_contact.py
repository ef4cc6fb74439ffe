"""The contact form stores, emails, explains its errors, and quietly drops spam robots."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from toolkit.feedback.forms import MESSAGE_MAX_LENGTH

pytestmark = pytest.mark.django_db

GOOD = {
    "your_name": "Sam Resident",
    "your_email_address": "sam@example.org",
    "your_message": "Thanks for the sheets!",
}


def test_form_shows_labelled_fields(client, site):
    page = BeautifulSoup(client.get(site.contact.url).content, "html.parser")
    for name in GOOD:
        field = page.find(attrs={"name": name})
        assert page.find("label", attrs={"for": field["id"]}), name


def test_good_message_is_stored_and_emailed(client, site):
    response = client.post(site.contact.url, GOOD)
    assert response.status_code == 200
    assert "Thank you, your message has been sent" in response.content.decode()
    submission = FormSubmission.objects.get(page=site.contact)
    assert submission.get_data()["your_message"] == "Thanks for the sheets!"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["team@example.org"]
    assert "Thanks for the sheets!" in mail.outbox[0].body


def test_site_contact_address_is_used_when_page_has_none(client, site):
    from toolkit.core.models import ToolkitSettings

    settings = ToolkitSettings.for_site(site.home.get_site())
    settings.contact_email = "office@example.org"
    settings.save()
    site.contact.to_address = ""
    site.contact.save_revision().publish()
    client.post(site.contact.url, GOOD)
    assert mail.outbox[0].to == ["office@example.org"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"your_name": ""}, "This field is required."),
        ({"your_email_address": "not-an-email"}, "Enter a valid email address."),
        ({"your_message": "x" * (MESSAGE_MAX_LENGTH + 1)}, "Ensure this value has at most"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_stored(client, site, changes, message):
    response = client.post(site.contact.url, GOOD | changes)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one(".error-summary") and message in page.select_one(".error-summary").get_text()
    assert page.title.get_text().startswith("Error:")
    assert FormSubmission.objects.count() == 0 and mail.outbox == []


def test_honeypot_filled_by_a_robot_is_dropped_silently(client, site):
    response = client.post(site.contact.url, GOOD | {"website": "http://spam.example"})
    assert "Thank you" in response.content.decode()
    assert FormSubmission.objects.count() == 0 and mail.outbox == []


def test_submitted_script_is_escaped_in_the_email_and_store(client, site):
    client.post(site.contact.url, GOOD | {"your_message": "<script>alert(1)</script>"})
    assert FormSubmission.objects.get().get_data()["your_message"] == "<script>alert(1)</script>"
    assert "text/html" not in mail.outbox[0].message().get_content_type()


def test_links_to_other_sites_in_the_editors_texts_are_marked(client, site):
    """Like a sheet's body (#17): the arrow, and "(external site)" as part of the link's name."""
    site.contact.intro = '<p>Or ask <a href="https://www.gov.uk/">GOV.UK</a> or <a href="/about/">us</a>.</p>'
    site.contact.save_revision().publish()
    page = BeautifulSoup(client.get(site.contact.url).content, "html.parser")
    external, own = page.select_one(".prose").select("a")
    assert "external" in external["class"] and external.get_text() == "GOV.UK (external site)"
    assert "external" not in own.get("class", []) and own.get_text() == "us"
