"""``python manage.py requeue_lost_tasks --worker-id ID``: put back in the queue the tasks a task
worker was running when it died.

django-tasks' database backend marks a task RUNNING when a worker claims it and only ever picks up
READY ones; it has no timeout, no heartbeat and no command that gives a dead worker's task back
(django-tasks-db 0.13: ``db_worker`` and ``prune_db_task_results`` are all it has). So a worker
killed mid-task (``kill -9``, the out-of-memory killer, a power cut) leaves that task RUNNING for
ever: the email it was sending waits until somebody sends another, the booklet a reader is waiting
for is never made.

The worker's systemd unit runs this before every start (``ExecStartPre``), with the same
``--worker-id`` it gives ``db_worker``. Worker ids are unique across the pool and a worker runs one
task at a time, so a task still RUNNING under this id when the worker starts can only be one that
its previous life never finished. Every task of this project may run again safely: each one checks
what is already done (mail already sent, a booklet already made, a link check's run) first.

``--started-before MINUTES`` gives back RUNNING tasks of any worker started that long ago, for a
worker whose machine never came back; make it longer than the longest task (a full link check).
"""

import datetime

from django.core.management.base import CommandError
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from toolkit.core.management.base import ToolkitCommand

READY, RUNNING = TaskResultStatus.READY, TaskResultStatus.RUNNING


class Command(ToolkitCommand):
    help = "Queue again the tasks a task worker was running when it died (run before db_worker)."

    def add_arguments(self, parser):
        parser.add_argument("--worker-id", help="the id the starting worker gives db_worker")
        parser.add_argument(
            "--started-before", type=int, metavar="MINUTES", help="any worker's tasks running that long"
        )

    def handle(self, *args, worker_id=None, started_before=None, **options):
        if not worker_id and started_before is None:
            raise CommandError("say whose tasks were lost: --worker-id ID or --started-before MINUTES")
        if started_before is not None and started_before < 1:
            raise CommandError("--started-before must be at least 1 minute")
        running = DBTaskResult.objects.filter(status=RUNNING)
        if started_before is not None:
            cutoff = timezone.now() - datetime.timedelta(minutes=started_before)
            lost = list(running.filter(started_at__lt=cutoff).values_list("pk", "task_path"))
        else:  # worker_ids is a JSON list, which SQLite cannot query inside: a few rows at most
            lost = [
                (result.pk, result.task_path)
                for result in running.only("pk", "task_path", "worker_ids")
                if result.worker_ids and result.worker_ids[-1] == worker_id
            ]
        # Only rows still RUNNING: one that finished meanwhile (another worker's) is left alone.
        DBTaskResult.objects.filter(pk__in=[pk for pk, _ in lost], status=RUNNING).update(
            status=READY, started_at=None
        )
        for pk, path in lost:
            self.stdout.write(f"Queued again: {path} ({pk}), left running by a worker that stopped.")
