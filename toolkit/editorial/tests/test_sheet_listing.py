"""The admin's sheet lists narrow by section, topic, audience, law, kind and review state, in the
explorer (a section's sheets) and in the flat "Sheets" list, with a fixed number of queries."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from toolkit.editorial.freshness import today
from toolkit.editorial.models import ReviewFlag
from toolkit.sheets.models import SheetPage
from toolkit.tests import factories as f

pytestmark = pytest.mark.django_db

FLAT = "sheet_listing:index_results"


def due_in(sheet, days):
    SheetPage.objects.filter(pk=sheet.pk).update(
        review_due=today() + datetime.timedelta(days=days),
        last_reviewed=today() - datetime.timedelta(days=300),
    )


@pytest.fixture
def sheets(site):
    """The test site's three sheets and a fourth, each in a different review state:

    - definition (Neighbourhood Planning): overdue, cites the Localism Act;
    - method (Tools and Techniques): due in 10 days, topic "surveys" too;
    - other_definition (Neighbourhood Planning): due in 100 days but flagged;
    - fine (Tools and Techniques): due in 200 days, audience "Business" only.
    """
    law = f.LawFactory(name="Localism Act 2011", cited_by=[site.definition])
    business = f.AudienceFactory(name="Business", slug="business")
    fine = f.MethodSheetPageFactory(parent=site.other_section, title="Fine method", audiences=[business])
    due_in(site.definition, -3)
    due_in(site.method, 10)
    due_in(site.other_definition, 100)
    due_in(fine, 200)
    ReviewFlag.objects.create(sheet_id=site.other_definition.pk, law=law, law_name=law.name)
    return {
        "definition": site.definition,
        "method": site.method,
        "other_definition": site.other_definition,
        "fine": fine,
        "law": law,
        "business": business,
    }


def listed(client, url_name, *args, **params):
    """The ids of the sheets a list shows (each row links to the sheet's edit page; the explorer
    also links to the section's, in its header, which is not a row)."""
    response = client.get(reverse(url_name, args=args), params)
    assert response.status_code == 200
    found = {int(pk) for pk in re.findall(r'href="/admin/pages/(\d+)/edit/"', response.content.decode())}
    return found - set(args)


def ids(sheets, *names):
    return {sheets[name].pk for name in names}


ALL = ("definition", "method", "other_definition", "fine")


def test_the_flat_list_holds_every_sheet_and_nothing_else(editor_client, site, sheets):
    assert listed(editor_client, FLAT) == ids(sheets, *ALL)
    html = editor_client.get(reverse("sheet_listing:index")).content.decode()
    for label in ("Section", "Kind", "Review due", "Topic", "Audience", "Law or policy", "Review"):
        assert label in html, label
    assert "Due in the next 30 days" in html and "Fine (none of these)" in html
    assert html.index('name="section"') < html.index('name="latest_revision_created_at_from"')
    assert 'name="site"' not in html and 'name="has_child_pages"' not in html  # one site, no children


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"kind": "definition"}, ("definition", "other_definition")),
        ({"kind": "method"}, ("method", "fine")),
        ({"kind": ["definition", "method"]}, ALL),
        ({"review": "overdue"}, ("definition",)),
        ({"review": "due_soon"}, ("method",)),
        ({"review": "flagged"}, ("other_definition",)),
        ({"review": "fine"}, ("fine",)),
        ({"review": ["overdue", "flagged"]}, ("definition", "other_definition")),
    ],
)
def test_kind_and_review_filters(editor_client, sheets, params, expected):
    assert listed(editor_client, FLAT, **params) == ids(sheets, *expected)


def test_topic_audience_law_and_section_filters(editor_client, site, sheets):
    surveys = site.method.topics.get(slug="surveys")
    assert listed(editor_client, FLAT, topics=surveys.pk) == ids(sheets, "method")
    # any of the chosen topics, each sheet once
    assert listed(editor_client, FLAT, topics=[surveys.pk, site.topic.pk]) == ids(
        sheets, "definition", "method", "other_definition"
    )
    assert listed(editor_client, FLAT, audiences=sheets["business"].pk) == ids(sheets, "fine")
    assert listed(editor_client, FLAT, cites=sheets["law"].pk) == ids(sheets, "definition")
    assert listed(editor_client, FLAT, section=site.section.pk) == ids(
        sheets, "definition", "other_definition"
    )
    assert listed(editor_client, FLAT, section=site.other_section.pk, review="fine") == ids(sheets, "fine")


def test_filters_still_narrow_a_search(editor_client, site, sheets):
    found = listed(editor_client, FLAT, q="neighbourhood")
    assert ids(sheets, "definition", "other_definition") <= found
    assert listed(editor_client, FLAT, q="neighbourhood", review="flagged") == ids(sheets, "other_definition")
    assert listed(editor_client, FLAT, q="neighbourhood", topics=site.topic.pk, kind="definition") == ids(
        sheets, "definition", "other_definition"
    )


def test_the_explorer_filters_a_sections_sheets(editor_client, site, sheets):
    explore = "wagtailadmin_explore_results"
    assert listed(editor_client, explore, site.section.pk) == ids(sheets, "definition", "other_definition")
    assert listed(editor_client, explore, site.section.pk, review="overdue") == ids(sheets, "definition")
    assert listed(editor_client, explore, site.section.pk, cites=sheets["law"].pk) == ids(
        sheets, "definition"
    )
    assert listed(editor_client, explore, site.other_section.pk, kind="method", review="due_soon") == ids(
        sheets, "method"
    )
    html = editor_client.get(reverse("wagtailadmin_explore", args=[site.section.pk])).content.decode()
    assert "Review due" in html and "Law or policy" in html
    assert 'name="kind"' in html and 'name="content_type"' not in html  # "Kind", not "Page type"


def test_review_due_is_shown_and_sorts(editor_client, site, sheets):
    response = editor_client.get(reverse(FLAT), {"ordering": "review_due"})
    html = response.content.decode()
    order = [int(pk) for pk in re.findall(r'href="/admin/pages/(\d+)/edit/"', html)]
    assert order == [sheets[name].pk for name in ("definition", "method", "other_definition", "fine")]
    due = today() + datetime.timedelta(days=10)
    assert f"{due.day} {due:%b %Y}" in html


def count_queries(client, url_name, *args, **params):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse(url_name, args=args), params).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url_name, params",
    [
        (FLAT, {}),
        (FLAT, {"topics": "TOPIC", "review": ["overdue", "due_soon", "fine"]}),
        ("wagtailadmin_explore_results", {"section_page": True}),
    ],
)
def test_queries_do_not_grow_with_the_number_of_sheets(editor_client, site, sheets, url_name, params):
    args = [site.other_section.pk] if params.pop("section_page", False) else []
    if params.get("topics") == "TOPIC":
        params["topics"] = site.topic.pk
    count_queries(editor_client, url_name, *args, **params)  # the session's first request sets it up
    few = count_queries(editor_client, url_name, *args, **params)
    for n in range(8):
        sheet = f.MethodSheetPageFactory(
            parent=site.other_section,
            title=f"Extra method {n}",
            topics=[site.topic],
            audiences=[site.audience],
        )
        due_in(sheet, -n)
        sheet.cites.add(sheets["law"])
    assert len(listed(editor_client, url_name, *args, **params)) >= 8
    assert count_queries(editor_client, url_name, *args, **params) == few
