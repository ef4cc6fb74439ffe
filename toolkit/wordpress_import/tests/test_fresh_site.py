"""Going live from WordPress: ``migrate``, ``create_toolkit``, then ``import_wordpress``, as a council would."""

import io

import pytest
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from toolkit.sheets.models import SectionPage, SheetPage
from toolkit.wordpress_import.models import ImportedItem

from .conftest import THEME_DATA, THEME_SOURCE, snapshot, wxr

pytestmark = pytest.mark.django_db


@pytest.fixture
def fresh_toolkit(migrated):
    call_command(
        "create_toolkit",
        "--name",
        "Our Toolkit",
        "--address",
        "https://toolkit.example.org",
        stdout=io.StringIO(),
    )


def import_wordpress(path):
    out = io.StringIO()
    call_command("import_wordpress", str(path), "--no-progress", stdout=out)
    return out.getvalue()


def test_the_shared_export_imports_into_a_new_toolkit_and_a_second_run_changes_nothing(fresh_toolkit, client):
    import_wordpress(THEME_DATA)  # a failed item would raise CommandError (exit status 1)
    records = ImportedItem.objects.filter(source=THEME_SOURCE, kind__in=("post", "page"), page__isnull=False)
    assert records.count() == 79
    sections = set(SectionPage.objects.values_list("slug", flat=True))
    assert {"neighbourhood-planning", "classic", "block"} <= sections, "standard and imported sections"
    sheet = SheetPage.objects.get(slug="template-excerpt-defined")
    assert client.get(sheet.url).status_code == 200
    old = client.get("/2012/03/15/template-excerpt-defined/")
    assert (old.status_code, old["Location"]) == (301, sheet.url)
    before = snapshot()
    pages = Page.objects.count()
    import_wordpress(THEME_DATA)
    assert snapshot() == before and Page.objects.count() == pages


ID_LESS_ITEMS = """
<item><title>Keeping bees in the park</title><link>https://old.example/keeping-bees/</link>
 <guid isPermaLink="false">https://old.example/?p=42</guid>
 <content:encoded><![CDATA[<p>How the park's beehives came about.</p>]]></content:encoded>
 <wp:post_name>keeping-bees</wp:post_name><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
 <wp:post_date>2021-04-01 10:00:00</wp:post_date></item>
<item><title>A walk round the market</title><link>https://old.example/2021/05/market-walk/</link>
 <guid isPermaLink="false">urn:uuid:6f1c2a44-0d57-4c6e-9a53-2b7d21c1e9aa</guid>
 <content:encoded><![CDATA[<p>A route for visitors.</p>]]></content:encoded>
 <wp:post_name>market-walk</wp:post_name><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
 <wp:post_date>2021-05-01 10:00:00</wp:post_date></item>
<item><title>Opening hours</title><link>https://old.example/opening-hours/</link>
 <content:encoded><![CDATA[<p>When the hall is open.</p>]]></content:encoded>
 <wp:post_name>opening-hours</wp:post_name><wp:post_type>page</wp:post_type><wp:status>publish</wp:status></item>
"""


def test_an_export_without_post_ids_imports_by_guid_and_link_and_re_runs_idempotently(
    fresh_toolkit, client, tmp_path
):
    path = tmp_path / "no-ids.xml"
    path.write_bytes(wxr("https://old.example", ID_LESS_ITEMS))
    import_wordpress(path)
    bees = SheetPage.objects.get(slug="keeping-bees")
    market = SheetPage.objects.get(slug="market-walk")
    hours = Page.objects.get(slug="opening-hours")
    assert hours.live and hours.url == "/opening-hours/", "the same address as on WordPress"
    assert client.get(bees.url).status_code == 200 and client.get(hours.url).status_code == 200
    for old_path, page in (
        ("/?p=42", bees),  # the id its guid gave
        ("/keeping-bees/", bees),
        ("/2021/05/market-walk/", market),
    ):
        response = client.get(old_path)
        assert (response.status_code, response.get("Location")) == (301, page.url), old_path
    keys = sorted(ImportedItem.objects.filter(kind__in=("post", "page")).values_list("key", flat=True))
    assert keys[-1] == "42" and len(keys) == 3
    counts = (Page.objects.count(), Redirect.objects.count(), ImportedItem.objects.count())
    said = import_wordpress(path)
    assert (Page.objects.count(), Redirect.objects.count(), ImportedItem.objects.count()) == counts
    assert "posts: 2 unchanged" in said and "pages: 1 unchanged" in said
