from django.apps import AppConfig


class LinkcheckConfig(AppConfig):
    """Finds outbound links that no longer work, so readers are not sent to dead ends."""

    name = "toolkit.linkcheck"
    label = "linkcheck"
    verbose_name = "Link checking"
