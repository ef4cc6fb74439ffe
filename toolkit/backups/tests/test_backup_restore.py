"""``manage.py backup`` and ``restore`` as a council runs them: separate processes with production
settings, a backup of one server restored onto a new, empty database (SQLite or PostgreSQL, as the
run is), and the same toolkit on the other side: pages, revisions, redirects, feedback, uploads."""

import json
import tarfile
from pathlib import Path

import pytest

from toolkit.tests.servers import manage, psql, python_in_django, uses_postgres

ADD_THINGS = """
import io
from django.core.files.images import ImageFile
from PIL import Image as P
from wagtail.contrib.redirects.models import Redirect
from wagtail.images.models import Image
from toolkit.feedback.models import PageFeedback
from toolkit.sheets.models import SheetPage
sheet = SheetPage.objects.get(slug="neighbourhood-plan").specific
sheet.title = "Neighbourhood Plan, second version"
sheet.save_revision().publish()
Redirect.objects.create(old_path="/old-wordpress-post", redirect_page=sheet)
PageFeedback.objects.create(sheet=sheet, useful=False, comment="Say who pays for the referendum.")
out = io.BytesIO(); P.new("RGB", (40, 30), "teal").save(out, format="PNG")
image = Image(title="Map"); image.file.save("map.png", ImageFile(out, name="map.png"), save=False)
image.save()
"""
WHAT_IS_THERE = """
import json
from django.core.files.storage import default_storage
from wagtail.contrib.redirects.models import Redirect
from wagtail.images.models import Image
from wagtail.models import Page, Revision
from toolkit.feedback.models import PageFeedback
from toolkit.sheets.models import SheetPage
sheet = SheetPage.objects.get(slug="neighbourhood-plan")
image = Image.objects.get(title="Map")
print(json.dumps({
    "pages": sorted(Page.objects.values_list("url_path", flat=True)),
    "revisions": Revision.objects.count(),
    "title": sheet.title,
    "first_revision": sheet.revisions.order_by("created_at").first().content["title"],
    "redirects": list(Redirect.objects.values_list("old_path", "redirect_page__slug")),
    "feedback": list(PageFeedback.objects.values_list("comment", flat=True)),
    "image": default_storage.open(image.file.name).read()[:4].hex(),
}))
"""
CONTENT_VERSION = "from toolkit.core.cache import content_version; print(content_version())"


def test_a_backup_restored_onto_an_empty_server_is_the_same_toolkit(production, new_server, tmp_path):
    old = production()
    python_in_django(old, ADD_THINGS)
    before = json.loads(python_in_django(old, WHAT_IS_THERE))
    version_in_backup = python_in_django(old, CONTENT_VERSION)
    made = manage(old, "backup", "--to", str(tmp_path / "backups"))
    (backup,) = (tmp_path / "backups").glob("toolkit-*.tar.gz")
    assert str(backup) in made.stdout
    with tarfile.open(backup) as archive:
        names = archive.getnames()
    assert "manifest.json" in names and any(name.startswith("media/original_images/") for name in names)

    new = new_server
    restored = manage(new, "restore", str(backup))
    assert "Restored the backup" in restored.stdout
    manage(new, "migrate", "--noinput", "-v0")
    after = json.loads(python_in_django(new, WHAT_IS_THERE))
    assert after == before
    assert after["title"] == "Neighbourhood Plan, second version"
    assert after["first_revision"] == "Neighbourhood Plan", "the history came back too"
    assert after["image"] == "89504e47", "the uploaded PNG itself"
    assert Path(new["MEDIA_ROOT"]) != Path(old["MEDIA_ROOT"])
    # Caches may hold pages of the site as it was before: a restore makes all of them stale.
    assert python_in_django(new, CONTENT_VERSION) != version_in_backup

    again = manage(new, "restore", str(backup), check=False)
    assert again.returncode == 1
    assert again.stderr.strip().splitlines() == [
        "CommandError: Nothing restored: the database is not empty: restore onto a new, empty "
        "database, or add --replace to overwrite it"
    ]


@pytest.fixture
def new_server(database_template, tmp_path):
    """Production settings on a new, empty database and an empty uploads folder (dropped after)."""
    name = f"{database_template.name}_restored"
    if uses_postgres():
        psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        psql(f"CREATE DATABASE {name}")
        url = f"postgres://postgres@127.0.0.1:5432/{name}"
    else:
        url = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    env = database_template.env(url)
    env["MEDIA_ROOT"] = str(tmp_path / "new-server" / "media")
    yield env
    if uses_postgres():
        psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_old_backups_are_removed_and_a_bad_file_is_refused_in_one_line(production, new_server, tmp_path):
    env = production()
    folder = tmp_path / "backups"
    folder.mkdir()
    for stamp in ("20261101-023000", "20261102-023000"):
        (folder / f"toolkit-{stamp}.tar.gz").write_bytes(b"old")
    manage(env, "backup", "--to", str(folder), "--keep", "2")
    kept = sorted(path.name for path in folder.iterdir())
    assert len(kept) == 2 and kept[0] == "toolkit-20261102-023000.tar.gz"
    assert not any(name.endswith(".partial") for name in kept)

    new = new_server
    refused = manage(new, "restore", str(folder / "toolkit-20261102-023000.tar.gz"), check=False)
    assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1
    assert "is not a toolkit backup" in refused.stderr and "Traceback" not in refused.stderr
    missing = manage(new, "restore", str(folder / "nothing.tar.gz"), check=False)
    assert missing.returncode == 1 and "no such file" in missing.stderr
    # the refusals left the new database empty: the real backup still goes onto it
    assert "Restored the backup" in manage(new, "restore", str(folder / kept[1])).stdout
