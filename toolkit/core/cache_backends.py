"""A Redis cache that is a cache, not a single point of failure.

Django's own Redis backend raises when Redis is down, so every page that touches the cache would
answer 500. This one answers as an empty cache instead: reads miss, writes are dropped, and the
site is served straight from the database, with a warning in the log. After a failure it leaves
Redis alone for ``RETRY_AFTER`` seconds (a circuit breaker), so a Redis that hangs costs one
socket timeout per process every few seconds, not one per cache call.

Only the public methods of ``django.core.cache.backends.redis.RedisCache`` are wrapped, and its
client is made once per connection pool instead of once per call (``SharedClientRedisCacheClient``).
``incr`` and ``set_strictly`` are the exceptions: callers use them to count (rate limits) and to
replace the page cache's generation, where a silent failure is worse than an error, so they raise
``CacheUnavailable`` for the caller to fall back on something else.
"""

import logging
import threading
import time

import django
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0  # seconds without trying Redis after a failure
PROBE_KEY = "toolkit:cache-probe"
DEFAULT_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


class CacheUnavailable(Exception):  # noqa: N818 - names a state, like TimeoutError
    """The cache could not be reached; nothing was counted."""


# Django versions whose RedisCache keeps its client class in ``_class`` and whose client has
# ``_get_connection_pool`` (checked at start-up too): outside them the stock client is used.
SHARED_CLIENT_DJANGO_VERSIONS = ((5, 0), (6, 1))


class SharedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis client that reuses one ``redis.Redis`` per connection pool.

    Django builds a new ``redis.Redis`` for every cache call; in redis-py 8 that copies some 200
    response callbacks, about 150 µs, which was a third of the cost of serving a cached page. A
    ``redis.Redis`` is safe to share between threads (the pool hands out connections), and Django's
    own comment on ``get_client`` invites custom clients.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._shared_clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._shared_clients.get(id(pool))
        if client is None:
            client = self._shared_clients[id(pool)] = self._client(connection_pool=pool)
        return client


def shares_clients_safely():
    """True when this Django's Redis backend has the private parts the shared client relies on."""
    low, high = SHARED_CLIENT_DJANGO_VERSIONS
    return low <= django.VERSION[:2] < high and hasattr(RedisCacheClient, "_get_connection_pool")


class ResilientRedisCache(RedisCache):
    shared_between_processes = True  # every process and server reads the same values

    def __init__(self, server, params):
        params = dict(params)
        params["OPTIONS"] = {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}
        super().__init__(server, params)
        if shares_clients_safely() and getattr(self, "_class", None) is RedisCacheClient:
            self._class = SharedClientRedisCacheClient
        else:
            logger.info("Django %s: using its own Redis client (one per cache call)", django.get_version())
        self.retry_after = float(params.get("RETRY_AFTER", RETRY_AFTER))
        self._down_until = 0.0
        self._lock = threading.Lock()

    # -- the breaker -------------------------------------------------------------------------------
    def is_available(self):
        """False while the breaker is open (Redis failed less than ``retry_after`` seconds ago)."""
        return time.monotonic() >= self._down_until

    def _failed(self, operation, error):
        with self._lock:
            was_up = self.is_available()
            self._down_until = time.monotonic() + self.retry_after
        if was_up:
            logger.warning(
                "Cache unavailable (%s: %s during %s): serving without it, trying again in %.0f s",
                type(error).__name__,
                error,
                operation,
                self.retry_after,
            )

    def _call(self, operation, fallback, *args, **kwargs):
        if not self.is_available():
            return fallback
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except (RedisError, OSError) as error:
            self._failed(operation, error)
            return fallback

    def ping(self):
        """True when Redis answers now (for /healthz), even while the breaker is open; closes it then."""
        try:
            super().set(PROBE_KEY, 1, 10)
            answered = super().get(PROBE_KEY) == 1
        except (RedisError, OSError) as error:
            self._failed("ping", error)
            return False
        if answered:
            self._down_until = 0.0
        return answered

    # -- the cache API -----------------------------------------------------------------------------
    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)

    def set_strictly(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        """``set`` for a value that must not be dropped silently (the page cache's generation)."""
        return self._strict("set", key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        return self._strict("incr", key, delta, version)

    def _strict(self, operation, *args):
        """The operation, or ``CacheUnavailable`` when Redis did not do it."""
        if not self.is_available():
            raise CacheUnavailable("the cache is unavailable")
        try:
            return getattr(super(), operation)(*args)
        except (RedisError, OSError) as error:
            self._failed(operation, error)
            raise CacheUnavailable(str(error)) from error
