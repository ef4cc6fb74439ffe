"""The sheet edit form teaches the editor (#16): tabs, help with an example and the limit on every
field, the words readers see as labels, a live word count on the summary, findable topics and laws."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.db.models import CharField
from wagtail.admin.panels import FieldPanel, InlinePanel

from toolkit.editorial.models import Law
from toolkit.sheets.models import SUMMARY_MAX_WORDS, DefinitionSheetPage, MethodSheetPage
from toolkit.sheets.notices import EditorNoticesPanel
from toolkit.sheets.widgets import FilterableCheckboxSelectMultiple, WordCountTextarea
from toolkit.tests import factories as f

from .edit_forms import add_url, edit_url

pytestmark = pytest.mark.django_db

KINDS = [DefinitionSheetPage, MethodSheetPage]
OUR_TABS = ["Write", "Facts and links", "Classify and review"]


def tabs(model):
    return model.get_edit_handler().children


def panels_in(panel):
    """Every panel inside ``panel`` (an inline panel's child panels too), depth first."""
    for child in getattr(panel, "children", []):
        yield child
        yield from panels_in(child)
    if isinstance(panel, InlinePanel):
        yield from panels_in(panel.child_edit_handler)


def editor_fields(model):
    """(field panel, help text) for every field the editor fills in: all of our three tabs, and
    the fields of this app on Wagtail's tabs (not Wagtail's own slug, dates and so on)."""
    for tab in tabs(model):
        for panel in panels_in(tab):
            if not isinstance(panel, FieldPanel):
                continue
            db_field = panel.db_field
            if tab.heading in OUR_TABS or db_field.model._meta.app_label == "sheets":
                yield panel, panel.help_text or db_field.help_text


@pytest.mark.parametrize("model", KINDS)
def test_the_form_is_in_tabs_with_the_notices_first(model):
    assert [tab.heading for tab in tabs(model)] == OUR_TABS + ["Promote", "Settings"]
    first = tabs(model)[0].children[0]
    assert isinstance(first, EditorNoticesPanel)
    second = tabs(model)[0].children[1]
    assert second.field_name == "title"


def test_a_notice_shows_at_the_top_of_the_write_tab(editor_client, site):
    sheet = site.definition
    DefinitionSheetPage.objects.filter(pk=sheet.pk).update(review_due=sheet.last_reviewed)  # overdue
    html = editor_client.get(edit_url(sheet)).content.decode()
    write_tab = html[html.index('id="tab-write"') : html.index('id="tab-facts_and_links"')]
    assert "Review overdue" in write_tab
    assert write_tab.index("Review overdue") < write_tab.index('name="title"')


@pytest.mark.parametrize("model", KINDS)
def test_every_field_has_help_with_an_example(model):
    fields = list(editor_fields(model))
    assert len(fields) >= (20 if model is MethodSheetPage else 15)
    without = [panel.field_name for panel, help_text in fields if "e.g." not in str(help_text)]
    assert without == []


@pytest.mark.parametrize("model", KINDS)
def test_every_limit_is_stated(model):
    for panel, help_text in editor_fields(model):
        db_field = panel.db_field
        if isinstance(db_field, CharField) and db_field.max_length:
            assert f"{db_field.max_length} characters" in str(help_text), panel.field_name
    summary = next(help_text for panel, help_text in editor_fields(model) if panel.field_name == "summary")
    assert f"at most {SUMMARY_MAX_WORDS} words" in summary
    lists = [panel for tab in tabs(model) for panel in panels_in(tab) if isinstance(panel, InlinePanel)]
    assert {panel.relation_name for panel in lists} >= {"key_facts", "links_out", "see_also"}
    for panel in lists:
        assert panel.max_num, f"{panel.relation_name} has no limit"
        assert f"{panel.max_num} " in panel.help_text, panel.relation_name
        if panel.min_num:
            assert f"At least {panel.min_num}" in panel.help_text, panel.relation_name


def test_the_help_is_on_the_page(editor_client, site):
    html = editor_client.get(edit_url(site.method)).content.decode()
    for panel, help_text in editor_fields(MethodSheetPage):
        assert str(help_text)[:50] in html, panel.field_name
    assert "Up to 10 pages elsewhere" in html


def headings(html):
    """The visible headings of panels and fields, in page order."""
    found = re.findall(
        r"data-panel-heading-text>\s*([^<]+?)\s*<|w-field__label[^>]*>\s*([^<*]+?)\s*[<*]", html
    )
    return [a or b for a, b in found]


def heading_above(html, text):
    """The heading a reader sees over ``text`` on a sheet (the last <h2> before it)."""
    article = html[html.index("<article") :]
    before = article[: article.index(text)]
    return re.findall(r"<h2[^>]*>([^<]+)</h2>", before)[-1].strip()


def test_labels_are_the_words_readers_see(editor_client, site):
    """Each part of the form is named as the sheet names it where readers see its contents."""
    method_form = headings(editor_client.get(edit_url(site.method)).content.decode())
    definition_form = headings(editor_client.get(edit_url(site.definition)).content.decode())
    method = editor_client.get(site.method.url).content.decode()
    definition = editor_client.get(site.definition.url).content.decode()
    step, pitfall = site.method.steps.first().title, site.method.pitfalls.first().text
    under_headings = {
        "key facts": (definition, "First key fact.", definition_form),
        "useful links": (definition, ">Localism Act 2011<", definition_form),
        "see also": (definition, site.other_definition.title, definition_form),
        "when to use it": (method, "When you need to hear from many people.", method_form),
        "who is involved": (method, "A small team of volunteers.", method_form),
        "steps": (method, step, method_form),
        "pitfalls": (method, pitfall, method_form),
        "what good looks like": (method, "Lots of people took part", method_form),
    }
    for part, (page, text, form) in under_headings.items():
        assert heading_above(page, text) in form, f"{part}: readers see “{heading_above(page, text)}”"
    for word, page, form in [
        ("Time", method, method_form),
        ("Cost", method, method_form),
        ("Skills", method, method_form),
        ("Topics", definition, definition_form),
        ("Useful for", definition, definition_form),
        ("Last reviewed", definition, definition_form),
    ]:
        assert re.search(rf"<dt[^>]*>{word}</dt>", page) and word in form, word
    assert "Also known as:" in definition and "Also known as" in definition_form
    assert "Links out" not in method_form + definition_form


def test_see_also_rows_say_they_are_sheets(editor_client, site):
    html = editor_client.get(edit_url(site.definition)).content.decode()
    labels = [
        label.strip()
        for label in re.findall(
            r'<label class="w-field__label" for="id_see_also-0-other"[^>]*>([^<]+)<', html
        )
    ]
    assert labels == ["Sheet"]
    assert "Add sheet" in html and "Add See also" not in html


# -- the summary's word count --------------------------------------------------------------------


def test_the_summary_shows_its_word_count_for_screen_readers_too(editor_client, site):
    html = editor_client.get(edit_url(site.definition)).content.decode()
    words = len(site.definition.summary.split())
    counter = re.search(r'<p id="id_summary-word-count"[^>]*>([^<]*)</p>', html)
    assert counter and counter.group(1) == f"{words} of 60 words"
    assert 'aria-live="polite"' in counter.group(0)
    assert re.search(r'<textarea name="summary"[^>]*aria-describedby="[^"]*id_summary-word-count"', html)
    assert 'data-controller="sheet-word-count"' in html


def test_the_count_warns_past_the_limit():
    html = WordCountTextarea(max_words=60).render("summary", "word " * 64, {"id": "id_summary"})
    assert "64 of 60 words: 4 too many" in html
    assert "sheet-word-count__output--over" in html
    assert "sheet-word-count__output--over" not in WordCountTextarea(max_words=60).render("summary", "a b")


def test_the_editor_script_is_a_static_file_loaded_by_a_hook(editor_client, site):
    html = editor_client.get(edit_url(site.definition)).content.decode()
    assert '<script src="/static/sheets/js/sheet-editor.js"></script>' in html
    assert '<link rel="stylesheet" href="/static/sheets/css/sheet-editor.css">' in html
    script = Path(finders.find("sheets/js/sheet-editor.js")).read_text()
    assert 'app.register("sheet-word-count"' in script and 'app.register("sheet-choice-filter"' in script
    inline_scripts = re.findall(r"<script>(.*?)</script>", html, flags=re.S)
    assert not [script for script in inline_scripts if "sheet-" in script]


# -- finding topics and laws ---------------------------------------------------------------------


def test_topics_are_findable_by_a_labelled_box_and_shown_with_capitals(editor_client, site):
    f.TopicFactory(name="antisocial behaviour")
    f.TopicFactory(name="BIDs")
    html = editor_client.get(edit_url(site.definition)).content.decode()
    assert '<label class="w-field__label" for="id_topics-filter">Find a topic</label>' in html
    assert re.search(r'<div class="sheet-choices__filter" hidden', html), "shown only when the script runs"
    assert 'aria-describedby="id_topics-filter-status"' in html
    assert re.search(r'<p id="id_topics-filter-status"[^>]*aria-live="polite"', html)
    labels = re.findall(r'data-label="([^"]+)"><label for="id_topics_\d+">', html)
    assert labels == ["Antisocial behaviour", "BIDs", "Neighbourhood plan", "Surveys"]
    assert re.search(rf'<input type="checkbox" name="topics" value="{site.topic.pk}"[^>]* checked>', html)


def test_laws_are_grouped_by_kind():
    f_law = Law.objects.create
    f_law(name="Localism Act 2011", kind=Law.Kind.ACT, url="https://www.legislation.gov.uk/ukpga/2011/20")
    f_law(name="National Planning Policy Framework", kind=Law.Kind.POLICY, url="https://www.gov.uk/nppf")
    f_law(name="Planning Act 2008", kind=Law.Kind.ACT, url="https://www.legislation.gov.uk/ukpga/2008/29")
    form_class = DefinitionSheetPage.get_edit_handler().get_form_class()
    widget = form_class.base_fields["cites"].widget
    assert isinstance(widget, FilterableCheckboxSelectMultiple)
    html = form_class(instance=DefinitionSheetPage())["cites"].as_widget()
    groups = re.findall(r'<legend class="sheet-choices__legend">([^<]+)</legend>', html)
    assert groups == ["Act of Parliament", "Government policy or guidance"]
    acts = html[html.index("Act of Parliament") : html.index("Government policy")]
    assert acts.index("Localism Act 2011") < acts.index("Planning Act 2008")
    assert "National Planning Policy Framework" not in acts
    assert '<label class="w-field__label" for="id_cites-filter">Find a law or policy</label>' in html


def test_a_new_sheet_has_no_last_reviewed_date_filled_in(editor_client, site):
    html = editor_client.get(add_url(site.section)).content.decode()
    field = re.search(r'<input type="text" name="last_reviewed"[^>]*>', html).group(0)
    assert "value=" not in field
