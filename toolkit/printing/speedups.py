"""One speed-up for pydyf, the PDF writer under WeasyPrint, applied when the printing app loads.

``pydyf.PDF.page_references`` builds a fresh tuple of every page's reference each time it is
read, and WeasyPrint reads it once per tagged element and per link when it writes a tagged PDF
(PDF/UA): for a 136-page booklet that is about 15,000 tuples of 136 items, a quarter to half a
second spent rebuilding the same list. Here the tuple is kept until a page is added, which is
the only way pydyf's page list grows. The result is identical (see ``tests/test_speedups.py``).

It replaces a property of pydyf's and reads ``pages["Kids"]``, so it is applied only to the pydyf
versions in ``PYDYF_VERSIONS`` (whose source was read: 0.13.0 still rebuilds the tuple on every
read); with any other the stock property stays and the log says so once (``core/pinned.py``).
"""

import pydyf

from toolkit.core.pinned import checked

PYDYF_VERSIONS = ("0.13.0",)

ORIGINAL = pydyf.PDF.page_references


def remembered_page_references(pdf):
    """``pdf.page_references``, rebuilt only when the page count has changed since last asked."""
    kids = pdf.pages["Kids"]
    count, references = pdf.__dict__.get("_toolkit_page_references", (None, ()))
    if count != len(kids):
        references = ORIGINAL.fget(pdf)
        pdf.__dict__["_toolkit_page_references"] = (len(kids), references)
    return references


def apply(installed=None):
    """Install the remembered property on a checked pydyf (calling again changes nothing).

    True when installed; ``installed`` stands in for pydyf's version (for the tests).
    """
    if not checked("pydyf", PYDYF_VERSIONS, "the printing speed-up", installed):
        return False
    pydyf.PDF.page_references = property(remembered_page_references)
    return True
