"""Sheets, the toolkit's product, and the sections that hold them.

A sheet lives at ``/<section>/<sheet>/``: its section is its parent page, so it is always exactly
one and never out of step with the address. ``SheetPage`` is a concrete (not abstract) page so
that listings of both kinds come from one table with one query; editors create only its two kinds.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from toolkit.core.blocks import heading_anchor
from toolkit.core.cache import remember
from toolkit.core.headings import Heading
from toolkit.core.word_limits import MaxWordsValidator
from toolkit.core.words import STOP_WORDS, words_of

from . import headings
from .blocks import SheetBodyBlock
from .forms import SheetPageForm
from .notices import EditorNoticesPanel
from .routes import registered_routes
from .widgets import FilterableCheckboxSelectMultiple, WordCountTextarea

SUMMARY_MAX_WORDS = 60
RELATED_SHEETS = 5  # the most titles a sheet's "Related" list shows
# How many of each list a sheet may have: enough for any sheet of the demo toolkit (at most 6 key
# facts, 4 links, 5 see-also sheets, 8 steps, 5 pitfalls) with room to spare, and few enough to
# stay readable on the page and on paper.
MAX_KEY_FACTS = 8
MAX_USEFUL_LINKS = 10
MAX_SEE_ALSO = 6
MAX_STEPS = 12
MAX_PITFALLS = 8
SIMPLE_RICH_TEXT = ["bold", "italic", "link", "ol", "ul"]


# Named so because the migrations that made the field refer to it by this name.
validate_summary_length = MaxWordsValidator(
    SUMMARY_MAX_WORDS, "summary", "it is shown in listings, search results and the print header."
)


class SectionPage(Page):
    """One of the toolkit's eight sections, such as "Neighbourhood Planning"."""

    summary = models.TextField(help_text="One paragraph saying what the section covers.")

    content_panels = Page.content_panels + [FieldPanel("summary")]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["sheets.DefinitionSheetPage", "sheets.MethodSheetPage"]

    def sheets(self):
        return SheetPage.objects.child_of(self).live().public().listing().order_by("title")

    def sheet_ids(self):
        """The ids of the section's live sheets, remembered until any content changes: "What to
        do next" finds the booklet, route and organisations that go with them."""
        return remember(
            f"section-sheet-ids:{self.pk}",
            lambda: list(SheetPage.objects.child_of(self).live().public().values_list("pk", flat=True)),
        )


class SheetQuerySet(PageQuerySet):
    def listing(self):
        """What a list of sheets shows (title, summary, kind, section) in a single query.

        The section title comes from the parent page, found by path prefix in a subquery, so a
        listing never asks the database once per sheet.
        """
        parent_title = SectionPage.objects.filter(
            path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
        ).values("title")[:1]
        return self.select_related("content_type").annotate(section_title=Subquery(parent_title))


