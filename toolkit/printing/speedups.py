"""One speed-up for pydyf, the PDF writer under WeasyPrint, applied when the printing app loads.

``pydyf.PDF.page_references`` builds a fresh tuple of every page's reference each time it is
read, and WeasyPrint reads it once per tagged element and per link when it writes a tagged PDF
(PDF/UA): for a 136-page booklet that is about 15,000 tuples of 136 items, a quarter to half a
second spent rebuilding the same list. Here the tuple is kept until a page is added, which is
the only way pydyf's page list grows. The result is identical (see ``tests/test_speedups.py``).
"""

import pydyf

ORIGINAL = pydyf.PDF.page_references


def remembered_page_references(pdf):
    """``pdf.page_references``, rebuilt only when the page count has changed since last asked."""
    kids = pdf.pages["Kids"]
    count, references = pdf.__dict__.get("_toolkit_page_references", (None, ()))
    if count != len(kids):
        references = ORIGINAL.fget(pdf)
        pdf.__dict__["_toolkit_page_references"] = (len(kids), references)
    return references


def apply():
    """Install the remembered property (once; calling again changes nothing)."""
    pydyf.PDF.page_references = property(remembered_page_references)
