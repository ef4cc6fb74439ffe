"""Every row of the report links to where the editor fixes the link: the sheet, the organisation
or the law, through Wagtail's own edit pages (and only for those who may edit them)."""

import io
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from toolkit.directory.models import Organisation
from toolkit.editorial.models import Law

from .pages import report

pytestmark = pytest.mark.django_db


@pytest.fixture
def broken_everywhere(linked_site, web):
    """A broken link in a sheet (from ``linked_site``), in one organisation and in the law."""
    organisation = Organisation.objects.order_by("name").first()
    organisation.url = web.url("/missing")
    organisation.save()
    law = Law.objects.get()
    law.url = web.url("/broken")
    law.save()
    quiet = {"stdout": io.StringIO(), "stderr": io.StringIO()}
    call_command("check_links", "--allow-private", "--timeout", "0.4", "--retries", "0", **quiet)
    return linked_site, organisation, law


def linked(page, url, text):
    """Whether the page has a link to ``url`` that reads ``text``."""
    return re.search(rf'href="{re.escape(url)}">\s*{re.escape(text)}\s*</a>', page) is not None


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_each_row_links_to_the_edit_page_of_what_holds_the_link(editor, broken_everywhere):
    site, organisation, law = broken_everywhere
    page = report(signed_in(editor))
    sheet_edit = reverse("wagtailadmin_pages:edit", args=[site.definition.pk])
    organisation_edit = reverse("wagtailsnippets_directory_organisation:edit", args=[organisation.pk])
    law_edit = reverse("wagtailsnippets_editorial_law:edit", args=[law.pk])
    assert linked(page, sheet_edit, site.definition.title)
    assert linked(page, organisation_edit, organisation.name)
    assert linked(page, law_edit, law.name)
    assert "Organisation&#x27;s web address" in page and "Law or policy&#x27;s official address" in page
    assert "(not a sheet)" not in page
    assert signed_in(editor).get(organisation_edit).status_code == 200
    assert signed_in(editor).get(law_edit).status_code == 200


def test_rows_link_only_to_what_the_reader_may_edit(reviewer, broken_everywhere):
    """Reviewers edit sheets but not organisations or laws: those rows name them without a link."""
    site, organisation, law = broken_everywhere
    page = report(signed_in(reviewer))
    assert linked(page, reverse("wagtailadmin_pages:edit", args=[site.definition.pk]), site.definition.title)
    assert reverse("wagtailsnippets_directory_organisation:edit", args=[organisation.pk]) not in page
    assert reverse("wagtailsnippets_editorial_law:edit", args=[law.pk]) not in page
    assert organisation.name in page and law.name in page


def test_the_export_names_what_holds_each_link(admin_client, broken_everywhere):
    site, organisation, law = broken_everywhere
    csv = b"".join(
        admin_client.get(reverse("linkcheck_report"), {"export": "csv"}).streaming_content
    ).decode()
    rows = csv.splitlines()
    assert rows[0].startswith("Used in,Where,")
    assert any(row.startswith(f"{organisation.name},Organisation's web address,") for row in rows)
    assert any(row.startswith(f"{law.name},Law or policy's official address,") for row in rows)
    assert any(row.startswith(f"{site.definition.title},Body,") for row in rows)
    # Sheets first, then the rest: the rows an editor fixes sheet by sheet stay together.
    kinds = ["sheet" if row.split(",")[1] in ("Body", "Useful links: Localism Act 2011") else "other"
             for row in rows[1:]]  # fmt: skip
    assert kinds == sorted(kinds, key=lambda kind: kind != "sheet")
