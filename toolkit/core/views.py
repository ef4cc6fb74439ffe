"""The server-error page: a designed 503 when the database is down, the plain 500 otherwise."""

import sys

from django.db import DatabaseError
from django.http import HttpResponse
from django.template import loader

RETRY_AFTER_SECONDS = 60


def server_error(request):
    """Django calls this while handling the exception, so ``sys.exc_info()`` names what went wrong.

    Neither page touches the database (they extend no template that reads menus or settings), so
    they render when it is the database that failed.
    """
    error = sys.exc_info()[1]
    if isinstance(error, DatabaseError):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    else:
        response = HttpResponse(loader.get_template("500.html").render(), status=500)
    response["Cache-Control"] = "no-store"
    return response
