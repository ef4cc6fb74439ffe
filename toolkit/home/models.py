"""The home page (what the toolkit is, where to start, what is new) and plain standard pages
(About, Thanks). The home page lists what the apps below it publish, so it lives above them."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from toolkit.core.blocks import PageBodyBlock
from toolkit.core.routing import route_from
from toolkit.sheets.models import SectionPage, SheetPage
from toolkit.taxonomy.models import PathwayPage, Topic

LATEST_SHEETS = 6
CLOUD_SIZES = 5


class HomePage(Page):
    """The front door: what the toolkit is, where to start, and what is new."""

    intro = models.CharField(max_length=300, help_text="One sentence saying what the toolkit is.")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "sheets.SectionPage",
        "home.StandardPage",
        "taxonomy.TopicIndexPage",
        "taxonomy.PathwayIndexPage",
        "directory.DirectoryPage",
        "feedback.ContactPage",
        "glossary.GlossaryPage",
        "printing.PrintPackIndexPage",
    ]
    max_count = 1

    def route(self, request, path_components):
        return route_from(self, request, path_components, super().route)

    def sections(self):

        return SectionPage.objects.child_of(self).live().public()

    def pathways(self):

        return PathwayPage.objects.descendant_of(self).live().public().select_related("audience")

    def topic_cloud(self):
        """Every topic with a size from 1 to 5 by how many sheets use it, in name order."""

        topics = list(Topic.objects.with_sheet_counts())
        most = max((topic.sheet_count for topic in topics), default=0) or 1
        for topic in topics:
            topic.cloud_size = 1 + round((CLOUD_SIZES - 1) * topic.sheet_count / most)
        return topics

    def latest_sheets(self):

        return SheetPage.objects.live().public().listing().order_by("-last_published_at")[:LATEST_SHEETS]


class StandardPage(Page):
    """A page of plain content, such as About or Thanks."""

    intro = models.TextField(blank=True)
    body = StreamField(PageBodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
