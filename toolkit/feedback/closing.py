"""Closing what readers sent: one item with a reply to the reader, or many at once.

A small team works through these queues, so each item takes one step: write the reply (if the
reader left an address), choose the outcome, and the reply goes and the item closes together.
The reply goes through Django's mail backend like all the site's mail (queued by django-post-office
and sent by the task worker in production), inside the same transaction as the close: if the
message cannot be handed over, nothing is closed and the reader's address is kept.

Every close is written to Wagtail's audit log with the user who made it.
"""

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.dateformat import format as date_format
from wagtail.log_actions import log

from toolkit.core.models import ToolkitSettings

CLOSED_ACTION = "feedback.close"
REPLIED_ACTION = "feedback.reply"


def close_all(items, user, status=None):
    """Close every open item among ``items`` (as ``status``, for suggestions); the ones closed now.

    Items already closed keep the outcome they were given.
    """
    closed = []
    with transaction.atomic():
        for item in items:
            if item.is_closed:
                continue
            if status:
                item.close(status)
            else:
                item.close()
            log(instance=item, action=CLOSED_ACTION, user=user, data={"status": item.status})
            closed.append(item)
    return closed


def one_line(text):
    return " ".join(str(text).split())


def reply_message(suggestion, reply, site):
    """The email to the reader: the team's words, then one line saying what it answers.

    It names the sheet or topic but does not quote the details back: anyone can type any address
    into the form, and the site must not become a way to mail a stranger someone else's text.
    """
    settings = ToolkitSettings.for_site(site)
    context = {
        "suggestion": suggestion,
        "reply": reply.strip(),
        "publisher": settings.publisher,
        "sheet_url": suggestion.sheet.full_url if suggestion.sheet and suggestion.sheet.live else "",
    }
    return EmailMessage(
        subject=one_line(f"Your suggestion to the {settings.publisher}"),
        body=render_to_string("feedback/email/reply.txt", context),
        to=[suggestion.email],
        reply_to=[settings.contact_email] if settings.contact_email else None,
    )


def reply_and_close(suggestion, user, status, reply="", site=None):
    """Send ``reply`` to the reader (when they left an address and there is a reply) and close the
    suggestion as ``status``, in one transaction. Returns the address written to, or "".

    The reply is kept in the team's notes, since the reader's address is deleted on closing.
    Raises what the mail backend raises (``smtplib.SMTPException``, ``OSError``) with nothing changed.
    """
    recipient = suggestion.email if reply.strip() else ""
    with transaction.atomic():
        if recipient:
            reply_message(suggestion, reply, site).send()
            note = f"Reply sent on {date_format(timezone.localdate(), 'j F Y')}:\n{reply.strip()}"
            suggestion.moderator_note = "\n\n".join(filter(None, [suggestion.moderator_note.strip(), note]))
        suggestion.status = status
        suggestion.save(update_fields=["status", "moderator_note"])
        log(
            instance=suggestion,
            action=REPLIED_ACTION if recipient else CLOSED_ACTION,
            user=user,
            data={"status": status},
        )
    return recipient
