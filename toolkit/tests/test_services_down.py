"""The production stack with one of its services stopped for real: the front cache, the mail
server (refusing, or taking the connection and never answering) and the task worker. Readers are
still served, nothing they sent is lost or sent twice, and queued work runs when the worker is back.

(The database stopped is ``test_database_down``; Redis stopped or hanging is in
``toolkit/core/tests/test_processes.py``.)
"""

import contextlib
import socket
import threading

from toolkit.tests.servers import (
    SHEET_PATH,
    MailServer,
    WebClient,
    free_port,
    python_in_django,
    rows_in_database,
    wait_for,
)

NEW_TITLE = "Neighbourhood Plan, as published just now"
PUBLISH = f"""
from toolkit.sheets.models import DefinitionSheetPage
sheet = DefinitionSheetPage.objects.get(slug="neighbourhood-plan")
sheet.title = {NEW_TITLE!r}
sheet.save_revision().publish()
"""
CONTACT_ADDRESS = """
from wagtail.models import Site
from toolkit.core.models import ToolkitSettings
settings = ToolkitSettings.for_site(Site.objects.get(is_default_site=True))
settings.contact_email = "editors@example.org"
settings.save()
"""
SUGGESTION = {"title": "Dog fouling", "details": "What the council can do about it.", "email": ""}
CONTACT = {
    "your_name": "Sam Resident",
    "your_email_address": "sam@example.org",
    "your_message": "Thanks for the sheets on street trees.",
}


def send_a_suggestion_and_a_message(client):
    """A reader suggests a sheet and another writes to the team; both are thanked at once."""
    status, body, _ = client.post_form("/suggest/", SUGGESTION)
    assert status == 200 and "Thank you" in body, body[:500]
    status, body, _ = client.post_form("/contact/", CONTACT)
    assert status == 200 and "your message has been sent" in body, body[:500]


def mail_queue(env):
    """How many messages wait, were sent, failed, and were tried in vain at least once."""
    from post_office.models import STATUS

    sql = """SELECT
        (SELECT COUNT(*) FROM post_office_email WHERE status IN (%s, %s)),
        (SELECT COUNT(*) FROM post_office_email WHERE status = %s),
        (SELECT COUNT(*) FROM post_office_email WHERE status = %s),
        (SELECT COUNT(DISTINCT email_id) FROM post_office_log WHERE status = %s)"""
    params = (STATUS.queued, STATUS.requeued, STATUS.sent, STATUS.failed, STATUS.failed)
    waiting, sent, failed, tried = rows_in_database(env, sql, params)[0]
    return {"waiting": waiting, "sent": sent, "failed": failed, "tried in vain": tried}


# -- the front cache -------------------------------------------------------------------------------
def test_with_the_front_cache_stopped_nginx_serves_straight_from_gunicorn_and_a_publish_shows(stack):
    running = stack()
    reader = WebClient(running.url)
    reader.get(SHEET_PATH)
    assert reader.get(SHEET_PATH)[2]["X-Front-Cache"] == "hit"

    running.stop_process("varnish")  # for real
    for path in (SHEET_PATH, "/", "/topics/", "/glossary/", "/search/?q=plan"):
        status, body, headers = reader.get(path)
        assert status == 200, (path, status, body[:300])
        assert "X-Front-Cache" not in headers, f"{path} came through a front cache that is stopped"
    status, body, _ = reader.post_form("/suggest/", SUGGESTION)
    assert status == 200 and "Thank you" in body, "a form is taken too"

    python_in_django(running.environment(), PUBLISH)  # its ban cannot reach Varnish: it waits
    status, body, _ = reader.get(SHEET_PATH)
    assert status == 200 and NEW_TITLE in body

    running.stop_process("gunicorn-1")  # nothing behind nginx answers: still a page in plain words
    status, body, headers = reader.get(SHEET_PATH)
    assert (status, headers.get("Retry-After"), headers.get("Cache-Control")) == (503, "30", "no-store")
    assert "the toolkit is not available right now" in body and "Bad Gateway" not in body


# -- the mail server ---------------------------------------------------------------------------------
class SilentMailServer:
    """A mail server that takes every connection and then says nothing, not even its greeting (a
    mail server that hangs, or a firewall that swallows the traffic). It counts the connections
    and how many the client gave up on."""

    def __init__(self, port):
        self.listener = socket.create_server(("127.0.0.1", port))
        self.accepted = 0
        self.given_up = 0
        self.connections = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:  # closed by stop()
                return
            self.accepted += 1
            self.connections.append(connection)
            threading.Thread(target=self.wait_for_the_client, args=(connection,), daemon=True).start()

    def wait_for_the_client(self, connection):
        try:
            while connection.recv(1024):
                pass  # whatever the client sends, there is never an answer
        except OSError:
            return
        self.given_up += 1  # the client hung up

    def stop(self):
        # shutdown() first: close() alone does not wake the thread blocked in accept(), which
        # keeps the port bound, so the answering server could not take it.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for connection in self.connections:
            connection.close()


