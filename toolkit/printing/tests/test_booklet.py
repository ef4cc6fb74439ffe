"""Print pack booklets: cover, contents with true page numbers, a new page per sheet, glossary, licence."""

import re

import pytest
from bs4 import BeautifulSoup
from django.test import Client, RequestFactory
from django.utils import timezone
from django.utils.dateformat import format as date_format

from toolkit.printing import booklets, documents

from .pdfs import all_text, contents_entries, link_targets, read

pytestmark = pytest.mark.django_db


def build_pack(client, site, title="Notes for the March meeting"):
    client.post(
        "/pack/add/",
        {"sheet": [site.method.pk, site.definition.pk, site.other_definition.pk]},
        HTTP_ORIGIN="http://testserver",
    )
    client.post("/pack/change/", {"action": "up", "sheet": site.definition.pk})
    client.post("/pack/title/", {"title": title})


def body(response):
    """The bytes of a PDF, however it is sent (a made booklet is streamed from its file)."""
    assert response.status_code == 200, response.status_code
    return b"".join(response) if response.streaming else response.content


def lines(reader, number):
    return [line.strip() for line in reader.pages[number - 1].extract_text().splitlines() if line.strip()]


def test_a_pack_downloads_as_one_booklet(client, site):
    build_pack(client, site)
    response = client.get("/pack/booklet.pdf")
    assert response["Content-Disposition"] == 'attachment; filename="notes-for-the-march-meeting.pdf"'
    reader = read(response)

    cover = " ".join(lines(reader, 1))
    today = date_format(timezone.localdate(), "j F Y")
    assert "Notes for the March meeting" in cover and "3 sheets" in cover and f"Made on {today}" in cover
    assert "Page 1" not in cover, "the cover has no page number or header"

    contents = lines(reader, 2)
    assert contents[0] == "Contents"
    entries = contents_entries(contents[1:])
    titles = [title for title, _ in entries]
    assert titles == [
        "Neighbourhood Plan",
        "Run a community survey",
        "Neighbourhood Forum",
        "Glossary",
        "Licence",
    ]
    numbers = [number for _, number in entries]
    assert numbers[0] == 3 and numbers == sorted(set(numbers)), "each part starts on a later page"
    for title, number in entries[:3]:
        first_lines = lines(reader, number)
        assert first_lines[1] == title, f"{title} should start page {number}, which begins {first_lines[:3]}"
        assert first_lines[0] in ("DEFINITION SHEET", "METHOD SHEET")
        previous = lines(reader, number - 1)
        assert title not in previous[:2], "a sheet starts on a page of its own"
    assert lines(reader, numbers[3])[0] == "Glossary"
    assert lines(reader, numbers[4])[0] == "Licence"
    assert len(reader.pages) == numbers[4], "the licence is the last page"

    for number in range(2, len(reader.pages) + 1):
        footer = f"Community Planning Toolkit Page {number} of {len(reader.pages)}"
        assert lines(reader, number)[-1] == footer

    meta = reader.metadata
    assert meta.title == "Notes for the March meeting"
    assert meta.author == "Community Planning Toolkit"
    assert meta.subject == "A print pack of 3 sheets from the Community Planning Toolkit."
    assert meta["/Keywords"] == "neighbourhood plan, surveys"
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    outline = [item["/Title"] for item in reader.outline if not isinstance(item, list)]
    assert outline[:2] == ["Notes for the March meeting", "Neighbourhood Plan"]


def glossary_text(reader):
    return " ".join(
        " ".join(lines(reader, n))
        for n in range(1, len(reader.pages) + 1)
        if lines(reader, n)[0] == "Glossary"
    )


def test_the_glossary_has_the_definition_terms_of_the_pack_a_to_z(client, site):
    build_pack(client, site)
    glossary = glossary_text(read(client.get("/pack/booklet.pdf")))
    assert "Neighbourhood Forum" in glossary and "A short summary of neighbourhood forum" in glossary
    assert "Neighbourhood plan (also NDP, neighbourhood development plan)" in glossary
    assert glossary.index("Neighbourhood Forum") < glossary.index("Neighbourhood plan (also")
    assert "Run a community survey" not in glossary, "method sheets define no term"


