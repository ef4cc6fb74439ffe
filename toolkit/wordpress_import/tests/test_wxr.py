"""The WXR reader on its own (no database): the shared export, and every way a file can be wrong."""

from collections import Counter

import pytest

from toolkit.wordpress_import.wxr import WXRError, item_published_at, parse_bytes, parse_wxr

from .conftest import FIXTURES, THEME_DATA

MINIMAL = b"""<?xml version="1.0"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
<wp:wxr_version>1.2</wp:wxr_version>
<item><title>One</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item>
</channel></rss>"""


def problem(data):
    with pytest.raises(WXRError) as caught:
        parse_bytes(data)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_reads_the_theme_unit_test_export():
    export = parse_wxr(THEME_DATA)
    types = Counter((item.post_type, item.status) for item in export.items)
    assert types[("post", "publish")] == 56
    assert types[("post", "draft")] == 1 and types[("post", "future")] == 1
    assert types[("page", "publish")] == 21
    assert types[("attachment", "inherit")] == 37
    assert len(export.categories) == 68 and len(export.tags) == 110
    assert [a.login for a in export.authors] == ["themedemos", "themereviewteam"]
    assert export.site_url == "https://wpthemetestdata.wordpress.com"
    protected = next(item for item in export.items if item.wp_id == 1168)
    assert protected.password == "enter" and protected.comments == 1
    assert {t.slug for t in protected.terms_in("category")} == {"classic", "template-2", "uncategorized"}
    assert protected.line > 1000  # where the item starts, for messages


def test_nested_categories_keep_their_parent():
    export = parse_wxr(THEME_DATA)
    parents = {c.slug: c.parent for c in export.categories}
    assert parents["child-category-01"] == "parent-category"
    assert parents["grandchild-category"] == "child-category-03"


def test_the_wxr_namespace_version_does_not_matter():
    older = MINIMAL.replace(b"export/1.2/", b"export/1.0/")
    assert parse_bytes(older).items[0].title == "One"


def test_dates_fall_back_from_gmt_to_local_to_pubdate():
    export = parse_wxr(FIXTURES / "hostile.xml")
    bad = next(item for item in export.items if item.wp_id == 104)
    assert item_published_at(bad) is None
    good = next(item for item in export.items if item.wp_id == 102)
    assert item_published_at(good).isoformat() == "2020-01-02T03:04:05+00:00"


@pytest.mark.parametrize("name", ["xxe.xml", "billion_laughs.xml"])
def test_entity_attacks_are_refused_before_any_expansion(name):
    with pytest.raises(WXRError) as caught:
        parse_wxr(FIXTURES / name)
    message = str(caught.value)
    assert message.startswith(f"{name}: line 2: the file has a DOCTYPE declaration")
    assert "root:" not in message and "lol" not in message


def test_not_xml_names_the_line():
    assert (
        problem(b"This is a plain text file,\nnot an export.") == "line 1: not XML (syntax error, column 0)"
    )


def test_truncated_file_says_so_with_the_line():
    cut = MINIMAL[: MINIMAL.index(b"</item>")]
    message = problem(cut)
    assert message.startswith("line 4: the file ends before the export does: it looks truncated")


def test_malformed_xml_names_the_line_and_column():
    message = problem(MINIMAL.replace(b"</title>", b"</titl>"))
    assert message.startswith("line 4: not well-formed XML (mismatched tag")


def test_an_html_page_is_not_an_export():
    assert problem(b"<html><body><p>hello</p></body></html>") == (
        "line 1: not a WordPress export: the file is <html>, not an RSS/WXR document"
    )


def test_an_ordinary_rss_feed_is_not_an_export():
    message = problem(b"<rss version='2.0'><channel><title>News</title></channel></rss>")
    assert "not a WordPress export: an RSS feed without <wp:wxr_version>" in message


def test_empty_and_missing_files(tmp_path):
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"")
    with pytest.raises(WXRError, match=r"^empty.xml: the file is empty$"):
        parse_wxr(empty)
    with pytest.raises(WXRError, match=r"^missing.xml: cannot read the file"):
        parse_wxr(tmp_path / "missing.xml")


def test_size_limit_is_checked_before_reading(tmp_path):
    big = tmp_path / "big.xml"
    big.write_bytes(MINIMAL + b" " * 2 * 1024 * 1024)
    with pytest.raises(
        WXRError, match=r"big.xml: the file is 2.0 MB, over the 1 MB limit \(raise it with --max-size"
    ):
        parse_wxr(big, max_bytes=1024 * 1024)
    assert parse_wxr(big).items[0].title == "One"


def test_wrong_encoding_is_reported_not_raised():
    latin = MINIMAL.replace(b"<title>One</title>", "<title>Café</title>".encode("latin-1"))
    assert problem(latin).startswith("line 4: not well-formed XML (not well-formed (invalid token)")
