"""WeasyPrint reads the site's own files from disk and never reaches out to the network."""

import socket

import pytest

from toolkit.printing.fetcher import LocalFilesFetcher, RefusedURL, relative_name
from toolkit.printing.pdf import render_pdf

BASE = "http://toolkit.test/"


def test_static_files_come_from_disk():
    response = LocalFilesFetcher(BASE).fetch(BASE + "static/css/print.css")
    assert b"@page" in response.read()
    assert response.headers.get_content_type() == "text/css"


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/static/css/print.css",  # another host
        BASE + "static/../settings/base.py",  # climbing out
        BASE + "static/%2e%2e/%2e%2e/manage.py",
        BASE + "static/css/no-such-file.css",
        BASE + "admin/",
        "file:///etc/passwd",
        "ftp://example.org/x",
    ],
)
def test_everything_else_is_refused(url):
    fetcher = LocalFilesFetcher(BASE)
    with pytest.raises(ValueError):
        fetcher.fetch(url)


def test_relative_names_never_leave_the_prefix():
    assert relative_name(BASE + "static/css/a.css", BASE + "static/") == "css/a.css"
    assert relative_name(BASE + "static/a/../../b", BASE + "static/") is None
    assert relative_name(BASE + "static/", BASE + "static/") is None
    assert relative_name("http://other/static/a.css", BASE + "static/") is None


def test_a_pdf_is_made_without_a_single_network_connection():
    """Addresses outside the site are refused before any connection is tried, even to this machine."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    port = listener.getsockname()[1]
    html = (
        f'<html lang="en-GB"><head><title>T</title><link rel="stylesheet" href="http://127.0.0.1:{port}/x.css">'
        f'</head><body><h1>Hello</h1><img src="http://127.0.0.1:{port}/x.png" alt="x">'
        '<img src="https://example.org/y.png" alt="y"></body></html>'
    )
    fetcher = LocalFilesFetcher(BASE)
    pdf = render_pdf(html, BASE, fetcher=fetcher)
    assert pdf.startswith(b"%PDF")
    assert f"http://127.0.0.1:{port}/x.css" in fetcher.refused
    assert "https://example.org/y.png" in fetcher.refused
    listener.settimeout(0.2)
    with pytest.raises(TimeoutError):
        listener.accept()
    listener.close()


def test_refusals_are_their_own_error():
    with pytest.raises(RefusedURL, match="not fetched"):
        LocalFilesFetcher(BASE).fetch("https://example.org/")
