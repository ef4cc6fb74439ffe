"""``python manage.py check_links``: check every outbound link and store the results.

Addresses are checked concurrently (``--workers``), each with a timeout and retries. Results go
into ``CheckedLink`` rows, which the admin's "Broken links" report lists sheet by sheet. Re-running
is safe: the list of links and where they are used is rebuilt each time.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from toolkit.linkcheck.checker import check_urls
from toolkit.linkcheck.models import CheckedLink, LinkOccurrence
from toolkit.linkcheck.sources import outbound_links

MAX_URL_LENGTH = CheckedLink._meta.get_field("url").max_length


def bounded(kind, low, high):
    def parse(text):
        try:
            value = kind(text)
        except ValueError as error:
            raise CommandError(f"{text!r} is not a number") from error
        if not low <= value <= high:
            raise CommandError(f"{value} is out of range: use a value from {low} to {high}")
        return value

    return parse


class Command(BaseCommand):
    help = "Check every outbound link in sheets, organisations and laws; store which ones are broken."

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=str, default="8", help="Checks at once (1-64, default 8).")
        parser.add_argument(
            "--timeout", type=str, default="10", help="Seconds to wait for an answer (default 10)."
        )
        parser.add_argument(
            "--retries", type=str, default="2", help="Retries after a timeout or server error (0-5)."
        )
        parser.add_argument(
            "--backoff", type=str, default="1", help="Seconds before the first retry; doubles each time."
        )
        parser.add_argument(
            "--allow-private",
            action="store_true",
            help="Also check addresses on private networks and this machine (off by default).",
        )
        parser.add_argument(
            "--fail-on-broken", action="store_true", help="Exit with status 1 when a link is broken (for CI)."
        )

    def handle(self, *args, **options):
        workers = bounded(int, 1, 64)(options["workers"])
        timeout = bounded(float, 0.1, 120)(options["timeout"])
        retries = bounded(int, 0, 5)(options["retries"])
        backoff = bounded(float, 0, 60)(options["backoff"])

        links = self.record_links(outbound_links())
        progress = tqdm(
            total=len(links),
            unit="link",
            desc="Checking links",
            disable=options["verbosity"] < 1,
            file=self.stderr,
        )
        results = check_urls(
            list(links),
            workers=workers,
            on_result=lambda result: progress.update(),
            timeout=timeout,
            retries=retries,
            backoff=backoff,
            allow_private=options["allow_private"],
        )
        progress.close()
        self.save_results(links, results)

        broken = [result for result in results.values() if not result.ok]
        moved = [result for result in results.values() if result.ok and result.moved_permanently]
        self.stdout.write(
            f"Checked {len(results)} links: {len(broken)} broken, {len(moved)} moved permanently."
        )
        for result in sorted(broken, key=lambda r: r.url):
            self.stdout.write(f"  broken: {result.url} ({result.error or f'HTTP {result.status}'})")
        if broken and options["fail_on_broken"]:
            raise CommandError(f"{len(broken)} broken link{'s' if len(broken) != 1 else ''}.")

    @transaction.atomic
    def record_links(self, found):
        """Make a row for each address and rebuild where each is used; forget unused ones."""
        found = {url: places for url, places in found.items() if len(url) <= MAX_URL_LENGTH}
        existing = {link.url: link for link in CheckedLink.objects.all()}
        CheckedLink.objects.bulk_create([CheckedLink(url=url) for url in found if url not in existing])
        links = {link.url: link for link in CheckedLink.objects.filter(url__in=list(found))}
        CheckedLink.objects.exclude(url__in=list(found)).delete()
        LinkOccurrence.objects.all().delete()
        LinkOccurrence.objects.bulk_create(
            [
                LinkOccurrence(link=links[url], sheet=sheet, where=where[:300])
                for url, places in found.items()
                for sheet, where in places
            ]
        )
        return links

    @transaction.atomic
    def save_results(self, links, results):
        now = timezone.now()
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
