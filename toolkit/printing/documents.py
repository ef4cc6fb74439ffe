"""The printable documents: one sheet (print view and PDF) and a booklet of many sheets.

A sheet's print view, its PDF and its part of a booklet are all made by the sheet's own template
(the one readers see on screen) put in a different frame, and styled by one stylesheet,
``css/print.css``: so the browser's print, the print view and the PDF cannot drift apart.

PDFs are cached. The key holds everything the PDF is made from: the sheet's live revision (a
re-publish makes a new key), the site's content version (bumped by any publish, or any edit to a
topic or the licence, which a PDF also shows), today's date (a sheet's "Review overdue" notice
starts on a day, not with a publish), the host (addresses are written out), and a fingerprint of
every template and stylesheet (``fingerprint.py``: a deploy that changes the look makes a new key).
So a reader never gets a stale PDF, and nothing has to be deleted by hand.
"""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from toolkit.core.cache import remember
from toolkit.core.in_order import in_order
from toolkit.core.models import ToolkitSettings
from toolkit.sheets.models import SheetPage
from toolkit.taxonomy.models import Topic

from .anchors import prefix_ids
from .fingerprint import render_fingerprint
from .glossary import pack_glossary
from .pdf import render_pdf

PRINT_FRAME = "printing/print_frame.html"
ARTICLE_FRAME = "printing/article_frame.html"
BOOKLET_TEMPLATE = "printing/booklet.html"
PDF_CACHE_SECONDS = 7 * 24 * 3600


def live_sheets_in_order(ids):
    """Listing rows of the live, public sheets among ``ids``, in the order given (one query)."""
    return in_order(SheetPage.objects.live().public().listing(), ids)


def site_base_url(request):
    """The address relative links in a PDF resolve against (and become clickable from)."""
    return request.build_absolute_uri("/")


def publisher(request):
    return ToolkitSettings.for_request(request).publisher


def sheet_document_meta(request, page):
    """What the PDF's metadata says: title, author, subject (the summary) and keywords (topics)."""
    return {
        "title": page.title,
        "author": publisher(request),
        "subject": page.summary,
        "keywords": ", ".join(topic.name for topic in page.topics.all()),
        "modified": page.last_published_at,
    }


def sheet_context(request, page, frame):
    """The sheet page's own context for paper (see ``SheetPage.get_context``), in ``frame``.

    Leaving the screen-only parts out, rather than hiding them, also keeps a 40-sheet booklet
    quick to build and to lay out.
    """
    context = page.get_context(request, paper=True)
    context.update({"frame": frame, "print_view": True})
    return context


def sheet_print_html(request, page):
    """The print view of a sheet: the sheet's own template in the bare print frame."""
    context = sheet_context(request, page, PRINT_FRAME)
    context["document"] = sheet_document_meta(request, page)
    context["pdf_url"] = page_pdf_url(page, request) if context["open_to_all"] else ""
    return render_to_string(page.get_template(request), context, request)


def sheet_article_html(request, page):
    """Just the sheet's article, as the print view shows it, for a booklet (ids made unique)."""
    html = render_to_string(page.get_template(request), sheet_context(request, page, ARTICLE_FRAME), request)
    return mark_safe(prefix_ids(html, f"s{page.pk}-"))  # noqa: S308 - our own template's output


def page_pdf_url(page, request=None):
    return f"{page.get_url(request).rstrip('/')}.pdf"


def sheet_pdf_cache_name(request, page):
    """Everything a sheet's PDF is made from besides the content version (``remember()`` adds it).

    Today's date is part of it, as it is of the page cache's key (``toolkit.core.page_cache``):
    the sheet says "Review overdue" from the day its review falls due, with nothing published.
    """
    today = timezone.localdate().isoformat()
    parts = [page.pk, page.live_revision_id, today, request.get_host(), render_fingerprint()]
    return "printing:sheet-pdf:" + ":".join(str(part) for part in parts)


def sheet_pdf(request, page):
    """The PDF of a live sheet, from the cache when nothing it shows has changed."""
    return remember(
        sheet_pdf_cache_name(request, page),
        lambda: render_pdf(sheet_print_html(request, page), site_base_url(request)),
        PDF_CACHE_SECONDS,
    )


def booklet_filename(title):
    return f"{slugify(title) or 'print-pack'}.pdf"


def booklet_html(request, title, sheets, made_on, intro=""):
    """Cover, contents, every sheet on its own pages, glossary and licence, as one HTML document.

    ``intro`` is who a ready-made pack is for: the cover says it under the title.
    """
    pages = in_order(SheetPage.objects.specific(), [sheet.pk for sheet in sheets])
    topics = Topic.objects.filter(sheets__in=[sheet.pk for sheet in pages]).distinct().order_by("name")
    author = publisher(request)
    articles = [sheet_article_html(request, page) for page in pages]
    context = {
        "title": title,
        "intro": intro,
        "made_on": made_on,
        "sheets": [{"page": page, "article": article} for page, article in zip(pages, articles, strict=True)],
        "glossary": pack_glossary(pages, articles),
        "licence": ToolkitSettings.for_request(request).licence,
        "site_url": site_base_url(request),
        "document": {
            "title": title,
            "author": author,
            "subject": f"A print pack of {len(pages)} sheet{'s' if len(pages) != 1 else ''} from the {author}.",
            "keywords": ", ".join(topic.name for topic in topics),
        },
    }
    return render_to_string(BOOKLET_TEMPLATE, context, request)
