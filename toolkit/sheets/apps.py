from django.apps import AppConfig


class SheetsConfig(AppConfig):
    name = "toolkit.sheets"
    label = "sheets"
    verbose_name = "Sheets and sections"

    def ready(self):
        # Imported here: the signal handlers import models, which Django cannot load while it is importing the apps (this file).
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
