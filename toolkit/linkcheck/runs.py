"""One check of every outbound link, stored and recorded as a ``LinkCheckRun``.

``check_links`` (the nightly timer) and the report's "Check all links now" button (a background
task, see ``tasks.py``) both come here, so a check made either way leaves the same results and
the same "Last checked" line on the report.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from toolkit.sheets.models import SheetPage

from .checker import check_urls
from .models import CheckedLink, LinkCheckRun, LinkOccurrence
from .sources import outbound_links

MAX_URL_LENGTH = CheckedLink._meta.get_field("url").max_length
# What a check from the button uses; ``check_links`` has the same defaults for its flags.
DEFAULT_OPTIONS = {"workers": 8, "timeout": 10.0, "retries": 2, "backoff": 1.0, "allow_private": False}


@transaction.atomic
def record_links(found):
    """Make a row for each address and rebuild where each is used; forget unused ones."""
    found = {url: places for url, places in found.items() if len(url) <= MAX_URL_LENGTH}
    existing = {link.url: link for link in CheckedLink.objects.all()}
    CheckedLink.objects.bulk_create([CheckedLink(url=url) for url in found if url not in existing])
    links = {link.url: link for link in CheckedLink.objects.filter(url__in=list(found))}
    CheckedLink.objects.exclude(url__in=list(found)).delete()
    LinkOccurrence.objects.all().delete()
    LinkOccurrence.objects.bulk_create(
        [
            LinkOccurrence(
                link=links[url],
                sheet=source if isinstance(source, SheetPage) else None,
                source=source,
                where=where[:300],
            )
            for url, places in found.items()
            for source, where in places
        ]
    )
    return links


@transaction.atomic
def save_results(links, results, now):
    rows = []
    for url, result in results.items():
        link = links[url]
        link.status = result.status
        link.ok = result.ok
        link.error = result.error[:300]
        link.final_url = result.final_url[:2000]
        link.redirect_status = result.redirect_status
        link.attempts = result.attempts
        link.checked_at = now
        rows.append(link)
    CheckedLink.objects.bulk_update(
        rows,
        ["status", "ok", "error", "final_url", "redirect_status", "attempts", "checked_at"],
        batch_size=500,
    )


def check_every_link(run, on_total=None, on_result=None, **options):
    """Check every outbound link for ``run`` (already running) and return ``{url: LinkResult}``.

    ``on_total(count)`` is called once the links are known and ``on_result(result)`` as each one is
    checked (for a progress bar). If anything goes wrong the run is marked failed, so the report
    does not show a check as running for ever, and the error is raised again.
    """
    options = {**DEFAULT_OPTIONS, **options}
    try:
        links = record_links(outbound_links())
        if on_total:
            on_total(len(links))
        results = check_urls(list(links), on_result=on_result, **options)
        now = timezone.now()
        save_results(links, results, now)
    except Exception as error:
        LinkCheckRun.objects.filter(pk=run.pk).update(
            status=LinkCheckRun.FAILED,
            finished_at=timezone.now(),
            error=f"{type(error).__name__}: {error}"[:500],
        )
        raise
    LinkCheckRun.objects.filter(pk=run.pk).update(
        status=LinkCheckRun.FINISHED,
        finished_at=now,
        links_checked=len(results),
        broken=sum(1 for result in results.values() if not result.ok),
    )
    return results


def start_run(user=None):
    """A run that starts now, for a check made outside the task queue (``check_links``)."""
    now = timezone.now()
    return LinkCheckRun.objects.create(
        status=LinkCheckRun.RUNNING, requested_by=user, queued_at=now, started_at=now
    )


@dataclass(frozen=True)
class CheckStatus:
    """What the report says about checking: when the last check finished, and what is under way."""

    last_finished: LinkCheckRun | None
    pending: LinkCheckRun | None
    last_failed: LinkCheckRun | None  # a check that failed after the last one that finished

    @property
    def never_checked(self):
        return self.last_finished is None


def check_status(now=None):
    runs = LinkCheckRun.objects.select_related("requested_by")
    last_finished = runs.last_finished()
    failed = runs.filter(status=LinkCheckRun.FAILED).order_by("-finished_at", "-pk")
    if last_finished:
        failed = failed.filter(finished_at__gt=last_finished.finished_at)
    return CheckStatus(
        last_finished=last_finished,
        pending=runs.pending(now).order_by("-queued_at", "-pk").first(),
        last_failed=failed.first(),
    )
