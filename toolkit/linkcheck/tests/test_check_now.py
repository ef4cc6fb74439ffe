"""The report's "Check all links now" button: editors only, POST with CSRF, one check at a time,
done by the real background task (at once in tests, or by the database worker as in production)."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import IntegrityError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands import db_worker as db_worker_command
from django_tasks_db.models import DBTaskResult

from toolkit.linkcheck.models import LinkCheckRun
from toolkit.linkcheck.tasks import GAVE_UP, check_links_in_background

from .pages import report, when

pytestmark = pytest.mark.django_db

QUEUE = "linkcheck_queue_check"


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def database_tasks(settings):
    """Tasks queued in the database and left for the worker, as in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_editors_see_the_button_and_reviewers_see_the_report_without_it(editor, reviewer):
    button = f'action="{reverse(QUEUE)}"'
    page = report(signed_in(editor))
    assert button in page and "Check all links now" in page and "csrfmiddlewaretoken" in page
    page = report(signed_in(reviewer))
    assert "Last checked:" in page and button not in page


def test_only_those_who_may_queue_a_check_can(reviewer, contributor):
    for person in (reviewer, contributor):
        response = signed_in(person).post(reverse(QUEUE))
        assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))  # refused
    assert not LinkCheckRun.objects.exists()
    refused = signed_in(contributor).get(reverse("linkcheck_report"))
    assert (refused.status_code, refused.url) == (302, reverse("wagtailadmin_home"))


def test_the_button_posts_and_a_get_queues_nothing(editor):
    assert signed_in(editor).get(reverse(QUEUE)).status_code == 405
    assert not LinkCheckRun.objects.exists()


def test_a_post_without_the_csrf_token_is_refused(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(reverse(QUEUE)).status_code == 403
    assert not LinkCheckRun.objects.exists()


def test_pressing_it_runs_the_check_and_the_report_shows_its_date(editor, linked_site, web):
    client = signed_in(editor)
    assert "Last checked:</strong> never." in report(client)
    response = client.post(reverse(QUEUE), follow=True)
    page = response.content.decode()
    run = LinkCheckRun.objects.get()
    assert (run.status, run.requested_by, run.links_checked) == (LinkCheckRun.FINISHED, editor, 5)
    assert "The check has finished: 5 links checked." in page
    assert f"Last checked:</strong> {when(run.finished_at)}, 5 links checked, 5 broken." in page
    # The button's check keeps the network rule: the test server's loopback address is not visited.
    assert "skipped: a private or local network address" in page
    assert sum(web.hits.values()) == 0


def test_a_second_press_while_one_is_queued_queues_nothing_and_the_worker_runs_it(
    database_tasks, editor, linked_site, monkeypatch
):
    client = signed_in(editor)
    first = client.post(reverse(QUEUE), follow=True).content.decode()
    assert "A check of every link is queued." in first and "A check is queued (since" in first
    second = client.post(reverse(QUEUE), follow=True).content.decode()
    assert "A check is already queued or running, so no other was queued." in second
    assert LinkCheckRun.objects.count() == 1
    assert DBTaskResult.objects.filter(task_path=check_links_in_background.module_path).count() == 1
    assert LinkCheckRun.objects.get().status == LinkCheckRun.QUEUED

    # The real worker, in this process. Between tasks it calls close_old_connections(), which
    # closes a connection that is inside a transaction (as every test's is), and on PostgreSQL the
    # test would lose its data; here the worker keeps the test's connection open instead.
    monkeypatch.setattr(db_worker_command, "close_old_connections", lambda: None)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    run = LinkCheckRun.objects.get()
    assert (run.status, run.links_checked) == (LinkCheckRun.FINISHED, 5)
    page = report(client)
    assert "A check is queued" not in page
    assert f"Last checked:</strong> {when(run.finished_at)}, 5 links checked, 5 broken." in page
    assert f'action="{reverse(QUEUE)}"' in page  # ready for the next one


def test_a_check_left_queued_by_a_dead_worker_gives_way_to_a_new_one(editor, linked_site):
    stale = LinkCheckRun.objects.create(queued_at=timezone.now() - timedelta(hours=7))
    signed_in(editor).post(reverse(QUEUE))
    stale.refresh_from_db()
    assert (stale.status, stale.error) == (LinkCheckRun.FAILED, GAVE_UP)
    assert LinkCheckRun.objects.filter(status=LinkCheckRun.FINISHED).count() == 1
    # Should the dead worker's task run after all, it leaves the run it gave up alone.
    assert check_links_in_background.call(stale.pk) == "nothing to do"


def test_a_check_whose_worker_died_during_it_runs_again_from_the_start(linked_site):
    """The worker was killed mid-check: ``requeue_lost_tasks`` queues its task again, and the run it
    left running is checked again in full, once."""
    run = LinkCheckRun.objects.create(
        status=LinkCheckRun.RUNNING,
        queued_at=timezone.now(),
        started_at=timezone.now() - timedelta(minutes=3),
    )
    assert check_links_in_background.call(run.pk) == {"checked": 5, "broken": 5}
    run.refresh_from_db()
    assert (run.status, run.links_checked, run.broken) == (LinkCheckRun.FINISHED, 5, 5)
    assert check_links_in_background.call(run.pk) == "nothing to do", "a finished run is not checked twice"


def test_the_database_holds_at_most_one_queued_check(site):
    LinkCheckRun.objects.create()
    with pytest.raises(IntegrityError):
        LinkCheckRun.objects.create()
