"""What WeasyPrint may load while it makes a PDF: our own static and media files, from disk.

WeasyPrint would otherwise fetch any address a page mentions (a stylesheet, an image in a sheet's
body) over the network, while a reader waits. This fetcher reads files that belong to the site
from storage and refuses everything else, so a PDF never depends on, or leaks requests to, the
outside world.
"""

import mimetypes
import posixpath
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from weasyprint.urls import URLFetcher, URLFetcherResponse


class RefusedURL(ValueError):
    """An address outside the site's own static and media files."""


def relative_name(url, prefix):
    """The file name under ``prefix`` (an absolute URL ending in /), or None; never climbs out."""
    if not url.startswith(prefix):
        return None
    name = unquote(urlsplit(url[len(prefix) :]).path)
    clean = posixpath.normpath(name)
    if not name or clean.startswith(("../", "/")) or clean in {".", ".."}:
        return None
    return clean


def static_file_path(name):
    """Where a static file is on disk: in an app's folder, or collected (names with hashes)."""
    found = finders.find(name)
    if found:
        return found
    try:
        if staticfiles_storage.exists(name):
            return staticfiles_storage.path(name)
    except (NotImplementedError, ValueError):
        pass  # a remote storage, or a name outside STATIC_ROOT
    return None


class LocalFilesFetcher(URLFetcher):
    """Serves ``STATIC_URL`` and ``MEDIA_URL`` addresses from storage; refuses all others.

    ``refused`` lists the addresses it turned away, so tests and logs can see them.
    """

    def __init__(self, base_url):
        super().__init__(allowed_protocols=("http", "https", "data"), fail_on_errors=False)
        self.static_prefix = urljoin(base_url, settings.STATIC_URL)
        self.media_prefix = urljoin(base_url, settings.MEDIA_URL)
        self.refused = []

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)  # inline data: no network involved
        name = relative_name(url, self.static_prefix)
        if name is not None:
            path = static_file_path(name)
            if path:
                with open(path, "rb") as file:
                    return self.response(url, name, file.read())
        name = relative_name(url, self.media_prefix)
        if name is not None and default_storage.exists(name):
            with default_storage.open(name, "rb") as file:
                return self.response(url, name, file.read())
        self.refused.append(url)
        raise RefusedURL(f"Not one of the site's own files, so not fetched: {url}")

    @staticmethod
    def response(url, name, body):
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        headers = {"Content-Type": content_type}
        if content_type.startswith("text/"):
            headers["Content-Type"] += "; charset=utf-8"
        return URLFetcherResponse(url, body, headers)
