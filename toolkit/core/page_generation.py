"""The page cache's generation: one value in the shared cache that every change replaces.

A cached page could be checked against the content version (``core.versions``), as cached
fragments are, but that is a database query on every hit: with the connection's health check,
two round trips to PostgreSQL, half of a hit's time. Where the cache is shared by every process
(Redis), the page cache instead stamps each page with the generation it was stored under, and a
hit reads the generation and the page together, in one round trip, with no database at all.

Why that is as exact as the content version: a change replaces the generation with a new random
value when its transaction commits, before the request that made it answers. A page is stored
under the generation its request read before rendering, so it was rendered from what the
database held after that generation was written. Any page rendered before a commit was stored
under a generation written before the commit, and the new value replaced it after: a reader
who asks after the change has answered reads the new value, which no older page carries. Values
are random, never counters, so a cache that is emptied (or that drops the key to make room)
starts a generation no stored page has.

Where this is not used, the content version is (``page_cache.stamp_and_entry``):

- inside a transaction (the tests, a command): the generation changes only at commit, so it
  would not yet show the transaction's own changes;
- with each process's own memory cache (no Redis): each would have its own generation.

If the shared cache cannot take the new value (Redis unreachable from the process that
published, at that instant, while others still reach it), the task worker tries again every
10 seconds, with a warning in the log; only then could a reader see a page older than a change
it asked after, for those seconds.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection, transaction
from django_tasks import task

from .cache_backends import CacheUnavailable
from .front_cache import ban_or_retry_later, front_cache_locations, try_again_shortly

logger = logging.getLogger(__name__)

KEY = "toolkit:page-generation"


def shared():
    """True when the cache is one that every process and server shares (Redis)."""
    return getattr(cache, "shared_between_processes", False)


def in_use():
    """True when pages are stamped with the generation, not the content version."""
    return shared() and not connection.in_atomic_block


def new_generation():
    return uuid.uuid4().hex


def read_with(key):
    """The current generation and the entry at ``key``, in one round trip; the generation is
    None when the cache cannot be used now (nothing may be served from it or stored in it)."""
    values = cache.get_many([KEY, key])
    generation = values.get(KEY)
    if generation is None:  # a cache emptied, or just started: begin a generation no page has
        fresh = new_generation()
        if cache.add(KEY, fresh, None):
            return fresh, None
        return cache.get(KEY), None  # another process began one first (or the cache is down)
    return generation, values.get(key)


def advance():
    """Replace the generation now; True when the cache took it."""
    try:
        cache.set_strictly(KEY, new_generation(), None)
    except CacheUnavailable as error:
        logger.warning("The page cache's generation could not be replaced (%s): will try again", error)
        return False
    return True


def advance_or_retry_later(ban_after=False):
    """Replace the generation, or have the task worker try again shortly. A retry that succeeds
    bans the front cache too (``ban_after``): it may have fetched pages of the old generation."""
    if not advance():
        try_again_shortly(advance_page_generation_later)
    elif ban_after and front_cache_locations():
        ban_or_retry_later()


@task()
def advance_page_generation_later():
    advance_or_retry_later(ban_after=True)


def advance_when_committed():
    """Replace the generation when the change commits (before that, a reader could store a page
    rendered from the old rows under the new value). Registered before the front cache's ban, so
    a front cache that fetches again after its ban never gets a page of the old generation."""
    if shared():
        transaction.on_commit(advance_or_retry_later, robust=True)
