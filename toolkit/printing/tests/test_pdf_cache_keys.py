"""A cached PDF is never older than what it shows: a new day (the "review overdue" notice) and any
template or stylesheet change give it a new key, with nothing published and nothing deleted."""

import datetime
import shutil

import pytest
from django.conf import settings
from django.test import override_settings
from django.test.signals import template_rendered
from django.utils import timezone

from toolkit.core.cache import bump_content_version
from toolkit.printing.booklets import booklet_key
from toolkit.printing.documents import sheet_pdf_cache_name
from toolkit.printing.fingerprint import render_fingerprint, template_files
from toolkit.sheets.models import SheetPage

from .pdfs import all_text, read

pytestmark = pytest.mark.django_db

# UTC-12 and UTC+12: at any one moment the date in EAST is the date in WEST plus one day, so
# reading the same sheet in WEST and then in EAST is reading it today and then tomorrow, with no
# clock patched.
WEST, EAST = "Etc/GMT+12", "Etc/GMT-12"
NOTICE = "This sheet is due for a review."
REVIEW_NOTICE = "editorial/includes/review_notice.html"
MADE_ON = datetime.date(2026, 12, 1)


@pytest.fixture(autouse=True)
def fresh_fingerprint():
    """Each test works the fingerprint out from the templates it has (a new process would)."""
    render_fingerprint.cache_clear()
    yield
    render_fingerprint.cache_clear()


def pdf_address(page):
    return page.url.rstrip("/") + ".pdf"


def set_review_due(sheet, due):
    """The review date as it stands in the database, the content version bumped as a publish
    would; after this, only the passing of days changes what the sheet says."""
    SheetPage.objects.filter(pk=sheet.pk).update(
        review_due=due, last_reviewed=due - datetime.timedelta(days=365)
    )
    bump_content_version()


def test_a_sheet_pdf_shows_the_overdue_notice_on_the_day_the_review_falls_due(client, site):
    with timezone.override(WEST):
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    set_review_due(site.definition, tomorrow)

    with timezone.override(WEST):
        assert NOTICE not in all_text(read(client.get(pdf_address(site.definition))))
        assert NOTICE not in client.get(site.definition.url).content.decode()
    with timezone.override(EAST):  # the same moment, one day on: the review is due today
        assert NOTICE in client.get(site.definition.url).content.decode(), "the page says it"
        assert NOTICE in all_text(read(client.get(pdf_address(site.definition)))), "and so does its PDF"


def rendered_template_files(response_of):
    """The files of every template rendered while ``response_of()`` runs, and its response."""
    used = set()

    def note(sender, template, **kwargs):
        if template.origin and template.origin.loader is not None:
            used.add(template.origin.name)

    template_rendered.connect(note)
    try:
        response = response_of()
    finally:
        template_rendered.disconnect(note)
    return used, response


def test_every_template_a_sheet_pdf_uses_is_in_the_fingerprint(client, site):
    with timezone.override(EAST):
        set_review_due(site.definition, timezone.localdate())  # the review notice shows
        used, response = rendered_template_files(lambda: client.get(pdf_address(site.definition)))
    assert NOTICE in all_text(read(response))
    assert any(name.endswith(REVIEW_NOTICE) for name in used), used
    assert any(name.endswith("printing/print_frame.html") for name in used), used
    fingerprinted = {str(path) for _, path in template_files()}
    assert used - fingerprinted == set()


def templates_with(folder):
    """The site's template settings with ``folder`` searched first."""
    return [{**settings.TEMPLATES[0], "DIRS": [folder, *settings.TEMPLATES[0]["DIRS"]]}]


def test_editing_an_included_template_makes_a_new_pdf(client, rf, site, tmp_path):
    """As a deploy that changes the editorial app's review notice: the next PDF has the new words."""
    folder = tmp_path / "templates"
    shutil.copytree(settings.BASE_DIR / "toolkit" / "editorial" / "templates", folder)
    with timezone.override(EAST):
        set_review_due(site.definition, timezone.localdate())
    request = rf.get("/", HTTP_HOST="testserver")
    sheet = SheetPage.objects.get(pk=site.definition.pk)
    booklet_of = [site.definition, site.method]

    with override_settings(TEMPLATES=templates_with(folder)), timezone.override(EAST):
        before = sheet_pdf_cache_name(request, sheet), booklet_key("testserver", "Pack", booklet_of, MADE_ON)
        assert NOTICE in all_text(read(client.get(pdf_address(site.definition))))

    notice = folder / REVIEW_NOTICE
    notice.write_text(notice.read_text().replace(NOTICE, "This sheet is waiting for its yearly check."))
    render_fingerprint.cache_clear()  # what a deploy's new process would find

    with override_settings(TEMPLATES=templates_with(folder)), timezone.override(EAST):
        after = sheet_pdf_cache_name(request, sheet), booklet_key("testserver", "Pack", booklet_of, MADE_ON)
        text = all_text(read(client.get(pdf_address(site.definition))))
    assert after[0] != before[0] and after[1] != before[1]
    assert "waiting for its yearly check" in text and NOTICE not in text