class SheetPage(RoutablePageMixin, Page):
    """What every sheet has. Editors create a Definition Sheet or a Method Sheet, never this.

    ``print/`` and ``email/`` below the sheet's address are its print view and "Email this sheet"
    form, made by the printing app.

    Every field says in its help text what goes in it, with an example and its limit, because
    the people writing sheets are a small team and invited residents, not web editors. Labels use
    the words readers see on the sheet ("Useful links", "Useful for", "Related"). Topics and
    audiences may be left empty in a draft but are required to publish (``forms.SheetPageForm``);
    "Last reviewed" starts empty and is filled in when the sheet is published (``reviews.py``).
    """

    summary = models.TextField(
        validators=[validate_summary_length],
        help_text=f"Plain text, at most {SUMMARY_MAX_WORDS} words: what it is and why it matters, e.g. "
        "“A plan written by local people that says where new homes, shops and green spaces should "
        "go.” Shown in lists, search results and at the top of the printed sheet.",
    )
    body = StreamField(
        SheetBodyBlock(),
        blank=True,
        verbose_name="Main text",
        help_text="Headings, paragraphs, quotes, images, videos and callouts, e.g. a heading “Who can "
        "use it” and a paragraph under it. Give each heading its own words: they make the “On this "
        "page” links. No fixed length; most sheets need 300 to 800 words.",
    )
    topics = ParentalManyToManyField(
        "taxonomy.Topic",
        blank=True,
        related_name="sheets",
        help_text="Tick at least one to publish (usually one to three), e.g. “Housing” and “Neighbourhood "
        "plan”: the sheet is listed on each topic’s page. Type in the box to find a topic.",
    )
    audiences = ParentalManyToManyField(
        "taxonomy.Audience",
        blank=True,
        related_name="sheets",
        verbose_name="Useful for",
        help_text="Who it is written for: tick at least one to publish, e.g. “People” and “Local "
        "Leaders”. Shown on the sheet as “Useful for” and used by the search filter of that name.",
    )
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="Leave it empty on a new sheet: it becomes the day the sheet is first published, and "
        "the day it passes Sheet review after that. Not in the future, e.g. 2026-12-01.",
    )
    review_due = models.DateField(
        null=True,
        blank=True,
        help_text="When someone should check it again, usually a year after the last review, e.g. "
        "2027-12-01. Not before the last reviewed date. Optional.",
    )
    cites = ParentalManyToManyField(
        "editorial.Law",
        blank=True,
        related_name="citing_sheets",
        verbose_name="Laws and policies it relies on",
        help_text="Tick each Act, regulation or policy its advice depends on, e.g. “Localism Act 2011”. "
        "When one changes, an editor can flag every sheet citing it for review in one step. Optional; "
        "type in the box to find one.",
    )
    link_glossary_terms = models.BooleanField(
        default=True,
        help_text="Link the first mention of each glossary term (e.g. “parish council”) to its "
        "definition. Untick to show this sheet without inline definitions.",
    )

    objects = PageManager.from_queryset(SheetQuerySet)()

    is_creatable = False
    parent_page_types = ["sheets.SectionPage"]
    subpage_types = []
    sheet_kind = "sheet"
    sheet_kind_label = "Sheet"

    # Later entries win over Page's own (one per field and kind), so the title's boost is ours.
    search_fields = Page.search_fields + [
        index.SearchField("title", boost=6),
        index.SearchField("summary", boost=3),
        index.SearchField("body"),
        index.RelatedFields("key_facts", [index.SearchField("text")]),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("last_reviewed"),
    ]

    base_form_class = SheetPageForm
    # The first thing of the first tab, for both kinds: why the sheet needs attention, if it does.
    notice_panels = [EditorNoticesPanel(heading="Notices")]
    title_panels = [
        TitleFieldPanel(
            "title",
            help_text="What readers look for, in a few words, e.g. “Neighbourhood plan” or “Run a "
            "community survey”. At most 255 characters; under 60 reads best.",
        )
    ]
    summary_panels = [FieldPanel("summary", widget=WordCountTextarea(max_words=SUMMARY_MAX_WORDS))]
    settings_panels = Page.settings_panels + [FieldPanel("link_glossary_terms")]
    facts_panels = [
        InlinePanel(
            "key_facts",
            heading="Key facts",
            label="key fact",
            max_num=MAX_KEY_FACTS,
            help_text=f"Up to {MAX_KEY_FACTS} short statements, shown as a list under “Key facts”. Optional.",
        ),
        InlinePanel(
            "links_out",
            heading="Useful links",
            label="useful link",
            max_num=MAX_USEFUL_LINKS,
            help_text=f"Up to {MAX_USEFUL_LINKS} pages elsewhere that help readers go further, shown "
            "under “Useful links”, official sources first. Optional.",
        ),
        InlinePanel(
            "see_also",
            heading="Related",
            label="sheet",
            max_num=MAX_SEE_ALSO,
            help_text=f"Up to {MAX_SEE_ALSO} other sheets, shown first under “Related” in this order "
            f"(sheets on the same topics fill the list up to {RELATED_SHEETS}). The first one of the "
            "other kind, such as the Method Sheet for a Definition Sheet, is shown under “What to do "
            "next” instead. Optional.",
        ),
    ]
    classify_panels = [
        MultiFieldPanel(
            [
                FieldPanel(
                    "topics",
                    widget=FilterableCheckboxSelectMultiple(noun="topic", plural="topics"),
                    required_on_save=False,
                ),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple, required_on_save=False),
            ],
            heading="Topics and audiences",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("review_due")]),
                FieldPanel(
                    "cites",
                    widget=FilterableCheckboxSelectMultiple(
                        noun="law or policy", plural="laws and policies", group_by="get_kind_display"
                    ),
                ),
            ],
            heading="Review",
        ),
    ]

    class Meta:
        verbose_name = "sheet"

    def clean(self):
        super().clean()
        # Due on the day of the last review is allowed: a law can change on the day a sheet was
        # reviewed, and flagging it then makes it due that day.
        if self.review_due and self.last_reviewed and self.review_due < self.last_reviewed:
            raise ValidationError(
                {"review_due": "The review due date cannot be before the last reviewed date."}
            )
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            raise ValidationError({"last_reviewed": "The last review cannot be in the future."})
        anchors = [heading_anchor(block.value) for block in self.body if block.block_type == "heading"]
        repeated = sorted({a for a in anchors if anchors.count(a) > 1})
        if repeated:
            raise ValidationError(
                {"body": f"Two headings read the same ({', '.join(repeated)}); give each its own words."}
            )

    def get_view_restrictions(self):
        """Wagtail's, asked once per instance: Wagtail checks them before it serves the sheet, and
        the sheet asks again to know whether to offer its PDF (the same rows, no second query)."""
        if "_view_restrictions" not in self.__dict__:
            self.__dict__["_view_restrictions"] = super().get_view_restrictions()
        return self.__dict__["_view_restrictions"]

    @property
    def kind(self):
        """``definition`` or ``method``, from the page's content type, without a query."""
        return self.specific_class.sheet_kind

    @property
    def kind_label(self):
        return self.specific_class.sheet_kind_label

    def body_contents(self):
        """The body's own headings, as the heading block gives each its anchor."""
        return [
            Heading(heading_anchor(block.value), block.value)
            for block in self.body
            if block.block_type == "heading"
        ]

    def sheet_parts(self, paper=False):
        """The sheet's related rows, each fetched once and shared by the page and its contents list.

        ``related_sheets`` is the page's one "Related" list (``related_sheets()``) and
        ``counterpart`` the sheet of the other kind that "What to do next" names. On ``paper``
        (print view, PDF, booklet) "Related" is the editor's see-also sheets alone and there is no
        "What to do next": both are for browsing on screen, and working them out is a query per
        sheet a booklet never shows.
        """
        see_also, pointing_back = self.see_also_sheets(with_pointing_back=True)
        topics = list(self.topics.all())
        parts = {
            "section": self.get_parent(),
            # A sheet behind a password or login has no PDF and cannot join a print pack.
            "open_to_all": not self.get_view_restrictions().exists(),
            "topics": topics,
            "audiences": list(self.audiences.all()),
            "key_facts": list(self.key_facts.all()),
            "links_out": list(self.links_out.all()),
            "cited_laws": list(self.cites.all()),
            "see_also_sheets": see_also,
        }
        if paper:
            return parts | {"related_sheets": see_also, "counterpart": None}
        counterpart = self.counterpart(see_also, pointing_back)
        return parts | {
            "related_sheets": self.related_sheets(see_also, topics, counterpart),
            "counterpart": counterpart,
        }

    def related_sheets(self, see_also, topics, counterpart=None):
        """One short "Related" list of at most ``RELATED_SHEETS`` titles: the editor's see-also
        sheets first, then the closest automatic ones (``similar_sheets()``), each once; never
        the counterpart, which "What to do next" already names."""
        chosen = [sheet for sheet in see_also if sheet != counterpart][:RELATED_SHEETS]
        if len(chosen) < RELATED_SHEETS:
            shown = [sheet.pk for sheet in see_also] + ([counterpart.pk] if counterpart else [])
            chosen += self.similar_sheets(topics, limit=RELATED_SHEETS - len(chosen), exclude=shown)
        return chosen

    def counterpart(self, see_also, pointing_back=()):
        """The sheet of the other kind that goes with this one: a Definition Sheet's Method Sheet
        (how to act on it) or a Method Sheet's Definition Sheet (what the idea is), or ``None``.

        Editors say which by putting it in See also (the first of the other kind there); failing
        that, it is a sheet of the other kind whose own See also names this one (``pointing_back``,
        by title).
        """
        return next((sheet for sheet in [*see_also, *pointing_back] if sheet.kind != self.kind), None)

    def fixed_contents(self, parts):
        """Headed parts of the page after the body, in page order, when they have something to show
        (the key facts sit under the summary, above these contents, so they are not listed)."""
        shown = [(parts["links_out"], headings.LINKS_OUT), (parts["related_sheets"], headings.RELATED)]
        return [heading for rows, heading in shown if rows] + [headings.NEXT_STEPS]

    def table_of_contents(self, parts):
        return self.body_contents() + self.fixed_contents(parts)

    def see_also_sheets(self, with_pointing_back=False):
        """The see-also sheets that are live, in the editor's order; ``with_pointing_back``, also
        (second) the other live sheets whose own See also names this one, by title. One query."""
        ids = [link.other_id for link in self.see_also.all()]
        points_back = Exists(SheetSeeAlso.objects.filter(sheet=OuterRef("pk"), other=self.pk))
        sheets = SheetPage.objects.live().public().listing()
        found = {
            sheet.pk: sheet
            for sheet in (
                sheets.annotate(points_back=points_back).filter(Q(pk__in=ids) | Q(points_back=True))
                if with_pointing_back
                else sheets.filter(pk__in=ids)
            )
        }
        see_also = [found[pk] for pk in ids if pk in found]
        if not with_pointing_back:
            return see_also
        back = sorted(
            (s for pk, s in found.items() if pk not in ids and pk != self.pk), key=lambda s: s.title
        )
        return see_also, back

    def reader_parts(self, request, paper=False):
        """``sheet_parts()``, shared by every reader of this revision until any content changes.

        Related sheets and see-also titles depend on other pages, so the key holds the site's
        content version as well as this sheet's live revision. Previews always read afresh.
        """
        if getattr(request, "is_preview", False) or not self.live_revision_id:
            return self.sheet_parts(paper)
        medium = "paper" if paper else "screen"
        return remember(
            f"sheet-parts:{medium}:{self.pk}:{self.live_revision_id}", lambda: self.sheet_parts(paper)
        )

    def get_context(self, request, *args, paper=False, **kwargs):
        """The page's context; ``paper=True`` for the print view, PDFs and booklets, which keep the
        editor's "See also" list but have no "On this page" links or automatic related sheets."""
        context = super().get_context(request, *args, **kwargs)
        parts = self.reader_parts(request, paper)
        context.update(parts)
        context["toc"] = [] if paper else self.table_of_contents(parts)
        context["headings"] = headings.HEADINGS
        return context

    @classmethod
    def get_subpage_urls(cls):
        """The page's own routes, then ``print/``, ``email/`` and any other an app registers
        (``toolkit.sheets.routes``)."""
        return (*super().get_subpage_urls(), *registered_routes())

    def similar_sheets(self, topics, limit=4, exclude=()):
        """Other live sheets that share the most topics, then the most title words; never this one.

        The editor's see-also sheets are left out (they are already on the page).
        """
        topic_ids = [topic.pk for topic in topics]
        if not topic_ids:
            return []
        candidates = (
            SheetPage.objects.live()
            .public()
            .listing()
            .filter(topics__in=topic_ids)
            .exclude(pk__in=[self.pk, *exclude])
            .annotate(shared=models.Count("topics", distinct=True))
            .order_by("-shared", "title")[:30]
        )
        own_words = set(words_of(self.title)) - STOP_WORDS

        def closeness(sheet):
            return (sheet.shared, len(own_words & set(words_of(sheet.title))))

        return sorted(candidates, key=closeness, reverse=True)[:limit]


