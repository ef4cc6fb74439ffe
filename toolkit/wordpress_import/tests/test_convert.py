"""Post content to StreamField blocks, without a database."""

import re

from toolkit.wordpress_import.convert import (
    Resolver,
    clean_title,
    convert,
    for_standard_page,
    make_summary,
    trim_words,
    unique_headings,
)

EXECUTABLE = re.compile(
    r"<script|<style|<iframe|<svg|<object|<embed|<form|\son\w+\s*=|javascript:|vbscript:|data:", re.I
)


def types(conversion):
    return [block_type for block_type, _ in conversion.blocks]


def all_text(conversion):
    return repr(conversion.blocks)


def test_h2_starts_a_heading_block_and_the_rest_is_rich_text():
    result = convert(
        "<p>Intro.</p><h2>What it is</h2><p>Body with <strong>bold</strong> and <em>italic</em>.</p><h3>Detail</h3><ul><li>one</li><li>two<ol><li>nested</li></ol></li></ul>"
    )
    assert result.blocks == [
        ("paragraph", "<p>Intro.</p>"),
        ("heading", "What it is"),
        (
            "paragraph",
            "<p>Body with <b>bold</b> and <i>italic</i>.</p><h3>Detail</h3><ul><li>one</li><li>two<ol><li>nested</li></ol></li></ul>",
        ),
    ]
    assert result.warnings == []


def test_classic_blank_lines_are_paragraphs_and_single_breaks_are_line_breaks():
    result = convert(
        'First line\nsecond line\n\nNew paragraph with a <a href="https://example.org/">link</a>.'
    )
    assert result.blocks == [
        (
            "paragraph",
            '<p>First line<br>second line</p><p>New paragraph with a <a href="https://example.org/">link</a>.</p>',
        )
    ]


def test_block_editor_markup_keeps_content_and_reports_dynamic_blocks():
    content = (
        "<!-- wp:paragraph -->\n<p>Hello\nworld.</p>\n<!-- /wp:paragraph -->\n\n"
        "<!-- wp:latest-posts /-->\n<!-- wp:spacer /-->\n"
        '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=SQEQr7c0-dw","type":"video"} -->\n'
        '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=SQEQr7c0-dw\n</div>'
        "<figcaption>A short film</figcaption></figure>\n<!-- /wp:embed -->"
    )
    result = convert(content, title="Post title")
    assert result.blocks == [
        ("paragraph", "<p>Hello world.</p>"),
        (
            "embed",
            {"url": "https://www.youtube.com/watch?v=SQEQr7c0-dw", "title": "A short film", "transcript": ""},
        ),
    ]
    assert result.warnings == ["block “latest-posts” dropped: WordPress builds it when the page is viewed"]


def test_classic_auto_embed_of_a_url_alone_on_its_line():
    result = convert("Watch this:\n\nhttps://vimeo.com/123456\n\nThanks.", title="A video")
    assert (
        "embed",
        {"url": "https://vimeo.com/123456", "title": "A video", "transcript": ""},
    ) in result.blocks


def test_other_embeds_become_links_and_are_reported():
    result = convert("[embed]https://twitter.com/wordpress/status/1[/embed]")
    assert result.blocks == [
        ("paragraph", '<p><a href="https://twitter.com/wordpress/status/1">Content on twitter.com</a></p>')
    ]
    assert result.warnings == ["embed from twitter.com kept as a link"]


def test_tables_become_lists_with_their_headers_and_a_warning():
    result = convert(
        "<table><thead><tr><th>Name</th><th>Role</th></tr></thead><tbody><tr><td>Ann</td><td>Chair</td></tr><tr><td>Bo</td><td>Clerk</td></tr></tbody></table>"
    )
    assert result.blocks == [
        (
            "paragraph",
            "<ul><li><b>Name</b>: Ann; <b>Role</b>: Chair</li><li><b>Name</b>: Bo; <b>Role</b>: Clerk</li></ul>",
        )
    ]
    assert result.warnings == ["a table became a list (Wagtail's rich text here has no tables)"]


def test_blockquote_becomes_a_quote_block_with_its_source():
    result = convert("<blockquote><p>Plan early.</p><cite>— A clerk</cite></blockquote>")
    assert result.blocks == [("quote", {"text": "Plan early.", "attribution": "A clerk"})]


