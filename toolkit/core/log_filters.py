"""Bad input from outside is news for the log, not an error report.

Django logs every ``SuspiciousOperation`` that it answers with a 400 (an invalid Host header, a
request body over the limit, too many fields...) at ERROR with a stack trace, and in production
its ``mail_admins`` handler emails that to the admins. A scanner trying Host headers would fill
their inboxes. ``OneLineWarning`` turns such a record into a one-line WARNING before it is handled
(a logger's filters run before the record goes up to ``django`` and its handlers), so the log keeps
one line per attempt and nobody is emailed.
"""

import logging

from django.db import InterfaceError, OperationalError

# django.core.handlers.exception logs to "django.security.<exception class name>".
SECURITY_LOGGERS = [
    f"django.security.{name}"
    for name in (
        "DisallowedHost",
        "DisallowedRedirect",
        "RequestDataTooBig",
        "TooManyFieldsSent",
        "TooManyFilesSent",
        "SuspiciousFileOperation",
        "SuspiciousMultipartForm",
        "SuspiciousOperation",
    )
]


def drop_traceback(record):
    record.exc_info = record.exc_text = record.stack_info = None


def demote_to_warning(record):
    if record.levelno > logging.WARNING:
        record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)


class OneLineWarning(logging.Filter):
    def filter(self, record):
        demote_to_warning(record)
        drop_traceback(record)
        record.msg = " ".join(str(record.msg).split())
        return True


class DatabaseUnavailableOneLine(logging.Filter):
    """A request that failed because the database could not be reached: one WARNING line.

    Such a request is answered with the designed 503 page (``toolkit.core.views.server_error``),
    and while the database is down every request fails the same way: a stack trace for each, and
    an email to the admins for each (sent straight out, since the mail queue is in that database),
    would bury the one fact worth knowing, which ``/healthz`` also tells monitoring. Only errors of
    the connection (``OperationalError``, ``InterfaceError``) are shortened; any other database
    error is a bug and keeps its stack trace and its report.
    """

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, (OperationalError, InterfaceError)):
            request = getattr(record, "request", None)
            demote_to_warning(record)
            record.msg, record.args = (
                "Database unavailable, answered 503: %s (%s)",
                (
                    getattr(request, "path", "?"),
                    first_line(error),
                ),
            )
            drop_traceback(record)
        return True


def first_line(error):
    """The first line of an exception's message (psycopg adds hints on further lines)."""
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


class NoTracebackBelow500(logging.Filter):
    """``django.request`` logs some 4xx answers with the exception's stack trace (a request body it
    cannot parse, for one: "Bad request (Unable to parse request body)"). The reader got a 400
    and nothing failed, so the log keeps the one line and drops the trace; 5xx keep theirs."""

    def filter(self, record):
        status = getattr(record, "status_code", None)
        if status is not None and status < 500:
            drop_traceback(record)
        return True
