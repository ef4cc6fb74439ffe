from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "toolkit.search"
    label = "toolkit_search"
    verbose_name = "Search"
