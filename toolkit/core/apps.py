from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "toolkit.core"
    label = "core"
    verbose_name = "Core pages and site settings"
