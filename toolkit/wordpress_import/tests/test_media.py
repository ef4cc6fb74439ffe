"""Attachments found under --media-dir become Wagtail images and documents; others are linked."""

import hashlib
import io

from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from toolkit.wordpress_import.models import ImportedItem
from toolkit.wordpress_import.wxr import parse_bytes

from .conftest import imported_pages, run_import, wxr

UPLOADS = "https://wpthemetestdata.files.wordpress.com/"


def jpeg(path, colour="teal"):
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), colour).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())


def test_images_under_media_dir_become_wagtail_images_in_the_body(home, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media-root"
    media = tmp_path / "uploads"
    jpeg(media / "2008/06/100_5478.jpg")
    jpeg(media / "2008/06/canola2.jpg", "orange")
    (media / "secret.jpg").write_bytes(b"not an image at all")
    report = run_import(media_dir=media)
    assert not report.failed, report.by_outcome("failed")
    images = get_image_model().objects.all()
    assert sorted(image.title for image in images) == ["Bell on Wharf", "canola2"]
    bell = images.get(title="Bell on Wharf")
    assert (bell.width, bell.height) == (40, 30)
    original = (media / "2008/06/100_5478.jpg").read_bytes()
    assert (bell.file_size, bell.file_hash) == (len(original), hashlib.sha1(original).hexdigest())  # noqa: S324 - Wagtail's own hash
    caption = imported_pages()[("post", "1163")]
    image_blocks = [block.value for block in caption.body if block.block_type == "image"]
    assert [(v["image"].pk, v["alt_text"], v["caption"]) for v in image_blocks] == [
        (bell.pk, "Bell on Wharf", "Bell on wharf in San Francisco")
    ]
    gallery = imported_pages()[("post", "555")]
    shown = [block.value["image"].pk for block in gallery.body if block.block_type == "image"]
    assert set(shown) == {bell.pk, images.get(title="canola2").pk}
    attachments = report.outcomes("attachment")
    assert attachments["imported"] == 2 and attachments["skipped"] == 35
    again = run_import(media_dir=media)
    assert again.outcomes("attachment")["unchanged"] == 2
    assert get_image_model().objects.count() == 2


GUIDE_ATTACHMENT = """<item><title>Guide</title><wp:post_id>2</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<wp:attachment_url>https://old.example/wp-content/uploads/2020/01/guide.pdf</wp:attachment_url></item>"""

MEDIA_EXPORT = wxr(
    "https://old.example",
    GUIDE_ATTACHMENT
    + """
<item><title>Escape</title><wp:post_id>3</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<wp:attachment_url>https://old.example/wp-content/uploads/x.jpg</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>../outside.jpg</wp:meta_value></wp:postmeta></item>
<item><title>Post</title><wp:post_id>4</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
<content:encoded><![CDATA[<p>Read <a href="https://old.example/wp-content/uploads/2020/01/guide.pdf">the guide</a>.</p>]]></content:encoded></item>
""",
)


def test_other_files_become_documents_and_links_to_them_document_links(home, tmp_path, settings):
    from toolkit.wordpress_import.importer import WordPressImporter
    from toolkit.wordpress_import.mapping import Mapping

    settings.MEDIA_ROOT = tmp_path / "media-root"
    media = tmp_path / "uploads"
    (media / "2020/01").mkdir(parents=True)
    (media / "2020/01/guide.pdf").write_bytes(b"%PDF-1.4 a tiny guide")
    jpeg(tmp_path / "outside.jpg")  # beside --media-dir, not under it: must not be read
    report = WordPressImporter(parse_bytes(MEDIA_EXPORT), Mapping.defaults(), media_dir=media).run()
    document = get_document_model().objects.get()
    assert document.title == "Guide"
    assert not get_image_model().objects.exists()
    outcomes = {e.wp_id: (e.outcome, e.reason) for e in report.entries if e.kind == "attachment"}
    assert outcomes[3] == ("skipped", "file not found under --media-dir: linked instead")
    post = imported_pages("https://old.example")[("post", "4")]
    assert f'<a linktype="document" id="{document.pk}">the guide</a>' in str(list(post.body.raw_data))
    assert ImportedItem.objects.get(kind="attachment", key="2").object_type == "document"


RISKY_EXPORT = wxr(
    "https://old.example",
    GUIDE_ATTACHMENT
    + """
<item><title>Landing page</title><wp:post_id>5</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<wp:attachment_url>https://old.example/wp-content/uploads/2020/01/landing.html</wp:attachment_url></item>
<item><title>Logo</title><wp:post_id>6</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<wp:attachment_url>https://old.example/wp-content/uploads/2020/01/logo.SVG</wp:attachment_url></item>
""",
)


def test_attachments_of_a_kind_uploads_refuse_are_skipped_and_named(home, tmp_path, settings):
    """An HTML or SVG file can carry script, so the importer keeps to the upload allow-list too."""
    from toolkit.wordpress_import.importer import WordPressImporter
    from toolkit.wordpress_import.mapping import Mapping

    settings.MEDIA_ROOT = tmp_path / "media-root"
    media = tmp_path / "uploads"
    (media / "2020/01").mkdir(parents=True)
    (media / "2020/01/guide.pdf").write_bytes(b"%PDF-1.4 a tiny guide")
    (media / "2020/01/landing.html").write_bytes(b"<html><script>alert(1)</script></html>")
    (media / "2020/01/logo.SVG").write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')
    report = WordPressImporter(parse_bytes(RISKY_EXPORT), Mapping.defaults(), media_dir=media).run()
    assert [document.title for document in get_document_model().objects.all()] == ["Guide"]
    assert not get_image_model().objects.exists()
    outcomes = {e.wp_id: (e.outcome, e.title, e.reason) for e in report.entries if e.kind == "attachment"}
    assert outcomes[5] == ("skipped", "Landing page", "file type .html is not allowed: linked instead")
    assert outcomes[6] == ("skipped", "Logo", "file type .svg is not allowed: linked instead")
    assert not ImportedItem.objects.filter(kind="attachment", key__in=["5", "6"]).exists()
    assert sorted(p.name for p in (tmp_path / "media-root").rglob("*") if p.is_file()) == ["guide.pdf"]
