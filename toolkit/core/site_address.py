"""The public address of the default site: where every written-out link and printed address
comes from (the address on each sheet and PDF, canonical links, the sitemap, feeds, emails).

Wagtail makes the default site as ``localhost`` on port 80; ``set_site_address`` and
``create_toolkit`` both set the real one through here.
"""

import ipaddress
import re
from urllib.parse import urlsplit

from django.db import transaction
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}
# Dot-separated labels of letters, digits and inner hyphens (RFC 1123), as an ASCII host must be.
HOSTNAME = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)(?:\.(?!-)[a-z0-9-]{1,63}(?<!-))*\.?$")


def is_hostname(name):
    """Whether ``name`` can be a host in a link: an IP address or a well-formed domain name
    (urlsplit takes "exa mple.org" as a host without complaint)."""
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        pass
    try:
        name = name.encode("idna").decode("ascii")  # bücher.example -> xn--bcher-kva.example
    except UnicodeError:
        return False
    return len(name) <= 253 and bool(HOSTNAME.match(name))


class SiteAddressError(ValueError):
    """The address cannot be used; the message says why in one line."""


def parse_address(address):
    """(hostname, port) of an http(s) address with no path, or a SiteAddressError saying what is wrong."""
    try:
        parts = urlsplit(address.strip())
        port = parts.port
    except ValueError as error:
        raise SiteAddressError(f"{address!r} is not a web address: {error}.") from error
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname or not is_hostname(parts.hostname):
        raise SiteAddressError(f"{address!r} is not a web address: give one like https://toolkit.example.org")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise SiteAddressError(f"{address!r} has more than a host in it: give only the site's root address.")
    return parts.hostname, port or DEFAULT_PORTS[parts.scheme]


def set_default_site_address(address, name=None):
    """Point the default site at ``address`` (and rename it); True when anything changed."""
    hostname, port = parse_address(address)
    with transaction.atomic():
        site = Site.objects.select_for_update().filter(is_default_site=True).first()
        if site is None:
            raise SiteAddressError("There is no default site yet: run migrate, then create_toolkit.")
        clash = Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).first()
        if clash is not None:
            raise SiteAddressError(
                f"Another site ({clash.site_name or clash.hostname}) already has {hostname}:{port}."
            )
        name = name.strip()[:255] if name else site.site_name
        if (site.hostname, site.port, site.site_name) == (hostname, port, name):
            return False
        site.hostname, site.port, site.site_name = hostname, port, name
        site.save()
    return True
