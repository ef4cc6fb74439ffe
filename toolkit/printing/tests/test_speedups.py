"""The pydyf speed-up changes nothing in the PDF: page references stay right as pages are added."""

import pydyf
import pytest

from toolkit.printing import speedups

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
