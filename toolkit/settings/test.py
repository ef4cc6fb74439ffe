"""Tests: fast password hashing, in-memory email and cache, no network."""

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
