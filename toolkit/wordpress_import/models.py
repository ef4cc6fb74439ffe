"""What the importer remembers about each WordPress item, so a re-run updates instead of duplicating.

Every post, page, attachment, category, tag and author that the importer turned into something in
Wagtail has one row here, keyed on the WordPress site it came from and the item's WordPress ID (or
its slug or login, for terms and authors). The row points at what was made and holds a hash of
what was written, so an unchanged item costs one comparison on the next run and no writes.
"""

import hashlib
import json

from django.db import models


class ImportedItem(models.Model):
    class Kind(models.TextChoices):
        POST = "post", "Post"
        PAGE = "page", "Page"
        ATTACHMENT = "attachment", "Attachment"
        CATEGORY = "category", "Category"
        TAG = "tag", "Tag"
        AUTHOR = "author", "Author"
        SECTION = "section", "Section"

    source = models.CharField(max_length=255, help_text="The WordPress site's address, from the export.")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    key = models.CharField(max_length=255, help_text="The WordPress ID, or the slug or login.")
    guid = models.CharField(max_length=500, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(
        null=True, blank=True, help_text="The topic, user, image or document made from the item."
    )
    object_type = models.CharField(max_length=40, blank=True)
    revision_id = models.PositiveBigIntegerField(
        null=True, blank=True, help_text="The revision the importer last wrote (to notice editors' changes)."
    )
    content_hash = models.CharField(max_length=64, blank=True)
    needs_indexing = models.BooleanField(
        default=False, help_text="Written, but not yet in the search and reference indexes."
    )
    first_imported_at = models.DateTimeField(auto_now_add=True)
    last_imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "key"], name="wordpress_import_unique_item")
        ]
        verbose_name = "imported WordPress item"

    def __str__(self):
        return f"{self.kind} {self.key} from {self.source}"


def spec_hash(spec):
    """The hash kept in ``content_hash``: of everything an item was written from."""
    data = json.dumps(spec, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()
