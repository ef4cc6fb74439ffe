"""The importer's shortcuts through treebeard, Wagtail, modelsearch and Django internals: taken
with the pinned versions (fewer queries), and when switched off (another version) the public way
makes the same pages, tree and search index; and an import that left the tree unsound says so."""

import io
from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from toolkit.sheets.models import SheetPage
from toolkit.wordpress_import.importer import WordPressImporter
from toolkit.wordpress_import.mapping import Mapping
from toolkit.wordpress_import.wxr import parse_bytes

from .conftest import snapshot, wipe_import, wxr

SOURCE = "https://old.example"
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)  # pages without a date get the import's
EXPORT = wxr(
    SOURCE,
    """<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>green-spaces</wp:category_nicename><wp:cat_name>Green spaces</wp:cat_name></wp:category>
<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>trees</wp:category_nicename><wp:category_parent>green-spaces</wp:category_parent><wp:cat_name>Trees</wp:cat_name></wp:category>
<item><title>Keeping bees in the park</title><wp:post_id>1</wp:post_id><wp:post_name>keeping-bees</wp:post_name>
 <content:encoded><![CDATA[<p>How the park's beehives came about.</p>]]></content:encoded>
 <wp:post_type>post</wp:post_type><wp:status>publish</wp:status><wp:post_date>2021-04-01 10:00:00</wp:post_date>
 <category domain="category" nicename="trees">Trees</category></item>
<item><title>Planting an orchard</title><wp:post_id>2</wp:post_id><wp:post_name>orchard</wp:post_name>
 <content:encoded><![CDATA[<p>Which apple trees grow well on clay.</p>]]></content:encoded>
 <wp:post_type>post</wp:post_type><wp:status>publish</wp:status><wp:post_date>2021-05-01 10:00:00</wp:post_date>
 <category domain="category" nicename="trees">Trees</category></item>
<item><title>A draft about hedges</title><wp:post_id>3</wp:post_id><wp:post_name>hedges</wp:post_name>
 <content:encoded><![CDATA[<p>Hawthorn and blackthorn.</p>]]></content:encoded>
 <wp:post_type>post</wp:post_type><wp:status>draft</wp:status>
 <category domain="category" nicename="green-spaces">Green spaces</category></item>
<item><title>About us</title><wp:post_id>4</wp:post_id><wp:post_name>about</wp:post_name>
 <content:encoded><![CDATA[<p>Who we are.</p>]]></content:encoded><wp:post_type>page</wp:post_type><wp:status>publish</wp:status></item>
<item><title>Our committee</title><wp:post_id>5</wp:post_id><wp:post_name>committee</wp:post_name><wp:post_parent>4</wp:post_parent>
 <content:encoded><![CDATA[<p>Who sits on it.</p>]]></content:encoded><wp:post_type>page</wp:post_type><wp:status>publish</wp:status></item>
<item><title>Our meetings</title><wp:post_id>6</wp:post_id><wp:post_name>meetings</wp:post_name><wp:post_parent>4</wp:post_parent>
 <content:encoded><![CDATA[<p>When we meet.</p>]]></content:encoded><wp:post_type>page</wp:post_type><wp:status>publish</wp:status></item>
""",
)


def import_counting_queries(tree, indexing):
    importer = WordPressImporter(parse_bytes(EXPORT), Mapping.defaults(), now=NOW)
    assert importer.tree_shortcuts and importer.indexing_shortcuts, "on with the pinned versions"
    importer.tree_shortcuts, importer.indexing_shortcuts = tree, indexing  # what other versions do
    with CaptureQueriesContext(connection) as queries:
        report = importer.run()  # raises TreeProblems if treebeard's check finds anything
    assert not report.failed
    return len(queries)


def found_by_search():
    return sorted(
        page.slug for word in ("beehives", "apple") for page in SheetPage.objects.live().search(word)
    )


def test_with_the_shortcuts_off_the_same_pages_tree_and_index_are_made(home):
    """All off, then the tree shortcuts alone, then both: the same import each time, and each
    shortcut saves queries (so it is the path taken with the pinned versions)."""
    public_way = import_counting_queries(tree=False, indexing=False)
    made_the_public_way = snapshot(SOURCE)
    assert len(made_the_public_way["pages"]) == 7, "six items and their section"
    searched = found_by_search()
    assert searched == ["keeping-bees", "orchard"]
    counts = [public_way]
    for tree, indexing in ((True, False), (True, True)):
        wipe_import(home)
        counts.append(import_counting_queries(tree, indexing))
        made = snapshot(SOURCE)
        for key, page in made_the_public_way["pages"].items():
            other = made["pages"].get(key, {})
            assert page == other, (
                f"{key}: {[(n, v, other.get(n)) for n, v in page.items() if other.get(n) != v]}"
            )
        assert made == made_the_public_way
        assert found_by_search() == searched
        assert Page.find_problems() == ([], [], [], [], [])
    assert counts == sorted(counts, reverse=True) and len(set(counts)) == 3, f"queries: {counts}"


def test_an_unsound_tree_after_an_import_stops_the_command_with_one_line(home, tmp_path):
    path = tmp_path / "export.xml"
    path.write_bytes(EXPORT)
    Page.objects.filter(pk=home.pk).update(numchild=F("numchild") + 5)  # a tree broken by a bug
    with pytest.raises(CommandError) as caught:
        call_command("import_wordpress", str(path), "--no-progress", stdout=io.StringIO())
    assert caught.value.returncode == 1
    assert str(caught.value) == (
        f"The page tree is unsound after the import (1 page with the wrong number of children (ids {home.pk})):"
        " run `python manage.py fixtree` and report this as a bug in the importer."
    )
