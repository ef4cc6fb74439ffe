"""The print view and the browser's print stylesheet: one clean result from one stylesheet."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_print_view_has_the_sheet_and_nothing_else(client, site):
    page = soup(client.get(site.definition.url + "print/"))
    assert not page.select(".site-header, .site-footer, .breadcrumbs, nav.toc, form")
    assert page.h1.get_text(strip=True) == "Neighbourhood Plan"
    text = " ".join(page.select_one("main").get_text(" ").split())
    for expected in (
        "A short summary of neighbourhood plan for readers.",
        "In more detail",
        "First key fact.",
        "Localism Act 2011",
        "Neighbourhood Forum",
        "Last reviewed 1 October 2026",
        "http://localhost/neighbourhood-planning/neighbourhood-plan/",
        "non-commercial",
    ):
        assert expected in text, expected
    assert page.select_one('a.external[href="https://www.legislation.gov.uk/ukpga/2011/20/contents"]')
    stylesheets = [link["href"] for link in page.select("link[rel=stylesheet]")]
    assert stylesheets == ["/static/css/toolkit.css", "/static/css/print.css"]
    assert page.select_one("meta[name=robots]")["content"] == "noindex"
    assert page.select_one("link[rel=canonical]")["href"] == site.definition.full_url
    toolbar = page.select_one("header.print-toolbar")
    assert toolbar.select_one("button[data-print][hidden]"), "the print button appears only with JavaScript"
    assert toolbar.select_one('a[href="/neighbourhood-planning/neighbourhood-plan.pdf"]')


def test_every_page_prints_with_the_same_stylesheet(client, site):
    for url in (site.home.url, site.definition.url, "/pack/"):
        page = soup(client.get(url))
        assert page.select_one('link[rel=stylesheet][href="/static/css/print.css"][media=print]'), url


def test_the_print_stylesheet_hides_the_frame_and_writes_out_addresses():
    css = Path(finders.find("css/print.css")).read_text(encoding="utf-8")
    assert 'a[href^="http"]::after { content: " (" attr(href) ")"' in css
    assert ".site-header, .site-footer, .breadcrumbs" in css
    assert "@page" in css and "size: A4" in css and "counter(pages)" in css


def test_the_sheet_page_offers_print_pdf_email_and_pack(client, site):
    page = soup(client.get(site.definition.url))
    actions = page.select_one("ul.sheet-actions")
    links = {a.get_text(strip=True): a["href"] for a in actions.select("a")}
    assert links == {
        "Print": "/neighbourhood-planning/neighbourhood-plan/print/",
        "Download PDF": "/neighbourhood-planning/neighbourhood-plan.pdf",
        "Email this sheet": "/neighbourhood-planning/neighbourhood-plan/email/",
    }
    assert actions.select_one("form.pack-add button").get_text(strip=True) == "Add to pack"


def test_the_print_view_of_an_unpublished_sheet_is_not_found(client, site):
    site.definition.unpublish()
    assert client.get(site.definition.url + "print/").status_code == 404
    assert client.get(site.definition.url + "nope/").status_code == 404


def test_a_sheet_behind_a_login_offers_no_pdf_and_no_pack(client, site, django_user_model):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=site.definition, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(django_user_model.objects.create_user("reader", password="pw"))
    page = soup(client.get(site.definition.url))
    labels = [a.get_text(strip=True) for a in page.select("ul.sheet-actions a")]
    assert labels == ["Print", "Email this sheet"]
    assert not page.select("ul.sheet-actions form.pack-add")
    print_view = soup(client.get(site.definition.url + "print/"))
    assert not print_view.select('a[href$=".pdf"]'), "its PDF would be refused"
    assert client.get("/neighbourhood-planning/neighbourhood-plan.pdf").status_code == 404
