"""Uploads are limited by kind and size: no SVG or HTML, nothing huge."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.forms import get_document_form
from wagtail.documents.models import Document
from wagtail.images.forms import get_image_form
from wagtail.images.models import Image

pytestmark = pytest.mark.django_db


def image_form(upload):
    form_class = get_image_form(Image)
    return form_class({"title": "Upload"}, {"file": upload})


def document_form(upload, user):
    form_class = get_document_form(Document)
    return form_class({"title": "Upload"}, {"file": upload}, user=user)


def test_svg_images_are_refused():
    svg = SimpleUploadedFile(
        "x.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    form = image_form(svg)
    assert not form.is_valid()
    assert "file" in form.errors


@pytest.mark.parametrize("name", ["page.html", "script.js", "tool.exe", "shell.sh"])
def test_risky_documents_are_refused(admin_user, name):
    form = document_form(SimpleUploadedFile(name, b"<html><script>alert(1)</script></html>"), admin_user)
    assert not form.is_valid()
    assert "file" in form.errors


def test_a_pdf_is_accepted_but_not_a_huge_one(admin_user, settings):
    assert document_form(SimpleUploadedFile("guide.pdf", b"%PDF-1.4 small"), admin_user).is_valid()
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 10
    form = document_form(SimpleUploadedFile("guide.pdf", b"%PDF-1.4 " + b"x" * 100), admin_user)
    assert not form.is_valid() and "file" in form.errors


PDF_WITH_SCRIPT = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)


def test_a_pdf_with_javascript_is_served_with_embedded_content_blocked(client):
    """A PDF can carry script (``/OpenAction /JavaScript``) that no upload check can reliably
    find in compressed object streams, so it is neutralised where it is served: Wagtail's
    document view sends ``default-src 'none'``, and our own policy must not replace it."""
    document = Document.objects.create(title="Guide", file=SimpleUploadedFile("guide.pdf", PDF_WITH_SCRIPT))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content if response.streaming else [response.content]).startswith(
        b"%PDF"
    )
