"""Bad input from outside is news for the log, not an error report.

Django logs every ``SuspiciousOperation`` that it answers with a 400 (an invalid Host header, a
request body over the limit, too many fields...) at ERROR with a stack trace, and in production
its ``mail_admins`` handler emails that to the admins. A scanner trying Host headers would fill
their inboxes. ``OneLineWarning`` turns such a record into a one-line WARNING before it is handled
(a logger's filters run before the record goes up to ``django`` and its handlers), so the log keeps
one line per attempt and nobody is emailed.
"""

import logging

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


class OneLineWarning(logging.Filter):
    def filter(self, record):
        if record.levelno > logging.WARNING:
            record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        record.exc_info = record.exc_text = record.stack_info = None
        record.msg = " ".join(str(record.msg).split())
        return True
