"""Old upload and attachment-page addresses answer 301: files to what they were imported as (any
size WordPress made of them), attachment pages to their post."""

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from toolkit.wordpress_import.importer import WordPressImporter
from toolkit.wordpress_import.mapping import Mapping
from toolkit.wordpress_import.wxr import parse_bytes

from .conftest import imported_pages, wxr
from .test_media import GUIDE_ATTACHMENT, jpeg

SOURCE = "https://old.example"
EXPORT = wxr(
    SOURCE,
    GUIDE_ATTACHMENT
    + """
<item><title>Photo</title><wp:post_id>5</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<link>https://old.example/2020/01/15/hall-open-day/photo/</link><wp:post_parent>4</wp:post_parent>
<wp:attachment_url>https://old.example/wp-content/uploads/2020/01/photo.jpg</wp:attachment_url></item>
<item><title>Lost</title><wp:post_id>6</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<link>https://old.example/2020/01/15/hall-open-day/lost/</link><wp:post_parent>4</wp:post_parent>
<wp:attachment_url>https://old.example/wp-content/uploads/2020/01/lost.jpg</wp:attachment_url></item>
<item><title>Elsewhere</title><wp:post_id>7</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<wp:attachment_url>https://cdn.example.net/2020/01/elsewhere.pdf</wp:attachment_url></item>
<item><title>Hall open day</title><wp:post_id>4</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
<wp:post_name>hall-open-day</wp:post_name><wp:post_date>2020-01-15 10:00:00</wp:post_date>
<link>https://old.example/2020/01/15/hall-open-day/</link>
<content:encoded><![CDATA[<p>The hall opens its doors on Saturday.</p>]]></content:encoded></item>
""",
)


def run(media, **options):
    return WordPressImporter(parse_bytes(EXPORT), Mapping.defaults(), media_dir=media, **options).run()


def uploads(tmp_path):
    media = tmp_path / "uploads"
    (media / "2020/01").mkdir(parents=True)
    (media / "2020/01/guide.pdf").write_bytes(b"%PDF-1.4 a tiny guide")
    (media / "2020/01/elsewhere.pdf").write_bytes(b"%PDF-1.4 kept on another host")
    jpeg(media / "2020/01/photo.jpg")
    return media


def location(client, path):
    response = client.get(path)
    assert response.status_code == 301, f"{path} answered {response.status_code}"
    return response["Location"]


def test_old_file_addresses_and_every_size_of_an_image_go_to_the_imported_file(
    home, client, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media-root"
    report = run(uploads(tmp_path))
    document = get_document_model().objects.get(title="Guide")
    image = get_image_model().objects.get(title="Photo")
    assert location(client, "/wp-content/uploads/2020/01/guide.pdf") == document.url
    for size in ("photo.jpg", "photo-300x200.jpg", "photo-1024x768.jpg", "photo-scaled.jpg"):
        assert location(client, f"/wp-content/uploads/2020/01/{size}") == image.file.url
    assert client.get("/wp-content/uploads/2020/01/lost.jpg").status_code == 404, (
        "its file was never imported"
    )
    assert client.get("/wp-content/uploads/2020/01/other-300x200.jpg").status_code == 404
    assert not Redirect.objects.filter(old_path__contains="elsewhere").exclude(
        old_path__contains="attachment"
    ), "a file on another host is not one of the old site's addresses"
    assert report.counts["attachment redirects"] == 8  # 2 files, 2 pages, 4 ?attachment_id=


def test_attachment_pages_go_to_their_post(home, client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media-root"
    run(uploads(tmp_path))
    post = imported_pages(SOURCE)[("post", "4")]
    assert location(client, "/2020/01/15/hall-open-day/photo/") == post.url
    assert location(client, "/2020/01/15/hall-open-day/lost/") == post.url, "even when its file is gone"
    assert location(client, "/?attachment_id=5") == post.url
    assert location(client, "/?attachment_id=2") == get_document_model().objects.get(title="Guide").url


def test_a_second_run_adds_nothing_and_a_dry_run_writes_nothing(home, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media-root"
    media = uploads(tmp_path)
    dry = run(media, dry_run=True)
    assert not Redirect.objects.exists(), "a dry run writes nothing"
    assert dry.counts["attachment redirects"] == 4, "it reports the attachment pages it would redirect"
    run(media)
    count = Redirect.objects.count()
    again = run(media)
    assert again.counts["attachment redirects"] == 0
    assert Redirect.objects.count() == count
