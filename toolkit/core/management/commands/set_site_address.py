"""``python manage.py set_site_address https://toolkit.example.org``: the public address of the site.

Wagtail's default site is created as ``localhost`` on port 80, and everything that writes the site's
address out takes it from there: the address printed on every sheet and PDF, canonical links, the
sitemap, the feeds and "Email this sheet". ``create_toolkit --address`` sets it when a toolkit is
made; run this when the address changes later (or set it under Settings → Sites).
"""

from django.core.management.base import CommandError
from wagtail.models import Site

from toolkit.core.management.base import ToolkitCommand
from toolkit.core.site_address import SiteAddressError, set_default_site_address


class Command(ToolkitCommand):
    help = "Set the public address (and optionally the name) of the default Wagtail site."

    def add_arguments(self, parser):
        parser.add_argument("address", help="the site's root address, e.g. https://toolkit.example.org")
        parser.add_argument("--name", help="the site's name, shown in the admin")

    def handle(self, *args, address, name=None, **options):
        before = Site.objects.filter(is_default_site=True).first()
        try:
            changed = set_default_site_address(address, name)
        except SiteAddressError as error:
            raise CommandError(str(error)) from error
        site = Site.objects.get(is_default_site=True)
        if changed:
            self.stdout.write(
                self.style.SUCCESS(f"The default site is now at {site.root_url} (was {before.root_url}).")
            )
        else:
            self.stdout.write(f"The default site is already at {site.root_url}: nothing changed.")
