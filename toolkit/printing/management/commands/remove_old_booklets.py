"""``python manage.py remove_old_booklets``: delete made booklets more than a week old (daily timer).

Booklets are made again when someone asks, so nothing is lost; this only keeps storage small.
"""

from django.core.management.base import BaseCommand

from toolkit.printing.booklets import KEEP_FOR, remove_old_booklets


class Command(BaseCommand):
    help = f"Delete booklet PDFs made more than {KEEP_FOR.days} days ago."

    def handle(self, *args, **options):
        removed = remove_old_booklets()
        self.stdout.write(f"Removed {removed} old booklet(s).")
