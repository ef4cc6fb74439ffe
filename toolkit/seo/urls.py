"""Addresses for machines: the sitemap, robots.txt and the Atom feeds (the ``seo`` namespace)."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from .feeds import SheetsFeed, TopicFeed
from .views import RobotsView

app_name = "seo"

urlpatterns = [
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", RobotsView.as_view(), name="robots"),
    path("feeds/sheets/", SheetsFeed(), name="sheets-feed"),
    path("feeds/topics/<slug:slug>/", TopicFeed(), name="topic-feed"),
]
