"""Ids stay unique when many sheets share one booklet."""

from toolkit.printing.anchors import prefix_ids


def test_ids_and_every_reference_to_them_get_the_prefix():
    html = (
        '<nav aria-labelledby="toc-heading"><h2 id="toc-heading">On this page</h2>'
        '<a href="#key-facts">Key facts</a></nav>'
        '<section aria-labelledby="key-facts"><h2 id="key-facts">Key facts</h2></section>'
        '<label for="q">Q</label><input id="q" aria-describedby="q-hint q-error">'
    )
    out = prefix_ids(html, "s7-")
    assert 'id="s7-toc-heading"' in out and 'aria-labelledby="s7-toc-heading"' in out
    assert 'href="#s7-key-facts"' in out and 'id="s7-key-facts"' in out
    assert 'for="s7-q"' in out and 'aria-describedby="s7-q-hint s7-q-error"' in out


def test_other_links_and_text_are_left_alone():
    html = '<p>Write id="x" in text</p><a href="/section/sheet/">Sheet</a><a href="https://example.org/#top">x</a>'
    escaped = html.replace('id="x"', "id=&quot;x&quot;")
    assert prefix_ids(escaped, "s1-") == escaped
