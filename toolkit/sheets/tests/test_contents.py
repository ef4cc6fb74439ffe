""" "On this page": every entry links to a heading of the page that reads the same, because both
come from one list (``toolkit.sheets.headings``) and the templates only write what it says."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def contents_and_headings(client, sheet):
    page = BeautifulSoup(client.get(sheet.url).content, "html.parser")
    entries = [
        (link["href"].removeprefix("#"), link.get_text(strip=True)) for link in page.select("nav.toc a")
    ]
    headings = {heading["id"]: heading.get_text(strip=True) for heading in page.select("h2[id]")}
    return entries, headings


@pytest.mark.parametrize("kind", ["definition", "method"])
def test_every_entry_is_a_heading_of_the_page_with_the_same_words(client, site, kind):
    entries, headings = contents_and_headings(client, getattr(site, kind))
    assert len(entries) >= 3, entries
    assert {anchor: headings.get(anchor) for anchor, _ in entries} == dict(entries)
    assert entries[-1] == ("next-steps", "What to do next")


def test_a_method_sheet_lists_its_own_parts_first(client, site):
    entries, _ = contents_and_headings(client, site.method)
    assert [title for _, title in entries[:3]] == ["When to use it", "Who is involved", "Steps"]
