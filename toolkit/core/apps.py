from django.apps import AppConfig

from .converters import register as register_converters


class CoreConfig(AppConfig):
    name = "toolkit.core"
    label = "core"
    verbose_name = "Core: settings, caches and rate limits"

    def ready(self):
        # Imported here, not at the top: these modules import models, which Django cannot load
        # while it is still importing the apps (this file) to build its registry.
        from post_office.signals import email_queued

        from .mail_queue import mail_queued
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        register_converters()
        email_queued.connect(mail_queued, dispatch_uid="toolkit_deliver_queued_mail")
