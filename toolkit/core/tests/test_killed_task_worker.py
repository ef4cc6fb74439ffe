"""``kill -9`` of the task worker in the middle of a task: started again as its systemd unit starts
it, the worker does the task again and it ends as if nothing had happened, done once.

django-tasks' database backend leaves a dead worker's task RUNNING and never picks it up again;
``requeue_lost_tasks`` (the unit's ``ExecStartPre``) gives it back. The worker here is the real
``manage.py db_worker`` with production settings, the mail server a real SMTP server that holds
the first delivery open so the worker is visibly mid-send when it is killed.
"""

import asyncio
import os
import re
import shlex
import signal
import sqlite3
import subprocess
import sys
import threading
from urllib.parse import urlsplit

import pytest

from toolkit.tests.servers import ROOT, MailServer, python_in_django, uses_postgres, wait_for

UNIT = ROOT / "deploy" / "systemd" / "toolkit-worker.service"
HOSTNAME = "test-host"


class StallingMailServer(MailServer):
    """Takes the first message's data and never answers it (a slow or stuck mail server), as if
    the connection were still in progress when the worker dies; accepts every later one."""

    def __init__(self):
        super().__init__()
        self.stalled = threading.Event()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's handler name
        if not self.stalled.is_set():
            self.stalled.set()
            await asyncio.sleep(900)  # the client is killed meanwhile: this message was never accepted
            return "451 Try again later"
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
def stalling_smtp():
    server = StallingMailServer()
    server.start()
    yield server
    server.stop()


def unit_commands():
    """The unit's ``ExecStartPre`` and ``ExecStart``, run here with this venv's Python and ``%H``
    (the machine's name) filled in, so the test starts the worker exactly as systemd does."""
    text = UNIT.read_text()
    commands = []
    for key in ("ExecStartPre", "ExecStart"):
        (line,) = re.findall(rf"^{key}=(.+)$", text, re.M)
        argv = shlex.split(line.replace("%H", HOSTNAME))
        assert argv[0].endswith("/.venv/bin/python") and argv[1] == "manage.py"
        commands.append([sys.executable, *argv[1:]])
    return commands


def start_worker_as_systemd_does(env, folder):
    prepare, run = unit_commands()
    subprocess.run(prepare, cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)
    log = open(folder / "worker.log", "ab")  # noqa: SIM115 - the worker keeps it open
    return subprocess.Popen(run, cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True)


MAIL_TASKS = (
    "SELECT status FROM django_tasks_database_dbtaskresult WHERE task_path LIKE '%.deliver_queued_mail'"
)
EMAILS = "SELECT status FROM post_office_email"
EMAIL_STATUS = ["sent", "failed", "queued", "requeued"]  # post-office's numbers


def rows(database_url, sql):
    """Read straight from the database (a Django process per look would take seconds)."""
    if uses_postgres():
        import psycopg

        with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as connection:
            return [row[0] for row in connection.execute(sql)]
    connection = sqlite3.connect(urlsplit(database_url).path, timeout=10)
    try:
        return [row[0] for row in connection.execute(sql)]
    finally:
        connection.close()


def state(env):
    """The mail tasks' statuses and the emails' (the other tasks, front-cache purges, are not ours)."""
    url = env["DATABASE_URL"]
    return {
        "tasks": sorted(rows(url, MAIL_TASKS)),
        "emails": sorted(EMAIL_STATUS[status] for status in rows(url, EMAILS)),
    }


def test_a_worker_killed_while_sending_mail_sends_it_once_after_it_restarts(
    production, tmp_path, stalling_smtp
):
    # The worker would give up on the stuck server after EMAIL_TIMEOUT (and try again later): it is
    # killed long before.
    env = production(EMAIL_HOST="127.0.0.1", EMAIL_PORT=stalling_smtp.port, EMAIL_TIMEOUT=600)
    python_in_django(
        env,
        "from django.core.mail import send_mail;"
        "send_mail('A suggestion', 'Dog fouling', 'toolkit@example.org', ['editors@example.org'])",
    )

    worker = start_worker_as_systemd_does(env, tmp_path)
    try:
        assert stalling_smtp.stalled.wait(120), "the worker never started sending"
        assert state(env) == {"tasks": ["RUNNING"], "emails": ["queued"]}  # visibly mid-way
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
        assert state(env) == {"tasks": ["RUNNING"], "emails": ["queued"]}, "left as the kill found it"
        assert stalling_smtp.messages == []

        worker = start_worker_as_systemd_does(env, tmp_path)  # systemd's Restart=always
        stalling_smtp.wait_for(1, seconds=120)
        wait_for(lambda: state(env)["tasks"] == ["SUCCESSFUL"], what="the task's end", seconds=120)
        assert state(env) == {"tasks": ["SUCCESSFUL"], "emails": ["sent"]}
        (message,) = stalling_smtp.messages  # once, not twice
        assert message["to"] == ["editors@example.org"] and "Dog fouling" in message["data"]
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(timeout=30)
