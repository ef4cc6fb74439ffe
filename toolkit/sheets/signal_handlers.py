from wagtail.signals import page_published

from .embeds import fetch_embeds


def fetch_embeds_on_publish(sender, instance, **kwargs):
    fetch_embeds(instance.specific)


def register_signal_handlers():
    page_published.connect(fetch_embeds_on_publish, dispatch_uid="sheets_fetch_embeds")
