"""The production stack of deploy/, started for real on loopback: nginx, Varnish, gunicorn and
the task worker, with production settings (and Redis on a PostgreSQL run)."""

import json
import time

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from toolkit.tests.servers import SHEET_PATH, WebClient, python_in_django, wait_for

EDITOR = ("stack-editor", "a long stack editor password")
MAKE_EDITOR = f"""
from django.contrib.auth import get_user_model
get_user_model().objects.create_superuser({EDITOR[0]!r}, "editor@example.org", {EDITOR[1]!r})
"""
SHEET_ID = 'from wagtail.models import Page; print(Page.objects.get(slug="neighbourhood-plan").pk)'
SHEET_PARTS = """
import json
from toolkit.sheets.models import SheetPage
sheet = SheetPage.objects.get(slug="neighbourhood-plan")
topics = list(sheet.topics.order_by("pk"))
fewest = min(topics, key=lambda topic: topic.sheets.count())
print(json.dumps([sheet.pk, [t.pk for t in topics], [a.pk for a in sheet.audiences.all()], fewest.slug]))
"""


def reader(stack):
    return WebClient(stack.url)


def edit_form(title, topics, audiences):
    """What the admin's edit form posts for the template's sheet, as a browser with JavaScript does."""
    form = nested_form_data(
        {
            "title": title,
            "slug": "neighbourhood-plan",
            "term": "Neighbourhood plan",
            "other_names": "",
            "summary": "A plan for how land in an area is used, written by the people who live and work there.",
            "body": streamfield([("paragraph", rich_text("<p>What a neighbourhood plan is.</p>"))]),
            "key_facts": inline_formset([]),
            "links_out": inline_formset([]),
            "see_also": inline_formset([]),
            "comments": inline_formset([]),
            "last_reviewed": "2026-12-01",
            "review_due": "2027-12-01",
            "link_glossary_terms": "on",
            "action-publish": "publish",
        }
    )
    # (nested_form_data would number a list's items; checkboxes send one name many times)
    return form | {"topics": topics, "audiences": audiences}


def publish_through_the_admin(client, env, title):
    """The editor changes the sheet's title and presses Publish; the address of one of its topics."""
    sheet_id, topics, audiences, topic_slug = json.loads(python_in_django(env, SHEET_PARTS))
    status, _, _ = client.post_form(f"/admin/pages/{sheet_id}/edit/", edit_form(title, topics, audiences))
    assert status == 302, f"the admin refused the edit ({status})"
    return f"/topics/{topic_slug}/"


def test_anonymous_pages_are_front_cache_hits_and_editors_never_get_a_cached_page(stack):
    running = stack()
    anonymous = reader(running)
    for path in (SHEET_PATH, "/", "/topics/", "/glossary/"):
        anonymous.get(path)
        status, _, headers = anonymous.get(path)
        assert (status, headers.get("X-Front-Cache")) == (200, "hit"), path
    python_in_django(running.environment(), MAKE_EDITOR)
    editor = WebClient(running.url)
    editor.sign_in(*EDITOR)
    status, body, headers = editor.get(SHEET_PATH)
    assert status == 200 and headers["X-Front-Cache"] == "miss" and "X-Page-Cache" not in headers
    assert "wagtail-userbar" in body, "the editor's own page, with the admin's user bar"
    assert editor.get("/admin/")[2]["X-Front-Cache"] == "miss"
    for _ in range(2):  # every search reaches the app, which counts it for the query report
        status, _, headers = anonymous.get("/search/?q=plan")
        assert (status, headers["X-Front-Cache"]) == (200, "miss")
        assert "private" in headers["Cache-Control"]
    counted = "from toolkit.search.models import QueryLog; print(QueryLog.objects.get(query='plan').hits)"
    assert python_in_django(running.environment(), counted).strip() == "2"


def test_a_page_published_through_the_admin_shows_through_the_front_cache_at_once(stack):
    running = stack()
    anonymous = reader(running)
    anonymous.get("/neighbourhood-planning/")
    assert anonymous.get("/neighbourhood-planning/")[2]["X-Front-Cache"] == "hit"
    python_in_django(running.environment(), MAKE_EDITOR)
    editor = WebClient(running.url)
    editor.sign_in(*EDITOR)
    topic = publish_through_the_admin(editor, running.environment(), "Neighbourhood Plan, just published")
    for path in (SHEET_PATH, "/neighbourhood-planning/"):
        status, body, _ = anonymous.get(path)
        assert status == 200 and "Neighbourhood Plan, just published" in body, path
    # a topic page lists it (on one of its pages): no purge list names topic pages, the ban does
    pages = (anonymous.get(f"{topic}?page={n}")[1] for n in range(1, 6))
    assert any("Neighbourhood Plan, just published" in body for body in pages), topic


