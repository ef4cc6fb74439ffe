from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "toolkit.core"
    label = "core"
    verbose_name = "Core pages and site settings"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
