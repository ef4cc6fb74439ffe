"""Every committed content change bans the front cache once; a rolled-back one leaves nothing
behind (a real HTTP server on loopback stands in for Varnish and counts the BANs)."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.db import transaction

from toolkit.core.cache import bump_content_version


@pytest.fixture
def front_cache(settings):
    bans = []

    class Handler(BaseHTTPRequestHandler):
        def do_BAN(self):  # noqa: N802 - the HTTP method's name
            bans.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}/",
        }
    }
    yield bans
    server.shutdown()


@pytest.mark.django_db(transaction=True)
def test_one_ban_per_commit_and_none_left_pending_by_a_rollback(front_cache):
    with transaction.atomic():
        for _ in range(5):
            bump_content_version()
        assert front_cache == [], "nothing is banned before the commit"
    assert len(front_cache) == 1, "five changes in one commit: one ban"

    class Abandoned(Exception):
        pass

    with pytest.raises(Abandoned), transaction.atomic():
        bump_content_version()
        raise Abandoned
    assert len(front_cache) == 1, "a rolled-back change bans nothing"
    bump_content_version()  # the next change, committed, still bans
    assert len(front_cache) == 2
