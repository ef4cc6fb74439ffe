"""The Redis cache against a real redis-server: one shared client per pool, and the guard that
falls back to Django's own client on a Django it was not written for."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache.backends.redis import RedisCacheClient
from redis.utils import HIREDIS_AVAILABLE

from toolkit.core import cache_backends
from toolkit.core.cache_backends import ResilientRedisCache, SharedClientRedisCacheClient
from toolkit.tests.servers import RedisServer


@pytest.fixture
def redis_url(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server.url
    server.stop()


def a_cache(url):
    return ResilientRedisCache(url, {"KEY_PREFIX": "test"})


def test_one_redis_client_serves_every_call_and_every_thread(redis_url):
    cache = a_cache(redis_url)
    assert isinstance(cache._cache, SharedClientRedisCacheClient)
    assert cache._cache.get_client() is cache._cache.get_client(write=True)

    def round_trip(n):
        cache.set(f"key-{n}", {"n": n})
        return cache.get(f"key-{n}")

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(round_trip, range(200)))
    assert answers == [{"n": n} for n in range(200)]


def test_on_a_django_it_was_not_written_for_the_stock_client_is_used(redis_url, monkeypatch):
    monkeypatch.setattr(cache_backends, "SHARED_CLIENT_DJANGO_VERSIONS", ((1, 0), (1, 1)))
    cache = a_cache(redis_url)
    assert type(cache._cache) is RedisCacheClient
    cache.set("key", "value")
    assert cache.get("key") == "value"


def test_replies_are_parsed_by_hiredis():
    """The lock file installs hiredis (``redis[hiredis]``); without it every cache read costs a
    third more."""
    assert HIREDIS_AVAILABLE


def test_with_redis_stopped_reads_miss_and_writes_drop_but_strict_ones_raise(tmp_path):
    """Most calls answer as an empty cache; the two whose silent loss would do harm (a count, the
    page cache's generation) raise, so their callers can do something else."""
    server = RedisServer(tmp_path)
    server.start()
    cache = ResilientRedisCache(server.url, {"KEY_PREFIX": "test", "RETRY_AFTER": 0})
    cache.set_strictly("generation", "a", None)
    assert cache.get("generation") == "a"
    server.shutdown()
    assert cache.get("generation") is None and cache.set("other", 1) is None
    with pytest.raises(cache_backends.CacheUnavailable):
        cache.set_strictly("generation", "b", None)
    with pytest.raises(cache_backends.CacheUnavailable):
        cache.incr("count")
