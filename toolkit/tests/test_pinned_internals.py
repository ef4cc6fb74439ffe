"""Every guarded use of a library's private parts names versions it was checked against, and the
version pinned in the lock file is one of them: an upgrade that forgets to re-check shows here
first (and in production it would only turn the shortcut off, with a line in the log)."""

import re
from pathlib import Path

import pytest

from toolkit.core import cache_backends, collector, pinned
from toolkit.printing import speedups
from toolkit.wordpress_import import indexing, pages

LOCK_FILE = Path(__file__).resolve().parents[2] / "requirements" / "production.txt"

GUARDS = [
    ("pydyf", speedups.PYDYF_VERSIONS),
    ("modelsearch", indexing.MODELSEARCH_VERSIONS),
    ("django", indexing.DJANGO_VERSIONS),
    ("django-treebeard", pages.TREEBEARD_VERSIONS),
    ("wagtail", pages.WAGTAIL_VERSIONS),
]


def locked_version(distribution):
    found = re.search(
        rf"^{re.escape(distribution)}==(\S+)", LOCK_FILE.read_text(), re.MULTILINE | re.IGNORECASE
    )
    assert found, f"{distribution} is not pinned in {LOCK_FILE.name}"
    return found[1]


@pytest.mark.parametrize(("distribution", "versions"), GUARDS, ids=[name for name, _ in GUARDS])
def test_the_pinned_version_is_one_the_shortcut_was_checked_against(distribution, versions):
    locked = locked_version(distribution)
    assert pinned.installed_version(distribution) == locked, "the venv runs what the lock file pins"
    assert pinned.checked(distribution, versions, "this test"), f"{distribution} {locked} not in {versions}"


def test_the_shared_redis_client_covers_the_pinned_django():
    major, minor = map(int, locked_version("django").split(".")[:2])
    low, high = cache_backends.SHARED_CLIENT_DJANGO_VERSIONS
    assert low <= (major, minor) < high
    assert cache_backends.shares_clients_safely()


def test_a_series_covers_its_patch_releases_and_nothing_else(caplog):
    assert pinned.checked("django", ("5.2",), "this test", installed="5.2.99")
    assert pinned.checked("pydyf", ("0.13.0",), "this test", installed="0.13.0")
    with caplog.at_level("WARNING", logger="toolkit.core.pinned"):
        assert not pinned.checked("django", ("5.2",), "this test", installed="6.0.1")
        assert not pinned.checked("pydyf", ("0.13.0",), "this test", installed="0.13.1")
        assert not pinned.checked("no-such-library", ("1.0",), "this test")
    assert [r.getMessage().split(" is not")[0] for r in caplog.records] == [
        "django 6.0.1",
        "pydyf 0.13.1",
        "no-such-library (not installed)",
    ]


def test_the_importer_shortcuts_switch_off_for_other_versions():
    assert pages.tree_shortcuts() and indexing.indexing_shortcuts(), "on with the pinned versions"
    assert not pages.tree_shortcuts(treebeard="5.4.0")
    assert not pages.tree_shortcuts(wagtail="8.1")
    assert not indexing.indexing_shortcuts(modelsearch="1.4.0")
    assert not indexing.indexing_shortcuts(django="6.0")


def test_the_collector_is_checked_on_this_python():
    assert collector.collector_understood()
