"""A Redis cache that is a cache, not a single point of failure.

Django's own Redis backend raises when Redis is down, so every page that touches the cache would
answer 500. This one answers as an empty cache instead: reads miss, writes are dropped, and the
site is served straight from the database, with a warning in the log. After a failure it leaves
Redis alone for ``RETRY_AFTER`` seconds (a circuit breaker), so a Redis that hangs costs one
socket timeout per process every few seconds, not one per cache call.

Only the public methods of ``django.core.cache.backends.redis.RedisCache`` are wrapped.
``incr`` is the exception: callers use it to count (rate limits), and a silent wrong count is
worse than an error, so it raises ``CacheUnavailable`` for them to fall back on something else.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0  # seconds without trying Redis after a failure
PROBE_KEY = "toolkit:cache-probe"
DEFAULT_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


class CacheUnavailable(Exception):  # noqa: N818 - names a state, like TimeoutError
    """The cache could not be reached; nothing was counted."""


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        params["OPTIONS"] = {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}
        super().__init__(server, params)
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

    def incr(self, key, delta=1, version=None):
        if not self.is_available():
            raise CacheUnavailable("the cache is unavailable")
        try:
            return super().incr(key, delta, version)
        except (RedisError, OSError) as error:
            self._failed("incr", error)
            raise CacheUnavailable(str(error)) from error
