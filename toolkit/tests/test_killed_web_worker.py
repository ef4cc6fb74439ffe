"""``kill -9`` of a gunicorn worker while a reader's suggestion is in flight in it.

The master starts a new worker and every later request is answered; the suggestion the worker was
storing is not stored at all (the reader got an error and can send it again), never stored without
the email that tells the editors about it. To hold the request in the worker, the test keeps a lock
that its write waits for (on PostgreSQL the mail queue's table, so the suggestion is already
written when the worker waits; on SQLite the whole database, the only lock SQLite has).
"""

import os
import re
import signal
import sqlite3
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from urllib.parse import urlsplit

from toolkit.tests.servers import SHEET_PATH, WebClient, gunicorn, python_in_django, uses_postgres, wait_for

CONTACT = (
    "from wagtail.models import Site; from toolkit.core.models import ToolkitSettings;"
    "s = ToolkitSettings.for_site(Site.objects.get(is_default_site=True));"
    "s.contact_email = 'editors@example.org'; s.save()"
)
STORED = """
from post_office.models import Email
from toolkit.feedback.models import Suggestion
print(Suggestion.objects.filter(title="Dog fouling").count(), Email.objects.filter(subject__contains="Dog fouling").count())
"""
FORM = {"title": "Dog fouling", "details": "What the council can do about it.", "email": ""}


def workers_of(master):
    """The master's children (its workers), from /proc."""
    children = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = open(f"/proc/{entry}/stat").read()  # noqa: SIM115 - one read
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == master:
                children.add(int(entry))
    return children


def holding_a_connection(port):
    """Pids of the processes that hold an accepted connection on ``port`` (``ss -p``)."""
    listing = subprocess.run(
        ["ss", "-tnpH", "state", "established", f"( sport = :{port} )"], capture_output=True, text=True
    ).stdout
    return {int(pid) for pid in re.findall(r"pid=(\d+)", listing)}


@contextmanager
def writes_held(database_url):
    """Another connection holds the lock the worker's write waits for, until the block ends;
    yields a function that says whether a query is waiting for it (SQLite cannot tell)."""
    if uses_postgres():
        import psycopg

        url = database_url.replace("postgres://", "postgresql://")
        with psycopg.connect(url) as holder, psycopg.connect(url, autocommit=True) as watcher:
            holder.execute("LOCK TABLE post_office_email IN ACCESS EXCLUSIVE MODE")
            # Asked from a connection of its own, outside any transaction: inside one (the
            # holder's), pg_stat_activity is read once and the wait would never show. And only the
            # queries our lock blocks, not every lock wait in the database.
            waiting = "SELECT count(*) FROM pg_stat_activity WHERE %s = ANY(pg_blocking_pids(pid))"
            try:
                yield lambda: watcher.execute(waiting, [holder.info.backend_pid]).fetchone()[0] > 0
            finally:
                holder.rollback()
    else:
        connection = sqlite3.connect(urlsplit(database_url).path, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield lambda: True
        finally:
            connection.rollback()
            connection.close()


def stored(env):
    suggestions, emails = python_in_django(env, STORED).split()
    return int(suggestions), int(emails)


def test_a_worker_killed_mid_request_is_replaced_and_half_a_suggestion_is_never_stored(production, tmp_path):
    env = production()
    python_in_django(env, CONTACT)
    with gunicorn(env, tmp_path, workers=2) as server:
        port = int(server.base.rpartition(":")[2])
        master = server.process.pid
        wait_for(lambda: len(workers_of(master)) == 2, what="two workers")
        before = workers_of(master)
        reader = WebClient(server.base)
        reader.get("/suggest/")  # the form, for its CSRF cookie
        token = reader.cookies["csrftoken"]
        headers = {"Origin": "https://toolkit.example.org", "Referer": "https://toolkit.example.org/suggest/"}
        answer = {}

        def send():
            try:
                answer["status"] = reader.request(
                    "/suggest/", {"csrfmiddlewaretoken": token, **FORM}, headers
                )[0]
            except OSError as error:
                answer["error"] = error

        with writes_held(env["DATABASE_URL"]) as write_waits:
            posting = threading.Thread(target=send)
            posting.start()
            wait_for(lambda: holding_a_connection(port) & before, what="the suggestion in a worker")
            wait_for(lambda: write_waits() or answer, what="the suggestion's write waiting for the lock")
            assert not answer, f"the suggestion was answered before its write could be held: {answer}"
            (victim,) = holding_a_connection(port) & before
            os.kill(victim, signal.SIGKILL)
            posting.join(timeout=30)
        assert "status" not in answer and isinstance(answer["error"], OSError), answer  # the reader may retry

        wait_for(
            lambda: len(workers_of(master)) == 2 and victim not in workers_of(master), what="a new worker"
        )
        assert stored(env) == (0, 0), "the killed request stored nothing, not a suggestion without its email"
        with ThreadPoolExecutor(max_workers=4) as pool:
            statuses = list(pool.map(lambda n: server.get(f"{SHEET_PATH}?n={n}")[0], range(16)))
        assert statuses == [200] * 16
        replacement = {f"<{pid}>" for pid in workers_of(master) - before}  # as the access log writes them
        wait_for(
            lambda: (
                server.get(SHEET_PATH)[0] == 200 and server.workers_that_answered(SHEET_PATH) & replacement
            ),
            what="an answer from the new worker",
        )

        status, body, _ = reader.post_form("/suggest/", FORM)  # the reader sends it again
        assert status == 200 and "Thank you for your suggestion" in body, body[:300]
        assert stored(env) == (1, 1), "stored once, with the editors' email"
        assert "Traceback" not in server.errors()
