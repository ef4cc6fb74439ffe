"""What the privacy notice, accessibility statement and cookies page say about the software itself.

Those pages must be true of the site they are on: which cookies it sets and for how long, how long
a reader's email address is kept. So the figures come from the settings and code the site runs
with, at the moment ``create_toolkit`` makes the pages, rather than being typed into the texts
(``standard.yaml`` names them as ``$session_cookie``, ``$purge_days``...). What only the council
can say (its name, its officers, its own testing) stays a marked gap for its editors to fill in.
"""

from string import Template

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage

from toolkit.feedback.management.commands.purge_suggestion_emails import DEFAULT_DAYS as PURGE_DAYS
from toolkit.printing.booklets import KEEP_FOR as BOOKLETS_KEPT_FOR

DAY = 24 * 60 * 60


def site_facts(site_address, toolkit_name):
    """The names and numbers the legal pages may use."""
    return {
        "site_address": site_address,
        "toolkit_name": toolkit_name,
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "session_days": settings.SESSION_COOKIE_AGE // DAY,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "csrf_days": settings.CSRF_COOKIE_AGE // DAY,
        "messages_cookie": CookieStorage.cookie_name,
        "purge_days": PURGE_DAYS,
        "booklet_days": BOOKLETS_KEPT_FOR.days,
    }


def fill_in(text, facts):
    """``text`` with each ``$name`` replaced; a name that is not a fact raises KeyError, so a typo
    in a text never reaches a reader as "$sesion_cookie"."""
    return Template(text or "").substitute(facts)
