"""The Glossary page (A-Z), the Term snippet's rules, its admin screens and the demo glossary."""

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse

from toolkit.demo.loader import CONTENT_DIR, DemoContentError, DemoLoader
from toolkit.glossary.glossary import current_glossary
from toolkit.glossary.models import GlossaryPage, Term
from toolkit.provision.builder import Report
from toolkit.tests import factories as f

pytestmark = pytest.mark.django_db


def glossary_soup(client, site):
    response = client.get(site.glossary.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_glossary_lists_every_entry_a_to_z_with_anchors(client, site):
    soup = glossary_soup(client, site)
    assert site.glossary.url == "/glossary/"
    assert soup.h1.get_text() == "Glossary"
    entries = soup.select(".glossary-entry")
    terms = [entry.select_one("dt").get_text() for entry in entries]
    # Two Terms, and two Definition Sheets that no Term names (so each is an entry of its own).
    assert terms == ["Neighbourhood Forum", "Neighbourhood plan", "Parish council", "Referendum"]
    assert [entry["id"] for entry in entries] == [
        "term-neighbourhood-forum",
        "term-neighbourhood-plan",
        "term-parish-council",
        "term-referendum",
    ]
    council = soup.select_one("#term-parish-council")
    assert (
        council.select_one(".glossary-entry__definition").get_text() == "The elected council closest to you."
    )
    assert "Also called: town council" in council.get_text()
    plan = soup.select_one("#term-neighbourhood-plan")
    assert "Also called: NDP, neighbourhood development plan" in plan.get_text()
    assert plan.select_one(".glossary-entry__sheet a")["href"] == site.definition.url
    referendum = soup.select_one("#term-referendum")
    assert (
        referendum.select_one(".glossary-entry__sheet a").get_text() == "Read the sheet: Neighbourhood Plan"
    )


def test_letter_navigation_links_only_letters_with_terms(client, site):
    soup = glossary_soup(client, site)
    nav = soup.select_one("nav.letter-nav")
    letters = [li.get_text(" ", strip=True)[0] for li in nav.select("li")]
    assert letters == [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    linked = {a.get_text(): a["href"] for a in nav.select("a")}
    assert linked == {"N": "#letter-n", "P": "#letter-p", "R": "#letter-r"}
    for href in linked.values():
        assert soup.select_one(href).name == "h2"


def test_a_term_and_its_definition_sheet_make_one_entry(client, site):
    f.TermFactory(term="Neighbourhood forum", definition="A group that plans for its area.")
    soup = glossary_soup(client, site)
    forum = [dt for dt in soup.select(".glossary-entry dt") if dt.get_text().lower() == "neighbourhood forum"]
    assert len(forum) == 1
    entry = soup.select_one("#term-neighbourhood-forum")
    assert "A group that plans for its area." in entry.get_text()
    assert entry.select_one(".glossary-entry__sheet a")["href"] == site.other_definition.url


def test_related_terms_link_to_their_anchors(client, site):
    council = Term.objects.get(term="Parish council")
    council.related.set([Term.objects.get(term="Referendum")])
    soup = glossary_soup(client, site)
    related = soup.select_one("#term-parish-council .glossary-entry__related a")
    assert related["href"] == "#term-referendum"
    assert soup.select_one(related["href"])


def test_glossary_is_in_the_menu_and_only_one_can_exist(client, site):
    page = BeautifulSoup(client.get(site.home.url).content, "html.parser")
    assert "Glossary" in [a.get_text() for a in page.select("nav[aria-label=Main] a")]
    assert not GlossaryPage.can_create_at(site.home)


def test_a_definition_is_at_most_forty_words():
    term = Term(term="Wordy", definition="word " * 41)
    with pytest.raises(ValidationError, match="40 words or fewer"):
        term.full_clean()
    Term(term="Brief", definition="word " * 40).full_clean()


def test_terms_are_unique_whatever_their_case(site):
    with pytest.raises(ValidationError, match="already a term"):
        Term(term="PARISH COUNCIL", definition="Again.").full_clean()


def test_a_slug_is_made_from_the_term(site):
    term = f.TermFactory(term="Community Right to Bid", slug="")
    assert term.slug == "community-right-to-bid"


def test_admin_lists_adds_and_refuses_a_long_definition(editor_client, site):
    list_url = reverse("wagtailsnippets_glossary_term:list")
    assert editor_client.get(list_url).status_code == 200
    add_url = reverse("wagtailsnippets_glossary_term:add")
    form = editor_client.get(add_url)
    assert form.status_code == 200
    for field in ("term", "aliases", "definition", "sheet", "related", "link_automatically", "not_linked"):
        assert f'name="{field}"' in form.content.decode(), field
    data = {"term": "Precept", "slug": "", "definition": "word " * 41, "aliases": "", "other_forms": ""}
    response = editor_client.post(add_url, data | {"link_automatically": "on"})
    assert response.status_code == 200
    assert "40 words or fewer" in response.content.decode()
    assert not Term.objects.filter(term="Precept").exists()
    data |= {"definition": "The part of council tax a parish council asks for.", "sheet": site.definition.pk}
    response = editor_client.post(add_url, data | {"link_automatically": "on"})
    assert response.status_code == 302
    precept = Term.objects.get(term="Precept")
    assert precept.slug == "precept" and precept.sheet_id == site.definition.pk
    edit = editor_client.get(reverse("wagtailsnippets_glossary_term:edit", args=(precept.pk,)))
    assert edit.status_code == 200
    assert any(entry.term == "Precept" for entry in current_glossary().entries)


def test_sheets_have_the_linking_switch_in_their_settings(editor_client, site):
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=(site.definition.pk,))).content.decode()
    assert 'name="link_glossary_terms"' in html


