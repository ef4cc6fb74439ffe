"""WordPress shortcodes, without Django."""

from toolkit.wordpress_import.shortcodes import expand, parse_attributes


def test_attributes_quoted_unquoted_and_positional():
    attrs, positional = parse_attributes(
        ' id="attachment_5" align=\'alignleft\' width=300 https://youtu.be/x "loose"'
    )
    assert attrs == {"id": "attachment_5", "align": "alignleft", "width": "300"}
    assert positional == ["https://youtu.be/x", "loose"]


def test_caption_becomes_a_figure_with_its_caption():
    out = expand(
        '[caption id="attachment_1" width="300"]<a href="/big.jpg"><img src="/small.jpg" alt="A bell"></a> Bell on a wharf[/caption]'
    )
    assert (
        out.html
        == '<figure><a href="/big.jpg"><img src="/small.jpg" alt="A bell"></a><figcaption>Bell on a wharf</figcaption></figure>'
    )
    assert out.unknown == []


def test_old_style_caption_attribute():
    out = expand('[caption caption="Old style"]<img src="/a.jpg">[/caption]')
    assert "<figcaption>Old style</figcaption>" in out.html


def test_gallery_keeps_only_numeric_ids():
    assert expand('[gallery ids="3, 4,x,5" columns="2"]').html == '<x-gallery data-ids="3,4,5"></x-gallery>'
    assert expand("[gallery]").html == '<x-gallery data-ids=""></x-gallery>'


def test_embed_video_and_audio_become_placeholders():
    assert expand("[embed]https://www.youtube.com/watch?v=abc[/embed]").html == (
        '<x-embed data-url="https://www.youtube.com/watch?v=abc"></x-embed>'
    )
    assert (
        expand('[video width="640" mp4="/v.mp4"][/video]').html
        == '<x-media data-kind="video" data-url="/v.mp4"></x-media>'
    )
    assert (
        expand('[audio src="/talk.mp3"]').html == '<x-media data-kind="audio" data-url="/talk.mp3"></x-media>'
    )


def test_attribute_values_are_escaped_in_placeholders():
    out = expand('[embed]https://x.example/?a="><script>alert(1)</script>[/embed]')
    assert "<script>" not in out.html and "&quot;&gt;&lt;script&gt;" in out.html


def test_unknown_shortcodes_are_kept_and_reported():
    out = expand("Before [simple attr='1'] middle [contact-form]Hi[/contact-form] after")
    assert out.html == "Before [simple attr='1'] middle [contact-form]Hi[/contact-form] after"
    assert out.unknown == ["simple", "contact-form"]


def test_escaped_shortcodes_and_brackets_are_text():
    out = expand("Write [[gallery]] to show a gallery. Footnote [1] and [ not a code ].")
    assert out.html == "Write [gallery] to show a gallery. Footnote [1] and [ not a code ]."
    assert out.unknown == []


def test_audio_with_a_bare_address():
    assert expand("[audio https://old.example/blues.mp3]").html == (
        '<x-media data-kind="audio" data-url="https://old.example/blues.mp3"></x-media>'
    )
