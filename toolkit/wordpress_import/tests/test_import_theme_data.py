"""The shared WordPress theme unit test export, imported into a real database."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction, Revision

from toolkit.sheets.models import DefinitionSheetPage, SectionPage, SheetPage
from toolkit.taxonomy.models import Topic
from toolkit.wordpress_import.models import ImportedItem
from toolkit.wordpress_import.wxr import parse_wxr

from .conftest import THEME_DATA, THEME_SOURCE, imported_pages, run_import, snapshot

WRITES = ("INSERT", "UPDATE", "DELETE")


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "redirects": Redirect.objects.count(),
        "topics": Topic.objects.count(),
        "users": get_user_model().objects.count(),
        "records": ImportedItem.objects.count(),
        "restrictions": PageViewRestriction.objects.count(),
    }


def test_every_post_and_page_is_imported_or_skipped_with_a_reason(home):
    report = run_import()
    export = parse_wxr(THEME_DATA)
    wanted = {(i.post_type, i.wp_id) for i in export.items if i.post_type in ("post", "page")}
    reported = {(e.kind, e.wp_id): e for e in report.entries if e.kind in ("post", "page")}
    assert set(reported) == wanted
    for entry in reported.values():
        assert entry.outcome == "imported" or (entry.outcome == "skipped" and entry.reason), entry
    assert report.outcomes("post")["imported"] == 58 and report.outcomes("page")["imported"] == 21
    assert not report.failed
    pages = imported_pages()
    assert len(pages) == 79
    assert sum(isinstance(p, DefinitionSheetPage) for p in pages.values()) == 58
    assert report.comments == 33 and report.sticky == ["Template: Sticky"]
    assert report.not_imported_types == {"nav_menu_item": 70}


def test_categories_tags_and_authors_arrive(home):
    run_import()
    export = parse_wxr(THEME_DATA)
    sections = {s.slug: s for s in SectionPage.objects.child_of(home)}
    assert {"classic", "block", "6-1", "unpublished"} <= set(sections)
    topic_slugs = set(Topic.objects.values_list("slug", flat=True))
    for tag in export.tags:
        record = ImportedItem.objects.get(source=THEME_SOURCE, kind="tag", key=tag.slug)
        assert Topic.objects.filter(pk=record.object_id).exists()
    for category in export.categories:
        record = ImportedItem.objects.filter(source=THEME_SOURCE, kind="category", key=category.slug).first()
        assert record is not None or category.slug in sections, category.slug
    assert "grandchild-category" in topic_slugs
    many_tags = imported_pages()[("post", "1151")]
    # Its 45 tags, and its second category "Edge Case", which shares a topic with the tag "edge case".
    assert many_tags.topics.count() == 45
    assert many_tags.topics.filter(name__iexact="edge case").exists()
    assert many_tags.get_parent().slug == "classic"
    users = get_user_model().objects.filter(username__in=["themedemos", "themereviewteam"])
    assert [
        (u.username, u.is_active, u.has_usable_password(), u.is_staff) for u in users.order_by("username")
    ] == [
        ("themedemos", False, False, False),
        ("themereviewteam", False, False, False),
    ]
    assert imported_pages()[("post", "1168")].owner.username == "themedemos"


def test_statuses_dates_and_privacy_carry_over(home):
    run_import()
    pages = imported_pages()
    draft = pages[("post", "1164")]
    assert not draft.live and draft.has_unpublished_changes
    scheduled = pages[("post", "1153")]
    assert not scheduled.live and scheduled.go_live_at.year == 2030
    assert scheduled.latest_revision.approved_go_live_at == scheduled.go_live_at
    protected = pages[("post", "1168")]
    assert protected.live and protected.first_published_at.isoformat() == "2012-01-04T16:38:05+00:00"
    restriction = PageViewRestriction.objects.get(page=protected)
    assert (restriction.restriction_type, restriction.password) == ("password", "enter")
    assert isinstance(pages[("page", "146")], Page) and pages[("page", "146")].url_path.endswith(
        "/lorem-ipsum/"
    )
    level_3 = pages[("page", "172")]
    assert level_3.get_parent().specific.slug == "level-2"
    excerpt = pages[("post", "993")]
    assert excerpt.summary.startswith("This is a user-defined post excerpt.")
    for page in pages.values():
        if isinstance(page, SheetPage):
            assert len(page.summary.split()) <= 60
            page.full_clean()  # every sheet passes the same checks as one an editor saves


def test_content_keeps_structure_and_rewrites_internal_links(home):
    run_import()
    pages = imported_pages()
    markup = pages[("post", "1178")]
    kinds = [block.block_type for block in markup.body]
    assert kinds.count("heading") >= 8 and "quote" in kinds
    text = str(list(markup.body.raw_data))
    assert "<h3>Header three</h3>" in text and "<ol>" in text
    video = pages[("post", "1161")]
    assert video.body[0].block_type == "embed" and "youtube.com" in video.body[0].value["url"]
    layout = pages[("post", "1734")]
    button = pages[("post", "1747")]
    assert f'linktype="page" id="{button.pk}"' in str(list(layout.body.raw_data))


def test_old_addresses_redirect_to_the_new_pages(home, client):
    run_import()
    pages = imported_pages()
    protected = pages[("post", "1168")]
    lorem = pages[("page", "146")]
    cases = {
        "/2012/01/04/template-password-protected/": protected,  # the permalink
        "/2007/09/04/test-with-secret-password/": protected,  # its guid
        "/2012/01/template-password-protected/": protected,  # month and name
        "/template-password-protected/": protected,  # post name
        "/?p=1168": protected,  # plain, on the home page: Wagtail's middleware never sees it
        "/?page_id=146": lorem,
        "/lorem-ipsum/": None,  # the page kept its address: no redirect needed
    }
    for old, page in cases.items():
        response = client.get(old)
        if page is None:
            assert response.status_code == 200, old
            continue
        assert response.status_code == 301, old
        assert response["Location"] == page.url, old
    classic = SectionPage.objects.child_of(home).get(slug="classic")
    assert client.get("/category/classic/")["Location"] == classic.url
    nested = client.get("/category/parent-category/child-category-03/grandchild-category/")
    assert nested.status_code == 301 and nested["Location"] == "/topics/grandchild-category/"
    assert client.get("/tag/tag1/")["Location"] == "/topics/tag1/"
    assert client.get("/topics/tag1/").status_code == 200
    assert client.get("/?tag=tag1")["Location"] == "/topics/tag1/"
    assert client.get("/?p=999999").status_code == 200  # unknown: just the home page
    assert client.get(protected.url).status_code == 200  # the password form


def test_every_imported_live_page_renders(home, client):
    run_import()
    for page in imported_pages().values():
        if page.live:
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            assert b"<script>alert" not in response.content


def test_dry_run_writes_nothing(home):
    before = counts()
    report = run_import(dry_run=True)
    assert report.dry_run and report.outcomes("post")["imported"] == 58
    assert counts() == before


def test_second_run_changes_nothing(home):
    run_import()
    first = snapshot()
    before = counts()
    with CaptureQueriesContext(connection) as queries:
        report = run_import()
    assert report.outcomes("post") == {"unchanged": 58, "skipped": 0} or report.outcomes("post") == {
        "unchanged": 58
    }
    assert report.outcomes("page") == {"unchanged": 21}
    writes = [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(WRITES)]
    assert writes == []
    assert counts() == before
    assert snapshot() == first


def test_bulk_search_indexing_writes_what_wagtail_would(home):
    """The importer indexes in bulk, reading each search field once per page; the entries must
    be the ones Wagtail's own indexing of each page writes."""
    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    def entries():
        return {
            (entry.content_type_id, entry.object_id): (
                str(entry.title),
                str(entry.body),
                str(entry.autocomplete),
            )
            for entry in IndexEntry.objects.all()
        }

    run_import()
    pages = list(imported_pages().values())
    bulk = entries()
    assert {str(page.pk) for page in pages} <= {object_id for _, object_id in bulk}
    backend = get_search_backend()
    for page in pages:
        backend.add(page)
    assert entries() == bulk
