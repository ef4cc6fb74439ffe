import pytest

from .server import LocalServer


@pytest.fixture
def web():
    with LocalServer() as server:
        yield server
