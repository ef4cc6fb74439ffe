"""One word for the reader's pack (#17). "Your pack" is the reader's own set of sheets and
"ready-made packs" are the editors' booklets; the public pages no longer also say "print pack" and
"my pack", which readers took for a third thing."""

import re

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

ORIGIN = {"HTTP_ORIGIN": "http://testserver"}
OLD_WORDS = re.compile(r"print packs?|my pack", re.IGNORECASE)


def main_of(response, status=200):
    assert response.status_code == status
    return BeautifulSoup(response.content, "html.parser").select_one("main")


def text(main):
    return main.get_text(" ", strip=True)


def test_the_public_pack_pages_say_your_pack_and_ready_made_packs(client, site):
    empty = main_of(client.get("/pack/"))
    refused = main_of(client.post("/pack/add/", {"sheet": site.definition.pk}), status=403)
    client.post("/pack/add/", {"sheet": site.definition.pk, "next": site.definition.url}, **ORIGIN)
    sheet = main_of(client.get(site.definition.url))
    pack = main_of(client.get("/pack/"))
    ready_made = main_of(client.get(site.print_pack.url))
    index = main_of(client.get(site.print_pack.get_parent().url))
    index.h1.decompose()  # the index page's title is the editors' to choose
    pages = {
        "empty": empty,
        "refused": refused,
        "sheet": sheet,
        "pack": pack,
        "ready": ready_made,
        "index": index,
    }
    for name, main in pages.items():
        assert not OLD_WORDS.search(text(main)), f"{name}: {OLD_WORDS.search(text(main))[0]!r}"

    assert empty.h1.get_text() == pack.h1.get_text() == "Your pack"
    assert "is now in your pack (1 sheet). See your pack" in text(sheet)
    assert sheet.find("a", string="In your pack")["href"] == "/pack/"
    assert pack.find("h2", string="Ready-made packs") and pack.find("button", string="Empty your pack")
    assert "Ready-made pack" in ready_made.h1.get_text()
    assert ready_made.find("button", string="Add all 2 sheets to your pack")
    assert index.find("a", string="your pack")["href"] == "/pack/"
    assert "sorry, we could not add that to your pack" in text(refused).lower()
