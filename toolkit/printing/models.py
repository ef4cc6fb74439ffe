"""Ready-made print packs that editors publish, and the page that lists them.

A reader's own pack lives in their session (see ``pack.py`` and ``views.py``); these are the packs
an editor curates for everyone: one per "Get started" route and one per section to begin with.
Each is a page, so it has Wagtail's drafts, scheduling, revisions and privacy, lives at
``/print-packs/<slug>/``, and its booklet is at ``/print-packs/<slug>.pdf``.
"""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from .pack import MAX_SHEETS


class PrintPackIndexPage(Page):
    """``/print-packs/``: every ready-made pack, with a way to start your own."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["printing.PrintPackPage"]
    max_count = 1

    def packs(self):
        return PrintPackPage.objects.child_of(self).live().public()


class PrintPackPage(Page):
    """An ordered set of sheets that anyone can download as one PDF booklet."""

    intro = models.TextField(blank=True, help_text="One or two sentences: who the pack is for.")

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("items", label="Sheets (in booklet order)", min_num=1, max_num=MAX_SHEETS),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["printing.PrintPackIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "print pack"

    def sheet_ids(self):
        return [item.sheet_id for item in self.items.all()]

    def sheets(self):
        """The pack's live, public sheets in order, ready for a listing (two queries)."""
        from .documents import live_sheets_in_order

        return live_sheets_in_order(self.sheet_ids())


class PrintPackItem(Orderable):
    pack = ParentalKey(PrintPackPage, on_delete=models.CASCADE, related_name="items")
    sheet = models.ForeignKey("sheets.SheetPage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("sheet")]
