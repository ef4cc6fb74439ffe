"""The anonymous full-page cache: hits for readers, never for editors, fresh after every publish."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code in (200, 304), url
    return response


def test_second_anonymous_request_is_a_hit_with_one_query(client, site, django_assert_num_queries):
    """A hit reads nothing but the version tokens, which every process shares through the database."""
    first = get(client, site.definition.url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(1) as queries:
        second = get(client, site.definition.url)
    assert "core_versiontoken" in queries.captured_queries[0]["sql"]
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "max-age=" in second["Cache-Control"]


def test_editors_are_never_served_from_the_cache(client, site, django_user_model):
    get(client, site.definition.url)
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    response = get(client, site.definition.url)
    assert not response.has_header("X-Page-Cache")


def test_publishing_makes_cached_pages_stale(client, site):
    get(client, site.section.url)
    assert get(client, site.section.url)["X-Page-Cache"] == "hit"
    site.definition.title = "Neighbourhood Plan (updated)"
    site.definition.save_revision().publish()
    response = get(client, site.section.url)  # the section lists the sheet: it must show the new title
    assert response["X-Page-Cache"] == "miss"
    assert "Neighbourhood Plan (updated)" in response.content.decode()


@pytest.mark.parametrize("change", ["unpublish", "move", "delete"])
def test_unpublish_move_and_delete_make_cached_pages_stale(client, site, change):
    get(client, site.section.url)
    if change == "unpublish":
        site.other_definition.unpublish()
    elif change == "move":
        site.other_definition.move(site.other_section, pos="last-child")
    else:
        site.other_definition.delete()
    response = get(client, site.section.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Neighbourhood Forum" not in response.content.decode()


def test_snippet_and_settings_edits_make_cached_pages_stale(client, site):
    from toolkit.core.models import ToolkitSettings

    get(client, site.home.url)
    site.topic.name = "neighbourhood plans"
    site.topic.save()
    assert "neighbourhood plans" in get(client, site.home.url).content.decode()
    settings_row = ToolkitSettings.for_site(site.home.get_site())
    settings_row.licence = "A brand new licence."
    settings_row.save()
    assert "A brand new licence." in get(client, site.definition.url).content.decode()


def test_repeated_conditional_request_gets_304(client, site):
    first = get(client, site.definition.url)
    etag = first["ETag"]
    again = client.get(site.definition.url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""


def test_pages_that_set_cookies_or_fail_are_not_cached(client, site):
    contact = get(client, site.contact.url)  # has a form: sets the CSRF cookie
    assert contact.cookies
    assert (
        not client.get(site.contact.url).has_header("X-Page-Cache")
        or client.get(site.contact.url)["X-Page-Cache"] == "miss"
    )
    client.get("/no-such-page/")
    assert not client.get("/no-such-page/").has_header("X-Page-Cache")


def test_search_is_not_cached_so_every_query_is_counted(client, site):
    from toolkit.search.models import QueryLog

    client.get("/search/", {"q": "neighbourhood"})
    client.get("/search/", {"q": "neighbourhood"})
    assert QueryLog.objects.get(query="neighbourhood").hits == 2


def test_visitors_with_a_session_bypass_the_cache(client, site):
    get(client, site.definition.url)
    client.cookies[settings.SESSION_COOKIE_NAME] = "anything"
    assert not get(client, site.definition.url).has_header("X-Page-Cache")


def test_publishing_purges_the_page_from_a_cdn(site, settings):
    """Wagtail's front-end cache invalidation sends PURGE to a real local HTTP server."""
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    purged = []

    class PurgeHandler(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 - the HTTP method's name
            purged.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), PurgeHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        settings.WAGTAILFRONTENDCACHE = {
            "proxy": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": f"http://127.0.0.1:{server.server_port}",
            }
        }
        site.definition.save_revision().publish()
    finally:
        server.shutdown()
    assert site.definition.url in purged


def test_made_up_query_strings_are_answered_but_never_kept(client, site):
    """Finding 14 of the security review: every distinct query string (``/?utm=...``) was a new
    entry, so anyone could push real pages out of the cache."""
    get(client, "/")
    for _ in range(2):  # asked twice, and still not a hit: it was never kept
        response = get(client, "/?x=1")
        assert not response.has_header("X-Page-Cache"), "a made-up parameter is not kept"
    # links from mailing lists and social sites share the page's own entry
    assert get(client, "/?utm_source=newsletter&fbclid=abc")["X-Page-Cache"] == "hit"
    # the parameters pages read are kept, each value apart
    topic = f"{site.topic_index.url}{site.topic.slug}/"
    assert get(client, f"{topic}?page=2")["X-Page-Cache"] == "miss"
    assert get(client, f"{topic}?page=2&utm_medium=email")["X-Page-Cache"] == "hit"
    assert get(client, f"{topic}?page=1")["X-Page-Cache"] == "miss"


POLICY_HEADERS = (
    "Content-Security-Policy",
    "Permissions-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
)


def test_a_hit_has_every_header_the_miss_had_without_running_the_middleware_again(client, site):
    """The cache sits outside the security middleware and keeps the response as it left them."""
    miss = get(client, site.definition.url)
    hit = get(client, site.definition.url)
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    for name in POLICY_HEADERS:
        assert hit.has_header(name) and hit[name] == miss[name], name
    assert hit["ETag"] == miss["ETag"] and hit["Content-Type"] == miss["Content-Type"]


def test_a_304_from_a_hit_keeps_the_policies_and_drops_the_body(client, site):
    etag = get(client, site.definition.url)["ETag"]
    again = client.get(site.definition.url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["X-Page-Cache"] == "hit" and again.content == b""
    for name in POLICY_HEADERS:
        assert again.has_header(name), name
    assert not again.has_header("Content-Length")


def test_the_scheme_is_part_of_the_key(client, site):
    """Production redirects plain HTTP and sends HSTS only over HTTPS, so neither may answer the other."""
    get(client, site.definition.url)
    assert get(client, site.definition.url, secure=True)["X-Page-Cache"] == "miss"
    assert get(client, site.definition.url, secure=True)["X-Page-Cache"] == "hit"


def test_a_miss_reads_the_version_tokens_once_for_its_key_and_its_page(client, site):
    """The request memo sits outside the page cache: the key and the page rendered under it
    read the same tokens, with one query."""
    with CaptureQueriesContext(connection) as queries:
        assert get(client, site.definition.url)["X-Page-Cache"] == "miss"
    reads = [q["sql"] for q in queries.captured_queries if "core_versiontoken" in q["sql"]]
    assert len(reads) == 1, reads
