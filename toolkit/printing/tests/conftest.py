"""Fixtures shared by the printing tests."""

import pytest

from toolkit.printing import booklets, documents


@pytest.fixture
def renders(monkeypatch):
    """Counts the PDFs actually made (the real renderer still runs)."""
    made = []
    real = documents.render_pdf

    def counting(html, base_url):
        made.append(html)
        return real(html, base_url)

    monkeypatch.setattr(documents, "render_pdf", counting)  # a sheet's PDF
    monkeypatch.setattr(booklets, "render_pdf", counting)  # a booklet, made by its task
    return made