def test_images_without_a_file_are_linked_and_reported():
    result = convert(
        '[caption id="a"]<img src="https://old.example/wp-content/uploads/bell.jpg" alt="A bell" class="wp-image-7"> On the wharf[/caption]'
    )
    assert result.blocks == [
        ("paragraph", '<p><a href="https://old.example/wp-content/uploads/bell.jpg">Image: A bell</a></p>')
    ]
    assert result.warnings == [
        "image not imported (no file under --media-dir), linked instead: https://old.example/wp-content/uploads/bell.jpg"
    ]


class KnowsEverything(Resolver):
    def link(self, href):
        if "/other-post/" in href:
            return ("page", 42)
        if "/later-post/" in href:
            return ("pending", None)
        if href.endswith(".pdf"):
            return ("document", 9)
        return None

    def image(self, src, attachment_id=None):
        return 5 if attachment_id == 7 else None

    def attached_images(self):
        return [7]


def test_resolver_turns_links_images_and_galleries_into_wagtail_references():
    result = convert(
        '<p><a href="https://old.example/other-post/">Other</a>, <a href="https://old.example/later-post/">later</a>, '
        '<a href="https://old.example/files/guide.pdf">guide</a>.</p>'
        '[caption]<img src="x.jpg" alt="Bell" class="wp-image-7">Bell[/caption][gallery]',
        KnowsEverything(),
    )
    assert result.blocks == [
        (
            "paragraph",
            '<p><a linktype="page" id="42">Other</a>, <a href="https://old.example/later-post/">later</a>, '
            '<a linktype="document" id="9">guide</a>.</p>',
        ),
        ("image", {"image": 5, "alt_text": "Bell", "caption": "Bell"}),
        ("image", {"image": 5, "alt_text": "", "caption": ""}),
    ]
    assert result.pending_links


def test_nothing_executable_survives():
    hostile = (
        '<p onclick="x()">Hi<script>alert(1)</script></p><img src=x onerror=alert(1)>'
        '<a href="javascript:alert(1)">js</a><a href=" JaVaScRiPt:alert(1)">js2</a><a href="data:text/html,x">data</a>'
        '<svg onload=alert(1)></svg><iframe src="javascript:alert(1)"></iframe><style>p{}</style>'
        '<h2 onmouseover=alert(1)>Title</h2>[embed]javascript:alert(1)[/embed][video src="javascript:alert(2)"]'
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"  # mutation XSS: swallowed whole
    )
    result = convert(hostile)
    assert not EXECUTABLE.search(all_text(result)), result.blocks
    assert ("heading", "Title") in result.blocks


def test_unknown_shortcodes_are_reported():
    result = convert("Text [contact-form-7 id=3] more.")
    assert result.warnings == ["unknown shortcode [contact-form-7] left as text"]
    assert "[contact-form-7 id=3]" in result.blocks[0][1]


def test_repeated_headings_get_a_number():
    blocks = [("heading", "Steps"), ("paragraph", "<p>a</p>"), ("heading", "Steps"), ("heading", "steps!")]
    assert unique_headings(blocks) == [
        ("heading", "Steps"),
        ("paragraph", "<p>a</p>"),
        ("heading", "Steps (2)"),
        ("heading", "steps! (3)"),
    ]


def test_summary_prefers_excerpt_then_a_real_paragraph_then_title_and_keeps_to_60_words():
    body = convert("<p><strong>Label</strong></p><p>" + "word " * 100 + "</p>")
    summary = make_summary("", body, "Title")
    assert len(summary.split()) == 60 and summary.endswith("…")
    assert make_summary("<p>The <em>excerpt</em> wins.</p>", body, "Title") == "The excerpt wins."
    assert make_summary("", convert("<p>Too short.</p>"), "The title") == "The title"
    assert trim_words("one two three", 2) == "one two…"


def test_titles_are_plain_text():
    assert (
        clean_title("Markup: Title <em>With</em> <b>Mark<sup>up</sup></b>", "x")
        == "Markup: Title With Markup"
    )
    assert clean_title('<script>alert("t")</script>Safe &amp; sound', "x") == "Safe & sound"
    assert clean_title("  ", "Untitled post 5") == "Untitled post 5"


def test_standard_pages_get_quotes_and_embeds_as_rich_text():
    blocks = for_standard_page(
        [
            ("quote", {"text": "Plan <early>", "attribution": "Clerk"}),
            ("embed", {"url": "https://vimeo.com/1", "title": "Film", "transcript": ""}),
        ]
    )
    assert blocks == [
        (
            "paragraph",
            '<p><i>“Plan &lt;early&gt;”</i><br/>— Clerk</p><p><a href="https://vimeo.com/1">Film</a></p>',
        )
    ]
