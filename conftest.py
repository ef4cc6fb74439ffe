"""Shared fixtures: a complete small toolkit, built from factories, for any test that asks."""

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop


@pytest.fixture(scope="session")
def built_site(django_db_setup, django_db_blocker):
    """The small complete toolkit, built once per run; each test's transaction is rolled back."""
    from toolkit.tests.site import build_site

    with django_db_blocker.unblock():
        return build_site()


@pytest.fixture
def site(db, built_site):
    from toolkit.tests.site import reload_site

    return reload_site(built_site)


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
