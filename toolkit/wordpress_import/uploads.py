"""Old attachment addresses: the uploaded files and the attachment pages WordPress showed them on.

After an import, links elsewhere on the web still point at ``/wp-content/uploads/2020/01/guide.pdf``
and at resized copies WordPress made (``photo-300x200.jpg``, ``photo-scaled.jpg``), which the
export does not list. Each imported file's own address gets a 301 to the file it became; the
``old_upload`` view answers any size of it by dropping WordPress's size suffix and looking for that
redirect. An attachment page (``/2020/01/post/photo/``, ``/?attachment_id=12``) goes to the post
it belonged to, or else to the file.
"""

import re

from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site

SIZE_SUFFIX = re.compile(r"-(?:\d+x\d+|scaled|rotated)(?=\.[A-Za-z0-9]+$)")
EXTENSION = re.compile(r"(?=\.[A-Za-z0-9]+$)")


def original_upload_paths(path):
    """The addresses a resized copy's original may have had, most likely first."""
    original = SIZE_SUFFIX.sub("", path)
    return [original, EXTENSION.sub("-scaled", original, count=1)]


def old_upload(request):
    """301 from an old upload address, or any resized copy of it, to the file it was imported as."""
    candidates = [Redirect.normalise_path(p) for p in (request.path, *original_upload_paths(request.path))]
    found = {
        redirect.old_path: redirect
        for redirect in Redirect.get_for_site(Site.find_for_request(request)).filter(old_path__in=candidates)
    }
    for candidate in candidates:
        redirect = found.get(candidate)
        if redirect is not None and redirect.link:
            return HttpResponsePermanentRedirect(redirect.link)
    raise Http404("No file was imported from this address.")


def is_file_link(link):
    return bool(link) and link.startswith((settings.MEDIA_URL, "/documents/"))


class UploadRedirectsStep:
    """Part of ``WordPressImporter``: runs after the posts, so attachment pages can go to them."""

    def import_attachment_redirects(self):
        files = self.imported_file_links()
        wanted = {}  # normalised old path -> where its redirect goes (Redirect field values)
        for item in self.plan.attachments:
            file_link = files.get(item.wp_id)
            to_file = {"redirect_page_id": None, "redirect_link": file_link}
            if file_link:
                for url in (item.attachment_url, item.guid):
                    local = self.old.local_path(url) if url else None
                    if local and not local[1]:
                        wanted.setdefault(Redirect.normalise_path(local[0]), to_file)
            parent = self.page_ids.get(item.parent_id)
            target = (
                {"redirect_page_id": parent, "redirect_link": ""}
                if parent
                else to_file
                if file_link
                else None
            )
            if target is None:
                continue
            local = self.old.local_path(item.link) if item.link else None
            pages = [f"{local[0]}?{local[1]}" if local[1] else local[0]] if local else []
            if item.wp_id > 0:  # a real WordPress id, not a stand-in for an id-less item
                pages.append(f"{self.old.base}/?attachment_id={item.wp_id}")
            for path in pages:
                wanted.setdefault(Redirect.normalise_path(path), target)
        # Only redirects an earlier run made to a file are re-pointed (say, once the post exists).
        self.save_redirect_targets(wanted, "attachment redirects", lambda r: is_file_link(r.redirect_link))

    def imported_file_links(self):
        """wp_id -> the address of the image or document imported from that attachment."""
        images = get_image_model().objects.in_bulk(self.images.values())
        documents = get_document_model().objects.in_bulk(self.documents.values())
        links = {wp_id: images[pk].file.url for wp_id, pk in self.images.items() if pk in images}
        links |= {wp_id: documents[pk].url for wp_id, pk in self.documents.items() if pk in documents}
        return links
