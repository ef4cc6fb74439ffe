"""Input that reaches the database through Django's and Wagtail's own views and fails there.

The public views check their numbers and search terms themselves; the admin's generic views
(snippet listings, add and edit forms, choosers) do not, and on SQLite three kinds of input end
as a 500 with a traceback inside Django's or Wagtail's code (found by the fuzz suite, issue 18):

- a number beyond 64 bits in a choice field or an address (``OverflowError``: SQLite's
  integers are 64-bit, and Django's ``ModelChoiceField`` and ``get_object_or_404`` pass it on);
- text where a hidden id should be ("Field 'id' expected a number but got 'x'", a ``ValueError``
  raised by Django's ``IntegerField.get_prep_value`` from a chooser's field);
- a listing search so long that SQLite refuses the pattern ("LIKE or GLOB pattern too complex");
- on PostgreSQL, a NUL character in any text that reaches a query ("cannot contain NUL (0x00)
  bytes", a ``DataError`` from psycopg), which SQLite takes as it is.

None of these is a fault of the site: each is answered as the bad request it is, a 400 in the
site's design, with one warning line in the log instead of an error report. Anything else goes on
to Django's handling as before.
"""

import logging
import re

from django.db import DataError, OperationalError
from django.views.defaults import bad_request

logger = logging.getLogger(__name__)

NOT_A_NUMBER = re.compile(r"^Field '\w+' expected a number but got ")
PATTERN_TOO_COMPLEX = "LIKE or GLOB pattern too complex"
NUL_REFUSED = "cannot contain NUL (0x00) bytes"


def unusable_input(exception):
    """Why ``exception`` means the request held input the database cannot use, or None."""
    if isinstance(exception, OverflowError):
        return "a number too large for the database"
    if isinstance(exception, (ValueError, TypeError)) and NOT_A_NUMBER.match(str(exception)):
        return "text where a number was expected"
    if isinstance(exception, OperationalError) and PATTERN_TOO_COMPLEX in str(exception):
        return "a search too long for the database"
    if isinstance(exception, DataError) and NUL_REFUSED in str(exception):
        return "a NUL character, which the database cannot store"
    return None


class UnusableInputMiddleware:
    """Answers a view's failure on unusable input with a 400 (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        reason = unusable_input(exception)
        if reason is None:
            return None
        logger.warning("Bad request to %s refused: %s", request.path, reason)
        return bad_request(request, exception)
