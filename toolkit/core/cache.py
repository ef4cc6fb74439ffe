"""A site-wide content version, bumped whenever anything a reader sees may have changed.

Cached fragments (the header and footer today, whole pages later) put the version in their key,
so a publish, unpublish, move or delete, or an edit to a topic, organisation or site setting makes
every cached copy stale at once, with no need to track which pages show what.
"""

from django.core.cache import cache

VERSION_KEY = "toolkit:content-version"


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, timeout=None)
    return version


def bump_content_version(*args, **kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not in the cache yet (first use, or evicted)
        cache.set(VERSION_KEY, 2, timeout=None)
