"""``python manage.py set_site_address https://toolkit.example.org``: the public address of the site.

Wagtail's default site is created as ``localhost`` on port 80, and everything that writes the site's
address out takes it from there: the address printed on every sheet and PDF, canonical links, the
sitemap, the feeds and "Email this sheet". Run this once when deploying (or set it under
Settings → Sites) so none of them says localhost.
"""

from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def parse_address(address):
    """(hostname, port) of an http(s) address with no path, or a CommandError saying what is wrong."""
    try:
        parts = urlsplit(address.strip())
        port = parts.port
    except ValueError as error:
        raise CommandError(f"{address!r} is not a web address: {error}.") from error
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise CommandError(f"{address!r} is not a web address: give one like https://toolkit.example.org")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise CommandError(f"{address!r} has more than a host in it: give only the site's root address.")
    return parts.hostname, port or DEFAULT_PORTS[parts.scheme]


class Command(BaseCommand):
    help = "Set the public address (and optionally the name) of the default Wagtail site."

    def add_arguments(self, parser):
        parser.add_argument("address", help="the site's root address, e.g. https://toolkit.example.org")
        parser.add_argument("--name", help="the site's name, shown in the admin")

    def handle(self, *args, address, name=None, **options):
        hostname, port = parse_address(address)
        with transaction.atomic():
            site = Site.objects.select_for_update().filter(is_default_site=True).first()
            if site is None:
                raise CommandError("There is no default site yet: run migrate (and load_demo) first.")
            clash = Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).first()
            if clash is not None:
                raise CommandError(
                    f"Another site ({clash.site_name or clash.hostname}) already has {hostname}:{port}."
                )
            before = site.root_url
            site.hostname, site.port = hostname, port
            if name:
                site.site_name = name.strip()[:255]
            site.save()
        self.stdout.write(self.style.SUCCESS(f"The default site is now at {site.root_url} (was {before})."))
