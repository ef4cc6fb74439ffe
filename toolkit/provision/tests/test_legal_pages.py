"""``create_toolkit`` makes the privacy notice, accessibility statement and cookies page (#17):
standard pages that are true of the software on the day they are made, with what only the council
can say left as marked gaps."""

import io

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings
from wagtail.models import Page

from toolkit.feedback.management.commands.purge_suggestion_emails import DEFAULT_DAYS
from toolkit.home.models import StandardPage
from toolkit.provision.facts import fill_in
from toolkit.tests.html_checker import check_folder

pytestmark = pytest.mark.django_db

NAME, ADDRESS = "Anytown Community Toolkit", "https://toolkit.anytown.example"
HOST = {"HTTP_HOST": "toolkit.anytown.example", "HTTP_X_FORWARDED_PROTO": "https"}
LEGAL = {"privacy": "Privacy notice", "accessibility": "Accessibility statement", "cookies": "Cookies"}


def create_toolkit():
    out = io.StringIO()
    call_command("create_toolkit", "--name", NAME, "--address", ADDRESS, stdout=out)
    return out.getvalue()


def main_of(client, path):
    response = client.get(path, **HOST)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser").select_one("main")


def test_an_empty_database_gets_the_three_pages_live_under_the_home_page(migrated, client, tmp_path):
    said = create_toolkit()
    assert "standard page: 4 created" in said  # About and these three
    home = Page.objects.get(depth=2)
    for slug, title in LEGAL.items():
        page = StandardPage.objects.child_of(home).get(slug=slug)
        assert page.live and page.title == title and not page.show_in_menus
        main = main_of(client, f"/{slug}/")
        assert main.h1.get_text() == title
        text = main.get_text(" ", strip=True)
        assert "$" not in text, "every fact was filled in"
        assert "For the council's editors" in main.select_one(".callout").get_text()
        gaps = [b.get_text() for b in main.select("b") if b.get_text().startswith("[Fill in")]
        assert gaps, f"{slug}: what the council must add is marked"
        response = client.get(f"/{slug}/", **HOST)
        (tmp_path / f"{slug}.html").write_bytes(response.content)
    returncode, output = check_folder(tmp_path)
    assert returncode == 0 and "Error:" not in output, output


def test_the_privacy_notice_says_what_the_forms_collect_and_for_how_long(migrated, client):
    create_toolkit()
    text = main_of(client, "/privacy/").get_text(" ", strip=True)
    assert "asks for your name, your email address and your message" in text  # the contact form
    assert f"in any case {DEFAULT_DAYS} days after you sent it" in text  # purge_suggestion_emails
    assert "no name, no address and no cookie" in text  # "Was this page useful?"
    assert "Information Commissioner's Office" in text and "0303 123 1113" in text
    assert f"deleted {settings.SESSION_COOKIE_AGE // 86400} days after your pack last changed" in text


def test_the_accessibility_statement_has_every_part_the_regulations_ask_for(migrated, client):
    create_toolkit()
    main = main_of(client, "/accessibility/")
    headings = [h.get_text(strip=True) for h in main.select("h2, h3")]
    for required in (
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Technical information about this website's accessibility",
        "Compliance status",
        "Non-accessible content",
        "Non-compliance with the accessibility regulations",
        "Disproportionate burden",
        "Content that is not within the scope of the accessibility regulations",
        "Preparation of this accessibility statement",
    ):
        assert required in headings, required
    text = main.get_text(" ", strip=True)
    assert f"This accessibility statement applies to {ADDRESS}." in text
    assert "(No. 2) Accessibility Regulations 2018" in text
    assert "Equality and Human Rights Commission (EHRC)" in text
    eass = main.select_one('a[href^="https://www.equalityadvisoryservice.com/"]')
    assert eass.get_text().startswith("Equality Advisory and Support Service (EASS)")
    assert main.find("a", string="contact form")["href"] == "/contact/"
    assert "This statement was prepared on [Fill in: date]" in text


def test_the_cookies_page_lists_every_cookie_the_public_site_sets(migrated, client):
    """Use every part of the site that sets a cookie, as a reader would, and find each cookie's
    name on the page."""
    create_toolkit()
    page_text = main_of(client, "/cookies/").get_text(" ", strip=True)
    reader = Client(**HOST)
    from toolkit.sheets.models import DefinitionSheetPage, SectionPage
    from toolkit.tests.factories import DefinitionSheetPageFactory

    sheet = DefinitionSheetPageFactory(parent=SectionPage.objects.first(), title="Test sheet")
    assert isinstance(sheet, DefinitionSheetPage)
    origin = {"HTTP_ORIGIN": "http://toolkit.anytown.example"}  # the test client speaks plain HTTP
    set_cookies = set()
    for response in (
        reader.get("/contact/"),
        reader.get("/suggest/"),
        reader.post("/pack/add/", {"sheet": sheet.pk, "next": "/pack/"}, **origin),
        reader.get("/pack/"),
    ):
        set_cookies |= set(response.cookies)
    assert {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, "messages"} <= set_cookies
    for name in set_cookies:
        assert name in page_text, f"the cookie {name!r} is not on the cookies page"
    assert "wagtail_sidebar_collapsed" in page_text  # set by the admin's own script, for editors


@override_settings(SESSION_COOKIE_NAME="anytown_session", SESSION_COOKIE_AGE=7 * 86400)
def test_the_facts_come_from_the_settings_the_site_runs_with(migrated, client):
    create_toolkit()
    text = main_of(client, "/cookies/").get_text(" ", strip=True)
    assert "anytown_session remembers the sheets in your pack" in text
    assert "expires 7 days after your pack last changed" in text
    assert "sessionid" not in text


def test_a_second_run_keeps_the_pages_and_the_editors_changes_and_remakes_a_deleted_one(migrated):
    create_toolkit()
    privacy = StandardPage.objects.get(slug="privacy")
    privacy.intro = "Anytown's own words."
    privacy.save_revision().publish()
    Page.objects.get(slug="cookies").delete()
    said = create_toolkit()
    assert "standard page: 1 created, 3 already there" in said
    assert StandardPage.objects.get(slug="privacy").intro == "Anytown's own words."
    assert StandardPage.objects.filter(slug__in=LEGAL).count() == 3
    assert create_toolkit().strip() == "The toolkit is already set up: nothing changed."


def test_a_misspelt_fact_in_a_text_is_an_error_not_a_dollar_sign_on_the_page():
    with pytest.raises(KeyError):
        fill_in("Kept for $purge_dayz days.", {"purge_days": 90})
    assert fill_in("Costs $$5; kept $purge_days days.", {"purge_days": 90}) == "Costs $5; kept 90 days."
