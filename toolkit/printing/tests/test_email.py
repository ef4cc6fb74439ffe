"""“Email this sheet”: a fixed message to one address, a honeypot, rate limits and clear answers."""

import socket

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from toolkit.printing import views

pytestmark = pytest.mark.django_db


def email_url(sheet):
    return sheet.url + "email/"


def send(client, sheet, address, **extra):
    return client.post(email_url(sheet), {"email": address, **extra})


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").select_one("main").get_text(" ").split())


def test_the_form_asks_only_for_an_address(client, site):
    response = client.get(email_url(site.definition))
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    fields = {field["name"] for field in page.select("main form input, main form textarea")}
    assert fields == {"csrfmiddlewaretoken", "email", "website"}
    assert (
        page.select_one("label[for=id_email]").get_text(strip=True).startswith("Email address to send it to")
    )
    assert page.select_one(".honeypot")["aria-hidden"] == "true"
    assert page.select_one("#id_website")["tabindex"] == "-1"


def test_sending_mails_the_title_summary_and_links_and_confirms(client, site):
    response = send(client, site.definition, "friend@example.org", message="Buy cheap pills now")
    assert response.status_code == 200
    assert "Sheet sent" in text_of(response) and "friend@example.org" in text_of(response)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["friend@example.org"]
    assert message.subject == "Neighbourhood Plan: a sheet from the Community Planning Toolkit"
    assert "A short summary of neighbourhood plan for readers." in message.body
    assert "http://testserver/neighbourhood-planning/neighbourhood-plan/" in message.body
    assert "http://testserver/neighbourhood-planning/neighbourhood-plan.pdf" in message.body
    assert "Buy cheap pills" not in message.body, "nothing the sender types reaches the email"
    assert not message.alternatives, "plain text only"


def test_robots_filling_the_honeypot_see_a_confirmation_but_nothing_is_sent(client, site):
    response = send(client, site.definition, "friend@example.org", website="http://spam.example")
    assert response.status_code == 200 and "Sheet sent" in text_of(response)
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("", "Enter the email address to send the sheet to."),
        ("not-an-address", "Enter an email address in the right format"),
        ("a@b.c\nBcc: x@example.org", "Enter an email address in the right format"),
        ("x" * 250 + "@example.org", "Ensure this value has at most 254 characters"),
    ],
)
def test_bad_addresses_get_a_clear_message(client, site, address, message):
    response = send(client, site.definition, address)
    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    assert page.title.get_text().startswith("Error:")
    assert message in page.select_one("#error-summary").get_text()
    assert mail.outbox == []


def test_one_address_gets_at_most_three_sheets_a_day(client, site):
    for _ in range(views.EMAILS_PER_RECIPIENT[0]):
        assert send(client, site.definition, "Friend@Example.org").status_code == 200
    response = send(client, site.method, "friend@example.org")
    assert response.status_code == 429
    assert response["Retry-After"] == str(24 * 3600)
    assert "That address has already been sent several sheets today" in text_of(response)
    assert BeautifulSoup(response.content, "html.parser").select_one("header.site-header"), (
        "in the site design"
    )
    assert len(mail.outbox) == 3
    assert send(client, site.definition, "someone-else@example.org").status_code == 200


def test_one_client_sends_at_most_ten_an_hour(client, site):
    for n in range(views.EMAILS_PER_CLIENT[0]):
        assert send(client, site.definition, f"person{n}@example.org").status_code == 200
    response = send(client, site.definition, "one-more@example.org")
    assert response.status_code == 429
    assert "Many sheets have been sent from your connection" in text_of(response)
    assert len(mail.outbox) == 10
    other = client.post(email_url(site.definition), {"email": "x@example.org"}, REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 200, "another client is not held back"


def test_a_mail_server_that_does_not_answer_gets_a_readable_page(client, site, settings):
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens there now
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    response = send(client, site.definition, "friend@example.org")
    assert response.status_code == 503
    assert "Sorry, we could not send the email" in text_of(response)


def test_unpublished_sheets_cannot_be_emailed(client, site):
    site.definition.unpublish()
    assert client.get(email_url(site.definition)).status_code == 404
    assert send(client, site.definition, "friend@example.org").status_code == 404
    assert mail.outbox == []


def test_the_form_only_answers_get_and_post(client, site):
    assert client.put(email_url(site.definition)).status_code == 405


@pytest.mark.parametrize(
    "same_mailbox",
    ['"friend"@example.org', "FRIEND@Example.org", "friend+x@example.org", '"friend+y"@example.org'],
)
def test_tags_quotes_and_capitals_count_as_the_same_address(client, site, same_mailbox):
    for _ in range(views.EMAILS_PER_RECIPIENT[0]):
        assert send(client, site.definition, "friend@example.org").status_code == 200
    assert send(client, site.method, same_mailbox).status_code == 429
    assert len(mail.outbox) == views.EMAILS_PER_RECIPIENT[0]


def test_mailbox_identity_keeps_different_mailboxes_apart():
    from toolkit.core.ratelimit import mailbox_identity

    assert mailbox_identity('"A+news"@Example.ORG') == "a@example.org"
    assert mailbox_identity("a.b@example.org") != mailbox_identity("ab@example.org")
    assert mailbox_identity("+x@example.org") == "+x@example.org"  # nothing before the tag: kept whole
