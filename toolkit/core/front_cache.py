"""Keep the front cache (Varnish, or any proxy that understands BAN) as fresh as the site itself.

Wagtail's front-end cache invalidation purges a page's own addresses when it is published,
unpublished or moved. But one publish changes many pages (the section, topics, routes, the home
page's "latest", search results), and a topic, setting or glossary edit changes pages no purge
list could name. The site already knows when anything a reader sees may have changed: it replaces
the content version. So when that change is committed, every front cache is told to drop
everything (one BAN request each); the next reader of each page gets it fresh from the app.

If a front cache cannot be reached, the ban is queued for the task worker to try again, and pages
expire anyway at the latest at midnight (see ``page_cache``), when "review due" notices change.
"""

import datetime
import logging
import threading
import urllib.request
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

logger = logging.getLogger(__name__)

HTTP_BACKEND = "wagtail.contrib.frontend_cache.backends.HTTPBackend"
RETRY_AFTER = datetime.timedelta(seconds=10)
_banned = threading.local()  # the content version this thread last banned


def front_cache_locations():
    """The addresses of the front caches this site purges (``WAGTAILFRONTENDCACHE``)."""
    backends = getattr(settings, "WAGTAILFRONTENDCACHE", {}) or {}
    return [backend["LOCATION"] for backend in backends.values() if backend.get("BACKEND") == HTTP_BACKEND]


def ban_everything():
    """Ask every front cache to drop everything; True when all of them did."""
    done = True
    for location in front_cache_locations():
        request = urllib.request.Request(location, method="BAN")  # noqa: S310 - an address from settings
        try:
            with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310
                done = done and response.status == 200
        except OSError as error:
            logger.warning("Front cache at %s could not be banned (%s): will try again", location, error)
            done = False
    return done


def ban_or_retry_later():
    """Ban now; if a front cache could not be reached, the task worker tries again shortly."""
    if not ban_everything():
        try_again_shortly(ban_front_cache_later)


def try_again_shortly(later):
    """Queue the task ``later`` for the worker in ``RETRY_AFTER`` (where the backend can wait)."""
    if default_task_backend.supports_defer:
        later.using(run_after=timezone.now() + RETRY_AFTER).enqueue()


@task()
def ban_front_cache_later():
    ban_or_retry_later()


def ban_when_committed(current_version):
    """Ban when the change commits (before that, readers could re-cache old pages). A transaction
    that rolls back leaves nothing behind (Django drops its callbacks), and a commit holding many
    changes bans once: ``current_version()`` is the same for all of them, and each version is
    banned once per thread."""
    if front_cache_locations():
        transaction.on_commit(partial(_ban_once, current_version), robust=True)


def _ban_once(current_version):
    version = current_version()
    if getattr(_banned, "version", None) == version:
        return
    _banned.version = version  # even if the ban fails: its retry is queued once, not per change
    ban_or_retry_later()


def shared_max_age(now=None):
    """How long a front cache may keep a page: ``FRONT_CACHE_SECONDS``, but never past midnight,
    when pages that show dates (a review now overdue) change without any edit. None: no front cache."""
    seconds = getattr(settings, "FRONT_CACHE_SECONDS", 0)
    if not seconds or not front_cache_locations():
        return None
    now = timezone.localtime(now)
    midnight = datetime.datetime.combine(now.date() + datetime.timedelta(days=1), datetime.time(), now.tzinfo)
    return max(0, min(seconds, int((midnight - now).total_seconds())))
