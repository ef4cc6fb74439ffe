"""Answers given before the bar (all about sheets) are about those sheets' pages after migration
0004, so the queue shows the page and the per-sheet report still counts them."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from toolkit.feedback.models import PageFeedback

BEFORE = [("feedback", "0003_useful_in_words_feedback_closed")]
AFTER = [("feedback", "0004_useful_on_every_page")]


def migrate(targets):
    """Migrate to ``targets``; the models as they were there."""
    return MigrationExecutor(connection).migrate(targets).apps


@pytest.mark.django_db(transaction=True)  # SQLite cannot rebuild a table inside a test's transaction
def test_answers_about_sheets_get_their_page(live_site):
    try:
        old = migrate(BEFORE).get_model("feedback", "PageFeedback")
        old.objects.create(sheet_id=live_site.definition.pk, useful=False, comment="Before the bar")
    finally:
        migrate(AFTER)  # the latest feedback migration, which nothing else depends on
    answer = PageFeedback.objects.get()
    assert (answer.page_id, answer.sheet_id, answer.comment) == (live_site.definition.pk,) * 2 + (
        "Before the bar",
    )
