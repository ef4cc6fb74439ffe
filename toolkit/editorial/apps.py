from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Who may do what (roles and the moderation workflow) and keeping sheets up to date."""

    name = "toolkit.editorial"
    label = "editorial"
    verbose_name = "Editorial workflow and freshness"

    def ready(self):
        # Imported here: models cannot load while Django is importing the apps (this file).
        from toolkit.core.cache import stale_when_changed

        from .models import Law

        stale_when_changed(Law)  # the laws a sheet cites, shown on the sheet
