"""Answers to "Is this page useful?" may be about any page, or about a view that is not a page.

Every existing answer is about a sheet, and a sheet's id is its page's id, so each gets its page
from its sheet; going back, answers that were about no sheet cannot be kept.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def page_from_sheet(apps, schema_editor):
    PageFeedback = apps.get_model("feedback", "PageFeedback")
    PageFeedback.objects.filter(page__isnull=True, sheet__isnull=False).update(page=models.F("sheet"))


def drop_answers_without_a_sheet(apps, schema_editor):
    apps.get_model("feedback", "PageFeedback").objects.filter(sheet__isnull=True).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('feedback', '0003_useful_in_words_feedback_closed'),
        ('sheets', '0005_editor_help_and_unreviewed_new_sheets'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='pagefeedback',
            name='doing',
            field=models.TextField(blank=True, verbose_name='What they were doing'),
        ),
        migrations.AddField(
            model_name='pagefeedback',
            name='page',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL),
        ),
        migrations.AddField(
            model_name='pagefeedback',
            name='path',
            field=models.CharField(blank=True, max_length=255, verbose_name='Address'),
        ),
        migrations.AlterField(
            model_name='pagefeedback',
            name='comment',
            field=models.TextField(blank=True, verbose_name='What went wrong'),
        ),
        migrations.AlterField(
            model_name='pagefeedback',
            name='sheet',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='feedback', to='sheets.sheetpage'),
        ),
        migrations.RunPython(page_from_sheet, drop_answers_without_a_sheet),
    ]
