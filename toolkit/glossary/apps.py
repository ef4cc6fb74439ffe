from django.apps import AppConfig


class GlossaryConfig(AppConfig):
    name = "toolkit.glossary"
    label = "glossary"
    verbose_name = "Glossary"

    def ready(self):
        # Imported here: the signal handlers import models, which cannot load while Django is
        # importing the apps (this file).
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
