from django.apps import AppConfig


class PrintingConfig(AppConfig):
    name = "toolkit.printing"
    label = "printing"
    verbose_name = "Printing, PDFs and print packs"

    def ready(self):
        # Imported here: the speed-ups are applied once, when every app is loaded, not on import.
        from . import speedups

        speedups.apply()
