"""The toolkit's ways of grouping sheets: topics, audiences, and the "Get started" pathways.

Topics and audiences are snippets (plain rows an editor manages) because sheets link to them
many-to-many and readers filter by them. Pathways are pages because each is a curated, ordered
route with its own introduction, and lives at ``/get-started/<audience>/``.
"""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Q
from django.http import Http404
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from toolkit.core.cache import remember

SHEETS_PER_PAGE = 20
SIMPLE_RICH_TEXT = ["bold", "italic", "link", "ol", "ul"]


class SluggedName(models.Model):
    """A name with a URL-safe slug made from it, for rows that appear in addresses."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True, blank=True)
    description = models.TextField(blank=True, help_text="One or two plain sentences.")

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)


class TopicQuerySet(models.QuerySet):
    def with_sheet_counts(self):
        """Annotate each topic with how many live, public sheets use it (for the topic cloud)."""
        live_ids = sheet_model().objects.live().public().values("pk")
        return self.annotate(sheet_count=Count("sheets", filter=Q(sheets__in=live_ids), distinct=True))


class Topic(index.Indexed, SluggedName):
    """A subject that cuts across sections, such as "housing" or "surveys"."""

    objects = TopicQuerySet.as_manager()
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(SluggedName.Meta):
        pass

    def get_url(self, request=None):
        """The topic's page under the live topic index (looked up once per request)."""
        base = topic_index_url(request)
        return f"{base}{self.slug}/" if base else ""


class Audience(SluggedName):
    """A group of readers the toolkit writes for: People, Local Leaders, Business, Place Managers."""

    sort_order = models.PositiveSmallIntegerField(default=0)
    panels = SluggedName.panels + [FieldPanel("sort_order")]

    class Meta(SluggedName.Meta):
        ordering = ["sort_order", "name"]


def topic_index_url(request=None):
    """The address of the live topic index, asked of the database once per content version."""
    cached = getattr(request, "_topic_index_url", None)
    if cached is None:

        def find():
            index_page = TopicIndexPage.objects.live().only("url_path").first()
            return index_page.get_url(request) if index_page else ""

        host = request.get_host() if request is not None else ""
        cached = remember(f"topic-index-url:{host}", find)
        if request is not None:
            request._topic_index_url = cached
    return cached


def sheet_model():
    """The sheet page model, found through the reverse of its ``topics`` field: sheets are above
    taxonomy (a sheet names its topics), so taxonomy asks the relation instead of importing them."""
    return Topic._meta.get_field("sheets").related_model


def live_sheets():
    """Live, public sheets with what listings show, in two queries whatever the number."""
    return sheet_model().objects.live().public().listing()


class TopicIndexPage(RoutablePageMixin, Page):
    """``/topics/`` lists every topic; ``/topics/<slug>/`` lists the sheets about one topic."""

    intro = models.TextField(blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    def topics(self):
        return Topic.objects.with_sheet_counts()

    @path("")
    def topic_list(self, request):
        return self.render(request, context_overrides={"topics": self.topics()})

    @path("<slug:slug>/", name="topic")
    def topic_detail(self, request, slug):
        topic = Topic.objects.filter(slug=slug).first()
        if topic is None:
            raise Http404("No such topic")
        sheets = Paginator(live_sheets().filter(topics=topic), SHEETS_PER_PAGE)
        return self.render(
            request,
            template="taxonomy/topic_page.html",
            context_overrides={
                "topic": topic,
                "sheets": sheets.get_page(request.GET.get("page")),
                "sheet_ids": topic_sheet_ids(topic),
            },
        )


def topic_sheet_ids(topic):
    """The ids of every live sheet about ``topic`` (all pages of the list), remembered until any
    content changes: "What to do next" finds the booklet and the route that cover them."""
    return remember(
        f"topic-sheet-ids:{topic.pk}",
        lambda: list(live_sheets().filter(topics=topic).order_by("pk").values_list("pk", flat=True)),
    )


class PathwayIndexPage(Page):
    """``/get-started/``: the four "Start here" routes, one per audience."""

    intro = models.TextField(blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["taxonomy.PathwayPage"]
    max_count = 1

    def pathways(self):
        return PathwayPage.objects.child_of(self).live().public().select_related("audience")


class PathwayPage(Page):
    """An ordered, curated route through the sheets for one audience.

    Its slug is the audience's slug, so the address reads ``/get-started/people/``.
    """

    audience = models.ForeignKey(Audience, on_delete=models.PROTECT, related_name="pathways")
    why_it_matters = RichTextField(features=SIMPLE_RICH_TEXT, help_text="Why this matters to you.")
    where_next = RichTextField(features=SIMPLE_RICH_TEXT, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("audience"),
        FieldPanel("why_it_matters"),
        InlinePanel("steps", label="Route (in reading order)", min_num=1),
        FieldPanel("where_next"),
    ]
    search_fields = Page.search_fields + [index.SearchField("why_it_matters")]
    parent_page_types = ["taxonomy.PathwayIndexPage"]
    subpage_types = []

    def reading_route(self):
        """The steps whose sheet is live, in order, with each sheet ready for a listing."""
        steps = list(self.steps.all())
        sheets = live_sheets().in_bulk([step.sheet_id for step in steps])
        return [
            {"sheet": sheets[step.sheet_id], "why": step.why} for step in steps if step.sheet_id in sheets
        ]

    def sheet_ids(self):
        """The ids of the route's sheets, in order (from ``routes()``, so no query when warm)."""
        return next((ids for route, ids in routes() if route.pk == self.pk), ())

    def next_route(self):
        """The route after this one in the "Get started" order (the first one after the last), for
        "What to do next"; ``None`` when it is the only one."""
        ordered = [route for route, _ in routes()]
        ids = [route.pk for route in ordered]
        if self.pk not in ids or len(ids) < 2:
            return None
        return ordered[(ids.index(self.pk) + 1) % len(ids)]


def routes():
    """Every live, public route in the "Get started" order with the ids of its sheets (one query
    and Wagtail's privacy check, remembered until any content changes): what "What to do next"
    picks a route from."""

    def find():
        steps = (
            PathwayStep.objects.filter(pathway__in=PathwayPage.objects.live().public())
            .select_related("pathway__audience")
            .order_by("pathway__path", "sort_order")
        )
        found = {}
        for step in steps:
            found.setdefault(step.pathway_id, (step.pathway, []))[1].append(step.sheet_id)
        return [(pathway, tuple(sheet_ids)) for pathway, sheet_ids in found.values()]

    return remember("routes", find)


def route_through(sheet_ids):
    """The route that takes in the most of these sheets (the first in order on a tie), or ``None``
    when no route has any: for "What to do next" on a section or a topic."""
    wanted = set(sheet_ids)
    best, most = None, 0
    for route, ids in routes():
        shared = len(wanted.intersection(ids))
        if shared > most:
            best, most = route, shared
    return best


class PathwayStep(Orderable):
    pathway = ParentalKey(PathwayPage, on_delete=models.CASCADE, related_name="steps")
    sheet = models.ForeignKey("sheets.SheetPage", on_delete=models.CASCADE, related_name="+")
    why = models.CharField("Why read this now", max_length=200, blank=True)

    panels = [FieldPanel("sheet"), FieldPanel("why")]
