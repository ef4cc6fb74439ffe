"""Production: refuses to start without its secrets, and turns on every HTTPS protection.

Put the site behind a TLS-terminating proxy (nginx, Caddy or a load balancer) that sets
``X-Forwarded-Proto``.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

if not SECRET_KEY or len(SECRET_KEY) < 50:  # noqa: F405
    raise ImproperlyConfigured("Set SECRET_KEY to a random string of at least 50 characters.")
if not os.environ.get("ALLOWED_HOSTS"):  # noqa: F405
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the site's host names, comma-separated.")

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Browsers fetch every address in a page over HTTPS (see CONTENT_SECURITY_POLICY in base.py).
for policy in (CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN, CONTENT_SECURITY_POLICY_PREVIEW):  # noqa: F405
    policy["DIRECTIVES"]["upgrade-insecure-requests"] = True
# Mail is kept in the database (django-post-office) and sent by the task worker, which tries again
# later when the mail server refuses or does not answer: no message is lost or keeps a reader waiting.
EMAIL_BACKEND = "post_office.EmailBackend"
MAIL_DELIVERY_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")  # noqa: F405
POST_OFFICE = {
    "BACKENDS": {"default": MAIL_DELIVERY_BACKEND},
    "DEFAULT_PRIORITY": "medium",  # queued, never sent inside the request
    # A day of tries at the default interval: a mail server down for a night still gets every
    # message, where 12 tries (an hour) marked them failed for good, never to be sent.
    "MAX_RETRIES": 288,
    "RETRY_INTERVAL": datetime.timedelta(seconds=int(os.environ.get("MAIL_RETRY_SECONDS", "300"))),  # noqa: F405
    "LOG_LEVEL": 1,  # keep a log of failures only
    "MESSAGE_ID_ENABLED": True,
}
# A mail server that takes the connection and then never answers would otherwise hold the task
# worker (and so every purge, booklet and link check queued behind the message) for ever: after
# this many seconds the try fails and the message waits for the next one, like a refusal.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))  # noqa: F405
TASKS = task_settings("database")  # noqa: F405

# Logs: one JSON object a line on standard error (systemd's journal, or any log shipper, reads it).
LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "INFO")  # noqa: F405
LOGGING["formatters"] = {  # noqa: F405
    "json": {
        "()": "pythonjsonlogger.json.JsonFormatter",
        "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
        "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
    }
}
LOGGING["handlers"]["console"] |= {"formatter": "json", "filters": ["not_health_checks"]}  # noqa: F405
# Django's own loggers print through the same handler (and email ADMINS about server errors).
LOGGING["loggers"]["django"] = {"handlers": ["console", "mail_admins"], "level": "INFO", "propagate": False}  # noqa: F405
LOGGING["handlers"]["mail_admins"] = {  # noqa: F405
    "class": "django.utils.log.AdminEmailHandler",
    "email_backend": MAIL_DELIVERY_BACKEND,  # straight out: the error may be that the database is down
    "level": "ERROR",
    "filters": ["require_debug_false", "not_health_checks"],
}
LOGGING["filters"] |= {  # noqa: F405
    "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    "not_health_checks": {"()": "toolkit.core.health.NotHealthChecks"},
    "database_unavailable": {"()": "toolkit.core.log_filters.DatabaseUnavailableOneLine"},
}
# While the database is down, each request answered with the 503 page is one line, not a stack
# trace and an email each (a logger's filters run before its records reach "django"'s handlers).
LOGGING["loggers"]["django.request"] = {"filters": ["database_unavailable"]}  # noqa: F405

# Error reports: to Sentry when SENTRY_DSN is set (and then not also by email), else to ADMINS.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")  # noqa: F405
if SENTRY_DSN:
    # Imported only when Sentry is configured: a server without a DSN never loads it.
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration()],
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),  # noqa: F405
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),  # noqa: F405
        send_default_pii=False,  # no readers' addresses, cookies or form contents
    )
    ADMINS = []
