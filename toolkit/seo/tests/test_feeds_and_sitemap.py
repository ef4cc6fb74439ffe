"""sitemap.xml, robots.txt and the Atom feeds parse, and list every live sheet and no draft."""

import datetime
import xml.etree.ElementTree as ET

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.utils.timezone import localdate

from toolkit.sheets.models import SheetPage
from toolkit.tests import factories as f

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def draft(site):
    """A sheet that has never been published, and one that was and is now withdrawn."""
    never = f.DefinitionSheetPageFactory(parent=site.section, title="Draft sheet", live=False)
    withdrawn = f.MethodSheetPageFactory(
        parent=site.other_section, title="Withdrawn sheet", topics=[site.topic]
    )
    withdrawn.save_revision().publish()
    withdrawn.unpublish()
    return [never, withdrawn]


def live_sheet_urls():
    return {sheet.full_url for sheet in SheetPage.objects.live().public()}


def test_sitemap_lists_every_live_sheet_with_lastmod_and_no_draft(client, site, draft):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own sitemap, not outside input
    urls = {node.findtext(f"{SITEMAP}loc"): node.findtext(f"{SITEMAP}lastmod") for node in root}
    assert live_sheet_urls() <= set(urls)
    assert len(live_sheet_urls()) == 3
    assert site.glossary.full_url in urls and site.home.full_url in urls
    for sheet in draft:
        assert sheet.full_url not in urls
    for sheet in SheetPage.objects.live():
        assert datetime.date.fromisoformat(urls[sheet.full_url]) == localdate(sheet.last_published_at)


def test_robots_txt_points_to_the_sitemap(client, site):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def parse_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def test_sheets_feed_lists_live_sheets_newest_first(client, site, draft):
    feed = parse_feed(client, "/feeds/sheets/")
    assert feed.feed.title == "Community Planning Toolkit: new and updated sheets"
    links = [entry.link for entry in feed.entries]
    assert set(links) == live_sheet_urls()
    updated = [entry.updated_parsed for entry in feed.entries]
    assert updated == sorted(updated, reverse=True)
    entry = next(e for e in feed.entries if e.link == site.definition.full_url)
    assert entry.title == "Neighbourhood Plan"
    assert entry.summary == site.definition.summary
    assert entry.id == site.definition.full_url
    assert entry.published_parsed and feed.feed.author == "Community Planning Toolkit"
    assert [tag.term for tag in entry.tags] == ["Definition"]


def test_an_updated_sheet_comes_back_to_the_top(client, site):
    site.other_definition.save_revision().publish()
    feed = parse_feed(client, "/feeds/sheets/")
    top = feed.entries[0]
    assert top.link == site.other_definition.full_url
    assert top.updated > top.published  # first published when the site was built, updated now


def test_topic_feed_lists_only_that_topics_live_sheets(client, site, draft):
    feed = parse_feed(client, "/feeds/topics/surveys/")
    assert [entry.link for entry in feed.entries] == [site.method.full_url]
    assert "surveys" in feed.feed.title
    feed = parse_feed(client, "/feeds/topics/neighbourhood-plan/")
    assert {entry.link for entry in feed.entries} == live_sheet_urls()  # the withdrawn one is not there


def test_unknown_topic_feed_is_not_found(client, site):
    assert client.get("/feeds/topics/no-such-topic/").status_code == 404


def test_every_page_points_feed_readers_to_the_feed(client, site):
    soup = BeautifulSoup(client.get(site.about.url).content, "html.parser")
    link = soup.find("link", rel="alternate", type="application/atom+xml")
    assert link["href"] == "/feeds/sheets/"
