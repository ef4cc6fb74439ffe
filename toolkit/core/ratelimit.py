"""Counting attempts in fixed time windows in the shared cache (Redis in production).

Used by every public form: "Email this sheet" (a limit per recipient address and per client, so
nobody can turn the site into a way of mailing strangers), the suggestion and feedback forms, and
the login lockout (which needs the same idea of who the client is). Keys are hashed, so no email
or IP address is kept in the cache in plain text.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


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


def over_limit(scope, identity, limit, window_seconds):
    """Count one attempt by ``identity``; True when it is past ``limit`` in the current window."""
    digest = hashlib.sha256(str(identity).strip().lower().encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{digest}"
    cache.add(key, 0, window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # the window ran out between add and incr
        cache.set(key, 1, window_seconds)
        count = 1
    return count > limit
