"""The report says when links were last checked, and never claims "none broken" before a check."""

import importlib
import io
from datetime import timedelta

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from toolkit.linkcheck.models import CheckedLink, LinkCheckRun
from toolkit.linkcheck.runs import check_every_link, check_status, start_run

from .pages import report, when

pytestmark = pytest.mark.django_db


def check_links():
    quiet = {"stdout": io.StringIO(), "stderr": io.StringIO()}
    call_command("check_links", "--allow-private", "--timeout", "0.4", "--retries", "0", **quiet)


def test_before_any_check_the_report_says_never_and_claims_nothing(admin_client, site):
    page = report(admin_client)
    assert "Last checked:</strong> never." in page
    assert "No check has been made yet, so no broken links are known." in page
    assert "found no broken links" not in page and "No broken links were found" not in page


def test_after_a_check_the_report_gives_its_date_and_how_many_links(admin_client, linked_site):
    check_links()
    run = LinkCheckRun.objects.get()
    assert (run.status, run.links_checked, run.broken) == (LinkCheckRun.FINISHED, 5, 3)
    assert run.started_at <= run.finished_at
    page = report(admin_client)
    assert f"Last checked:</strong> {when(run.finished_at)}, 5 links checked, 3 broken." in page


def test_when_nothing_is_broken_the_report_says_so_for_the_last_check(admin_client, linked_site, web):
    from toolkit.sheets.models import SheetLinkOut

    SheetLinkOut.objects.update(url=web.url("/ok"))
    linked_site.definition.body = []
    linked_site.definition.save_revision().publish()
    check_links()
    page = report(admin_client)
    assert "The last check found no broken links." in page
    assert ", 0 broken." in page


def test_a_queued_check_is_shown_and_the_button_waits_for_it(admin_client, site, admin_user):
    LinkCheckRun.objects.create(requested_by=admin_user)
    page = report(admin_client)
    assert "A check is queued (since" in page and "asked for by admin" in page
    assert "The first check is under way" in page  # nothing finished yet, so nothing is claimed
    assert reverse("linkcheck_queue_check") not in page


def test_a_running_check_is_shown(admin_client, linked_site):
    check_links()
    started = timezone.now()
    LinkCheckRun.objects.create(status=LinkCheckRun.RUNNING, started_at=started)
    page = report(admin_client)
    assert f"A check is running (started {when(started)})" in page
    assert "Last checked:</strong> " + when(LinkCheckRun.objects.last_finished().finished_at) in page
    assert reverse("linkcheck_queue_check") not in page


def test_a_check_that_died_with_its_worker_stops_counting_as_pending(admin_client, site):
    long_ago = timezone.now() - timedelta(hours=7)
    LinkCheckRun.objects.create(queued_at=long_ago)
    LinkCheckRun.objects.create(status=LinkCheckRun.RUNNING, queued_at=long_ago, started_at=long_ago)
    assert check_status().pending is None
    page = report(admin_client)
    assert "A check is" not in page
    assert reverse("linkcheck_queue_check") in page  # so the editor can queue a new one


def test_a_check_that_failed_is_reported_with_its_reason(admin_client, linked_site):
    def on_total(count):
        raise RuntimeError("the disk is full")

    run = start_run()
    with pytest.raises(RuntimeError):
        check_every_link(run, on_total=on_total, allow_private=True)
    run.refresh_from_db()
    assert (run.status, run.error) == (LinkCheckRun.FAILED, "RuntimeError: the disk is full")
    assert run.finished_at is not None
    page = report(admin_client)
    assert "did not finish: RuntimeError: the disk is full" in page
    assert "Last checked:</strong> never." in page
    assert reverse("linkcheck_queue_check") in page


def test_results_from_before_runs_were_recorded_count_as_the_last_check(site):
    """The migration gives an upgraded site a finished run, so it does not say "never"."""
    migration = importlib.import_module("toolkit.linkcheck.migrations.0002_check_runs_and_sources")
    checked_at = timezone.now() - timedelta(days=1)
    CheckedLink.objects.create(url="https://example.org/a", ok=True, checked_at=checked_at)
    CheckedLink.objects.create(url="https://example.org/b", ok=False, checked_at=checked_at)
    CheckedLink.objects.create(url="https://example.org/c")  # found, never checked
    migration.record_the_last_check(apps, None)
    run = LinkCheckRun.objects.get()
    assert (run.status, run.finished_at, run.links_checked, run.broken) == ("finished", checked_at, 2, 1)
    migration.record_the_last_check(apps, None)
    assert LinkCheckRun.objects.count() == 1
