"""Every public kind of page is valid HTML, as the Nu HTML Checker (vnu.jar) sees it.

The pages are fetched with the test client, saved as files and checked in one run of the checker
(it starts a Java VM, so once is plenty). Warnings are allowed; errors are not.
"""

from toolkit.tests.html_checker import check_folder

PAGES = {
    "home": lambda s: s.home.url,
    "section": lambda s: s.section.url,
    "other-section": lambda s: s.other_section.url,
    "topic-index": lambda s: s.topic_index.url,
    "topic": lambda s: "/topics/neighbourhood-plan/",
    "pathway-index": lambda s: s.pathway.get_parent().url,
    "pathway": lambda s: s.pathway.url,
    "definition": lambda s: s.definition.url,
    "method": lambda s: s.method.url,
    "glossary": lambda s: s.glossary.url,
    "search": lambda s: "/search/?q=plan",
    "search-no-results": lambda s: "/search/?q=xylophone",
    "search-filtered": lambda s: "/search/?q=neighbourhood&kind=definition&topic=nope",
    "search-typo": lambda s: "/search/?q=neighbourhod",
    "a-to-z": lambda s: "/a-z/",
    "directory": lambda s: s.directory.url,
    "about": lambda s: s.about.url,
    "contact": lambda s: s.contact.url,
    "print-view": lambda s: s.definition.url + "print/",
    "email-sheet": lambda s: s.definition.url + "email/",
    "pack-empty": lambda s: "/pack/",
    "print-packs": lambda s: s.print_pack.get_parent().url,
    "print-pack": lambda s: s.print_pack.url,
}


def save(folder, name, response, status=200):
    assert response.status_code == status, f"{name}: {response.status_code}"
    assert response["Content-Type"].startswith("text/html"), name
    (folder / f"{name}.html").write_bytes(response.content)


def test_public_pages_are_valid_html(client, site, tmp_path):
    for name, path_of in PAGES.items():
        save(tmp_path, name, client.get(path_of(site)))
    # The contact form sent empty, so it comes back with its error messages.
    save(tmp_path, "contact-errors", client.post(site.contact.url, {}))
    save(tmp_path, "not-found", client.get("/no-such-page/"), status=404)
    # Printing: the email form sent empty, and the print pack with sheets in it.
    save(tmp_path, "email-errors", client.post(site.definition.url + "email/", {}), status=400)
    client.post(
        "/pack/add/", {"sheet": [site.definition.pk, site.method.pk]}, HTTP_ORIGIN="http://testserver"
    )
    save(tmp_path, "pack", client.get("/pack/"))
    assert len(list(tmp_path.glob("*.html"))) == len(PAGES) + 4

    returncode, output = check_folder(tmp_path)
    assert returncode == 0, f"The Nu HTML Checker found errors:\n{output}"
    assert "Error:" not in output, output
