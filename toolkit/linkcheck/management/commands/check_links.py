"""``python manage.py check_links``: check every outbound link and store the results.

Addresses are checked concurrently (``--workers``), each with a timeout and retries. Results go
into ``CheckedLink`` rows, which the admin's "Broken links" report lists sheet by sheet, and the
run into a ``LinkCheckRun``, which gives the report its "Last checked" line. Re-running is safe:
the list of links and where they are used is rebuilt each time.
"""

from django.core.management.base import CommandError
from tqdm import tqdm

from toolkit.core.management.base import ToolkitCommand
from toolkit.linkcheck.runs import DEFAULT_OPTIONS, check_every_link, start_run


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


class Command(ToolkitCommand):
    help = "Check every outbound link in sheets, organisations and laws; store which ones are broken."

    def add_arguments(self, parser):
        defaults = {name: f"{value:g}" for name, value in DEFAULT_OPTIONS.items() if name != "allow_private"}
        parser.add_argument(
            "--workers", default=defaults["workers"], help="Checks at once (1-64, default %(default)s)."
        )
        parser.add_argument(
            "--timeout",
            default=defaults["timeout"],
            help="Seconds to wait for an answer (default %(default)s).",
        )
        parser.add_argument(
            "--retries",
            default=defaults["retries"],
            help="Retries after a timeout or server error (0-5, default %(default)s).",
        )
        parser.add_argument(
            "--backoff",
            default=defaults["backoff"],
            help="Seconds before the first retry; doubles each time (default %(default)s).",
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

        progress = tqdm(
            unit="link", desc="Checking links", disable=options["verbosity"] < 1, file=self.stderr
        )

        def on_total(count):
            progress.reset(total=count)

        try:
            results = check_every_link(
                start_run(),
                on_total=on_total,
                on_result=lambda result: progress.update(),
                workers=workers,
                timeout=timeout,
                retries=retries,
                backoff=backoff,
                allow_private=options["allow_private"],
            )
        finally:
            progress.close()

        broken = [result for result in results.values() if not result.ok]
        moved = [result for result in results.values() if result.ok and result.moved_permanently]
        self.stdout.write(
            f"Checked {len(results)} links: {len(broken)} broken, {len(moved)} moved permanently."
        )
        for result in sorted(broken, key=lambda r: r.url):
            self.stdout.write(f"  broken: {result.url} ({result.error or f'HTTP {result.status}'})")
        if broken and options["fail_on_broken"]:
            raise CommandError(f"{len(broken)} broken link{'s' if len(broken) != 1 else ''}.")
