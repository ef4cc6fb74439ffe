"""Hypothesis' settings for the fuzz suite and the clients it sends requests with."""

import itertools
import os

import pytest
from django.test import Client
from hypothesis import HealthCheck, Phase, settings

FACTOR = max(1, int(os.environ.get("FUZZ_EXAMPLES", "1") or 1))
SEED = os.environ.get("FUZZ_SEED")


def examples(count):
    """``@settings`` for a fuzz test: ``count`` examples (times ``FUZZ_EXAMPLES``), the same ones
    every run, no deadline (timing is not what is tested), and the site fixture shared by all."""
    return settings(
        max_examples=count * FACTOR,
        deadline=None,
        derandomize=SEED is None,
        database=None,
        # No shrinking: a failing example is reported as found (shrinking 1 MB values through
        # the whole site takes minutes); set FUZZ_SHRINK=1 to have it made minimal.
        phases=[Phase.explicit, Phase.generate] + ([Phase.shrink] if os.environ.get("FUZZ_SHRINK") else []),
        print_blob=False,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )


_addresses = itertools.count(1)


def new_reader(**kwargs):
    """A client from an address of its own, so one example's rate-limit counts never answer for
    the next (the counts are in Redis or the database, which a test's examples share)."""
    n = next(_addresses)
    return Client(REMOTE_ADDR=f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}", **kwargs)


@pytest.fixture
def reader():
    return new_reader
