"""The glossary version: a token that changes whenever a glossary entry may have changed.

Everything derived from the glossary (the merged entries, the compiled term index, each sheet's
linked HTML) is cached under a key that includes it, so one change makes all of it stale at once.
It is one of core's version tokens (``toolkit.core.versions``): kept in the database, so every
process agrees on it, and random, so a cleared cache never brings back an old token that a
process still holds a compiled index for.
"""

from toolkit.core import versions

GLOSSARY = "glossary"


def glossary_version():
    return versions.current(GLOSSARY)


def bump_glossary_version(*args, **kwargs):
    """Make every cached glossary artefact stale when the surrounding transaction commits."""
    versions.bump(GLOSSARY)
