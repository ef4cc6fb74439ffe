"""Addresses of a sheet's print view, PDF and email form, built from its URL without a query; and
whether the reader's print pack already holds a sheet."""

from django import template
from django.conf import settings

from toolkit.printing.documents import page_pdf_url

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
    from toolkit.printing.views import load_pack

    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    return page.pk in load_pack(request)
