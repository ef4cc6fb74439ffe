"""``python manage.py backup [--to DIR] [--keep N]``: the database and uploads in one file.

Run it daily (the ``toolkit-backup`` timer in ``deploy/systemd`` does) and copy the folder off the
server. Exit status 0 with the file's path; 1 with one line when it cannot be made (nothing is
left half-written).
"""

import os

from django.core.management.base import CommandError

from toolkit.backups.archive import BackupError, keep_newest, make_backup
from toolkit.core.management.base import ToolkitCommand


class Command(ToolkitCommand):
    help = "Back up the database and uploaded files into one .tar.gz file."

    def add_arguments(self, parser):
        parser.add_argument(
            "--to",
            default=os.environ.get("BACKUP_DIR", "backups"),
            help="the folder (default $BACKUP_DIR or ./backups)",
        )
        parser.add_argument(
            "--keep", type=int, default=14, help="keep this many newest backups (default 14; 0: all)"
        )

    def handle(self, *args, to, keep, **options):
        if keep < 0:
            raise CommandError("--keep must be 0 (keep all) or more")
        try:
            path = make_backup(to)
        except (BackupError, OSError) as error:
            raise CommandError(f"No backup made: {error}") from error
        removed = keep_newest(to, keep)
        size = path.stat().st_size / 1024 / 1024
        self.stdout.write(self.style.SUCCESS(f"Backup written: {path} ({size:.1f} MB)"))
        if removed:
            self.stdout.write(f"Removed {len(removed)} older backup(s).")
