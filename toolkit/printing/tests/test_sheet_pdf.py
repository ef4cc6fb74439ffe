"""A sheet's PDF: its content, A4 pages, metadata, links, fonts, tags, caching and who may have it."""

import pytest
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from toolkit.core.models import ToolkitSettings

from .pdfs import all_text, fonts, link_targets, page_texts, read

pytestmark = pytest.mark.django_db


def pdf_address(page):
    return page.url.rstrip("/") + ".pdf"


def lengthen(sheet, paragraphs=8):
    """Add plain paragraphs to a sheet's body, so that it runs over more than one page."""
    words = " ".join(["Residents can shape the plan for their street by taking part early."] * 6)
    for _ in range(paragraphs):
        sheet.body.append(("paragraph", RichText(f"<p>{words}</p>")))
    sheet.save_revision().publish()


def test_the_pdf_has_the_whole_sheet_on_a4_pages(client, site):
    lengthen(site.definition)
    response = client.get(pdf_address(site.definition))
    assert response["Content-Disposition"] == 'inline; filename="neighbourhood-plan.pdf"'
    reader = read(response)
    assert 1 <= len(reader.pages) <= 4
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    texts = page_texts(reader)
    text = " ".join(texts)
    assert text.startswith("DEFINITION SHEET Neighbourhood Plan A short summary")
    for expected in (
        "A short summary of neighbourhood plan for readers.",  # summary
        "Also known as: NDP, neighbourhood development plan",
        "In more detail",  # body heading
        "explains the idea in plain words",  # body text
        "First key fact.",  # key facts
        "Localism Act 2011 (https://www.legislation.gov.uk/ukpga/2011/20/contents)",  # link with its address
        "Neighbourhood Forum",  # see also
        "Run a community survey",
        "Last reviewed: 1 October 2026",
        "http://localhost/neighbourhood-planning/neighbourhood-plan/",  # the page's address
        "non-commercial",  # the licence
    ):
        assert expected in text, expected
    for absent in ("Skip to main content", "Search the toolkit", "Add to pack", "On this page", "Log in"):
        assert absent not in text, absent
    # The page margins: publisher and page number on every page; the title above all but the first.
    pages = len(reader.pages)
    assert pages > 1, "the lengthened sheet runs over two pages"
    assert texts[0].endswith(f"Community Planning Toolkit Page 1 of {pages}")
    assert not texts[0].endswith(f"Neighbourhood Plan Community Planning Toolkit Page 1 of {pages}")
    assert texts[1].endswith(f"Neighbourhood Plan Community Planning Toolkit Page 2 of {pages}")


def test_the_pdf_has_metadata_links_embedded_fonts_and_tags(client, site):
    reader = read(client.get(pdf_address(site.definition)))
    meta = reader.metadata
    assert meta.title == "Neighbourhood Plan"
    assert meta.author == "Community Planning Toolkit"
    assert meta.subject == "A short summary of neighbourhood plan for readers."
    assert meta["/Keywords"] == "neighbourhood plan"
    assert "https://www.legislation.gov.uk/ukpga/2011/20/contents" in link_targets(reader)
    assert "http://testserver/tools-and-techniques/run-a-community-survey/" in link_targets(reader)
    used = fonts(reader)
    assert used and all(used.values()), used
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root, "the PDF is tagged"
    assert root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "en-GB"
    assert b"pdfuaid" in root["/Metadata"].get_object().get_data()


def test_a_method_sheet_pdf_has_its_steps(client, site):
    text = all_text(read(client.get(pdf_address(site.method))))
    for expected in (
        "METHOD SHEET",
        "When to use it",
        "Agree your questions",
        "Share the results",
        "Pitfalls",
    ):
        assert expected in text


def test_the_pdf_is_made_once_then_served_from_the_cache(client, site, renders):
    first = client.get(pdf_address(site.definition)).content
    second = client.get(pdf_address(site.definition)).content
    assert first == second
    assert len(renders) == 1


def test_publishing_again_makes_a_new_pdf(client, site, renders):
    client.get(pdf_address(site.definition))
    sheet = site.definition
    sheet.summary = "A brand new summary, written after the first PDF was made."
    sheet.save_revision().publish()
    text = all_text(read(client.get(pdf_address(sheet))))
    assert "A brand new summary" in text
    assert len(renders) == 2


def test_a_draft_change_does_not_reach_the_pdf(client, site, renders):
    client.get(pdf_address(site.definition))
    sheet = site.definition
    sheet.summary = "A draft nobody has published."
    sheet.save_revision()
    assert "A draft nobody has published" not in all_text(read(client.get(pdf_address(sheet))))
    assert len(renders) == 1


def test_a_new_licence_makes_a_new_pdf(client, site, renders):
    client.get(pdf_address(site.definition))
    settings = ToolkitSettings.objects.get()
    settings.licence = "A newer licence text for every sheet."
    settings.save()
    assert "A newer licence text" in all_text(read(client.get(pdf_address(site.definition))))
    assert len(renders) == 2


def test_the_print_view_is_the_html_the_pdf_is_made_from(client, site, renders):
    client.get(pdf_address(site.definition))
    page_html = client.get(site.definition.url + "print/").content.decode()
    assert renders[0] == page_html


def test_unpublished_private_and_unknown_sheets_have_no_pdf(client, site):
    site.other_definition.unpublish()
    assert client.get(pdf_address(site.other_definition)).status_code == 404
    PageViewRestriction.objects.create(page=site.method, restriction_type="password", password="secret")
    assert client.get(pdf_address(site.method)).status_code == 404
    for address in ("/neighbourhood-planning/nope.pdf", "/nope.pdf", "/about.pdf", "/.pdf", "/a/../b.pdf"):
        assert client.get(address).status_code == 404, address


def test_the_pdf_address_only_answers_get(client, site):
    assert client.post(pdf_address(site.definition)).status_code == 405
