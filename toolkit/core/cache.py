"""The site-wide content version, and values remembered until it changes.

Cached fragments and whole pages put the content version in their key, so a publish, unpublish,
move or delete, or an edit to a topic, organisation or site setting makes every cached copy stale
at once, with no need to track which pages show what. The version is a token kept in the
database (``toolkit.core.versions``), so every worker process and every server agrees on it.
"""

from django.core.cache import cache

from . import versions
from .front_cache import ban_when_committed

CONTENT = "content"
DAY = 24 * 60 * 60


def content_version():
    return versions.current(CONTENT)


def bump_content_version(*args, **kwargs):
    """Signal receiver and plain function alike: whatever readers see may have changed."""
    versions.bump(CONTENT)
    ban_when_committed(content_version)


def remember(name, build, timeout=DAY):
    """``build()``, kept until the content version changes (or a day has passed).

    For values that depend only on published content (never on who is asking), such as a
    sheet's related rows or a routing decision: readers share them, and a publish anywhere makes
    every one of them stale at once. When the cache cannot be reached, ``build()`` runs every time.
    """
    key = f"toolkit:{name}:{content_version()}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value
