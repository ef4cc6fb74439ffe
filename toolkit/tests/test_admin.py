"""Editors can reach every editing screen: both sheet kinds, taxonomy, pathways, organisations, settings."""

import pytest
from django.urls import reverse

from toolkit.core.models import ToolkitSettings
from toolkit.directory.models import Organisation
from toolkit.glossary.models import Term
from toolkit.taxonomy.models import Audience, Topic
from toolkit.tests import factories as f
from toolkit.tests.snippets import project_snippet_models

pytestmark = pytest.mark.django_db


def test_add_forms_for_both_sheet_kinds(editor_client, site):
    for model in ("definitionsheetpage", "methodsheetpage"):
        url = reverse("wagtailadmin_pages:add", args=("sheets", model, site.section.pk))
        response = editor_client.get(url)
        assert response.status_code == 200, model
        html = response.content.decode()
        for field in (
            "summary",
            "topics",
            "audiences",
            "last_reviewed",
            "key_facts",
            "links_out",
            "see_also",
        ):
            assert f'name="{field}' in html or f'id="id_{field}' in html or f"{field}-TOTAL_FORMS" in html, (
                model,
                field,
            )
    method_form = editor_client.get(
        reverse("wagtailadmin_pages:add", args=("sheets", "methodsheetpage", site.section.pk))
    ).content.decode()
    for field in (
        "when_to_use",
        "who_is_involved",
        "time_needed",
        "cost",
        "skills",
        "steps-TOTAL_FORMS",
        "pitfalls-TOTAL_FORMS",
    ):
        assert field in method_form, field


def test_edit_and_preview_sheets(editor_client, site):
    for sheet in (site.definition, site.method):
        assert editor_client.get(reverse("wagtailadmin_pages:edit", args=(sheet.pk,))).status_code == 200
        preview = editor_client.get(reverse("wagtailadmin_pages:preview_on_edit", args=(sheet.pk,)))
        assert preview.status_code == 200


def test_sheet_kinds_offered_only_inside_sections(editor_client, site):
    html = editor_client.get(
        reverse("wagtailadmin_pages:add_subpage", args=(site.section.pk,))
    ).content.decode()
    assert "Definition sheet" in html and "Method sheet" in html
    home_html = editor_client.get(
        reverse("wagtailadmin_pages:add_subpage", args=(site.home.pk,))
    ).content.decode()
    assert "Definition sheet" not in home_html


@pytest.mark.parametrize("model", [Topic, Audience, Organisation])
def test_snippet_screens(editor_client, site, model):
    opts = model._meta
    assert (
        editor_client.get(reverse(f"wagtailsnippets_{opts.app_label}_{opts.model_name}:list")).status_code
        == 200
    )
    obj = model.objects.first()
    url = reverse(f"wagtailsnippets_{opts.app_label}_{opts.model_name}:edit", args=(obj.pk,))
    assert editor_client.get(url).status_code == 200


def test_site_settings_screen(editor_client, site):
    url = reverse("wagtailsettings:edit", args=("core", "toolkitsettings", site.home.get_site().pk))
    response = editor_client.get(url)
    assert response.status_code == 200
    assert "licence" in response.content.decode()
    assert ToolkitSettings._meta.get_field("contact_email")


def test_pathway_edit_screen(editor_client, site):
    assert editor_client.get(reverse("wagtailadmin_pages:edit", args=(site.pathway.pk,))).status_code == 200


def test_contact_submissions_are_listed_for_editors(editor_client, site):
    from wagtail.contrib.forms.models import FormSubmission

    FormSubmission.objects.create(page=site.contact, form_data={"your_name": "Robin Resident"})
    response = editor_client.get(reverse("wagtailforms:list_submissions", args=(site.contact.pk,)))
    assert response.status_code == 200
    assert "Robin Resident" in response.content.decode()


QUERIES = ("planning", "neighbourhood plan", "x" * 100_000)  # the last is too long for SQLite's LIKE


@pytest.mark.parametrize("model", project_snippet_models(), ids=lambda model: model._meta.label)
def test_every_snippet_listing_can_be_searched(editor_client, site, model):
    """An editor's search of any listing answers, on SQLite's full-text index as on PostgreSQL's
    (the organisations' search once asked SQLite for a column its index does not have: a 500)."""
    listing = reverse(model.snippet_viewset.get_url_name("list"))
    statuses = {query[:20]: editor_client.get(listing, {"q": query}).status_code for query in QUERIES}
    assert set(statuses.values()) <= {200, 400}, (model._meta.label, statuses)
    assert statuses["planning"] == 200, (model._meta.label, statuses)


def test_an_organisation_and_a_glossary_term_are_found_by_searching_their_listings(editor_client, site):
    f.OrganisationFactory(name="Planning Aid England")
    f.TermFactory(term="Community Infrastructure Levy", definition="A charge on new building.")
    for model, query, found in (
        (Organisation, "planning ai", "Planning Aid England"),  # as typed, before the word ends
        (Term, "infrastructure", "Community Infrastructure Levy"),
    ):
        listing = reverse(model.snippet_viewset.get_url_name("list"))
        html = editor_client.get(listing, {"q": query}).content.decode()
        assert found in html, (model._meta.label, query)
