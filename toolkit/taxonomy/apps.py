from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "toolkit.taxonomy"
    label = "taxonomy"
    verbose_name = "Topics, audiences and pathways"

    def ready(self):
        # Imported here: models cannot load while Django is importing the apps (this file).
        from toolkit.core.cache import stale_when_changed

        from .models import Audience, Topic

        stale_when_changed(Topic, Audience)  # topic and route lists, the topic cloud, sheet tags
