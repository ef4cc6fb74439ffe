"""Addresses of a sheet's print view, PDF and email form, built from its URL without a query;
whether the reader's print pack already holds a sheet; the ready-made pack that goes with a page."""

from django import template
from django.conf import settings

from toolkit.printing.documents import page_pdf_url
from toolkit.printing.ready_made import pack_holding
from toolkit.printing.views import load_pack

register = template.Library()


@register.simple_tag(takes_context=True)
def sheet_print_url(context, page):
    return page.get_url(context.get("request")) + "print/"


@register.simple_tag(takes_context=True)
def sheet_email_url(context, page):
    return page.get_url(context.get("request")) + "email/"


@register.simple_tag(takes_context=True)
def pdf_url(context, page):
    """``/<section>/<sheet>.pdf`` for a sheet, ``/print-packs/<pack>.pdf`` for a ready-made pack."""
    return page_pdf_url(page, context.get("request"))


@register.simple_tag(takes_context=True)
def sheet_in_pack(context, page):
    """Whether the reader's pack holds ``page``. Only a reader who already has a session can have a
    pack; for everyone else the session is not even looked at, so their pages stay cacheable."""
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    return page.pk in load_pack(request)


@register.simple_tag
def ready_made_pack(sheet_ids):
    """``{% ready_made_pack sheet_ids as pack %}``: the ready-made pack holding every one of
    these sheets, for "What to do next" (``toolkit.printing.ready_made``), or ``None``."""
    return pack_holding(sheet_ids)
