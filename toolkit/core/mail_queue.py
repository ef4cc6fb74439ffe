"""Outgoing mail is sent by the task worker, from the queue django-post-office keeps in the database.

With ``EMAIL_BACKEND = "post_office.EmailBackend"`` (production), every message the site sends
(the contact form, suggestions, "Email this sheet", Wagtail's own notifications) is saved as a
row and sent here, outside any request. When the mail server refuses or does not answer,
post-office marks the message to be tried again later, and this task comes back for it then: a
message waits, it is never lost. The worker being stopped only makes mail wait.
"""

import logging

from django.db.models import Min
from django.utils import timezone
from django_tasks import default_task_backend, task
from post_office.mail import send_queued
from post_office.models import STATUS, Email

logger = logging.getLogger(__name__)


@task()
def deliver_queued_mail():
    """Send everything that is due, then come back when the next retry is due."""
    sent, failed, requeued = send_queued()
    if failed or requeued:
        logger.warning(
            "Mail queue: %s sent, %s will be tried again, %s failed for good", sent, requeued, failed
        )
    next_try = (
        Email.objects.filter(status__in=(STATUS.queued, STATUS.requeued), scheduled_time__gt=timezone.now())
        .aggregate(first=Min("scheduled_time"))
        .get("first")
    )
    if next_try and default_task_backend.supports_defer:
        deliver_queued_mail.using(run_after=next_try).enqueue()
    return {"sent": sent, "failed": failed, "requeued": requeued}


def mail_queued(sender, **kwargs):
    """post-office's ``email_queued`` signal. The task is queued in the same transaction as the
    message, so the worker finds both or neither."""
    deliver_queued_mail.enqueue()
