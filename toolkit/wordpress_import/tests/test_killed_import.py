"""``kill -9`` of ``import_wordpress`` half-way, then the same command again: the database ends as
one uninterrupted run leaves it, and Wagtail's tree has no problems.

``test_resume.py`` stops a run from inside (an interrupt the importer catches and reports); here
the process is killed from outside with no chance to tidy up, as the out-of-memory killer or a
lost SSH session would, on two copies of a real toolkit database with production settings.
"""

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from urllib.parse import urlsplit

from PIL import Image as PillowImage

from toolkit.tests.servers import ROOT, manage, python_in_django, uses_postgres

from .conftest import THEME_DATA

KILL_AFTER = 15  # posts and pages written

DUMP = """
import json
from django.core.files.storage import default_storage
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from toolkit.taxonomy.models import Topic
from toolkit.wordpress_import.models import ImportedItem

pages = {}
for page in Page.objects.specific():
    links = getattr(page, "topics", None)  # a sheet's topics (a topic index has a method of that name)
    topics = sorted(links.values_list("slug", flat=True)) if hasattr(links, "values_list") else []
    pages[page.url_path] = [type(page).__name__, page.title, page.slug, page.live, page.depth, topics]
path_of = dict(Page.objects.values_list("pk", "url_path"))

def files(folder):
    try:
        return sorted(default_storage.listdir(folder)[1])
    except FileNotFoundError:
        return []

print(json.dumps({
    "pages": pages,
    "redirects": sorted(
        [r.old_path, path_of.get(r.redirect_page_id), r.redirect_link, r.is_permanent]
        for r in Redirect.objects.all()
    ),
    "images": sorted(
        [i.title, i.width, i.height, i.file_size, i.file_hash] for i in get_image_model().objects.all()
    ),
    "image files": files("original_images"),
    "documents": sorted([d.title, d.file_size, d.file_hash] for d in get_document_model().objects.all()),
    "topics": sorted(Topic.objects.values_list("name", "slug")),
    "imported": sorted(
        [r.kind, r.key, path_of.get(r.page_id), r.object_type, bool(r.content_hash), r.needs_indexing]
        for r in ImportedItem.objects.all()
    ),
    "problems": [[str(p) for p in found] for found in Page.find_problems()],
}, sort_keys=True, default=str))
"""


def dump(env):
    return json.loads(python_in_django(env, DUMP).strip().splitlines()[-1])


def uploads(folder):
    """Two of the export's images in a copy of its uploads folder, so images are imported too."""
    for name, colour in (("2008/06/100_5478.jpg", "teal"), ("2008/06/canola2.jpg", "orange")):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        PillowImage.new("RGB", (40, 30), colour).save(buffer, "JPEG")
        path.write_bytes(buffer.getvalue())
    return folder


def pages_written(database_url):
    """Posts and pages the import has committed so far, read straight from the database."""
    sql = "SELECT count(*) FROM wordpress_import_importeditem WHERE page_id IS NOT NULL AND kind IN ('post', 'page')"
    if uses_postgres():
        import psycopg

        with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as connection:
            return connection.execute(sql).fetchone()[0]
    connection = sqlite3.connect(urlsplit(database_url).path, timeout=5)
    try:
        return connection.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:  # the table is locked or not there yet
        return 0
    finally:
        connection.close()


def test_an_import_killed_half_way_and_run_again_equals_one_uninterrupted_run(production, tmp_path):
    media = uploads(tmp_path / "uploads")
    command = ["import_wordpress", str(THEME_DATA), "--media-dir", str(media), "--no-progress"]

    clean = production()
    manage(clean, *command)
    expected = dump(clean)
    assert sum(path.startswith("/home/") for path in expected["pages"]) > 50
    assert len(expected["images"]) == 2 and expected["redirects"]

    killed = production()
    process = subprocess.Popen(
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env=killed,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while pages_written(killed["DATABASE_URL"]) < KILL_AFTER:
            assert process.poll() is None, "the import ended before it could be killed"
            assert time.monotonic() < deadline, "the import wrote nothing"
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    half = dump(killed)
    assert sum(item[0] in ("post", "page") and item[2] is not None for item in half["imported"]) >= KILL_AFTER
    assert half["pages"] != expected["pages"], "killed half-way, not at the end"

    manage(killed, *command)  # the same command again: exit 0
    assert dump(killed) == expected
    assert expected["problems"] == [[], [], [], [], []]
