"""The email that "Email this sheet" sends: always the same words around the sheet's own fields."""

from django.core.mail import send_mail
from django.template.loader import render_to_string


def one_line(text):
    return " ".join(str(text).split())


def send_sheet(page, recipient, sheet_url, pdf_url, publisher):
    """Send the sheet's title, summary and links to ``recipient`` through Django's mail backend."""
    context = {"page": page, "sheet_url": sheet_url, "pdf_url": pdf_url, "publisher": publisher}
    send_mail(
        subject=one_line(f"{page.title}: a sheet from the {publisher}"),
        message=render_to_string("printing/email/sheet.txt", context),
        from_email=None,
        recipient_list=[recipient],
    )
