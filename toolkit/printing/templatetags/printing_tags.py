"""Addresses of a sheet's print view, PDF and email form, built from its URL without a query."""

from django import template

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
