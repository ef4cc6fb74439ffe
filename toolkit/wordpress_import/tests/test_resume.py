"""A run stopped half-way, then run again, ends exactly where one clean run does."""

import pytest

from toolkit.wordpress_import.importer import ImportInterrupted
from toolkit.wordpress_import.models import ImportedItem

from .conftest import make_import_home, run_import, snapshot, wipe_import

STOP_AFTER = 25


def stop_after(count):
    def hook(done, planned):
        if done == count:
            raise KeyboardInterrupt

    return hook


@pytest.mark.django_db(transaction=True)
def test_interrupted_run_then_rerun_equals_one_clean_run():
    """Real commits (a transactional test): what was committed before the stop stays."""
    home = make_import_home()
    run_import()
    clean = snapshot()
    wipe_import(home)

    with pytest.raises(ImportInterrupted) as stopped:
        run_import(after_item=stop_after(STOP_AFTER))
    assert stopped.value.report.interrupted
    items = ImportedItem.objects.filter(kind__in=["post", "page"], page__isnull=False)
    assert items.count() == STOP_AFTER  # each item committed on its own
    assert items.filter(needs_indexing=True).count() == STOP_AFTER  # indexing is owed, not lost

    report = run_import()
    assert report.outcomes("post")["unchanged"] + report.outcomes("page")["unchanged"] == STOP_AFTER
    assert snapshot() == clean
    assert not ImportedItem.objects.filter(needs_indexing=True).exists()


def test_a_failing_item_is_reported_and_the_rest_import(home, monkeypatch):
    from toolkit.wordpress_import import importer

    real = importer.WordPressImporter.save_redirects

    def broken_for_one(self, page, paths):
        if page.slug == "template-sticky":
            raise ValueError("the disk is full")
        return real(self, page, paths)

    monkeypatch.setattr(importer.WordPressImporter, "save_redirects", broken_for_one)
    report = run_import()
    failed = report.by_outcome("failed")
    assert [(e.wp_id, e.reason) for e in failed] == [(1241, "ValueError: the disk is full")]
    assert report.outcomes("post")["imported"] == 57
    assert not ImportedItem.objects.filter(kind="post", key="1241").exists()  # rolled back whole
    from wagtail.models import Page

    assert not Page.objects.filter(slug="template-sticky").exists()

    monkeypatch.setattr(importer.WordPressImporter, "save_redirects", real)
    again = run_import()
    assert [(e.wp_id, e.outcome) for e in again.entries if e.outcome == "imported"] == [(1241, "imported")]
