"""Counting attempts in fixed time windows, in a store every process shares.

Used by every public form: "Email this sheet" (a limit per recipient address and per client, so
nobody can turn the site into a way of mailing strangers), the suggestion and feedback forms, and
the login lockout (which needs the same idea of who the client is). Keys are hashed, so no email
or IP address is kept in plain text.

A limit kept in one process's memory is no limit: with three workers a client gets three times
the allowance, and a restart forgets it. So counts go to Redis when the site has it (one atomic
``INCR``), and to the database when it has not, or when Redis cannot be reached: a limit holds
(fails safe) whichever store is up, and nothing errors.
"""

import datetime
import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone

from .cache_backends import CacheUnavailable

logger = logging.getLogger(__name__)

PURGE_EVERY = 60  # seconds between sweeps of expired database counts, per process
_last_purge = 0.0


class RateCount(models.Model):
    """Attempts by one (hashed) identity in one window, when the counts live in the database."""

    key = models.CharField(primary_key=True, max_length=96)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        app_label = "core"
        verbose_name = "rate-limit count"

    def __str__(self):
        return f"{self.key}: {self.count}"


def client_address(request):
    """The client's IP address.

    Behind a reverse proxy every request comes from the proxy, so ``CLIENT_IP_HEADER`` (e.g.
    ``X-Real-IP``) names the header the proxy sets with the real address; the first address in it
    is used. Only set it when a proxy you control always sets (or overwrites) that header.
    """
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    meta_key = "HTTP_" + header.upper().replace("-", "_") if header else ""
    value = request.META.get(meta_key, "") if meta_key else ""
    return value.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "")


def cache_is_shared():
    """True when the default cache is one store for every process (Redis), not each one's memory."""
    return not isinstance(caches["default"], (LocMemCache, DummyCache))  # ``cache`` is only a proxy


def over_limit(scope, identity, limit, window_seconds):
    """Count one attempt by ``identity``; True when it is past ``limit`` in the current window."""
    digest = hashlib.sha256(str(identity).strip().lower().encode()).hexdigest()[:32]
    window = int(time.time() // window_seconds)
    key = f"ratelimit:{scope}:{window_seconds}:{window}:{digest}"[:96]
    count = None
    if cache_is_shared():
        try:
            count = _count_in_cache(key, window_seconds)
        except CacheUnavailable:
            count = None
    if count is None:
        count = _count_in_database(key, window_seconds)
    return count > limit


def _count_in_cache(key, window_seconds):
    cache.add(key, 0, window_seconds)
    try:
        return cache.incr(key)
    except ValueError:  # the window ran out between add and incr
        cache.set(key, 1, window_seconds)
        return 1


def _count_in_database(key, window_seconds):
    """One atomic increment of the window's row (made on its first attempt)."""
    now = timezone.now()
    with transaction.atomic():
        if not RateCount.objects.filter(key=key).update(count=F("count") + 1):
            try:
                with transaction.atomic():
                    RateCount.objects.create(
                        key=key, count=1, expires_at=now + datetime.timedelta(seconds=window_seconds)
                    )
            except IntegrityError:  # another process made the row first
                RateCount.objects.filter(key=key).update(count=F("count") + 1)
        count = RateCount.objects.filter(key=key).values_list("count", flat=True).first() or 1
    _purge_expired(now)
    return count


def _purge_expired(now):
    global _last_purge
    if time.monotonic() - _last_purge < PURGE_EVERY:
        return
    _last_purge = time.monotonic()
    RateCount.objects.filter(expires_at__lt=now).delete()
