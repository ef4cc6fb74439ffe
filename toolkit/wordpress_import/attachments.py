"""Attachments become Wagtail images and documents when their file is under ``--media-dir``.

A file that is not there, is over the upload limit, or is of a kind that uploads refuse
(``WAGTAILDOCS_EXTENSIONS``: no HTML or SVG, which can carry script) is reported and left at its
old address.
"""

import hashlib
import logging
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files import File
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from . import convert as conv
from .models import ImportedItem
from .report import FAILED, IMPORTED, SKIPPED, UNCHANGED, UPDATED, one_line

logger = logging.getLogger(__name__)

IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
MAX_DOCUMENT_BYTES = 100 * 1024 * 1024


def file_digest(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def document_kind_allowed(path):
    """Whether an editor could upload this file as a document: an export must not be a way round.

    The same allow-list Wagtail applies to uploads (``AbstractDocument.clean``); with none set,
    Wagtail allows every kind, and so does this.
    """
    allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
    return not allowed or path.suffix.lower().lstrip(".") in {ext.lower() for ext in allowed}


class AttachmentsStep:
    """Part of ``WordPressImporter``: images and documents, before the posts that show them."""

    def index_attached_images(self):
        attached = {}
        for item in sorted(self.plan.attachments, key=lambda i: (i.menu_order, i.wp_id)):
            url = item.attachment_url or item.guid
            if Path(url.split("?")[0]).suffix.lower() in IMAGE_EXTENSIONS and item.parent_id:
                attached.setdefault(item.parent_id, []).append(item.wp_id)
        return attached

    def import_attachments(self):
        for item in self.plan.attachments:
            record = self.record(ImportedItem.Kind.ATTACHMENT, item.wp_id)
            if record and record.object_id:
                target = self.images if record.object_type == "image" else self.documents
                target[item.wp_id] = record.object_id
        if self.media_dir is None:
            if self.plan.attachments:
                self.report.counts["attachments left on the old site (no --media-dir)"] = len(
                    self.plan.attachments
                )
            return
        for item in self.plan.attachments:
            title = conv.clean_title(item.title, f"attachment {item.wp_id}")
            try:
                self.import_attachment(item, title)
            except Exception as error:  # noqa: BLE001 - one bad file is reported, the rest go on
                logger.info("Attachment %s failed", item.wp_id, exc_info=True)
                self.report.add("attachment", item.wp_id, title, FAILED, one_line(error))

    def find_media(self, item):
        """The attachment's file under --media-dir, by its upload path, then its address."""
        relative = item.meta.get("_wp_attached_file", "").strip()
        url_path = unquote(urlsplit(item.attachment_url or item.guid).path).lstrip("/")
        candidates = [relative]
        if "wp-content/uploads/" in url_path:
            candidates.append(url_path.split("wp-content/uploads/", 1)[1])
        candidates += [url_path, Path(url_path).name]
        for candidate in candidates:
            if not candidate:
                continue
            path = (self.media_dir / candidate).resolve()
            if path.is_relative_to(self.media_dir) and path.is_file():
                return path
        return None

    def import_attachment(self, item, title):
        path = self.find_media(item)
        if path is None:
            self.report.add(
                "attachment", item.wp_id, title, SKIPPED, "file not found under --media-dir: linked instead"
            )
            return
        is_image = path.suffix.lower() in IMAGE_EXTENSIONS
        if not is_image and not document_kind_allowed(path):
            self.report.add(
                "attachment",
                item.wp_id,
                title,
                SKIPPED,
                f"file type {path.suffix.lower() or '(none)'} is not allowed: linked instead",
            )
            return
        limit = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE if is_image else MAX_DOCUMENT_BYTES
        if path.stat().st_size > limit:
            self.report.add(
                "attachment",
                item.wp_id,
                title,
                SKIPPED,
                f"file over {limit // 1024 // 1024} MB: linked instead",
            )
            return
        digest = file_digest(path)
        record = self.record(ImportedItem.Kind.ATTACHMENT, item.wp_id)
        if record and record.object_id and record.content_hash == digest:
            self.report.add("attachment", item.wp_id, title, UNCHANGED)
            return
        if self.dry_run:
            self.report.add("attachment", item.wp_id, title, IMPORTED, "dry run: file not copied")
            return
        with transaction.atomic(), open(path, "rb") as stream:
            if is_image:
                alt = item.meta.get("_wp_attachment_image_alt", "")
                obj = get_image_model()(title=title[:255], file=ImageFile(stream, name=path.name))
                if hasattr(obj, "description"):
                    obj.description = conv.plain_text(alt)[:255]
                # What Wagtail's upload form records, through public parts: Wagtail finds
                # duplicate uploads by this hash (SHA-1, as its own hash_filelike makes it).
                obj.file_size = path.stat().st_size
                obj.file_hash = hash_filelike(stream)
                obj.full_clean(exclude=["collection", "uploaded_by_user", "focal_point_x", "focal_point_y"])
            else:
                obj = get_document_model()(title=title[:255], file=File(stream, name=path.name))
                obj.clean()  # the upload allow-list again, should the check above ever be bypassed
            obj.save()
            self.save_record(
                ImportedItem.Kind.ATTACHMENT,
                item.wp_id,
                guid=item.guid[:500],
                object_id=obj.pk,
                object_type="image" if is_image else "document",
                content_hash=digest,
            )
        (self.images if is_image else self.documents)[item.wp_id] = obj.pk
        self.report.add("attachment", item.wp_id, title, UPDATED if record else IMPORTED)
        self.changed = True
