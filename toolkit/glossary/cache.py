"""The glossary version: a token that changes whenever a glossary entry may have changed.

Everything derived from the glossary (the merged entries, the compiled term index, each sheet's
linked HTML) is cached under a key that includes it, so one change makes all of it stale at once.
It is a random token rather than a counter so that a cleared or evicted cache can never bring
back an old number that a process still holds a compiled index for.
"""

import uuid

from django.core.cache import cache
from django.db import transaction

from toolkit.core.cache import forget_for_request, once_per_request

VERSION_KEY = "toolkit:glossary-version"


def _read_glossary_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def glossary_version():
    return once_per_request(VERSION_KEY, _read_glossary_version)


def _new_version():
    forget_for_request(VERSION_KEY)
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def bump_glossary_version(*args, **kwargs):
    """Make every cached glossary artefact stale now, and again once the transaction commits.

    The second bump covers a reader who rebuilt the glossary from the old rows in between.
    """
    _new_version()
    transaction.on_commit(_new_version)
