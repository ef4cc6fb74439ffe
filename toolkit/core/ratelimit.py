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
import ipaddress
import logging
import time

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.template.response import TemplateResponse
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
    """The client's IP address: the one function that rate limits and the login lockout both ask.

    Any client can send any header, so a header counts only on a connection from one of
    ``TRUSTED_PROXIES`` (the proxy overwrites or appends it); otherwise the connection's own
    address is the client. ``CLIENT_IP_HEADER`` names the header: a single address that the proxy
    sets (``X-Real-IP``, as the shipped nginx does), or ``X-Forwarded-For``, where each proxy
    appends the address it was connected from. There the rightmost address that is not a trusted
    proxy is the client: everything to its left was written by the client and may be made up
    (taking the leftmost would let anyone rotate it to guess passwords or to lock out others).
    """
    remote = request.META.get("REMOTE_ADDR", "")
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    if not header or not is_trusted_proxy(remote):
        return remote
    value = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
    if header.lower() == "x-forwarded-for":
        return first_untrusted_hop(value.split(","), fallback=remote)
    value = value.strip()
    return value if parse_address(value) else remote


def first_untrusted_hop(hops, fallback):
    """Walking back from the nearest proxy, the first address that is not one of ours.

    Stops at anything that is not an address (only a client writes those) and then answers the
    last trusted hop, which is also what it answers when every hop is one of ours.
    """
    for hop in reversed([hop.strip() for hop in hops]):
        if not parse_address(hop):
            return fallback
        if not is_trusted_proxy(hop):
            return hop
        fallback = hop
    return fallback


def parse_address(value):
    """An ``ipaddress`` address (IPv4-mapped IPv6 as IPv4), or None when ``value`` is not one."""
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    return getattr(address, "ipv4_mapped", None) or address


def trusted_proxy_networks():
    """``TRUSTED_PROXIES`` (addresses or networks such as ``10.0.0.0/8``) as networks.

    An entry that is neither is skipped here (a system check reports it), so a typo trusts less,
    never more, and never turns every request into an error.
    """
    networks = []
    for item in getattr(settings, "TRUSTED_PROXIES", []):
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            continue
    return networks


def is_trusted_proxy(value):
    address = parse_address(value)
    return address is not None and any(address in network for network in trusted_proxy_networks())


def mailbox_identity(address):
    """The mailbox an email address delivers to, for counting messages sent to it.

    A limit per recipient must count ``A@Example.org``, ``"a"@example.org`` and
    ``a+anything@example.org`` as the one mailbox they all reach, or adding a tag or quotes gets
    round it. So: lowercase, quotes (and the backslashes inside them) removed from the local part,
    and everything from its first ``+`` dropped. Never used to send: only to count.
    """
    local, _, domain = str(address).strip().rpartition("@")
    local = local.replace('"', "").replace("\\", "").lower()
    local = local.split("+", 1)[0] or local
    return f"{local}@{domain.lower().rstrip('.')}"


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


def too_many(request, limit):
    """429 with a page in the site's design saying how long to wait (``limit`` as for over_limit)."""
    seconds = limit[1]
    response = TemplateResponse(request, "429.html", {"minutes": seconds // 60}, status=429)
    response["Retry-After"] = str(seconds)
    return response


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
