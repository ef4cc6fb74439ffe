"""HTML to PDF with WeasyPrint: tagged for accessibility, fonts embedded, nothing fetched from afar.

Every PDF the site makes goes through ``render_pdf``, so the options live in one place:

- ``pdf/ua-1`` asks WeasyPrint for a tagged PDF (structure tree, reading order, document language
  from ``<html lang>``, the title shown in the viewer's title bar), the accessibility profile it
  supports;
- fonts are always embedded (subset) by WeasyPrint; the stylesheet names fonts that the
  Makefile installs (DejaVu, Liberation), so every machine makes the same PDF;
- metadata (title, author, subject, keywords) comes from the page's ``<title>`` and ``<meta>``.

WeasyPrint makes millions of short-lived objects while it lays out a booklet, so the cycle
collector waits until the PDF is written (``toolkit.core.collector``).
"""

import logging

from weasyprint import HTML

from toolkit.core.collector import fewer_collections

from .fetcher import LocalFilesFetcher

# WeasyPrint warns about every screen-only rule in the shared stylesheets (media queries, clip);
# errors, such as a refused or missing file, still reach the logs.
logging.getLogger("weasyprint").setLevel(logging.ERROR)

PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "optimize_images": True}


def render_pdf(html, base_url, fetcher=None):
    """The PDF of an HTML string whose relative addresses are resolved against ``base_url``."""
    fetcher = fetcher or LocalFilesFetcher(base_url)
    with fewer_collections():
        document = HTML(string=html, base_url=base_url, url_fetcher=fetcher, media_type="print")
        return document.write_pdf(**PDF_OPTIONS)
