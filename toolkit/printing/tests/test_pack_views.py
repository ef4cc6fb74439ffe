"""The reader's print pack: adding from anywhere, limits, reordering, naming, and bad input."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from toolkit.printing.pack import MAX_SHEETS
from toolkit.printing.views import SESSION_KEY
from toolkit.tests import factories as f

pytestmark = pytest.mark.django_db

PACK = "/pack/"
SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}  # as a browser sends with every form POST


def add(client, *sheets, next_url=None):
    data = {"sheet": [str(getattr(sheet, "pk", sheet)) for sheet in sheets]}
    if next_url:
        data["next"] = next_url
    return client.post("/pack/add/", data, **SAME_ORIGIN)


def change(client, action, sheet=None):
    return client.post("/pack/change/", {"action": action, "sheet": getattr(sheet, "pk", sheet) or ""})


def pack_titles(client):
    page = BeautifulSoup(client.get(PACK).content, "html.parser")
    return [a.get_text(strip=True) for a in page.select(".pack-list__title")]


def error_of(response):
    return " ".join(
        BeautifulSoup(response.content, "html.parser").select_one("#error-summary").get_text().split()
    )


def test_sheets_and_ready_made_packs_have_add_to_pack_buttons(client, site):
    # Listings of sheet cards (sections, topics, routes) leave it to the sheets (#17).
    for url in (site.definition.url, site.print_pack.url):
        page = BeautifulSoup(client.get(url).content, "html.parser")
        forms = page.select("form.pack-add")
        assert forms, url
        for form in forms:
            assert form["method"] == "post" and form["action"] == "/pack/add/"
            assert form.select_one("input[name=next]")["value"] == url
            assert form.select_one("button").get("aria-label", "").startswith("Add to pack: ")


def test_cards_in_listings_and_search_results_have_no_add_to_pack_button(client, site):
    """Ten "Add to pack" buttons on one route was furniture (#17): a card leads to its sheet."""
    listings = [site.home.url, site.section.url, "/topics/neighbourhood-plan/", site.pathway.url]
    for url in listings + ["/search/?q=neighbourhood", site.print_pack.get_parent().url]:
        page = BeautifulSoup(client.get(url).content, "html.parser")
        assert page.select(".card"), url  # there are cards, and none has the button
        assert not page.select("form.pack-add"), url


def test_the_buttons_leave_listing_pages_shareable_by_the_page_cache(client, site):
    """No per-reader CSRF token or cookie on a listing, so the anonymous page cache can keep it."""
    for url in (site.section.url, site.definition.url):
        response = client.get(url)
        assert not response.cookies, url
        assert b"csrfmiddlewaretoken" not in response.content, url


def test_adding_goes_back_to_the_page_with_a_confirmation(client, site):
    response = add(client, site.definition, next_url=site.section.url)
    assert response.status_code == 302 and response["Location"] == site.section.url
    page = BeautifulSoup(client.get(site.section.url).content, "html.parser")
    status = page.select_one("main .messages[role=status]")
    assert "“Neighbourhood Plan” is now in your pack (1 sheet)." in status.get_text()
    assert status.select_one("a")["href"] == PACK
    add(client, site.definition, next_url=site.section.url)
    again = BeautifulSoup(client.get(site.section.url).content, "html.parser")
    assert "was already in your pack (1 sheet)" in again.select_one(".messages").get_text()


def test_a_sheet_already_in_the_pack_says_so_instead_of_offering_to_add_it(client, site):
    def actions(sheet):
        response = client.get(sheet.url)
        return response, BeautifulSoup(response.content, "html.parser").select_one(".sheet-actions")

    response, before = actions(site.definition)
    assert before.select_one("form.pack-add") and not response.cookies, "no session is started to find out"
    add(client, site.definition)
    _, after = actions(site.definition)
    assert not after.select("form.pack-add")
    assert after.find("a", string="In your pack")["href"] == PACK
    _, other = actions(site.method)
    assert other.select_one("form.pack-add"), "other sheets still offer it"


def test_the_pack_is_kept_in_the_session_in_the_order_added(client, site):
    add(client, site.method)
    add(client, site.definition)
    assert pack_titles(client) == ["Run a community survey", "Neighbourhood Plan"]
    assert client.session[SESSION_KEY]["sheets"] == [site.method.pk, site.definition.pk]
    assert pack_titles(Client()) == [], "another reader has their own pack"


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", ""])
def test_adding_never_redirects_off_the_site(client, site, next_url):
    response = add(client, site.definition, next_url=next_url)
    assert response.status_code == 302 and response["Location"] == PACK


@pytest.mark.parametrize(
    "value", ["999999", "abc", "-1", "1.5", "", "1" * 40, "²", "١"]
)  # "²": isdigit, not int (a 500)
def test_unknown_sheets_are_refused_with_a_message(client, site, value):
    response = client.post("/pack/add/", {"sheet": value}, **SAME_ORIGIN)
    assert response.status_code == 400
    assert "does not exist or is not published" in error_of(response)
    assert pack_titles(client) == []


def test_unpublished_sheets_and_other_pages_are_refused(client, site):
    site.other_definition.unpublish()
    for page in (site.other_definition, site.about, site.section):
        response = add(client, page)
        assert response.status_code == 400, page
    response = add(client, site.definition, site.other_definition)
    assert response.status_code == 400, "all or nothing"
    assert pack_titles(client) == []


def test_a_missing_sheet_is_refused(client, site):
    assert client.post("/pack/add/", {}, **SAME_ORIGIN).status_code == 400


def test_a_pack_holds_at_most_60_sheets(client, site):
    sheets = [
        f.DefinitionSheetPageFactory(
            parent=site.other_section, title=f"Sheet {n}", slug=f"sheet-{n}", body=[]
        )
        for n in range(MAX_SHEETS)
    ]
    assert add(client, *sheets[:-1]).status_code == 302
    response = add(client, sheets[-1], site.definition)
    assert response.status_code == 400
    assert "Your pack holds at most 60 sheets. There is room for 1 more" in error_of(response)
    assert add(client, sheets[-1]).status_code == 302
    response = add(client, site.definition)
    assert response.status_code == 400
    assert "Remove some sheets before you add more." in error_of(response)
    assert len(pack_titles(client)) == MAX_SHEETS


def test_ready_made_packs_can_be_added_whole(client, site):
    response = client.get(site.print_pack.url)
    page = BeautifulSoup(response.content, "html.parser")
    form = page.select_one(".pack-download form")
    ids = [field["value"] for field in form.select("input[name=sheet]")]
    assert ids == [str(site.definition.pk), str(site.method.pk)]
    client.post(
        form["action"], {"sheet": ids, "next": form.select_one("input[name=next]")["value"]}, **SAME_ORIGIN
    )
    assert pack_titles(client) == ["Neighbourhood Plan", "Run a community survey"]


def test_reordering_and_removing(client, site):
    add(client, site.definition, site.method, site.other_definition)
    response = change(client, "down", site.definition)
    assert response.status_code == 302 and response["Location"] == f"{PACK}#pack-sheet-{site.definition.pk}"
    assert pack_titles(client) == ["Run a community survey", "Neighbourhood Plan", "Neighbourhood Forum"]
    change(client, "up", site.other_definition)
    assert pack_titles(client) == ["Run a community survey", "Neighbourhood Forum", "Neighbourhood Plan"]
    change(client, "remove", site.method)
    assert pack_titles(client) == ["Neighbourhood Forum", "Neighbourhood Plan"]
    change(client, "clear")
    assert pack_titles(client) == []


def test_the_pack_page_offers_each_move_that_is_possible(client, site):
    add(client, site.definition, site.method)
    page = BeautifulSoup(client.get(PACK).content, "html.parser")
    first, last = page.select(".pack-list__item")
    assert first.select_one("button[value=up]").has_attr("disabled")
    assert not first.select_one("button[value=down]").has_attr("disabled")
    assert last.select_one("button[value=down]").has_attr("disabled")
    assert first.select_one("button[value=remove]")["aria-label"] == "Remove: Neighbourhood Plan"


@pytest.mark.parametrize(
    ("action", "sheet", "message"),
    [
        ("explode", 1, "not one we know how to make"),
        ("up", "first", "cannot move further"),
        ("down", "999999", "not in your pack"),
        ("remove", "abc", "not in your pack"),
        ("remove", "²", "not in your pack"),  # str.isdigit() says yes, int() said ValueError (a 500)
    ],
)
def test_impossible_changes_are_refused(client, site, action, sheet, message):
    add(client, site.definition, site.method)
    sheet = site.definition.pk if sheet == "first" else sheet
    response = change(client, action, sheet)
    assert response.status_code == 400
    assert message in error_of(response)
    assert pack_titles(client) == ["Neighbourhood Plan", "Run a community survey"]


def test_naming_the_pack(client, site):
    add(client, site.definition)
    response = client.post("/pack/title/", {"title": "  Notes for the\nMarch meeting "})
    assert response.status_code == 302
    page = BeautifulSoup(client.get(PACK).content, "html.parser")
    assert page.select_one("input[name=title]")["value"] == "Notes for the March meeting"
    assert "Your pack is now called “Notes for the March meeting”." in page.select_one(".messages").get_text()
    client.post("/pack/title/", {"title": ""})
    assert client.session[SESSION_KEY]["title"] == "Selected sheets"


def test_an_overlong_title_is_refused_with_a_message(client, site):
    add(client, site.definition)
    response = client.post("/pack/title/", {"title": "x" * 101})
    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    assert "Keep the title to 100 characters or fewer." in page.select_one(".field__error").get_text()
    assert client.session[SESSION_KEY]["title"] == "Selected sheets"


def test_sheets_unpublished_after_adding_leave_the_pack_with_a_notice(client, site):
    add(client, site.definition, site.method)
    site.method.unpublish()
    page = BeautifulSoup(client.get(PACK).content, "html.parser")
    assert (
        "1 sheet has left your pack because it is no longer published."
        in page.select_one(".notice").get_text()
    )
    assert [a.get_text(strip=True) for a in page.select(".pack-list__title")] == ["Neighbourhood Plan"]
    assert client.session[SESSION_KEY]["sheets"] == [site.definition.pk]


def test_the_pack_page_changes_need_a_csrf_token(site):
    client = Client(enforce_csrf_checks=True)
    for url, data in (("/pack/change/", {"action": "clear"}), ("/pack/title/", {"title": "x"})):
        assert client.post(url, data, **SAME_ORIGIN).status_code == 403, url


@pytest.mark.parametrize(
    "headers",
    [
        {},  # no Origin, no Referer
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/page/"},
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "http://testserver"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
    ],
)
def test_adding_from_another_site_is_refused(site, headers):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/pack/add/", {"sheet": site.definition.pk}, **headers)
    assert response.status_code == 403
    assert "The request did not come from a page of this site" in response.content.decode()
    assert SESSION_KEY not in client.session


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "http://testserver"},
        {"HTTP_REFERER": "http://testserver/search/?q=plan"},
        {"HTTP_SEC_FETCH_SITE": "same-origin"},
    ],
)
def test_adding_from_this_site_needs_no_token(site, headers):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/pack/add/", {"sheet": site.definition.pk}, **headers).status_code == 302
    assert client.session[SESSION_KEY]["sheets"] == [site.definition.pk]


def test_changes_only_answer_post(client, site):
    for url in ("/pack/add/", "/pack/change/", "/pack/title/"):
        assert client.get(url).status_code == 405, url
    assert client.post(PACK).status_code == 405


def test_the_pack_page_asks_the_database_the_same_number_of_times_however_big_the_pack(client, site):
    add(client, site.definition, site.method)
    client.get(PACK)
    with CaptureQueriesContext(connection) as small:
        assert client.get(PACK).status_code == 200
    more = [f.MethodSheetPageFactory(parent=site.other_section, title=f"More {n}") for n in range(8)]
    add(client, *more)
    client.get(PACK)
    with CaptureQueriesContext(connection) as big:
        assert client.get(PACK).status_code == 200
    assert len(big) == len(small), [q["sql"] for q in big]
