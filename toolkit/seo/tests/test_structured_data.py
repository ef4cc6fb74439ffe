"""JSON-LD parses and has what each schema.org type needs; sharing tags and canonical addresses.

schema.org itself marks nothing as required, so REQUIRED below is what the consumers that read
these types ask for (Google's structured data guidelines for HowTo, BreadcrumbList and
Organization; the Schema.org DefinedTerm proposal's own examples for DefinedTerm and its set).
"""

import json

import pytest
from bs4 import BeautifulSoup

from toolkit.seo import structured_data as sd
from toolkit.tests import factories as f

pytestmark = pytest.mark.django_db

ROOT = "http://localhost"  # the test site's address
REQUIRED = {
    "Organization": {"name", "url"},
    "BreadcrumbList": {"itemListElement"},
    "ListItem": {"position", "name", "item"},
    "DefinedTerm": {"name", "description", "url"},
    "DefinedTermSet": {"name", "url"},
    "HowTo": {"name", "step"},
    "HowToStep": {"text", "position"},
}


def json_ld(client, url):
    """Every JSON-LD node on the page (the graph's members), after checking each has what it needs."""
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1, url
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    nodes = data["@graph"]
    for node in walk(nodes):
        missing = REQUIRED.get(node["@type"], set()) - set(node)
        assert not missing, f"{url}: {node['@type']} lacks {missing}"
    return {node["@type"]: node for node in nodes}, soup


def walk(value):
    """Every dict with a @type inside ``value``, however deep."""
    if isinstance(value, dict):
        if "@type" in value:
            yield value
        for item in value.values():
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)


def breadcrumb_names(nodes):
    items = nodes["BreadcrumbList"]["itemListElement"]
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    assert all(item["item"].startswith(ROOT) for item in items)
    return [item["name"] for item in items]


def test_definition_sheet_is_a_defined_term_in_the_glossarys_set(client, site):
    nodes, _ = json_ld(client, site.definition.url)
    term = nodes["DefinedTerm"]
    assert term["name"] == "Neighbourhood plan"
    assert term["description"] == site.definition.summary
    assert term["url"] == ROOT + site.definition.url
    assert term["alternateName"] == ["NDP", "neighbourhood development plan"]
    assert term["inDefinedTermSet"] == {
        "@type": "DefinedTermSet",
        "@id": ROOT + site.glossary.url,
        "name": "Glossary",
        "url": ROOT + site.glossary.url,
    }
    assert breadcrumb_names(nodes) == ["Home", "Neighbourhood Planning", "Neighbourhood Plan"]
    assert nodes["Organization"] == {
        "@type": "Organization",
        "@id": f"{ROOT}/#publisher",
        "name": "Community Planning Toolkit",
        "url": f"{ROOT}/",
    }


def test_method_sheet_is_a_how_to_with_its_steps_in_order(client, site):
    nodes, _ = json_ld(client, site.method.url)
    how_to = nodes["HowTo"]
    assert how_to["name"] == "Run a community survey"
    assert how_to["description"] == site.method.summary
    assert [(step["position"], step["name"], step["text"]) for step in how_to["step"]] == [
        (1, "Agree your questions", "How to agree your questions."),
        (2, "Test the form", "How to test the form."),
        (3, "Share the results", "How to share the results."),
    ]
    assert how_to["publisher"] == {"@id": f"{ROOT}/#publisher"}
    assert "DefinedTerm" not in nodes


def test_glossary_page_is_a_defined_term_set_of_every_entry(client, site):
    nodes, soup = json_ld(client, site.glossary.url)
    term_set = nodes["DefinedTermSet"]
    terms = {term["name"]: term for term in term_set["hasDefinedTerm"]}
    assert set(terms) == {"Neighbourhood Forum", "Neighbourhood plan", "Parish council", "Referendum"}
    council = terms["Parish council"]
    assert council["url"] == f"{ROOT}{site.glossary.url}#term-parish-council"
    assert council["description"] == "The elected council closest to you."
    assert council["alternateName"] == ["town council"]
    for term in terms.values():  # every term's address is an anchor on the page
        assert soup.select_one("#" + term["url"].split("#")[1])
    assert breadcrumb_names(nodes) == ["Home", "Glossary"]


def test_breadcrumbs_wherever_the_page_shows_them_and_not_on_the_home_page(client, site):
    nodes, _ = json_ld(client, site.home.url)
    assert set(nodes) == {"Organization"}
    nodes, _ = json_ld(client, "/topics/neighbourhood-plan/")
    assert breadcrumb_names(nodes) == ["Home", "Topics", "Neighbourhood plan"]
    nodes, _ = json_ld(client, site.pathway.url)
    assert breadcrumb_names(nodes) == ["Home", "Get started", "People"]


def test_json_ld_cannot_be_broken_out_of(client, site):
    nasty = 'A sheet about </script><script>alert("x")</script> & <!-- things -->'
    sheet = f.DefinitionSheetPageFactory(parent=site.section, title="Nasty", term=nasty, summary=nasty)
    sheet.save_revision().publish()
    response = client.get(sheet.url)
    html = response.content.decode()
    assert '<script>alert("x")' not in html
    nodes, _ = json_ld(client, sheet.url)
    assert nodes["DefinedTerm"]["name"] == nasty  # the text survives, escaped only for the script


def test_to_script_json_escapes_like_json_script():
    text = sd.to_script_json([{"@type": "Thing", "name": "</script>&<!--"}])
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["@graph"][0]["name"] == "</script>&<!--"
    assert sd.breadcrumb_list([]) is None


def test_sharing_tags_canonical_and_description_come_from_the_sheet(client, site):
    soup = BeautifulSoup(client.get(site.definition.url).content, "html.parser")

    def meta(**attrs):
        return soup.find("meta", attrs=attrs)["content"]

    canonical = ROOT + site.definition.url
    assert soup.find("link", rel="canonical")["href"] == canonical
    assert meta(name="description") == site.definition.summary
    assert meta(property="og:type") == "article"
    assert meta(property="og:title") == "Neighbourhood Plan"
    assert meta(property="og:description") == site.definition.summary
    assert meta(property="og:url") == canonical
    assert meta(property="og:site_name") == "Community Planning Toolkit"
    assert meta(name="twitter:card") == "summary"
    assert meta(name="twitter:description") == site.definition.summary


def test_topic_pages_have_their_own_title_canonical_and_feed(client, site):
    soup = BeautifulSoup(client.get("/topics/neighbourhood-plan/").content, "html.parser")
    assert soup.find("link", rel="canonical")["href"] == f"{ROOT}/topics/neighbourhood-plan/"
    assert soup.find("meta", property="og:title")["content"] == "Neighbourhood plan"
    feeds = {link["href"] for link in soup.find_all("link", rel="alternate", type="application/atom+xml")}
    assert feeds == {"/feeds/sheets/", "/feeds/topics/neighbourhood-plan/"}
