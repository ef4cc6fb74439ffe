from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Who may do what (roles and the moderation workflow) and keeping sheets up to date."""

    name = "toolkit.editorial"
    label = "editorial"
    verbose_name = "Editorial workflow and freshness"
