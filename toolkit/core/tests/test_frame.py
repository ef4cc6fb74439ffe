"""The frame of every public page, as the server writes it: the header with the publisher's name or
logo and a "Menu" button, one search box per page, the phase banner, breadcrumbs, "Back to top",
and a footer of links rather than every topic, with the legal pages and the licence by name."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from toolkit.core.models import ToolkitSettings
from toolkit.tests import factories as f

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def settings_of(site):
    return ToolkitSettings.objects.get(site__root_page=site.home)


def change_settings(site, **values):
    settings = settings_of(site)
    for name, value in values.items():
        setattr(settings, name, value)
    settings.save()  # bumps the content version, so the cached header and footer are remade


def test_the_header_names_the_publisher_and_links_home(client, site):
    header = soup(client.get(site.definition.url)).select_one("header.site-header")
    brand = header.select_one("a.site-brand")
    assert brand["href"] == site.home.url
    assert brand.get_text(" ", strip=True) == "Community Planning Toolkit"
    assert not brand.select(".site-brand__name"), "the site's name is not repeated when it is the publisher"


def test_a_council_shows_its_name_and_the_sites_name(client, site):
    change_settings(site, publisher="Anytown Borough Council", site_name="Community Planning Toolkit")
    brand = soup(client.get(site.definition.url)).select_one("a.site-brand")
    assert brand.select_one(".site-brand__publisher").get_text() == "Anytown Borough Council"
    assert brand.select_one(".site-brand__name").get_text() == "Community Planning Toolkit"


def test_a_council_logo_replaces_its_name_and_carries_it_as_text(client, site):
    logo = wagtail_factories.ImageFactory(title="Anytown logo")
    change_settings(site, publisher="Anytown Borough Council", site_name="Planning Toolkit", logo=logo)
    brand = soup(client.get(site.home.url)).select_one("a.site-brand")
    image = brand.select_one("img.site-brand__logo")
    assert image["alt"] == "Anytown Borough Council"
    assert ".height-80." in image["src"] and "anytown" not in brand.get_text().lower()
    assert brand.select_one(".site-brand__name").get_text() == "Planning Toolkit"


def test_the_menu_button_controls_the_main_navigation_and_waits_for_javascript(client, site):
    page = soup(client.get(site.definition.url))
    button = page.select_one("header button.menu-toggle")
    assert button.get_text(strip=True) == "Menu"
    assert button["aria-expanded"] == "false"
    assert button.has_attr("hidden"), "without JavaScript the button stays hidden and the menu shows"
    nav = page.select_one(f"#{button['aria-controls']}")
    assert nav.name == "nav" and nav["aria-label"] == "Main"
    assert nav.find_parent("header") is not None
    assert "site-nav--closed" not in nav.get("class", [])


def test_editors_sign_in_from_the_footer_not_the_header(client, site):
    page = soup(client.get(site.definition.url))
    assert not page.select_one("header").find("a", href="/admin/login/")
    assert "Log in" not in page.select_one("header").get_text()
    sign_in = page.select_one("footer .site-footer__editors a")
    assert sign_in["href"] == "/admin/login/"


@pytest.mark.parametrize(
    ("path_of", "boxes"),
    [
        pytest.param(lambda s: s.home.url, ["home-search"], id="home"),
        pytest.param(lambda s: "/search/", ["search-page-q"], id="search"),
        pytest.param(lambda s: "/search/?q=plan", ["search-page-q"], id="search-results"),
        pytest.param(lambda s: s.definition.url, ["header-search"], id="sheet"),
        pytest.param(lambda s: s.glossary.url, ["header-search"], id="glossary"),
    ],
)
def test_one_search_box_per_page(client, site, path_of, boxes):
    page = soup(client.get(path_of(site)))
    assert [box["id"] for box in page.select("input[type=search]")] == boxes


def test_the_phase_banner_comes_from_the_settings(client, site):
    page = soup(client.get(site.definition.url))
    banner = page.select_one(".phase-banner")
    assert banner.find_previous_sibling("header") is not None, "under the header"
    assert banner.name == "aside" and banner["aria-label"], "in a landmark, as all content is"
    assert banner.select_one(".phase-banner__tag").get_text() == "Beta"
    assert "This is a new service. Your feedback will help us improve it." in banner.get_text()
    assert not banner.select("a"), "no feedback page chosen, no link"

    change_settings(site, phase="Alpha", phase_banner_text="Still being built.", feedback_page=site.contact)
    banner = soup(client.get(site.definition.url)).select_one(".phase-banner")
    assert banner.select_one(".phase-banner__tag").get_text() == "Alpha"
    assert "Still being built." in banner.get_text()
    assert banner.find("a", string="Give feedback")["href"] == site.contact.url


def test_the_phase_banner_can_be_switched_off(client, site):
    change_settings(site, show_phase_banner=False)
    assert not soup(client.get(site.definition.url)).select(".phase-banner")


def test_breadcrumbs_end_with_the_parent_then_the_page(client, site):
    crumbs = soup(client.get(site.definition.url)).select(".breadcrumbs li")
    assert [li.get_text(strip=True) for li in crumbs] == [
        "Home",
        "Neighbourhood Planning",
        "Neighbourhood Plan",
    ]
    # The stylesheet shows only the parent below 40em: the item before the last, which is a link.
    assert crumbs[-2].a["href"] == site.section.url
    assert crumbs[-1].select_one("[aria-current=page]")


def test_the_footer_links_to_all_topics_instead_of_listing_them(client, site):
    footer = soup(client.get(site.definition.url)).select_one("footer.site-footer")
    assert footer.find("a", string="All topics")["href"] == site.topic_index.url
    assert footer.find("a", string="A to Z of sheets")["href"] == "/a-z/"
    assert not footer.find("a", href=lambda href: href and href.startswith("/topics/") and href != "/topics/")
    assert "Tools and Techniques" in footer.get_text()


def test_the_topic_index_in_the_menu_is_linked_once_in_the_footer(client, site):
    site.topic_index.show_in_menus = True
    site.topic_index.save_revision().publish()
    page = soup(client.get(site.definition.url))
    assert page.select_one("nav[aria-label=Main]").find("a", href=site.topic_index.url)
    footer = page.select_one("footer.site-footer")
    assert [a.get_text() for a in footer.find_all("a", href=site.topic_index.url)] == ["All topics"]


def test_the_footer_names_and_links_the_licence_and_the_publisher(client, site):
    footer = soup(client.get(site.definition.url)).select_one("footer.site-footer")
    licence = footer.select_one("a[rel=license]")
    assert licence["href"] == "https://creativecommons.org/licenses/by-nc/4.0/"
    assert "Creative Commons Attribution-NonCommercial 4.0" in licence.get_text()
    assert settings_of(site).licence in footer.get_text()
    assert (
        footer.select_one(".site-footer__publisher").get_text() == "Published by Community Planning Toolkit"
    )


def test_the_footer_links_the_legal_pages_that_exist_in_order(client, site):
    footer = soup(client.get(site.definition.url)).select_one("footer.site-footer")
    assert not footer.select(".site-footer__legal"), "no legal pages yet, no links to missing pages"

    f.StandardPageFactory(parent=site.home, title="Cookies", slug="cookies")
    f.StandardPageFactory(parent=site.home, title="Privacy notice", slug="privacy")
    draft = f.StandardPageFactory(parent=site.home, title="Accessibility statement", slug="accessibility")
    draft.unpublish()
    footer = soup(client.get(site.definition.url)).select_one("footer.site-footer")
    links = [(a.get_text(), a["href"]) for a in footer.select(".site-footer__legal a")]
    assert links == [("Privacy notice", "/privacy/"), ("Cookies", "/cookies/")]


@pytest.mark.parametrize(
    ("path_of", "has_link"),
    [
        pytest.param(lambda s: s.glossary.url, True, id="glossary"),
        pytest.param(lambda s: "/a-z/", True, id="a-to-z"),
        pytest.param(lambda s: s.definition.url, True, id="sheet"),
        pytest.param(lambda s: s.method.url, True, id="method-sheet"),
        pytest.param(lambda s: s.home.url, False, id="home"),
        pytest.param(lambda s: s.contact.url, False, id="contact"),
    ],
)
def test_back_to_top_ends_the_long_pages(client, site, path_of, has_link):
    page = soup(client.get(path_of(site)))
    link = page.select_one("main .back-to-top a")
    assert (link is not None) == has_link
    if has_link:
        assert link["href"] == "#top" and page.select_one("#top").name == "header"
        assert link.get_text(strip=True) == "Back to top"
        assert page.select_one("main > .back-to-top:last-child"), "after the content, in the flow"


def test_the_settings_page_groups_the_new_fields(editor_client, site):
    settings = settings_of(site)
    response = editor_client.get(f"/admin/settings/core/toolkitsettings/{settings.site_id}/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    text = " ".join(page.get_text(" ").split())
    for heading in ("Name and logo", "Phase banner", "Licence"):
        assert heading in text
    for name in ("publisher", "site_name", "logo", "show_phase_banner", "phase", "phase_banner_text"):
        assert page.select_one(f"[name={name}]"), name
    assert page.select_one("[name=feedback_page]") and page.select_one("[name=licence_url]")
