from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "toolkit.search"
    label = "toolkit_search"
    verbose_name = "Search"

    def ready(self):
        # Imported here: models cannot load while Django is importing the apps (this file).
        from wagtail.contrib.search_promotions.models import SearchPromotion

        from toolkit.core.cache import stale_when_changed

        from .models import SynonymGroup

        stale_when_changed(SynonymGroup, SearchPromotion)  # cached search results and "Did you mean"
