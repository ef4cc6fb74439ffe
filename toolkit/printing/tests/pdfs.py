"""Reading the PDFs the site makes, with pypdf, as a reader's PDF viewer would."""

import io
import re

from pypdf import PdfReader


def read(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(b"".join(response) if response.streaming else response.content))


def page_texts(reader):
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def all_text(reader):
    return " ".join(page_texts(reader))


def link_targets(reader):
    """Every address a reader can click in the PDF."""
    targets = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                targets.append(str(action["/URI"]))
    return targets


def fonts(reader):
    """(name, embedded?) for every font the pages use."""
    found = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts") or [font]
            for descendant in descendants:
                descriptor = descendant.get_object().get("/FontDescriptor")
                descriptor = descriptor.get_object() if descriptor else {}
                embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
                found[str(font["/BaseFont"])] = embedded
    return found


TOC_LINE = re.compile(r"^(?P<title>.+?)\s*\.{3,}\s*(?P<page>\d+)$")  # title, dot leader, page


def contents_entries(page_text_lines):
    """``[(title, page number)]`` from the lines of a contents page."""
    entries = []
    for line in page_text_lines:
        match = TOC_LINE.match(line.strip())
        if match:
            entries.append((match["title"].rstrip(" ."), int(match["page"])))
    return entries
