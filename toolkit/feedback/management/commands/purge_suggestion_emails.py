"""``python manage.py purge_suggestion_emails [--days 90]``: forget old reply addresses.

Closing a suggestion wipes its email address at once. This catches the rest: suggestions still
open after ``--days`` days lose their address too (run it daily from cron or a scheduler).
"""

import datetime

from django.core.management.base import CommandError
from django.utils import timezone

from toolkit.core.management.base import ToolkitCommand
from toolkit.feedback.models import Suggestion

DEFAULT_DAYS = 90


class Command(ToolkitCommand):
    help = "Delete the email address of every suggestion received more than N days ago (default 90)."

    def add_arguments(self, parser):
        parser.add_argument("--days", default=str(DEFAULT_DAYS), help="Age in days (1-3650).")

    def handle(self, *args, days, **options):
        if not (days.isascii() and days.isdigit()) or not 1 <= int(days) <= 3650:
            raise CommandError(f"--days must be a whole number from 1 to 3650, not {days!r}.")
        cutoff = timezone.now() - datetime.timedelta(days=int(days))
        count = Suggestion.objects.filter(created_at__lt=cutoff).exclude(email="").update(email="")
        self.stdout.write(self.style.SUCCESS(f"Deleted {count} email address{'es' if count != 1 else ''}."))
