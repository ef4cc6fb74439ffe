"""Shared test helpers for the importer: a fresh home page to import into, and state snapshots."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, PageViewRestriction, Site

from toolkit.taxonomy.models import Topic
from toolkit.tests import factories as f
from toolkit.wordpress_import.importer import WordPressImporter
from toolkit.wordpress_import.mapping import Mapping
from toolkit.wordpress_import.models import ImportedItem
from toolkit.wordpress_import.wxr import parse_wxr

THEME_DATA = (
    Path(settings.BASE_DIR).parent / "shared" / "fixtures" / "wordpress" / "themeunittestdata.wordpress.xml"
)
FIXTURES = Path(__file__).parent / "fixtures"
HOSTILE = FIXTURES / "hostile.xml"
THEME_SOURCE = "https://wpthemetestdata.wordpress.com"


def make_import_home():
    """A home page with a topic index, as the default site's root (works on an empty database)."""
    Locale.objects.get_or_create(language_code="en-gb")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = f.HomePageFactory(parent=root, slug="wordpress-home", title="Toolkit")
    f.TopicIndexPageFactory(parent=home)
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    site.root_page = home
    site.save()
    return home


@pytest.fixture
def home(db):
    return make_import_home()


def wxr(site_url, body):
    """A small WordPress export (WXR 1.2) of ``site_url``: ``body`` is the XML of its items and terms."""
    return (
        '<?xml version="1.0"?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>\n'
        f"<link>{site_url}</link><wp:wxr_version>1.2</wp:wxr_version>\n{body}\n</channel></rss>"
    ).encode()


def run_import(path=THEME_DATA, mapping=None, **options):
    return WordPressImporter(parse_wxr(path), mapping or Mapping.defaults(), **options).run()


def imported_pages(source=THEME_SOURCE):
    return {
        (record.kind, record.key): record.page.specific
        for record in ImportedItem.objects.filter(source=source, page__isnull=False).select_related("page")
        if record.kind in ("post", "page")
    }


def snapshot(source=THEME_SOURCE):
    """Everything an import made, without database ids, so two databases' states can be compared."""
    records = list(ImportedItem.objects.filter(source=source).select_related("page"))
    key_of_page = {r.page_id: f"{r.kind}:{r.key}" for r in records if r.page_id}

    def without_ids(value):
        text = repr(value)
        text = re.sub(
            r'linktype=\\?"page\\?" id=\\?"(\d+)', lambda m: f"page={key_of_page.get(int(m.group(1)))}", text
        )
        return re.sub(r"'id': '[0-9a-f-]{36}'", "", text)

    pages = {}
    for record in records:
        if not record.page_id:
            continue
        page = record.page.specific
        pages[f"{record.kind}:{record.key}"] = {
            "type": type(page).__name__,
            "title": page.title,
            "url_path": page.url_path,
            "live": page.live,
            "draft": page.has_unpublished_changes,
            "go_live_at": page.go_live_at,
            # Sections are new pages (published at import time); items keep their WordPress date.
            "first_published_at": page.first_published_at if record.kind != "section" else None,
            "body": without_ids([(b["type"], b["value"]) for b in page.body.raw_data])
            if hasattr(page, "body")
            else "",
            "summary": getattr(page, "summary", ""),
            "topics": sorted(t.name for t in page.topics.all()) if hasattr(page, "topics") else [],
            "owner": page.owner.username if page.owner else None,
            "restrictions": sorted(
                (r.restriction_type, r.password) for r in PageViewRestriction.objects.filter(page=page)
            ),
        }
    redirects = sorted(
        (
            r.old_path,
            key_of_page.get(r.redirect_page_id, r.redirect_page.url_path if r.redirect_page else ""),
            r.redirect_page_route_path,
        )
        for r in Redirect.objects.select_related("redirect_page")
    )
    users = sorted(
        (u.username, u.is_active, u.has_usable_password(), u.email)
        for u in get_user_model().objects.filter(pk__in=[r.object_id for r in records if r.kind == "author"])
    )
    return {
        "pages": pages,
        "redirects": redirects,
        "users": users,
        "topics": sorted(
            Topic.objects.filter(
                pk__in=[r.object_id for r in records if r.object_type == "topic"]
            ).values_list("name", "slug")
        ),
        # Hashes are left out: they include database ids (parent, owner, topics), which differ.
        "records": sorted(
            (r.kind, r.key, bool(r.page_id), bool(r.content_hash), r.needs_indexing) for r in records
        ),
    }


def wipe_import(home):
    """Remove what an import made, so a second import starts from the same empty site."""
    for page in home.get_children().exclude(slug="topics"):
        page.delete()
    Redirect.objects.all().delete()
    Topic.objects.filter(
        pk__in=list(ImportedItem.objects.filter(object_type="topic").values_list("object_id", flat=True))
    ).delete()
    author_ids = ImportedItem.objects.filter(kind="author").values_list("object_id", flat=True)
    get_user_model().objects.filter(pk__in=list(author_ids)).delete()
    ImportedItem.objects.all().delete()