def test_two_app_servers_show_a_publish_on_either_and_readers_never_see_one_stop(stack):
    running = stack(servers=2)
    first, second = (WebClient(f"http://127.0.0.1:{port}") for port in running.app_ports)
    through_front = reader(running)
    for client in (first, second, through_front, through_front):
        assert client.get(SHEET_PATH)[0] == 200
    python_in_django(running.environment(), MAKE_EDITOR)
    first.sign_in(*EDITOR)
    publish_through_the_admin(first, running.environment(), "Published on the first server")
    assert "Published on the first server" in second.get(SHEET_PATH)[1]
    assert "Published on the first server" in through_front.get(SHEET_PATH)[1]
    served_by = {
        line.split()[0]
        for n in (1, 2)
        for line in (running.run / f"gunicorn-{n}-access.log").read_text().splitlines()
    }
    assert len(served_by) >= 2

    # One server stops for real: every read (search is never front-cached) is answered by the
    # other, before the front cache's probes have even noticed.
    running.stop_process("gunicorn-1")
    answers = [through_front.get(f"/search/?q=plan{n}") for n in range(6)]
    assert [status for status, _, _ in answers] == [200] * 6
    # Both stopped: a designed page that says to try again, not Varnish's "Guru Meditation".
    running.stop_process("gunicorn-2")
    status, body, headers = through_front.get("/search/?q=plan")
    assert (status, headers.get("Retry-After")) == (503, "30")
    assert "the toolkit is not available right now" in body and "Guru" not in body


UPLOAD = """
import io
from django.core.files.images import ImageFile
from PIL import Image as P
from wagtail.images.models import Image
out = io.BytesIO(); P.new("RGB", (120, 90), "teal").save(out, format="PNG")
image = Image(title="Map"); image.file.save("map.png", ImageFile(out, name="map.png"), save=False); image.save()
print(image.get_rendition("fill-60x40").url)
"""


def test_nginx_serves_uploaded_images_and_static_files_and_nothing_private(stack):
    running = stack()
    rendition = python_in_django(running.environment(), UPLOAD).strip()
    anonymous = reader(running)
    status, _, headers = anonymous.get(rendition)
    assert status == 200 and headers["Content-Type"] == "image/png" and headers["Server"].startswith("nginx")
    assert "X-Front-Cache" not in headers, "nginx answered itself"
    status, _, headers = anonymous.get("/static/css/toolkit.css")
    assert status == 200 and "immutable" in headers["Cache-Control"]
    for private in ("/media/documents/minutes.pdf", "/media/booklets/anything.pdf"):
        assert anonymous.get(private)[0] == 404, private
    assert anonymous.get("/", method="PURGE")[0] == 405, "nobody outside may purge the front cache"


def add_to_pack(client, sheet_id):
    status, _, _ = client.request(
        "/pack/add/", data={"sheet": sheet_id}, headers={"Origin": f"https://{client.host}"}
    )
    assert status == 302


def test_a_booklet_waits_for_the_worker_and_the_reader_gets_it_when_it_is_made(stack):
    running = stack()
    sheet_id = python_in_django(running.environment(), SHEET_ID).strip()
    running.stop_process("worker")  # work waits while the worker is stopped
    client = reader(running)
    add_to_pack(client, sheet_id)
    status, body, headers = client.get("/pack/booklet.pdf")
    assert status == 202 and 'http-equiv="refresh"' in body and "Making your booklet" in body
    assert "no-store" in headers["Cache-Control"]
    time.sleep(2)
    assert client.get("/pack/booklet.pdf")[0] == 202, "nothing makes it while the worker is stopped"
    running.start_worker()

    def made():
        status, body, headers = client.get("/pack/booklet.pdf")
        return status == 200 and headers["Content-Type"] == "application/pdf" and body.startswith("%PDF")

    wait_for(made, what="the booklet", seconds=90)
