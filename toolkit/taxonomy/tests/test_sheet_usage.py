"""How many sheets use a topic or an audience, which ones, and what its delete pages say.

The test site's sheets are live; "meetings" is used by three of them and by one draft that was
never published, so it is used by 4 sheets (1 draft).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ReferenceIndex

from toolkit.sheets.models import SheetPage
from toolkit.taxonomy.models import Audience, Topic
from toolkit.tests import factories as f

pytestmark = pytest.mark.django_db


def topic_url(view, *args):
    return reverse(f"wagtailsnippets_taxonomy_topic:{view}", args=args)


@pytest.fixture
def meetings(site):
    topic = f.TopicFactory(name="meetings", slug="meetings")
    for sheet in (site.definition, site.method, site.other_definition):
        sheet.topics.add(topic)
        sheet.save_revision().publish()
    f.DefinitionSheetPageFactory(
        parent=site.section, title="Hold a public meeting", live=False, topics=[topic]
    )
    return topic


def html_of(response):
    assert response.status_code == 200
    return response.content.decode()


def row_of(html, title):
    """The listing row whose title is ``title``."""
    return html.split(f">{title}</span>")[1].split("</tr>")[0]


def test_wagtail_reference_index_does_not_see_ticked_topics(meetings):
    """Why these views count for themselves: Wagtail's index has no row for a ticked topic
    (wagtail/wagtail#9629). If this starts failing, Wagtail has learnt many-to-many fields."""
    assert ReferenceIndex.get_references_to(meetings).count() == 0
    assert meetings.sheets.count() == 4


def test_topic_listing_counts_the_sheets_using_each_topic(editor_client, meetings):
    f.TopicFactory(name="rats", slug="rats")
    html = html_of(editor_client.get(topic_url("list")))
    assert "Used by" in html
    row = row_of(html, "meetings")
    assert "4 sheets (1 draft)" in row
    assert f'href="{topic_url("sheets", meetings.pk)}"' in row
    assert "No sheets" in row_of(html, "rats")
    surveys = row_of(html, "surveys")
    assert "1 sheet" in surveys and "1 sheet (" not in surveys


def test_topic_listing_asks_the_same_number_of_queries_however_many_topics(editor_client, meetings):
    def queries_for_listing():
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(topic_url("list")).status_code == 200
        return len(queries)

    editor_client.get(topic_url("list"))  # the first request of a session sets it up
    few = queries_for_listing()
    for n in range(12):
        topic = f.TopicFactory(name=f"extra topic {n}")
        SheetPage.objects.get(pk=meetings.sheets.first().pk).topics.add(topic)
    many = queries_for_listing()
    assert Topic.objects.count() >= 15
    assert many == few


def test_topic_listing_sorts_and_searches_by_use(editor_client, meetings):
    f.TopicFactory(name="rats", slug="rats")
    html = html_of(editor_client.get(topic_url("list"), {"ordering": "-sheet_count"}))
    assert html.index(">meetings</span>") < html.index(">surveys</span>") < html.index(">rats</span>")
    found = html_of(editor_client.get(topic_url("list_results"), {"q": "meetings"}))
    assert "4 sheets (1 draft)" in found and "surveys" not in found


def test_a_change_not_yet_published_counts_once_it_is(editor_client, site, meetings):
    rats = f.TopicFactory(name="rats", slug="rats")
    draft = site.definition.get_latest_revision_as_object()
    draft.topics.add(rats)
    draft.save_revision()
    assert Topic.objects.get(pk=rats.pk).sheets.count() == 0
    SheetPage.objects.get(pk=site.definition.pk).get_latest_revision().publish()
    assert "1 sheet" in html_of(editor_client.get(topic_url("sheets", rats.pk)))


def test_usage_view_lists_each_sheet_linked_to_its_edit_page(editor_client, site, meetings):
    html = html_of(editor_client.get(topic_url("sheets", meetings.pk)))
    assert "Sheets using this" in html
    assert "Drafts count too" in html
    draft = SheetPage.objects.get(title="Hold a public meeting")
    for sheet in (site.definition, site.method, site.other_definition, draft):
        assert f'href="{reverse("wagtailadmin_pages:edit", args=[sheet.pk])}"' in html, sheet.title
    row = html.split("Hold a public meeting")[1].split("</tr>")[0]
    assert "Definition" in row and "Neighbourhood Planning" in row and "draft" in row
    method_row = html.split(site.method.title)[1].split("</tr>")[0]
    assert "Method" in method_row and "Tools and Techniques" in method_row and "live" in method_row
    other = f.TopicFactory(name="rats", slug="rats")
    assert "No sheet uses this topic." in html_of(editor_client.get(topic_url("sheets", other.pk)))


def test_usage_view_asks_the_same_number_of_queries_however_many_sheets(editor_client, site, meetings):
    def queries_for_usage():
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(topic_url("sheets", meetings.pk)).status_code == 200
        return len(queries)

    editor_client.get(topic_url("sheets", meetings.pk))
    few = queries_for_usage()
    for n in range(5):
        f.MethodSheetPageFactory(parent=site.other_section, title=f"Method sheet {n}", topics=[meetings])
    many = queries_for_usage()
    assert "Method sheet 4" in html_of(editor_client.get(topic_url("sheets", meetings.pk)))
    assert many == few


def test_edit_page_says_how_many_sheets_use_the_topic(editor_client, meetings):
    html = html_of(editor_client.get(topic_url("edit", meetings.pk)))
    assert "Used by 4 sheets (1 draft)" in html
    assert f'href="{topic_url("sheets", meetings.pk)}"' in html
    assert "Used 0 times" not in html


def test_delete_page_says_which_sheets_lose_the_topic(editor_client, site, meetings):
    html = html_of(editor_client.get(topic_url("delete", meetings.pk)))
    assert "This topic is used by 4 sheets (1 draft). Deleting the topic takes it off them" in html
    assert "referenced 0 times" not in html
    for title in (site.definition.title, site.method.title, "Hold a public meeting"):
        assert title in html
    assert "(Definition, Neighbourhood Planning, draft)" in html
    assert "See all" not in html  # all four are listed

    response = editor_client.post(topic_url("delete", meetings.pk))
    assert response.status_code == 302
    assert not Topic.objects.filter(pk=meetings.pk).exists()
    assert SheetPage.objects.filter(title="Hold a public meeting").exists()  # the sheets stay


def test_delete_page_lists_ten_sheets_and_links_to_the_rest(editor_client, site, meetings):
    for n in range(8):
        f.MethodSheetPageFactory(parent=site.other_section, title=f"Method sheet {n}", topics=[meetings])
    html = html_of(editor_client.get(topic_url("delete", meetings.pk)))
    assert "used by 12 sheets (1 draft)" in html
    assert html.count('href="/admin/pages/') >= 10
    assert f'href="{topic_url("sheets", meetings.pk)}">See all 12 sheets</a> (2 more)' in html


def test_delete_page_of_an_unused_topic_says_so(editor_client):
    rats = f.TopicFactory(name="rats", slug="rats")
    assert "No sheet uses this topic." in html_of(editor_client.get(topic_url("delete", rats.pk)))


def test_delete_page_names_organisations_using_the_topic_too(editor_client, site):
    html = html_of(editor_client.get(topic_url("delete", site.topic.pk)))
    assert "This topic is used by 3 sheets and 1 organisation." in html


def test_bulk_delete_confirmation_counts_sheets(editor_client, meetings):
    rats = f.TopicFactory(name="rats", slug="rats")
    url = reverse("wagtail_bulk_action", args=("taxonomy", "topic", "delete"))
    html = html_of(editor_client.get(url, {"id": [meetings.pk, rats.pk]}))
    meetings_item = html.split("meetings</a>")[1].split("</li>")[0]
    assert "referenced 4 times" in meetings_item
    assert "referenced 0 times" in html.split("rats</a>")[1].split("</li>")[0]


def test_audiences_count_their_sheets_too(editor_client, site):
    url = reverse("wagtailsnippets_taxonomy_audience:list")
    row = row_of(html_of(editor_client.get(url)), "People")
    assert "3 sheets" in row
    people = Audience.objects.get(slug="people")
    usage = html_of(editor_client.get(reverse("wagtailsnippets_taxonomy_audience:sheets", args=[people.pk])))
    assert site.method.title in usage
    edit = html_of(editor_client.get(reverse("wagtailsnippets_taxonomy_audience:edit", args=[people.pk])))
    assert "Used by 3 sheets" in edit
    delete = html_of(editor_client.get(reverse("wagtailsnippets_taxonomy_audience:delete", args=[people.pk])))
    assert "This audience is used by 3 sheets." in delete
    # Wagtail's index still sees the pathway for this audience, which prevents deleting it
    assert "referenced 1 time" in delete and "prevent it from being deleted" in delete
    assert "Yes, delete" not in delete
