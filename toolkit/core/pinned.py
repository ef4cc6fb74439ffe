"""Guards for the few places this project leans on a library's private parts.

A speed-up that patches pydyf, or an importer shortcut that writes treebeard's tree paths itself,
is only right for the library versions someone read the source of. Each such place names those
versions (a tuple next to the code) and asks ``checked()`` before taking the shortcut. With any
other version (a routine upgrade that forgot this list) the shortcut turns itself off with one
line in the log, and the slower public way runs instead: start-up never breaks, and a test
(``core/tests/test_pinned.py``) keeps the lists in step with the versions pinned in
``requirements/production.txt``.
"""

import logging
from importlib.metadata import PackageNotFoundError, version

logger = logging.getLogger(__name__)

_reported = set()


def installed_version(distribution):
    """The installed version of a distribution (``"pydyf"``), or ``""`` when it is not installed."""
    try:
        return version(distribution)
    except PackageNotFoundError:
        return ""


def checked(distribution, versions, what, installed=None):
    """True when the installed ``distribution`` is one of ``versions``, the ones ``what`` was
    checked against; otherwise False, logged once per process and shortcut.

    A version is a full one (``"1.3.2"``) or a series (``"5.2"``: any 5.2.x), the latter for
    Django and Wagtail, whose security releases within a series leave these internals alone.
    ``installed`` stands in for the installed version (the tests pass other version strings).
    """
    installed = installed_version(distribution) if installed is None else installed
    if installed in versions or ".".join(installed.split(".")[:2]) in versions:
        return True
    if (distribution, installed, what) not in _reported:
        _reported.add((distribution, installed, what))
        logger.warning(
            "%s %s is not a version %s was checked against (%s): it is off, the public way runs instead",
            distribution,
            installed or "(not installed)",
            what,
            ", ".join(versions),
        )
    return False
