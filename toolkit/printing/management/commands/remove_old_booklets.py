"""``python manage.py remove_old_booklets``: delete made booklets more than a week old (daily timer).

Booklets are made again when someone asks, so nothing is lost; this only keeps storage small.
"""

from toolkit.core.management.base import ToolkitCommand
from toolkit.printing.booklets import KEEP_FOR, remove_old_booklets


class Command(ToolkitCommand):
    help = f"Delete booklet PDFs made more than {KEEP_FOR.days} days ago."

    def handle(self, *args, **options):
        removed = remove_old_booklets()
        self.stdout.write(f"Removed {removed} old booklet(s).")
