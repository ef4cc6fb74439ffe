"""``python manage.py load_demo [--editor]``: load the demo toolkit (safe to run again).

``--editor`` also makes the demo accounts: editor, reviewer and contributor (development only).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from toolkit.core.management.base import ToolkitCommand
from toolkit.demo.loader import DemoContentError, DemoLoader
from toolkit.editorial.roles import create_demo_accounts, setup_roles


class Command(ToolkitCommand):
    help = "Load the demo Community Planning Toolkit. Re-running creates nothing twice."

    def add_arguments(self, parser):
        parser.add_argument(
            "--editor",
            action="store_true",
            help="Also create the demo editor, reviewer and contributor accounts (development only; "
            "refused when DEBUG is off).",
        )

    def handle(self, *args, editor=False, **options):
        if editor and not settings.DEBUG:
            raise CommandError("The demo editor account is for development only (DEBUG is off).")
        try:
            report = DemoLoader().load()
        except (DemoContentError, ValidationError) as error:
            raise CommandError(f"Demo content problem, nothing was loaded: {error}") from error
        for line in report.lines():
            self.stdout.write(f"  {line}")
        setup_roles()  # Contributors, Reviewers, Editors and the "Sheet review" workflow
        if editor:
            self.create_editor()
        self.stdout.write(self.style.SUCCESS("Demo toolkit ready."))

    def create_editor(self):
        """The demo editor (a superuser) and, for trying the workflow, a contributor and a reviewer."""
        self.stdout.write("  Log in at http://127.0.0.1:8000/admin/ as")
        for username, password in create_demo_accounts():
            self.stdout.write(f"    “{username}” with password “{password}”")
