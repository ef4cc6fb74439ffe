"""HTML to PDF with WeasyPrint: tagged for accessibility, fonts embedded, nothing fetched from afar.

Every PDF the site makes goes through ``render_pdf``, so the options live in one place:

- ``pdf/ua-1`` asks WeasyPrint for a tagged PDF (structure tree, reading order, document language
  from ``<html lang>``, the title shown in the viewer's title bar), the accessibility profile it
  supports;
- fonts are always embedded (subset) by WeasyPrint; the stylesheet names fonts that the
  Makefile installs (DejaVu, Liberation), so every machine makes the same PDF;
- metadata (title, author, subject, keywords) comes from the page's ``<title>`` and ``<meta>``.

WeasyPrint makes millions of short-lived objects (boxes, styles, text runs) while it lays out a
booklet, and each batch of 700 new objects sets off Python's cycle collector, which keeps walking
the same long-lived ones: a fifth of a 136-page booklet's time. While a PDF is made the collector
waits for far bigger batches, then the young garbage is collected once (``fewer_collections``).
"""

import gc
import logging
from contextlib import contextmanager

from weasyprint import HTML

from .fetcher import LocalFilesFetcher

# WeasyPrint warns about every screen-only rule in the shared stylesheets (media queries, clip);
# errors, such as a refused or missing file, still reach the logs.
logging.getLogger("weasyprint").setLevel(logging.ERROR)

PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "optimize_images": True}
RENDERING_GC_THRESHOLD = (100_000, 50, 100)


@contextmanager
def fewer_collections():
    """Run the cycle collector rarely inside the block, then once over the young objects it left.

    Costs a booklet some 40 MB more at its peak; the previous thresholds come back even when
    rendering fails.
    """
    previous = gc.get_threshold()
    gc.set_threshold(*RENDERING_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*previous)
        gc.collect(1)


def render_pdf(html, base_url, fetcher=None):
    """The PDF of an HTML string whose relative addresses are resolved against ``base_url``."""
    fetcher = fetcher or LocalFilesFetcher(base_url)
    with fewer_collections():
        document = HTML(string=html, base_url=base_url, url_fetcher=fetcher, media_type="print")
        return document.write_pdf(**PDF_OPTIONS)