def test_mail_waits_out_a_refusing_then_silent_mail_server_and_each_message_is_sent_once(stack):
    """One outage in three acts: the mail server refuses (nothing listens on its port), then takes
    the connection and never answers, then is back; a suggestion and a contact message sent at the
    start reach it once each."""
    port = free_port()  # nothing listens here yet: every connection is refused
    running = stack(EMAIL_HOST="127.0.0.1", EMAIL_PORT=port, EMAIL_TIMEOUT=2, MAIL_RETRY_SECONDS=1)
    env = running.environment()
    python_in_django(env, CONTACT_ADDRESS)
    send_a_suggestion_and_a_message(WebClient(running.url))
    wait_for(lambda: mail_queue(env)["tried in vain"] >= 2, what="the worker to try both messages")
    queue = mail_queue(env)
    assert queue["sent"] == 0 and queue["waiting"] == 2 and queue["failed"] == 0, queue

    silent = SilentMailServer(port)
    try:
        # The worker gives up on the silent server by itself (EMAIL_TIMEOUT), so it is not held.
        wait_for(lambda: silent.given_up >= 1, what="the worker to give up on a silent mail server")
    finally:
        silent.stop()
    assert mail_queue(env)["waiting"] == 2, "nothing is lost to a server that never answered"

    answering = MailServer()
    answering.port = port  # the mail server is back, where it was
    answering.start()
    try:
        messages = answering.wait_for(2, seconds=60)
        wait_for(lambda: mail_queue(env)["waiting"] == 0, what="the mail queue to empty")
        queue = mail_queue(env)
        assert (queue["waiting"], queue["sent"], queue["failed"]) == (0, 2, 0), queue
        assert len(answering.messages) == 2, "each message once"
        assert all(message["to"] == ["editors@example.org"] for message in messages)
        bodies = "\n".join(message["data"] for message in messages)
        assert "Dog fouling" in bodies and "street trees" in bodies
    finally:
        answering.stop()


# -- the task worker -------------------------------------------------------------------------------
TASK_NAMES = {
    "wagtail.contrib.frontend_cache.tasks.purge_urls_from_cache_task": "purge",
    "toolkit.core.mail_queue.deliver_queued_mail": "mail",
    "toolkit.linkcheck.tasks.check_links_in_background": "link check",
}


def task_ids(env):
    from django_tasks_db.models import DBTaskResult

    return {row[0] for row in rows_in_database(env, f"SELECT id FROM {DBTaskResult._meta.db_table}")}  # noqa: S608 - a model's table


def work(env, queued_before):
    """The purge, mail and link-check tasks queued since ``queued_before`` (task ids), each with its
    status, and the link check runs' statuses."""
    from django_tasks_db.models import DBTaskResult

    from toolkit.linkcheck.models import LinkCheckRun

    tasks = rows_in_database(env, f"SELECT id, task_path, status FROM {DBTaskResult._meta.db_table}")  # noqa: S608
    runs = rows_in_database(env, f"SELECT status FROM {LinkCheckRun._meta.db_table}")  # noqa: S608
    return {
        "tasks": sorted(
            {
                (TASK_NAMES[path], status)
                for id_, path, status in tasks
                if path in TASK_NAMES and id_ not in queued_before
            }
        ),
        "link checks": [status for (status,) in runs],
    }


QUEUE_A_LINK_CHECK = "\nfrom toolkit.linkcheck.tasks import queue_check\nqueue_check()\n"


def test_with_the_worker_stopped_work_waits_a_publish_still_shows_and_the_work_runs_when_it_starts(
    stack, smtp_server
):
    running = stack(EMAIL_HOST="127.0.0.1", EMAIL_PORT=smtp_server.port)
    env = running.environment()
    reader = WebClient(running.url)
    for path in (SHEET_PATH, "/neighbourhood-planning/"):
        reader.get(path)
        assert reader.get(path)[2]["X-Front-Cache"] == "hit", path

    running.stop_process("worker")  # for real
    queued_before = task_ids(env)
    # Wagtail queues its purge of the sheet's address, and an editor a check of every link.
    python_in_django(env, CONTACT_ADDRESS + PUBLISH + QUEUE_A_LINK_CHECK)
    for path in (SHEET_PATH, "/neighbourhood-planning/"):
        status, body, _ = reader.get(path)  # no reader waits for the purge: the ban was at commit
        assert status == 200 and NEW_TITLE in body, f"{path}: a stale page from the front cache"
    send_a_suggestion_and_a_message(reader)
    waiting = work(env, queued_before)
    assert waiting["tasks"] == [("link check", "READY"), ("mail", "READY"), ("purge", "READY")], waiting
    assert waiting["link checks"] == ["queued"] and smtp_server.messages == []

    running.start_worker()
    smtp_server.wait_for(2, seconds=60)

    def all_done():
        state = work(env, queued_before)
        return {status for _, status in state["tasks"]} == {"SUCCESSFUL"} and state["link checks"] == [
            "finished"
        ]

    wait_for(all_done, what="the queued purge, mail and link check", seconds=60)
    assert len(smtp_server.messages) == 2
