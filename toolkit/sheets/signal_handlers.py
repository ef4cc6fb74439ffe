from wagtail.signals import page_published, workflow_approved

from .embeds import fetch_embeds
from .reviews import date_approval, date_first_publication


def fetch_embeds_on_publish(sender, instance, **kwargs):
    fetch_embeds(instance.specific)


def register_signal_handlers():
    page_published.connect(fetch_embeds_on_publish, dispatch_uid="sheets_fetch_embeds")
    page_published.connect(date_first_publication, dispatch_uid="sheets_date_first_publication")
    workflow_approved.connect(date_approval, dispatch_uid="sheets_date_approval")
