"""A booklet build the worker died in, run again, leaves one file, not two.

A worker killed after the file was stored but before the row said READY leaves the booklet
BUILDING with its file in storage; ``requeue_lost_tasks`` runs the task again. Storage never
overwrites, so saving under the same name again made ``<key>_<random>.pdf`` beside the first.
"""

import pytest
from django.core.files.storage import default_storage

from toolkit.printing import booklets
from toolkit.printing.models import Booklet

pytestmark = pytest.mark.django_db


def files_of(booklet):
    return sorted(
        name for name in default_storage.listdir(booklets.FOLDER)[1] if name.startswith(booklet.key)
    )


def test_a_build_run_again_after_the_worker_died_keeps_one_file(client, site):
    assert client.get("/print-packs/start.pdf").status_code == 200
    booklet = Booklet.objects.get()
    assert booklet.status == Booklet.READY and files_of(booklet) == [f"{booklet.key}.pdf"]
    Booklet.objects.filter(pk=booklet.pk).update(status=Booklet.BUILDING)  # as the killed worker left it

    assert booklets.build_booklet.call(booklet.key) == f"{booklets.FOLDER}/{booklet.key}.pdf"
    booklet.refresh_from_db()
    assert booklet.status == Booklet.READY and booklet.file_name == f"{booklets.FOLDER}/{booklet.key}.pdf"
    assert files_of(booklet) == [f"{booklet.key}.pdf"], "one file for one booklet"
    assert client.get("/print-packs/start.pdf").status_code == 200
