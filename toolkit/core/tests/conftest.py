"""Fixtures for core's tests: a front cache that counts its BANs, a Redis shared as in production."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from toolkit.tests.servers import RedisServer


@pytest.fixture
def front_cache(settings):
    """A real HTTP server on loopback standing in for Varnish: the list of BANs it was sent, each
    with the page cache's generation at that moment (``bans.generations``)."""
    from django.core.cache import cache

    from toolkit.core.page_generation import KEY

    bans = BanList()

    class Handler(BaseHTTPRequestHandler):
        def do_BAN(self):  # noqa: N802 - the HTTP method's name
            bans.append(self.path)
            bans.generations.append(cache.get(KEY))
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


class BanList(list):
    def __init__(self):
        super().__init__()
        self.generations = []


@pytest.fixture
def shared_cache(tmp_path, settings):
    """The cache on a redis-server of the test's own, as every process shares it in production."""
    server = RedisServer(tmp_path)
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "toolkit.core.cache_backends.ResilientRedisCache",
            "LOCATION": server.url,
            "KEY_PREFIX": "test",
        }
    }
    yield server
    server.stop()
