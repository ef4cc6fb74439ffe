""" "Useful information": real organisations that help with community planning."""

from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

ORGANISATIONS_PER_PAGE = 30


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
    search_fields = [index.SearchField("name", boost=3), index.SearchField("helps_with")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class DirectoryPage(Page):
    """The directory, filterable by topic with ``?topic=<slug>``."""

    intro = models.TextField(blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count = 1

    def filter_topics(self):
        """Topics that at least one organisation is listed under, for the filter menu."""
        from toolkit.taxonomy.models import Topic

        return Topic.objects.filter(organisations__isnull=False).distinct()

    def get_context(self, request, *args, **kwargs):
        from toolkit.taxonomy.models import Topic

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
