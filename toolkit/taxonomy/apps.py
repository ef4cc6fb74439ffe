from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "toolkit.taxonomy"
    label = "taxonomy"
    verbose_name = "Topics, audiences and pathways"
