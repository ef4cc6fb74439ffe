from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "toolkit.directory"
    label = "directory"
    verbose_name = "Organisations that can help"

    def ready(self):
        # Imported here: models cannot load while Django is importing the apps (this file).
        from toolkit.core.cache import stale_when_changed

        from .models import Organisation

        stale_when_changed(Organisation)  # the directory and each sheet's "Organisations that help"
