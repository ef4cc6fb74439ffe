"""System checks that the client address (rate limits, login lockouts) can be trusted in production.

Behind a proxy every connection comes from the proxy: without ``CLIENT_IP_HEADER`` all readers
share one address, so five wrong passwords from anyone lock the real editor out and every form
limit is shared by the whole site. And a header believed from nobody (``TRUSTED_PROXIES`` empty) is
never used. Both are errors under ``manage.py check --deploy``, so a release cannot ship them.
"""

import ipaddress

from django.conf import settings
from django.core.checks import Error, Tags, register


def behind_proxy():
    """A front cache to purge means a proxy in front; ``BEHIND_PROXY=true`` says so without one."""
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None)) or settings.BEHIND_PROXY


def invalid_trusted_proxies():
    invalid = []
    for item in settings.TRUSTED_PROXIES:
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError:
            invalid.append(item)
    return invalid


@register(Tags.security, deploy=True)
def check_client_address(app_configs, **kwargs):
    errors = []
    if behind_proxy() and not settings.CLIENT_IP_HEADER:
        errors.append(
            Error(
                "The site runs behind a proxy (FRONTEND_CACHE_PURGE_URL or BEHIND_PROXY is set) but "
                "CLIENT_IP_HEADER is not, so every reader has the proxy's address.",
                hint="Set CLIENT_IP_HEADER=X-Real-IP (the shipped nginx config sets it).",
                id="toolkit_security.E001",
            )
        )
    if settings.CLIENT_IP_HEADER and not settings.TRUSTED_PROXIES:
        errors.append(
            Error(
                "CLIENT_IP_HEADER is set but TRUSTED_PROXIES is empty, so the header is never believed.",
                hint="Set TRUSTED_PROXIES to the proxy's address (default 127.0.0.1,::1).",
                id="toolkit_security.E002",
            )
        )
    if invalid := invalid_trusted_proxies():
        errors.append(
            Error(
                f"TRUSTED_PROXIES has entries that are not addresses or networks: {', '.join(invalid)}.",
                hint="Use addresses or networks, comma-separated, e.g. 127.0.0.1,::1,10.0.0.0/8.",
                id="toolkit_security.E003",
            )
        )
    return errors
