"""Answers given before the bar (all about sheets) are about those sheets' pages after migration
0004, so the queue shows the page and the per-sheet report still counts them.

The data step is run on its own, on today's models: the schema step is Django's own, and
``makemigrations --check`` keeps it in line with the models (a real migrate back and forth on
SQLite needs a transactional test that costs seconds for one ``UPDATE``)."""

from importlib import import_module

import pytest
from django.apps import apps

from toolkit.feedback.models import PageFeedback

migration = import_module("toolkit.feedback.migrations.0004_useful_on_every_page")


@pytest.mark.django_db
def test_answers_about_sheets_get_their_page(site):
    before = PageFeedback.objects.create(sheet=site.definition, useful=False, comment="Before the bar")
    PageFeedback.objects.filter(pk=before.pk).update(page=None)  # as 0003 left it: no page column
    view_only = PageFeedback.objects.create(path="/a-z/", useful=True)
    migration.page_from_sheet(apps, None)
    answer = PageFeedback.objects.get(pk=before.pk)
    assert (answer.page_id, answer.sheet_id, answer.comment) == (site.definition.pk,) * 2 + (
        "Before the bar",
    )
    migration.drop_answers_without_a_sheet(
        apps, None
    )  # going back: 0003 cannot hold an answer about no sheet
    assert list(PageFeedback.objects.values_list("pk", flat=True)) == [before.pk]
    assert not PageFeedback.objects.filter(pk=view_only.pk).exists()
