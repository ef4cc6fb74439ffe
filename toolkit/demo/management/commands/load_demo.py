"""``python manage.py load_demo [--editor]``: load the demo toolkit (safe to run again)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from toolkit.demo.loader import DemoContentError, DemoLoader

DEMO_EDITOR = ("editor", "toolkit-demo-editor")


class Command(BaseCommand):
    help = "Load the demo Community Planning Toolkit. Re-running creates nothing twice."

    def add_arguments(self, parser):
        parser.add_argument(
            "--editor",
            action="store_true",
            help="Also create a demo editor account (development only; refused when DEBUG is off).",
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
        if editor:
            self.create_editor()
        self.stdout.write(self.style.SUCCESS("Demo toolkit ready."))

    def create_editor(self):
        username, password = DEMO_EDITOR
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"email": "editor@example.org", "first_name": "Demo", "last_name": "Editor"},
        )
        if created:
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
        self.stdout.write(
            f"  Log in at http://127.0.0.1:8000/admin/ as “{username}” with password “{password}”."
        )
