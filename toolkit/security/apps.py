from django.apps import AppConfig

from . import checks  # noqa: F401 - registers the client address checks (no models: safe at import)


class SecurityConfig(AppConfig):
    """Security glue: the Content-Security-Policy per part of the site, extra headers, login
    lockout page, two-factor authentication wiring, upload limits and safe spreadsheet exports."""

    name = "toolkit.security"
    label = "toolkit_security"
    verbose_name = "Security"
