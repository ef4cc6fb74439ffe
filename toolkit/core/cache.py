"""Version tokens for cached things, values remembered until their token changes, and the one way
an app says which of its models make which cached things stale.

Cached fragments and whole pages put a version token in their key, so one change makes every
cached copy stale at once, with no need to track which pages show what. Tokens are kept in the
database (``toolkit.core.versions``), so every worker process and every server agrees on them.

There are two named tokens, because they cover different things:

- ``CONTENT``: anything a reader could see. A publish, unpublish, move or delete of any page bumps
  it (``core.signal_handlers``), and so does a change to any model an app declares with
  ``stale_when_changed(...)`` in its ``AppConfig.ready()``. Bumping it also replaces the page
  cache's generation (``core.page_generation``) and bans the front cache.
- ``GLOSSARY``: the glossary's entries and compiled term index. Only what can change an entry
  bumps it (a term, a sheet or the glossary page published), so the index, which takes a while to
  compile, survives the many publishes that leave it as it was.

To find what makes a page stale, read the ``ready()`` of the apps whose models it shows.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from . import page_generation, versions
from .front_cache import ban_when_committed

CONTENT = "content"
GLOSSARY = "glossary"
DAY = 24 * 60 * 60


def version(token=CONTENT):
    """The current value of the named token."""
    return versions.current(token)


def bump(token=CONTENT):
    """Make everything cached under ``token`` stale when the surrounding transaction commits."""
    versions.bump(token)
    if token == CONTENT:
        page_generation.advance_when_committed()  # first: a banned front cache fetches again
        ban_when_committed(content_version)


def content_version():
    return version(CONTENT)


def bump_content_version(*args, **kwargs):
    """Signal receiver and plain function alike: whatever readers see may have changed."""
    bump(CONTENT)


def stale_when_changed(*models, tokens=(CONTENT,)):
    """Bump ``tokens`` whenever a row of any of ``models`` is saved or deleted.

    Each app calls this in its own ``AppConfig.ready()`` for its own models (as Wagtail's contrib
    apps connect their own signal handlers), so core never names another app's models.
    """
    for model in models:
        for token in tokens:

            def receiver(*args, token=token, **kwargs):
                bump(token)

            uid = f"stale:{token}:{model._meta.label}"
            post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}:save")
            post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}:delete")


def remember_key(name, token=CONTENT):
    """The cache key of a remembered value: its name and the token's current value."""
    return f"toolkit:{name}:{version(token)}"


def remember(name, build, timeout=DAY, token=CONTENT):
    """``build()``, kept until ``token`` changes (or a day has passed).

    For values that depend only on published content (never on who is asking), such as a
    sheet's related rows or a routing decision: readers share them, and a publish anywhere makes
    every one of them stale at once. When the cache cannot be reached, ``build()`` runs every time.
    """
    key = remember_key(name, token)
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value
