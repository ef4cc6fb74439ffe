"""Signing a user out after a time without activity (``ADMIN_IDLE_SECONDS``).

A session otherwise lasts its whole ``SESSION_COOKIE_AGE`` (two weeks), so an editor who walks
away from a shared or library computer leaves the admin open to the next person. Any request
counts as activity, including the pings Wagtail's edit page sends while it is on screen, so an
editor writing a long sheet is never signed out in the middle of it. Wagtail stops those pings
while the tab is hidden, and a save from a tab hidden past the limit goes to the sign-in page
instead, which is why the default is a working day (8 hours) and not the usual few minutes of a
bank: the next morning, not the lunch break. The time of the last activity is kept in the session
and written at most once a minute, not on every request.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout

LAST_ACTIVE = "toolkit_last_active"


def in_words(seconds):
    """``28800`` -> "8 hours", ``5400`` -> "90 minutes"."""
    if seconds % 3600 == 0:
        hours = seconds // 3600
        return f"{hours} hour{'s' if hours != 1 else ''}"
    minutes = max(1, seconds // 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


class IdleSignOutMiddleware:
    """After ``AuthenticationMiddleware`` and ``MessageMiddleware``: a user idle for longer than
    the limit is signed out before the view runs (the admin then asks them to sign in again)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = getattr(settings, "ADMIN_IDLE_SECONDS", 0)
        if limit and request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get(LAST_ACTIVE)
            if isinstance(last, int) and now - last > limit:
                logout(request)
                messages.info(
                    request,
                    f"You were signed out after {in_words(limit)} without activity. Sign in again to go on.",
                )
            elif not isinstance(last, int) or now - last >= min(60, max(1, limit // 4)):
                request.session[LAST_ACTIVE] = now
        return self.get_response(request)
