"""The admin screens this project adds, used by a signed-in editor with hostile values: every
snippet of the project (feedback queues, laws, glossary terms, synonyms, organisations, topics
and audiences), its listing's search and filters, its add and edit forms, and the project's own
admin views (Reply and close, Mark as changed, Mark as reviewed, the reports).

Answers are judged as on the public side, except that the admin has Wagtail's design, not ours:
below 500, no traceback, no input markup unescaped, no error in the log.

What this found in Django's and Wagtail's own views (a 500 on SQLite: ids beyond 64 bits in a
choice field or an admin address, text in a chooser's hidden id, a listing search of a megabyte)
is answered with a 400 by ``toolkit.core.bad_input``; the values that showed it are drawn here.
"""

import contextlib

import pytest
from django.urls import NoReverseMatch, reverse
from hypothesis import given
from hypothesis import strategies as st

from toolkit.tests import factories as f
from toolkit.tests.snippets import project_snippet_models

from . import strategies as hostile
from .answers import TRACEBACK_SIGNS, body_text, check_log
from .conftest import examples
from .html_forms import post_form
from .strategies import MARKER_RE

pytestmark = pytest.mark.django_db

TOKEN = "csrfmiddlewaretoken"


def check_admin_answer(response, what):
    assert response.status_code < 500, what
    body = body_text(response)
    for sign in TRACEBACK_SIGNS:
        assert sign not in body, f"{what}: a traceback"
    found = MARKER_RE.search(body)
    assert found is None, f"{what}: markup came back unescaped: {found.group()!r}"


@pytest.fixture
def items(site):
    """One of each thing the admin screens list, so every edit form has something to edit."""
    from toolkit.search.models import SynonymGroup

    f.SuggestionFactory(email="reader@example.org")
    f.SuggestionFactory(kind="change", sheet=site.definition, sheet_title=site.definition.title)
    f.PageFeedbackFactory(sheet=site.definition, comment="Too long.")
    f.LawFactory(cited_by=[site.definition])
    SynonymGroup.objects.create(terms="CIL, Community Infrastructure Levy")


NUMBERS = st.one_of(
    st.sampled_from(["0", "-1", "", "2147483648", "9223372036854775807", "99999999999999999999", "00"]),
    st.integers().map(str),
    hostile.form_text,  # text where a number is expected (a chooser's hidden id)
)
listing_query = hostile.raw_query(["q", "p", "ordering", "status", "kind", "sheet", "useful", "page"])


def hostile_values(data):
    def values_for(name, kind, value):
        if (
            name == TOKEN
            or kind == "hidden"
            and name.endswith(("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"))
        ):
            return [value]
        choice = data.draw(st.sampled_from(["hostile", "hostile", "keep", "omit"]), label=name)
        if choice == "keep":
            return [value]
        if choice == "omit":
            return []
        strategy = NUMBERS if kind in ("hidden", "number", "select") else hostile.form_text
        return [data.draw(strategy, label=f"{name} value")]

    return values_for


@pytest.mark.parametrize("model", project_snippet_models(), ids=lambda model: model._meta.label)
@examples(3)
@given(data=st.data())
def test_snippet_forms_and_listings_with_hostile_values(editor_client, items, caplog, model, data):
    viewset = model.snippet_viewset
    listing = reverse(viewset.get_url_name("list"))
    query = data.draw(listing_query, label="query")
    check_admin_answer(editor_client.get(f"{listing}?{query}"), f"{listing}?{query[:200]}")
    instance = model.objects.first()
    pages = [reverse(viewset.get_url_name("edit"), args=[instance.pk])] if instance else []
    add = viewset.get_url_name("add")
    with contextlib.suppress(NoReverseMatch):  # a queue that only the public fills has no add view
        pages.append(reverse(add))
    for page in pages:
        response = editor_client.get(page)
        if response.status_code != 200:  # e.g. adding a suggestion is refused (403)
            check_admin_answer(response, page)
            continue
        form = post_form(response.content.decode(), page)
        posted = form.data(hostile_values(data))
        response = editor_client.post(form.action, posted)
        check_admin_answer(response, f"POST {page}")
    check_log(caplog, model._meta.label)


@examples(5)
@given(data=st.data())
def test_the_project_admin_views_with_hostile_values(editor_client, items, site, caplog, data):
    from toolkit.editorial.models import Law
    from toolkit.feedback.models import Suggestion

    suggestion = Suggestion.objects.exclude(email="").first()
    law = Law.objects.first()
    law_viewset = Law.snippet_viewset
    suggestion_viewset = Suggestion.snippet_viewset
    pages = [
        reverse(suggestion_viewset.get_url_name("reply"), args=[suggestion.pk]),
        reverse(law_viewset.get_url_name("mark_changed"), args=[law.pk]),
    ]
    for page in pages:
        response = editor_client.get(page)
        check_admin_answer(response, page)
        if response.status_code == 200:
            form = post_form(response.content.decode(), page)
            check_admin_answer(
                editor_client.post(form.action, form.data(hostile_values(data))), f"POST {page}"
            )
    reviewed = reverse("editorial_mark_reviewed", args=[site.definition.pk])
    check_admin_answer(editor_client.post(reviewed, {"next": data.draw(hostile.form_text)}), reviewed)
    for name in ("feedback_report", "feedback_report_results", "linkcheck_report"):
        query = data.draw(listing_query)
        url = f"{reverse(name)}?{query}"
        check_admin_answer(editor_client.get(url), url[:200])
    for number in (data.draw(st.integers(0, 10**20), label="id"),):
        for url in (
            f"/admin/snippets/feedback/suggestion/reply/{number}/",
            f"/admin/sheets/{number}/reviewed/",
        ):
            check_admin_answer(editor_client.get(url), url)
    check_log(caplog, "admin views")
