"""``python manage.py import_wordpress EXPORT.xml``: bring a WordPress site into the toolkit.

Exit status: 0 when every item was imported, updated, unchanged or skipped by the rules; 1 when
some items failed (they are listed, the rest were imported); 2 when nothing could be done (a bad
file, flag or mapping); 130 when interrupted (run the same command again to finish).
"""

import os
import sys
from pathlib import Path

from django.core.management.base import CommandError

from toolkit.core.management.base import ToolkitCommand
from toolkit.wordpress_import.importer import (
    ImportInterrupted,
    ImportSetupError,
    TreeProblems,
    WordPressImporter,
)
from toolkit.wordpress_import.mapping import Mapping, MappingError, load_mapping
from toolkit.wordpress_import.wxr import DEFAULT_MAX_BYTES, WXRError, parse_wxr

EXIT_ITEMS_FAILED, EXIT_UNUSABLE, EXIT_INTERRUPTED = 1, 2, 130


def is_folder(path):
    """Path.is_dir(), except that a name the system refuses (too long, say) is no folder either:
    Path.is_dir() raises OSError for it instead of answering False."""
    try:
        return Path(path).is_dir()
    except OSError:
        return False


class Command(ToolkitCommand):
    help = (
        "Import a WordPress export (WXR file: Tools → Export in WordPress) as sheets, sections, "
        "topics and pages, with a redirect from every old address. Safe to run again: items "
        "already imported are updated, never duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="the WordPress export file (.xml)")
        parser.add_argument(
            "--dry-run", action="store_true", help="do everything but write; print the report"
        )
        parser.add_argument(
            "--media-dir",
            help="a copy of the site's wp-content/uploads folder: images and files found there are imported",
        )
        parser.add_argument(
            "--mapping", help="a YAML file saying how categories, tags and pages map (see README)"
        )
        parser.add_argument("--report", help="also write the report to this file as JSON")
        parser.add_argument(
            "--max-size",
            type=int,
            default=DEFAULT_MAX_BYTES // 1024 // 1024,
            help="refuse exports larger than this many megabytes (default %(default)s)",
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def fail(self, message, code=EXIT_UNUSABLE):
        error = CommandError(" ".join(str(message).split()))
        error.returncode = code
        return error

    def handle(self, *args, **options):
        media_dir = options["media_dir"]
        if media_dir and not is_folder(media_dir):
            raise self.fail(f"--media-dir {media_dir}: no such folder")
        if options["max_size"] <= 0:
            raise self.fail("--max-size must be a positive number of megabytes")
        report_path = options["report"]
        if report_path and not Path(report_path).resolve().parent.is_dir():
            raise self.fail(f"--report {report_path}: its folder does not exist")
        try:
            mapping = load_mapping(options["mapping"]) if options["mapping"] else Mapping.defaults()
        except MappingError as error:
            raise self.fail(f"{options['mapping']}: {error}") from error
        try:
            export = parse_wxr(options["export"], max_bytes=options["max_size"] * 1024 * 1024)
        except WXRError as error:
            raise self.fail(error) from error
        importer = WordPressImporter(
            export,
            mapping,
            media_dir=media_dir,
            dry_run=options["dry_run"],
            progress=not options["no_progress"] and options["verbosity"] > 0 and sys.stderr.isatty(),
        )
        try:
            report = importer.run()
        except ImportSetupError as error:
            raise self.fail(f"Nothing imported: {error}") from error
        except ImportInterrupted as stop:
            self.print_report(stop.report, report_path)
            raise self.fail("Interrupted: run the same command again to finish.", EXIT_INTERRUPTED) from stop
        except TreeProblems as found:
            self.print_report(found.report, report_path)
            raise self.fail(
                f"The page tree is unsound after the import ({found}): run `python manage.py fixtree`"
                " and report this as a bug in the importer.",
                EXIT_ITEMS_FAILED,
            ) from found
        except Exception as error:  # noqa: BLE001 - one line, never a traceback; items done stay done
            raise self.fail(f"Import stopped: {type(error).__name__}: {error}", EXIT_ITEMS_FAILED) from error
        self.print_report(report, report_path)
        if report.failed:
            raise self.fail("Some items failed (listed above); the rest were imported.", EXIT_ITEMS_FAILED)

    def print_report(self, report, report_path):
        try:
            for line in report.lines():
                self.stdout.write(line)
        except BrokenPipeError:  # the reader went away (``| head``): stop printing, quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        if report_path:
            try:
                report.write_json(report_path)
            except OSError as error:
                raise self.fail(
                    f"--report {report_path}: cannot write ({error.strerror or error})"
                ) from error
            self.stdout.write(f"Report written to {report_path}")
