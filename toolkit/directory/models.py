""" "Organisations that can help": real organisations that help with community planning."""

import hashlib

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count
from django.http import Http404
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from toolkit.core.cache import remember
from toolkit.taxonomy.models import Topic

ORGANISATIONS_PER_PAGE = 30
HELPING_SHOWN = 3  # organisations named under "What to do next"


class OrganisationQuerySet(models.QuerySet):
    def helping_with(self, topic_ids):
        """Organisations listed under any of these topics, those under the most of them first."""
        return (
            self.filter(topics__in=topic_ids)
            .annotate(shared=Count("topics", distinct=True))
            .order_by("-shared", "name")
        )


class Organisation(index.Indexed, ClusterableModel):
    name = models.CharField(max_length=200, unique=True)
    url = models.URLField("Web address", max_length=500)
    helps_with = models.TextField("What they help with", max_length=600)
    topics = ParentalManyToManyField("taxonomy.Topic", blank=True, related_name="organisations")
    area = models.CharField("Area served", max_length=120, default="England")

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("helps_with"),
        FieldPanel("topics"),
        FieldPanel("area"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),  # the admin listing finds "Planning Ai..." as typed
        index.SearchField("helps_with"),
    ]

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def in_brief(self):
        """The first sentence of what they help with: enough for a list of a few organisations."""
        first, stop, _ = self.helps_with.strip().partition(". ")
        return first + ("." if stop else "")


def directory_url():
    """The address of the live directory page, or "" (remembered until any content changes)."""

    def find():
        directory = DirectoryPage.objects.live().public().first()
        return (directory.url or "") if directory else ""

    return remember("directory-url", find)


def organisations_that_help(topics=(), sheet_ids=()):
    """What "What to do next" says about organisations, for a page about these topics (or about
    these sheets' topics): up to ``HELPING_SHOWN`` of them, and the directory's address, narrowed
    to the topic when there is just one. Remembered until any content changes (organisations
    included).
    """
    topics = sorted(set(topics), key=lambda topic: topic.pk)
    sheet_ids = sorted(set(sheet_ids))

    def find():
        topic_ids = [topic.pk for topic in topics] or Topic.objects.filter(sheets__in=sheet_ids).values_list(
            "pk", flat=True
        )
        organisations = list(Organisation.objects.helping_with(topic_ids)[:HELPING_SHOWN])
        url = directory_url()
        topic = topics[0] if url and len(topics) == 1 and organisations else None
        if topic is not None:
            url += f"?topic={topic.slug}"
        return {"organisations": organisations, "url": url, "topic": topic}

    key = hashlib.sha256(repr(([topic.pk for topic in topics], sheet_ids)).encode()).hexdigest()[:32]
    return remember(f"organisations-that-help:{key}", find)


class DirectoryPage(Page):
    """The directory, filterable by topic with ``?topic=<slug>``."""

    intro = models.TextField(blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    def filter_topics(self):
        """Topics that at least one organisation is listed under, for the filter menu."""
        return Topic.objects.filter(organisations__isnull=False).distinct()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        organisations = Organisation.objects.prefetch_related("topics")
        slug = request.GET.get("topic", "").strip()
        topic = None
        if slug:
            topic = Topic.objects.filter(slug=slug).first()
            if topic is None:
                raise Http404("No such topic")
            organisations = organisations.filter(topics=topic)
        paginator = Paginator(organisations, ORGANISATIONS_PER_PAGE)
        context["organisations"] = paginator.get_page(request.GET.get("page"))
        context["current_topic"] = topic
        context["page_query_prefix"] = f"topic={topic.slug}&" if topic else ""
        context["filter_topics"] = self.filter_topics()
        return context
