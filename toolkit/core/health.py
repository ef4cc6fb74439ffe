"""``/healthz``: whether this app server can serve, for load balancers and monitoring.

It answers before any other middleware: a load balancer asks by IP address over plain HTTP, so
the host check and the HTTPS redirect must not apply, and nothing about the answer is cached.

The body is short JSON, one word per part: ``{"status": "ok", "database": "ok", "cache": "ok",
"storage": "ok"}``. The status is 503 when the database or the media storage cannot be used (this
server cannot serve pages or images: take it out of rotation), and 200 with ``"status":
"degraded"`` when only Redis is down (pages are still served, uncached, by every server alike,
so taking servers out would only make things worse).
"""

import logging
import os
import time

from django.core.cache import caches
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import DatabaseError, connection
from django.http import JsonResponse

from .cache_backends import ResilientRedisCache
from .log_filters import first_line

logger = logging.getLogger(__name__)

PATH = "/healthz"
LIVE_PATH = "/healthz/live"  # only "is this process answering?": for a proxy choosing between servers
REMOTE_STORAGE_CHECK_SECONDS = 30  # a remote store (S3) is asked at most this often per process
_remote_storage = {"checked": 0.0, "ok": False}


def database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError as error:
        # One line, not a stack trace: a load balancer asks every few seconds while it is down.
        logger.warning("Health check: the database cannot be reached (%s)", first_line(error))
        return False


def cache_state():
    backend = caches["default"]  # the backend itself (``cache`` is a proxy to it)
    if isinstance(backend, ResilientRedisCache):
        return "ok" if backend.ping() else "down"
    return "ok"


def storage_ok():
    if isinstance(default_storage, FileSystemStorage):
        location = default_storage.location
        try:
            os.makedirs(location, exist_ok=True)  # a new server has no uploads, and so no folder, yet
        except OSError:
            return False
        return os.access(location, os.W_OK)
    now = time.monotonic()
    if now - _remote_storage["checked"] > REMOTE_STORAGE_CHECK_SECONDS:
        try:
            default_storage.exists("healthz-probe")
            _remote_storage["ok"] = True
        except Exception:  # noqa: BLE001 - any failure of a remote store means "down"
            logger.warning("Health check: media storage cannot be reached", exc_info=True)
            _remote_storage["ok"] = False
        _remote_storage["checked"] = now
    return _remote_storage["ok"]


def health():
    parts = {
        "database": "ok" if database_ok() else "down",
        "cache": cache_state(),
        "storage": "ok" if storage_ok() else "down",
    }
    if parts["database"] != "ok" or parts["storage"] != "ok":
        status = "down"
    elif parts["cache"] != "ok":
        status = "degraded"
    else:
        status = "ok"
    return {"status": status, **parts}


class NotHealthChecks:
    """A logging filter: a load balancer asking /healthz every few seconds while something is down
    would otherwise fill the log (and the admins' inboxes) with one error per ask."""

    def filter(self, record):
        request = getattr(record, "request", None)
        return getattr(request, "path", None) not in (PATH, LIVE_PATH)


class HealthCheckMiddleware:
    """Answers ``/healthz`` itself; everything else goes on down the stack."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path not in (PATH, LIVE_PATH):
            return self.get_response(request)
        body = health() if request.path == PATH else {"status": "ok"}
        response = JsonResponse(body, status=503 if body["status"] == "down" else 200)
        response["Cache-Control"] = "no-store"
        return response