def test_the_glossary_explains_the_glossary_terms_the_sheets_use_and_no_others(client, site):
    from toolkit.tests import factories as f

    f.TermFactory(term="Viability assessment", definition="A test of whether a scheme can pay its way.")
    build_pack(client, site)
    glossary = glossary_text(read(client.get("/pack/booklet.pdf")))
    # The Neighbourhood Plan sheet mentions a parish council and a referendum.
    assert "Parish council (also town council) The elected council closest to you." in glossary
    assert "Referendum A local vote on a plan." in glossary
    assert "Viability assessment" not in glossary, "no sheet in the pack mentions it"


def test_the_licence_page_and_sheet_links_are_in_the_booklet(client, site):
    build_pack(client, site)
    reader = read(client.get("/pack/booklet.pdf"))
    text = all_text(reader)
    assert "You may copy and share this sheet" in " ".join(lines(reader, len(reader.pages)))
    assert text.count("You may copy and share this sheet") == 1, "one licence page, not one per sheet"
    assert "https://www.legislation.gov.uk/ukpga/2011/20/contents" in link_targets(reader)
    assert "Add to pack" not in text and "On this page" not in text


def test_ids_are_unique_across_the_sheets_of_a_booklet(client, site):
    request = RequestFactory().get("/pack/booklet.pdf")
    sheets = documents.live_sheets_in_order([site.definition.pk, site.method.pk, site.other_definition.pk])
    html = documents.booklet_html(request, "Pack", sheets, timezone.localdate())
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    page = BeautifulSoup(html, "html.parser")
    for link in page.select('a[href^="#"]'):
        assert page.find(id=link["href"][1:]), link


def test_an_empty_pack_cannot_be_printed(client, site):
    response = client.get("/pack/booklet.pdf")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "Your pack is empty, so there is nothing to print yet." in response.content.decode()


def test_a_pack_whose_sheets_were_all_unpublished_cannot_be_printed(client, site):
    client.post("/pack/add/", {"sheet": site.method.pk}, HTTP_ORIGIN="http://testserver")
    site.method.unpublish()
    assert client.get("/pack/booklet.pdf").status_code == 400


def test_ready_made_packs_download_as_booklets(client, site):
    response = client.get("/print-packs/start.pdf")
    assert response["Content-Disposition"] == 'attachment; filename="start.pdf"'
    reader = read(response)
    assert "Start a neighbourhood plan" in " ".join(lines(reader, 1))
    titles = [title for title, _ in contents_entries(lines(reader, 2)[1:])]
    assert titles == ["Neighbourhood Plan", "Run a community survey", "Glossary", "Licence"]


def test_a_ready_made_pack_with_no_live_sheets_has_no_booklet(client, site):
    site.definition.unpublish()
    site.method.unpublish()
    assert client.get("/print-packs/start.pdf").status_code == 404
    site.print_pack.unpublish()
    assert client.get("/print-packs/start.pdf").status_code == 404


def test_booklets_are_cached_until_a_sheet_in_them_is_published_again(client, site, renders):
    first = body(client.get("/print-packs/start.pdf"))
    assert body(client.get("/print-packs/start.pdf")) == first
    assert len(renders) == 1
    site.method.title = "Run a community survey well"
    site.method.save_revision().publish()
    reader = read(client.get("/print-packs/start.pdf"))
    assert "Run a community survey well" in all_text(reader)
    assert len(renders) == 2


def test_new_booklets_are_limited_per_reader_but_made_ones_still_download(client, site, renders, monkeypatch):
    """Finding 4 of the security review: renaming the pack made a new booklet each time, without
    limit, each one seconds of layout."""
    monkeypatch.setattr(booklets, "BUILDS_PER_CLIENT", (2, 3600))
    build_pack(client, site, title="First title")
    assert client.get("/pack/booklet.pdf").status_code == 200
    client.post("/pack/title/", {"title": "Second title"})
    assert client.get("/pack/booklet.pdf").status_code == 200
    client.post("/pack/title/", {"title": "Third title"})
    refused = client.get("/pack/booklet.pdf")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert len(renders) == 2, "nothing was laid out for the refused booklet"
    client.post("/pack/title/", {"title": "Second title"})
    assert client.get("/pack/booklet.pdf").status_code == 200, "a booklet already made costs nothing"
    other_reader = Client()  # another reader, elsewhere
    build_pack(other_reader, site, title="Third title")
    assert other_reader.get("/pack/booklet.pdf", REMOTE_ADDR="198.51.100.9").status_code == 200
