"""Ready-made print packs that editors publish, and the page that lists them.

A reader's own pack lives in their session (see ``pack.py`` and ``views.py``); these are the packs
an editor curates for everyone: one per "Get started" route and one per section to begin with.
Each is a page, so it has Wagtail's drafts, scheduling, revisions and privacy, lives at
``/print-packs/<slug>/``, and its booklet is at ``/print-packs/<slug>.pdf``.
"""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from .admin_forms import PrintPackForm
from .documents import live_sheets_in_order
from .pack import MAX_SHEETS


class PrintPackIndexPage(Page):
    """``/print-packs/``: every ready-made pack, with a way to start your own."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["printing.PrintPackPage"]
    max_count = 1

    def packs(self):
        return PrintPackPage.objects.child_of(self).live().public()


class PrintPackPage(Page):
    """An ordered set of sheets that anyone can download as one PDF booklet.

    Editors choose the sheets several at a time (Wagtail's multiple chooser: tick them in one page
    chooser) and put them in booklet order by dragging them or with each sheet's arrows.
    """

    intro = models.TextField(
        "Who it is for",
        blank=True,
        help_text="One or two sentences, shown on the pack's page and on the booklet's cover, "
        "for example “For residents who want to start a neighbourhood plan.”",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultipleChooserPanel(
            "items",
            chooser_field_name="sheet",
            label="Sheet",
            heading="Sheets, in booklet order",
            help_text="“Add sheet” opens the chooser: tick every sheet you want, then “Confirm "
            f"selection”. Drag a sheet, or use its arrows, to change the order. At most {MAX_SHEETS}.",
            max_num=MAX_SHEETS,
        ),
    ]
    base_form_class = PrintPackForm
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["printing.PrintPackIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "print pack"

    def sheet_ids(self):
        return [item.sheet_id for item in self.items.all()]

    def sheets(self):
        """The pack's live, public sheets in order, ready for a listing (two queries)."""
        return live_sheets_in_order(self.sheet_ids())


class PrintPackItem(Orderable):
    pack = ParentalKey(PrintPackPage, on_delete=models.CASCADE, related_name="items")
    sheet = models.ForeignKey("sheets.SheetPage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("sheet")]


class Booklet(models.Model):
    """One booklet PDF asked for by a reader: made by the task worker, then kept in storage.

    A booklet of 40 sheets takes seconds to lay out, so no web worker ever makes one: the first
    reader to ask queues it and sees a page that refreshes until it is ready; everyone who asks
    for the same booklet (same sheets, revisions, order, title, day and address) gets the same
    file. ``key`` says all of that in one hash.
    """

    QUEUED, BUILDING, READY, FAILED = "queued", "building", "ready", "failed"
    STATUSES = [(QUEUED, "queued"), (BUILDING, "being made"), (READY, "ready"), (FAILED, "failed")]

    key = models.CharField(max_length=64, unique=True)
    title = models.CharField(max_length=255)
    intro = models.TextField(blank=True, help_text="Who a ready-made pack is for, printed on the cover.")
    sheet_ids = models.JSONField()
    host = models.CharField(max_length=255)
    secure = models.BooleanField(default=True)
    status = models.CharField(max_length=10, choices=STATUSES, default=QUEUED)
    file_name = models.CharField(max_length=255, blank=True)
    error = models.CharField(max_length=500, blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["requested_at"])]

    def __str__(self):
        return f"{self.title} ({len(self.sheet_ids)} sheets, {self.status})"
