"""Atom feeds of new and updated sheets: all of them, and one per topic.

An entry's ``updated`` is when the sheet was last published and its ``published`` when it first
was, so a feed reader shows a revised sheet again. Each feed lists the latest ``FEED_SIZE``.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from toolkit.core.models import ToolkitSettings
from toolkit.sheets.models import SheetPage
from toolkit.taxonomy.models import Topic

FEED_SIZE = 50


@dataclass
class FeedSource:
    """What one request's feed is about (feeds are shared between requests, so nothing is kept on them)."""

    request: object
    publisher: str
    topic: object = None


class SheetsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        publisher = ToolkitSettings.for_request(request).publisher or settings.WAGTAIL_SITE_NAME
        return FeedSource(request=request, publisher=publisher)

    def sheets(self, source):
        return SheetPage.objects.live().public().listing()

    def items(self, source):
        return self.sheets(source).order_by("-last_published_at", "pk")[:FEED_SIZE]

    def title(self, source):
        return f"{source.publisher}: new and updated sheets"

    def subtitle(self, source):
        return "Plain-English definition and method sheets about community planning in England."

    def link(self, source):
        return "/"

    def feed_url(self, source):
        return reverse("seo:sheets-feed")

    def author_name(self, source):
        return source.publisher

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.full_url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.kind_label]


class TopicFeed(SheetsFeed):
    def get_object(self, request, slug):
        source = super().get_object(request)
        source.topic = get_object_or_404(Topic, slug=slug)
        return source

    def sheets(self, source):
        return super().sheets(source).filter(topics=source.topic)

    def title(self, source):
        return f"{source.publisher}: sheets about {source.topic.name}"

    def subtitle(self, source):
        return source.topic.description or f"New and updated sheets about {source.topic.name}."

    def link(self, source):
        return source.topic.get_url(source.request) or "/"

    def feed_url(self, source):
        return reverse("seo:topic-feed", args=[source.topic.slug])
