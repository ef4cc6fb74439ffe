"""Tests: fast password hashing, in-memory email and cache, no network."""

import os
import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if not REDIS_URL:  # noqa: F405
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# One folder per database engine: `make test` runs the SQLite and PostgreSQL suites side by side.
MEDIA_ROOT = BASE_DIR / "test-media" / DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]  # noqa: F405
ALLOWED_HOSTS = ["*"]
# Serve static files from the app folders (no collectstatic needed for the browser tests).
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file in memory (tmpfs), not SQLite's ":memory:": Django hands a live server's threads the
    # test's one in-memory connection, so two requests at once (the admin pings the server while
    # an editor saves) share a transaction and fail with "no such savepoint". With a file each
    # thread has its own connection and waits for the lock, as gunicorn's workers do.
    _memory = "/dev/shm"  # noqa: S108 - the test run's own database, named by its process id
    _folder = _memory if os.path.isdir(_memory) else tempfile.gettempdir()
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(_folder, f"toolkit-test-{os.getpid()}.sqlite3")}  # noqa: F405
