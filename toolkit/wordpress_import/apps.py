from django.apps import AppConfig


class WordPressImportConfig(AppConfig):
    name = "toolkit.wordpress_import"
    label = "wordpress_import"
    verbose_name = "WordPress import"
