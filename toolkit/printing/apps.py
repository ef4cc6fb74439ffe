from django.apps import AppConfig


class PrintingConfig(AppConfig):
    name = "toolkit.printing"
    label = "printing"
    verbose_name = "Printing, PDFs and print packs"

    def ready(self):
        from . import speedups

        speedups.apply()
