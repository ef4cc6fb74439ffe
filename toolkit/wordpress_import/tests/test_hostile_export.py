"""A hostile export: no traceback, nothing executable stored, every odd item handled or reported."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision

from toolkit.sheets.models import SheetPage
from toolkit.taxonomy.models import Topic
from toolkit.wordpress_import.models import ImportedItem

from .conftest import FIXTURES, HOSTILE, imported_pages, run_import

SOURCE = "https://hostile.example"
EXECUTABLE = re.compile(
    r"<script|<style|<iframe|<svg|<object|<embed|<form|<base|<meta|\son[a-z]+\s*=|javascript:|vbscript:|data:text",
    re.I,
)


def stored_text():
    """Every piece of text the import wrote where a reader or an editor could meet it."""
    parts = []
    for page in Page.objects.all().specific():
        parts += [
            page.title,
            page.draft_title,
            page.slug,
            page.url_path,
            page.seo_title,
            page.search_description,
        ]
        for name in ("summary", "intro", "term", "when_to_use", "who_is_involved", "what_good_looks_like"):
            parts.append(str(getattr(page, name, "")))
        if hasattr(page, "body"):
            parts.append(json.dumps(list(page.body.raw_data)))
    parts += [json.dumps(r.content) for r in Revision.objects.all()]
    parts += [f"{t.name} {t.slug} {t.description}" for t in Topic.objects.all()]
    parts += [f"{u.username} {u.first_name} {u.last_name} {u.email}" for u in get_user_model().objects.all()]
    parts += [r.old_path for r in Redirect.objects.all()]
    return "\n".join(parts)


def test_hostile_export_imports_without_anything_executable(home):
    report = run_import(HOSTILE)
    assert not report.failed, report.by_outcome("failed")
    found = EXECUTABLE.findall(stored_text())
    assert found == []
    pages = imported_pages(SOURCE)
    hostile = pages[("post", "101")]
    assert hostile.title == "Hostile post"
    assert [b.value for b in hostile.body if b.block_type == "heading"] == ["A heading", "A heading (2)"]
    assert "https://example.org/" in str(list(hostile.body.raw_data))  # real links survive
    second = pages[("post", "102")]
    assert f'linktype="page" id="{hostile.pk}"' in str(list(second.body.raw_data))  # linked both ways
    assert f'linktype="page" id="{second.pk}"' in str(list(hostile.body.raw_data))
    assert len(second.summary.split()) == 60


def test_hostile_items_are_handled_or_reported(home):
    report = run_import(HOSTILE)
    outcomes = {(e.wp_id, e.title): (e.outcome, e.reason) for e in report.entries}
    no_id = next(e for e in report.entries if e.title == "No ID")  # its guid "?p=None" has no id either
    assert (no_id.outcome, no_id.wp_id < 0) == ("imported", True), "kept under a stand-in id from its guid"
    assert no_id.url.endswith("/no-id/")
    assert outcomes[(101, "Duplicate ID")] == ("skipped", "a second item with WordPress ID 101")
    assert outcomes[(112, "Trashed post")] == ("skipped", "in WordPress's trash")
    pages = imported_pages(SOURCE)
    assert len(pages[("post", "103")].title) <= 255
    assert pages[("post", "104")].first_published_at is not None
    same = sorted(p.slug for p in SheetPage.objects.filter(title__startswith="Same slug"))
    assert same == ["same-slug", "same-slug-2"]
    assert pages[("post", "117")].slug == "é-été" or pages[("post", "117")].slug.endswith("été")
    assert pages[("post", "109")].view_restrictions.get().restriction_type == "login"
    assert pages[("post", "110")].view_restrictions.get().password == "open sesame"
    assert not pages[("post", "111")].live and not pages[("post", "118")].live
    assert pages[("page", "115")].get_parent().pk == home.pk
    warnings = [w.message for w in report.warnings]
    assert "unknown shortcode [evil_shortcode] left as text" in warnings
    assert "block “latest-posts” dropped: WordPress builds it when the page is viewed" in warnings
    users = get_user_model().objects.filter(
        pk__in=ImportedItem.objects.filter(source=SOURCE, kind="author").values_list("object_id", flat=True)
    )
    assert sorted(u.username for u in users) == ["mallory", "scriptalert1script"]
    assert not any(u.is_active or u.has_usable_password() for u in users)
    assert [u.email for u in users if u.username != "mallory"] == [""]


def test_hostile_import_twice_changes_nothing(home):
    run_import(HOSTILE)
    revisions = Revision.objects.count()
    report = run_import(HOSTILE)
    assert {e.outcome for e in report.entries if e.kind == "post"} <= {"unchanged", "skipped"}
    assert Revision.objects.count() == revisions


@pytest.mark.parametrize("name", ["xxe.xml", "billion_laughs.xml"])
def test_entity_attacks_stop_the_command_with_one_line_and_write_nothing(home, name):
    pages = Page.objects.count()
    with pytest.raises(CommandError) as caught:
        call_command("import_wordpress", str(FIXTURES / name), "--no-progress")
    assert caught.value.returncode == 2
    assert str(caught.value).startswith(f"{name}: line 2: the file has a DOCTYPE declaration")
    assert Page.objects.count() == pages and not ImportedItem.objects.exists()
