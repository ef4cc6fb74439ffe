"""Checking every link in the background, queued from the "Broken links" report.

A check takes minutes, so the button only queues it; the task worker (``manage.py db_worker``)
does the checking. At most one check waits in the queue at a time: pressing the button again, or
in a second tab, while one is queued or running shows that one instead of queueing another.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from .models import LinkCheckRun
from .runs import check_every_link

GAVE_UP = "Did not finish: the task worker may have stopped during the check."


def queue_check(user=None):
    """Queue a check unless one is already queued or running; returns ``(run, queued)``."""
    now = timezone.now()
    with transaction.atomic():
        LinkCheckRun.objects.abandoned(now).update(status=LinkCheckRun.FAILED, finished_at=now, error=GAVE_UP)
        pending = LinkCheckRun.objects.pending(now).first()
        if pending is not None:
            return pending, False
        try:
            with transaction.atomic():
                run = LinkCheckRun.objects.create(requested_by=user, queued_at=now)
        except IntegrityError:  # another request queued one at the same moment
            return LinkCheckRun.objects.get(status=LinkCheckRun.QUEUED), False
        # Queued in this transaction: the worker sees the task when it sees the run.
        check_links_in_background.enqueue(run.pk)
    run.refresh_from_db()
    return run, True


@task()
def check_links_in_background(run_pk):
    """Make the queued check. A run already running is one whose worker died during it (a run has
    one task, and only ``requeue_lost_tasks`` gives a running task back), so it starts again from
    the beginning: results are written only when a check ends, so nothing of the first try stays.
    A run that finished or was given up is left alone."""
    taken = LinkCheckRun.objects.filter(
        pk=run_pk, status__in=(LinkCheckRun.QUEUED, LinkCheckRun.RUNNING)
    ).update(status=LinkCheckRun.RUNNING, started_at=timezone.now())
    if not taken:
        return "nothing to do"
    run = LinkCheckRun.objects.get(pk=run_pk)
    results = check_every_link(run)
    return {"checked": len(results), "broken": sum(1 for result in results.values() if not result.ok)}
