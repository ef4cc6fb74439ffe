"""Settings shared by every environment.

Everything that differs between machines comes from the environment (twelve-factor style), so the
same code runs on a laptop with SQLite and on a cluster with PostgreSQL, Redis and S3:

- ``DATABASE_URL``  (default ``sqlite:///db.sqlite3`` in the project folder)
- ``REDIS_URL``     (when set, the cache is Redis; otherwise local memory)
- ``SECRET_KEY``, ``ALLOWED_HOSTS`` (comma-separated), ``CSRF_TRUSTED_ORIGINS``
- ``EMAIL_HOST``, ``EMAIL_PORT``, ``EMAIL_HOST_USER``, ``EMAIL_HOST_PASSWORD``, ``EMAIL_USE_TLS``,
  ``DEFAULT_FROM_EMAIL``
- ``WAGTAILADMIN_BASE_URL`` (the public address, used in emails and admin links)
"""

import datetime
import os
from email.utils import getaddresses
from pathlib import Path

import dj_database_url

from toolkit.core.log_filters import SECURITY_LOGGERS

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "toolkit"


def env_list(name, default=""):
    """A comma-separated environment variable as a list, without empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# No script reads the CSRF cookie (forms carry the token; Wagtail's admin gets it in wagtailConfig),
# so a script injected into a page cannot read it either.
CSRF_COOKIE_HTTPONLY = True
# Who the client is, for rate limits and the login lockout (toolkit.core.ratelimit.client_address):
# the header a reverse proxy puts the reader's address in (X-Real-IP, or X-Forwarded-For), believed
# only on connections from TRUSTED_PROXIES (addresses or networks). BEHIND_PROXY=true says a proxy
# is in front even without a front cache, so `check --deploy` insists on CLIENT_IP_HEADER.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1")
BEHIND_PROXY = env_bool("BEHIND_PROXY")

INSTALLED_APPS = [
    "toolkit.core",
    "toolkit.home",
    "toolkit.taxonomy",
    "toolkit.sheets",
    "toolkit.directory",
    "toolkit.feedback",
    "toolkit.search",
    "toolkit.glossary",
    "toolkit.seo",
    "toolkit.printing",
    "toolkit.editorial",
    "toolkit.linkcheck",
    "toolkit.security",
    "toolkit.provision",
    "toolkit.backups",
    "toolkit.demo",
    "toolkit.wordpress_import",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "post_office",
]

MIDDLEWARE = [
    "toolkit.core.health.HealthCheckMiddleware",  # /healthz, before host checks and HTTPS redirects
    # Version tokens read once per request: the page cache's key and the page it renders agree.
    "toolkit.core.request_memo.RequestMemoMiddleware",
    # Outside the rest, keeping responses with all their headers: a hit runs none of them.
    "toolkit.core.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside everything that can answer by itself (static files, a bad Host header's 400, the 503
    # page), so every response has the policies, not only the views'.
    "toolkit.security.middleware.ContentSecurityPolicyMiddleware",
    "toolkit.security.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",  # ETag / If-None-Match -> 304
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "toolkit.core.bad_input.UnusableInputMiddleware",  # a 400 for input the database cannot use
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "toolkit.security.twofactor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "toolkit.security.idle.IdleSignOutMiddleware",  # after the user and the messages are known
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "toolkit.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "toolkit.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that does not answer is reported in seconds (503, /healthz), not after minutes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes (gunicorn workers, the task worker) share the file: readers never wait for
    # a writer (WAL), and a writer takes its lock at the start instead of failing half-way.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Anonymous pages are cached whole (toolkit.core.page_cache) and made stale by any publish.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 60 * 60 * 24))
# Searches a minute from one client address before it is asked to wait (a 429 page); 0 turns the
# limit off (the benchmarks do, to measure what the servers can answer).
SEARCHES_PER_MINUTE = int(os.environ.get("SEARCHES_PER_MINUTE", 120))
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", 60))  # what browsers and CDNs may keep
# The query parameters public pages read; a request with any other (tracking ones aside) is
# answered without being kept in the page cache.
PAGE_CACHE_QUERY_PARAMETERS = ("page", "topic", "sheet")

# A CDN or caching proxy in front: Wagtail purges a page's addresses from it when the page is
# published, unpublished or moved. FRONTEND_CACHE_PURGE_URL is an HTTP endpoint that accepts
# PURGE (Varnish, nginx proxy_cache_purge, ...); see Wagtail's frontend cache docs for Cloudflare
# and CloudFront, which are the same setting with another backend.
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    }
# How long that front cache may keep an anonymous page (s-maxage): it is told to drop everything
# when anything readers see changes (toolkit.core.front_cache), so this can be long.
FRONT_CACHE_SECONDS = int(os.environ.get("FRONT_CACHE_SECONDS", 60 * 60 * 24))

# The cache: Redis shared by every process when REDIS_URL is set (if Redis goes down, pages are
# served uncached with a warning, never an error: toolkit.core.cache_backends), else each process's
# own memory. Either way every process agrees on what is published: the version tokens in every
# cache key live in the database (toolkit.core.versions), and so do rate limits without Redis.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "toolkit.core.cache_backends.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "toolkit"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded images and documents on S3-compatible storage (AWS, or any service that speaks its API)
# when a bucket is named; the access keys come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,
# which boto3 reads itself. Signed addresses by default, so a private bucket works as it is.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", ""),
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", True),
            "file_overwrite": False,
            "default_acl": None,
        },
    }
# Images are served from /media/ by the app unless a web server in front does it (the shipped
# nginx does; set SERVE_MEDIA=false there). Never used with S3, whose own addresses are used.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

# Uploads: refuse very large request bodies before Django reads them into memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Only these kinds of file (by extension, checked by Wagtail on upload): no SVG (it can carry
# script), no HTML, no executables. Images are limited in pixels too (decompression bombs).
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "odt",
    "rtf",
    "txt",
    "csv",
    "xls",
    "xlsx",
    "ods",
    "ppt",
    "pptx",
    "odp",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024

# Slow work (email, booklets, front-cache purges, link checks) is queued in the database and done
# by a worker process, `manage.py db_worker` (django-tasks-db), so no reader waits for it. With
# TASK_BACKEND=immediate (development and tests) it runs at once, inside the request instead.
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}


def task_settings(default):
    kind = os.environ.get("TASK_BACKEND", default)
    if kind not in TASK_BACKENDS:
        raise ValueError(f"TASK_BACKEND must be one of {', '.join(TASK_BACKENDS)}, not {kind!r}")
    return {"default": {"BACKEND": TASK_BACKENDS[kind]}}


TASKS = task_settings("immediate")

EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "toolkit@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Who is emailed a report of each server error (when Sentry is not set up): "Name <address>, ...".
ADMINS = getaddresses(env_list("ADMINS"))

WAGTAIL_SITE_NAME = "Community Planning Toolkit"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Review emails go to the people of each step (Reviewers, then Editors) and to the author, never
# to every superuser as well: an editor with full rights was mailed twice about each submission,
# for the reviewers' step.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "english"}
}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_COMMENTS_ENABLED = True
# Editors write in British English; the admin follows.
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("en-gb", "English")]

LOGIN_URL = "wagtailadmin_login"

# --- Security (see "Security" in the README) --------------------------------------------------------
# Sign-in: django-axes pauses sign-in for an account from one client address after repeated
# failures (the Wagtail admin's login form goes through Django's authenticate(), which axes watches).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Signed out after this long without a request (toolkit.security.idle); 0 keeps a session for
# the whole of SESSION_COOKIE_AGE.
ADMIN_IDLE_SECONDS = int(os.environ.get("ADMIN_IDLE_MINUTES", "480")) * 60
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "toolkit.security.axes.client_ip"
AXES_LOCKOUT_CALLABLE = "toolkit.security.axes.lockout_response"
AXES_VERBOSE = False
# Two-factor authentication (django-otp, TOTP; see toolkit/security/twofactor.py): available to
# every admin user under Account; TWO_FACTOR_REQUIRED=true makes it compulsory for all of them.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED")
OTP_TOTP_ISSUER = "Community Planning Toolkit"
# Content-Security-Policy (django-csp): no inline script or style on public pages. Video and slide
# players may be framed only from these providers.
EMBED_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://docs.google.com",
    "https://www.slideshare.net",
    "https://speakerdeck.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": EMBED_FRAME_SOURCES,
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Wagtail's admin has inline scripts and styles of its own, so its pages get a looser policy.
CONTENT_SECURITY_POLICY_ADMIN_PREFIXES = ["/admin/", "/django-admin/"]
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", "https:"],
        "font-src": ["'self'", "data:"],
        "frame-src": ["'self'", *EMBED_FRAME_SOURCES],
        "frame-ancestors": ["'self'"],
    }
}
# A page previewed in the editor: the public policy, shown in a frame of the admin (this site only).
CONTENT_SECURITY_POLICY_PREVIEW = {
    "DIRECTIVES": {**CONTENT_SECURITY_POLICY["DIRECTIVES"], "frame-ancestors": ["'self'"]}
}
# No Gravatar: editors' avatars are not fetched from (and their email hashes not sent to) a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=()"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "one_line_warning": {"()": "toolkit.core.log_filters.OneLineWarning"},
        "no_traceback_below_500": {"()": "toolkit.core.log_filters.NoTracebackBelow500"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        # WeasyPrint narrates every PDF ("Step 2 - Fetching and parsing CSS") and fontTools every
        # font it subsets, at INFO: that is noise, not news, in a server's log.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # Bad input answered with a 400 (e.g. an invalid Host header): one line, no email.
        **{name: {"filters": ["one_line_warning"]} for name in SECURITY_LOGGERS},
        # A 4xx that Django logs with its exception (an unparsable body): the line, not the trace.
        "django.request": {"filters": ["no_traceback_below_500"]},
    },
}
