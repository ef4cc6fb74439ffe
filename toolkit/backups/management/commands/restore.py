"""``python manage.py restore FILE``: bring a backup back onto a new, empty server.

Create an empty database (``createdb toolkit``), set ``DATABASE_URL`` and the other settings as
for the old server, then restore: no ``migrate`` first, the backup holds the tables. It refuses a
database that already has the toolkit in it unless ``--replace`` is given. Afterwards run
``migrate`` (in case the code is newer than the backup) and ``collectstatic``.
"""

from django.core.management.base import CommandError

from toolkit.backups.archive import BackupError, restore_backup
from toolkit.core.management.base import ToolkitCommand


class Command(ToolkitCommand):
    help = "Restore the database and uploaded files from a backup made by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the backup, e.g. backups/toolkit-20261202-023000.tar.gz")
        parser.add_argument(
            "--replace", action="store_true", help="overwrite a database that is not empty (careful)"
        )

    def handle(self, *args, file, replace, **options):
        try:
            manifest = restore_backup(file, replace=replace)
        except (BackupError, OSError) as error:
            raise CommandError(f"Nothing restored: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup made {manifest['made']} ({manifest['engine']} database"
                f"{' and uploads' if manifest.get('media') else ''}). Next: `manage.py migrate`, then restart the site."
            )
        )
