"""WSGI entry point for gunicorn: ``gunicorn toolkit.wsgi``.

Page-cache hits are answered in front of Django's handler where the cache is shared
(``toolkit.core.page_cache_wsgi``); everything else is Django's.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toolkit.settings.production")

application = get_wsgi_application()

from toolkit.core.page_cache_wsgi import serve_cached_pages  # noqa: E402 - needs Django set up

application = serve_cached_pages(application)
