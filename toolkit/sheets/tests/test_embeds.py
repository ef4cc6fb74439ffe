"""Video embeds: a player when one was fetched, a plain link and transcript when not, never an error."""

import pytest
from bs4 import BeautifulSoup
from wagtail.embeds.models import Embed

from toolkit.tests import factories as f

pytestmark = pytest.mark.django_db
VIDEO = "https://www.youtube.com/watch?v=abc123"


@pytest.fixture
def sheet_with_video(site):
    body = [
        ("heading", "Watch"),
        ("embed", {"url": VIDEO, "title": "Planning explained", "transcript": "First we talk about plans."}),
    ]
    return f.DefinitionSheetPageFactory(parent=site.section, title="Video sheet", body=body)


def test_unreachable_provider_gives_a_link_and_transcript(client, sheet_with_video):
    sheet_with_video.save_revision().publish()  # tries to fetch; the network is closed in tests
    response = client.get(sheet_with_video.url)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    figure = page.select_one(".media-embed")
    assert figure.select_one("a")["href"] == VIDEO
    assert "Watch “Planning explained”" in figure.get_text()
    assert "First we talk about plans." in figure.select_one("details").get_text()
    assert not figure.select_one("iframe")


def test_stored_player_is_shown_with_the_link(client, sheet_with_video):
    from wagtail.embeds.embeds import get_embed_hash

    Embed.objects.create(
        url=VIDEO,
        hash=get_embed_hash(VIDEO),
        html='<iframe title="Planning explained" src="https://www.youtube.com/embed/abc123"></iframe>',
        type="video",
        provider_name="YouTube",
    )
    page = BeautifulSoup(client.get(sheet_with_video.url).content, "html.parser")
    assert page.select_one(".media-embed__player iframe")["src"].endswith("abc123")
    assert "Open “Planning explained” on its own site" in page.select_one(".media-embed").get_text()
