"""The speed-ups change nothing but speed: page references stay right as pages are added, and the
cycle collector waits while a PDF is made and is back as it was afterwards."""

import gc

import pydyf
import pytest

from toolkit.core.collector import BURST_THRESHOLDS
from toolkit.printing import speedups
from toolkit.printing.fetcher import LocalFilesFetcher
from toolkit.printing.pdf import render_pdf

from .pdfs import read
from .test_booklet import build_pack


def recomputed(pdf):
    return tuple(f"{number} 0 R".encode("ascii") for number in pdf.pages["Kids"][::3])


def test_page_references_are_remembered_until_a_page_is_added():
    assert isinstance(pydyf.PDF.page_references, property)
    assert pydyf.PDF.page_references.fget is speedups.remembered_page_references, "applied at start-up"
    pdf = pydyf.PDF()
    assert pdf.page_references == ()
    for count in range(1, 5):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
        first = pdf.page_references
        assert first == recomputed(pdf) and len(first) == count
        assert pdf.page_references is first, "asked again without a new page, the same tuple"


def test_with_a_pydyf_it_was_not_checked_against_the_stock_property_stays(caplog):
    """The off-switch: another pydyf version leaves pydyf as it is, with one line in the log."""
    pydyf.PDF.page_references = speedups.ORIGINAL
    try:
        with caplog.at_level("WARNING", logger="toolkit.core.pinned"):
            assert speedups.apply(installed="0.14.0") is False
            assert speedups.apply(installed="0.14.0") is False
        assert pydyf.PDF.page_references is speedups.ORIGINAL
        assert [r.getMessage() for r in caplog.records] == [
            "pydyf 0.14.0 is not a version the printing speed-up was checked against (0.13.0): "
            "it is off, the public way runs instead"
        ]
        pdf = pydyf.PDF()
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
        assert pdf.page_references == recomputed(pdf)
    finally:
        assert speedups.apply() is True


def test_apply_twice_changes_nothing():
    speedups.apply()
    speedups.apply()
    pdf = pydyf.PDF()
    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert pdf.page_references == recomputed(pdf)


@pytest.mark.django_db
def test_every_tagged_element_of_a_booklet_points_at_the_page_it_is_on(client, site):
    build_pack(client, site)
    reader = read(client.get("/pack/booklet.pdf"))
    pages = [page.indirect_reference.idnum for page in reader.pages]
    parent_tree = reader.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    elements_of = dict(zip(parent_tree[::2], parent_tree[1::2], strict=True))
    checked = 0
    for index, page in enumerate(reader.pages):
        for element in elements_of[page["/StructParents"]].get_object():
            element = element.get_object()
            if "/Pg" in element:
                assert element.raw_get("/Pg").idnum == pages[index], (
                    f"an element on page {index + 1} points elsewhere"
                )
                checked += 1
    assert checked > len(pages), "most pages hold several tagged elements"


BASE = "http://testserver/"
PAGE = '<html lang="en-GB"><head><title>T</title><link rel="stylesheet" href="/static/css/print.css"></head><body><h1>Hi</h1></body></html>'


class ThresholdSpy(LocalFilesFetcher):
    """Notes the collector's thresholds when WeasyPrint asks for the stylesheet, mid-render."""

    def __init__(self, base_url):
        super().__init__(base_url)
        self.seen = []

    def fetch(self, url, headers=None):
        self.seen.append(gc.get_threshold())
        return super().fetch(url, headers)


def test_the_collector_waits_while_a_pdf_is_made_and_is_restored_after():
    before = gc.get_threshold()
    assert before != BURST_THRESHOLDS
    spy = ThresholdSpy(BASE)
    assert render_pdf(PAGE, BASE, fetcher=spy).startswith(b"%PDF")
    assert spy.seen == [BURST_THRESHOLDS]
    assert gc.get_threshold() == before
