"""Finding outbound links in HTML and StreamField data (no database)."""

from toolkit.linkcheck.extract import links_in_data, links_in_html


def test_links_in_html():
    html = (
        '<p><a href="https://www.gov.uk/a">A</a> <a href="/internal/">in</a> <a linktype="page" id="3">p</a>'
        ' <a href=" http://example.org/b ">B</a> <a href="mailto:x@example.org">m</a>'
        ' <a href="https://www.gov.uk/a">again</a></p>'
    )
    assert links_in_html(html) == ["https://www.gov.uk/a", "http://example.org/b"]
    assert links_in_html("") == [] and links_in_html(None) == []


def test_links_in_stream_data():
    data = [
        {"type": "paragraph", "value": '<p><a href="https://a.example/">a</a></p>'},
        {"type": "embed", "value": {"url": "https://www.youtube.com/watch?v=1", "title": "Video"}},
        {"type": "callout", "value": {"kind": "tip", "text": '<p><a href="https://b.example/">b</a></p>'}},
        {"type": "heading", "value": "https://not-a-link but a sentence"},
    ]
    assert links_in_data(data) == [
        "https://a.example/",
        "https://www.youtube.com/watch?v=1",
        "https://b.example/",
    ]
