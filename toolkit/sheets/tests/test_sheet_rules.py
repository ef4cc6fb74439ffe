"""Page-tree and field rules that keep sheets well formed."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils import WagtailTestUtils  # noqa: F401 - makes Wagtail's test helpers importable

from toolkit.home.models import HomePage
from toolkit.sheets.models import DefinitionSheetPage, MethodSheetPage, SectionPage, SheetPage
from toolkit.tests import factories as f

pytestmark = pytest.mark.django_db


def test_sheets_live_only_in_sections():
    assert DefinitionSheetPage.parent_page_types == ["sheets.SectionPage"]
    assert SectionPage.allowed_subpage_models() == [DefinitionSheetPage, MethodSheetPage]
    assert SectionPage in HomePage.allowed_subpage_models()
    assert not SheetPage.is_creatable


def test_summary_is_limited_to_sixty_words(site):
    sheet = site.definition
    sheet.summary = "word " * 61
    with pytest.raises(ValidationError, match="60 words or fewer"):
        sheet.full_clean()


def test_review_due_cannot_come_before_last_reviewed(site):
    sheet = site.definition
    sheet.review_due = sheet.last_reviewed - datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="cannot be before the last reviewed date"):
        sheet.full_clean()
    sheet.review_due = sheet.last_reviewed  # flagged on the day it was reviewed
    sheet.full_clean()


def test_last_reviewed_cannot_be_in_the_future(site):
    sheet = site.definition
    sheet.last_reviewed = timezone.localdate() + datetime.timedelta(days=1)
    sheet.review_due = sheet.last_reviewed + datetime.timedelta(days=365)
    with pytest.raises(ValidationError, match="cannot be in the future"):
        sheet.full_clean()


def test_repeated_headings_are_refused(site):
    with pytest.raises(ValidationError, match="Two headings read the same"):
        f.DefinitionSheetPageFactory(parent=site.section, body=[("heading", "Costs"), ("heading", "Costs")])


def test_listing_gives_kind_and_section_in_one_query(site, django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = [(s.title, s.kind, s.section_title) for s in SheetPage.objects.listing().order_by("title")]
    assert ("Run a community survey", "method", "Tools and Techniques") in rows
    assert ("Neighbourhood Plan", "definition", "Neighbourhood Planning") in rows
