"""Editors hear about each new suggestion by email, at the site's contact address (if set).

The message names the suggestion and links to it in the admin; it never repeats the reader's
email address. Like all the site's mail it is queued and sent by the task worker in production.
"""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from wagtail.admin.admin_url_finder import AdminURLFinder

from toolkit.core.models import ToolkitSettings


def tell_editors(request, suggestion):
    address = ToolkitSettings.for_request(request).contact_email
    if not address:
        return
    context = {
        "suggestion": suggestion,
        "admin_url": request.build_absolute_uri(AdminURLFinder().get_edit_url(suggestion) or "/admin/"),
    }
    subject = " ".join(render_to_string("feedback/email/new_suggestion_subject.txt", context).split())
    send_mail(subject, render_to_string("feedback/email/new_suggestion.txt", context), None, [address])
