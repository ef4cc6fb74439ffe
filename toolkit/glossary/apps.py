from django.apps import AppConfig


class GlossaryConfig(AppConfig):
    name = "toolkit.glossary"
    label = "glossary"
    verbose_name = "Glossary"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
