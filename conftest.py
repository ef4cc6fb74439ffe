"""Shared fixtures: a complete small toolkit, built from factories, for any test that asks."""

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop


@pytest.fixture
def site(db):
    from toolkit.tests.site import build_site

    return build_site()


@pytest.fixture
def live_site(transactional_db):
    from toolkit.tests.site import build_site

    return build_site()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, so no fragment outlives the data it was made from."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
