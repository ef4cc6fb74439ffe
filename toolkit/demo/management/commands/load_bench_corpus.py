"""``python manage.py load_bench_corpus FILE.jsonl [--limit N]``: load the benchmark corpus."""

from django.core.management.base import CommandError
from tqdm import tqdm

from toolkit.core.management.base import ToolkitCommand
from toolkit.demo.corpus import CorpusError, CorpusLoader, read_posts
from toolkit.home.models import HomePage


class Command(ToolkitCommand):
    help = "Load the corpus written by shared/bench/gen_content.py as sheets (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="A JSON Lines file from gen_content.py")
        parser.add_argument("--limit", type=int, default=None, help="Load only the first N posts")

    def handle(self, *args, path, limit=None, **options):
        home = HomePage.objects.first()
        if home is None:
            raise CommandError("No home page yet: run `python manage.py load_demo` first.")
        try:
            posts = read_posts(path, limit)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        except CorpusError as error:
            raise CommandError(f"{path}: {error}") from error
        progress = lambda items, **kw: tqdm(items, disable=options["verbosity"] == 0, **kw)  # noqa: E731
        created, skipped = CorpusLoader(home, progress=progress).load(posts)
        self.stdout.write(self.style.SUCCESS(f"Loaded {created} sheets ({skipped} already there)."))