# The demo glossary, loaded by toolkit/demo/loader.py.


def write_content(folder, glossary_rows):
    (folder / "sheets").mkdir()
    (folder / "site.yaml").write_text("{}", encoding="utf-8")
    (folder / "organisations.yaml").write_text("[]", encoding="utf-8")
    (folder / "glossary.yaml").write_text(yaml.safe_dump(glossary_rows), encoding="utf-8")


def test_the_demo_glossary_has_enough_terms_each_short_enough():
    rows = yaml.safe_load((Path(CONTENT_DIR) / "glossary.yaml").read_text(encoding="utf-8"))
    assert len(rows) >= 60
    assert len({row["term"].lower() for row in rows}) == len(rows)
    for row in rows:
        assert len(row["definition"].split()) <= 40, row["term"]


def test_loader_adds_terms_once_with_their_sheets_and_related_terms(site, tmp_path):
    rows = [
        {"term": "Basic conditions", "aliases": [], "definition": "The tests a plan must pass.",
         "sheet": "neighbourhood-plan", "related": ["Examination"]},
        {"term": "Examination", "aliases": ["independent examination"], "definition": "A check of a plan.",
         "sheet": None, "related": ["Basic conditions", "Not in the file"], "not_linked": ["Examination"],
         "other_forms": ["examinations in public"]},
    ]  # fmt: skip
    write_content(tmp_path, rows)
    loader = DemoLoader(content_dir=tmp_path)
    loader.glossary()
    basic = Term.objects.get(term="Basic conditions")
    assert basic.sheet_id == site.definition.pk
    assert [t.term for t in basic.related.all()] == ["Examination"]
    examination = Term.objects.get(term="Examination")
    assert examination.aliases == "independent examination" and examination.not_linked == "Examination"
    assert examination.other_forms == "examinations in public"
    assert loader.report.created == {"glossary term": 2}
    again = DemoLoader(content_dir=tmp_path)
    again.report = Report()
    again.glossary()
    assert again.report.created == {} and again.report.kept["glossary term"] == 2
    assert Term.objects.filter(term__in=["Basic conditions", "Examination"]).count() == 2


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ({"term": "Too long", "definition": "word " * 41, "sheet": None}, "40 words"),
        ({"term": "No sheet", "definition": "Short.", "sheet": "no-such-sheet"}, "no-such-sheet"),
        ({"definition": "No term."}, "term"),
    ],
)
def test_loader_names_the_bad_row(site, tmp_path, row, problem):
    write_content(tmp_path, [row])
    with pytest.raises(DemoContentError, match=problem) as error:
        DemoLoader(content_dir=tmp_path).glossary()
    assert "glossary.yaml" in str(error.value)
    assert not Term.objects.exclude(term__in=["Parish council", "Referendum"]).exists()
