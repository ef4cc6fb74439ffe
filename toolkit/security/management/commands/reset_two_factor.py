"""``python manage.py reset_two_factor USERNAME``: for a user who has lost their phone."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from toolkit.core.management.base import ToolkitCommand


class Command(ToolkitCommand):
    help = "Remove a user's two-factor devices, so they can sign in with their password and set up again."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist as error:
            raise CommandError(f"No user called {username!r}.") from error
        count, _ = TOTPDevice.objects.filter(user=user).delete()
        self.stdout.write(self.style.SUCCESS(f"Removed {count} two-factor device(s) for {username}."))
