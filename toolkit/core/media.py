"""Uploaded images served by the app, for servers with no web server in front to do it.

In the shipped stack nginx serves ``/media/`` itself; on a server without one (or behind a plain
load balancer) the images editors upload must still appear. Only image files are served here:
Wagtail's original images and their renditions. Documents are never served from ``/media/``:
they go through Wagtail's own ``/documents/<id>/<name>`` view, which checks a collection's
privacy and sends them as downloads. Django's ``static.serve`` does the work (safe path joining,
conditional GET, content types); it is slower than nginx, which is why the stack puts nginx in
front, but it is correct.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import Http404
from django.views.static import serve

SERVED_FOLDERS = ("original_images/", "images/")
MAX_AGE = 60 * 60 * 24 * 7  # renditions never change under a name; originals are renamed when replaced


def media_is_local():
    """True when uploads are files on this server (not S3), so the app may serve them."""
    return isinstance(default_storage, FileSystemStorage)


def serve_image(request, path):
    if not path.startswith(SERVED_FOLDERS) or "\\" in path:
        raise Http404("Not an image")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response
