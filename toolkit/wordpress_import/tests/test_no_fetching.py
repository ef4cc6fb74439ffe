"""The importer never fetches anything over the network: an export whose attachments, images and
embeds point at loopback, a name that resolves to it, link-local or private addresses makes no
request to any of them (media come only from ``--media-dir``), so an export cannot be used to
reach the server's own network.

A real HTTP server listens on loopback and counts what reaches it.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from toolkit.wordpress_import.importer import WordPressImporter
from toolkit.wordpress_import.mapping import Mapping
from toolkit.wordpress_import.wxr import parse_bytes

from .conftest import wxr


@pytest.fixture
def listener():
    """A loopback web server that records every request it is sent."""
    seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            seen.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/jpeg")
            self.end_headers()

        do_HEAD = do_GET  # noqa: N815

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.seen = seen
    yield server
    server.shutdown()
    server.server_close()


def attachment(wp_id, url):
    return (
        f"<item><title>File {wp_id}</title><wp:post_id>{wp_id}</wp:post_id><wp:post_type>attachment</wp:post_type>"
        f"<wp:status>inherit</wp:status><wp:attachment_url>{url}</wp:attachment_url></item>"
    )


def test_nothing_in_an_export_makes_the_importer_fetch_from_any_address(home, listener, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media-root"
    port = listener.server_address[1]
    hosts = [f"127.0.0.1:{port}", f"localhost:{port}", "169.254.169.254", "10.0.0.1", "[::1]"]
    items = [
        attachment(n, f"http://{host}/wp-content/uploads/2020/01/photo.jpg")
        for n, host in enumerate(hosts, 2)
    ]
    body = "".join(
        f'<p><img src="http://{host}/wp-content/uploads/inline.jpg"> <a href="http://{host}/doc.pdf">doc</a></p>'
        f"<p>[embed]http://{host}/video[/embed]</p><p>http://{host}/oembed-on-its-own-line</p>"
        for host in hosts
    )
    items.append(
        "<item><title>Post</title><wp:post_id>100</wp:post_id><wp:post_type>post</wp:post_type>"
        f"<wp:status>publish</wp:status><content:encoded><![CDATA[{body}]]></content:encoded></item>"
    )
    export = wxr(f"http://127.0.0.1:{port}", "".join(items))
    media = tmp_path / "uploads"
    media.mkdir()
    for media_dir in (None, media):  # with no copy of the uploads, and with one that lacks these files
        report = WordPressImporter(parse_bytes(export), Mapping.defaults(), media_dir=media_dir).run()
        assert not report.failed, report.by_outcome("failed")
    assert listener.seen == [], "the importer fetched from the network"
    assert not get_image_model().objects.exists() and not get_document_model().objects.exists()
    # The listener does answer: had anything asked, it would have been counted.
    import urllib.request

    with urllib.request.urlopen(f"http://127.0.0.1:{port}/probe", timeout=5):  # noqa: S310 - our own listener
        pass
    assert listener.seen == ["/probe"]