def sheet_edit_handler(write_panels):
    """The edit form's tabs, for both kinds: what the editor writes (after any notices), the
    lists that follow the text, what places the sheet and keeps it up to date, then Wagtail's own."""
    return TabbedInterface(
        [
            ObjectList(SheetPage.notice_panels + SheetPage.title_panels + write_panels, heading="Write"),
            ObjectList(SheetPage.facts_panels, heading="Facts and links"),
            ObjectList(SheetPage.classify_panels, heading="Classify and review"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(SheetPage.settings_panels, heading="Settings"),
        ],
        base_form_class=SheetPageForm,
    )


class SheetKeyFact(Orderable):
    sheet = ParentalKey(SheetPage, on_delete=models.CASCADE, related_name="key_facts")
    text = models.CharField(
        "Fact",
        max_length=300,
        help_text="One short statement, e.g. “A neighbourhood plan needs a yes vote at a local "
        "referendum.” At most 300 characters.",
    )

    panels = [FieldPanel("text")]

    def __str__(self):
        return self.text


class SheetLinkOut(Orderable):
    sheet = ParentalKey(SheetPage, on_delete=models.CASCADE, related_name="links_out")
    url = models.URLField(
        "Address",
        max_length=500,
        help_text="The full web address, e.g. https://www.gov.uk/guidance/neighbourhood-planning--2. "
        "At most 500 characters.",
    )
    title = models.CharField(
        max_length=200,
        help_text="The linked page’s title, shown as the link, e.g. “Neighbourhood planning (GOV.UK)”. "
        "At most 200 characters.",
    )
    note = models.CharField(
        "Why it helps",
        max_length=300,
        help_text="One line shown after the link, e.g. “The government’s step-by-step guide.” At most "
        "300 characters.",
    )

    panels = [FieldPanel("url"), FieldPanel("title"), FieldPanel("note")]


class SheetSeeAlso(Orderable):
    sheet = ParentalKey(SheetPage, on_delete=models.CASCADE, related_name="see_also")
    other = models.ForeignKey(
        SheetPage,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="Sheet",
        help_text="Another sheet readers may want next, e.g. “Neighbourhood Forum”. Readers see it "
        "only while it is live.",
    )

    panels = [FieldPanel("other")]

    def clean(self):
        if self.sheet_id and self.other_id == self.sheet_id:
            raise ValidationError({"other": "A sheet cannot point to itself."})


class DefinitionSheetPage(SheetPage):
    """Explains what a term means, such as "Community Right to Bid"."""

    term = models.CharField(
        max_length=120,
        help_text="The term this sheet defines, as readers write it, e.g. “Community Right to Bid”. At "
        "most 120 characters.",
    )
    other_names = models.CharField(
        "Also known as",
        max_length=300,
        blank=True,
        help_text="Other names and acronyms, separated by commas, e.g. “ACV, asset of community value”. "
        "Shown under the title. At most 300 characters; optional.",
    )

    sheet_kind = "definition"
    sheet_kind_label = "Definition"
    is_creatable = True
    template = "sheets/definition_sheet_page.html"

    write_panels = [
        FieldRowPanel([FieldPanel("term"), FieldPanel("other_names")]),
        *SheetPage.summary_panels,
        FieldPanel("body"),
    ]
    edit_handler = sheet_edit_handler(write_panels)
    search_fields = SheetPage.search_fields + [
        index.SearchField("term", boost=6),
        index.SearchField("other_names", boost=5),
        index.AutocompleteField("term"),
    ]

    class Meta:
        verbose_name = "definition sheet"

    def other_name_list(self):
        return [name.strip() for name in self.other_names.split(",") if name.strip()]


class MethodSheetPage(SheetPage):
    """Explains how to do something, step by step, such as "Run a community survey"."""

    when_to_use = RichTextField(
        "When to use it",
        features=SIMPLE_RICH_TEXT,
        help_text="The situations it suits, e.g. “When you need to hear from many residents, not just "
        "those who come to meetings.” A short paragraph or list: aim for under 100 words.",
    )
    who_is_involved = RichTextField(
        features=SIMPLE_RICH_TEXT,
        help_text="Who does what, e.g. “A small team of volunteers, with the parish clerk booking "
        "rooms.” A short paragraph or list: aim for under 100 words.",
    )
    time_needed = models.CharField(
        "Time",
        max_length=200,
        help_text="How long it takes from start to finish, e.g. “About three months”. At most 200 "
        "characters.",
    )
    cost = models.CharField(
        max_length=200,
        help_text="Roughly what it costs and for what, e.g. “Low: room hire and printing”. At most 200 "
        "characters.",
    )
    skills = models.CharField(
        "Skills",
        max_length=300,
        help_text="What the people doing it need to be good at, e.g. “Organising, writing plain "
        "questions”. At most 300 characters.",
    )
    what_good_looks_like = RichTextField(
        features=SIMPLE_RICH_TEXT,
        help_text="How readers will know it went well, e.g. “Hundreds of people took part and saw "
        "the results.” A short paragraph or list: aim for under 100 words.",
    )

    sheet_kind = "method"
    sheet_kind_label = "Method"
    is_creatable = True
    template = "sheets/method_sheet_page.html"

    write_panels = SheetPage.summary_panels + [
        FieldPanel("when_to_use"),
        FieldPanel("who_is_involved"),
        MultiFieldPanel(
            [FieldPanel("time_needed"), FieldPanel("cost"), FieldPanel("skills")],
            heading="Time, cost and skills",
        ),
        InlinePanel(
            "steps",
            heading="Steps",
            label="step",
            min_num=1,
            max_num=MAX_STEPS,
            help_text=f"At least 1 and at most {MAX_STEPS} steps, in the order readers take them (drag "
            "to reorder).",
        ),
        InlinePanel(
            "pitfalls",
            heading="Pitfalls",
            label="pitfall",
            max_num=MAX_PITFALLS,
            help_text=f"Up to {MAX_PITFALLS} things that often go wrong, shown under “Pitfalls”. Optional.",
        ),
        FieldPanel("what_good_looks_like"),
        FieldPanel(
            "body",
            heading="More detail",
            help_text="Anything the parts above leave out, e.g. a worked example, under headings of its "
            "own words. Optional; no fixed length.",
        ),
    ]
    edit_handler = sheet_edit_handler(write_panels)
    search_fields = SheetPage.search_fields + [
        index.SearchField("when_to_use"),
        index.SearchField("who_is_involved"),
        index.SearchField("skills"),
        index.SearchField("what_good_looks_like"),
        index.RelatedFields("pitfalls", [index.SearchField("text")]),
        index.RelatedFields("steps", [index.SearchField("title", boost=2), index.SearchField("text")]),
    ]

    class Meta:
        verbose_name = "method sheet"

    def sheet_parts(self, paper=False):
        return super().sheet_parts(paper) | {
            "steps": list(self.steps.all()),
            "pitfalls": list(self.pitfalls.all()),
        }

    def method_contents(self, parts):
        """The method's own headed parts (time, cost and skills sit under the summary, unheaded)."""
        pitfalls = [headings.PITFALLS] if parts["pitfalls"] else []
        return [
            headings.WHEN_TO_USE,
            headings.WHO_IS_INVOLVED,
            headings.STEPS,
            *pitfalls,
            headings.WHAT_GOOD_LOOKS_LIKE,
        ]

    def table_of_contents(self, parts):
        return self.method_contents(parts) + self.body_contents() + self.fixed_contents(parts)


class MethodStep(Orderable):
    sheet = ParentalKey(MethodSheetPage, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(
        "Step",
        max_length=200,
        help_text="What to do, starting with a verb, e.g. “Agree what you want to find out”. At most "
        "200 characters.",
    )
    text = RichTextField(
        "How",
        features=SIMPLE_RICH_TEXT,
        blank=True,
        help_text="How to do it, e.g. “Write down the three questions the survey must answer.” "
        "Optional; a short paragraph or list.",
    )

    panels = [FieldPanel("title"), FieldPanel("text")]


class MethodPitfall(Orderable):
    sheet = ParentalKey(MethodSheetPage, on_delete=models.CASCADE, related_name="pitfalls")
    text = models.CharField(
        "Pitfall",
        max_length=300,
        help_text="One line on what goes wrong and how to avoid it, e.g. “Leading questions: try them on "
        "a neighbour first.” At most 300 characters.",
    )

    panels = [FieldPanel("text")]
